// Collision-aware label placement: labels are placed in priority order at one of eight
// positions around their anchor, or dropped, so that no two placed labels overlap.
#pragma once
#include <algorithm>
#include <vector>

#include "core/projection.h"

namespace ca {

struct Rect {
    double x0, y0, x1, y1;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// A marker on the map (a node's shape, a cluster's disc): no label reaches inside its circle.
struct Disc {
    Vec2 centre;
    double radius;
    // Whether r reaches inside the circle (touching is not overlapping).
    bool overlaps(const Rect& r) const {
        const double dx = std::max({r.x0 - centre.x, 0.0, centre.x - r.x1}), dy = std::max({r.y0 - centre.y, 0.0, centre.y - r.y1});
        return dx * dx + dy * dy < radius * radius;
    }
};

struct LabelRequest {
    Vec2 anchor;      // screen position of the node
    double radius;    // how far the node's marker reaches (labels keep clear of it)
    double w, h;      // label size in pixels
    double priority;  // higher placed first
};

struct LabelPlacement {
    bool placed = false;
    Rect rect{};
};

// obstacles: rectangles labels must avoid (panels, edge labels); markers: every marker on the map,
// labelled or not (each request's own anchor circle is avoided as well); bounds: the visible area.
std::vector<LabelPlacement> layout_labels(const std::vector<LabelRequest>& req, const std::vector<Rect>& obstacles, const Rect& bounds,
                                          const std::vector<Disc>& markers = {});

// A label pinned to the map's edge (an organisation off the map): r slides along x, away from
// the edge it hangs off (rightwards when `from_left`), past any obstacle it overlaps, and is
// kept inside bounds. Returns r unchanged when it overlaps nothing.
Rect slide_edge_label(Rect r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds);

// slide_edge_label on its own row, then one and two rows above and below (edge labels of one
// hub share a row): the first spot clear of every obstacle and inside bounds, or false.
bool place_edge_label(const Rect& r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds, Rect& out);

}  // namespace ca
