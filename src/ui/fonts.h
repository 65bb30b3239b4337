// Fonts from the embedded Noto Sans CJK subsets (assets/fonts): a UI face that covers every
// character of the data and UI, per-language faces for locale-correct glyphs, baked at the DPR.
#pragma once
#include "core/model.h"
#include "imgui.h"

namespace ca::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* large = nullptr;
    ImFont* small = nullptr;
    ImFont* lang[static_cast<int>(Lang::Count)] = {};  // may be null: fall back to regular
    float dpr = 1;
    ImFont* for_lang(Lang l) const { return lang[static_cast<int>(l)] ? lang[static_cast<int>(l)] : regular; }
};

// Builds the atlas (call before the renderer creates its font texture). Falls back to
// ImGui's default font when the assets are missing, so the app still starts.
// base_px is ascent + descent (Noto CJK: 1.448 em), so 19 px gives a 13 px em.
void load_fonts(Fonts& f, const Dataset& ds, float dpr, float base_px = 19);

}  // namespace ca::ui
