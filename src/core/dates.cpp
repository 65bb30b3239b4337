// Calendar arithmetic (Howard Hinnant's civil-from-days), date parsing and interval predicates.
// No allocation beyond the formatted strings; no locale.
#include "core/dates.h"

#include "core/i18n.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace ca {

DayNum days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(DayNum z, int& y, int& m, int& d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}

int days_in_month(int y, int m) {
    static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : 28;
    return k[(m - 1) % 12];
}

static bool digits(std::string_view s, int& v) {
    if (s.empty()) return false;
    v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    return true;
}

bool parse_date(std::string_view s, Date& out, std::string* why) {
    auto fail = [&](const char* msg) {
        if (why) *why = msg;
        return false;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return fail("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    Date d;
    if (!digits(s.substr(0, 4), d.year)) return fail("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    if (d.year < 1900 || d.year > 2100) return fail("year out of range 1900..2100");
    d.precision = Precision::Year;
    if (s.size() >= 7) {
        if (s[4] != '-' || !digits(s.substr(5, 2), d.month)) return fail("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
        if (d.month < 1 || d.month > 12) return fail("month out of range 1..12");
        d.precision = Precision::Month;
    }
    if (s.size() == 10) {
        if (s[7] != '-' || !digits(s.substr(8, 2), d.day)) return fail("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
        if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return fail("day out of range for its month");
        d.precision = Precision::Day;
    }
    out = d;
    return true;
}

std::string format_date(const Date& d) {
    char buf[48];
    switch (d.precision) {
        case Precision::Year:
            std::snprintf(buf, sizeof buf, "%04d", d.year);
            break;
        case Precision::Month:
            std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
            break;
        case Precision::Day:
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
            break;
    }
    return buf;
}

std::string format_day(DayNum z) {
    int y, m, d;
    civil_from_days(z, y, m, d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string format_date_human(const Date& d) {
    static const char* mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[48];
    switch (d.precision) {
        case Precision::Year:
            std::snprintf(buf, sizeof buf, "%d", d.year);
            break;
        case Precision::Month:
            std::snprintf(buf, sizeof buf, "%s %d", mon[d.month - 1], d.year);
            break;
        case Precision::Day:
            std::snprintf(buf, sizeof buf, "%d %s %d", d.day, mon[d.month - 1], d.year);
            break;
    }
    return buf;
}

DayNum first_day(const Date& d) {
    return days_from_civil(d.year, d.precision == Precision::Year ? 1 : d.month, d.precision == Precision::Day ? d.day : 1);
}

DayNum last_day(const Date& d) {
    switch (d.precision) {
        case Precision::Year:
            return days_from_civil(d.year, 12, 31);
        case Precision::Month:
            return days_from_civil(d.year, d.month, days_in_month(d.year, d.month));
        case Precision::Day:
            return days_from_civil(d.year, d.month, d.day);
    }
    return 0;
}

std::string format_start_human(const Interval& iv) {
    const std::string d = format_date_local(iv.start);
    // TRANSLATORS: a start date that is an upper bound: it began on or before it ("by 2022").
    return iv.start_by ? trf("by %s", d.c_str()) : d;
}

std::string format_interval_human(const Interval& iv) {
    std::string s = format_start_human(iv);
    // TRANSLATORS: an interval that has not ended ("2016 – ongoing").
    if (!iv.has_end) return trf("%s – ongoing", s.c_str());
    if (iv.end == iv.start && !iv.start_by) return s;
    return trf("%s – %s", s.c_str(), format_date_local(iv.end).c_str());
}

double Interval::hi() const { return has_end ? static_cast<double>(last_day(end)) + 1.0 : std::numeric_limits<double>::infinity(); }

bool active_at(const Interval& iv, double t) { return iv.lo() <= t && t < iv.hi(); }

bool started_within(const Interval& iv, double a, double b) {
    const double lo = iv.lo();
    return a <= lo && lo < b;
}

bool ended_before(const Interval& iv, double t) { return iv.has_end && iv.hi() <= t; }

double add_months(double t, int months) {
    const double whole = std::floor(t);
    const double frac = t - whole;
    int y, m, d;
    civil_from_days(static_cast<DayNum>(whole), y, m, d);
    int total = y * 12 + (m - 1) + months;
    int ny = total >= 0 ? total / 12 : (total - 11) / 12;
    int nm = total - ny * 12 + 1;
    int nd = d > days_in_month(ny, nm) ? days_in_month(ny, nm) : d;
    return days_from_civil(ny, nm, nd) + frac;
}

}  // namespace ca
