// Characters a run-time dataset has and the bundled fonts lack: natively they come from the
// system's Noto Sans CJK (one face per language), on the web from slices the page fetches.
#include <cstdio>
#include <cstdlib>

#include "app/app.h"
#include "core/embedded.h"
#include "core/glyph_coverage.h"

namespace ca {
namespace {

constexpr size_t kMaxFetchedFonts = 64;     // slices kept (each a few dozen KB)
constexpr size_t kMaxFontBytes = 4u << 20;  // one slice
constexpr size_t kMaxRequested = 4000;      // code points named in one event
const char* kDefaultTtc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

std::vector<char32_t> missing_for(const Dataset& ds) {
    const EmbeddedFile* f = embedded_font_coverage().find("assets/fonts/coverage.txt");
    if (!f) return {};
    return missing_code_points(ds, GlyphCoverage::parse(f->text()));
}

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::string_view(v) != "0";
}

}  // namespace

std::vector<ui::ExtraFace> App::extra_faces() {
    std::vector<ui::ExtraFace> extra;
    for (const std::string& b : fetched_fonts_) extra.push_back({reinterpret_cast<const unsigned char*>(b.data()), b.size(), 0, -1});
    if (platform_ && platform_->browser()) return extra;
    if (env_set("CHIPATLAS_NO_SYSTEM_FONTS") || missing_for(model_.data()).empty()) return extra;
    if (!system_cjk_tried_) {
        system_cjk_tried_ = true;
        const char* path = std::getenv("CHIPATLAS_CJK_TTC");
        if (!path || !*path) path = kDefaultTtc;
        if (!system_cjk_.open(path))
            std::fprintf(stderr,
                         "chipatlas: warning: %s cannot be read (install fonts-noto-cjk): characters the bundled fonts lack "
                         "draw as '?'\n",
                         path);
    }
    const std::string_view ttc = system_cjk_.text();
    if (ttc.size() < 12 || ttc.substr(0, 4) != "ttcf") return extra;
    // Face numbers in Debian's NotoSansCJK-Regular.ttc: JP 0, KR 1, SC 2, TC 3 (the order
    // tools/fonts/make_fonts.py finds by family name).
    const auto* d = reinterpret_cast<const unsigned char*>(ttc.data());
    extra.push_back({d, ttc.size(), 3, static_cast<int>(Lang::ZhHant)});
    extra.push_back({d, ttc.size(), 2, static_cast<int>(Lang::ZhHans)});
    extra.push_back({d, ttc.size(), 1, static_cast<int>(Lang::Ko)});
    extra.push_back({d, ttc.size(), 0, static_cast<int>(Lang::Ja)});
    return extra;
}

void App::request_glyphs() {
    if (!listened()) return;
    std::vector<char32_t> missing = missing_for(model_.data());
    if (missing.empty()) return;
    std::string json = "{\"codepoints\":[";
    for (size_t i = 0; i < missing.size() && i < kMaxRequested; ++i) {
        if (i) json += ',';
        json += std::to_string(static_cast<unsigned long>(missing[i]));
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
