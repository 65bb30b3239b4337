// Timeline maths: the track's time <-> pixel mapping, year/month ticks, the histogram of starts
// stacked by kind, playback (speed, loop, reduced motion) and stepping between events.
#pragma once
#include <vector>

#include "core/model.h"

namespace ca {

struct TimeAxis {
    double t0 = 0, t1 = 1;  // day numbers
    double x0 = 0, x1 = 1;  // pixels
    double time_to_px(double t) const { return x0 + (t - t0) / (t1 - t0) * (x1 - x0); }
    double px_to_time(double x) const;  // clamped to [t0, t1]
};

// The track's extent: the data's extent padded to whole years.
TimeAxis axis_for(const Dataset& ds);

struct Tick {
    double t;
    int year, month;  // month 0 for a year tick
    bool major;
};
// Year ticks, plus month ticks when months are at least min_px apart.
std::vector<Tick> make_ticks(const TimeAxis& a, double min_px = 6);

// Starts per bin (years or months, whichever gives >= 8 px bins) stacked by kind.
struct Histogram {
    std::vector<double> bin_start;        // day numbers, size n+1
    std::vector<std::vector<int>> count;  // [bin][kind]
    std::vector<std::vector<int>> by;     // [bin][kind]: of count, starts that are only upper bounds ("by")
    int max_total = 0;
};
Histogram make_histogram(const Dataset& ds, const TimeAxis& a, uint32_t hidden_kinds);

// Days advanced per second of wall time at speed 1.
inline constexpr double kDaysPerSecond = 365.25 / 2.0;

struct Playback {
    bool playing = false;
    bool loop = true;
    double speed = 1;
    // Advances t by dt seconds within [t0, t1]; stops (or loops) at the end.
    double advance(double t, double dt, double t0, double t1);
};

// Index of the first event strictly after t (or before t for dir < 0), -1 if none.
int step_event(const Dataset& ds, double t, int dir);

}  // namespace ca
