// The texts of a selection's details that the map's panel and the page's details region both
// show (core/details_text.h).
#include "core/details_text.h"

#include <cmath>
#include <cstdio>

#include "core/i18n.h"

namespace ca {

std::string fact_text(const Fact& f) {
    char num[64];
    if (std::floor(f.value) == f.value && std::abs(f.value) < 1e15)
        std::snprintf(num, sizeof num, "%.0f", f.value);
    else
        std::snprintf(num, sizeof num, "%g", f.value);
    // Thousands separators.
    std::string n = num, grouped;
    size_t digits = n.find('.') == std::string::npos ? n.size() : n.find('.');
    for (size_t i = 0; i < n.size(); ++i) {
        grouped += n[i];
        if (i + 1 < digits && (digits - i - 1) % 3 == 0 && n[i] != '-') grouped += ',';
    }
    const char* u = unit_label(f.unit);
    std::string amount;
    if (f.unit == "USD" || f.unit == "TWD")
        amount = std::string(u) + grouped;
    else if (f.unit == "percent")
        amount = grouped + "%";
    else
        // TRANSLATORS: a number and its unit ("1,200 students"); %1$s the number, %2$s the unit.
        amount = trf("%s %s", grouped.c_str(), u ? u : f.unit.c_str());
    // TRANSLATORS: a figure's qualifier around its amount ("over 1,200 students").
    const char* q = f.qualifier == "over"       ? trc("fact", "over %s")
                    : f.qualifier == "about"    ? trc("fact", "about %s")
                    : f.qualifier == "almost"   ? trc("fact", "almost %s")
                    : f.qualifier == "nearly"   ? trc("fact", "nearly %s")
                    : f.qualifier == "at_least" ? trc("fact", "at least %s")
                    : f.qualifier == "per_year" ? trc("fact", "%s a year")
                                                : "%s";
    amount = strf(q, amount.c_str());
    return f.label_in(active_locale()) + ": " + amount + " (" + std::to_string(f.year) + ")";
}

std::string topics_text(const Collaboration& c) {
    std::string t;
    for (auto& tp : c.topics) {
        if (!t.empty()) t += " · ";
        const char* l = topic_label(tp);
        t += l ? l : tp;
    }
    return t;
}

}  // namespace ca
