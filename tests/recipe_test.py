#!/usr/bin/env python3
# Follows data/README.md's "Add a collaboration in five steps" on a copy of data/: a source, two
# organisations whose native names use CJK characters no bundled font has, a collaboration with
# a quote and an event; validates; screenshots the selection in native-names mode and checks
# that the new glyphs are drawn (the render differs from one with the system-font fallback off,
# where ImGui draws its fallback glyph, and a second render with the fallback is the same).
# Usage: recipe_test.py --app build/native/chipatlas --coverage build/native/fonts/coverage.txt
#        --work DIR [--xvfb xvfb-run]
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from check_png import read_png  # noqa: E402

QUOTE = "Lungtai Wafer and Hoshimi Precision signed a memorandum of understanding on advanced packaging."
# Fictional organisations; none of the 8 characters of their native names is in the bundled data.
NEW_ORGS = [
    {"id": "recipe_lungtai", "name": "Lungtai Wafer", "abbr": "LTW", "names": [{"lang": "zh-Hant", "text": "龘鑫晶圓"}],
     "kind": "company", "region": "taiwan", "city": "Hsinchu", "lat": 24.78, "lon": 120.99,
     "sources": ["recipe_source"], "inferred": ["names", "city", "lat", "lon"], "note": "Test organisation."},
    {"id": "recipe_hoshimi", "name": "Hoshimi Precision", "names": [{"lang": "ja", "text": "燚淼鑄鍛"}],
     "kind": "company", "region": "japan", "city": "Kumamoto", "lat": 32.80, "lon": 130.71,
     "sources": ["recipe_source"], "inferred": ["names", "city", "lat", "lon"], "note": "Test organisation."},
]


def fail(msg):
    print("recipe_test: FAIL: " + msg)
    sys.exit(1)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def save(path, doc):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def coverage(path):
    cps = set()
    with open(path, encoding="ascii") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            a, b = (int(x, 16) for x in line.split())
            cps.update(range(a, b + 1))
    return cps


def follow_recipe(data):
    """Steps 1-4 of the recipe, as a person would do them, on the copy in `data`."""
    src = load(os.path.join(data, "sources.json"))
    src["sources"].append({"id": "recipe_source", "title": "Wafer maker and machine builder sign packaging MoU",
                           "publisher": "Example News", "published": "2024-05-02", "file": "recipe_source.txt",
                           "url": "https://example.org/recipe"})
    save(os.path.join(data, "sources.json"), src)
    orgs = load(os.path.join(data, "organisations.json"))
    orgs["organisations"].extend(NEW_ORGS)
    save(os.path.join(data, "organisations.json"), orgs)
    col = load(os.path.join(data, "collaborations.json"))
    col["collaborations"].append({
        "id": "recipe_mou", "title": "Lungtai-Hoshimi packaging MoU", "kind": "mou",
        "participants": [{"org": "recipe_lungtai", "role": "signatory"}, {"org": "recipe_hoshimi", "role": "signatory"}],
        "start": "2024-05-02", "topics": ["advanced_packaging"], "summary": "A test MoU.",
        "evidence": [{"source": "recipe_source", "quote": QUOTE}]})
    save(os.path.join(data, "collaborations.json"), col)
    ev = load(os.path.join(data, "events.json"))
    ev["events"].append({"id": "recipe_mou.signing", "collaboration": "recipe_mou", "date": "2024-05-02", "kind": "signing",
                         "title": "MoU signed", "source": "recipe_source", "quote": QUOTE})
    save(os.path.join(data, "events.json"), ev)


def validate(app, files, sources):
    """Step 5: --validate (with --sources where this build has it)."""
    helptext = subprocess.run([app, "--help"], capture_output=True, text=True).stdout
    cmd = [app, "--validate"] + (["--sources", sources] if sources and "--sources" in helptext else []) + files
    r = subprocess.run(cmd, capture_output=True, text=True)
    print("$ " + " ".join(os.path.relpath(c) if os.path.exists(c) else c for c in cmd))
    print(r.stdout + r.stderr)
    if r.returncode != 0:
        fail("--validate rejected the recipe's data")
    if "note: 8 characters are not in the bundled fonts" not in r.stdout:
        fail("--validate did not note the 8 characters the bundled fonts lack")


