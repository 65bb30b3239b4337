// The map scene builder's caches (projected points kept while the camera stays, the visibility
// tracker's list of what appeared) against plain computations on random data: a builder reused
// frame after frame gives the scene of a fresh one, and its points are the camera's projection.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>

#include "core/map_scene.h"

using namespace ca;

namespace {

// Organisations around the atlas's region (one in ten without coordinates), collaborations of
// 2..4 of them over 1995..2024, half of them ended.
Dataset random_dataset(unsigned seed, int norgs, int ncollabs) {
    std::mt19937 rng(seed);
    Dataset ds;
    for (int i = 0; i < norgs; ++i) {
        Organisation o;
        o.id = "o";
        o.id += std::to_string(i);
        o.name = o.id;
        o.kind = static_cast<OrgKind>(rng() % enum_count<OrgKind>());
        o.region = static_cast<Region>(rng() % enum_count<Region>());
        o.has_coords = rng() % 10 != 0;
        o.lat = 20 + (rng() % 2000) / 100.0;
        o.lon = 105 + (rng() % 3500) / 100.0;
        ds.organisations.push_back(o);
    }
    for (int i = 0; i < ncollabs; ++i) {
        Collaboration c;
        c.id = "c";
        c.id += std::to_string(i);
        c.kind = static_cast<CollabKind>(rng() % enum_count<CollabKind>());
        const int k = 2 + static_cast<int>(rng() % 3);
        for (int j = 0; j < k; ++j) c.participants.push_back({static_cast<int>(rng() % norgs), j == 0 ? Role::Lead : Role::Member});
        c.interval.start = Date{1995 + static_cast<int>(rng() % 30), 1 + static_cast<int>(rng() % 12), 0, Precision::Month};
        c.interval.has_end = rng() % 2 == 0;
        if (c.interval.has_end) c.interval.end = Date{c.interval.start.year + 1 + static_cast<int>(rng() % 6), 0, 0, Precision::Year};
        ds.collaborations.push_back(c);
    }
    ds.finalise();
    return ds;
}

bool same(PointF a, PointF b) { return a.x == b.x && a.y == b.y; }

void check_same_scene(const MapScene& a, const MapScene& b) {
    REQUIRE(a.drawn.size() == b.drawn.size());
    for (size_t i = 0; i < a.drawn.size(); ++i) CHECK(same(a.drawn[i], b.drawn[i]));
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        CHECK(a.nodes[i].org == b.nodes[i].org);
        CHECK(same(a.nodes[i].p, b.nodes[i].p));
        CHECK(a.nodes[i].radius == b.nodes[i].radius);
        CHECK(a.nodes[i].active == b.nodes[i].active);
    }
    REQUIRE(a.groups.size() == b.groups.size());
    for (size_t i = 0; i < a.groups.size(); ++i) {
        CHECK(same(a.groups[i].centre, b.groups[i].centre));
        CHECK(a.groups[i].leader == b.groups[i].leader);
        CHECK(a.groups[i].collapsed == b.groups[i].collapsed);
    }
    CHECK(a.members == b.members);
    REQUIRE(a.arcs.size() == b.arcs.size());
    CHECK(a.faded_arcs == b.faded_arcs);
    for (size_t i = 0; i < a.arcs.size(); ++i) {
        CHECK(same(a.arcs[i].a, b.arcs[i].a));
        CHECK(same(a.arcs[i].b, b.arcs[i].b));
        CHECK(same(a.arcs[i].c, b.arcs[i].c));
        CHECK(a.arcs[i].first == b.arcs[i].first);
        CHECK(a.arcs[i].count == b.arcs[i].count);
        CHECK(a.arcs[i].width == b.arcs[i].width);
    }
}

}  // namespace

TEST_CASE("a map scene builder reused while the camera stays, pans, zooms and resizes equals a fresh one") {
    const Dataset ds = random_dataset(21, 1500, 6000);
    std::mt19937 rng(22);
    ViewState v;
    v.mode = TimeMode::Cumulative;
    v.t = days_from_civil(2005, 1, 1);
    VisibilityTracker tracker;
    Visibility vis;
    Camera cam;
    cam.viewport = {1280, 800};
    cam.fit(preset_box(RegionPreset::All));
    PointF size{1280, 800};
    MapSceneBuilder reused;
    int placed_total = 0, reprojected = 0, kept = 0;
    for (int step = 0; step < 120; ++step) {
        const unsigned r = rng() % 100;
        if (r < 40) {
            v.t += 20 + rng() % 200;  // playing: the camera stays
            ++kept;
        } else if (r < 60) {
            cam.pan_pixels({static_cast<double>(rng() % 301) - 150, static_cast<double>(rng() % 301) - 150});
            ++reprojected;
        } else if (r < 74) {
            cam.zoom_at({static_cast<double>(rng() % 1280), static_cast<double>(rng() % 800)}, 0.6 + (rng() % 100) / 60.0);
            ++reprojected;
        } else if (r < 80) {
            cam.zoom_at({cam.viewport.x / 2, cam.viewport.y / 2}, 0.6 + (rng() % 100) / 60.0);  // the scale alone changes
            ++reprojected;
        } else if (r < 88) {
            size = {static_cast<float>(600 + rng() % 800), static_cast<float>(400 + rng() % 500)};
            cam.viewport = {size.x, size.y};
            ++reprojected;
        } else if (r < 94) {
            v.filters.hidden_regions ^= 1u << (rng() % enum_count<Region>());
        } else {
            v.mode = v.mode == TimeMode::Cumulative ? TimeMode::Snapshot : TimeMode::Cumulative;
        }
        if (v.t > days_from_civil(2030, 1, 1)) v.t = days_from_civil(1996, 1, 1);
        tracker.update(ds, v, vis);
        MapSceneInput in;
        in.ds = &ds;
        in.vis = &vis;
        in.camera = cam;
        in.size = size;
        const MapScene& a = reused.build(in);
        MapSceneBuilder fresh;
        const MapScene& b = fresh.build(in);
        check_same_scene(a, b);
        // A lone node is drawn at the camera's projection of its organisation, computed here.
        for (const SceneGroup& g : a.groups) {
            if (g.count() != 1) continue;
            const Organisation& o = ds.organisations[static_cast<size_t>(g.leader)];
            const Vec2 s = cam.world_to_screen(project({o.lat, o.lon}));
            CHECK(same(a.drawn[static_cast<size_t>(g.leader)], PointF{static_cast<float>(s.x), static_cast<float>(s.y)}));
            ++placed_total;
        }
    }
    CHECK(kept > 20);
    CHECK(reprojected > 20);
    CHECK(placed_total > 1000);  // the comparison covered many placed nodes
}
