// Id tables of the view-state enumerations (time mode, name language, theme).
// Used by the URL encoding, the host API and the UI.
#include "core/app_state.h"

namespace ca {
namespace {
template <class E, size_t N> bool parse_in(const char* const (&ids)[N], std::string_view s, E& out) {
    for (size_t i = 0; i < N; ++i)
        if (s == ids[i]) { out = static_cast<E>(i); return true; }
    return false;
}
const char* const kModes[] = {"snapshot", "window", "cumulative"};
const char* const kLangs[] = {"en", "native", "both"};
const char* const kThemes[] = {"auto", "light", "dark"};
}  // namespace

const char* time_mode_id(TimeMode m) { return kModes[static_cast<int>(m)]; }
bool parse_time_mode(std::string_view s, TimeMode& m) { return parse_in(kModes, s, m); }
const char* name_lang_id(NameLang l) { return kLangs[static_cast<int>(l)]; }
bool parse_name_lang(std::string_view s, NameLang& l) { return parse_in(kLangs, s, l); }
const char* theme_id(Theme t) { return kThemes[static_cast<int>(t)]; }
bool parse_theme(std::string_view s, Theme& t) { return parse_in(kThemes, s, t); }

}  // namespace ca
