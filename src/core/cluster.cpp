// Greedy leader clustering over a grid of cells: O(n) expected for bounded density.
// Deterministic: ties in priority keep input order. No allocation once the buffers are sized.
#include "core/cluster.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ca {

namespace {

// Sort key for descending priority: unsigned order of the result is descending double order.
uint64_t descending_key(double d) {
    d += 0.0;  // -0 sorts with +0
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    const uint64_t ascending = bits >> 63 ? ~bits : bits | (1ull << 63);
    return ~ascending;
}

// Indices by descending priority, ties in input order (what a stable sort gives): an LSD radix
// sort over the key bytes, skipping bytes every key shares (most of them for integral priorities).
void priority_order(const std::vector<double>& prio, Clustering& out) {
    const size_t n = prio.size();
    auto& order = out.order_;
    auto& tmp = out.order_tmp_;
    order.resize(n);
    tmp.resize(n);
    size_t hist[8][256] = {};
    for (size_t i = 0; i < n; ++i) {
        const uint64_t k = descending_key(prio[i]);
        order[i] = {k, static_cast<int>(i)};
        for (int b = 0; b < 8; ++b) ++hist[b][k >> (8 * b) & 0xff];
    }
    for (int b = 0; b < 8; ++b) {
        if (n == 0 || hist[b][order[0].first >> (8 * b) & 0xff] == n) continue;  // one bucket: nothing moves
        size_t pos[256], sum = 0;
        for (int v = 0; v < 256; ++v) {
            pos[v] = sum;
            sum += hist[b][v];
        }
        for (const auto& e : order) tmp[pos[e.first >> (8 * b) & 0xff]++] = e;
        order.swap(tmp);
    }
}

// A grid cell's key for a GroupTable.
uint64_t cell_key(long long x, long long y) { return static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32 | static_cast<uint32_t>(y); }

// Members grouped by cluster (cluster_of and leader set), each group in joining (priority)
// order, and the clusters' centres.
void group_members(const std::vector<Vec2>& pts, Clustering& out) {
    const size_t n = pts.size();
    const size_t nc = out.leader.size();
    out.member_begin.assign(nc + 1, 0);
    for (size_t i = 0; i < n; ++i) ++out.member_begin[out.cluster_of[i] + 1];
    for (size_t c = 0; c < nc; ++c) out.member_begin[c + 1] += out.member_begin[c];
    out.members.resize(n);
    auto& fill = out.cell_tail_;  // reused as write cursors
    fill.assign(out.member_begin.begin(), out.member_begin.end() - 1);
    for (const auto& entry : out.order_) out.members[fill[out.cluster_of[entry.second]]++] = entry.second;
    out.centre.resize(nc);
    for (size_t c = 0; c < nc; ++c) {
        Vec2 s{0, 0};
        for (const int* m = out.begin(c); m != out.end(c); ++m) {
            s.x += pts[*m].x;
            s.y += pts[*m].y;
        }
        const size_t k = static_cast<size_t>(out.count(c));
        out.centre[c] = {s.x / k, s.y / k};
    }
}

// The greedy pass's grid: cells `radius` wide (at least 1), dense over the points' bounds when
// that is small (points on a screen), else sparse (cells numbered as they get a cluster).
struct GridShape {
    double cell = 1;
    long long x0 = 0, y0 = 0, x1 = -1, y1 = -1, cols = 0, rows = 0;
    bool dense = false;
    long long cell_of(double v) const { return static_cast<long long>(std::floor(v / cell)); }
    size_t index(long long x, long long y) const { return static_cast<size_t>((y - y0) * cols + (x - x0)); }
};

GridShape grid_shape(const std::vector<Vec2>& pts, double radius) {
    GridShape g;
    g.cell = std::max(1.0, radius);
    const size_t n = pts.size();
    if (n) {
        double lx = pts[0].x, ly = pts[0].y, hx = lx, hy = ly;
        for (const Vec2& p : pts) {
            lx = std::min(lx, p.x);
            ly = std::min(ly, p.y);
            hx = std::max(hx, p.x);
            hy = std::max(hy, p.y);
        }
        if (std::isfinite(lx) && std::isfinite(ly) && std::isfinite(hx) && std::isfinite(hy) && (hx - lx) / g.cell < 1e6 &&
            (hy - ly) / g.cell < 1e6) {
            g.x0 = g.cell_of(lx);
            g.y0 = g.cell_of(ly);
            g.x1 = g.cell_of(hx);
            g.y1 = g.cell_of(hy);
        }
    }
    g.cols = g.x1 - g.x0 + 1;
    g.rows = g.y1 - g.y0 + 1;
    g.dense = n && g.cols > 0 && g.rows > 0 && g.cols * g.rows <= std::max<long long>(4 * static_cast<long long>(n), 1 << 16);
    return g;
}

// Marks the cells of a dense grid within one cell of (cx, cy): their points whose priority key
// lies in [lo, hi] are decided again.
void mark_near(const GridShape& g, long long cx, long long cy, uint64_t lo, uint64_t hi, Clustering& out) {
    for (long long y = std::max(cy - 1, g.y0); y <= std::min(cy + 1, g.y1); ++y)
        for (long long x = std::max(cx - 1, g.x0); x <= std::min(cx + 1, g.x1); ++x) {
            const size_t k = g.index(x, y);
            out.dirty_lo_[k] = std::min(out.dirty_lo_[k], lo);
            out.dirty_hi_[k] = std::max(out.dirty_hi_[k], hi);
        }
}

// cluster_points_kept's first step: whether the last call's decisions can be kept, and what
// must be decided again marked. A point that appeared or whose priority changed decides again;
// a leader whose priority changed may have passed others near it in the order (those between
// its old and new keys decide again); a leader that left leaves its neighbours.
bool mark_changes(const std::vector<Vec2>& pts, const std::vector<int>& ids, size_t id_count, const std::vector<double>& prio,
                  double radius, const GridShape& g, Clustering& out) {
    const size_t n = pts.size();
    if (!out.kept_valid_ || !g.dense || radius != out.kept_radius_ || out.kept_leader_.size() != id_count || ids.size() != n) return false;
    for (size_t i = 0; i < n; ++i)
        if (ids[i] < 0 || static_cast<size_t>(ids[i]) >= id_count || (i && ids[i] <= ids[i - 1])) return false;
    const size_t cells = static_cast<size_t>(g.cols * g.rows);
    out.dirty_lo_.assign(cells, ~0ull);
    out.dirty_hi_.assign(cells, 0);
    out.self_dirty_.assign(n, 0);
    size_t changes = 0;
    for (size_t i = 0; i < n; ++i) {
        const size_t id = static_cast<size_t>(ids[i]);
        if (out.kept_leader_[id] < 0) {
            out.self_dirty_[i] = 1;  // appeared
            ++changes;
        } else if (out.kept_pos_[id].x != pts[i].x || out.kept_pos_[id].y != pts[i].y)
            return false;  // moved (the camera): all again
        else if (!(out.kept_prio_[id] == prio[i])) {
            out.self_dirty_[i] = 1;
            ++changes;
            if (out.kept_leader_[id] != ids[i]) continue;
            const uint64_t a = descending_key(out.kept_prio_[id]), b = descending_key(prio[i]);
            mark_near(g, g.cell_of(pts[i].x), g.cell_of(pts[i].y), std::min(a, b), std::max(a, b), out);
        }
    }
    // Leaders that left: a merge walk over both ascending id lists.
    size_t j = 0;
    for (const int old : out.kept_ids_) {
        while (j < n && ids[j] < old) ++j;
        if ((j == n || ids[j] != old) && out.kept_leader_[static_cast<size_t>(old)] == old) {
            const Vec2 p = out.kept_pos_[static_cast<size_t>(old)];
            mark_near(g, g.cell_of(p.x), g.cell_of(p.y), 0, ~0ull, out);
            ++changes;
        }
    }
    return changes * 4 <= n;
}

// Keeps each point's decision (its leader's id), priority and position for the next call.
void save_decisions(const std::vector<Vec2>& pts, const std::vector<int>& ids, size_t id_count, const std::vector<double>& prio,
                    double radius, Clustering& out) {
    if (out.kept_leader_.size() != id_count) {
        out.kept_leader_.assign(id_count, -1);
        out.kept_cluster_.assign(id_count, -1);
        out.kept_prio_.resize(id_count);
        out.kept_pos_.resize(id_count);
    } else
        for (const int old : out.kept_ids_) out.kept_leader_[static_cast<size_t>(old)] = -1;
    for (size_t i = 0; i < pts.size(); ++i) {
        const size_t id = static_cast<size_t>(ids[i]);
        out.kept_leader_[id] = ids[static_cast<size_t>(out.leader[static_cast<size_t>(out.cluster_of[i])])];
        out.kept_prio_[id] = prio[i];
        out.kept_pos_[id] = pts[i];
    }
    out.kept_ids_ = ids;
    out.kept_radius_ = radius;
    out.kept_valid_ = true;
}

// The greedy pass: points by descending priority join the nearest cluster leader within
// `radius`, else lead a new cluster. With `ids` (keeping), a point not marked (mark_changes)
// keeps its last decision; one whose leadership changed marks the points after it near it.
void greedy(const std::vector<Vec2>& pts, double radius, const GridShape& g, Clustering& out, const std::vector<int>* ids) {
    const size_t none = static_cast<size_t>(-1);
    // The number of a cell, or `none` when it has no cluster yet (or lies outside a dense grid).
    auto slot = [&](long long x, long long y) -> size_t {
        if (g.dense) return x < g.x0 || x > g.x1 || y < g.y0 || y > g.y1 ? none : g.index(x, y);
        const int c = out.cells_.find(cell_key(x, y));
        return c < 0 ? none : static_cast<size_t>(c);
    };
    // The number of a cell, made when it has none (sparse grids).
    auto make_slot = [&](long long x, long long y) -> size_t {
        if (g.dense) return slot(x, y);
        bool inserted;
        const int c = out.cells_.insert(cell_key(x, y), static_cast<int>(out.cell_head_.size()), inserted);
        if (inserted) {
            out.cell_head_.push_back(-1);
            out.cell_tail_.push_back(-1);
        }
        return static_cast<size_t>(c);
    };
    out.searched_ = 0;
    for (const auto& entry : out.order_) {
        const int i = entry.second;
        const Vec2 p = pts[i];
        const long long cx = g.cell_of(p.x), cy = g.cell_of(p.y);
        int best = -1;
        bool search = true;
        const size_t cell = g.dense ? g.index(cx, cy) : 0;
        if (ids && !out.self_dirty_[static_cast<size_t>(i)] && (entry.first < out.dirty_lo_[cell] || entry.first > out.dirty_hi_[cell])) {
            const int id = (*ids)[static_cast<size_t>(i)], lead = out.kept_leader_[static_cast<size_t>(id)];
            if (lead == id)
                search = false;  // leads again
            else if (lead >= 0) {
                // The leader it joined leads again, before it: its cluster's number in this pass.
                const int c = out.kept_cluster_[static_cast<size_t>(lead)];
                if (c >= 0 && static_cast<size_t>(c) < out.leader.size() && (*ids)[static_cast<size_t>(out.leader[c])] == lead) {
                    best = c;
                    search = false;
                }
            }
        }
        if (search) {
            ++out.searched_;
            double bd = radius * radius;
            for (long long y = cy - 1; y <= cy + 1; ++y)
                for (long long x = cx - 1; x <= cx + 1; ++x) {
                    const size_t h = slot(x, y);
                    if (h == none) continue;
                    for (int c = out.cell_head_[h]; c >= 0; c = out.next_[c]) {
                        Vec2 l = pts[out.leader[c]];
                        double d = (l.x - p.x) * (l.x - p.x) + (l.y - p.y) * (l.y - p.y);
                        if (d <= bd) {
                            bd = d;
                            best = c;
                        }
                    }
                }
        }
        if (best < 0) {
            best = static_cast<int>(out.leader.size());
            out.leader.push_back(i);
            out.next_.push_back(-1);
            const size_t h = make_slot(cx, cy);
            if (out.cell_head_[h] < 0)
                out.cell_head_[h] = best;
            else
                out.next_[out.cell_tail_[h]] = best;
            out.cell_tail_[h] = best;
            if (ids) out.kept_cluster_[static_cast<size_t>((*ids)[static_cast<size_t>(i)])] = best;
        }
        out.cluster_of[i] = best;
        if (ids && search) {
            const int id = (*ids)[static_cast<size_t>(i)], lead = out.kept_leader_[static_cast<size_t>(id)];
            if ((lead == id) != (out.leader[static_cast<size_t>(best)] == i)) mark_near(g, cx, cy, 0, ~0ull, out);
        }
    }
}

void cluster_pass(const std::vector<Vec2>& pts, const std::vector<int>* ids, size_t id_count, const std::vector<double>& prio,
                  double radius, Clustering& out) {
    const size_t n = pts.size();
    out.centre.clear();
    out.leader.clear();
    out.member_begin.clear();
    out.members.clear();
    out.next_.clear();
    out.cluster_of.assign(n, -1);
    priority_order(prio, out);
    const GridShape g = grid_shape(pts, radius);
    // Cells: a dense grid's are all there from the start; a sparse grid's are numbered as
    // they get their first cluster (cells_ maps a cell's key to its number).
    if (g.dense) {
        out.cell_head_.assign(static_cast<size_t>(g.cols * g.rows), -1);
        out.cell_tail_.resize(out.cell_head_.size());
    } else {
        out.cells_.clear(2 * n);
        out.cell_head_.clear();
        out.cell_tail_.clear();
    }
    const bool keep = ids && mark_changes(pts, *ids, id_count, prio, radius, g, out);
    greedy(pts, radius, g, out, keep ? ids : nullptr);
    if (ids)
        save_decisions(pts, *ids, id_count, prio, radius, out);
    else
        out.kept_valid_ = false;
    group_members(pts, out);
}

}  // namespace

