#!/usr/bin/env node
// Generates assets/basemap.bin and assets/basemap_outer.bin (format "CABM" v2, see
// tools/basemap/README.md) from Natural Earth country polygons as packaged by the npm module
// world-atlas 2.0.2.
//
//   node tools/basemap/make_basemap.mjs [--out assets/basemap.bin] [--outer-out assets/basemap_outer.bin]
//                                       [--tolerance NAMED_DEG OTHER_DEG]
//
// Deterministic: same world-atlas / topojson-client / earcut versions -> byte-identical output.
//
// Sources:
//   * countries-50m.json for everything, except inside the Pearl River Delta detail window
//     (DETAIL below), where countries-10m.json is used for all features (Hong Kong, Macao
//     and the surrounding part of China). The 50m Hong Kong has only 39 points and the 50m
//     Macao is 9 points and misplaced by several km; taking China from the same 10m data inside the
//     window keeps the HK/Macao/China borders consistent (no gaps or overlaps).
//   * Polygons are clipped (Sutherland-Hodgman) to the region frame, minus the detail window
//     for the 50m data (the frame minus the window is covered by 4 rectangles), and to the
//     window for the 10m data. The two parts meet exactly on the window edges.
//   * basemap_outer.bin: the land around the region frame (OUTER minus FRAME) from
//     countries-110m.json, so that wide, tall or zoomed-out views show land, not the frame's edge.
//   * The 50m arcs are simplified (Douglas-Peucker on the topology, so shared borders stay
//     shared) just enough to meet the gzip budget; see SIMPLIFY_DEFAULT.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));

let topojson, earcut;
try {
    topojson = await import(pathToUrl(require.resolve('topojson-client')));
    const ec = await import(pathToUrl(require.resolve('earcut')));
    earcut = ec.default ?? ec.earcut;
} catch (e) {
    console.error('make_basemap: cannot load topojson-client / earcut from ' + root +
                  '/node_modules (run `npm install` in the repository root)\n' + e.message);
    process.exit(1);
}
function pathToUrl(p) { return pathToFileURL(p).href; }

// ---------------------------------------------------------------- configuration
const FRAME = { x0: 95, y0: 0, x1: 160, y1: 55 };            // lon/lat region frame = quantisation box
const DETAIL = { x0: 112.0, y0: 21.5, x1: 115.0, y1: 23.5 };  // PRD window taken from 10m data
// The outer file's frame (its quantisation box): what a view of the region can show around FRAME
// at any window shape, down to the farthest zoom (tests/core/test_basemap.cpp checks the corners).
const OUTER = { x0: 60, y0: -30, x1: 180, y1: 82 };
const OUTER_GZIP_BUDGET = 20000;
const GZIP_BUDGET = 110000; // bytes after gzip -9; "110 KB" read as the stricter 110 000
// Douglas-Peucker tolerances in degrees for the 50m arcs (the 10m window is never simplified).
// Unsimplified, the file is ~121 KB gzip. Levels tried: (0, 0.01) 114 KB, (0.002, 0.015) 108 KB
// (112 KB with node's zlib), (0.003, 0.02) 104 KB: the first that fits under both compressors.
// 0.003 deg ~ 330 m is finer than the 50m data's own detail.
const SIMPLIFY_DEFAULT = { named: 0.003, other: 0.02 };

const CATEGORY_BY_ID = {
    '156': 1,  // China
    '344': 2,  // Hong Kong
    '446': 3,  // Macao
    '158': 4,  // Taiwan
    '410': 5,  // South Korea
    '392': 6,  // Japan
    '408': 7,  // North Korea
    '643': 8,  // Russia
    '608': 9,  // Philippines
    '704': 10, // Vietnam
};
const NUM_CATEGORIES = 11;

let outPath = path.join(root, 'assets', 'basemap.bin');
let outerPath = path.join(root, 'assets', 'basemap_outer.bin');
const simplify = { ...SIMPLIFY_DEFAULT };
for (let i = 2; i < process.argv.length; ++i) {
    const a = process.argv[i];
    if (a === '--out' && i + 1 < process.argv.length) outPath = path.resolve(process.argv[++i]);
    else if (a === '--outer-out' && i + 1 < process.argv.length) outerPath = path.resolve(process.argv[++i]);
    else if (a === '--tolerance' && i + 2 < process.argv.length) {
        simplify.named = Number(process.argv[++i]);
        simplify.other = Number(process.argv[++i]);
    } else {
        console.error('usage: node tools/basemap/make_basemap.mjs [--out FILE] [--outer-out FILE] [--tolerance NAMED_DEG OTHER_DEG]');
        process.exit(2);
    }
}

