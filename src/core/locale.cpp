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

// The tag's subtags, lower-cased, with '_' as '-' and a POSIX ".codeset" or "@modifier" cut off.
std::vector<std::string> subtags(std::string_view tag) {
    std::vector<std::string> out(1);
    for (char c : tag) {
        if (c == '.' || c == '@') break;
        if (c == '-' || c == '_') {
            out.emplace_back();
            continue;
        }
        out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

bool match_locale(std::string_view tag, Locale& out) {
    if (tag.empty() || tag.size() > kMaxLocaleTagBytes) return false;
    for (size_t i = 0; i < std::size(kLocaleIds); ++i)
        if (tag == kLocaleIds[i]) {
            out = static_cast<Locale>(i);
            return true;
        }
    const std::vector<std::string> s = subtags(tag);
    const std::string& lang = s[0];
    if (lang == "en")
        out = Locale::En;
    else if (lang == "ko")
        out = Locale::Ko;
    else if (lang == "ja")
        out = Locale::Ja;
    else if (lang == "zh") {
        out = Locale::ZhHans;  // zh, zh-CN, zh-SG and any other region
        for (size_t i = 1; i < s.size(); ++i) {
            if (s[i] == "hant" || s[i] == "tw" || s[i] == "hk" || s[i] == "mo") {
                out = Locale::ZhHant;
                break;
            }
            if (s[i] == "hans") break;  // zh-Hans-HK is simplified
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
