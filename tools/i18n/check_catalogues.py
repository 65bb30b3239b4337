#!/usr/bin/env python3
"""The catalogues' test (ctest "i18n: ..."): for every PO file under po/ (the app's po/app/ and
the page's po/web/), the share of messages translated, per language, failing below 100%, and
msgfmt --check; then that po/app/ is in step with the source: xgettext run on src/ now finds
no string the template or a language's PO lacks, and the POs hold none the source dropped;
and with --fonts, that the app's fonts draw every character of po/app/LANG.po: the bundled
ui.otf (+ symbols.otf) and the build's i18n/LANG.otf together (po/web is the page's: the
browser draws it).

    python3 tools/i18n/check_catalogues.py [--root DIR] [--fonts BUILD/fonts --i18n-dir BUILD/i18n]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, extract, import_polib  # noqa: E402

polib = import_polib()


def coverage(po):
    """(translated, total, problems) of one PO file, by msgfmt --check --statistics."""
    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po], capture_output=True, text=True)
    problems = [l for l in r.stderr.splitlines() if "translated message" not in l and "header field" not in l]
    stats = r.stderr
    num = lambda pat: int(m.group(1)) if (m := re.search(r"(\d+) " + pat, stats)) else 0
    done, fuzzy, todo = num("translated message"), num("fuzzy translation"), num("untranslated message")
    if r.returncode != 0 and not problems:
        problems = ["msgfmt --check failed"]
    return done, done + fuzzy + todo, problems


def keys(path):
    return {(e.msgctxt or "", e.msgid) for e in polib.pofile(path) if not e.obsolete}


def font_failures(a, pos):
    """Characters of the app's catalogues that neither ui.otf/symbols.otf nor i18n/LANG.otf draws."""
    from fontTools.ttLib import TTFont
    base = set()
    for name in ("ui.otf", "symbols.otf"):
        path = os.path.join(a.fonts, name)
        if os.path.exists(path):
            base |= set(TTFont(path).getBestCmap())
    out = []
    for po in pos:
        lang = os.path.splitext(os.path.basename(po))[0]
        font = os.path.join(a.i18n_dir, lang + ".otf")
        have = base | (set(TTFont(font).getBestCmap()) if os.path.exists(font) else set())
        chars = set()
        for e in polib.pofile(po):
            for t in [e.msgstr] + list(e.msgstr_plural.values()):
                chars |= {c for c in t if ord(c) >= 0x20}
        lacking = sorted(c for c in chars if ord(c) not in have)
        print(f"{os.path.basename(po)}: {len(chars)} characters, {len(lacking)} without a glyph")
        if lacking:
            out.append(f"{po}: no glyph in ui.otf or i18n/{lang}.otf for " + " ".join(f"U+{ord(c):04X} {c}" for c in lacking[:20]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=ROOT)
    ap.add_argument("--fonts", help="the build's fonts folder (ui.otf, symbols.otf)")
    ap.add_argument("--i18n-dir", help="the build's i18n folder (LANG.otf, en-XA.po)")
    a = ap.parse_args()
    failures = []
    pos = sorted(glob.glob(os.path.join(a.root, "po", "**", "*.po"), recursive=True))
    if not pos:
        failures.append("no PO files under po/")
    for po in pos:
        rel = os.path.relpath(po, a.root)
        done, total, problems = coverage(po)
        share = 100.0 * done / total if total else 0.0
        print(f"{rel}: {done}/{total} translated ({share:.1f}%)")
        if done < total or total == 0:
            failures.append(f"{rel}: {total - done} of {total} messages not translated ({share:.1f}%, needs 100%)")
        failures += [f"{rel}: msgfmt --check: {p}" for p in problems]
    # In step with the source.
    app_dir = os.path.join(a.root, "po", "app")
    with tempfile.TemporaryDirectory() as tmp:
        fresh_pot = os.path.join(tmp, "fresh.pot")
        extract(fresh_pot, a.root)
        fresh = keys(fresh_pot)
    for path in [os.path.join(app_dir, "chipatlas.pot")] + sorted(glob.glob(os.path.join(app_dir, "*.po"))):
        rel = os.path.relpath(path, a.root)
        have = keys(path)
        for ctx, mid in sorted(fresh - have):
            failures.append(f"{rel}: lacks {('[' + ctx + '] ') if ctx else ''}{mid!r}, which src/ uses "
                            "(run python3 tools/i18n/update_po.py, then translate it)")
        for ctx, mid in sorted(have - fresh):
            failures.append(f"{rel}: has {('[' + ctx + '] ') if ctx else ''}{mid!r}, which src/ no longer uses "
                            "(run python3 tools/i18n/update_po.py)")
    if a.fonts and a.i18n_dir:
        failures += font_failures(a, sorted(glob.glob(os.path.join(app_dir, "*.po"))) + [os.path.join(a.i18n_dir, "en-XA.po")])
    for f in failures:
        print("FAIL: " + f)
    print("catalogues: " + ("ok" if not failures else f"{len(failures)} problem(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
