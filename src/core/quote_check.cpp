// Quote search with whitespace normalisation: both texts are collapsed (with a map back to the
// original bytes), then the longest matching prefix or suffix of the quote locates the difference.
#include "core/quote_check.h"

#include <vector>

#include "core/diagnostics.h"

namespace ca {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the whitespace character at s[i], or 0.
size_t space_at(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
    auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (c == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;  // U+0085, U+00A0
    if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
    if (c == 0xE2 && byte(1) == 0x80 && ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF))
        return 3;                                                   // U+2000-200A, U+2028, U+2029, U+202F
    if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
    if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
    return 0;
}

// s with every whitespace run as one ' ' and no leading or trailing space; origin[i] is the
// byte offset in s of out[i] (origin has one more entry: the end of s).
struct Normalised {
    std::string text;
    std::vector<size_t> origin;
};

Normalised normalise(std::string_view s) {
    Normalised n;
    n.text.reserve(s.size());
    n.origin.reserve(s.size() + 1);
    size_t i = 0;
    while (i < s.size()) {
        const size_t w = space_at(s, i);
        if (w == 0) {
            n.text += s[i];
            n.origin.push_back(i++);
            continue;
        }
        const size_t run = i;
        while (i < s.size()) {
            const size_t k = space_at(s, i);
            if (k == 0) break;
            i += k;
        }
        if (!n.text.empty() && i < s.size()) {
            n.text += ' ';
            n.origin.push_back(run);
        }
    }
    n.origin.push_back(s.size());
    return n;
}

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += !continuation(c);
    return n;
}

// Moves i back (or forward) over up to n code points of s.
size_t back(std::string_view s, size_t i, int n) {
    while (n-- > 0 && i > 0) {
        --i;
        while (i > 0 && continuation(s[i])) --i;
    }
    return i;
}
size_t forward(std::string_view s, size_t i, int n) {
    while (n-- > 0 && i < s.size()) {
        ++i;
        while (i < s.size() && continuation(s[i])) ++i;
    }
    return i;
}

// s[from, to) with "…" where it is cut (a space next to a cut dropped).
std::string excerpt(std::string_view s, size_t from, size_t to) {
    std::string_view part = s.substr(from, to - from);
    if (from > 0 && !part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (to < s.size() && !part.empty() && part.back() == ' ') part.remove_suffix(1);
    std::string e = from > 0 ? "\xE2\x80\xA6" : "";  // "…"
    e += part;
    if (to < s.size()) e += "\xE2\x80\xA6";
    return e;
}

// The longest prefix (suffix) of q, in bytes and on a code point boundary, found in t.
size_t longest_prefix(const std::string& t, std::string_view q) {
    size_t lo = 0, hi = q.size();  // invariant: the prefix of lo bytes occurs in t
    while (lo < hi) {
        const size_t mid = lo + (hi - lo + 1) / 2;
        if (t.find(q.substr(0, mid)) != std::string::npos)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && lo < q.size() && continuation(q[lo])) --lo;
    return lo;
}
size_t longest_suffix(const std::string& t, std::string_view q) {
    size_t lo = 0, hi = q.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo + 1) / 2;
        if (t.find(q.substr(q.size() - mid)) != std::string::npos)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && continuation(q[q.size() - lo])) --lo;
    return lo;
}

}  // namespace

QuoteMatch find_quote(std::string_view text, std::string_view quote) {
    QuoteMatch m;
    const Normalised nt = normalise(text), nq = normalise(quote);
    const std::string_view q = nq.text;
    if (q.empty() || nt.text.find(q) != std::string::npos) {
        m.found = !q.empty();
        return m;
    }
    constexpr int kBefore = 10, kAfter = 14;
    const size_t pre = longest_prefix(nt.text, q), suf = longest_suffix(nt.text, q);
    const std::string_view t = nt.text;
    // Where it first differs, reading forward, unless the start itself differs (a short prefix)
    // and the end matches better.
    if (pre >= suf || code_points(q.substr(0, pre)) >= 12) {
        const size_t pos = nt.text.find(q.substr(0, pre)), d = pos + pre;  // d: first differing byte of t
        m.matched = code_points(q.substr(0, pre));
        m.at = code_points(quote.substr(0, nq.origin[pre])) + 1;
        m.text_offset = nt.origin[d];
        m.quote_excerpt = excerpt(q, back(q, pre, kBefore), forward(q, pre, kAfter));
        m.text_excerpt = excerpt(t, back(t, d, kBefore), forward(t, d, kAfter));
    } else {
        const size_t qs = q.size() - suf, pos = nt.text.find(q.substr(qs));  // the suffix starts at q[qs], t[pos]
        const size_t qd = back(q, qs, 1), td = back(t, pos, 1);              // the last differing characters
        m.from_end = true;
        m.matched = code_points(q.substr(qs));
        m.at = code_points(quote.substr(0, nq.origin[qd])) + 1;
        m.text_offset = nt.origin[td];
        m.quote_excerpt = excerpt(q, back(q, qs, kAfter), forward(q, qs, kBefore));
        m.text_excerpt = excerpt(t, back(t, pos, kAfter), forward(t, pos, kBefore));
    }
    return m;
}

std::string quote_mismatch_message(const QuoteMatch& m, std::string_view text, std::string_view text_name) {
    const std::string name(text_name);
    if (m.matched < 4) return "quote not found in " + name + " (no passage of it starts or ends like the quote)";
    int line = 1, col = 1;
    line_col(text, m.text_offset, line, col);
    std::string s = "quote differs from " + name + " at character " + std::to_string(m.at);
    s += m.from_end ? " (its last " + std::to_string(m.matched) + " characters match)" : "";
    s += ": quote has '" + m.quote_excerpt + "' where " + name + ":" + std::to_string(line) + ":" + std::to_string(col) + " has '" +
         m.text_excerpt + "'";
    return s;
}

bool plain_file_name(std::string_view name) {
    if (name.empty() || name.size() > 255 || name[0] == '.') return false;
    for (char c : name)
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
    return true;
}

}  // namespace ca
