// The Web Mercator projection (src/core/projection.cpp): round trips across the region, and
// conformal near 30N.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/camera.h"

using namespace ca;

TEST_CASE("projection: round trips across the region and is conformal near 30N") {
    for (double lat = 5; lat <= 50; lat += 2.5)
        for (double lon = 95; lon <= 155; lon += 2.5) {
            LatLon back = unproject(project({lat, lon}));
            CHECK(back.lat == Approx(lat).margin(1e-9));
            CHECK(back.lon == Approx(lon).margin(1e-9));
        }
    // Origin at 30N 125E; east is +x, north is +y.
    Vec2 o = project({30, 125});
    CHECK(o.x == Approx(0).margin(1e-9));
    CHECK(o.y == Approx(0).margin(1e-9));
    CHECK(project({30, 126}).x > 0);
    CHECK(project({31, 125}).y > 0);
    // Conformal: equal small steps east and north give equal distances (scale factor isotropic).
    Vec2 e = project({30, 125.01}), n = project({30.01, 125});
    double de = std::hypot(e.x - o.x, e.y - o.y), dn = std::hypot(n.x - o.x, n.y - o.y);
    CHECK(de / dn == Approx(std::cos(30 * 3.14159265358979 / 180)).epsilon(1e-3));
    // Seoul to Tokyo is about 1,160 km on the ground; the map distance is within 3%.
    Vec2 seoul = project({37.57, 126.98}), tokyo = project({35.68, 139.69});
    CHECK(std::hypot(tokyo.x - seoul.x, tokyo.y - seoul.y) == Approx(1160).epsilon(0.03));
}
