// Where a story's caption card and the details panel go (chrome_layout's rules for them): the
// card above the timeline, clear of the details, the legend and the page's chrome; on phones both span the width.
#pragma once
#include <vector>

#include "core/label_layout.h"

namespace ca {

struct StoryCardInput {
    float w = 0, h = 0;        // the screen (CSS / logical pixels)
    float timeline_h = 0;      // the timeline panel's height (it sits 8 px above the bottom)
    float top = 0;             // the lowest pixel of the toolbar
    float legend_right = 0;    // the legend's right edge when it is open, else 0
    float details_left = 0;    // the details panel's left edge when it is open beside the map, else 0
    std::vector<Rect> chrome;  // the page's chrome (search row, dataset bar, notes) and a folded legend's bar
    // On a narrow screen, the height kept free above the card for the details (their folded bar
    // or their open sheet, and a gap: details_reserve()); 0 when no details are shown.
    float details_above = 0;
};

struct StoryCardPlace {
    float x = 0, w = 0;   // left edge and width
    float bottom = 0;     // bottom edge: the card grows upwards from here
    float max_h = 0;      // greatest height (the caption scrolls inside it)
    bool narrow = false;  // a phone or a small box: across the width, the details end above it
    // Wide: the open legend leaves the card less than kStoryCardMinBeside px beside it; the
    // legend folds when a step is entered (else the card would stand over its foot).
    bool fold_legend = false;
};

// Below this width the card spans the screen (phones), as the details do.
inline constexpr float kStoryCardSpanWidth = 640;
inline constexpr float kStoryCardMaxWidth = 440;
inline constexpr float kStoryCardMinBeside = 300;
inline constexpr float kStoryCardMinHeight = 40;  // its step buttons, the caption scrolling below
inline constexpr float kDetailsMinHeight = 100;   // an open details panel, where there is room
inline constexpr float kPanelGap = 8;             // between the card and the details above it

StoryCardPlace story_card_place(const StoryCardInput& in);

// The details panel on a narrow screen (a sheet across the width, above the timeline and a
// phone's story card). While a story is told it starts folded to its title bar, just above the
// card, so that the map shows; opened, it runs from below the folded legend to the card.
struct DetailsSheetInput {
    float h = 0;                  // the screen's height
    float free_top = 0;           // below the toolbar and the page's chrome
    float legend_bar_bottom = 0;  // the folded legend's bar's lowest pixel, 0 when there is none
    float bottom = 0;             // the lowest the panel may reach (above the timeline)
    float story_card_h = 0;       // the story card's height, 0 when none (it sits right above `bottom`)
    bool folded = false;          // folded to its bar (during a story, unless the visitor opened it)
    float bar_h = 28;             // a folded panel's title bar
};
struct DetailsSheetPlace {
    float top = 0, bottom = 0;  // the panel's rectangle's rows (a folded one's bar: bottom - bar_h)
    bool hide_legend = false;   // too short a screen: the details take the legend's bar's place
    bool hidden = false;        // not even the folded bar fits (a tiny box with a story's card)
};
DetailsSheetPlace details_sheet_place(const DetailsSheetInput& in);
// The room a narrow story card leaves above itself for the details (none, folded or open).
inline float details_reserve(bool shown, bool folded, float bar_h) { return !shown ? 0 : (folded ? bar_h : kDetailsMinHeight) + kPanelGap; }

}  // namespace ca
