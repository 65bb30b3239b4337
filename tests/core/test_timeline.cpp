// The timeline (src/core/timeline.cpp, AppModel playback): playback advances, loops and steps
// between events; ticks and the histogram cover the axis.
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "core/timeline.h"
#include "fixture.h"

using namespace ca;

namespace {
using test::fixture_model;
}  // namespace

TEST_CASE("timeline: playback advances, loops and steps between events") {
    AppModel m = fixture_model();
    const TimeAxis a = m.axis();
    CHECK(a.t0 <= m.data().time_min);
    CHECK(a.t1 >= m.data().time_max);
    m.set_time(a.t0);
    m.play();
    m.tick(2.0);
    CHECK(m.view().t == Approx(a.t0 + 2.0 * kDaysPerSecond));
    m.set_speed(4);
    double before = m.view().t;
    m.tick(1.0);
    CHECK(m.view().t == Approx(before + 4 * kDaysPerSecond));
    m.set_loop(false);
    m.tick(1e6);
    CHECK(m.view().t == a.t1);
    CHECK_FALSE(m.view().playing);
    // Stepping visits events in date order.
    m.set_time(a.t0);
    double last = a.t0;
    int steps = 0;
    while (m.step_event(+1)) {
        CHECK(m.view().t > last);
        last = m.view().t;
        ++steps;
    }
    CHECK(steps >= 5);
    CHECK(m.step_event(-1));
    CHECK(m.view().t < last);
    // Ticks and histogram cover the axis.
    TimeAxis ax = a;
    ax.x0 = 0;
    ax.x1 = 1000;
    CHECK(ax.px_to_time(ax.time_to_px(a.t0 + 400)) == Approx(a.t0 + 400));
    auto ticks = make_ticks(ax);
    CHECK(ticks.front().t >= a.t0);
    Histogram h = make_histogram(m.data(), ax, 0);
    int total = 0;
    for (auto& bin : h.count)
        for (int n : bin) total += n;
    CHECK(total == static_cast<int>(m.data().collaborations.size()));
}
