// Keeping the selection in view: the smallest camera move (a pan, and a zoom out only when the
// item cannot fit) that brings an item's screen extent into the map area that panels leave free.
#pragma once
#include <vector>

#include "core/camera.h"
#include "core/label_layout.h"

namespace ca {

struct InViewInput {
    Rect view{0, 0, 800, 600};  // the map's screen rectangle
    std::vector<Rect> covered;  // panels over the map (details panel or sheet, legend, toolbar, timeline)
    Rect target{0, 0, 0, 0};    // the selected item's screen extent (x0 == x1, y0 == y1 for a point)
    double margin = 16;         // free space kept around the target, and from the view's edges (px)
    double min_zoom = 1;        // the smallest zoom factor allowed (the camera's minimum scale / its scale; 1: no zoom)
};

struct InViewMove {
    bool moved = false;  // false: already in view, or nowhere to put it
    bool fits = true;    // false: best effort, only the target's centre is clear of the panels
    double zoom = 1;     // scale factor about the target's centre, applied first (<= 1)
    Vec2 pan{0, 0};      // then the target's shift on screen (pixels)
};

// The rule. No move when the target (with its margin) is inside the view and clear of every
// panel. Otherwise the shortest pan that makes it so; if no pan can, the mildest zoom out (steps
// of 0.8, not below min_zoom) after which one can; if none, the shortest pan that frees the
// target's centre (fits = false); if even that is impossible, no move.
InViewMove keep_in_view(const InViewInput& in);

// The camera after the move: zoom about pivot (the target's centre on screen), then pan.
Camera apply_in_view(Camera c, const InViewMove& m, Vec2 pivot);

}  // namespace ca
