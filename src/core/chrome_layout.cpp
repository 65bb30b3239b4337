// Chrome by box size: compact below 560 x 420 or in embeds, tiny below 300 px tall, the legend
// folded at the start below 600 px wide.
#include "core/chrome_layout.h"

#include <algorithm>

namespace ca {

ChromeLayout chrome_layout(float w, float h, bool embed) {
    ChromeLayout c;
    c.compact = embed || w < 560 || h < 420;
    c.tiny = h < kTinyHeight;
    c.legend_folded = c.compact || w < kLegendFoldWidth;
    c.legend_shown = !(c.compact && embed);
    // Tiny: one row of controls over a short track; compact: two rows; else the full panel.
    c.timeline_height = c.tiny ? std::min(72.0f, h * 0.3f) : c.compact ? std::min(92.0f, h * 0.42f) : 128.0f;
    return c;
}

float clear_top(float x0, float x1, float y, float h, const std::vector<Rect>& chrome) {
    // Each pass moves the panel below one more rectangle, so chrome.size() + 1 passes suffice.
    for (size_t pass = 0; pass <= chrome.size(); ++pass) {
        bool moved = false;
        for (const Rect& r : chrome) {
            if (Rect{x0, y, x1, y + h}.overlaps(r)) {
                y = static_cast<float>(r.y1) + kPageChromeGap;
                moved = true;
            }
        }
        if (!moved) break;
    }
    return y;
}

CardPlace centred_card(float card_w, float w, float h, const std::vector<Rect>& chrome, float margin, float card_h) {
    const float x0 = (w - card_w) / 2, x1 = x0 + card_w;
    float top = margin;
    // Chrome in the top half over the card's column pushes the card's area down.
    for (const Rect& r : chrome)
        if (r.x0 < x1 && x0 < r.x1 && r.y0 < h / 2) top = std::max(top, static_cast<float>(r.y1) + kPageChromeGap);
    const float bottom = std::max(top + 80, h - margin);
    if (card_h > 0 && (h - card_h) / 2 >= top && (h + card_h) / 2 <= bottom) return {h / 2, bottom - top};
    return {(top + bottom) / 2, bottom - top};
}

float clear_bottom(float x0, float x1, float bottom, float h, const std::vector<Rect>& chrome) {
    for (const Rect& r : chrome)
        if (r.y0 > h / 2 && r.x0 < x1 && x0 < r.x1 && r.y0 < bottom) bottom = static_cast<float>(r.y0) - kPageChromeGap;
    return bottom;
}

namespace {}  // namespace

EditorLayout editor_layout(float w, float h, float bottom, const std::vector<Rect>& obstacles) {
    const float m = kEditorMargin, min_h = 120;
    bottom = std::min(bottom, h - m);
    EditorLayout e;
    const float edit_w = std::max(min_h, std::min(kEditPanelWidth, w - 2 * m));
    const float top = clear_top(m, m + edit_w, m, min_h, obstacles);
    const float edit_bottom = std::max(top + min_h, clear_bottom(m, m + edit_w, bottom, h, obstacles));
    e.story_w = std::max(min_h, std::min(kStoryEditorWidth, w - 2 * m));
    if (w >= m + edit_w + m + e.story_w + m) {
        e.edit = {m, top, m + edit_w, edit_bottom};
        e.story_x = m + edit_w + m;
        e.story_y = clear_top(e.story_x, e.story_x + e.story_w, m, min_h, obstacles);
        e.story_max_h = std::max(min_h, clear_bottom(e.story_x, e.story_x + e.story_w, bottom, h, obstacles) - e.story_y);
        return e;
    }
    e.story_from_bottom = true;
    e.story_x = m;
    // Its folded bar never over the timeline: on a short phone under a tall page chrome the Edit
    // panel gets less than its least height instead.
    e.story_y = std::min(bottom, std::max(top + min_h + m + kEditorBarHeight, edit_bottom));
    e.edit = {m, top, m + edit_w, e.story_y - kEditorBarHeight - m};
    e.story_max_h = std::max(min_h, e.story_y - top);
    return e;
}

}  // namespace ca
