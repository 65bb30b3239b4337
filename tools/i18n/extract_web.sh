#!/usr/bin/env bash
# Extracts the page's texts (web/js/*.js: t, tn, tc, msg, msgc) into po/web/chipatlas-web.pot with
# Debian's xgettext, then merges them into every po/web/<id>.po (msgmerge): run after changing texts.
set -euo pipefail
cd "$(dirname "$0")/../.."
pot=po/web/chipatlas-web.pot
# t(msgid), msg(msgid), tc(ctx, msgid), msgc(ctx, msgid), tn(singular, plural, n).
xgettext --language=JavaScript --from-code=UTF-8 --keyword= --keyword=t --keyword=msg \
  --keyword=tc:1c,2 --keyword=msgc:1c,2 --keyword=tn:1,2 --add-comments=TRANSLATORS: \
  --package-name=chipatlas-web --msgid-bugs-address=none --no-wrap --sort-by-file \
  -o "$pot.new" web/js/*.js
# UTF-8, and no creation date: the template changes only when the texts do.
sed -e "s/charset=CHARSET/charset=UTF-8/" -e "s/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/" -e '/^"POT-Creation-Date:/d' -e '/^"PO-Revision-Date:/d' \
  -e '/^"Last-Translator:/d' -e '/^"Language-Team:/d' -e '/^"Report-Msgid-Bugs-To:/d' \
  -e '/^#, fuzzy$/d' -e '/^# SOME DESCRIPTIVE TITLE/d' -e '/^# Copyright (C) YEAR/d' -e '/^# This file is distributed/d' \
  -e '/^# FIRST AUTHOR/d' -e '/^#$/d' "$pot.new" > "$pot"
rm -f "$pot.new"
for po in po/web/*.po; do
  [ -e "$po" ] || continue
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap --sort-by-file "$po" "$pot"
done
echo "extract_web: $(grep -c '^msgid ' "$pot") texts in $pot"
