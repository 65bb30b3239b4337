#!/usr/bin/env python3
"""Brings the app's catalogues in step with the source: extracts every tr/trc/trn/trcn/trf/N_/NC_
string of src/ into po/app/chipatlas.pot (xgettext) and merges it into each po/app/LANG.po
(msgmerge: new strings arrive untranslated, removed ones become obsolete #~ entries).

    python3 tools/i18n/update_po.py            # after changing strings in src/
    python3 tools/i18n/update_po.py --new LANG # start po/app/LANG.po for a new language
"""
import argparse
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, extract  # noqa: E402

HEADER = '''msgid ""
msgstr ""
"Project-Id-Version: chipatlas\\n"
"Language: {lang}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

'''


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--new", metavar="LANG", help="create po/app/LANG.po from the template (then set its Plural-Forms)")
    a = ap.parse_args()
    po_dir = os.path.join(ROOT, "po", "app")
    pot = os.path.join(po_dir, "chipatlas.pot")
    extract(pot)
    with open(pot, encoding="utf-8") as f:
        body = f.read()
    with open(pot, "w", encoding="utf-8") as f:
        f.write(HEADER.format(lang="") + body)
    if a.new:
        path = os.path.join(po_dir, a.new + ".po")
        if os.path.exists(path):
            sys.exit(f"update_po: {path} exists")
        subprocess.run(["msginit", "--no-translator", "--no-wrap", "-l", a.new, "-i", pot, "-o", path], check=True)
    for po in sorted(glob.glob(os.path.join(po_dir, "*.po"))):
        subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-wrap", "--sort-output", po, pot], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
