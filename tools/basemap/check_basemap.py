#!/usr/bin/env python3
"""Validate assets/basemap.bin (format "CABM" v1) and render an equirectangular PNG preview.

    python3 tools/basemap/check_basemap.py [assets/basemap.bin] [--out /tmp/basemap_preview.png]
    python3 tools/basemap/check_basemap.py assets/basemap_outer.bin --outer --out /tmp/outer.png
        [--bbox LON0 LAT0 LON1 LAT1] [--scale PX_PER_DEG]

Standard library only. Exits non-zero if the file is malformed.
"""
import argparse
import os
import struct
import sys
import zlib

CATEGORY_NAMES = ["other land", "China", "Hong Kong", "Macao", "Taiwan", "South Korea",
                  "Japan", "North Korea", "Russia", "Philippines", "Vietnam"]
REQUIRED_CATEGORIES = [2, 3, 4, 5, 6]

# fill colours per category (RGB)
COLOURS = [
    (205, 200, 185), (235, 190, 150), (230, 90, 90), (200, 80, 200), (110, 190, 110),
    (110, 150, 230), (240, 150, 170), (170, 170, 120), (180, 170, 210), (220, 210, 110),
    (120, 200, 200),
]
SEA = (232, 240, 248)
COAST = (30, 40, 60)
BORDER = (200, 30, 30)


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("truncated file at offset %d (need %d bytes)" % (self.pos, n))
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def u8(self):
        return self.take(1)[0]

    def u32(self):
        return struct.unpack("<I", self.take(4))[0]

    def f32(self):
        return struct.unpack("<f", self.take(4))[0]

    def varint(self):
        # Zigzag LEB128 (format v2): a signed delta.
        z, shift = 0, 0
        while True:
            b = self.u8()
            z |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return (z >> 1) ^ -(z & 1)

    def points(self, n):
        out, x, y = [], 0, 0
        for _ in range(n):
            x = (x + self.varint()) & 0xFFFF
            y = (y + self.varint()) & 0xFFFF
            out.append((x, y))
        return out

    def u16s(self, n):
        out, v = [], 0
        for _ in range(n):
            v = (v + self.varint()) & 0xFFFF
            out.append(v)
        return out


def parse(data):
    r = Reader(data)
    if r.take(4) != b"CABM":
        raise ValueError("bad magic")
    version = r.u32()
    if version != 2:
        raise ValueError("unsupported version %d" % version)
    box = (r.f32(), r.f32(), r.f32(), r.f32())
    features = []
    for _ in range(r.u32()):
        cat = r.u8()
        name = r.take(r.u8()).decode("utf-8")
        nv = r.u32()
        verts = r.points(nv)
        ni = r.u32()
        idx = r.u16s(ni)
        features.append({"category": cat, "name": name, "verts": verts, "idx": idx})
    lines = []
    for _ in range(r.u32()):
        kind = r.u8()
        cat = r.u8()
        n = r.u32()
        lines.append({"kind": kind, "category": cat, "pts": r.points(n)})
    if r.pos != len(data):
        raise ValueError("%d trailing bytes" % (len(data) - r.pos))
    return box, features, lines


def validate(box, features, lines, required=None):
    errors = []
    if box != (95.0, 0.0, 160.0, 55.0):
        print("note: quantisation box is %r" % (box,))
    degenerate = 0
    winding = [0, 0]  # counter-clockwise, clockwise (lat up)
    for fi, f in enumerate(features):
        nv = len(f["verts"])
        if f["category"] >= len(CATEGORY_NAMES):
            errors.append("feature %d: bad category %d" % (fi, f["category"]))
        if nv > 65535:
            errors.append("feature %d: %d vertices" % (fi, nv))
        if len(f["idx"]) % 3:
            errors.append("feature %d (%s): index count %d not a multiple of 3" % (fi, f["name"], len(f["idx"])))
        bad = [i for i in f["idx"] if i >= nv]
        if bad:
            errors.append("feature %d (%s): %d indices >= vertex_count %d" % (fi, f["name"], len(bad), nv))
            continue
        v = f["verts"]
        ix = f["idx"]
        for t in range(0, len(ix) - 2, 3):
            (ax, ay), (bx, by), (cx, cy) = v[ix[t]], v[ix[t + 1]], v[ix[t + 2]]
            area2 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
            if area2 == 0:
                degenerate += 1
            else:
                winding[0 if area2 > 0 else 1] += 1
    for li, l in enumerate(lines):
        if l["kind"] not in (0, 1):
            errors.append("line %d: bad kind %d" % (li, l["kind"]))
        if l["kind"] == 1 and l["category"] != 0:
            errors.append("line %d: border with category %d" % (li, l["category"]))
        if len(l["pts"]) < 2:
            errors.append("line %d: %d points" % (li, len(l["pts"])))
    if degenerate:
        errors.append("%d zero-area triangles" % degenerate)
    print("triangle winding (lon east, lat up): %d counter-clockwise, %d clockwise" % tuple(winding))
    present = sorted({f["category"] for f in features})
    for c in (REQUIRED_CATEGORIES if required is None else required):
        if c not in present:
            errors.append("no feature of category %d (%s)" % (c, CATEGORY_NAMES[c]))
    return errors


