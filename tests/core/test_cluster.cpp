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
