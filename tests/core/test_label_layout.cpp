// Label layout (src/core/label_layout.cpp): placed labels never overlap each other, obstacles
// or bounds; edge labels slide off panels and share rows beside their hub.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/label_layout.h"

using namespace ca;

TEST_CASE("label layout: placed labels never overlap each other, obstacles or bounds") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> ux(0, 800), uy(0, 600), uw(30, 140);
    std::vector<LabelRequest> req;
    for (int i = 0; i < 400; ++i) req.push_back({{ux(rng), uy(rng)}, 5, uw(rng), 16, static_cast<double>(i % 17)});
    std::vector<Rect> obstacles{{0, 0, 200, 100}};
    Rect bounds{0, 0, 800, 600};
    auto out = layout_labels(req, obstacles, bounds);
    int placed = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        if (!out[i].placed) continue;
        ++placed;
        const Rect& a = out[i].rect;
        CHECK_FALSE(a.overlaps(obstacles[0]));
        CHECK(a.x0 >= 0);
        CHECK(a.y1 <= 600);
        for (size_t j = i + 1; j < out.size(); ++j)
            if (out[j].placed) CHECK_FALSE(a.overlaps(out[j].rect));
    }
    CHECK(placed > 40);
    // A lone label is placed, to the right of its node by preference.
    auto one = layout_labels({{{400, 300}, 5, 50, 16, 1}}, {}, bounds);
    REQUIRE(one[0].placed);
    CHECK(one[0].rect.x0 > 405);
    // Higher priority wins a contested spot.
    auto two = layout_labels({{{400, 300}, 5, 300, 200, 1}, {{402, 300}, 5, 300, 200, 9}}, {}, {0, 0, 720, 520});
    CHECK(two[1].placed);
}

TEST_CASE("edge labels slide off the panels they would hide under, inside the map") {
    const Rect bounds{0, 0, 1280, 660};
    const std::vector<Rect> panels{{10, 58, 280, 650}, {830, 8, 1270, 52}};  // legend, toolbar
    // Hanging off the left edge, under the legend: moved to just right of it, same row.
    const Rect left{4, 210, 404, 230};
    const Rect l = slide_edge_label(left, true, panels, bounds);
    CHECK(l.x0 == Approx(284));
    CHECK(l.x1 - l.x0 == Approx(400));
    CHECK(l.y0 == 210);
    for (const Rect& p : panels) CHECK_FALSE(l.overlaps(p));
    // Off the right edge, under the toolbar: moved left of it.
    const Rect right{870, 20, 1270, 40};
    const Rect r = slide_edge_label(right, false, panels, bounds);
    CHECK(r.x1 == Approx(826));
    for (const Rect& p : panels) CHECK_FALSE(r.overlaps(p));
    // Clear of everything: unchanged.
    const Rect free{300, 300, 500, 320};
    const Rect f = slide_edge_label(free, true, panels, bounds);
    CHECK(f.x0 == free.x0);
    CHECK(f.x1 == free.x1);
    // Two panels in a row: past both.
    const std::vector<Rect> row{{0, 0, 100, 100}, {102, 0, 200, 100}};
    const Rect two = slide_edge_label({4, 40, 64, 60}, true, row, bounds);
    CHECK(two.x0 == Approx(204));
    // Never pushed out of the map.
    const Rect wide = slide_edge_label({4, 300, 1204, 320}, true, panels, bounds);
    CHECK(wide.x1 <= bounds.x1);
    CHECK(wide.x0 >= bounds.x0);
}

TEST_CASE("edge labels of one hub take the rows beside each other, or are left out") {
    const Rect bounds{0, 0, 810, 500};
    std::vector<Rect> obstacles{{500, 50, 800, 95}};  // a toolbar
    // Two labels on one row (one hub, two off-map regions), 400 px wide each.
    Rect us, eu;
    REQUIRE(place_edge_label({386, 112, 801, 133}, false, obstacles, bounds, us));
    CHECK(us.y0 == 112);  // its own row is free
    obstacles.push_back(us);
    REQUIRE(place_edge_label({4, 112, 411, 133}, true, obstacles, bounds, eu));
    CHECK(eu.y0 != 112);                     // moved off the shared row...
    CHECK(std::abs(eu.y0 - 112) <= 2 * 23);  // ...but stays near it
    for (const Rect& o : obstacles) CHECK_FALSE(eu.overlaps(o));
    CHECK(eu.x0 >= bounds.x0);
    CHECK(eu.x1 <= bounds.x1);
    // Wider than the map: no place.
    Rect none;
    CHECK_FALSE(place_edge_label({4, 300, 904, 320}, true, {}, bounds, none));
    // Every nearby row taken: no place.
    std::vector<Rect> full{{0, 0, 810, 500}};
    CHECK_FALSE(place_edge_label({4, 200, 204, 220}, true, full, bounds, none));
}
