// Greedy line breaking with the break opportunities of Chinese and Japanese text (between Han and
// kana characters, and next to them), and the simple kinsoku rules for punctuation.
#include "core/text_wrap.h"

#include "core/glyph_coverage.h"

namespace ca {
namespace {

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

bool in(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// Never at a line's start: closing brackets and quotes, stops, commas, small kana, the long vowel mark.
bool closes(char32_t c) {
    return in(c,
              U",.:;!?)]}%\u2019\u201D\u2026\u2025\u3001\u3002\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301F\u309D\u309E"
              U"\u30FB\u30FC\u30FD\u30FE\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E\u30A1\u30A3\u30A5\u30A7\u30A9"
              U"\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6\uFF01\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D\uFF05");
}
// Never at a line's end: opening brackets and quotes.
bool opens(char32_t c) { return in(c, U"([{\u2018\u201C\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301D\uFF08\uFF3B\uFF5B"); }

struct Cp {
    char32_t c;
    size_t at, next;
};

// The code points (an invalid byte is one U+FFFD of its own).
std::vector<Cp> decode(std::string_view t) {
    std::vector<Cp> out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size();) {
        char32_t c = 0;
        const size_t n = decode_utf8(t, i, c);
        out.push_back({n ? c : U'\uFFFD', i, i + (n ? n : 1)});
        i += n ? n : 1;
    }
    return out;
}

}  // namespace

std::vector<TextLine> wrap_lines(std::string_view text, float width, const std::function<float(char32_t)>& advance) {
    const std::vector<Cp> cps = decode(text);
    std::vector<TextLine> lines;
    size_t start = 0;  // index into cps of the line's first code point
    auto emit = [&](size_t from, size_t to) {
        while (from < to && is_space(cps[from].c)) ++from;
        while (to > from && is_space(cps[to - 1].c)) --to;
        const size_t b = from < cps.size() ? cps[from].at : text.size();
        lines.push_back({b, to > from ? cps[to - 1].next : b});
    };
    size_t brk = 0;  // the latest index a line may start at (0: none yet on this line)
    float w = 0, w_at_brk = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i].c;
        if (c == '\n') {
            emit(start, i);
            start = i + 1, brk = 0, w = 0;
            continue;
        }
        if (i == start && is_space(c)) {  // a line's leading blanks are not drawn
            ++start;
            continue;
        }
        if (i > start) {
            const char32_t prev = cps[i - 1].c;
            const bool after_space = is_space(prev) && !is_space(c);
            const bool cjk = (is_cjk(prev) || is_cjk(c)) && !is_space(prev) && !is_space(c) && !closes(c) && !opens(prev);
            if (after_space || cjk) brk = i, w_at_brk = w;
        }
        const float a = advance(c);
        if (w + a > width && i > start && !is_space(c)) {
            if (brk > start) {
                emit(start, brk);
                start = brk, w -= w_at_brk;
            } else {  // one piece wider than the line: cut here
                emit(start, i);
                start = i, w = 0;
            }
            brk = 0;
        }
        w += a;
    }
    if (start < cps.size() || lines.empty() || (!cps.empty() && cps.back().c == '\n')) emit(start, cps.size());
    return lines;
}

}  // namespace ca
