// Whether a quote occurs in a source text with whitespace runs compared as one space, and, when
// it does not, where the quote first differs from the closest passage of the text.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

struct QuoteMatch {
    bool found = false;
    // When !found: the quote agrees with the text for matched characters (code points, counted
    // in the normalised quote) from its start (from_end false: the longest prefix found in the
    // text) or, when fewer than 12 of its first characters match and more of its end does, from
    // its end (from_end true); it differs at character `at` of the quote as written (1-based).
    bool from_end = false;
    size_t matched = 0;
    size_t at = 0;
    size_t text_offset = 0;     // byte offset in the text where the closest passage differs
    std::string quote_excerpt;  // a few characters of the quote around the difference
    std::string text_excerpt;   // the same span of the text
};

// A source text prepared once (whitespace-normalised, with a map back to its bytes) for many
// quotes; each search is linear in the lengths of the text and the quote (Knuth-Morris-Pratt).
class QuoteText {
public:
    explicit QuoteText(std::string_view text);
    QuoteMatch find(std::string_view quote) const;

private:
    std::string_view raw_;
    std::string norm_, reversed_;
    std::vector<size_t> origin_;  // norm_[i] comes from raw_[origin_[i]]; one more entry: raw_.size()
};

// Looks for quote (whitespace-normalised, trimmed) in text (whitespace-normalised). Whitespace
// is ASCII whitespace plus the Unicode spaces (no-break, ideographic, ...).
QuoteMatch find_quote(std::string_view text, std::string_view quote);

// "quote differs from the source text at character 57: quote has '…and README' where
// NAME:12:34 has '…and a REA'" (or "quote not found in NAME" when nothing of it matches).
std::string quote_mismatch_message(const QuoteMatch& m, std::string_view text, std::string_view text_name);

// A source's `file` names a file directly inside the sources folder: no path separators, no
// leading '.', no control characters, at most 255 bytes.
bool plain_file_name(std::string_view name);

}  // namespace ca
