// The camera (src/core/camera.cpp): world/screen round trips, zoom_at keeps the pointer's
// point fixed, presets fit, flights end at their target.
#include <catch2/catch.hpp>

#include <random>

#include "core/camera.h"

using namespace ca;

TEST_CASE("camera: world/screen round trips and zoom_at keeps the pivot fixed") {
    Camera c;
    c.viewport = {1280, 800};
    c.origin = {0, 0};
    c.fit(preset_box(RegionPreset::All));
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(0, 1280), uy(0, 800), uf(0.2, 5);
    const Camera base = c;
    for (int i = 0; i < 200; ++i) {
        if (i % 4 == 0) c = base;  // a few zooms in a row, within the app's zoom range
        Vec2 s{ux(rng), uy(rng)};
        Vec2 back = c.world_to_screen(c.screen_to_world(s));
        CHECK(back.x == Approx(s.x).margin(1e-6));
        CHECK(back.y == Approx(s.y).margin(1e-6));
        Vec2 w = c.screen_to_world(s);
        c.zoom_at(s, uf(rng));
        Vec2 after = c.world_to_screen(w);
        CHECK(after.x == Approx(s.x).margin(1e-6));
        CHECK(after.y == Approx(s.y).margin(1e-6));
    }
    // Screen y grows downward while world y grows northward.
    Camera d;
    d.viewport = {100, 100};
    d.scale = 1;
    CHECK(d.world_to_screen({0, 10}).y < d.world_to_screen({0, 0}).y);
    // Panning by pixels moves the content by those pixels.
    Vec2 p = d.world_to_screen({5, 5});
    d.pan_pixels({10, -4});
    Vec2 q = d.world_to_screen({5, 5});
    CHECK(q.x - p.x == Approx(10));
    CHECK(q.y - p.y == Approx(-4));
}

TEST_CASE("camera: fitting a preset shows all of it, and flights end at the target") {
    Camera c;
    c.viewport = {1000, 600};
    for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p) {
        Box b = preset_box(static_cast<RegionPreset>(p));
        c.fit(b, 20);
        Box v = c.view_bounds();
        CHECK(v.min.x <= b.min.x + 1e-6);
        CHECK(v.max.x >= b.max.x - 1e-6);
        CHECK(v.min.y <= b.min.y + 1e-6);
        CHECK(v.max.y >= b.max.y - 1e-6);
    }
    Camera a = c, z = c;
    a.fit(preset_box(RegionPreset::Korea));
    z.fit(preset_box(RegionPreset::Taiwan));
    Camera end = fly_between(a, z, 1.0), start = fly_between(a, z, 0.0);
    CHECK(end.centre.x == Approx(z.centre.x));
    CHECK(end.scale == Approx(z.scale));
    CHECK(start.centre.y == Approx(a.centre.y));
    CHECK(fly_between(a, z, 0.5).scale < std::max(a.scale, z.scale));  // zooms out on the way
}
