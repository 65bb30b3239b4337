#!/usr/bin/env python3
"""Compiles the app's catalogues for the build (cmake/i18n.cmake runs this): each po/app/LANG.po
is checked and compiled by msgfmt into OUT/LANG.mo, and the pseudo-locale en-XA (every string
about 40% longer and accented, placeholders kept) is generated from po/app/chipatlas.pot into
OUT/en-XA.po and compiled the same way. The editor's own texts (common.EDIT_APP_SOURCES) go to
OUT/LANG.edit.mo instead, which only an editing visit fetches. With --data, each catalogue also carries the bundled
data's translations into its language (tools/i18n/data_translations.py: the web site's wasm
embeds the data without them). Nothing here is committed: OUT is in the build tree.

    python3 tools/i18n/build_catalogues.py --po-dir po/app --out build/native/i18n --data data
"""
import argparse
import glob
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ACRONYM, EDIT_APP_SOURCES, editing_only, import_polib  # noqa: E402
import data_translations  # noqa: E402

polib = import_polib()

# Latin letters to accented ones from Latin-1 (Noto Sans CJK has those; the build's en-XA.otf
# carries the ones ui.otf lacks, tools/fonts/make_fonts.py --i18n).
ACCENTS = dict(zip("aceinouyAEIOUCNY", "áçéíñóúýÅÉÎÖÜÇÑÝ"))
# printf directives, an ImGui "##id" tail, and acronyms (common.ACRONYM): kept as they are.
KEEP = re.compile(r"%(\d+\$)?[-+ #0-9.*]*(hh|h|ll|l|L|z|j|t)?[a-zA-Z%]|##.*$|" + ACRONYM)


def pseudo(text):
    if not text:
        return text
    out, last = [], 0
    for m in KEEP.finditer(text):
        out.append("".join(ACCENTS.get(c, c) for c in text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append("".join(ACCENTS.get(c, c) for c in text[last:]))
    body = "".join(out)
    pad = "·" * max(1, math.ceil(len(text) * 0.4) - 2)
    tail = ""
    m = re.search(r"##.*$", body)
    if m:
        body, tail = body[:m.start()], m.group(0)
    return "[" + body + pad + "]" + tail


def make_pseudo(pot, out_po):
    cat = polib.pofile(pot, wrapwidth=0)
    cat.metadata["Language"] = "en-XA"
    cat.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    cat.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    cat.metadata["PO-Revision-Date"] = "2026-01-01 00:00+0000"
    cat.metadata["Last-Translator"] = cat.metadata["Language-Team"] = "tools/i18n/build_catalogues.py"
    for e in cat:
        if e.msgid_plural:
            e.msgstr_plural = {0: pseudo(e.msgid), 1: pseudo(e.msgid_plural)}
        else:
            e.msgstr = pseudo(e.msgid)
    cat.save(out_po)


def split_editing(po, lang, out_dir):
    """po's texts in two copies in out_dir: those a visitor reads (LANG.po) and the editor's own
    (LANG.edit.po), each with po's header."""
    cat = polib.pofile(po, wrapwidth=0)
    main, edit = polib.POFile(wrapwidth=0), polib.POFile(wrapwidth=0)
    main.metadata = edit.metadata = cat.metadata
    for e in cat:
        if not e.obsolete:
            (edit if editing_only(e, EDIT_APP_SOURCES) else main).append(e)
    paths = os.path.join(out_dir, lang + ".po"), os.path.join(out_dir, lang + ".edit.po")
    main.save(paths[0])
    edit.save(paths[1])
    return paths


def with_data(po, lang, data, out_dir):
    """po, or a copy in out_dir (a scratch folder: the copies are not shipped) with the data's
    translations into lang appended (data_translations.entries: msgctxt one of its *_CONTEXT,
    msgid the collaboration's or event's id or the fact's key)."""
    if not data.get(lang):
        return po
    cat = polib.pofile(po, wrapwidth=0)
    for ctx, msgid, text in data[lang]:
        cat.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=text))
    out = os.path.join(out_dir, lang + ".with-data.po")
    cat.save(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--po-dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", help="the dataset's folder: its translations go into each language's catalogue")
    a = ap.parse_args()
    data = data_translations.entries(a.data) if a.data else {}
    os.makedirs(a.out, exist_ok=True)
    pos = sorted(glob.glob(os.path.join(a.po_dir, "*.po")))
    xa = os.path.join(a.out, "en-XA.po")
    make_pseudo(os.path.join(a.po_dir, "chipatlas.pot"), xa)
    with tempfile.TemporaryDirectory() as scratch:
        for po in pos + [xa]:
            lang = os.path.splitext(os.path.basename(po))[0]
            main, edit = split_editing(po, lang, scratch)
            for src, out in ((with_data(main, lang, data, scratch), lang + ".mo"), (edit, lang + ".edit.mo")):
                r = subprocess.run(["msgfmt", "--check", "-o", os.path.join(a.out, out), src], capture_output=True, text=True)
                if r.returncode != 0:
                    sys.stderr.write(r.stderr)
                    sys.exit(f"build_catalogues: {po} does not compile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