# ---------------------------------------------------------------- preview rendering
class Image:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = bytearray(bytes(bg) * (w * h))

    def set(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            o = 3 * (y * self.w + x)
            self.px[o:o + 3] = bytes(c)

    def triangle(self, a, b, c, col):
        # half-open pixel-centre rasteriser
        xs = (a[0], b[0], c[0])
        ys = (a[1], b[1], c[1])
        x0 = max(int(min(xs)), 0)
        x1 = min(int(max(xs)) + 1, self.w - 1)
        y0 = max(int(min(ys)), 0)
        y1 = min(int(max(ys)) + 1, self.h - 1)
        area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        if area == 0 or x0 > x1 or y0 > y1:
            return
        if area < 0:
            b, c = c, b
        colb = bytes(col)
        for y in range(y0, y1 + 1):
            py = y + 0.5
            row = 3 * y * self.w
            for x in range(x0, x1 + 1):
                px = x + 0.5
                if ((b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]) >= 0 and
                        (c[0] - b[0]) * (py - b[1]) - (c[1] - b[1]) * (px - b[0]) >= 0 and
                        (a[0] - c[0]) * (py - c[1]) - (a[1] - c[1]) * (px - c[0]) >= 0):
                    o = row + 3 * x
                    self.px[o:o + 3] = colb

    def line(self, a, b, col):
        x0, y0 = int(round(a[0])), int(round(a[1]))
        x1, y1 = int(round(b[0])), int(round(b[1]))
        if max(abs(x0), abs(y0), abs(x1), abs(y1)) > 1 << 20:
            return
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx = 1 if x0 < x1 else -1
        sy = 1 if y0 < y1 else -1
        err = dx + dy
        while True:
            self.set(x0, y0, col)
            if x0 == x1 and y0 == y1:
                break
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def png(self):
        raw = bytearray()
        stride = 3 * self.w
        for y in range(self.h):
            raw.append(0)
            raw += self.px[y * stride:(y + 1) * stride]

        def chunk(tag, payload):
            c = struct.pack(">I", len(payload)) + tag + payload
            return c + struct.pack(">I", zlib.crc32(tag + payload) & 0xFFFFFFFF)
        return (b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def render(box, features, lines, bbox, scale):
    lon_min, lat_min, lon_max, lat_max = box
    v0, w0, v1, w1 = bbox
    w = int(round((v1 - v0) * scale))
    h = int(round((w1 - w0) * scale))
    img = Image(w, h, SEA)
    kx = (lon_max - lon_min) / 65535.0
    ky = (lat_max - lat_min) / 65535.0

    def xy(q):
        lon = lon_min + q[0] * kx
        lat = lat_min + q[1] * ky
        return ((lon - v0) * scale, (w1 - lat) * scale)

    for f in features:
        col = COLOURS[f["category"] % len(COLOURS)]
        p = [xy(q) for q in f["verts"]]
        ix = f["idx"]
        for t in range(0, len(ix) - 2, 3):
            a, b, c = p[ix[t]], p[ix[t + 1]], p[ix[t + 2]]
            if max(a[0], b[0], c[0]) < 0 or min(a[0], b[0], c[0]) > w or \
               max(a[1], b[1], c[1]) < 0 or min(a[1], b[1], c[1]) > h:
                continue
            img.triangle(a, b, c, col)
    for l in sorted(lines, key=lambda l: l["kind"]):
        col = COAST if l["kind"] == 0 else BORDER
        p = [xy(q) for q in l["pts"]]
        for a, b in zip(p, p[1:]):
            img.line(a, b, col)
    return img


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin", nargs="?", default=os.path.join(here, "..", "..", "assets", "basemap.bin"))
    ap.add_argument("--out", default="/tmp/basemap_preview.png")
    ap.add_argument("--bbox", nargs=4, type=float, metavar=("LON0", "LAT0", "LON1", "LAT1"))
    ap.add_argument("--scale", type=float, help="pixels per degree (default: 16, or fit 1200 px for --bbox)")
    ap.add_argument("--outer", action="store_true",
                    help="the outer file (assets/basemap_outer.bin): the focus areas are not in it")
    args = ap.parse_args()

    with open(args.bin, "rb") as fh:
        data = fh.read()
    try:
        box, features, lines = parse(data)
    except ValueError as e:
        print("check_basemap: parse error: %s" % e)
        return 1
    errors = validate(box, features, lines, [] if args.outer else None)

    tris = sum(len(f["idx"]) // 3 for f in features)
    verts = sum(len(f["verts"]) for f in features)
    print("%s: %d bytes, ~%d bytes gzip -9 (python zlib estimate)" % (os.path.normpath(args.bin), len(data), len(zlib.compress(data, 9)) + 18))
    print("features: %d, vertices: %d, triangles: %d" % (len(features), verts, tris))
    by_cat = {}
    for f in features:
        e = by_cat.setdefault(f["category"], [0, 0, set()])
        e[0] += 1
        e[1] += len(f["idx"]) // 3
        e[2].add(f["name"])
    for c in sorted(by_cat):
        n, t, names = by_cat[c]
        print("  category %2d %-12s features %2d triangles %5d  names: %s" %
              (c, CATEGORY_NAMES[c] if c < len(CATEGORY_NAMES) else "?", n, t, ", ".join(sorted(names))))
    coast = [l for l in lines if l["kind"] == 0]
    border = [l for l in lines if l["kind"] == 1]
    print("lines: %d (coastline %d with %d points, land border %d with %d points)" %
          (len(lines), len(coast), sum(len(l["pts"]) for l in coast),
           len(border), sum(len(l["pts"]) for l in border)))
    coast_cats = sorted({l["category"] for l in coast})
    print("coastline categories: %s" % coast_cats)

    bbox = args.bbox or list(box)
    scale = args.scale or (16.0 if not args.bbox else 1200.0 / max(bbox[2] - bbox[0], 1e-9))
    img = render(box, features, lines, bbox, scale)
    with open(args.out, "wb") as fh:
        fh.write(img.png())
    print("preview: %s (%dx%d)" % (args.out, img.w, img.h))

    if errors:
        for e in errors:
            print("ERROR: " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
