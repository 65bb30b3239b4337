// The interface languages (Locale) and their ids, and the negotiation that picks one from a
// visitor's preferred languages (navigator.languages on the web, the system locale natively).
#pragma once
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

// The interface languages. EnXA is the pseudo-locale (English, ~40% longer and accented) that
// tests use to find layouts a longer language would break; no picker offers it.
enum class Locale : uint8_t { En, ZhHant, ZhHans, Ko, Ja, EnXA };
// Their ids (BCP 47) in hashes, JSON and the PO files' names, in enum order.
inline constexpr const char* kLocaleIds[] = {"en", "zh-Hant", "zh-Hans", "ko", "ja", "en-XA"};
static_assert(std::size(kLocaleIds) == static_cast<size_t>(Locale::EnXA) + 1);
// The languages a picker offers, in its order, each by its own name.
inline constexpr Locale kPickerLocales[] = {Locale::En, Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja};
const char* locale_id(Locale l);
const char* locale_native_name(Locale l);  // "English", "繁體中文", "简体中文", "한국어", "日本語"

// The most a preferred-languages list may hold (entries past it are ignored), and the longest
// tag read (longer ones are skipped): the list crosses from the page or the environment.
inline constexpr size_t kMaxPreferredLocales = 16;
inline constexpr size_t kMaxLocaleTagBytes = 35;

// The interface language for a list of preferred language tags, best first ("ko-KR", "zh-TW",
// "ja", "en-US"; POSIX names like "zh_TW.UTF-8" too): the first tag with a match wins.
// zh-TW, zh-HK, zh-MO and zh-Hant* give zh-Hant; zh, zh-CN, zh-SG and zh-Hans* give zh-Hans;
// ko*, ja*, en* their language. The ids themselves (en-XA included) match exactly. No match: en.
Locale choose_locale(const std::vector<std::string>& preferred);
// One tag's match (false when it has none).
bool match_locale(std::string_view tag, Locale& out);
// A comma- (or colon-) separated list as the page and LANGUAGE give it, capped as above.
std::vector<std::string> split_locale_list(std::string_view list);

}  // namespace ca