void cluster_points(const std::vector<Vec2>& pts, const std::vector<double>& prio, double radius, Clustering& out) {
    cluster_pass(pts, nullptr, 0, prio, radius, out);
}

void cluster_points_kept(const std::vector<Vec2>& pts, const std::vector<int>& ids, size_t id_count, const std::vector<double>& prio,
                         double radius, Clustering& out) {
    cluster_pass(pts, &ids, id_count, prio, radius, out);
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

bool merge_overlapping(const std::vector<Vec2>& pts, const std::vector<double>& radius, double gap, Clustering& out) {
    const size_t nc = out.size();
    if (nc < 2) return false;
    double maxr = 0;
    for (double r : radius) maxr = std::max(maxr, r);
    // Cells at least as wide as any two discs and the gap: a pair that touches is in neighbouring cells.
    const double cell = std::max(1.0, 2 * maxr + gap);
    auto cell_of = [&](double v) { return static_cast<long long>(std::floor(v / cell)); };
    // Clusters by cell: the cell's first cluster in cells_, then a chain through `link`.
    out.cells_.clear(2 * nc);
    auto& link = out.cell_tail_;
    link.assign(nc, -1);
    for (size_t c = 0; c < nc; ++c) {
        bool inserted;
        const int head = out.cells_.insert(cell_key(cell_of(out.centre[c].x), cell_of(out.centre[c].y)), static_cast<int>(c), inserted);
        if (inserted) continue;
        link[c] = link[static_cast<size_t>(head)];
        link[static_cast<size_t>(head)] = static_cast<int>(c);
    }
    // Union-find whose root is the set's lowest cluster number: clusters are numbered in their
    // leaders' priority order, so the root's leader leads the union.
    auto& parent = out.next_;
    parent.resize(nc);
    for (size_t c = 0; c < nc; ++c) parent[c] = static_cast<int>(c);
    auto find = [&](int c) {
        while (parent[c] != c) c = parent[c] = parent[parent[c]];
        return c;
    };
    bool merged = false;
    for (size_t c = 0; c < nc; ++c) {
        const Vec2 p = out.centre[c];
        const long long cx = cell_of(p.x), cy = cell_of(p.y);
        for (long long y = cy - 1; y <= cy + 1; ++y)
            for (long long x = cx - 1; x <= cx + 1; ++x) {
                for (int k = out.cells_.find(cell_key(x, y)); k >= 0; k = link[static_cast<size_t>(k)]) {
                    const size_t d = static_cast<size_t>(k);
                    if (d <= c) continue;
                    const Vec2 q = out.centre[d];
                    const double reach = radius[c] + radius[d] + gap;
                    if ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= reach * reach) continue;
                    const int a = find(static_cast<int>(c)), b = find(static_cast<int>(d));
                    if (a == b) continue;
                    parent[std::max(a, b)] = std::min(a, b);
                    merged = true;
                }
            }
    }
    if (!merged) return false;
    // Roots renumbered in order (keeping the leaders' priority order), members regrouped.
    auto& number = out.cell_head_;
    number.assign(nc, -1);
    size_t kept = 0;
    for (size_t c = 0; c < nc; ++c)
        if (find(static_cast<int>(c)) == static_cast<int>(c)) {
            out.leader[kept] = out.leader[c];
            number[c] = static_cast<int>(kept++);
        }
    out.leader.resize(kept);
    for (int& c : out.cluster_of) c = number[static_cast<size_t>(find(c))];
    group_members(pts, out);
    return true;
}

}  // namespace ca
