// The application state as one struct changed by commands: view state (what a URL carries),
// camera, playback, hover/selection; the UI reads it and the platform persists it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/camera.h"
#include "core/model.h"

namespace ca {

enum class TimeMode : uint8_t { Snapshot, Window, Cumulative };
enum class NameLang : uint8_t { En, Native, Both };
enum class Theme : uint8_t { Auto, Light, Dark };

const char* time_mode_id(TimeMode m);
bool parse_time_mode(std::string_view s, TimeMode& m);
const char* name_lang_id(NameLang l);
bool parse_name_lang(std::string_view s, NameLang& l);
const char* theme_id(Theme t);
bool parse_theme(std::string_view s, Theme& t);

struct Filters {
    uint32_t hidden_collab_kinds = 0;  // bit per CollabKind
    uint32_t hidden_org_kinds = 0;     // bit per OrgKind
    uint32_t hidden_regions = 0;       // bit per Region
    bool collab_kind_hidden(CollabKind k) const { return hidden_collab_kinds >> static_cast<int>(k) & 1; }
    bool org_kind_hidden(OrgKind k) const { return hidden_org_kinds >> static_cast<int>(k) & 1; }
    bool region_hidden(Region r) const { return hidden_regions >> static_cast<int>(r) & 1; }
    bool operator==(const Filters&) const = default;
};

// Everything a shared link restores.
struct ViewState {
    double t = 0;  // day number of the playhead
    TimeMode mode = TimeMode::Cumulative;
    int window_months = 24;
    Filters filters;
    std::string selected;  // organisation or collaboration id
    bool has_camera = false;
    LatLon cam_centre{30, 125};
    double zoom = 1;
    NameLang lang = NameLang::Both;
    Theme theme = Theme::Auto;
    bool embed = false;
    bool transparent = false;  // embed on the host page's own background (no sea fill)
    bool playing = false;
    double speed = 1;
    bool reduced_motion = false;
    bool operator==(const ViewState&) const = default;
};

inline constexpr double kSpeedPresets[] = {0.25, 0.5, 1, 2, 4, 8, 16};

}  // namespace ca
