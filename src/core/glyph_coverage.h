// Which characters the bundled fonts draw (a range table made by tools/fonts/make_fonts.py) and
// which characters of a dataset they lack: the app fetches or loads those, --validate names them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"

namespace ca {

class GlyphCoverage {
public:
    // Parses "FIRST LAST" hex pairs, one per line ('#' starts a comment); bad lines are skipped.
    static GlyphCoverage parse(std::string_view text);
    bool has(char32_t cp) const;
    bool empty() const { return ranges_.empty(); }
    size_t size() const;  // code points covered

private:
    std::vector<std::pair<char32_t, char32_t>> ranges_;  // sorted, inclusive
};

// Which of the data's translations (organisations', collaborations', facts', events')
// for_each_shown_text gives: all of them, one language's (a Lang as int: the interface
// language's, which the UI draws), or none (kNoTranslations: English).
inline constexpr int kAllTranslations = -1, kNoTranslations = static_cast<int>(Lang::Count);

// Calls f(text) for each text the UI draws from a dataset: every name, title, note and quote.
// lang < 0: all of them; else only the `names` of that language (what the per-language fonts
// draw). The one list of these fields, for the fonts' glyph ranges and for shown_texts.
template <class F>
void for_each_shown_text(const Dataset& ds, int lang, F&& f, int translations = kAllTranslations) {
    const auto wanted = [&](const LocalText& t) { return translations == kAllTranslations || static_cast<int>(t.lang) == translations; };
    for (auto& o : ds.organisations) {
        for (auto& n : o.names)
            if (lang < 0 || static_cast<int>(n.lang) == lang) f(n.text);
        if (lang >= 0) continue;
        f(o.name), f(o.abbr), f(o.city), f(o.note);
        for (auto& t : o.translations)
            if (wanted(t)) f(t.title), f(t.summary), f(t.name);
    }
    if (lang >= 0) return;
    for (auto& s : ds.sources) f(s.title), f(s.publisher);
    for (auto& c : ds.collaborations) {
        f(c.title), f(c.summary), f(c.note);
        for (auto& t : c.translations)
            if (wanted(t)) f(t.title), f(t.summary), f(t.note);
        for (auto& x : c.facts) {
            f(x.label), f(x.quote);
            for (auto& t : x.translations)
                if (wanted(t)) f(t.title);
        }
        for (auto& e : c.evidence) f(e.quote);
    }
    for (auto& e : ds.events) {
        f(e.title), f(e.quote);
        for (auto& t : e.translations)
            if (wanted(t)) f(t.title);
    }
}

// The same texts as a list.
std::vector<std::string_view> shown_texts(const Dataset& ds, int lang = -1, int translations = kAllTranslations);

// The code points of `texts`, sorted and distinct; control characters and invalid UTF-8 skipped.
std::vector<char32_t> code_points(const std::vector<std::string_view>& texts);

// The code points of the dataset's shown texts that `cov` lacks (sorted, distinct). Not the
// data's translations (organisations', collaborations', facts', events'): they are drawn when
// the interface speaks their language, with that language's font (i18n/LANG.otf, made from the
// catalogue and the bundled data's translations: tools/fonts/make_fonts.py --i18n), and a
// run-time dataset's others are fetched.
std::vector<char32_t> missing_code_points(const Dataset& ds, const GlyphCoverage& cov);

// "3 characters are not in the bundled fonts (產 業 銷)": at most `shown` listed, then "…".
std::string describe_missing(const std::vector<char32_t>& cps, size_t shown = 20);

// UTF-8 of one code point (appended).
void append_utf8(std::string& out, char32_t cp);
// Decodes one UTF-8 sequence at s[i] into cp; returns its length, 0 when it is invalid.
size_t decode_utf8(std::string_view s, size_t i, char32_t& cp);

}  // namespace ca