// ---------------------------------------------------------------- input
const atlasDir = path.dirname(require.resolve('world-atlas/package.json'));
const atlasVersion = JSON.parse(fs.readFileSync(path.join(atlasDir, 'package.json'), 'utf8')).version;
function loadTopo(name) {
    const p = path.join(atlasDir, name);
    if (!fs.existsSync(p)) { console.error('make_basemap: missing ' + p); process.exit(1); }
    return JSON.parse(fs.readFileSync(p, 'utf8'));
}
const topo50 = loadTopo('countries-50m.json');
const topo10 = loadTopo('countries-10m.json');
const topo110 = loadTopo('countries-110m.json');

// ---------------------------------------------------------------- quantisation
const QMAX = 65535;
let QBOX = FRAME;  // the box of the file being built (FRAME, then OUTER)
const qx = (lon) => Math.round((lon - QBOX.x0) / (QBOX.x1 - QBOX.x0) * QMAX);
const qy = (lat) => Math.round((lat - QBOX.y0) / (QBOX.y1 - QBOX.y0) * QMAX);
const clampQ = (v) => (v < 0 ? 0 : v > QMAX ? QMAX : v);
const quant = ([lon, lat]) => [clampQ(qx(lon)), clampQ(qy(lat))];

// ---------------------------------------------------------------- clipping
// Sutherland-Hodgman clip of an open ring (no repeated closing point) against an axis-aligned rect.
function clipRing(ring, r) {
    let pts = ring;
    const edges = [
        [(p) => p[0] >= r.x0, (a, b) => lerpX(a, b, r.x0)],
        [(p) => p[0] <= r.x1, (a, b) => lerpX(a, b, r.x1)],
        [(p) => p[1] >= r.y0, (a, b) => lerpY(a, b, r.y0)],
        [(p) => p[1] <= r.y1, (a, b) => lerpY(a, b, r.y1)],
    ];
    for (const [inside, cut] of edges) {
        if (pts.length === 0) break;
        const out = [];
        let prev = pts[pts.length - 1];
        let prevIn = inside(prev);
        for (const cur of pts) {
            const curIn = inside(cur);
            if (curIn) {
                if (!prevIn) out.push(cut(prev, cur));
                out.push(cur);
            } else if (prevIn) {
                out.push(cut(prev, cur));
            }
            prev = cur; prevIn = curIn;
        }
        pts = out;
    }
    return pts;
}
function lerpX(a, b, x) { const t = (x - a[0]) / (b[0] - a[0]); return [x, a[1] + t * (b[1] - a[1])]; }
function lerpY(a, b, y) { const t = (y - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), y]; }

