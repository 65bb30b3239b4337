#!/usr/bin/env python3
"""Subset Noto Sans CJK into the small fonts chipatlas embeds (the build runs this: cmake/fonts.cmake).

    python3 tools/fonts/make_fonts.py [--data DIR] [--extra FILE ...] [--out DIR] [--ttc FILE] [--quiet]
    python3 tools/fonts/make_fonts.py --slices DIR     # the web's on-demand slices
    python3 tools/fonts/make_fonts.py --i18n DIR --po LANG.po ...   # i18n/LANG.otf: what a
        # catalogue and the data's translations into LANG need beyond ui.otf (fetched with LANG)

Characters come from every string value in DIR/*.json (default: data/) plus the --extra text
files (default: tools/fonts/ui_chars.txt). Outputs (CFF/OTF, unhinted, no layout features
except kern):

  ui.otf        Noto Sans CJK TC: the UI characters + every character in the data (but the
                collaborations' `translations`: see --i18n), so that no character is ever a
                box even if the per-language fonts are not used
  cjk_ja.otf    Noto Sans CJK JP: characters of the `lang: "ja"` names
  cjk_ko.otf    Noto Sans CJK KR: characters of the `lang: "ko"` names
  cjk_sc.otf    Noto Sans CJK SC: characters of the `lang: "zh-Hans"` names
  symbols.otf   a few UI symbols that no Noto Sans CJK face has (⏸ ⏮ ⏭ ⏵ ↺ ⟲ ❚ ✕),
                drawn by this script; merge it into the UI font
  chars.txt     the gathered characters with the fonts that carry each, for review
  coverage.txt  what ui.otf + symbols.otf draw, as hex ranges (for --validate's note)
  LICENSE-OFL.txt

All faces of the TTC share one CFF table (same glyph ids); a face only differs in which glyph
its cmap gives a character. A character that a face does not map is taken from the first other
face that maps it (its glyph, added to the face's cmap before subsetting), so each output
covers its whole character set when any face can.

Deterministic: the same TTC, data and fontTools version give byte-identical files.
"""
import argparse
import glob
import gzip
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

try:
    import fontTools
    from fontTools import subset
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:
    # The Debian package python3-fonttools installs for /usr/bin/python3; another python3
    # (pyenv, venv) first in PATH does not see it.
    alt = "/usr/bin/python3"
    if (os.path.exists(alt) and os.path.realpath(sys.executable) != os.path.realpath(alt)
            and not os.environ.get("MAKE_FONTS_REEXEC")):
        os.environ["MAKE_FONTS_REEXEC"] = "1"
        os.execv(alt, [alt] + sys.argv)
    sys.exit("make_fonts: the Python module fontTools is missing "
             "(apt-get install python3-fonttools, or pip install fonttools)")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
COPYRIGHT_FILE = "/usr/share/doc/fonts-noto-cjk/copyright"
GZIP_BUDGET = 180 * 1000  # bytes, all fonts together after gzip -9 ("180 KB" read strictly)

# Face keys -> family name in the TTC (name ID 1). Found by name, not by index.
FACE_FAMILIES = {
    "JP": "Noto Sans CJK JP",
    "KR": "Noto Sans CJK KR",
    "SC": "Noto Sans CJK SC",
    "TC": "Noto Sans CJK TC",
    "HK": "Noto Sans CJK HK",
}
# Fallback order when a face lacks a character (the primary face comes first).
FALLBACK = {
    "TC": ["TC", "HK", "JP", "KR", "SC"],
    "JP": ["JP", "TC", "HK", "KR", "SC"],
    "KR": ["KR", "TC", "HK", "JP", "SC"],
    "SC": ["SC", "TC", "HK", "JP", "KR"],
}
LANG_OUTPUT = {"ja": "cjk_ja.otf", "ko": "cjk_ko.otf", "zh-Hans": "cjk_sc.otf"}
KNOWN_LANGS = {"ja", "ko", "zh-Hans", "zh-Hant"}

# ---------------------------------------------------------------------------------- gathering


def fail(msg):
    print("make_fonts: error: " + msg, file=sys.stderr)
    sys.exit(1)


def keep_char(c):
    """Characters that can have a glyph (no control characters)."""
    return unicodedata.category(c) != "Cc"


