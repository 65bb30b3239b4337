// The story card's place: bottom-anchored above the timeline, beside the legend when there is
// room, left of the details, below the toolbar and the page's chrome.
#include "core/story_card.h"

#include <algorithm>

#include "core/chrome_layout.h"

namespace ca {

StoryCardPlace story_card_place(const StoryCardInput& in) {
    StoryCardPlace p;
    p.bottom = in.h - in.timeline_h - 18;
    const float margin = 10;
    if (in.w < kStoryCardSpanWidth) {
        p.narrow = true;
        p.x = margin;
        p.w = std::max(100.0f, in.w - 2 * margin);
    } else {
        const float right = (in.details_left > 0 ? in.details_left : in.w) - margin;
        // Beside the legend when a card of at least 300 px fits there, else over its foot.
        const float beside = in.legend_right > 0 ? in.legend_right + margin : margin;
        p.x = right - beside >= 300 ? beside : margin;
        p.w = std::min(kStoryCardMaxWidth, std::max(200.0f, right - p.x));
    }
    const float top = clear_top(p.x, p.x + p.w, in.top + 4, 30, in.chrome);
    // On phones the card takes at most 45 % of the screen, so the map shows above it.
    const float cap = p.narrow ? in.h * 0.45f : in.h * 0.5f;
    p.max_h = std::max(40.0f, std::min(cap, p.bottom - top));
    return p;
}

}  // namespace ca
