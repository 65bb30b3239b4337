#!/usr/bin/env python3
# Compiles the page's catalogues (po/web/<id>.po) into what the page fetches, OUT/i18n/<id>.json,
# the editing layer's own texts (common.EDIT_WEB_SOURCES) into OUT/i18n/<id>.edit.json (only an
# editing visit fetches it), and makes the pseudo-locale en-XA (English ~40% longer, accented).
#   python3 tools/i18n/compile_web_po.py --out DIR [--po DIR] [--check-only]
# Each PO goes through Debian's `msgfmt --check` (syntax, headers, {placeholders} kept is checked
# here) and is read back from the .mo with Python's own gettext module. Exit 1 with FILE: why.
import argparse
import gettext
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ACRONYM, EDIT_WEB_SOURCES, editing_only, import_polib  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ["zh-Hant", "zh-Hans", "ko", "ja"]  # en is the source text; en-XA is made here
PSEUDO = "en-XA"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fail(msg):
    print("compile_web_po: " + msg, file=sys.stderr)
    sys.exit(1)


def read_mo(po):
    """The PO's messages, through msgfmt --check and gettext: {key: text or [forms]}."""
    with tempfile.TemporaryDirectory() as tmp:
        mo = Path(tmp) / "out.mo"
        r = subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{po}: msgfmt --check failed:\n{r.stderr.strip()}")
        with open(mo, "rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog
    out, plurals = {}, {}
    for key, text in catalog.items():
        if isinstance(key, tuple):
            plurals.setdefault(key[0], {})[key[1]] = text
        elif key:  # "" is the header
            out[key] = text
    for key, forms in plurals.items():
        out[key] = [forms[i] for i in sorted(forms)]
    return out


def template():
    """Every text of the page (po/web/chipatlas-web.pot), as English: {key: text or [sing, plural]}."""
    pot = ROOT / "po" / "web" / "chipatlas-web.pot"
    with tempfile.TemporaryDirectory() as tmp:
        en = Path(tmp) / "en.po"
        r = subprocess.run(["msgen", "-o", str(en), str(pot)], capture_output=True, text=True)
        if r.returncode != 0:
            fail(f"{pot}: msgen failed:\n{r.stderr.strip()}")
        text = en.read_text(encoding="utf-8").replace("charset=CHARSET", "charset=UTF-8")
        en.write_text(text, encoding="utf-8")
        return read_mo(en)


def editing_keys():
    """The catalogue keys ("ctx\\x04msgid" or msgid) of the texts only the editing layer uses."""
    polib = import_polib()
    pot = polib.pofile(str(ROOT / "po" / "web" / "chipatlas-web.pot"))
    return {(e.msgctxt + "\x04" if e.msgctxt else "") + e.msgid for e in pot if editing_only(e, EDIT_WEB_SOURCES)}


def check_placeholders(po, key, text):
    msgid = key.split("\x04")[-1]
    want = set(PLACEHOLDER.findall(msgid))
    for form in text if isinstance(text, list) else [text]:
        got = set(PLACEHOLDER.findall(form))
        if got != want:
            fail(f"{po}: {msgid!r}: the translation has {sorted(got)} where the text has {sorted(want)}")


ACCENTS = str.maketrans("aceinouyACEINOUY", "àçéîñöûýÀÇÉÎÑÖÛÝ")


# Acronyms stay as they are (common.ACRONYM).
KEPT = re.compile("(" + ACRONYM + ")")


def accented(text):
    return "".join(p if i % 2 else p.translate(ACCENTS) for i, p in enumerate(KEPT.split(text)))


def pseudo(text):
    """en-XA: accented, ~40% longer (padding words), {placeholders} and acronyms kept, in brackets."""
    parts = PLACEHOLDER.split(text)
    out = "".join(accented(p) if i % 2 == 0 else "{" + p + "}" for i, p in enumerate(parts))
    pad = max(1, round(len(text) * 0.4))
    filler = ("·ẋ" * pad)[:pad]
    return "[" + out + " " + filler + "]"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="the site folder: writes OUT/i18n/<id>.json")
    ap.add_argument("--po", default=str(ROOT / "po" / "web"))
    a = ap.parse_args()
    po_dir, out = Path(a.po), Path(a.out) / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    english = template()
    editing = editing_keys()
    for loc in LOCALES:
        po = po_dir / f"{loc}.po"
        if not po.exists():
            fail(f"{po}: missing (every language of the page has one)")
        msgs = read_mo(po)
        for key, text in msgs.items():
            if key not in english:
                continue  # obsolete: msgmerge keeps it as #~, msgfmt drops it
            check_placeholders(po, key, text)
        write_split(out, loc, {k: v for k, v in msgs.items() if k in english}, editing)
    xa = {k: [pseudo(f) for f in v] if isinstance(v, list) else pseudo(v) for k, v in english.items()}
    write_split(out, PSEUDO, xa, editing)
    print(f"compile_web_po: {len(english)} texts, {', '.join(LOCALES + [PSEUDO])} -> {out}")


def write_split(out, loc, msgs, editing):
    """OUT/<loc>.json without the editing layer's texts, OUT/<loc>.edit.json with them only."""
    write(out / f"{loc}.json", loc, {k: v for k, v in msgs.items() if k not in editing})
    write(out / f"{loc}.edit.json", loc, {k: v for k, v in msgs.items() if k in editing})


def write(path, loc, msgs):
    body = json.dumps({"locale": loc, "messages": dict(sorted(msgs.items()))}, ensure_ascii=False, separators=(",", ":"))
    if not path.exists() or path.read_text(encoding="utf-8") != body:
        path.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
