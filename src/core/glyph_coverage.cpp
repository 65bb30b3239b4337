// The bundled fonts' coverage table and the dataset's code points: pure C++, so the validator,
// the app and the tests share one answer to "which characters would not draw".
#include "core/glyph_coverage.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace ca {
namespace {

bool parse_hex(std::string_view s, char32_t& out) {
    if (s.empty() || s.size() > 6) return false;
    char32_t v = 0;
    for (char c : s) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        v = v * 16 + static_cast<char32_t>(d);
    }
    out = v;
    return v <= 0x10FFFF;
}

}  // namespace

size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

GlyphCoverage GlyphCoverage::parse(std::string_view text) {
    GlyphCoverage c;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        size_t sp = line.find(' ');
        char32_t a = 0, b = 0;
        if (sp == std::string_view::npos || !parse_hex(line.substr(0, sp), a) || !parse_hex(line.substr(sp + 1), b) || b < a) continue;
        c.ranges_.emplace_back(a, b);
    }
    std::sort(c.ranges_.begin(), c.ranges_.end());
    return c;
}

bool GlyphCoverage::has(char32_t cp) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), cp, [](char32_t v, const auto& r) { return v < r.first; });
    return it != ranges_.begin() && cp <= std::prev(it)->second;
}

size_t GlyphCoverage::size() const {
    size_t n = 0;
    for (auto& r : ranges_) n += r.second - r.first + 1;
    return n;
}

std::vector<std::string_view> shown_texts(const Dataset& ds, int lang, int translations) {
    std::vector<std::string_view> t;
    for_each_shown_text(
        ds, lang, [&](const std::string& s) { t.push_back(s); }, translations);
    return t;
}

std::vector<char32_t> code_points(const std::vector<std::string_view>& texts) {
    // Seen-bits for the Basic Multilingual Plane (8 KB), a list for the rest: each distinct code
    // point once, in order, without sorting every character of the texts (--validate spent 29 %
    // of its time on a 31 MB dataset sorting them).
    std::vector<uint64_t> bmp(0x10000 / 64, 0);
    std::vector<char32_t> astral;
    for (std::string_view s : texts) {
        for (size_t i = 0; i < s.size();) {
            char32_t cp = 0;
            size_t n = decode_utf8(s, i, cp);
            if (n == 0) {
                ++i;
                continue;
            }
            i += n;
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;
            if (cp < 0x10000)
                bmp[cp >> 6] |= uint64_t{1} << (cp & 63);
            else
                astral.push_back(cp);
        }
    }
    std::vector<char32_t> cps;
    for (size_t w = 0; w < bmp.size(); ++w)
        for (uint64_t bits = bmp[w]; bits; bits &= bits - 1)
            cps.push_back(static_cast<char32_t>(w * 64 + static_cast<size_t>(std::countr_zero(bits))));
    std::sort(astral.begin(), astral.end());
    astral.erase(std::unique(astral.begin(), astral.end()), astral.end());
    cps.insert(cps.end(), astral.begin(), astral.end());
    return cps;
}

std::vector<char32_t> missing_code_points(const Dataset& ds, const GlyphCoverage& cov) {
    std::vector<char32_t> out;
    for (char32_t cp : code_points(shown_texts(ds, -1, kNoTranslations)))
        if (!cov.has(cp)) out.push_back(cp);
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string describe_missing(const std::vector<char32_t>& cps, size_t shown) {
    std::string s = std::to_string(cps.size()) + (cps.size() == 1 ? " character is" : " characters are") + " not in the bundled fonts (";
    for (size_t i = 0; i < cps.size() && i < shown; ++i) {
        if (i) s += ' ';
        append_utf8(s, cps[i]);
    }
    if (cps.size() > shown) s += " …";
    s += ")";
    return s;
}

}  // namespace ca
