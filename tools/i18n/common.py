"""Shared pieces of tools/i18n: the xgettext call that extracts the app's strings from src/,
and polib from Debian's python3-polib (re-run under /usr/bin/python3 when another python3 is
first in PATH and does not see it)."""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# What the pseudo-locale en-XA keeps unaccented in both catalogues (the app's, build_catalogues.py;
# the page's, compile_web_po.py): acronyms (PNG, CSV, JSON), which the page shows untranslated on
# its buttons and whose accessible names must hold them (axe-core's label-content-name-mismatch),
# as every real catalogue's do.
ACRONYM = r"\b[A-Z][A-Z0-9]+\b"

# The editor's own texts, by the files they are used in: the app's (its Edit panel, forms, story
# editor) and the page's (the editing layer, a bundle of its own). A text used only there goes to
# a catalogue of its own, LANG.edit.mo / LANG.edit.json, which only an editing visit fetches.
EDIT_APP_SOURCES = re.compile(r"^src/(ui/(edit_|story_edit_)|app/edit|core/edit_)")
EDIT_WEB_SOURCES = re.compile(r"^web/js/(edit_layer|story_edit_layer)\.js$")


def editing_only(entry, sources):
    """Whether a catalogue entry (polib) is used only in files the pattern `sources` names."""
    files = [f for f, _ in entry.occurrences]
    return bool(files) and all(sources.match(f) for f in files)


# The look-ups of src/core/i18n.h, as xgettext keywords.
KEYWORDS = ["tr:1", "trc:1c,2", "trn:1,2", "trcn:1c,2,3", "trf:1", "N_:1", "NC_:1c,2"]


def import_polib():
    try:
        import polib  # noqa: F401
        return polib
    except ImportError:
        alt = "/usr/bin/python3"
        if (os.path.exists(alt) and os.path.realpath(sys.executable) != os.path.realpath(alt)
                and not os.environ.get("I18N_REEXEC")):
            os.environ["I18N_REEXEC"] = "1"
            os.execv(alt, [alt] + sys.argv)
        sys.exit("i18n: the Python module polib is missing (apt-get install python3-polib)")


def sources(root=ROOT):
    """The C++ files whose strings a visitor reads: src/core, src/ui, src/app (sorted)."""
    out = []
    for sub in ("src/core", "src/ui", "src/app"):
        for dirpath, _, files in os.walk(os.path.join(root, sub)):
            out += [os.path.relpath(os.path.join(dirpath, f), root) for f in files if f.endswith((".cpp", ".h"))]
    return sorted(out)


def extract(pot_path, root=ROOT):
    """Runs xgettext over sources() into pot_path (no dates, so the file only changes with the strings)."""
    # (A header is written, not omitted: without one xgettext writes ASCII and drops the rest.)
    cmd = ["xgettext", "--language=C++", "--from-code=UTF-8", "--add-comments=TRANSLATORS:", "--sort-output",
           "--no-wrap", "--add-location=file", "--package-name=chipatlas", "-o", pot_path]
    cmd += ["--keyword=" + k for k in KEYWORDS]
    # trf and tr take printf formats where they have % directives: xgettext marks those c-format.
    r = subprocess.run(cmd + sources(root), cwd=root, capture_output=True, text=True)
    # Non-ASCII msgids are deliberate (the source is UTF-8, and so are the catalogues).
    noise = ("non-ASCII", "This will cause problems", "different from yours")
    for line in r.stderr.splitlines():
        if not any(n in line for n in noise):
            sys.stderr.write(line + "\n")
    if r.returncode:
        sys.exit("i18n: xgettext failed")
    # The header without its creation date, so the template only changes with the strings.
    with open(pot_path, encoding="utf-8") as f:
        body = f.read()
    body = body.split("\n\n", 1)[1] if body.startswith("#") or body.startswith("msgid") else body
    with open(pot_path, "w", encoding="utf-8") as f:
        f.write(body)
