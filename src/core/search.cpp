// Scored substring search: an exact abbreviation beats a prefix, a prefix beats a substring;
// organisations before collaborations at equal score. Linear scan: the data is small.
#include "core/search.h"

#include <algorithm>

namespace ca {

std::string fold_for_search(std::string_view s) {
    std::string o;
    o.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        // Full-width forms U+FF01..U+FF5E are EF BC 81..EF BD 9E.
        if (c == 0xEF && i + 2 < s.size()) {
            unsigned char b = static_cast<unsigned char>(s[i + 1]), d = static_cast<unsigned char>(s[i + 2]);
            unsigned cp = ((c & 0x0F) << 12) | ((b & 0x3F) << 6) | (d & 0x3F);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                char a = static_cast<char>(cp - 0xFF01 + 0x21);
                o += (a >= 'A' && a <= 'Z') ? static_cast<char>(a - 'A' + 'a') : a;
                i += 2;
                continue;
            }
        }
        o += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return o;
}

namespace {
int match_score(const std::string& q, std::string_view field, int weight) {
    if (field.empty()) return 0;
    std::string f = fold_for_search(field);
    if (f == q) return 100 * weight;
    size_t p = f.find(q);
    if (p == std::string::npos) return 0;
    if (p == 0) return 60 * weight;
    bool word = f[p - 1] == ' ' || f[p - 1] == '(' || f[p - 1] == '-';
    return (word ? 40 : 20) * weight;
}
}  // namespace

std::vector<SearchHit> search(const Dataset& ds, std::string_view query, size_t max_results, Locale l) {
    std::string q = fold_for_search(query);
    while (!q.empty() && q.back() == ' ') q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    std::vector<SearchHit> hits;
    if (q.empty()) return hits;
    for (size_t i = 0; i < ds.organisations.size(); ++i) {
        const Organisation& o = ds.organisations[i];
        const std::string& city = o.city_in(l);  // o.city when l's language has none
        int s = std::max({match_score(q, o.abbr, 3), match_score(q, o.name, 2), match_score(q, o.city, 1), match_score(q, o.id, 1),
                          &city == &o.city ? 0 : match_score(q, city, 1)});
        if (const std::string& name = o.shown_name(l); &name != &o.name) s = std::max(s, match_score(q, name, 2));
        for (auto& n : o.names) s = std::max(s, match_score(q, n.text, 3));
        if (s > 0) hits.push_back({true, static_cast<int>(i), s + 1});
    }
    for (size_t i = 0; i < ds.collaborations.size(); ++i) {
        const Collaboration& c = ds.collaborations[i];
        const std::string& shown = c.title_in(l);  // c.title when l's language has none
        int s = std::max({match_score(q, c.title, 2), match_score(q, c.id, 1), &shown == &c.title ? 0 : match_score(q, shown, 2)});
        if (s > 0) hits.push_back({false, static_cast<int>(i), s});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > max_results) hits.resize(max_results);
    return hits;
}

}  // namespace ca
