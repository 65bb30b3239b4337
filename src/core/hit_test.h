// Grid-accelerated picking of circles on screen: radii in CSS pixels with a minimum touch
// radius, so small nodes stay finger-sized. Rebuilt when the camera or the visible set moves.
#pragma once
#include <vector>

#include "core/projection.h"

namespace ca {

class HitGrid {
public:
    void build(const std::vector<Vec2>& centres, const std::vector<float>& radii, float cell = 48);
    // Nearest item whose circle (radius at least min_radius) contains p; -1 if none.
    int query(Vec2 p, float min_radius = 0) const;

private:
    float cell_ = 48;
    int cols_ = 0, rows_ = 0;
    double ox_ = 0, oy_ = 0;
    float max_r_ = 0;
    std::vector<Vec2> c_;
    std::vector<float> r_;
    std::vector<int> start_, items_;
};

}  // namespace ca
