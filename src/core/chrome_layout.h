// Which chrome a screen of a given size gets: compact controls, a folded legend on phones, and
// a tiny mode for boxes so low that the map would otherwise get less than half their height.
#pragma once

namespace ca {

struct ChromeLayout {
    bool compact = false;        // one-column timeline controls, preset menu, no legend in embeds
    bool tiny = false;           // a box under 300 px tall: one-row timeline, one-button toolbar
    bool legend_folded = false;  // the legend starts folded (phones, small boxes)
    bool legend_shown = true;    // the legend is drawn at all (not in compact embeds)
    float timeline_height = 128;
};

// Below this width the legend starts folded: open it would cover most of a phone's map.
inline constexpr float kLegendFoldWidth = 600;
// Below this height the box is tiny (a 320x240 embed).
inline constexpr float kTinyHeight = 300;

// The chrome for a w x h box (css / logical pixels); embed is the compact embed mode.
ChromeLayout chrome_layout(float w, float h, bool embed);

}  // namespace ca