def gather_data(data_dir, translated=None):
    """Returns (all_chars, chars by lang, list of files, warnings). The collaborations'
    `translations` ({lang, title, summary}) are not in all_chars: they are drawn only when the
    interface speaks their language, so their characters go to that language's font
    (make_i18n_fonts); with `translated` (a dict) they are gathered there by lang."""
    all_chars, by_lang, warnings = set(), {}, []
    files = sorted(glob.glob(os.path.join(data_dir, "*.json")))

    def translations(items):
        for t in items:
            lang = t.get("lang") if isinstance(t, dict) else None
            if not isinstance(lang, str) or lang not in KNOWN_LANGS:
                walk(t)  # not a translation the app shows by language: kept in ui.otf
                continue
            chars = translated.setdefault(lang, set()) if translated is not None else set()
            for k, v in t.items():
                if k != "lang" and isinstance(v, str):
                    chars.update(c for c in v if keep_char(c))

    def walk(v):
        if isinstance(v, str):
            all_chars.update(c for c in v if keep_char(c))
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            lang, text = v.get("lang"), v.get("text")
            if isinstance(lang, str) and isinstance(text, str):
                if lang not in KNOWN_LANGS:
                    warnings.append("unknown lang %r (text %r): kept in ui.otf only" % (lang, text))
                by_lang.setdefault(lang, set()).update(c for c in text if keep_char(c))
            for k, x in v.items():
                if k == "translations" and isinstance(x, list) and "text" not in v:
                    translations(x)
                else:
                    walk(x)

    for path in files:
        try:
            with open(path, encoding="utf-8-sig") as fh:
                doc = json.load(fh)
        except (ValueError, UnicodeDecodeError) as e:
            # The build runs the validator too, which says where and why; a font made without
            # this file is remade once the file is fixed (the build depends on it).
            warnings.append("%s skipped: not valid JSON (%s); chipatlas --validate says where" % (path, e))
            continue
        walk(doc)
    return all_chars, by_lang, files, warnings


def gather_extra(paths):
    chars = set()
    for p in paths:
        try:
            with open(p, encoding="utf-8") as fh:
                chars.update(c for c in fh.read() if keep_char(c))
        except OSError as e:
            fail("cannot read --extra file %s: %s" % (p, e))
    return chars


# ---------------------------------------------------------------------------------- faces


def find_faces(ttc_path):
    """Map face key -> font number inside the TTC, by reading the family names."""
    coll = TTCollection(ttc_path, lazy=True)
    found = {}
    for i, f in enumerate(coll.fonts):
        fam = f["name"].getDebugName(1)
        for key, want in FACE_FAMILIES.items():
            if fam == want:
                found[key] = i
    missing = [k for k in ("JP", "KR", "SC", "TC") if k not in found]
    if missing:
        fail("%s lacks the faces %s (found: %s)" % (ttc_path, missing, found))
    cmaps = {k: coll.fonts[i].getBestCmap() for k, i in found.items()}
    orders = {k: coll.fonts[i].getGlyphOrder() for k, i in found.items()}
    ref = orders["TC"]
    for k, o in orders.items():
        if o != ref:
            fail("face %s has a different glyph order from TC: cannot share glyphs between faces" % k)
    return found, cmaps


def resolve(chars, primary, cmaps):
    """Map each char to (glyph name, face key) following FALLBACK[primary]; collect uncovered."""
    mapping, uncovered = {}, []
    for c in sorted(chars):
        cp = ord(c)
        for key in FALLBACK[primary]:
            cm = cmaps.get(key)
            if cm is not None and cp in cm:
                mapping[cp] = (cm[cp], key)
                break
        else:
            uncovered.append(c)
    return mapping, uncovered


def subset_options():
    o = subset.Options()
    o.layout_features = ["kern"]
    o.hinting = False
    o.desubroutinize = True
    o.notdef_outline = True
    o.glyph_names = False
    o.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    o.name_languages = [0x409]
    o.recalc_timestamp = False
    o.drop_tables = list(o.drop_tables) + ["vhea", "vmtx", "VORG", "BASE"]
    o.canonical_order = True
    return o


def make_subset(ttc_path, font_number, mapping, out_path, out=None):
    """Subset face `font_number` to the code points of `mapping` ({cp: (glyph, face)}).
    ttc_path may be a file object; out, a file object to write to instead of out_path."""
    opts = subset_options()
    font = TTFont(ttc_path, fontNumber=font_number, lazy=True, recalcTimestamp=False,
                  recalcBBoxes=False)
    # Add the fallback glyphs to every Unicode cmap subtable that can hold the code point.
    for table in font["cmap"].tables:
        if not table.isUnicode() or table.format == 14:
            continue
        for cp, (glyph, _face) in mapping.items():
            if cp > 0xFFFF and table.format in (0, 2, 4, 6):
                continue
            table.cmap.setdefault(cp, glyph)
    ps_name = font["name"].getDebugName(6)
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=sorted(mapping))
    sub.subset(font)
    if "CFF " in font:
        # The shared CFF carries the JP name; give each output its own face's PostScript name.
        font["CFF "].cff.fontNames = [ps_name]
    font.recalcTimestamp = False
    buf = io.BytesIO()
    font.save(buf, reorderTables=True)
    if out is not None:
        out.write(buf.getvalue())
        return font
    with open(out_path, "wb") as fh:
        fh.write(buf.getvalue())
    return font


