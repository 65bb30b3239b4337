// Search over organisations (English names, abbreviations, native names 繁體/简体/한국어/日本語,
// cities) and collaborations (titles, in the interface language too). Case-insensitive for Latin.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace ca {

struct SearchHit {
    bool is_org = true;
    int index = -1;
    int score = 0;  // higher is better
};

// Organisations by abbreviation, name (every script), city and id; collaborations by title, in
// English and in l's language (the title the interface shows), and by id.
std::vector<SearchHit> search(const Dataset& ds, std::string_view query, size_t max_results = 20, Locale l = Locale::En);

// Lower-cases ASCII letters and folds full-width ASCII (ＡＳＴＲＩ) to ASCII.
std::string fold_for_search(std::string_view s);

}  // namespace ca
