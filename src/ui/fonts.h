// Fonts from the embedded Noto Sans CJK subsets (made from data/ by the build): a UI face that
// covers every character of the data and UI, per-language faces, glyphs merged in at run time.
#pragma once
#include "core/model.h"
#include "imgui.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ca::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* large = nullptr;
    ImFont* small = nullptr;
    ImFont* lang[static_cast<int>(Lang::Count)] = {};  // may be null: fall back to regular
    float dpr = 1;
    ImFont* for_lang(Lang l) const { return lang[static_cast<int>(l)] ? lang[static_cast<int>(l)] : regular; }
};

// A font file that supplies the glyphs the embedded subsets lack (a run-time dataset's new
// characters): natively the system's Noto Sans CJK TTC, one face per language; on the web the
// slices the page fetched. The bytes must outlive the atlas.
struct ExtraFace {
    const unsigned char* data = nullptr;
    size_t size = 0;
    int font_no = 0;  // face index inside a TTC
    int lang = -1;    // -1: any font; else only the UI font (ZhHant) or that language's font
};
struct ExtraFaces {
    const ExtraFace* faces = nullptr;
    size_t count = 0;
};

// What an atlas holds: every character the UI can show, or only those of a first frame with
// nothing selected (the interface and its language's strings, the organisations' English names
// and their names in that language's script; not the CJK glyphs of details, stories and names in
// other scripts), so that a page's first frame need not wait for them; the whole atlas is then
// built for the next frame (app/glyph_fallback.cpp).
enum class FontScope { All, FirstFrame };

// Builds the atlas (call before the renderer creates its font texture). Falls back to
// ImGui's default font when the assets are missing, so the app still starts.
// base_px is ascent + descent (Noto CJK: 1.448 em), so 19 px gives a 13 px em.
// Each font takes the glyphs it lacks from `extra` (merged in order; present glyphs are kept).
// `more`: other texts the UI font must draw (edit mode's files and the field being typed, which
// may be invalid data the dataset does not hold yet).
// Returns the code points of the dataset's text (and `more`) that the UI font still has no glyph
// for (none for FontScope::FirstFrame).
std::vector<uint32_t> load_fonts(Fonts& f, const Dataset& ds, float dpr, float base_px = 19, const ExtraFaces& extra = {},
                                 const std::vector<std::string_view>& more = {}, FontScope scope = FontScope::All);

}  // namespace ca::ui
