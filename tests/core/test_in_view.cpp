// The keep-in-view rule (src/core/in_view.cpp): no move when the selection is clear of the
// panels; the shortest pan beside a right-hand panel or above a bottom sheet; a zoom out only when
// the item cannot fit; best effort when nothing can.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/app_model.h"
#include "core/in_view.h"
#include "fixture.h"

using namespace ca;

namespace {

Rect point(double x, double y) { return {x, y, x, y}; }
Rect moved(const Rect& t, const InViewMove& m) {
    const double cx = (t.x0 + t.x1) / 2, cy = (t.y0 + t.y1) / 2;
    const double hw = (t.x1 - t.x0) / 2 * m.zoom, hh = (t.y1 - t.y0) / 2 * m.zoom;
    return {cx - hw + m.pan.x, cy - hh + m.pan.y, cx + hw + m.pan.x, cy + hh + m.pan.y};
}
bool clear_of(const Rect& t, const InViewInput& in) {
    const double g = in.margin - 1e-6;
    const Rect grown{t.x0 - g, t.y0 - g, t.x1 + g, t.y1 + g};
    if (grown.x0 < in.view.x0 || grown.y0 < in.view.y0 || grown.x1 > in.view.x1 || grown.y1 > in.view.y1) return false;
    for (const Rect& p : in.covered)
        if (grown.overlaps(p)) return false;
    return true;
}

// A desktop layout: toolbar, legend on the left, details panel on the right, timeline below.
InViewInput desktop(Rect target) {
    InViewInput in;
    in.view = {0, 0, 1280, 800};
    in.covered = {{0, 0, 1280, 46}, {8, 52, 288, 600}, {880, 52, 1270, 654}, {8, 664, 1272, 792}};
    in.target = target;
    return in;
}
// A phone: toolbar, the details sheet from 35% of the height down, the timeline below it.
InViewInput phone(Rect target) {
    InViewInput in;
    in.view = {0, 0, 390, 844};
    in.covered = {{0, 0, 390, 46}, {10, 295, 380, 734}, {8, 744, 382, 836}};
    in.target = target;
    return in;
}

}  // namespace

TEST_CASE("in view: an item clear of every panel does not move the camera") {
    InViewInput in = desktop(point(600, 300));
    InViewMove m = keep_in_view(in);
    CHECK_FALSE(m.moved);
    CHECK(m.zoom == 1);
    CHECK(m.pan.x == 0);
    CHECK(m.pan.y == 0);
    in = phone({150, 150, 180, 170});
    CHECK_FALSE(keep_in_view(in).moved);
}

TEST_CASE("in view: under the details panel it moves just left of it, with the margin") {
    InViewInput in = desktop(point(1000, 300));
    InViewMove m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(m.fits);
    CHECK(m.zoom == 1);
    CHECK(m.pan.y == 0);
    CHECK(1000 + m.pan.x == Approx(880 - in.margin));  // the shortest pan: to the panel's left edge
    CHECK(clear_of(moved(in.target, m), in));
    // Just inside the margin of the panel's edge is a small nudge too.
    in.target = point(870, 300);
    m = keep_in_view(in);
    CHECK(m.pan.x == Approx(-(870 - (880 - in.margin))));
}

TEST_CASE("in view: under the phone sheet it moves above it") {
    InViewInput in = phone(point(200, 500));
    InViewMove m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(m.zoom == 1);
    CHECK(m.pan.x == 0);
    CHECK(500 + m.pan.y == Approx(295 - in.margin));
    CHECK(clear_of(moved(in.target, m), in));
    // An extent (a cluster, an arc) moves as a whole, above the sheet.
    in.target = {100, 400, 220, 480};
    m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(m.zoom == 1);
    CHECK(clear_of(moved(in.target, m), in));
    CHECK(moved(in.target, m).y1 == Approx(295 - in.margin));
}

TEST_CASE("in view: off the map entirely it comes back to the nearest free place") {
    InViewInput in = desktop(point(640, -300));
    InViewMove m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(m.pan.x == 0);
    CHECK(-300 + m.pan.y == Approx(46 + in.margin));  // just below the toolbar, not behind it
    CHECK(clear_of(moved(in.target, m), in));
    // From the left, beside the legend or below it, whichever is nearer: here below it.
    in.target = point(-400, 300);
    m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(clear_of(moved(in.target, m), in));
    CHECK(std::hypot(m.pan.x, m.pan.y) < 288 + in.margin + 400);  // nearer than beside the legend
}

