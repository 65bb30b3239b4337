// Implementation of the timeline maths. The histogram counts collaboration starts; events are
// sorted by date in Dataset::finalise so stepping is a scan.
#include "core/timeline.h"

#include <algorithm>
#include <cmath>

namespace ca {

double TimeAxis::px_to_time(double x) const {
    double t = t0 + (x - x0) / (x1 - x0) * (t1 - t0);
    return std::clamp(t, t0, t1);
}

TimeAxis axis_for(const Dataset& ds) {
    int y0, y1, m, d;
    civil_from_days(static_cast<DayNum>(std::floor(ds.time_min)), y0, m, d);
    civil_from_days(static_cast<DayNum>(std::ceil(ds.time_max)) - 1, y1, m, d);
    TimeAxis a;
    a.t0 = days_from_civil(y0, 1, 1);
    a.t1 = days_from_civil(y1 + 1, 1, 1);
    return a;
}

std::vector<Tick> make_ticks(const TimeAxis& a, double min_px) {
    std::vector<Tick> out;
    int y0, y1, m, d;
    civil_from_days(static_cast<DayNum>(std::floor(a.t0)), y0, m, d);
    civil_from_days(static_cast<DayNum>(std::floor(a.t1)), y1, m, d);
    double month_px = std::abs(a.time_to_px(a.t0 + 30.44) - a.time_to_px(a.t0));
    for (int y = y0; y <= y1; ++y) {
        for (int mo = 1; mo <= 12; ++mo) {
            if (mo > 1 && month_px < min_px) break;
            double t = days_from_civil(y, mo, 1);
            if (t < a.t0 || t > a.t1) continue;
            out.push_back({t, y, mo == 1 ? 0 : mo, mo == 1});
        }
    }
    return out;
}

Histogram make_histogram(const Dataset& ds, const TimeAxis& a, uint32_t hidden_kinds) {
    Histogram h;
    int y0, y1, m, d;
    civil_from_days(static_cast<DayNum>(a.t0), y0, m, d);
    civil_from_days(static_cast<DayNum>(a.t1) - 1, y1, m, d);
    double year_px = std::abs(a.time_to_px(a.t0 + 365.25) - a.time_to_px(a.t0));
    bool monthly = year_px / 12 >= 8;
    for (int y = y0; y <= y1; ++y)
        for (int mo = 1; mo <= (monthly ? 12 : 1); ++mo) h.bin_start.push_back(days_from_civil(y, mo, 1));
    h.bin_start.push_back(days_from_civil(y1 + 1, 1, 1));
    const size_t nb = h.bin_start.size() - 1;
    h.count.assign(nb, std::vector<int>(enum_count<CollabKind>(), 0));
    h.by.assign(nb, std::vector<int>(enum_count<CollabKind>(), 0));
    for (auto& c : ds.collaborations) {
        if (hidden_kinds >> static_cast<int>(c.kind) & 1) continue;
        double lo = c.interval.lo();
        auto it = std::upper_bound(h.bin_start.begin(), h.bin_start.end(), lo);
        if (it == h.bin_start.begin() || it == h.bin_start.end()) continue;
        size_t b = static_cast<size_t>(it - h.bin_start.begin()) - 1;
        ++h.count[b][static_cast<int>(c.kind)];
        if (c.interval.start_by) ++h.by[b][static_cast<int>(c.kind)];
    }
    for (auto& bin : h.count) {
        int s = 0;
        for (int v : bin) s += v;
        h.max_total = std::max(h.max_total, s);
    }
    return h;
}

double Playback::advance(double t, double dt, double t0, double t1) {
    if (!playing) return t;
    t += dt * speed * kDaysPerSecond;
    if (t >= t1) {
        if (loop)
            t = t0;
        else {
            t = t1;
            playing = false;
        }
    }
    return t;
}

int step_event(const Dataset& ds, double t, int dir) {
    const int n = static_cast<int>(ds.events.size());
    if (dir > 0) {
        for (int i = 0; i < n; ++i)
            if (first_day(ds.events[i].date) > t + 0.5) return i;
    } else {
        for (int i = n - 1; i >= 0; --i)
            if (first_day(ds.events[i].date) < t - 0.5) return i;
    }
    return -1;
}

}  // namespace ca
