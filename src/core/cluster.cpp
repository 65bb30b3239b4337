// Greedy leader clustering with a hash grid: O(n) expected for bounded density.
// Deterministic: ties in priority keep input order.
#include "core/cluster.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace ca {

std::vector<Cluster> cluster_points(const std::vector<Vec2>& pts, const std::vector<double>& prio, double radius) {
    std::vector<int> order(pts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return prio[a] > prio[b]; });
    std::vector<Cluster> out;
    std::unordered_map<long long, std::vector<int>> grid;  // cell -> cluster ids (by leader position)
    const double cell = std::max(1.0, radius);
    auto key = [](long long x, long long y) { return (x << 32) ^ (y & 0xffffffffLL); };
    for (int i : order) {
        const Vec2 p = pts[i];
        long long cx = static_cast<long long>(std::floor(p.x / cell)), cy = static_cast<long long>(std::floor(p.y / cell));
        int best = -1;
        double bd = radius * radius;
        for (long long y = cy - 1; y <= cy + 1; ++y)
            for (long long x = cx - 1; x <= cx + 1; ++x) {
                auto it = grid.find(key(x, y));
                if (it == grid.end()) continue;
                for (int c : it->second) {
                    Vec2 l = pts[out[c].leader];
                    double d = (l.x - p.x) * (l.x - p.x) + (l.y - p.y) * (l.y - p.y);
                    if (d <= bd) { bd = d; best = c; }
                }
            }
        if (best < 0) {
            Cluster c;
            c.leader = i;
            c.members.push_back(i);
            c.centre = p;
            grid[key(cx, cy)].push_back(static_cast<int>(out.size()));
            out.push_back(std::move(c));
        } else {
            out[best].members.push_back(i);
        }
    }
    for (auto& c : out) {
        Vec2 s{0, 0};
        for (int m : c.members) { s.x += pts[m].x; s.y += pts[m].y; }
        c.centre = {s.x / c.members.size(), s.y / c.members.size()};
    }
    return out;
}

}  // namespace ca
