// Where a story's caption card goes (chrome_layout's rules for it): above the timeline, clear
// of the details panel, the legend and the page's chrome; across the width on phones.
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
    std::vector<Rect> chrome;  // the page's chrome (search row, dataset bar, notes)
};

struct StoryCardPlace {
    float x = 0, w = 0;   // left edge and width
    float bottom = 0;     // bottom edge: the card grows upwards from here
    float max_h = 0;      // greatest height (the caption scrolls inside it)
    bool narrow = false;  // a phone or a small box: across the width, the details end above it
};

// Below this width the card spans the screen (phones), as the details do.
inline constexpr float kStoryCardSpanWidth = 640;
inline constexpr float kStoryCardMaxWidth = 440;

StoryCardPlace story_card_place(const StoryCardInput& in);

}  // namespace ca
