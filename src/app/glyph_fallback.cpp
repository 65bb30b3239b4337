// Characters a run-time dataset has and the bundled fonts lack: natively they come from the
// system's Noto Sans CJK (one face per language), on the web from slices the page fetches.
#include <cstdio>
#include <cstdlib>

#include "app/app.h"

namespace ca {
namespace {

constexpr size_t kMaxFontBytes = 4u << 20;  // one slice
constexpr size_t kMaxRequested = 4000;      // code points named in one event
const char* kDefaultTtc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::string_view(v) != "0";
}

}  // namespace

ui::ExtraFaces App::extra_faces() {
    size_t n = 0;
    for (const std::string& b : fetched_fonts_) extra_[n++] = {reinterpret_cast<const unsigned char*>(b.data()), b.size(), 0, -1};
    const std::string_view ttc = system_cjk_.text();
    if (ttc.size() >= 12 && ttc.substr(0, 4) == "ttcf") {
        // Face numbers in Debian's NotoSansCJK-Regular.ttc: JP 0, KR 1, SC 2, TC 3 (the order
        // tools/fonts/make_fonts.py finds by family name), for the UI (ZhHant), SC, KR, JP fonts.
        static const int kFaceOf[static_cast<int>(Lang::Count)] = {3, 2, 1, 0};
        for (int l = 0; l < static_cast<int>(Lang::Count); ++l)
            extra_[n++] = {reinterpret_cast<const unsigned char*>(ttc.data()), ttc.size(), kFaceOf[l], l};
    }
    n = edit_extra_faces(n);
    return {extra_, n};
}

// Builds the fonts; what the UI font still lacks is taken from the system's Noto Sans CJK
// (native, once, unless CHIPATLAS_NO_SYSTEM_FONTS is set) or asked of the page (web, once per
// dataset, and again when an edit brings new characters: a "glyphsneeded" event; the page
// fetches only slices it has not). The texts drawn are the dataset's and, in edit mode, the
// edited files' (valid or not) and the field typed.
void App::story_glyph_texts(std::vector<std::string_view>& out) const {
    const Locale l = model_.shown_locale();
    for (const Story& s : model_.stories()) {
        out.push_back(s.title_in(l));
        for (const StoryStep& st : s.steps) out.push_back(st.caption.title_in(l)), out.push_back(st.caption.text_in(l));
    }
}

void App::build_fonts(float dpr) {
    // A page's first frame of the default view (no view from the link, nothing selected, no story,
    // no editor) draws only the interface's glyphs and the organisations' names in Latin and the
    // interface's script (ui::FontScope): its atlas holds just those, and the whole one is built
    // for the next frame (after_render), off the first frame's path (docs/benchmarks.md, "Session
    // 12"). Natively (screenshots of one frame) the atlas is always whole.
    const bool first = !fonts_built_ && cfg_.first_frame_atlas && platform_ && platform_->browser() && cfg_.hash.empty() &&
                       cfg_.region.empty() && !edit_ && !model_.selection().valid() && !model_.story();
    fonts_built_ = true;
    fonts_partial_ = first;
    if (first) {
        ui::load_fonts(ui_.fonts, model_.data(), dpr, 19, extra_faces(), {}, ui::FontScope::FirstFrame);
        return;
    }
    std::vector<std::string_view> more;
    edit_glyph_texts(more);
    const size_t first_story_text = more.size();
    story_glyph_texts(more);
    // New story texts (a story loaded, another language shown): the page is asked again for
    // what is missing (it fetches only slices it has not).
    uint64_t sig = 1469598103934665603ull;  // FNV-1a
    for (size_t i = first_story_text; i < more.size(); ++i)
        for (unsigned char c : more[i]) sig = (sig ^ c) * 1099511628211ull;
    if (sig != story_glyphs_sig_) {
        story_glyphs_sig_ = sig;
        glyphs_requested_ = false;
    }
    std::vector<uint32_t> missing = ui::load_fonts(ui_.fonts, model_.data(), dpr, 19, extra_faces(), more);
    glyphs_missing_ = missing.size();
    if (missing.empty()) return;
    if (!platform_ || !platform_->browser()) {
        if (system_cjk_tried_ || env_set("CHIPATLAS_NO_SYSTEM_FONTS")) return;
        system_cjk_tried_ = true;
        const char* path = std::getenv("CHIPATLAS_CJK_TTC");
        if (!path || !*path) path = kDefaultTtc;
        if (system_cjk_.open(path))
            glyphs_missing_ = ui::load_fonts(ui_.fonts, model_.data(), dpr, 19, extra_faces(), more).size();
        else
            std::fprintf(stderr, "chipatlas: warning: %s cannot be read (install fonts-noto-cjk): %zu characters draw as '?'\n", path,
                         missing.size());
        return;
    }
    if (glyphs_requested_) return;
    glyphs_requested_ = true;
    std::string json = "{\"codepoints\":[";
    for (size_t i = 0; i < missing.size() && i < kMaxRequested; ++i) {
        if (i) json += ',';
        json += std::to_string(static_cast<unsigned>(missing[i]));
    }
    json += "],\"count\":" + std::to_string(missing.size()) + "}";
    emit("glyphsneeded", json);
}

bool App::add_font_data(std::string_view bytes) {
    // An OpenType (CFF) or TrueType file, checked by its tag; stb_truetype checks the rest.
    if (bytes.size() < 12 || bytes.size() > kMaxFontBytes) return false;
    const std::string_view tag = bytes.substr(0, 4);
    if (tag != "OTTO" && tag != std::string_view("\0\1\0\0", 4)) return false;
    if (fetched_fonts_.size() >= kMaxFetchedFonts) fetched_fonts_.erase(fetched_fonts_.begin());
    fetched_fonts_.emplace_back(bytes);
    fonts_dirty_ = true;
    return true;
}

}  // namespace ca