// Parametric interval [t0,t1] of segment a->b inside rect r (Liang-Barsky), or null.
function segInterval(a, b, r) {
    let t0 = 0, t1 = 1;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const tests = [[-dx, a[0] - r.x0], [dx, r.x1 - a[0]], [-dy, a[1] - r.y0], [dy, r.y1 - a[1]]];
    for (const [p, q] of tests) {
        if (p === 0) { if (q < 0) return null; continue; }
        const t = q / p;
        if (p < 0) { if (t > t1) return null; if (t > t0) t0 = t; }
        else { if (t < t0) return null; if (t < t1) t1 = t; }
    }
    return t0 <= t1 ? [t0, t1] : null;
}
// Kept sub-intervals of a segment: inside `keep`, and (if given) outside `hole`.
function keptIntervals(a, b, keep, hole) {
    const k = segInterval(a, b, keep);
    if (!k) return [];
    if (!hole) return [k];
    const h = segInterval(a, b, hole);
    if (!h || h[1] <= k[0] || h[0] >= k[1] || h[0] === h[1]) return [k];
    const res = [];
    if (h[0] > k[0]) res.push([k[0], h[0]]);
    if (h[1] < k[1]) res.push([h[1], k[1]]);
    return res;
}
// Clip a polyline, splitting it where it leaves the kept area.
function clipPolyline(line, keep, hole) {
    const out = [];
    let cur = null;
    const at = (a, b, t) => (t === 0 ? a : t === 1 ? b : [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    for (let i = 0; i + 1 < line.length; ++i) {
        const a = line[i], b = line[i + 1];
        const kept = keptIntervals(a, b, keep, hole);
        // A segment with no kept part ends the current line.
        if (kept.length === 0 && cur) { out.push(cur); cur = null; }
        for (const [t0, t1] of kept) {
            if (!(cur && t0 === 0)) {
                if (cur) out.push(cur);
                cur = [at(a, b, t0)];
            }
            cur.push(at(a, b, t1));
            if (t1 < 1) { out.push(cur); cur = null; }
        }
    }
    if (cur) out.push(cur);
    return out;
}

// Frame minus the detail window, as 4 non-overlapping rectangles.
const OUTER_RECTS = [
    { x0: FRAME.x0, y0: FRAME.y0, x1: DETAIL.x0, y1: FRAME.y1 },   // west strip
    { x0: DETAIL.x1, y0: FRAME.y0, x1: FRAME.x1, y1: FRAME.y1 },   // east strip
    { x0: DETAIL.x0, y0: FRAME.y0, x1: DETAIL.x1, y1: DETAIL.y0 }, // south of window
    { x0: DETAIL.x0, y0: DETAIL.y1, x1: DETAIL.x1, y1: FRAME.y1 }, // north of window
];

// OUTER minus FRAME, as 4 non-overlapping rectangles.
const RING_RECTS = [
    { x0: OUTER.x0, y0: OUTER.y0, x1: FRAME.x0, y1: OUTER.y1 },   // west
    { x0: FRAME.x1, y0: OUTER.y0, x1: OUTER.x1, y1: OUTER.y1 },   // east
    { x0: FRAME.x0, y0: OUTER.y0, x1: FRAME.x1, y1: FRAME.y0 },   // south
    { x0: FRAME.x0, y0: FRAME.y1, x1: FRAME.x1, y1: OUTER.y1 },   // north
];

// ---------------------------------------------------------------- quantised ring helpers
function quantRing(ring) {
    const out = [];
    for (const p of ring) {
        const q = quant(p);
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
    // Remove spikes (a, b, a) that collapse after quantisation.
    let changed = true;
    while (changed && out.length >= 3) {
        changed = false;
        for (let i = 0; i < out.length && out.length >= 3; ++i) {
            const p = out[(i + out.length - 1) % out.length], n = out[(i + 1) % out.length];
            if (p[0] === n[0] && p[1] === n[1]) {
                // drop out[i] and one of the duplicates
                const j = (i + 1) % out.length;
                if (j > i) { out.splice(j, 1); out.splice(i, 1); } else { out.splice(i, 1); out.splice(j, 1); }
                changed = true;
                break;
            }
        }
    }
    return out;
}
function ringArea2(r) {
    let a = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] * r[i][1] - r[i][0] * r[j][1]);
    return a;
}
function quantLine(line) {
    const out = [];
    for (const p of line) {
        const q = quant(p);
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out.length >= 2 ? out : null;
}

// ---------------------------------------------------------------- polygons
// Returns a list of { rings: [outer, hole...] } in quantised coordinates (open rings).
function clipPolygonTo(polygon, rect) {
    const rings = [];
    for (let k = 0; k < polygon.length; ++k) {
        let ring = polygon[k];
        const n = ring.length;
        if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) ring = ring.slice(0, n - 1);
        const c = quantRing(clipRing(ring, rect));
        if (c.length < 3 || ringArea2(c) === 0) {
            if (k === 0) return null; // outer ring gone: whole polygon gone
            continue;
        }
        rings.push(c);
    }
    return rings;
}

// Triangulate one polygon (quantised rings) -> { verts: [[x,y]...], idx: [...] } with unused
// vertices removed and zero-area triangles dropped.
function triangulate(rings) {
    const flat = [], holes = [];
    for (let k = 0; k < rings.length; ++k) {
        if (k > 0) holes.push(flat.length / 2);
        for (const [x, y] of rings[k]) flat.push(x, y);
    }
    const tri = earcut(flat, holes.length ? holes : undefined, 2);
    const remap = new Map();
    const verts = [], idx = [];
    for (let i = 0; i < tri.length; i += 3) {
        const a = tri[i], b = tri[i + 1], c = tri[i + 2];
        const ax = flat[2 * a], ay = flat[2 * a + 1], bx = flat[2 * b], by = flat[2 * b + 1], cx = flat[2 * c], cy = flat[2 * c + 1];
        if ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax) === 0) continue; // degenerate
        for (const v of [a, b, c]) {
            let m = remap.get(v);
            if (m === undefined) { m = verts.length; remap.set(v, m); verts.push([flat[2 * v], flat[2 * v + 1]]); }
            idx.push(m);
        }
    }
    return { verts, idx };
}