# ---------------------------------------------------------------------------------- symbols
# Glyphs for UI symbols absent from Noto Sans CJK, drawn here. Units per em 1000, advance 1000
# (like Noto CJK's own ▶ ← ✓), visual centre at y = 380 (Noto's geometric-shape centre).
# Contours are lists of ("L", (x, y)) / ("C", (x1, y1), (x2, y2), (x, y)) after a start point.
CY = 380


def _poly(points):
    """Polygon contour, made counter-clockwise (the CFF convention for outer contours)."""
    area2 = sum(points[i - 1][0] * points[i][1] - points[i][0] * points[i - 1][1] for i in range(len(points)))
    if area2 < 0:
        points = points[::-1]
    return [points[0]] + [("L", p) for p in points[1:]]


def _rect(x0, y0, x1, y1):
    return _poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def _mirror(contour, w=1000):
    """Mirror a polygon contour (lines only) horizontally."""
    pts = [contour[0]] + [seg[1] for seg in contour[1:]]
    return _poly([(w - x, y) for x, y in pts])


def _arc_arrow(cx, cy, r_out, r_in, a0, a1, head_w=90, head_len=190):
    """Annular arc from angle a0 to a1 (degrees, a1 > a0, counter-clockwise) with an arrowhead at a1."""
    def arc(r, s, e):
        n = max(1, int(math.ceil(abs(e - s) / 45.0)))
        segs = []
        for i in range(n):
            t0 = math.radians(s + (e - s) * i / n)
            t1 = math.radians(s + (e - s) * (i + 1) / n)
            k = 4.0 / 3.0 * math.tan((t1 - t0) / 4.0)
            p0 = (cx + r * math.cos(t0), cy + r * math.sin(t0))
            p3 = (cx + r * math.cos(t1), cy + r * math.sin(t1))
            p1 = (p0[0] - k * r * math.sin(t0), p0[1] + k * r * math.cos(t0))
            p2 = (p3[0] + k * r * math.sin(t1), p3[1] - k * r * math.cos(t1))
            segs.append(("C", p1, p2, p3))
        return segs
    t = math.radians(a1)
    rm = (r_out + r_in) / 2.0
    tip = (cx + rm * math.cos(t) - head_len * math.sin(t), cy + rm * math.sin(t) + head_len * math.cos(t))
    start = (cx + r_out * math.cos(math.radians(a0)), cy + r_out * math.sin(math.radians(a0)))
    c = [start] + arc(r_out, a0, a1)
    c.append(("L", (cx + (r_out + head_w) * math.cos(t), cy + (r_out + head_w) * math.sin(t))))
    c.append(("L", tip))
    c.append(("L", (cx + (r_in - head_w) * math.cos(t), cy + (r_in - head_w) * math.sin(t))))
    c.append(("L", (cx + r_in * math.cos(t), cy + r_in * math.sin(t))))
    c += arc(r_in, a1, a0)
    return c


def _cross(cx, cy, arm, half_w):
    """An X (a plus rotated by 45 degrees) as one contour."""
    L, w = arm, half_w
    plus = [(w, w), (L, w), (L, -w), (w, -w), (w, -L), (-w, -L), (-w, -w), (-L, -w), (-L, w),
            (-w, w), (-w, L), (w, L)]
    s = math.sqrt(0.5)
    return _poly([(cx + (x - y) * s, cy + (x + y) * s) for x, y in plus])


