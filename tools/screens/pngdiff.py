#!/usr/bin/env python3
# Compares two folders of PNG screenshots pixel by pixel (no Pillow: the small PNG decoder of
# tests/check_png.py). Usage: pngdiff.py BEFORE_DIR AFTER_DIR. Prints one line per image that differs
# (pixels changed and their bounding box) and a summary; exit status 1 when any image differs
# or is missing from either side.
import os, sys


# The PNG reader of the screenshot tests (tests/check_png.py): one decoder for both.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests"))
from check_png import read_png  # noqa: E402


def diff(a_path, b_path):
    """None when the pixels are identical, else (changed pixels, bbox)."""
    if open(a_path, "rb").read() == open(b_path, "rb").read():
        return None
    wa, ha, ba, ra = read_png(a_path)
    wb, hb, bb, rb = read_png(b_path)
    if (wa, ha, ba) != (wb, hb, bb):
        return ("size %dx%d vs %dx%d" % (wa, ha, wb, hb), None)
    changed, x0, y0, x1, y1 = 0, wa, ha, -1, -1
    for y in range(ha):
        if ra[y] == rb[y]:
            continue
        for x in range(wa):
            if ra[y][x * ba:(x + 1) * ba] != rb[y][x * ba:(x + 1) * ba]:
                changed += 1
                x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
    if changed == 0:
        return None  # same pixels, different encoding
    return (changed, (x0, y0, x1, y1))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: pngdiff.py BEFORE_DIR AFTER_DIR")
    a_dir, b_dir = sys.argv[1:]
    a = {f for f in os.listdir(a_dir) if f.endswith(".png")}
    b = {f for f in os.listdir(b_dir) if f.endswith(".png")}
    bad = 0
    for f in sorted(a ^ b):
        print("missing in %s: %s" % (b_dir if f in a else a_dir, f))
        bad += 1
    same = 0
    for f in sorted(a & b):
        d = diff(os.path.join(a_dir, f), os.path.join(b_dir, f))
        if d is None:
            same += 1
        else:
            bad += 1
            print("DIFFERS %s: %s pixels, bbox %s" % (f, d[0], d[1]))
    print("%d images compared, %d identical, %d different or missing" % (len(a & b), same, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
