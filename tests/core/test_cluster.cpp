// Screen-space clustering (src/core/cluster.cpp): close points merge with counts, distant
// points stay apart.
#include <catch2/catch.hpp>

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
