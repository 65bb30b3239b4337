// Time model: date parsing with precision, day numbers, intervals with open ends, and the
// semantics of snapshot / window / cumulative at their edges.
#include <catch2/catch.hpp>

#include "core/dates.h"
#include "core/visibility.h"

using namespace ca;

static Date D(const char* s) {
    Date d;
    REQUIRE(parse_date(s, d));
    return d;
}

TEST_CASE("dates parse with their precision and reject bad input with a reason") {
    CHECK(D("2023").precision == Precision::Year);
    CHECK(D("2023-08").precision == Precision::Month);
    CHECK(D("2023-08-30").precision == Precision::Day);
    Date d;
    std::string why;
    CHECK_FALSE(parse_date("2023-13", d, &why));
    CHECK(why == "month out of range 1..12");
    CHECK_FALSE(parse_date("2023-02-29", d, &why));
    CHECK(why == "day out of range for its month");
    CHECK(parse_date("2024-02-29", d, &why));
    CHECK_FALSE(parse_date("23-08-30", d, &why));
    CHECK_FALSE(parse_date("2023/08/30", d, &why));
    CHECK_FALSE(parse_date("", d, &why));
}

TEST_CASE("day numbers round-trip and a year-only date covers the whole year") {
    for (DayNum z = -1000; z < 30000; z += 37) {
        int y, m, dd;
        civil_from_days(z, y, m, dd);
        CHECK(days_from_civil(y, m, dd) == z);
    }
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(first_day(D("2022")) == days_from_civil(2022, 1, 1));
    CHECK(last_day(D("2022")) == days_from_civil(2022, 12, 31));
    CHECK(last_day(D("2024-02")) == days_from_civil(2024, 2, 29));
    CHECK(format_date(D("2022-08")) == "2022-08");
    CHECK(format_date_human(D("2023-08-30")) == "30 Aug 2023");
}

TEST_CASE("active_at: closed and open intervals, inclusive last day") {
    Interval forum{D("2022-08-23"), true, D("2022-08-23")};
    CHECK_FALSE(active_at(forum, days_from_civil(2022, 8, 22)));
    CHECK(active_at(forum, days_from_civil(2022, 8, 23)));
    CHECK(active_at(forum, days_from_civil(2022, 8, 23) + 0.99));
    CHECK_FALSE(active_at(forum, days_from_civil(2022, 8, 24)));
    Interval open{D("2012"), false, {}};
    CHECK_FALSE(active_at(open, days_from_civil(2011, 12, 31)));
    CHECK(active_at(open, days_from_civil(2012, 1, 1)));
    CHECK(active_at(open, days_from_civil(2090, 1, 1)));
    Interval year{D("2016"), true, D("2016")};
    CHECK(active_at(year, days_from_civil(2016, 12, 31)));
    CHECK_FALSE(active_at(year, days_from_civil(2017, 1, 1)));
}

TEST_CASE("started_within is half-open and add_months clamps the day") {
    Interval iv{D("2023-08-30"), false, {}};
    double t = days_from_civil(2023, 8, 30);
    CHECK(started_within(iv, t, t + 1));
    CHECK_FALSE(started_within(iv, t + 1, t + 2));
    CHECK_FALSE(started_within(iv, t - 10, t));
    CHECK(add_months(days_from_civil(2023, 3, 31), -1) == days_from_civil(2023, 2, 28));
    CHECK(add_months(days_from_civil(2023, 1, 15), -13) == days_from_civil(2021, 12, 15));
}

TEST_CASE("mode semantics at the edges") {
    Interval iv{D("2020-06"), true, D("2021-06")};
    const double before = days_from_civil(2020, 5, 31), start = days_from_civil(2020, 6, 1), last = days_from_civil(2021, 6, 30),
                 after = days_from_civil(2021, 7, 1);
    // Snapshot: active only inside.
    CHECK(collab_vis_at(iv, before, TimeMode::Snapshot, 12) == Vis::Hidden);
    CHECK(collab_vis_at(iv, start, TimeMode::Snapshot, 12) == Vis::Active);
    CHECK(collab_vis_at(iv, last, TimeMode::Snapshot, 12) == Vis::Active);
    CHECK(collab_vis_at(iv, after, TimeMode::Snapshot, 12) == Vis::Hidden);
    // Window: started within the last N months, inclusive of both ends.
    CHECK(collab_vis_at(iv, start, TimeMode::Window, 1) == Vis::Active);
    CHECK(collab_vis_at(iv, days_from_civil(2020, 7, 1), TimeMode::Window, 1) == Vis::Active);
    CHECK(collab_vis_at(iv, days_from_civil(2020, 7, 2), TimeMode::Window, 1) == Vis::Hidden);
    CHECK(collab_vis_at(iv, days_from_civil(2021, 5, 1), TimeMode::Window, 12) == Vis::Active);
    CHECK(collab_vis_at(iv, before, TimeMode::Window, 12) == Vis::Hidden);
    // Cumulative: everything started; ended ones greyed.
    CHECK(collab_vis_at(iv, before, TimeMode::Cumulative, 12) == Vis::Hidden);
    CHECK(collab_vis_at(iv, start, TimeMode::Cumulative, 12) == Vis::Active);
    CHECK(collab_vis_at(iv, after, TimeMode::Cumulative, 12) == Vis::Faded);
}
