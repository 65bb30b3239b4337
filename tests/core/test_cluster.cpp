// Screen-space clustering (src/core/cluster.cpp): close points merge with counts, distant
// points stay apart; a clustering kept from frame to frame equals a fresh one.
#include <catch2/catch.hpp>

#include <random>

#include "core/cluster.h"

using namespace ca;

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

TEST_CASE("clustering: clusters whose discs overlap merge, transitively, led by the highest priority") {
    // Three singletons in a row 20 px apart with discs of 12 px: a-b and b-c touch, so all join;
    // d is far away.
    std::vector<Vec2> pts{{100, 100}, {120, 100}, {140, 100}, {400, 100}};
    std::vector<double> prio{1, 3, 2, 9};
    Clustering cl;
    cluster_points(pts, prio, 5, cl);
    REQUIRE(cl.size() == 4);
    CHECK(merge_overlapping(pts, {12, 12, 12, 12}, 0, cl));
    REQUIRE(cl.size() == 2);
    CHECK(cl.leader[0] == 3);  // clusters stay in their leaders' priority order
    CHECK(cl.leader[1] == 1);
    CHECK(std::vector<int>(cl.begin(1), cl.end(1)) == std::vector<int>{1, 2, 0});  // members by priority
    CHECK(cl.centre[1].x == Approx(120));
    CHECK(cl.cluster_of == std::vector<int>{1, 1, 1, 0});
    // Apart by more than their radii and the gap: nothing merges.
    CHECK_FALSE(merge_overlapping(pts, {100, 100}, 0, cl));
    CHECK_FALSE(merge_overlapping(pts, {138, 138}, 1, cl));  // 280 px apart, 138 + 138 + 1 = 277 short
    CHECK(merge_overlapping(pts, {138, 138}, 5, cl));        // 281 reach
    CHECK(cl.size() == 1);
}

// Playback: a clustering kept from frame to frame (cluster_points_kept) against a fresh one, over
// random frames where a few points change priority, appear or leave, now and then all move (the
// camera) or the radius changes; merged afterwards as the scene does (the kept decisions must
// survive it). Points on a coarse lattice, so ties in distance and priority occur.
TEST_CASE("clustering kept from frame to frame equals a fresh clustering") {
    std::mt19937 rng(17);
    const int universe = 1500;
    std::vector<Vec2> world(universe);
    std::vector<double> degree(universe);
    std::vector<char> shown(universe);
    for (int i = 0; i < universe; ++i) {
        world[static_cast<size_t>(i)] = {static_cast<double>(rng() % 200) * 2, static_cast<double>(rng() % 150) * 2};
        degree[static_cast<size_t>(i)] = rng() % 12;
        shown[static_cast<size_t>(i)] = rng() % 10 != 0;
    }
    double scale = 1, radius = 15;
    Clustering kept, fresh;
    std::vector<Vec2> pts;
    std::vector<int> ids;
    std::vector<double> prio, reach;
    int kept_frames = 0;
    for (int frame = 0; frame < 400; ++frame) {
        const unsigned roll = rng() % 100;
        if (roll < 3) scale *= rng() % 2 ? 1.25 : 0.8;  // the camera zooms: every point moves
        if (roll == 3) radius = radius == 15 ? 20 : 15;
        for (int k = static_cast<int>(rng() % 12); k > 0; --k) degree[rng() % universe] += rng() % 2 ? 1 : -1;
        for (int k = static_cast<int>(rng() % 4); k > 0; --k) shown[rng() % universe] ^= 1;
        pts.clear();
        ids.clear();
        prio.clear();
        for (int i = 0; i < universe; ++i) {
            if (!shown[static_cast<size_t>(i)]) continue;
            ids.push_back(i);
            pts.push_back({world[static_cast<size_t>(i)].x * scale, world[static_cast<size_t>(i)].y * scale});
            prio.push_back(degree[static_cast<size_t>(i)] + (i % 7 == 0 ? 0.5 : 0));
        }
        cluster_points_kept(pts, ids, universe, prio, radius, kept);
        if (kept.searched_ * 4 < pts.size()) ++kept_frames;
        cluster_points(pts, prio, radius, fresh);
        INFO("frame " << frame);
        REQUIRE(kept.leader == fresh.leader);
        REQUIRE(kept.cluster_of == fresh.cluster_of);
        REQUIRE(kept.member_begin == fresh.member_begin);
        REQUIRE(kept.members == fresh.members);
        for (size_t c = 0; c < kept.size(); ++c) {
            CHECK(kept.centre[c].x == fresh.centre[c].x);
            CHECK(kept.centre[c].y == fresh.centre[c].y);
        }
        // The scene merges overlapping discs into the same object afterwards.
        reach.assign(kept.size(), 6.0);
        for (size_t c = 0; c < kept.size(); ++c)
            if (kept.count(c) > 1) reach[c] = 10.0;
        while (merge_overlapping(pts, reach, 2.0, kept)) reach.assign(kept.size(), 10.0);
    }
    // Most frames kept most decisions (the test covers the kept path, not only the fresh one).
    CHECK(kept_frames > 300);
}
