// Locale negotiation: preferred language tags (BCP 47 or POSIX) to one of the interface
// languages, by language and then script or region.
#include "core/locale.h"

#include <cctype>

namespace ca {

const char* locale_id(Locale l) { return kLocaleIds[static_cast<size_t>(l)]; }

const char* locale_native_name(Locale l) {
    switch (l) {
        case Locale::ZhHant:
            return "繁體中文";
        case Locale::ZhHans:
            return "简体中文";
        case Locale::Ko:
            return "한국어";
        case Locale::Ja:
            return "日本語";
        case Locale::EnXA:
            return "English (XA)";
        default:
            return "English";
    }
}

namespace {

// Whether two subtags are equal, ignoring ASCII case.
bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return true;
}

}  // namespace

bool match_locale(std::string_view tag, Locale& out) {
    if (tag.empty() || tag.size() > kMaxLocaleTagBytes) return false;
    for (size_t i = 0; i < std::size(kLocaleIds); ++i)
        if (tag == kLocaleIds[i]) {
            out = static_cast<Locale>(i);
            return true;
        }
    // A POSIX ".codeset" or "@modifier" is cut off; subtags are split at '-' or '_'.
    tag = tag.substr(0, tag.find_first_of(".@"));
    const std::string_view lang = tag.substr(0, tag.find_first_of("-_"));
    if (same(lang, "en"))
        out = Locale::En;
    else if (same(lang, "ko"))
        out = Locale::Ko;
    else if (same(lang, "ja"))
        out = Locale::Ja;
    else if (same(lang, "zh")) {
        out = Locale::ZhHans;  // zh, zh-CN, zh-SG and any other region
        std::string_view rest = tag.substr(lang.size());
        while (!rest.empty()) {
            rest.remove_prefix(1);
            const std::string_view sub = rest.substr(0, rest.find_first_of("-_"));
            rest.remove_prefix(sub.size());
            if (same(sub, "hant") || same(sub, "tw") || same(sub, "hk") || same(sub, "mo")) {
                out = Locale::ZhHant;
                break;
            }
            if (same(sub, "hans")) break;  // zh-Hans-HK is simplified
        }
    } else
        return false;
    return true;
}

Locale choose_locale(const std::vector<std::string>& preferred) {
    const size_t n = preferred.size() < kMaxPreferredLocales ? preferred.size() : kMaxPreferredLocales;
    for (size_t i = 0; i < n; ++i) {
        Locale l;
        if (match_locale(preferred[i], l)) return l;
    }
    return Locale::En;
}

std::vector<std::string> split_locale_list(std::string_view list) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= list.size() && out.size() < kMaxPreferredLocales) {
        size_t j = list.find_first_of(",:", i);
        if (j == std::string_view::npos) j = list.size();
        std::string_view tok = list.substr(i, j - i);
        while (!tok.empty() && tok.front() == ' ') tok.remove_prefix(1);
        while (!tok.empty() && tok.back() == ' ') tok.remove_suffix(1);
        if (!tok.empty() && tok.size() <= kMaxLocaleTagBytes) out.emplace_back(tok);
        i = j + 1;
    }
    return out;
}

}  // namespace ca
