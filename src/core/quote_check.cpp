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

struct Occurrence {
    size_t length = 0;  // bytes of q matched
    size_t at = 0;      // where they occur in t (the first such place)
};

// The longest prefix of q that occurs in t: one Knuth-Morris-Pratt pass, linear in |t| + |q|
// whatever the texts (a quote of repeated letters must not make the check quadratic).
Occurrence longest_prefix(std::string_view t, std::string_view q) {
    const size_t m = q.size();
    std::vector<size_t> fail(m, 0);
    for (size_t i = 1, k = 0; i < m; ++i) {
        while (k > 0 && q[i] != q[k]) k = fail[k - 1];
        if (q[i] == q[k]) ++k;
        fail[i] = k;
    }
    Occurrence best;
    for (size_t i = 0, k = 0; i < t.size() && best.length < m; ++i) {
        while (k > 0 && (k == m || t[i] != q[k])) k = fail[k - 1];
        if (t[i] == q[k]) ++k;
        if (k > best.length) best = {k, i + 1 - k};
    }
    while (best.length > 0 && best.length < m && continuation(q[best.length])) --best.length;  // whole code points
    return best;
}

// The longest suffix of q that occurs in t, given t reversed (the prefix search on both reversed).
Occurrence longest_suffix(std::string_view t, std::string_view reversed_t, std::string_view q) {
    const std::string rq(q.rbegin(), q.rend());
    const Occurrence r = longest_prefix(reversed_t, rq);
    Occurrence o{r.length, t.size() - (r.at + r.length)};
    while (o.length > 0 && continuation(q[q.size() - o.length])) {
        --o.length;
        ++o.at;
    }
    return o;
}

}  // namespace

QuoteText::QuoteText(std::string_view text) : raw_(text) {
    Normalised n = normalise(text);
    norm_ = std::move(n.text);
    origin_ = std::move(n.origin);
    reversed_.assign(norm_.rbegin(), norm_.rend());
}

QuoteMatch find_quote(std::string_view text, std::string_view quote) { return QuoteText(text).find(quote); }

QuoteMatch QuoteText::find(std::string_view quote) const {
    QuoteMatch m;
    const Normalised nq = normalise(quote);
    const std::string_view q = nq.text, t = norm_;
    if (q.empty()) return m;
    const Occurrence pre = longest_prefix(t, q);
    if (pre.length == q.size()) {
        m.found = true;
        return m;
    }
    const Occurrence suf = longest_suffix(t, reversed_, q);
    constexpr int kBefore = 10, kAfter = 14;
    // Where it first differs, reading forward, unless the start itself differs (a short prefix)
    // and the end matches better.
    if (pre.length >= suf.length || code_points(q.substr(0, pre.length)) >= 12) {
        const size_t qd = pre.length, td = pre.at + pre.length;  // the first differing bytes
        m.matched = code_points(q.substr(0, qd));
        m.at = code_points(quote.substr(0, nq.origin[qd])) + 1;
        m.text_offset = origin_[td];
        m.quote_excerpt = excerpt(q, back(q, qd, kBefore), forward(q, qd, kAfter));
        m.text_excerpt = excerpt(t, back(t, td, kBefore), forward(t, td, kAfter));
    } else {
        const size_t qs = q.size() - suf.length, ts = suf.at;   // the suffix starts at q[qs], t[ts]
        const size_t qd = back(q, qs, 1), td = back(t, ts, 1);  // the last differing characters
        m.from_end = true;
        m.matched = code_points(q.substr(qs));
        m.at = code_points(quote.substr(0, nq.origin[qd])) + 1;
        m.text_offset = origin_[td];
        m.quote_excerpt = excerpt(q, back(q, qs, kAfter), forward(q, qs, kBefore));
        m.text_excerpt = excerpt(t, back(t, ts, kAfter), forward(t, ts, kBefore));
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
