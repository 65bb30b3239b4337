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

CardPlace centred_card(float card_w, float w, float h, const std::vector<Rect>& chrome, float margin) {
    const float x0 = (w - card_w) / 2, x1 = x0 + card_w;
    float top = margin;
    // Chrome in the top half over the card's column pushes the card's area down.
    for (const Rect& r : chrome)
        if (r.x0 < x1 && x0 < r.x1 && r.y0 < h / 2) top = std::max(top, static_cast<float>(r.y1) + kPageChromeGap);
    const float bottom = std::max(top + 80, h - margin);
    return {(top + bottom) / 2, bottom - top};
}

}  // namespace ca
