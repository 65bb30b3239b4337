// Reader and writer of the CABM basemap formats documented in tools/basemap/README.md: u16 lon/lat
// (v2, the committed asset) or world km (v3, projected at build time) in a box, as varint deltas.
#include "core/basemap.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ca {
namespace {
// v3's steps across its box each way, as v2's: ~100 m in the region's ~6,500 km, ~200 m for the
// land around it, below Natural Earth's own precision at these scales, and the file gzips as
// small as v2 (2^18 steps, ~25 m, made it 12 KB bigger: docs/benchmarks.md, "Session 17").
constexpr uint32_t kSteps3 = 65535;

struct Reader {
    const uint8_t* p;
    const uint8_t* end;
    bool ok = true;
    template <class T>
    T get() {
        T v{};
        if (end - p < static_cast<long>(sizeof(T))) {
            ok = false;
            return v;
        }
        std::memcpy(&v, p, sizeof(T));  // host is little-endian (x86, wasm)
        p += sizeof(T);
        return v;
    }
    bool has(size_t n) const { return static_cast<size_t>(end - p) >= n; }
    // The next value of a run stored as zigzag LEB128 differences from the previous one, modulo
    // 2^32 (v3's coordinates; v2's u16 values are these modulo 65536).
    uint32_t next32(uint32_t prev) {
        uint32_t z = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p == end) break;
            const uint8_t b = *p++;
            z |= static_cast<uint32_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return prev + ((z >> 1) ^ (0u - (z & 1)));
        }
        ok = false;
        return 0;
    }
    uint16_t next(uint16_t prev) { return static_cast<uint16_t>(next32(prev)); }
    // n points as world km (deq maps the two stored values, each `mask`ed); false when the data
    // ends first.
    template <class Deq>
    bool points(uint32_t n, std::vector<Vec2>& out, const Deq& deq, uint32_t mask) {
        if (!has(static_cast<size_t>(n) * 2)) return ok = false;  // at least 2 bytes a point
        out.reserve(n);
        uint32_t a = 0, b = 0;
        for (uint32_t k = 0; k < n && ok; ++k) {
            a = next32(a) & mask;
            b = next32(b) & mask;
            out.push_back(deq(a, b));
        }
        return ok;
    }
};

// The v3 writer: v2's records, the coordinates as u32 steps of the box (kSteps3 each way).
struct Writer {
    std::vector<uint8_t> out;
    template <class T>
    void put(T v) {
        const auto* b = reinterpret_cast<const uint8_t*>(&v);
        out.insert(out.end(), b, b + sizeof(T));  // host is little-endian (x86, wasm)
    }
    // A difference from the previous value, zigzag-encoded as an LEB128 varint.
    void delta(int32_t d) {
        uint32_t z = d >= 0 ? 2u * static_cast<uint32_t>(d) : 2u * static_cast<uint32_t>(-(d + 1)) + 1;
        do {
            const auto b = static_cast<uint8_t>(z & 0x7F);
            z >>= 7;
            out.push_back(z ? b | 0x80 : b);
        } while (z);
    }
    void points(const std::vector<Vec2>& pts, const Box& box, uint32_t steps) {
        const auto q = [steps](double v, double lo, double hi) {
            const double t = hi > lo ? (v - lo) / (hi - lo) : 0;
            return static_cast<uint32_t>(std::llround(std::clamp(t, 0.0, 1.0) * steps));
        };
        put(static_cast<uint32_t>(pts.size()));
        uint32_t a = 0, b = 0;
        for (const Vec2& w : pts) {
            const uint32_t x = q(w.x, box.min.x, box.max.x), y = q(w.y, box.min.y, box.max.y);
            delta(static_cast<int32_t>(x - a));  // modulo 2^32
            delta(static_cast<int32_t>(y - b));
            a = x;
            b = y;
        }
    }
};

Box bounds_of(const std::vector<Vec2>& v) {
    Box b{{1e300, 1e300}, {-1e300, -1e300}};
    for (auto& w : v) {
        b.min.x = std::min(b.min.x, w.x);
        b.min.y = std::min(b.min.y, w.y);
        b.max.x = std::max(b.max.x, w.x);
        b.max.y = std::max(b.max.y, w.y);
    }
    return b;
}
}  // namespace

size_t Basemap::triangle_count() const {
    size_t n = 0;
    for (auto& f : land) n += f.indices.size() / 3;
    return n;
}

