// "Did you mean" for unknown ids and enum values: the closest candidate by edit distance
// (Damerau-Levenshtein, optimal string alignment), when it is close enough to be a likely typo.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ca {

// Edits (insert, delete, substitute, swap two adjacent bytes) turning a into b, ASCII case
// ignored; limit + 1 as soon as it is known to exceed limit.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

// Offered candidates one by one, keeps the closest to word within max(1, (|word| + 1) / 3) edits
// and fewer edits than the longer of the two has bytes; neither may be over 64 bytes (ties: the
// smallest in byte order, so the answer does not depend on the offering order).
class Suggester {
public:
    explicit Suggester(std::string_view word);
    void offer(std::string_view candidate);
    const std::string& best() const { return best_; }  // "" when nothing is close

private:
    std::string word_, best_;
    size_t limit_, best_distance_;
};

// "; did you mean \"x\"?" for the best suggestion, or "".
std::string did_you_mean(const Suggester& s);

}  // namespace ca
