// The camera (src/core/camera.cpp): world/screen round trips, zoom_at keeps the pointer's
// point fixed, presets fit, flights end at their target.
#include <catch2/catch.hpp>

#include <cmath>
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

namespace {
void apply(Camera& c, const PinchStep& s) {
    if (!s.active) return;
    c.zoom_at(s.pivot, s.factor);
    c.pan_pixels(s.pan);
}
}  // namespace

TEST_CASE("camera: a two-finger pinch follows the fingers 1:1, pan included") {
    Camera c;
    c.viewport = {390, 844};
    c.centre = {1000, 2000};
    c.scale = 0.01;
    TwoFingerGesture g;
    // Fingers 100 px apart about (195, 400), spread to 200 px apart while drifting 30 px
    // right and 20 px down, both fingers moving in each of 10 touch moves.
    Vec2 a{145, 400}, b{245, 400};
    const Vec2 wa = c.screen_to_world(a), wb = c.screen_to_world(b);
    g.down(1, a);
    CHECK(!g.engaged());
    CHECK(!g.move(1, {a.x - 1, a.y}).active);  // one finger: no gesture (the map drags)
    g.move(1, a);
    g.down(2, b);
    CHECK(g.engaged());
    for (int i = 1; i <= 10; ++i) {
        const double u = i / 10.0;
        const Vec2 na{145 - 50 * u + 30 * u, 400 + 20 * u}, nb{245 + 50 * u + 30 * u, 400 + 20 * u};
        apply(c, g.move(1, na));
        apply(c, g.move(2, nb));
        a = na;
        b = nb;
    }
    CHECK(c.scale == Approx(0.02).epsilon(1e-9));
    const Vec2 sa = c.world_to_screen(wa), sb = c.world_to_screen(wb);
    CHECK(sa.x == Approx(a.x).margin(1e-6));
    CHECK(sa.y == Approx(a.y).margin(1e-6));
    CHECK(sb.x == Approx(b.x).margin(1e-6));
    CHECK(sb.y == Approx(b.y).margin(1e-6));
    // Lifting one finger ends the steps but not the engagement (no drag, no click) ...
    g.up(1);
    CHECK(g.fingers() == 1);
    CHECK(!g.move(2, {300, 300}).active);
    CHECK(g.engaged());
    g.up(2);
    CHECK(g.engaged());  // ... until the next first touch
    g.down(7, {10, 10});
    CHECK(!g.engaged());
    g.up(99);  // an unknown finger is ignored
    CHECK(g.fingers() == 1);
}

TEST_CASE("camera: a pinch whose fingers start together does not blow up") {
    TwoFingerGesture g;
    g.down(1, {100, 100});
    g.down(2, {100, 100});
    const PinchStep s = g.move(2, {150, 100});
    CHECK(s.active);
    CHECK(s.factor == 1);
    CHECK(std::isfinite(s.pan.x));
}