function featurePolygons(f) {
    const g = f.geometry;
    if (!g) return [];
    if (g.type === 'Polygon') return [g.coordinates];
    if (g.type === 'MultiPolygon') return g.coordinates;
    return [];
}

function featureCategory(f) { return CATEGORY_BY_ID[String(f.id)] ?? 0; }
function featureName(f) { return (f.properties && f.properties.name) || ''; }

// ---------------------------------------------------------------- simplification
// Douglas-Peucker applied to the topology's arcs (so that neighbouring countries, fills and
// lines stay consistent: every shared border is simplified once). Arc end points are kept.
// Tolerance in degrees; arcs used only by "other land" (category 0) get `tolOther`, arcs
// touching a named category get `tolMain`. 0 = no simplification.
function simplifyTopology(topo, tolMain, tolOther) {
    if (tolMain <= 0 && tolOther <= 0) return topo;
    const [sx, sy] = topo.transform.scale;
    const arcCat = new Array(topo.arcs.length).fill(0);
    const mark = (arcs, cat) => {
        for (const a of arcs) {
            if (Array.isArray(a)) { mark(a, cat); continue; }
            const i = a < 0 ? ~a : a;
            if (cat !== 0) arcCat[i] = 1;
        }
    };
    for (const g of topo.objects.countries.geometries) if (g.arcs) mark(g.arcs, CATEGORY_BY_ID[String(g.id)] ?? 0);
    const arcs = topo.arcs.map((arc, ai) => {
        const tol = arcCat[ai] ? tolMain : tolOther;
        // decode delta-encoded quantised positions
        const abs = [];
        let x = 0, y = 0;
        for (const [dx, dy] of arc) { x += dx; y += dy; abs.push([x, y]); }
        if (tol <= 0 || abs.length <= 2) return arc;
        const keep = new Uint8Array(abs.length);
        keep[0] = keep[abs.length - 1] = 1;
        const tol2 = tol * tol;
        const stack = [[0, abs.length - 1]];
        while (stack.length) {
            const [i0, i1] = stack.pop();
            const ax = abs[i0][0] * sx, ay = abs[i0][1] * sy, bx = abs[i1][0] * sx, by = abs[i1][1] * sy;
            const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            let best = -1, bestD = tol2;
            for (let i = i0 + 1; i < i1; ++i) {
                const px = abs[i][0] * sx - ax, py = abs[i][1] * sy - ay;
                let d2;
                if (len2 === 0) d2 = px * px + py * py;
                else {
                    let t = (px * dx + py * dy) / len2;
                    t = t < 0 ? 0 : t > 1 ? 1 : t;
                    const ex = px - t * dx, ey = py - t * dy;
                    d2 = ex * ex + ey * ey;
                }
                if (d2 > bestD) { bestD = d2; best = i; }
            }
            if (best >= 0) { keep[best] = 1; stack.push([i0, best], [best, i1]); }
        }
        const out = [];
        let px = 0, py = 0;
        for (let i = 0; i < abs.length; ++i) {
            if (!keep[i]) continue;
            out.push([abs[i][0] - px, abs[i][1] - py]);
            px = abs[i][0]; py = abs[i][1];
        }
        return out;
    });
    return { ...topo, arcs };
}

// Rings and lines that cross the antimeridian (Russia's Chukotka, Fiji, the Aleutians in the 110m
// data) jump between +180 and -180: such a ring's western points are moved east by 360 degrees,
// so that it stays whole and is cut at the frame's east edge instead of drawing bands across it.
// (A part's `wrap`: the outer file's data only; the region file is byte for byte what it was.)
const eastLine = (line) => {
    if (!line.some(([lon]) => lon > 170) || !line.some(([lon]) => lon < -170)) return line;
    return line.map(([lon, lat]) => (lon < 0 ? [lon + 360, lat] : [lon, lat]));
};
const east = (polygon) => polygon.map(eastLine);