bool parse_basemap(const uint8_t* data, size_t size, Basemap& out, std::string& error) {
    Reader r{data, data + size};
    out = Basemap{};
    if (size < 8 || std::memcmp(data, "CABM", 4) != 0) {
        error = "not a CABM basemap";
        return false;
    }
    r.p += 4;
    uint32_t version = r.get<uint32_t>();
    if (version != 2 && version != 3) {
        error = "unsupported basemap version " + std::to_string(version);
        return false;
    }
    // v2: the box in degrees (lon, lat), 65535 steps each way, each point projected here; v3: the
    // box in world km (x, y) and its number of steps.
    const double x0 = r.get<float>(), y0 = r.get<float>(), x1 = r.get<float>(), y1 = r.get<float>();
    const bool projected = version == 3;
    const uint32_t steps = projected ? r.get<uint32_t>() : 65535;
    const uint32_t mask = projected ? 0xFFFFFFFFu : 0xFFFFu;
    if (r.ok && steps == 0) {
        error = "basemap box has no steps";
        return false;
    }
    auto deq = [&](uint32_t qx, uint32_t qy) {
        const Vec2 v{x0 + static_cast<double>(qx) / steps * (x1 - x0), y0 + static_cast<double>(qy) / steps * (y1 - y0)};
        return projected ? v : project({v.y, v.x});
    };
    uint32_t nf = r.get<uint32_t>();
    for (uint32_t i = 0; i < nf && r.ok; ++i) {
        LandFeature f;
        uint8_t cat = r.get<uint8_t>();
        f.category = cat < static_cast<uint8_t>(LandCategory::Count) ? static_cast<LandCategory>(cat) : LandCategory::Other;
        uint8_t nl = r.get<uint8_t>();
        if (!r.has(nl)) {
            r.ok = false;
            break;
        }
        f.name.assign(reinterpret_cast<const char*>(r.p), nl);
        r.p += nl;
        uint32_t nv = r.get<uint32_t>();
        if (!r.points(nv, f.vertices, deq, mask)) break;
        uint32_t ni = r.get<uint32_t>();
        if (!r.has(ni) || ni % 3) {  // at least a byte an index
            r.ok = false;
            break;
        }
        f.indices.resize(ni);
        for (uint32_t k = 0; k < ni && r.ok; ++k) {
            f.indices[k] = r.next(k ? f.indices[k - 1] : 0);
            if (r.ok && f.indices[k] >= nv) {
                error = "basemap index out of range";
                return false;
            }
        }
        f.bounds = bounds_of(f.vertices);
        out.land.push_back(std::move(f));
    }
    uint32_t nl = r.get<uint32_t>();
    for (uint32_t i = 0; i < nl && r.ok; ++i) {
        MapLine l;
        l.kind = r.get<uint8_t>();
        uint8_t cat = r.get<uint8_t>();
        l.category = cat < static_cast<uint8_t>(LandCategory::Count) ? static_cast<LandCategory>(cat) : LandCategory::Other;
        uint32_t np = r.get<uint32_t>();
        if (!r.points(np, l.points, deq, mask)) break;
        l.bounds = bounds_of(l.points);
        out.lines.push_back(std::move(l));
    }
    if (!r.ok) {
        error = "truncated basemap";
        return false;
    }
    return true;
}

bool project_basemap(const uint8_t* data, size_t size, std::vector<uint8_t>& out, std::string& error) {
    Basemap bm;
    if (!parse_basemap(data, size, bm, error)) return false;
    Box box{{1e300, 1e300}, {-1e300, -1e300}};
    const auto grow = [&](const Box& b) {
        box.min.x = std::min(box.min.x, b.min.x);
        box.min.y = std::min(box.min.y, b.min.y);
        box.max.x = std::max(box.max.x, b.max.x);
        box.max.y = std::max(box.max.y, b.max.y);
    };
    for (const LandFeature& f : bm.land)
        if (!f.vertices.empty()) grow(f.bounds);
    for (const MapLine& l : bm.lines)
        if (!l.points.empty()) grow(l.bounds);
    if (box.min.x > box.max.x) box = Box{};
    // The box as float, widened to hold every point once rounded.
    const auto lo = [](double v) { return std::nextafter(static_cast<float>(v), -HUGE_VALF); };
    const auto hi = [](double v) { return std::nextafter(static_cast<float>(v), HUGE_VALF); };
    const float fx0 = lo(box.min.x), fy0 = lo(box.min.y), fx1 = hi(box.max.x), fy1 = hi(box.max.y);
    const Box fbox{{fx0, fy0}, {fx1, fy1}};
    Writer w;
    w.out = {'C', 'A', 'B', 'M'};
    w.put(uint32_t{3});
    w.put(fx0), w.put(fy0), w.put(fx1), w.put(fy1);
    w.put(kSteps3);
    w.put(static_cast<uint32_t>(bm.land.size()));
    for (const LandFeature& f : bm.land) {
        w.put(static_cast<uint8_t>(f.category));
        const size_t n = std::min<size_t>(f.name.size(), 255);
        w.put(static_cast<uint8_t>(n));
        w.out.insert(w.out.end(), f.name.begin(), f.name.begin() + static_cast<long>(n));
        w.points(f.vertices, fbox, kSteps3);
        w.put(static_cast<uint32_t>(f.indices.size()));
        for (size_t k = 0; k < f.indices.size(); ++k)  // as v2 stores them: modulo 65536
            w.delta(static_cast<int16_t>(static_cast<uint16_t>(f.indices[k] - (k ? f.indices[k - 1] : 0))));
    }
    w.put(static_cast<uint32_t>(bm.lines.size()));
    for (const MapLine& l : bm.lines) {
        w.put(l.kind);
        w.put(static_cast<uint8_t>(l.category));
        w.points(l.points, fbox, kSteps3);
    }
    out = std::move(w.out);
    return true;
}

void append_basemap(Basemap& into, Basemap&& more) {
    for (auto& l : into.land) more.land.push_back(std::move(l));
    into.land = std::move(more.land);
    for (auto& l : more.lines) into.lines.push_back(std::move(l));
}

}  // namespace ca
