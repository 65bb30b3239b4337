// Lambert conformal conic projection for East Asia (standard parallels 25°N and 40°N,
// origin 30°N 125°E) and the region presets; world units are kilometres on the map plane.
#pragma once

namespace ca {

struct Vec2 {
    double x = 0, y = 0;
};

// A screen position or size in single precision, as the views draw (ImGui's vertices).
struct PointF {
    float x = 0, y = 0;
};

struct LatLon {
    double lat = 0, lon = 0;
    bool operator==(const LatLon&) const = default;
};

// World coordinates: x east, y north (km). The screen flips y.
Vec2 project(LatLon ll);
LatLon unproject(Vec2 w);

struct Box {
    Vec2 min, max;
    Vec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    double width() const { return max.x - min.x; }
    double height() const { return max.y - min.y; }
};

enum class RegionPreset { All, Gba, Korea, Taiwan, Japan, Count };
const char* preset_label(RegionPreset p);
const char* preset_id(RegionPreset p);  // "gba", as flyTo takes it
bool parse_preset(const char* s, RegionPreset& out);
// The lat/lon box of a preset, projected to a world box.
Box preset_box(RegionPreset p);

}  // namespace ca
