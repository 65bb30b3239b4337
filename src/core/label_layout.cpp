// Greedy placement with a uniform grid of placed rectangles for overlap tests; candidate
// positions in cartographic preference order (right, left, above, below, then diagonals).
#include "core/label_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace ca {

std::vector<LabelPlacement> layout_labels(const std::vector<LabelRequest>& req, const std::vector<Rect>& obstacles, const Rect& bounds,
                                          const std::vector<Disc>& markers) {
    std::vector<LabelPlacement> out(req.size());
    std::vector<int> order(req.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return req[a].priority > req[b].priority; });
    const double cell = 64;
    // Placed labels and obstacles as boxes, markers as circles (radius > 0: the box's centre and
    // radius), by the cells their boxes touch.
    struct Item {
        Rect box;
        double radius;
        bool overlaps(const Rect& r) const {
            return radius > 0 ? Disc{{(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2}, radius}.overlaps(r) : box.overlaps(r);
        }
    };
    std::unordered_map<long long, std::vector<Item>> grid;
    auto key = [](int x, int y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned>(y); };
    auto for_cells = [&](const Rect& r, auto&& fn) {
        for (int y = static_cast<int>(std::floor(r.y0 / cell)); y <= static_cast<int>(std::floor(r.y1 / cell)); ++y)
            for (int x = static_cast<int>(std::floor(r.x0 / cell)); x <= static_cast<int>(std::floor(r.x1 / cell)); ++x)
                if (!fn(key(x, y))) return false;
        return true;
    };
    auto free_at = [&](const Rect& r) {
        return for_cells(r, [&](long long k) {
            auto it = grid.find(k);
            if (it == grid.end()) return true;
            for (auto& o : it->second)
                if (o.overlaps(r)) return false;
            return true;
        });
    };
    auto insert = [&](const Rect& r, double radius = 0) {
        for_cells(r, [&](long long k) {
            grid[k].push_back({r, radius});
            return true;
        });
    };
    auto insert_disc = [&](const Disc& d) {
        if (d.radius > 0) insert({d.centre.x - d.radius, d.centre.y - d.radius, d.centre.x + d.radius, d.centre.y + d.radius}, d.radius);
    };
    for (auto& o : obstacles) insert(o);
    // Markers are obstacles for every label, the labelled nodes' own included (each candidate
    // below keeps a gap from its own node's circle).
    for (auto& d : markers) insert_disc(d);
    for (auto& q : req) insert_disc({q.anchor, q.radius});
    for (int i : order) {
        const LabelRequest& q = req[i];
        const double g = q.radius + 3, w = q.w, h = q.h, ax = q.anchor.x, ay = q.anchor.y;
        const Rect cand[] = {
            {ax + g, ay - h / 2, ax + g + w, ay + h / 2},  // right
            {ax - g - w, ay - h / 2, ax - g, ay + h / 2},  // left
            {ax - w / 2, ay - g - h, ax + w / 2, ay - g},  // above
            {ax - w / 2, ay + g, ax + w / 2, ay + g + h},  // below
            {ax + g * 0.7, ay - g * 0.7 - h, ax + g * 0.7 + w, ay - g * 0.7},
            {ax - g * 0.7 - w, ay - g * 0.7 - h, ax - g * 0.7, ay - g * 0.7},
            {ax + g * 0.7, ay + g * 0.7, ax + g * 0.7 + w, ay + g * 0.7 + h},
            {ax - g * 0.7 - w, ay + g * 0.7, ax - g * 0.7, ay + g * 0.7 + h},
        };
        for (const Rect& r : cand) {
            if (r.x0 < bounds.x0 || r.y0 < bounds.y0 || r.x1 > bounds.x1 || r.y1 > bounds.y1) continue;
            if (!free_at(r)) continue;
            out[i] = {true, r};
            insert(r);
            break;
        }
    }
    return out;
}

Rect slide_edge_label(Rect r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds) {
    const double w = r.x1 - r.x0, gap = 4;
    // Each pass clears one obstacle; as many passes as obstacles reach the last free spot.
    for (size_t pass = 0; pass <= obstacles.size(); ++pass) {
        const Rect* hit = nullptr;
        for (const Rect& o : obstacles)
            if (o.overlaps(r) && (!hit || (from_left ? o.x1 > hit->x1 : o.x0 < hit->x0))) hit = &o;
        if (!hit) break;
        r.x0 = from_left ? hit->x1 + gap : hit->x0 - gap - w;
        r.x1 = r.x0 + w;
    }
    if (r.x1 > bounds.x1) {
        r.x1 = bounds.x1;
        r.x0 = r.x1 - w;
    }
    if (r.x0 < bounds.x0) {
        r.x0 = bounds.x0;
        r.x1 = r.x0 + w;
    }
    return r;
}

bool place_edge_label(const Rect& r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds, Rect& out) {
    const double row = r.y1 - r.y0 + 2;
    for (const int k : {0, -1, 1, -2, 2}) {
        Rect c = r;
        c.y0 += k * row;
        c.y1 += k * row;
        if (c.y0 < bounds.y0 || c.y1 > bounds.y1) continue;
        c = slide_edge_label(c, from_left, obstacles, bounds);
        if (c.x0 < bounds.x0 || c.x1 > bounds.x1) continue;
        if (std::any_of(obstacles.begin(), obstacles.end(), [&](const Rect& o) { return o.overlaps(c); })) continue;
        out = c;
        return true;
    }
    return false;
}

}  // namespace ca