def symbol_glyphs():
    # Extents match Noto's own ■ (y -20..780): half height 400 around CY.
    y0, y1 = CY - 400, CY + 400
    tri_next = [_poly([(120, CY - 330), (460, CY), (120, CY + 330)]),
                _poly([(460, CY - 330), (800, CY), (460, CY + 330)]),
                _rect(800, CY - 330, 900, CY + 330)]
    return {
        0x23F8: (1000, [_rect(230, y0, 430, y1), _rect(570, y0, 770, y1)]),    # ⏸ pause
        0x23F5: (1000, [_poly([(200, y0), (890, CY), (200, y1)])]),               # ⏵ play
        0x23ED: (1000, tri_next),                                                 # ⏭ next
        0x23EE: (1000, [_mirror(c) for c in tri_next]),                           # ⏮ previous
        0x275A: (500, [_rect(150, y0, 350, y1)]),                                 # ❚ heavy bar
        0x2715: (1000, [_cross(500, CY, 420, 65)]),                               # ✕ multiplication x
        0x21BA: (1000, [_arc_arrow(500, CY, 340, 250, 220, 500)]),               # ↺ anticlockwise
        0x27F2: (1000, [_arc_arrow(500, CY, 340, 250, 125, 405)]),               # ⟲ gapped, anticlockwise
    }


def _draw(contours, pen):
    for c in contours:
        pen.moveTo(c[0])
        for seg in c[1:]:
            if seg[0] == "L":
                pen.lineTo(seg[1])
            else:
                pen.curveTo(seg[1], seg[2], seg[3])
        pen.closePath()


def build_symbols(cps, out_path, head_time):
    glyphs = symbol_glyphs()
    cps = [cp for cp in sorted(cps) if cp in glyphs]
    if not cps:
        return None
    order = [".notdef"] + ["uni%04X" % cp for cp in cps]
    charstrings, metrics = {}, {}
    inner = _rect(100, -70, 400, 830)
    inner = [inner[0]] + [("L", seg[1]) for seg in inner[1:]][::-1]  # clockwise: a hole
    notdef = [_rect(50, -120, 450, 880), inner]
    for name, (adv, contours) in [(".notdef", (500, notdef))] + [(order[i + 1], glyphs[cp]) for i, cp in enumerate(cps)]:
        pen = T2CharStringPen(adv, None)
        _draw(contours, pen)
        charstrings[name] = pen.getCharString()
        bp = BoundsPen(None)
        _draw(contours, bp)
        metrics[name] = (adv, int(math.floor(bp.bounds[0])))
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({cp: "uni%04X" % cp for cp in cps})
    names = {"familyName": "chipatlas Symbols", "styleName": "Regular",
             "psName": "chipatlasSymbols-Regular",
             "copyright": "Drawn by tools/fonts/make_fonts.py of the chipatlas project (MIT licence)",
             "uniqueFontIdentifier": "chipatlasSymbols-Regular", "version": "Version 1.000"}
    fb.setupCFF(names["psName"], {"FullName": "chipatlas Symbols Regular", "FamilyName": names["familyName"],
                                  "Weight": "Regular"}, charstrings, {})
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=1160, descent=-288)
    fb.setupNameTable(names)
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, sTypoLineGap=0, usWinAscent=1160,
                usWinDescent=288, sxHeight=543, sCapHeight=733, achVendID="NONE")
    fb.setupPost()
    fb.font["head"].created = head_time
    fb.font["head"].modified = head_time
    fb.font.recalcTimestamp = False
    buf = io.BytesIO()
    fb.font.save(buf)
    with open(out_path, "wb") as fh:
        fh.write(buf.getvalue())
    return cps


# ---------------------------------------------------------------------------------- reports


def gzip_size(path):
    if shutil.which("gzip"):
        r = subprocess.run(["gzip", "-9", "-n", "-c", path], stdout=subprocess.PIPE, check=True)
        return len(r.stdout)
    with open(path, "rb") as fh:
        return len(gzip.compress(fh.read(), 9, mtime=0))


def find_stb_header():
    cands = []
    deps = os.environ.get("CHIPATLAS_DEPS", os.path.expanduser("~/.cache/chipatlas"))
    cands.append((os.path.join(deps, "src", "imgui"), "imstb_truetype.h", []))
    cands.append(("/usr/include", "stb/stb_truetype.h", ["-DUSE_SYSTEM_STB"]))
    for d, name, flags in cands:
        if os.path.exists(os.path.join(d, name)):
            return d, flags
    return None, None


