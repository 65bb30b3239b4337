// Camera conversions and motions. Screen y grows downward, world y grows northward.
// zoom_at keeps the pivot fixed, which the tests check as an invariant.
#include "core/camera.h"

#include <algorithm>
#include <cmath>

namespace ca {

Vec2 Camera::screen_to_world(Vec2 s) const {
    return {centre.x + (s.x - origin.x - viewport.x / 2) / scale, centre.y - (s.y - origin.y - viewport.y / 2) / scale};
}

void Camera::zoom_at(Vec2 pivot, double factor) {
    Vec2 before = screen_to_world(pivot);
    scale *= factor;
    Vec2 after = screen_to_world(pivot);
    centre.x += before.x - after.x;
    centre.y += before.y - after.y;
}

void Camera::pan_pixels(Vec2 d) {
    centre.x -= d.x / scale;
    centre.y += d.y / scale;
}

Box Camera::view_bounds() const {
    Vec2 a = screen_to_world(origin), b = screen_to_world({origin.x + viewport.x, origin.y + viewport.y});
    return {{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::max(a.y, b.y)}};
}

double Camera::fit_scale(const Box& b, double margin) const {
    double w = std::max(1.0, viewport.x - 2 * margin), h = std::max(1.0, viewport.y - 2 * margin);
    return std::min(w / std::max(1e-9, b.width()), h / std::max(1e-9, b.height()));
}

void Camera::fit(const Box& b, double margin) {
    centre = b.centre();
    scale = fit_scale(b, margin);
}

void Camera::clamp(double lo, double hi) { scale = std::clamp(scale, lo, hi); }

double zoom_level(const Camera& c) { return c.scale / c.fit_scale(preset_box(RegionPreset::All)); }
double scale_for_zoom(const Camera& c, double zoom) { return zoom * c.fit_scale(preset_box(RegionPreset::All)); }

Camera fly_between(const Camera& a, const Camera& b, double u) {
    u = std::clamp(u, 0.0, 1.0);
    double s = u * u * (3 - 2 * u);  // smoothstep
    Camera c = b;
    // Interpolate log-scale, with a dip proportional to the distance travelled.
    double la = std::log(a.scale), lb = std::log(b.scale);
    double dist = std::hypot(b.centre.x - a.centre.x, b.centre.y - a.centre.y);
    double span = std::max(1.0, std::max(a.viewport.x / a.scale, b.viewport.x / b.scale));
    double dip = std::min(1.0, dist / span) * 0.7 * std::sin(3.14159265358979 * s);
    c.scale = std::exp(la + (lb - la) * s - dip);
    c.centre.x = a.centre.x + (b.centre.x - a.centre.x) * s;
    c.centre.y = a.centre.y + (b.centre.y - a.centre.y) * s;
    return c;
}

void TwoFingerGesture::down(int64_t id, Vec2 p) {
    if (count_ == 0) engaged_ = false;  // a new touch: the last gesture is over
    for (int i = 0; i < count_; ++i)
        if (f_[i].id == id) return;
    if (count_ == 2) return;  // a third finger is ignored
    f_[count_++] = {id, p};
    if (count_ == 2) engaged_ = true;
}

PinchStep TwoFingerGesture::move(int64_t id, Vec2 p) {
    PinchStep step;
    int i = 0;
    while (i < count_ && f_[i].id != id) ++i;
    if (i == count_) return step;
    const Vec2 a0 = f_[0].p, b0 = f_[1].p;
    f_[i].p = p;
    if (count_ < 2) return step;
    const Vec2 a1 = f_[0].p, b1 = f_[1].p;
    const double d0 = std::hypot(b0.x - a0.x, b0.y - a0.y), d1 = std::hypot(b1.x - a1.x, b1.y - a1.y);
    step.active = true;
    step.pivot = {(a0.x + b0.x) / 2, (a0.y + b0.y) / 2};
    step.factor = d0 > 1 && d1 > 1 ? d1 / d0 : 1;  // fingers a pixel apart: no reliable spread
    step.pan = {(a1.x + b1.x) / 2 - step.pivot.x, (a1.y + b1.y) / 2 - step.pivot.y};
    return step;
}

void TwoFingerGesture::up(int64_t id) {
    for (int i = 0; i < count_; ++i) {
        if (f_[i].id != id) continue;
        if (i == 0 && count_ == 2) f_[0] = f_[1];
        --count_;
        return;
    }
}

}  // namespace ca
