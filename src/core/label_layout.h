// Collision-aware label placement: labels are placed in priority order at one of eight
// positions around their anchor, or dropped, so that no two placed labels overlap.
#pragma once
#include <vector>

#include "core/projection.h"

namespace ca {

struct Rect {
    double x0, y0, x1, y1;
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelRequest {
    Vec2 anchor;      // screen position of the node
    double radius;    // node radius (labels keep clear of it)
    double w, h;      // label size in pixels
    double priority;  // higher placed first
};

struct LabelPlacement {
    bool placed = false;
    Rect rect{};
};

// obstacles: rectangles labels must avoid (panels, other nodes); bounds: the visible area.
std::vector<LabelPlacement> layout_labels(const std::vector<LabelRequest>& req, const std::vector<Rect>& obstacles, const Rect& bounds);

// A label pinned to the map's edge (an organisation off the map): r slides along x, away from
// the edge it hangs off (rightwards when `from_left`), past any obstacle it overlaps, and is
// kept inside bounds. Returns r unchanged when it overlaps nothing.
Rect slide_edge_label(Rect r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds);

// slide_edge_label on its own row, then one and two rows above and below (edge labels of one
// hub share a row): the first spot clear of every obstacle and inside bounds, or false.
bool place_edge_label(const Rect& r, bool from_left, const std::vector<Rect>& obstacles, const Rect& bounds, Rect& out);

}  // namespace ca