def stb_check(fonts):
    """Compile check_fonts.c against stb_truetype and run it on each (path, chars). Returns ok."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    inc, flags = find_stb_header()
    if not cc or not inc:
        print("stb_truetype check skipped (no C compiler or stb_truetype header found)")
        return True
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "check_fonts")
        r = subprocess.run([cc, "-O1", "-w", "-I", inc] + flags +
                           [os.path.join(HERE, "check_fonts.c"), "-lm", "-o", exe],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            print("stb_truetype check: compile failed:\n" + r.stdout)
            return False
        print("stb_truetype check (%s):" % os.path.join(inc, "imstb_truetype.h" if not flags else "stb/stb_truetype.h"))
        for path, chars in fonts:
            lst = os.path.join(tmp, "cps.txt")
            with open(lst, "w") as fh:
                for c in sorted(chars):
                    blank = unicodedata.category(c) in ("Zs", "Zl", "Zp", "Cf", "Mn")
                    fh.write("%X%s\n" % (ord(c), " blank" if blank else ""))
            r = subprocess.run([exe, path, lst], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print("  " + r.stdout.strip().replace("\n", "\n  "))
            ok = ok and r.returncode == 0
    return ok


def describe(c):
    return "U+%04X %s (%s)" % (ord(c), c, unicodedata.name(c, "?"))


# ---------------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ttc", default=DEFAULT_TTC, help="Noto Sans CJK Regular TTC (default: %(default)s)")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"), help="dataset folder (default: data/)")
    ap.add_argument("--extra", action="append",
                    help="UI text file(s) whose characters go into ui.otf (default: tools/fonts/ui_chars.txt)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "fonts"), help="output folder (default: build/fonts/; the build passes its own)")
    ap.add_argument("--no-stb-check", action="store_true", help="skip the stb_truetype load test")
    ap.add_argument("--quiet", action="store_true", help="print the report only on failure (the build uses this)")
    ap.add_argument("--i18n", metavar="DIR",
                    help="instead: for each --po FILE (po/app/LANG.po, the build's en-XA.po), write DIR/LANG.otf with "
                         "the characters of its translations that ui.otf (--data, --extra) lacks, in that language's face")
    ap.add_argument("--po", action="append", default=[], help="with --i18n: a PO catalogue (LANG.po)")
    ap.add_argument("--slices", metavar="DIR",
                    help="instead: write the web's on-demand slices (every character of the TTC, 256 code points a file) to DIR")
    args = ap.parse_args()
    if args.slices:
        return make_slices(args.ttc, args.slices, args.quiet)
    if args.i18n:
        return make_i18n_fonts(args)
    if args.quiet:
        real, sys.stdout = sys.stdout, io.StringIO()
        try:
            rc = run(args)
        finally:
            report, sys.stdout = sys.stdout.getvalue(), real
        if rc:
            sys.stderr.write(report)
        else:
            # Warnings (a data file skipped, a character no font has) still show in the build.
            for line in report.splitlines():
                if line.startswith("WARNING"):
                    print("make_fonts: " + line)
        return rc
    return run(args)


def run(args):
    extra = args.extra or [os.path.join(HERE, "ui_chars.txt")]

    if not os.path.isfile(args.ttc):
        fail("%s not found. Install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk) "
             "or pass --ttc PATH to NotoSansCJK-Regular.ttc." % args.ttc)
    print("fontTools %s, %s" % (fontTools.version, args.ttc))

    # ---- gather
    if not os.path.isdir(args.data):
        print("WARNING: data folder %s does not exist: only UI characters are kept" % args.data)
    data_chars, by_lang, files, warnings = gather_data(args.data)
    ui_chars = gather_extra(extra)
    for w in warnings:
        print("WARNING: " + w)
    print("data: %d files (%s), %d distinct characters; names: %s" % (
        len(files), ", ".join(os.path.relpath(f, ROOT) for f in files) or "-", len(data_chars),
        ", ".join("%s %d chars" % (k, len(v)) for k, v in sorted(by_lang.items())) or "none"))

    faces, cmaps = find_faces(args.ttc)
    print("faces: " + ", ".join("%s = font %d" % (k, i) for k, i in sorted(faces.items(), key=lambda x: x[1])))

    sets = {
        "ui.otf": ("TC", ui_chars | data_chars),
        "cjk_ja.otf": ("JP", by_lang.get("ja", set()) | {" "}),
        "cjk_ko.otf": ("KR", by_lang.get("ko", set()) | {" "}),
        "cjk_sc.otf": ("SC", by_lang.get("zh-Hans", set()) | {" "}),
    }

    os.makedirs(args.out, exist_ok=True)
    results, problems = [], []
    carried = {}  # char -> list of outputs that carry it
    head_time = None
    symbol_cps = set()
    for out_name, (face, chars) in sets.items():
        mapping, uncovered = resolve(chars, face, cmaps)
        borrowed = sorted(((cp, f) for cp, (_g, f) in mapping.items() if f != face))
        out_path = os.path.join(args.out, out_name)
        font = make_subset(args.ttc, faces[face], mapping, out_path)
        head_time = font["head"].created
        results.append((out_name, out_path, face, mapping, uncovered, borrowed))
        for cp in mapping:
            carried.setdefault(chr(cp), []).append(out_name)
        for c in uncovered:
            symbol_cps.add(ord(c))

    # ---- symbols.otf for UI characters no face has
    sym_path = os.path.join(args.out, "symbols.otf")
    drawn = build_symbols(symbol_cps, sym_path, head_time)
    if drawn:
        for cp in drawn:
            carried.setdefault(chr(cp), []).append("symbols.otf")
    elif os.path.exists(sym_path):
        os.remove(sym_path)

    # ---- verify with fontTools: reopen and check the cmaps
    total_gz = 0
    print("\n%-12s %-4s %6s %8s %8s  notes" % ("output", "face", "chars", "raw", "gzip -9"))
    check_list = []
    for out_name, out_path, face, mapping, uncovered, borrowed in results:
        f = TTFont(out_path)
        cm = f.getBestCmap()
        missing = [chr(cp) for cp in mapping if cp not in cm]
        if missing:
            problems.append("%s: %d characters missing from the cmap after subsetting: %s" % (
                out_name, len(missing), " ".join(describe(c) for c in missing[:10])))
        if "CFF " not in f or "glyf" in f:
            problems.append("%s: not a CFF font" % out_name)
        raw, gz = os.path.getsize(out_path), gzip_size(out_path)
        total_gz += gz
        notes = []
        if borrowed:
            notes.append("%d glyphs from other faces" % len(borrowed))
        if uncovered:
            notes.append("%d not in any Noto face" % len(uncovered))
        print("%-12s %-4s %6d %8d %8d  %s" % (out_name, face, len(mapping), raw, gz, "; ".join(notes)))
        check_list.append((out_path, [chr(cp) for cp in mapping]))
    if drawn:
        raw, gz = os.path.getsize(sym_path), gzip_size(sym_path)
        total_gz += gz
        print("%-12s %-4s %6d %8d %8d  drawn: %s" % ("symbols.otf", "-", len(drawn), raw, gz,
                                                      " ".join(chr(c) for c in drawn)))
        check_list.append((sym_path, [chr(c) for c in drawn]))
    print("%-12s %-4s %6s %8s %8d  (budget %d)" % ("total", "", "", "", total_gz, GZIP_BUDGET))
    if total_gz > GZIP_BUDGET:
        problems.append("fonts total %d bytes gzip, over the budget of %d" % (total_gz, GZIP_BUDGET))

    # ---- coverage report
    ui = results[0]
    ui_cm = TTFont(ui[1]).getBestCmap()
    non_ascii_data = sorted(c for c in data_chars if ord(c) > 0x7E)
    not_in_ui = [c for c in non_ascii_data if ord(c) not in ui_cm]
    if not_in_ui:
        problems.append("ui.otf misses %d data characters: %s" % (len(not_in_ui), " ".join(describe(c) for c in not_in_ui)))
    tc_lacks = sorted(c for c in data_chars if ord(c) not in cmaps["TC"])
    if tc_lacks:
        print("\ndata characters the TC face lacks (taken from another face): " +
              ", ".join(describe(c) + " from " + ui[3][ord(c)][1] for c in tc_lacks if ord(c) in ui[3]))
    for out_name, _p, face, mapping, uncovered, borrowed in results:
        if borrowed:
            print("%s: borrowed from other faces: %s" % (out_name, ", ".join(
                "U+%04X %s from %s" % (cp, chr(cp), f) for cp, f in borrowed)))
        really = [c for c in uncovered if not (drawn and ord(c) in drawn)]
        if really:
            msg = "%s: characters no font has (shown as a box): %s" % (out_name, ", ".join(describe(c) for c in really))
            if any(c in data_chars for c in really):
                problems.append(msg)
            else:
                print("WARNING: " + msg)
    if drawn:
        print("UI characters no Noto Sans CJK face has, drawn in symbols.otf: " +
              ", ".join(describe(chr(c)) for c in drawn))

    # ---- chars.txt
    lines = ["# Characters gathered by tools/fonts/make_fonts.py (generated; do not edit).",
             "# code point, character, fonts that carry it. Sources: %s; %s" % (
                 ", ".join(os.path.relpath(f, ROOT) for f in files) or "no data files",
                 ", ".join(os.path.relpath(os.path.abspath(p), ROOT) for p in extra)),
             "# %d characters" % len(carried)]
    for c in sorted(carried):
        shown = c if unicodedata.category(c) not in ("Zs", "Cf", "Mn", "Zl", "Zp") else " "
        lines.append("U+%04X\t%s\t%s" % (ord(c), shown, " ".join(carried[c])))
    with open(os.path.join(args.out, "chars.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")

    # ---- coverage.txt: what the UI font (ui.otf + symbols.otf) draws, for the app's check of
    # run-time datasets and --validate's note
    write_coverage(os.path.join(args.out, "coverage.txt"), set(ui_cm) | set(drawn or []))

    # ---- licence
    write_licence(os.path.join(args.out, "LICENSE-OFL.txt"), args.ttc, faces["TC"])

    # ---- stb_truetype load test
    if not args.no_stb_check:
        print()
        if not stb_check(check_list):
            problems.append("stb_truetype check failed")

    if problems:
        print()
        for p in problems:
            print("ERROR: " + p)
        return 1
    print("\nOK")
    return 0


# ---------------------------------------------------------------------------------- catalogues
# The interface languages' fonts: the characters of a catalogue's translations that ui.otf
# (data + UI) lacks, in the face of that language (Korean in KR, Japanese in JP, ...), so the
# first visit (English) carries none of them: natively they are compiled in, on the web the page
# fetches i18n/LANG.otf with i18n/LANG.mo.
PO_FACE = {"zh-Hant": "TC", "zh-Hans": "SC", "ko": "KR", "ja": "JP"}


def po_chars(path):
    """Every character of a PO file's msgstr lines (translations, plural forms included)."""
    chars, in_str = set(), False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("msgstr"):
                in_str = True
                line = line[line.index('"'):] if '"' in line else ""
            elif not line.startswith('"'):
                in_str = False
                continue
            if in_str and line.startswith('"'):
                text = json.loads(line)  # a PO string is a C string: JSON reads its escapes
                chars.update(c for c in text if keep_char(c))
    return chars