// ---------------------------------------------------------------- build
// parts: [{ topo, rects (polygons clipped to each), keep, hole (lines kept inside keep, outside hole),
//           wrap (rings across the antimeridian kept whole) }]
function build(parts) {

    // key "cat|name" -> { category, name, parts: [{verts, idx}] }
    const features = new Map();
    const addPart = (category, name, part) => {
        if (part.idx.length === 0) return;
        const key = category + '|' + name;
        if (!features.has(key)) features.set(key, { category, name, parts: [] });
        features.get(key).parts.push(part);
    };
    const processPolygons = (topo, rects, wrap) => {
        const fc = topojson.feature(topo, topo.objects.countries);
        for (const f of fc.features) {
            const cat = featureCategory(f), name = featureName(f);
            for (const poly of wrap ? featurePolygons(f).map(east) : featurePolygons(f)) {
                for (const rect of rects) {
                    const rings = clipPolygonTo(poly, rect);
                    if (rings) addPart(cat, name, triangulate(rings));
                }
            }
        }
    };
    for (const p of parts) processPolygons(p.topo, p.rects, p.wrap);

    // lines: [{kind, category, pts}]; coastlines grouped by category, then land borders.
    const coast = [], borders = [];
    const processLines = (topo, keep, hole, wrap) => {
        const obj = topo.objects.countries;
        const catOf = (g) => CATEGORY_BY_ID[String(g.id)] ?? 0;
        const add = (dst, mesh, kind, category) => {
            for (const l of mesh.coordinates)
                for (const piece of clipPolyline(wrap ? eastLine(l) : l, keep, hole)) {
                    const q = quantLine(piece);
                    if (q) dst.push({ kind, category, pts: q });
                }
        };
        for (let c = 0; c < NUM_CATEGORIES; ++c)
            add(coast, topojson.mesh(topo, obj, (a, b) => a === b && catOf(a) === c), 0, c);
        add(borders, topojson.mesh(topo, obj, (a, b) => a !== b), 1, 0);
    };
    for (const p of parts) processLines(p.topo, p.keep, p.hole, p.wrap);
    const lines = [...coast.sort((a, b) => a.category - b.category), ...borders]; // stable sort

    // Features ordered by category (0 first, so named regions draw over "other land"), then name;
    // split when a feature would exceed 65535 vertices.
    const featureList = [...features.values()].sort((a, b) =>
        a.category - b.category || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const outFeatures = [];
    for (const f of featureList) {
        let cur = { category: f.category, name: f.name, verts: [], idx: [] };
        for (const part of f.parts) {
            if (part.verts.length > 65535) throw new Error('single polygon part with > 65535 vertices: ' + f.name);
            if (cur.verts.length + part.verts.length > 65535) {
                outFeatures.push(cur);
                cur = { category: f.category, name: f.name, verts: [], idx: [] };
            }
            const base = cur.verts.length;
            for (const v of part.verts) cur.verts.push(v);
            for (const i of part.idx) cur.idx.push(base + i);
        }
        if (cur.idx.length) outFeatures.push(cur);
    }
    return { outFeatures, lines };
}

// ---------------------------------------------------------------- write
function encode({ outFeatures, lines }, box) {
    const chunks = [];
    let size = 0;
    const push = (buf) => { chunks.push(buf); size += buf.length; };
    const u8 = (v) => { const b = Buffer.alloc(1); b.writeUInt8(v); push(b); };
    const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); push(b); };
    const f32 = (v) => { const b = Buffer.alloc(4); b.writeFloatLE(v); push(b); };
    // Format v2: each coordinate and index as the zigzag LEB128 varint of its difference from
    // the previous one in its record (1-3 bytes): neighbours are close, so gzip shrinks the file
    // to about 57% of v1's absolute u16 values (tools/basemap/README.md).
    const deltas = (values) => {
        const out = [];
        let prev = new Array(values.length ? values[0].length : 0).fill(0);
        for (const v of values) {
            v.forEach((x, k) => {
                let z = x - prev[k];
                z = z < 0 ? -2 * z - 1 : 2 * z;
                while (z >= 0x80) { out.push((z & 0x7f) | 0x80); z >>>= 7; }
                out.push(z);
            });
            prev = v;
        }
        push(Buffer.from(out));
    };
    const pts = (arr) => deltas(arr);
    push(Buffer.from('CABM', 'ascii'));
    u32(2);
    f32(box.x0); f32(box.y0); f32(box.x1); f32(box.y1);
    u32(outFeatures.length);
    for (const f of outFeatures) {
        const name = Buffer.from(f.name, 'utf8');
        if (name.length > 255) throw new Error('name too long: ' + f.name);
        u8(f.category); u8(name.length); push(name);
        u32(f.verts.length); pts(f.verts);
        u32(f.idx.length); deltas(f.idx.map((v) => [v]));
    }
    u32(lines.length);
    for (const l of lines) {
        u8(l.kind); u8(l.kind === 0 ? l.category : 0);
        u32(l.pts.length); pts(l.pts);
    }
    return Buffer.concat(chunks, size);
}

