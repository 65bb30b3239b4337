// The keep-in-view rule: a search over candidate positions of the target's corner. The closest
// free position shares, on each axis, the current coordinate or an edge of a panel or the view.
#include "core/in_view.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ca {
namespace {

constexpr double kEps = 1e-6;

// Whether the top-left corner (x, y) of a w x h box is a free position: inside the view's range
// and not inside any panel's forbidden region (the panel grown by the box and the margin).
bool free_at(const InViewInput& in, double w, double h, double x, double y) {
    const double g = in.margin;
    if (x < in.view.x0 + g - kEps || x > in.view.x1 - g - w + kEps) return false;
    if (y < in.view.y0 + g - kEps || y > in.view.y1 - g - h + kEps) return false;
    for (const Rect& p : in.covered) {
        const bool in_x = x > p.x0 - g - w + kEps && x < p.x1 + g - kEps;
        const bool in_y = y > p.y0 - g - h + kEps && y < p.y1 + g - kEps;
        if (in_x && in_y) return false;
    }
    return true;
}

// The shortest shift that puts the box t at a free position; false if there is none.
bool shortest_shift(const InViewInput& in, const Rect& t, Vec2& shift) {
    const double w = t.x1 - t.x0, h = t.y1 - t.y0, g = in.margin;
    if (free_at(in, w, h, t.x0, t.y0)) {
        shift = {0, 0};
        return true;
    }
    std::vector<double> xs{t.x0, in.view.x0 + g, in.view.x1 - g - w}, ys{t.y0, in.view.y0 + g, in.view.y1 - g - h};
    for (const Rect& p : in.covered) {
        xs.insert(xs.end(), {p.x0 - g - w, p.x1 + g});
        ys.insert(ys.end(), {p.y0 - g - h, p.y1 + g});
    }
    double best = std::numeric_limits<double>::infinity();
    for (double x : xs)
        for (double y : ys) {
            const double d = (x - t.x0) * (x - t.x0) + (y - t.y0) * (y - t.y0);
            if (d < best && free_at(in, w, h, x, y)) {
                best = d;
                shift = {x - t.x0, y - t.y0};
            }
        }
    return std::isfinite(best);
}

Rect scaled_about_centre(const Rect& t, double f) {
    const double cx = (t.x0 + t.x1) / 2, cy = (t.y0 + t.y1) / 2;
    const double hw = (t.x1 - t.x0) / 2 * f, hh = (t.y1 - t.y0) / 2 * f;
    return {cx - hw, cy - hh, cx + hw, cy + hh};
}

}  // namespace

InViewMove keep_in_view(const InViewInput& in) {
    InViewMove m;
    const double floor_zoom = std::clamp(in.min_zoom, 1e-3, 1.0);
    for (double f = 1; f >= floor_zoom - kEps; f *= 0.8) {
        Vec2 shift;
        if (shortest_shift(in, scaled_about_centre(in.target, f), shift)) {
            m.zoom = f;
            m.pan = shift;
            m.moved = f < 1 || shift.x != 0 || shift.y != 0;
            return m;
        }
        if (f > floor_zoom && f * 0.8 < floor_zoom) f = floor_zoom / 0.8;  // try the floor itself last
    }
    // Best effort: only the centre, at the current zoom.
    Vec2 shift;
    if (shortest_shift(in, scaled_about_centre(in.target, 0), shift)) {
        m.fits = false;
        m.pan = shift;
        m.moved = shift.x != 0 || shift.y != 0;
    }
    return m;
}

Camera apply_in_view(Camera c, const InViewMove& m, Vec2 pivot) {
    if (m.zoom != 1) c.zoom_at(pivot, m.zoom);
    c.pan_pixels(m.pan);
    return c;
}

}  // namespace ca