def make_i18n_fonts(args):
    extra = args.extra or [os.path.join(HERE, "ui_chars.txt")]
    translated = {}
    data_chars, _by_lang, _files, _warnings = gather_data(args.data, translated)
    base = gather_extra(extra) | data_chars
    faces, cmaps = find_faces(args.ttc)
    os.makedirs(args.i18n, exist_ok=True)

    def write(what, chars, face, name):
        """DIR/name: chars (beyond ui.otf) from `face` first; False when a character has no face."""
        mapping, uncovered = resolve(chars | {" "}, face, cmaps)
        if uncovered:
            print("make_fonts: error: %s: characters no Noto face has: %s" % (
                what, " ".join(describe(c) for c in uncovered)), file=sys.stderr)
        out = os.path.join(args.i18n, name)
        make_subset(args.ttc, faces[face], mapping, out)
        if not args.quiet:
            print("%s: %d characters beyond ui.otf, %d bytes (%d gzip)" % (out, len(mapping), os.path.getsize(out), gzip_size(out)))
        return not uncovered

    ok = True
    for po in args.po:
        lang = os.path.splitext(os.path.basename(po))[0]
        # The catalogue's characters and the data's translations into this language.
        ok &= write(po, (po_chars(po) | translated.get(lang, set())) - base, PO_FACE.get(lang, "TC"), lang + ".otf")
    # translations.otf: every language's translations beyond ui.otf in one face (TC first), for
    # the editor, which shows every language's (its forms and raw JSON) whatever the interface's.
    ok &= write("translations", set().union(*translated.values()) - base, "TC", "translations.otf")
    return 0 if ok else 1


