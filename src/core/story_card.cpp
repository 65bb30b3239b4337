// The story card's and the narrow details sheet's places: bottom-anchored above the timeline,
// beside the legend when there is room, left of the details, below the toolbar and the chrome.
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
        // Beside the legend when a card of at least 300 px fits there; else at the left, the
        // legend folding (fold_legend) or, opened again by the visitor, under the card's foot.
        const float beside = in.legend_right > 0 ? in.legend_right + margin : margin;
        p.fold_legend = in.legend_right > 0 && right - beside < kStoryCardMinBeside;
        p.x = p.fold_legend ? margin : beside;
        p.w = std::min(kStoryCardMaxWidth, std::max(200.0f, right - p.x));
    }
    const float top = clear_top(p.x, p.x + p.w, in.top + 4, 30, in.chrome);
    // On phones the card takes at most 45 % of the screen, so the map shows above it, and leaves
    // the details their room above it.
    const float cap = p.narrow ? in.h * 0.45f : in.h * 0.5f;
    const float above = p.narrow ? in.details_above : 0;
    p.max_h = std::max(kStoryCardMinHeight, std::min(cap, p.bottom - top - above));
    return p;
}

DetailsSheetPlace details_sheet_place(const DetailsSheetInput& in) {
    DetailsSheetPlace d;
    d.bottom = in.bottom - (in.story_card_h > 0 ? in.story_card_h + kPanelGap : 0);
    const float below_legend = in.legend_bar_bottom > 0 ? std::max(in.free_top, in.legend_bar_bottom + 6) : in.free_top;
    if (in.folded) {
        d.top = d.bottom - in.bar_h;
        d.hide_legend = in.legend_bar_bottom > 0 && d.top < below_legend;
        d.hidden = d.top < in.free_top;
        return d;
    }
    // Without a story the sheet starts at 35 % of the height (the map above it) when it has room.
    const float preferred = in.story_card_h > 0 ? below_legend : std::max(below_legend, in.h * 0.35f);
    d.top = std::min(preferred, d.bottom - kDetailsMinHeight);
    if (d.top < below_legend) {
        // A short screen (a phone on its side): the details start below the toolbar and the
        // chrome, where the folded legend's bar was, rather than be too low to read.
        d.hide_legend = in.legend_bar_bottom > 0;
        d.top = std::max(in.free_top, d.bottom - kDetailsMinHeight);
    }
    return d;
}

}  // namespace ca
