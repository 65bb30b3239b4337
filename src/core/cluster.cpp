// Greedy leader clustering with a hash grid: O(n) expected for bounded density.
// Deterministic: ties in priority keep input order. No allocation once the buffers are sized.
#include "core/cluster.h"

#include <algorithm>
#include <cmath>

namespace ca {

void cluster_points(const std::vector<Vec2>& pts, const std::vector<double>& prio, double radius, Clustering& out) {
    const size_t n = pts.size();
    out.centre.clear();
    out.leader.clear();
    out.member_begin.clear();
    out.members.clear();
    out.cluster_of.assign(n, -1);
    // Priority order, ties by input index (what a stable sort by priority gives).
    auto& order = out.order_;
    order.resize(n);
    for (size_t i = 0; i < n; ++i) order[i] = {prio[i], static_cast<int>(i)};
    std::sort(order.begin(), order.end(), [](const std::pair<double, int>& a, const std::pair<double, int>& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    // Grid cell -> clusters whose leader lies in it (a chain in creation order), open addressing.
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    const size_t mask = cap - 1;
    out.cell_key_.resize(cap);
    out.cell_head_.assign(cap, -1);
    out.cell_tail_.resize(cap);
    out.next_.clear();
    auto slot = [&](uint64_t key) {
        size_t h = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
        while (out.cell_head_[h] >= 0 && out.cell_key_[h] != key) h = (h + 1) & mask;
        return h;
    };
    auto cell_key = [](long long x, long long y) {
        return static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32 | static_cast<uint32_t>(y);
    };
    const double cell = std::max(1.0, radius);
    for (const auto& [pr, i] : order) {
        (void)pr;
        const Vec2 p = pts[i];
        long long cx = static_cast<long long>(std::floor(p.x / cell)), cy = static_cast<long long>(std::floor(p.y / cell));
        int best = -1;
        double bd = radius * radius;
        for (long long y = cy - 1; y <= cy + 1; ++y)
            for (long long x = cx - 1; x <= cx + 1; ++x) {
                const size_t h = slot(cell_key(x, y));
                for (int c = out.cell_head_[h]; c >= 0; c = out.next_[c]) {
                    Vec2 l = pts[out.leader[c]];
                    double d = (l.x - p.x) * (l.x - p.x) + (l.y - p.y) * (l.y - p.y);
                    if (d <= bd) { bd = d; best = c; }
                }
            }
        if (best < 0) {
            best = static_cast<int>(out.leader.size());
            out.leader.push_back(i);
            out.next_.push_back(-1);
            const size_t h = slot(cell_key(cx, cy));
            if (out.cell_head_[h] < 0) { out.cell_key_[h] = cell_key(cx, cy); out.cell_head_[h] = best; }
            else out.next_[out.cell_tail_[h]] = best;
            out.cell_tail_[h] = best;
        }
        out.cluster_of[i] = best;
    }
    // Members grouped by cluster, each group in joining (priority) order.
    const size_t nc = out.leader.size();
    out.member_begin.assign(nc + 1, 0);
    for (size_t i = 0; i < n; ++i) ++out.member_begin[out.cluster_of[i] + 1];
    for (size_t c = 0; c < nc; ++c) out.member_begin[c + 1] += out.member_begin[c];
    out.members.resize(n);
    auto& fill = out.cell_tail_;  // reused as write cursors
    fill.assign(out.member_begin.begin(), out.member_begin.end() - 1);
    for (const auto& [pr, i] : order) out.members[fill[out.cluster_of[i]]++] = i;
    out.centre.resize(nc);
    for (size_t c = 0; c < nc; ++c) {
        Vec2 s{0, 0};
        for (const int* m = out.begin(c); m != out.end(c); ++m) { s.x += pts[*m].x; s.y += pts[*m].y; }
        const size_t k = static_cast<size_t>(out.count(c));
        out.centre[c] = {s.x / k, s.y / k};
    }
}

std::vector<Cluster> cluster_points(const std::vector<Vec2>& pts, const std::vector<double>& prio, double radius) {
    Clustering flat;
    cluster_points(pts, prio, radius, flat);
    std::vector<Cluster> out(flat.size());
    for (size_t c = 0; c < flat.size(); ++c) {
        out[c].centre = flat.centre[c];
        out[c].leader = flat.leader[c];
        out[c].members.assign(flat.begin(c), flat.end(c));
    }
    return out;
}

}  // namespace ca