# ---------------------------------------------------------------------------------- web slices
# The web page fetches these when a dataset loaded at run time has characters the bundled fonts
# lack: slice-XXXX.otf holds every character U+XXXX..U+XXFF that Noto Sans CJK maps (BMP only:
# ImGui 1.86's ImWchar is 16-bit), like Google Fonts' unicode-range slices.
SLICE_BITS = 8
BLOCK_BITS = 12  # first cut to 4096 code points, then each slice from that (much faster)


def slice_face(page):
    """The face whose shapes a slice uses: KR for Hangul, JP for kana, TC for the rest."""
    cp = page << SLICE_BITS
    if 0x1100 <= cp < 0x1200 or 0x3100 <= cp < 0x3200 or 0xA900 <= cp < 0xAA00 or 0xAC00 <= cp < 0xD800:
        return "KR"
    if 0x3000 <= cp < 0x3100:
        return "JP"
    return "TC"


def _slice_block(job):
    ttc, font_number, block, cps, out_dir = job
    tmp = io.BytesIO()
    mapping = {cp: (g, None) for cp, g in cps.items()}
    make_subset(ttc, font_number, mapping, None, out=tmp)
    written = []
    pages = sorted({cp >> SLICE_BITS for cp in cps})
    for page in pages:
        sub = {cp: v for cp, v in mapping.items() if cp >> SLICE_BITS == page}
        tmp.seek(0)
        path = os.path.join(out_dir, "slice-%04X.otf" % (page << SLICE_BITS))
        make_subset(tmp, 0, sub, path)
        written.append((page, len(sub), os.path.getsize(path)))
    return written


