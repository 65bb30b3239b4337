// Calendar dates with year / month / day precision, day numbers and intervals with open ends.
// Pure functions: "active at t", "started within [a,b]"; time t is a (fractional) day number.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ca {

enum class Precision : uint8_t { Year, Month, Day };

// Days since 1970-01-01 (proleptic Gregorian). Fractional values are used for playback.
using DayNum = int32_t;

struct Date {
    int year = 0;
    int month = 0;  // 1..12, 0 when precision is Year
    int day = 0;    // 1..31, 0 unless precision is Day
    Precision precision = Precision::Year;
    bool operator==(const Date&) const = default;
};

DayNum days_from_civil(int y, int m, int d);
void civil_from_days(DayNum z, int& y, int& m, int& d);
int days_in_month(int y, int m);

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". On failure returns false and sets why.
bool parse_date(std::string_view s, Date& out, std::string* why = nullptr);
std::string format_date(const Date& d);        // in its own precision
std::string format_day(DayNum d);              // YYYY-MM-DD
std::string format_date_human(const Date& d);  // "30 Aug 2023", "Aug 2023", "2023" (English; format_date_local: any)

// The first and last day a date covers: a year-only date covers the whole year.
DayNum first_day(const Date& d);
DayNum last_day(const Date& d);

struct Interval {
    Date start;
    bool has_end = false;
    Date end;
    // The start is an upper bound: it began on or before `start` ("by 2022"), the data file's
    // "start_bound": "by". The interval's day bounds still begin at start (the earliest date
    // the sources attest); what is shown says "by".
    bool start_by = false;
    // Day bounds, inclusive; an open end reaches +infinity.
    double lo() const { return first_day(start); }
    double hi() const;  // last_day(end) + 1 (exclusive), or +inf
};

// In the interface language (core/i18n.h, format_date_local): "30 Aug 2023", or "by 2022" for a
// start that is an upper bound (Interval::start_by); "2023年8月30日", "2022年或之前".
std::string format_start_human(const Interval& iv);
// What a visitor reads: "by 2022 – ongoing", "23 Aug 2022" (one day), "2016 – 2022".
std::string format_interval_human(const Interval& iv);

// Active at t: lo <= t < hi (t is a day number; the last day counts whole).
bool active_at(const Interval& iv, double t);
// Started within [a, b): a <= lo < b.
bool started_within(const Interval& iv, double a, double b);
// Ended strictly before t.
bool ended_before(const Interval& iv, double t);

// Adds months to a day number keeping the day of month where possible (clamped).
double add_months(double t, int months);

}  // namespace ca
