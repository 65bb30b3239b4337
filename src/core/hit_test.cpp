// Uniform-grid bucketing (counting sort) of circle centres; a query scans the cells within the
// largest radius and keeps the closest hit measured against each circle's own radius.
#include "core/hit_test.h"

#include <algorithm>
#include <cmath>

namespace ca {

void HitGrid::build(const std::vector<Vec2>& centres, const std::vector<float>& radii, float cell) {
    c_ = centres;
    r_ = radii;
    cell_ = cell;
    max_r_ = 0;
    if (c_.empty()) {
        cols_ = rows_ = 0;
        return;
    }
    double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
    for (size_t i = 0; i < c_.size(); ++i) {
        minx = std::min(minx, c_[i].x);
        miny = std::min(miny, c_[i].y);
        maxx = std::max(maxx, c_[i].x);
        maxy = std::max(maxy, c_[i].y);
        max_r_ = std::max(max_r_, r_[i]);
    }
    ox_ = minx;
    oy_ = miny;
    cols_ = std::clamp(static_cast<int>((maxx - minx) / cell_) + 1, 1, 4096);
    rows_ = std::clamp(static_cast<int>((maxy - miny) / cell_) + 1, 1, 4096);
    start_.assign(static_cast<size_t>(cols_) * rows_ + 1, 0);
    auto cell_of = [&](Vec2 p) {
        int cx = std::clamp(static_cast<int>((p.x - ox_) / cell_), 0, cols_ - 1);
        int cy = std::clamp(static_cast<int>((p.y - oy_) / cell_), 0, rows_ - 1);
        return cy * cols_ + cx;
    };
    for (auto& p : c_) ++start_[cell_of(p) + 1];
    for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    items_.assign(c_.size(), 0);
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < c_.size(); ++i) items_[fill[cell_of(c_[i])]++] = static_cast<int>(i);
}

int HitGrid::query(Vec2 p, float min_radius) const {
    if (c_.empty()) return -1;
    float reach = std::max(max_r_, min_radius);
    int x0 = std::max(0, static_cast<int>(std::floor((p.x - reach - ox_) / cell_)));
    int x1 = std::min(cols_ - 1, static_cast<int>(std::floor((p.x + reach - ox_) / cell_)));
    int y0 = std::max(0, static_cast<int>(std::floor((p.y - reach - oy_) / cell_)));
    int y1 = std::min(rows_ - 1, static_cast<int>(std::floor((p.y + reach - oy_) / cell_)));
    int best = -1;
    double bd = 1e300;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            int cellidx = y * cols_ + x;
            for (int k = start_[cellidx]; k < start_[cellidx + 1]; ++k) {
                int i = items_[k];
                double dx = c_[i].x - p.x, dy = c_[i].y - p.y;
                double d = std::sqrt(dx * dx + dy * dy);
                double r = std::max(r_[i], min_radius);
                if (d <= r && d - r_[i] < bd) {
                    bd = d - r_[i];
                    best = i;
                }
            }
        }
    return best;
}

}  // namespace ca