def make_slices(ttc, out_dir, quiet):
    import multiprocessing
    if not os.path.isfile(ttc):
        fail("%s not found (apt-get install fonts-noto-cjk)" % ttc)
    faces, cmaps = find_faces(ttc)
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "slice-*.otf")):
        os.remove(old)
    jobs = {}
    for face in ("TC", "KR", "JP"):
        for cp, g in cmaps[face].items():
            page = cp >> SLICE_BITS
            if cp > 0xFFFF or slice_face(page) != face:
                continue
            jobs.setdefault((face, cp >> BLOCK_BITS), {})[cp] = g
    work = [(ttc, faces[face], block, cps, out_dir) for (face, block), cps in sorted(jobs.items())]
    with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
        results = [w for r in pool.map(_slice_block, work) for w in r]
    total = sum(n for _p, n, _s in results)
    biggest = max(s for _p, _n, s in results)
    size = sum(s for _p, _n, s in results)
    write_licence(os.path.join(out_dir, "LICENSE-OFL.txt"), ttc, faces["TC"])
    if not quiet:
        print("%d slices, %d characters, %d bytes in all, largest %d bytes" % (len(results), total, size, biggest))
    return 0


def write_coverage(path, cps):
    """Code points as inclusive hex ranges, one "FIRST LAST" pair a line (core/glyph_coverage)."""
    lines = ["# Code points the bundled UI font draws (ui.otf + symbols.otf), as inclusive ranges.",
             "# Generated by tools/fonts/make_fonts.py; read by src/core/glyph_coverage.cpp."]
    cps = sorted(cps)
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lines.append("%04X %04X" % (cps[i], cps[j]))
        i = j + 1
    with open(path, "w", encoding="ascii") as fh:
        fh.write("\n".join(lines) + "\n")


OFL_FALLBACK_NOTE = ("The full text of the SIL Open Font License 1.1 is at https://openfontlicense.org "
                     "(it was not found in %s on the machine that generated this file)." % COPYRIGHT_FILE)


def write_licence(path, ttc, font_number):
    f = TTFont(ttc, fontNumber=font_number, lazy=True)
    copyright_line = f["name"].getDebugName(0) or ""
    licence_url = f["name"].getDebugName(14) or ""
    text = None
    if os.path.exists(COPYRIGHT_FILE):
        with open(COPYRIGHT_FILE, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        # The stand-alone "License: SIL-1.1" paragraph: the header line followed by indented
        # text (a "License:" line inside a "Files:" paragraph has no indented body).
        for i, ln in enumerate(lines):
            if not (ln.startswith("License: SIL-1.1") or ln.startswith("License: OFL-1.1")):
                continue
            out = []
            for body in lines[i + 1:]:
                if not body.startswith(" "):
                    break
                body = body[1:]
                out.append("" if body == "." else body)
            if any(out):
                text = "\n".join(out).strip("\n")
                break
    header = [
        "The fonts ui.otf, cjk_ja.otf, cjk_ko.otf and cjk_sc.otf in this folder are subsets of",
        "Noto Sans CJK (NotoSansCJK-Regular.ttc, Debian package fonts-noto-cjk), made by",
        "tools/fonts/make_fonts.py. They are Modified Versions of the Font Software and are",
        "distributed under the SIL Open Font License, Version 1.1.",
        "",
        "Copyright notice of the Font Software:",
        "  " + copyright_line,
    ]
    if licence_url:
        header.append("  Licence URL (name table): " + licence_url)
    header += [
        "",
        "symbols.otf is not part of Noto: its glyphs are drawn by make_fonts.py itself and it is",
        "under the licence of the chipatlas repository.",
        "",
        "",
    ]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(header) + (text if text else OFL_FALLBACK_NOTE) + "\n")


if __name__ == "__main__":
    sys.exit(main())
