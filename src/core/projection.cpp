// Lambert conformal conic (spherical, Snyder 1987 §15) and the region boxes the presets fly to.
// Pure maths; tested for round trips and conformality in tests/core.
#include "core/projection.h"

#include "core/i18n.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ca {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kR = 6371.0;  // km
constexpr double kDeg = kPi / 180.0;
constexpr double kPhi1 = 25 * kDeg, kPhi2 = 40 * kDeg, kPhi0 = 30 * kDeg, kLam0 = 125 * kDeg;

struct Lcc {
    double n, F, rho0;
    Lcc() {
        n = std::log(std::cos(kPhi1) / std::cos(kPhi2)) / std::log(std::tan(kPi / 4 + kPhi2 / 2) / std::tan(kPi / 4 + kPhi1 / 2));
        F = std::cos(kPhi1) * std::pow(std::tan(kPi / 4 + kPhi1 / 2), n) / n;
        rho0 = kR * F / std::pow(std::tan(kPi / 4 + kPhi0 / 2), n);
    }
};
const Lcc& lcc() {
    static const Lcc l;
    return l;
}
}  // namespace

Vec2 project(LatLon ll) {
    const Lcc& L = lcc();
    double phi = std::clamp(ll.lat, -80.0, 89.0) * kDeg;
    double rho = kR * L.F / std::pow(std::tan(kPi / 4 + phi / 2), L.n);
    double theta = L.n * (ll.lon * kDeg - kLam0);
    return {rho * std::sin(theta), L.rho0 - rho * std::cos(theta)};
}

LatLon unproject(Vec2 w) {
    const Lcc& L = lcc();
    double dx = w.x, dy = L.rho0 - w.y;
    double rho = std::copysign(std::sqrt(dx * dx + dy * dy), L.n);
    double theta = std::atan2(dx, dy);
    double phi = 2 * std::atan(std::pow(kR * L.F / rho, 1 / L.n)) - kPi / 2;
    return {phi / kDeg, (theta / L.n + kLam0) / kDeg};
}

namespace {
struct PresetInfo {
    const char* id;
    const char* label;
    double lat0, lon0, lat1, lon1;
};
const PresetInfo kPresets[] = {
    {"all", NC_("region preset", "All"), 19.5, 110.0, 44.0, 145.0},
    {"gba", NC_("region preset", "HK + GBA"), 21.9, 112.6, 23.2, 114.6},
    {"korea", NC_("region preset", "Korea"), 33.5, 125.5, 38.5, 130.0},
    {"taiwan", NC_("region preset", "Taiwan"), 21.8, 119.8, 25.4, 122.2},
    {"japan", NC_("region preset", "Japan"), 31.0, 129.5, 43.5, 145.5},
};
}  // namespace

const char* preset_label(RegionPreset p) { return trc("region preset", kPresets[static_cast<int>(p)].label); }
const char* preset_id(RegionPreset p) { return kPresets[static_cast<int>(p)].id; }
bool parse_preset(const char* s, RegionPreset& out) {
    for (int i = 0; i < static_cast<int>(RegionPreset::Count); ++i)
        if (std::strcmp(s, kPresets[i].id) == 0) {
            out = static_cast<RegionPreset>(i);
            return true;
        }
    return false;
}

Box preset_box(RegionPreset p) {
    const PresetInfo& k = kPresets[static_cast<int>(p)];
    Box b{{1e300, 1e300}, {-1e300, -1e300}};
    for (int i = 0; i <= 8; ++i)
        for (int j = 0; j <= 8; ++j) {
            Vec2 w = project({k.lat0 + (k.lat1 - k.lat0) * i / 8, k.lon0 + (k.lon1 - k.lon0) * j / 8});
            b.min.x = std::min(b.min.x, w.x);
            b.min.y = std::min(b.min.y, w.y);
            b.max.x = std::max(b.max.x, w.x);
            b.max.y = std::max(b.max.y, w.y);
        }
    return b;
}

}  // namespace ca
