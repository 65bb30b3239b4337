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

}  // namespace ca