TEST_CASE("in view: an extent too big for the free area zooms out just enough") {
    InViewInput in = phone({20, 100, 370, 600});  // an arc across the whole phone
    in.min_zoom = 0.05;
    InViewMove m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK(m.fits);
    CHECK(m.zoom < 1);
    CHECK(clear_of(moved(in.target, m), in));
    // One zoom step less would not fit anywhere.
    InViewInput bigger = in;
    const double f = m.zoom / 0.8;
    bigger.target = {195 - 175 * f, 350 - 250 * f, 195 + 175 * f, 350 + 250 * f};
    bigger.min_zoom = 1;
    CHECK_FALSE(keep_in_view(bigger).fits);
}

TEST_CASE("in view: too big even at the widest zoom, best effort frees the centre, and nowhere free means no move") {
    InViewInput in = phone({0, 0, 3000, 3000});
    in.min_zoom = 0.5;  // the camera cannot zoom out that far
    InViewMove m = keep_in_view(in);
    REQUIRE(m.moved);
    CHECK_FALSE(m.fits);
    CHECK(m.zoom == 1);
    InViewInput centre = in;
    centre.target = point(1500, 1500);
    CHECK(clear_of(moved(centre.target, m), centre));
    // Panels over everything: nothing to do.
    in.covered.push_back({0, 0, 390, 844});
    CHECK_FALSE(keep_in_view(in).moved);
}

TEST_CASE("in view: over random layouts the result is clear of the panels and no longer than needed") {
    std::mt19937 rng(15);
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < 300; ++i) {
        InViewInput in;
        in.view = {0, 0, 320 + 1600 * u(rng), 240 + 900 * u(rng)};
        const double W = in.view.x1, H = in.view.y1;
        for (int k = 0; k < 3; ++k) {
            const double x = W * u(rng), y = H * u(rng);
            in.covered.push_back({x, y, x + W * 0.4 * u(rng), y + H * 0.4 * u(rng)});
        }
        in.target = point(W * (1.4 * u(rng) - 0.2), H * (1.4 * u(rng) - 0.2));
        const InViewMove m = keep_in_view(in);
        if (!m.moved) {
            // Either already clear or nowhere is: test a grid of positions for the latter.
            if (clear_of(in.target, in)) continue;
            for (double x = 0; x <= W; x += 4)
                for (double y = 0; y <= H; y += 4) CHECK_FALSE(clear_of(point(x, y), in));
            continue;
        }
        const Rect t = moved(in.target, m);
        CHECK(clear_of(t, in));
        // No free grid position is much closer than the chosen one.
        const double chosen = std::hypot(m.pan.x, m.pan.y);
        for (double x = 0; x <= W; x += 8)
            for (double y = 0; y <= H; y += 8)
                if (clear_of(point(x, y), in)) CHECK(std::hypot(x - in.target.x0, y - in.target.y0) >= chosen - 1e-6);
    }
}

TEST_CASE("in view: the model applies the rule once per new selection, to a flight's end too") {
    AppModel m = test::fixture_model();
    m.set_viewport({0, 0}, {1280, 800});
    m.set_reduced_motion(true);
    const int o = m.data().find_org("astri");
    REQUIRE(o >= 0);
    const Organisation& org = m.data().organisations[o];
    auto screen = [&] { return m.camera().world_to_screen(project({org.lat, org.lon})); };
    Vec2 s = screen();
    m.pan({1100 - s.x, 400 - s.y});
    m.set_covered({{880, 52, 1270, 654}});
    CHECK_FALSE(m.keep_selection_in_view());  // nothing selected yet
    REQUIRE(m.select("astri"));
    CHECK(m.is_covered(screen()));
    CHECK(m.keep_selection_in_view());
    CHECK_FALSE(m.is_covered(screen()));
    // Once: a pan back under the panel afterwards is the visitor's choice.
    s = screen();
    m.pan({1100 - s.x, 0});
    CHECK_FALSE(m.keep_selection_in_view());
    CHECK(m.is_covered(screen()));
    // A flight under way (search, the host's select) has its end moved, not the camera now.
    m.select("");
    m.set_reduced_motion(false);
    m.set_covered({{0, 0, 1280, 400}});  // a panel over the top half, where fly_to_org centres
    REQUIRE(m.select("astri"));
    m.fly_to_org(o);
    const Camera now = m.camera();
    CHECK(m.keep_selection_in_view());
    CHECK(m.camera().centre.x == now.centre.x);
    for (int i = 0; i < 120; ++i) m.tick(1.0 / 60);
    CHECK_FALSE(m.is_covered(screen()));
    CHECK(screen().y > 400);
}
