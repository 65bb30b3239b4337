// Projection, camera (zoom_at keeps the pointer's point fixed; round trips), hit testing,
// label layout (no overlaps), clustering, and the basemap asset.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/basemap.h"
#include "core/camera.h"
#include "core/cluster.h"
#include "core/embedded.h"
#include "core/hit_test.h"
#include "core/label_layout.h"

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

TEST_CASE("clustering: close points merge with counts, distant points stay apart") {
    std::vector<Vec2> pts{{100, 100}, {104, 102}, {98, 97}, {300, 300}, {600, 100}, {606, 100}};
    std::vector<double> prio{1, 5, 1, 1, 1, 2};
    auto cl = cluster_points(pts, prio, 15);
    REQUIRE(cl.size() == 3);
    size_t total = 0;
    for (auto& c : cl) total += c.members.size();
    CHECK(total == pts.size());
    // The highest-priority member leads its cluster.
    for (auto& c : cl)
        for (int m : c.members) CHECK(prio[c.leader] >= prio[m]);
    CHECK(cl[0].leader == 1);
    CHECK(cl[0].members.size() == 3);
    // Zooming in (spreading the points) splits the cluster.
    std::vector<Vec2> spread;
    for (auto& p : pts) spread.push_back({p.x * 10, p.y * 10});
    CHECK(cluster_points(spread, prio, 15).size() == pts.size());
}

TEST_CASE("basemap: the Natural Earth asset parses with the focus areas present") {
    const EmbeddedFile* f = embedded_assets().find("assets/basemap.bin");
    REQUIRE(f != nullptr);
    Basemap bm;
    std::string err;
    REQUIRE(parse_basemap(f->data, f->size, bm, err));
    CHECK(bm.triangle_count() > 1000);
    CHECK(bm.lines.size() > 10);
    for (LandCategory c :
         {LandCategory::HongKong, LandCategory::Macao, LandCategory::Taiwan, LandCategory::SouthKorea, LandCategory::Japan}) {
        bool found = false;
        for (auto& l : bm.land) found |= l.category == c;
        CHECK(found);
    }
    // Hong Kong sits where Hong Kong is.
    for (auto& l : bm.land)
        if (l.category == LandCategory::HongKong) {
            LatLon c = unproject(l.bounds.centre());
            CHECK(c.lat == Approx(22.35).margin(0.3));
            CHECK(c.lon == Approx(114.15).margin(0.4));
        }
    // Truncated input is rejected, not read out of bounds.
    CHECK_FALSE(parse_basemap(f->data, f->size / 2, bm, err));
    CHECK(err == "truncated basemap");
    CHECK_FALSE(parse_basemap(reinterpret_cast<const uint8_t*>("NOPE0000"), 8, bm, err));
}
