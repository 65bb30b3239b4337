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
        CHECK(a.arcs[i].alpha == b.arcs[i].alpha);
        CHECK(a.arcs[i].grow == b.arcs[i].grow);
        CHECK(a.arcs[i].faded == b.arcs[i].faded);
        CHECK(a.arcs[i].kind == b.arcs[i].kind);
        CHECK(a.arcs[i].hub == b.arcs[i].hub);
        CHECK(a.arcs[i].other == b.arcs[i].other);
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

namespace {

void check_same_arcs(const std::vector<ArcGroup>& a, const std::vector<ArcGroup>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].hub == b[i].hub);
        CHECK(a[i].other == b[i].other);
        CHECK(a[i].first == b[i].first);
        CHECK(a[i].count == b[i].count);
        CHECK(a[i].facts == b[i].facts);
        CHECK(a[i].kind == b[i].kind);
        CHECK(a[i].faded == b[i].faded);
        CHECK(a[i].related == b[i].related);
        CHECK(a[i].selected == b[i].selected);
        CHECK(a[i].max_age == b[i].max_age);
    }
}

}  // namespace

TEST_CASE("arcs updated from frame to frame equal a fresh grouping (playback, points moving, growth)") {
    const Dataset ds = random_dataset(31, 800, 8000);
    const size_t norgs = ds.organisations.size(), nc = ds.collaborations.size();
    std::mt19937 rng(32);
    ViewState v;
    v.mode = TimeMode::Cumulative;
    v.t = days_from_civil(2000, 1, 1);
    VisibilityTracker tracker;
    Visibility vis;
    // Display points as the map scene numbers them: a collapsed cluster by its leader, else
    // norgs + the organisation; a few organisations change cluster or leave the view per frame.
    std::vector<uint32_t> pt(norgs, kNoPoint);
    auto place = [&](size_t o) {
        if (!ds.organisations[o].has_coords || rng() % 10 == 0)
            pt[o] = kNoPoint;
        else
            pt[o] = rng() % 3 == 0 ? static_cast<uint32_t>(rng() % 60) : static_cast<uint32_t>(norgs + o);
    };
    for (size_t o = 0; o < norgs; ++o) place(o);
    // appeared_at as AppModel keeps it: written for what appeared, the writes counted.
    std::vector<double> appeared(nc, -1e9);
    uint64_t writes = 0;
    double clock = 0;
    ArcGrouper kept;
    int updated = 0, rebuilt = 0;
    size_t revisited = 0;
    for (int frame = 0; frame < 400; ++frame) {
        const unsigned r = rng() % 100;
        if (r < 3)
            v.mode = v.mode == TimeMode::Cumulative ? TimeMode::Snapshot : TimeMode::Cumulative;
        else if (r < 5)
            v.filters.hidden_regions ^= 1u << (rng() % enum_count<Region>());
        v.t += rng() % 40;  // playing
        if (v.t > days_from_civil(2026, 1, 1)) v.t = days_from_civil(1996, 1, 1);
        const int moved = rng() % 4 == 0 ? static_cast<int>(rng() % 30) : 0;
        for (int i = 0; i < moved; ++i) place(rng() % norgs);
        clock += 1.0 / 60;
        tracker.update(ds, v, vis);
        for (int c : tracker.appeared()) {
            appeared[static_cast<size_t>(c)] = clock;
            ++writes;
        }
        ArcInputs in;
        in.collab_vis = &vis.collab;
        in.point_of_org = &pt;
        in.lod = frame % 97 > 80;  // level of detail now and then
        in.hover_org = frame % 50 == 7 ? static_cast<int>(rng() % norgs) : -1;
        in.selected_org = frame < 200 ? 5 : -1;
        in.selected_collab = frame < 200 ? -1 : 17;
        in.appeared_at = frame % 131 > 120 ? nullptr : appeared.data();
        in.appeared_writes = writes;
        in.clock = clock;
        std::vector<ArcGroup> a, b;
        std::vector<char> pa, pb;
        kept.group(ds, in, a, pa);
        if (kept.rebuilt())
            ++rebuilt;
        else {
            ++updated;
            revisited += kept.revisited();
        }
        ArcGrouper fresh;
        fresh.group(ds, in, b, pb);
        check_same_arcs(a, b);
        CHECK(pa == pb);
    }
    CHECK(updated > 250);                 // most frames took the update path
    CHECK(rebuilt > 20);                  // and some rebuilt (hover, lod, growth off, mode, filters)
    CHECK(revisited < updated * nc / 8);  // revisiting a few collaborations, not all of them
}
