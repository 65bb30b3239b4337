// The map camera as a small value type: world centre + scale (pixels per km) over a viewport,
// with pure conversions, zoom around a pivot, fitting boxes and smooth flights between views.
#pragma once
#include <cstdint>

#include "core/projection.h"

namespace ca {

struct Camera {
    Vec2 centre;              // world km
    double scale = 0.001;     // pixels per km
    Vec2 viewport{800, 600};  // pixels (CSS/logical)
    Vec2 origin{0, 0};        // top-left of the viewport on screen

    Vec2 world_to_screen(Vec2 w) const {  // inline: called for every node and basemap vertex
        return {origin.x + viewport.x / 2 + (w.x - centre.x) * scale, origin.y + viewport.y / 2 - (w.y - centre.y) * scale};
    }
    Vec2 screen_to_world(Vec2 s) const;
    // Multiplies the scale by factor keeping the world point under pivot (screen) fixed.
    void zoom_at(Vec2 pivot, double factor);
    void pan_pixels(Vec2 delta);
    Box view_bounds() const;
    // Scale that fits box b into the viewport with a margin (pixels).
    double fit_scale(const Box& b, double margin = 24) const;
    void fit(const Box& b, double margin = 24);
    void clamp(double min_scale, double max_scale);
};

// Zoom relative to the "All" preset: 1 = whole region visible.
double zoom_level(const Camera& c);
double scale_for_zoom(const Camera& c, double zoom);

// Interpolates between two cameras (van Wijk-style: zoom out a little, then in), u in [0,1].
Camera fly_between(const Camera& a, const Camera& b, double u);

// One step of a two-finger gesture: zoom by `factor` about `pivot` (screen), then pan by `pan`
// pixels. Applied in that order it keeps the map under the fingers' midpoint under it and
// scales it by the change in the fingers' spread: the map follows the fingers 1:1.
struct PinchStep {
    bool active = false;  // two fingers are down and one moved
    Vec2 pivot;
    double factor = 1;
    Vec2 pan;
};

// Tracks touch points (screen pixels) by id. While two are down, every move of either gives
// a PinchStep. `engaged` stays true from the second finger's touch until a new first touch, so
// the map neither drags with the finger left over nor takes the release for a click.
class TwoFingerGesture {
public:
    void down(int64_t id, Vec2 p);
    PinchStep move(int64_t id, Vec2 p);
    void up(int64_t id);
    int fingers() const { return count_; }
    bool engaged() const { return engaged_; }

private:
    struct Finger {
        int64_t id;
        Vec2 p;
    };
    Finger f_[2]{};
    int count_ = 0;
    bool engaged_ = false;
};

}  // namespace ca