def shot(args, files, out, fallback):
    env = dict(os.environ)
    env.pop("CHIPATLAS_NO_SYSTEM_FONTS", None)
    if not fallback:
        env["CHIPATLAS_NO_SYSTEM_FONTS"] = "1"
    cmd = ([args.xvfb, "-a", "-s", "-screen 0 1280x900x24"] if args.xvfb else []) + [
        args.app, "--data"] + files + ["--screenshot", out, "--size", "960x640",
                                       "--hash", "#t=2024-06-01&mode=cumulative&sel=recipe_lungtai&lang=native"]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if r.returncode != 0 or not os.path.exists(out):
        fail("screenshot failed (%d): %s" % (r.returncode, r.stderr[-2000:]))
    return read_png(out)


def diff_pixels(a, b):
    (w, h, bpp, ra), (_w, _h, _b, rb) = a, b
    n, box = 0, [w, h, -1, -1]
    for y in range(h):
        if ra[y] == rb[y]:
            continue
        for x in range(w):
            if ra[y][x * bpp:x * bpp + 3] != rb[y][x * bpp:x * bpp + 3]:
                n += 1
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return n, box


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--coverage", required=True, help="the build's fonts/coverage.txt")
    ap.add_argument("--work", required=True, help="scratch folder (emptied)")
    ap.add_argument("--xvfb", default="")
    args = ap.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    data = os.path.join(args.work, "data")
    sources = os.path.join(args.work, "sources")
    os.makedirs(sources)
    shutil.copytree(os.path.join(ROOT, "data"), data, ignore=shutil.ignore_patterns("*.md", "*.py"))
    with open(os.path.join(sources, "recipe_source.txt"), "w", encoding="utf-8") as fh:
        fh.write("Example News, 2 May 2024.\n\n" + QUOTE + "\n")
    # The bundled data's own source texts (third-party, never in the repository) sit beside the
    # new one, as they would in ../shared/sources; without them, quotes are not checked.
    real = os.environ.get("CHIPATLAS_SOURCES") or os.path.join(ROOT, "..", "shared", "sources")
    if os.path.isdir(real):
        for name in os.listdir(real):
            if name.endswith(".txt"):
                os.symlink(os.path.abspath(os.path.join(real, name)), os.path.join(sources, name))
    else:
        print(f"quotes NOT verified: source texts not found at {real} (set CHIPATLAS_SOURCES)")
        sources = None

    # The precondition: the new names' characters are in no bundled font.
    cov = coverage(args.coverage)
    new_chars = sorted({c for o in NEW_ORGS for n in o["names"] for c in n["text"]} - {chr(cp) for cp in cov})
    print("characters of the new names that the bundled fonts lack: " + " ".join(new_chars))
    if len(new_chars) != 8:
        fail("expected all 8 characters of the two new names to be missing from the bundled fonts")

    follow_recipe(data)
    files = sorted(f for f in glob.glob(os.path.join(data, "*.json")) if not f.endswith("schema.json"))
    validate(args.app, files, sources)

    with_fallback = shot(args, files, os.path.join(args.work, "native_names.png"), True)
    again = shot(args, files, os.path.join(args.work, "native_names_again.png"), True)
    without = shot(args, files, os.path.join(args.work, "native_names_no_fallback.png"), False)
    same, _ = diff_pixels(with_fallback, again)
    changed, box = diff_pixels(with_fallback, without)
    print("pixels that differ: between two renders with the fallback %d; with and without it %d (box %s)" % (same, changed, box))
    if same > 0:
        fail("two renders of the same view differ: the comparison would not mean anything")
    if changed < 100:
        fail("the new names look the same with and without the system font: their glyphs are not drawn")
    print("recipe_test: OK")


if __name__ == "__main__":
    main()
