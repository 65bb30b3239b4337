// Hit testing (src/core/hit_test.cpp): the nearest circle, the minimum touch radius, misses.
#include <catch2/catch.hpp>

#include <random>

#include "core/hit_test.h"

using namespace ca;

TEST_CASE("hit testing: nearest circle, minimum touch radius, misses") {
    HitGrid g;
    g.build({{100, 100}, {110, 100}, {400, 300}}, {5, 5, 20});
    CHECK(g.query({101, 100}) == 0);
    CHECK(g.query({109, 101}) == 1);
    CHECK(g.query({415, 300}) == 2);
    CHECK(g.query({250, 250}) == -1);
    CHECK(g.query({100, 112}) == -1);     // outside radius 5
    CHECK(g.query({100, 112}, 14) == 0);  // a finger-sized target reaches it
    HitGrid empty;
    empty.build({}, {});
    CHECK(empty.query({0, 0}, 50) == -1);
    // Many points: the grid agrees with brute force.
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0, 2000);
    std::vector<Vec2> pts;
    std::vector<float> r;
    for (int i = 0; i < 3000; ++i) {
        pts.push_back({u(rng), u(rng)});
        r.push_back(4);
    }
    g.build(pts, r);
    for (int k = 0; k < 300; ++k) {
        Vec2 q{u(rng), u(rng)};
        int best = -1;
        double bd = 1e300;
        for (int i = 0; i < 3000; ++i) {
            double d = std::hypot(pts[i].x - q.x, pts[i].y - q.y);
            if (d <= 10 && d - 4 < bd) {
                bd = d - 4;
                best = i;
            }
        }
        CHECK(g.query(q, 10) == best);
    }
}
