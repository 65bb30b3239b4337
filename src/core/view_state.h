// The view state: everything a shared link restores (ViewState, its Filters and enums), and the
// one table of its fields, for_each_field: each field's JSON name (getState / setState), URL
// hash key, value type and range, and when a hash writes it. The URL codec (url_hash.cpp), the
// JSON commands (commands.cpp), the model's clamps (app_model.cpp) and the UI's limits
// (ui/timeline_view.cpp) all take them from here; docs/web_bridge.md ("State") lists them.
#pragma once
#include <cmath>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/camera.h"
#include "core/locale.h"
#include "core/model.h"

namespace ca {

enum class TimeMode : uint8_t { Snapshot, Window, Cumulative };
enum class NameLang : uint8_t { En, Native, Both };
enum class Theme : uint8_t { Auto, Light, Dark };
// Their ids in hashes and JSON, in enum order.
inline constexpr const char* kTimeModeIds[] = {"snapshot", "window", "cumulative"};
inline constexpr const char* kNameLangIds[] = {"en", "native", "both"};
inline constexpr const char* kThemeIds[] = {"auto", "light", "dark"};
static_assert(std::size(kTimeModeIds) == static_cast<size_t>(TimeMode::Cumulative) + 1 &&
              std::size(kNameLangIds) == static_cast<size_t>(NameLang::Both) + 1 &&
              std::size(kThemeIds) == static_cast<size_t>(Theme::Dark) + 1);

// The enum whose id is s (false when none is); "a, b or c" of the ids, for messages.
template <class E>
bool parse_choice(std::span<const char* const> ids, std::string_view s, E& out) {
    for (size_t i = 0; i < ids.size(); ++i)
        if (s == ids[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}
std::string choices_text(std::span<const char* const> ids);

// lo..hi (lo itself outside when lo_open). contains() takes the full double, so a value is
// checked before any narrowing to T; NaN and the infinities are never inside, and for an integer
// T neither is a fraction.
template <class T>
struct Range {
    T lo, hi;
    bool lo_open = false;
    bool contains(double x) const { return (lo_open ? x > lo : x >= lo) && x <= hi && (std::is_floating_point_v<T> || x == std::floor(x)); }
    T clamp(T x) const { return !(x >= lo) ? lo : x > hi ? hi : x; }  // NaN → lo
    std::string text() const;                                         // "lo..hi", as messages quote it
};

// Window mode's length in months (the timeline's slider runs over all of it).
inline constexpr Range<int> kWindowMonths{1, 360};
// Playback speed (1: a year every 2 s), and the timeline's choices of it.
inline constexpr Range<double> kSpeed{0.25, 16};
inline constexpr double kSpeedPresets[] = {kSpeed.lo, 0.5, 1, 2, 4, 8, kSpeed.hi};
// The camera a view state may ask for: Web Mercator's latitudes, any longitude, a zoom (1 = the
// whole region) above 0.05. The model then shows zooms within kZoomShown.
inline constexpr Range<double> kCamLat{-85, 85}, kCamLon{-180, 180}, kCamZoom{0.05, 2000, true};
inline constexpr Range<double> kZoomShown{0.5, 600};
// A story's steps (core/story.h): at most this many; step 0 is "no story".
inline constexpr Range<int> kStorySteps{0, 40};
inline constexpr size_t kStoryIdMax = 64;  // bytes of a story id

struct Filters {
    uint32_t hidden_collab_kinds = 0;  // bit per CollabKind
    uint32_t hidden_org_kinds = 0;     // bit per OrgKind
    uint32_t hidden_regions = 0;       // bit per Region
    bool collab_kind_hidden(CollabKind k) const { return hidden_collab_kinds >> static_cast<int>(k) & 1; }
    bool org_kind_hidden(OrgKind k) const { return hidden_org_kinds >> static_cast<int>(k) & 1; }
    bool region_hidden(Region r) const { return hidden_regions >> static_cast<int>(r) & 1; }
    bool operator==(const Filters&) const = default;
};

// Everything a shared link restores. Its fields, as hashes and JSON see them: for_each_field.
struct ViewState {
    double t = 0;  // day number of the playhead
    TimeMode mode = TimeMode::Cumulative;
    int window_months = 24;
    Filters filters;
    std::string selected;  // organisation or collaboration id
    bool has_camera = false;
    LatLon cam_centre{30, 125};
    double zoom = 1;
    NameLang lang = NameLang::Both;  // the names mode (interface language: locale)
    Locale locale = Locale::En;      // the interface language (AppModel starts it on the negotiated one)
    Theme theme = Theme::Auto;
    bool embed = false;
    bool transparent = false;  // embed on the host page's own background (no sea fill)
    bool playing = false;
    double speed = 1;
    bool reduced_motion = false;
    std::string story;  // the story told (its id, core/story.h), "" when none
    int step = 0;       // its step, 1-based (0 with no story)
    bool operator==(const ViewState&) const = default;
};

// --- The fields' value types. url_hash.cpp (hash text) and commands.cpp (JSON) have one
// overload per type; a field's row below says which type, name, key and range it has.

// When encode_hash writes a field: always, when it differs from a default ViewState, or also
// whenever the mode is window.
enum class Write : uint8_t { Always, IfChanged, IfChangedOrWindowMode };
struct FieldName {
    const char* json;  // name in getState / setState
    const char* hash;  // key in the URL hash
    Write write = Write::IfChanged;
};
struct DayField : FieldName {};  // a day number: "2023-08-30"
template <class E>
struct ChoiceField : FieldName {
    std::span<const char* const> ids;  // by enum value
};
template <class T>
struct NumberField : FieldName {
    Range<T> range;
    const char* what = "";  // what messages say before the range: "expected <what>lo..hi"
};
template <class E>
struct MaskField : FieldName {};  // a bit per E: "a,b" in a hash, ["a","b"] in JSON
struct IdField : FieldName {};    // an organisation or collaboration id
struct StoryField : IdField {};   // a story's id (AppModel::apply_view checks that it is loaded)
struct FlagField : FieldName {};  // 1/0 in a hash, true/false in JSON
struct SwitchField : FieldName {  // a bool written as one of two words
    const char* on;
    const char* off;
};
struct CameraField : FieldName {  // has_camera, cam_centre, zoom
    Range<double> lat, lon, zoom;
    int latlon_decimals, zoom_decimals;  // as hashes and getState round them
};

// What a refused value should have been, as the warnings of both codecs say it.
template <class E>
std::string expected(const ChoiceField<E>& f) {
    return "expected " + choices_text(f.ids);
}
template <class T>
std::string expected(const NumberField<T>& f) {
    return "expected " + std::string(f.what) + f.range.text();
}
inline std::string expected(const SwitchField& f) { return std::string("expected ") + f.on + " or " + f.off; }

// The table: calls visit(field, s.member...) for each field, in the URL hash's order, with that
// member of each state passed (encode_hash passes the state and a default one to compare). The
// camera's three members go as the states themselves.
template <class Visit, class... State>
void for_each_field(Visit&& visit, State&... s) {
    visit(DayField{{"t", "t", Write::Always}}, s.t...);
    visit(ChoiceField<TimeMode>{{"mode", "mode", Write::Always}, kTimeModeIds}, s.mode...);
    visit(NumberField<int>{{"window", "win", Write::IfChangedOrWindowMode}, kWindowMonths, "a whole number of months "},
          s.window_months...);
    visit(MaskField<CollabKind>{{"hiddenKinds", "hk"}}, s.filters.hidden_collab_kinds...);
    visit(MaskField<OrgKind>{{"hiddenOrgKinds", "ho"}}, s.filters.hidden_org_kinds...);
    visit(MaskField<Region>{{"hiddenRegions", "hr"}}, s.filters.hidden_regions...);
    visit(IdField{{"selected", "sel"}}, s.selected...);
    visit(CameraField{{"camera", "c"}, kCamLat, kCamLon, kCamZoom, 4, 2}, s...);
    visit(ChoiceField<NameLang>{{"lang", "lang"}, kNameLangIds}, s.lang...);
    visit(ChoiceField<Locale>{{"locale", "locale"}, kLocaleIds}, s.locale...);
    visit(ChoiceField<Theme>{{"theme", "theme"}, kThemeIds}, s.theme...);
    visit(FlagField{{"embed", "embed"}}, s.embed...);
    visit(SwitchField{{"background", "bg"}, "transparent", "theme"}, s.transparent...);
    visit(FlagField{{"playing", "play"}}, s.playing...);
    visit(NumberField<double>{{"speed", "speed"}, kSpeed}, s.speed...);
    visit(FlagField{{"reducedMotion", "rm"}}, s.reduced_motion...);
    visit(StoryField{{"story", "story"}}, s.story...);
    visit(NumberField<int>{{"step", "step"}, kStorySteps, "a step number "}, s.step...);
}

// An organisation's name as the names mode `lang` shows it in the interface language
// (active_locale()): Both gives its name in the interface's script first ("삼성전자 · Samsung
// Electronics"), else the English and its native name; the map's labels, the details (the map's
// panel and the page's region) and search use it.
std::string display_name(const Organisation& o, NameLang lang);

}  // namespace ca
