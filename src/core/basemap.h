// The basemap asset (assets/basemap.bin, made by tools/basemap from Natural Earth): filled
// land as triangles and coastlines/borders as polylines, in world km (projected by the build).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/projection.h"

namespace ca {

enum class LandCategory : uint8_t {
    Other,
    China,
    HongKong,
    Macao,
    Taiwan,
    SouthKorea,
    Japan,
    NorthKorea,
    Russia,
    Philippines,
    Vietnam,
    Count
};

struct LandFeature {
    LandCategory category = LandCategory::Other;
    std::string name;
    std::vector<Vec2> vertices;  // world km
    std::vector<uint16_t> indices;
    Box bounds;
};

struct MapLine {
    uint8_t kind = 0;  // 0 coastline, 1 land border
    LandCategory category = LandCategory::Other;
    std::vector<Vec2> points;  // world km
    Box bounds;
};

struct Basemap {
    std::vector<LandFeature> land;
    std::vector<MapLine> lines;
    size_t triangle_count() const;
};

// Parses the binary asset (v2 or v3); returns false with a message on a malformed file.
bool parse_basemap(const uint8_t* data, size_t size, Basemap& out, std::string& error);

// The same basemap as v3, its points projected to world km (the build does it, so that a start
// parses without projecting ~18 k points: docs/benchmarks.md, "Session 17"); false with a
// message when `data` does not parse. v3 keeps v2's records; its points move by less than one of its steps (~100 m).
bool project_basemap(const uint8_t* data, size_t size, std::vector<uint8_t>& out, std::string& error);

// Adds `more`'s land (drawn first: under what `into` has) and lines to `into`.
void append_basemap(Basemap& into, Basemap&& more);

}  // namespace ca
