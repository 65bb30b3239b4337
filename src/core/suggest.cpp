// Edit distance with a cut-off (rows stop once every cell is over the limit) and the
// suggestion keeper built on it.
#include "core/suggest.h"

#include <algorithm>
#include <vector>

namespace ca {
namespace {

constexpr size_t kMaxWord = 64;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
    const size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the dynamic programme: two back (for transpositions), previous, current.
    std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j) prev[j] = j;
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; ++j) {
            const bool same = lower(a[i - 1]) == lower(b[j - 1]);
            size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                d = std::min(d, prev2[j - 2] + 1);
            cur[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

Suggester::Suggester(std::string_view word) : word_(word), limit_(std::max<size_t>(1, (word.size() + 1) / 3)), best_distance_(limit_ + 1) {}

void Suggester::offer(std::string_view candidate) {
    // Ids and enum values are short; longer words get no suggestion (and cost nothing).
    if (candidate.empty() || candidate == word_ || word_.size() > kMaxWord || candidate.size() > kMaxWord) return;
    const size_t d = edit_distance(word_, candidate, limit_);
    if (d > limit_ || d >= std::max(word_.size(), candidate.size())) return;  // not a rewrite of the whole word
    if (d < best_distance_ || (d == best_distance_ && candidate < best_)) {
        best_distance_ = d;
        best_.assign(candidate);
    }
}

std::string did_you_mean(const Suggester& s) { return s.best().empty() ? std::string() : "; did you mean \"" + s.best() + "\"?"; }

}  // namespace ca
