// Which chrome a screen of a given size gets: compact controls, a folded legend on phones, and
// a tiny mode for boxes so low that the map would otherwise get less than half their height.
#pragma once
#include <cstddef>
#include <vector>

#include "core/label_layout.h"

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

// The page's own chrome over the map (the web page's search row, dataset bar and notes, as
// screen rectangles the page reports: the setChrome command, web/js/page_chrome.js). Panels
// the app draws keep clear of it. At most this many rectangles are kept.
inline constexpr size_t kPageChromeMaxRects = 16;
// Space kept between the page's chrome and a panel.
inline constexpr float kPageChromeGap = 6;

// The lowest top edge at or below y for a panel spanning x0..x1 and h tall that overlaps no
// rectangle of chrome: pushed below each one it would overlap.
float clear_top(float x0, float x1, float y, float h, const std::vector<Rect>& chrome);
// The highest bottom edge at or above `bottom` for a column x0..x1 that reaches into no rectangle
// of the lower half of an h tall screen (chrome placed at the bottom: the dataset bar above the
// timeline, which grows upward as it wraps in edit mode).
float clear_bottom(float x0, float x1, float bottom, float h, const std::vector<Rect>& chrome);

// Where a card centred on a w x h screen goes (the About card): centred on the screen when a
// card_h tall card (its height last frame; 0 when not known) is clear of the chrome over its
// column there, else centred in the part of the screen below that chrome; at most as tall as
// that part less a margin. So a card that fits stays put when the web page's chrome reaches the
// map a frame after the card first shows. Returns the card's centre y and its greatest height.
struct CardPlace {
    float centre_y = 0, max_h = 0;
};
CardPlace centred_card(float card_w, float w, float h, const std::vector<Rect>& chrome, float margin = 10, float card_h = 0);

// The data editor's panels (#edit=1): the Edit panel at the left and the story editor, clear of
// the page's chrome and the map's toolbar (`obstacles`: below those in the top half, above those
// in the lower half), above `bottom` (the timeline's top less a gap) and never over each other.
// With room, the story editor stands beside the Edit panel; otherwise (phones) it starts folded
// as a bar at the bottom of the Edit panel's column, the panel ending above it, and grows upward
// when opened (its window's bottom-left is at story_x, story_y: `story_from_bottom`).
struct EditorLayout {
    Rect edit{0, 0, 0, 0};
    float story_x = 0, story_y = 0;  // its top-left, or its bottom-left when story_from_bottom
    float story_w = 0, story_max_h = 0;
    bool story_from_bottom = false;  // narrow: starts folded, anchored at its bottom
};
inline constexpr float kEditPanelWidth = 420, kStoryEditorWidth = 380, kEditorMargin = 8;
inline constexpr float kEditorBarHeight = 28;  // a folded window's title bar (ImGui, 13 px font)
EditorLayout editor_layout(float w, float h, float bottom, const std::vector<Rect>& obstacles);

}  // namespace ca
