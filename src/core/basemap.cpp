// Reader of the CABM v2 basemap format documented in tools/basemap/README.md: little-endian,
// quantised u16 lon/lat in a box and u16 triangle indices per feature, stored as varint deltas.
#include "core/basemap.h"

#include <algorithm>
#include <cstring>

namespace ca {
namespace {
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
    // The next u16 of a run stored as zigzag LEB128 differences from the previous one (v2).
    uint16_t next(uint16_t prev) {
        uint32_t z = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p == end) break;
            const uint8_t b = *p++;
            z |= static_cast<uint32_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return static_cast<uint16_t>(prev + ((z >> 1) ^ (0u - (z & 1))));
        }
        ok = false;
        return 0;
    }
    // n points (lon, lat) as world km; false when the data ends first.
    template <class Deq>
    bool points(uint32_t n, std::vector<Vec2>& out, const Deq& deq) {
        if (!has(static_cast<size_t>(n) * 2)) return ok = false;  // at least 2 bytes a point
        out.reserve(n);
        uint16_t a = 0, b = 0;
        for (uint32_t k = 0; k < n && ok; ++k) {
            a = next(a);
            b = next(b);
            out.push_back(deq(a, b));
        }
        return ok;
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
    if (version != 2) {
        error = "unsupported basemap version " + std::to_string(version);
        return false;
    }
    float lon0 = r.get<float>(), lat0 = r.get<float>(), lon1 = r.get<float>(), lat1 = r.get<float>();
    auto deq = [&](uint16_t qlon, uint16_t qlat) {
        return project({lat0 + qlat / 65535.0 * (lat1 - lat0), lon0 + qlon / 65535.0 * (lon1 - lon0)});
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
        if (!r.points(nv, f.vertices, deq)) break;
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
        if (!r.points(np, l.points, deq)) break;
        l.bounds = bounds_of(l.points);
        out.lines.push_back(std::move(l));
    }
    if (!r.ok) {
        error = "truncated basemap";
        return false;
    }
    return true;
}

void append_basemap(Basemap& into, Basemap&& more) {
    for (auto& l : into.land) more.land.push_back(std::move(l));
    into.land = std::move(more.land);
    for (auto& l : more.lines) into.lines.push_back(std::move(l));
}

}  // namespace ca