const data = build([
    { topo: simplifyTopology(topo50, simplify.named, simplify.other), rects: OUTER_RECTS, keep: FRAME, hole: DETAIL },
    { topo: topo10, rects: [DETAIL], keep: DETAIL, hole: null },  // the detail window is small: never simplified
]);
const bin = encode(data, FRAME);
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, bin);
QBOX = OUTER;
const outer = build([{ topo: topo110, rects: RING_RECTS, keep: OUTER, hole: FRAME, wrap: true }]);
const outerBin = encode(outer, OUTER);
fs.writeFileSync(outerPath, outerBin);

// gzip -9 size: the gzip tool if present (what the budget refers to), else node's zlib
// (whose bundled zlib compresses this file ~3% worse, so it is a safe upper bound).
function gzipSize(buf) {
    try {
        const r = spawnSync('gzip', ['-9', '-n', '-c'], { input: buf, maxBuffer: 64 << 20 });
        if (r.status === 0 && r.stdout && r.stdout.length) return { size: r.stdout.length, how: 'gzip -9 -n' };
    } catch { /* fall through */ }
    return { size: zlib.gzipSync(buf, { level: 9 }).length, how: 'node zlib level 9' };
}
const gz = gzipSize(bin);
const gzNode = zlib.gzipSync(bin, { level: 9 }).length;

// ---------------------------------------------------------------- report
let tris = 0, verts = 0, linePts = 0;
const catTris = new Array(NUM_CATEGORIES).fill(0);
for (const f of data.outFeatures) { tris += f.idx.length / 3; verts += f.verts.length; catTris[f.category] += f.idx.length / 3; }
for (const l of data.lines) linePts += l.pts.length;
const nCoast = data.lines.filter((l) => l.kind === 0).length, nBorder = data.lines.length - nCoast;
console.log(`source: world-atlas ${atlasVersion} countries-50m, countries-10m inside lon [${DETAIL.x0}, ${DETAIL.x1}] lat [${DETAIL.y0}, ${DETAIL.y1}]`);
console.log(`simplification (Douglas-Peucker on arcs): named categories ${simplify.named}°, other land ${simplify.other}° (10m window unsimplified)`);
console.log(`features: ${data.outFeatures.length}, vertices: ${verts}, triangles: ${tris}`);
console.log(`triangles per category: ${catTris.map((n, c) => c + ':' + n).join(' ')}`);
console.log(`lines: ${data.lines.length} (coastline ${nCoast}, land border ${nBorder}), points: ${linePts}`);
console.log(`${path.relative(root, outPath)}: ${bin.length} bytes raw, ${gz.size} bytes ${gz.how}` +
            ` (node zlib: ${gzNode}; budget ${GZIP_BUDGET})`);
let outerVerts = 0;
for (const f of outer.outFeatures) outerVerts += f.verts.length;
const outerGz = gzipSize(outerBin);
console.log(`${path.relative(root, outerPath)}: countries-110m in lon [${OUTER.x0}, ${OUTER.x1}] lat [${OUTER.y0}, ${OUTER.y1}] outside the frame: ` +
            `${outer.outFeatures.length} features, ${outerVerts} vertices, ${outer.lines.length} lines; ` +
            `${outerBin.length} bytes raw, ${outerGz.size} bytes ${outerGz.how} (budget ${OUTER_GZIP_BUDGET})`);
if (gz.size > GZIP_BUDGET || outerGz.size > OUTER_GZIP_BUDGET) {
    console.error('make_basemap: gzip size exceeds the budget; raise the simplification tolerances');
    process.exit(1);
}
