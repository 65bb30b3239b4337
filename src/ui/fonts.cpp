// Glyph ranges are built from the dataset's strings and a fixed UI set, so the atlas holds only
// what can be shown (a few hundred glyphs) and stays far below 4096 px even at DPR 3.
#include "ui/fonts.h"

#include <string>

#include "core/embedded.h"
#include "core/glyph_coverage.h"
#include "core/i18n.h"

namespace ca::ui {
namespace {

const char* kUiLatin =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
    "–—‘’“”•…·←→↑↓↗×±≤≥°✓✕€£¥₩†▶■◆▲●○ ";
// The scripts by their own names (the View menu; the native search box's hint, which the web does
// not draw: not in a first frame's atlas).
const char* kUiScripts = "繁體中文简体中文한국어日本語";

// Whether a text holds only printable ASCII, which kUiLatin adds whole: such a text adds no
// glyph and is not decoded (a 10k-organisation dataset's ~6 MB of titles, summaries and quotes
// made most of its first frame's font build: docs/benchmarks.md, "Runtime datasets sooner, fourth pass").
bool printable_ascii(const std::string& t) {
    for (const char ch : t) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c > 0x7E) return false;
    }
    return true;
}

// lang < 0: for the UI font's ranges, which hold kUiLatin (a language's font holds only its
// texts' characters: every text counts), with the collaborations' translations in the interface
// language only (the others are never drawn; their glyphs would be fetched for nothing).
void add_dataset_text(ImFontGlyphRangesBuilder& b, const Dataset& ds, int lang /* -1 = all */) {
    const int shown = static_cast<int>(lang_of(active_locale()));
    for_each_shown_text(
        ds, lang,
        [&](const std::string& t) {
            if (lang >= 0 || !printable_ascii(t)) b.AddText(t.c_str());
        },
        shown);
}

// The code points of `ranges` that `font` has no glyph for, once the atlas is built (control
// characters left out): what the embedded subsets and the extra faces lack.
std::vector<uint32_t> missing_glyphs(ImFont* font, const ImVector<ImWchar>& ranges) {
    std::vector<uint32_t> out;
    if (!font) return out;
    for (int i = 0; i + 1 < ranges.Size; i += 2)
        for (uint32_t cp = ranges[i]; cp <= ranges[i + 1]; ++cp)
            if (cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) out.push_back(cp);
    return out;
}

ImFont* add_font(const EmbeddedFile* file, float px, const ImVector<ImWchar>& ranges) {
    if (!file || file->size == 0) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data), static_cast<int>(file->size), px, &cfg,
                                                      ranges.Data);
}

ImFontConfig merge_config(int font_no) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.MergeMode = true;
    cfg.FontNo = font_no;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return cfg;
}

// Merges the glyphs of `ranges` that the font just added lacks from the faces meant for `lang`.
void merge_extra(const ExtraFaces& extra, int lang, float px, const ImVector<ImWchar>& ranges) {
    for (size_t i = 0; i < extra.count; ++i) {
        const ExtraFace& e = extra.faces[i];
        if (!e.data || e.size == 0 || e.size > 0x7FFFFFFF || (e.lang >= 0 && e.lang != lang)) continue;
        ImFontConfig cfg = merge_config(e.font_no);
        ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(e.data), static_cast<int>(e.size), px, &cfg, ranges.Data);
    }
}

// The UI face under a language font: characters a language's subset lacks still draw.
void merge_file(const EmbeddedFile* file, float px, const ImVector<ImWchar>& ranges) {
    if (!file || file->size == 0) return;
    ImFontConfig cfg = merge_config(0);
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data), static_cast<int>(file->size), px, &cfg, ranges.Data);
}

// A first frame draws the large and small faces only on the timeline and the labels: the date
// (large), the years and the labels' short names (small); both get the glyphs ImGui draws for
// a character a face lacks ('?') and for cut text ('…'). Two thirds of the first frame's atlas
// were their whole Latin sets: docs/benchmarks.md, "Session 17".
const char* kFirstFrameSmall = "0123456789 ?….";

// The large face's first frame: the timeline's date in the interface language, in any month
// (core/i18n.h format_date_local; its month and year forms use the same characters).
void add_local_dates(ImFontGlyphRangesBuilder& b) {
    b.AddText(kFirstFrameSmall);
    for (int month = 1; month <= 12; ++month) b.AddText(format_date_local(Date{2000, month, 10, Precision::Day}).c_str());
}

// The code points each face is built for.
struct FontRanges {
    ImVector<ImWchar> all, latin, small;
};

// scope All: the UI face holds every character of the data, `more` and the interface; the large
// face the Latin set, the local date's characters and the collaborations' titles and groups'
// names in the interface language (the details' heading); the small face the Latin set and the short names (the
// timeline's years, labels' second lines). FirstFrame: only what a first frame with nothing
// selected draws (the interface, its language's strings, the organisations' English names and
// their names in the interface language's script; the large and small faces' few characters).
void build_ranges(FontRanges& r, const Dataset& ds, const std::vector<std::string_view>& more, FontScope scope) {
    const bool all = scope == FontScope::All;
    const Catalogue* cat = active_catalogue();  // the interface language's strings (none: English)
    ImFontGlyphRangesBuilder b;
    b.AddText(kUiLatin);
    if (all) {
        b.AddText(kUiScripts);
        add_dataset_text(b, ds, -1);
    } else {
        for (const Organisation& o : ds.organisations) {
            if (!printable_ascii(o.name)) b.AddText(o.name.c_str());
            if (const std::string& shown = o.shown_name(active_locale()); &shown != &o.name) b.AddText(shown.c_str());
            if (!printable_ascii(o.abbr)) b.AddText(o.abbr.c_str());
            if (const LocalName* n = o.name_in(active_locale())) b.AddText(n->text.c_str());  // labels in that script
        }
    }
    for (std::string_view t : more) b.AddText(t.data(), t.data() + t.size());
    if (cat) cat->for_each_translation([&](std::string_view t) { b.AddText(t.data(), t.data() + t.size()); });
    r.all.clear();
    b.BuildRanges(&r.all);
    ImFontGlyphRangesBuilder lb;
    if (all) {
        lb.AddText(kUiLatin);
        lb.AddText("年月日년월일");  // the large date, written the local way (core/i18n.h)
        const Lang shown = lang_of(active_locale());
        for (const Collaboration& c : ds.collaborations)
            for (const LocalText& t : c.translations)
                if (t.lang == shown) lb.AddText(t.title.c_str());
        for (const Organisation& o : ds.organisations)  // a group's heading
            for (const LocalText& t : o.translations)
                if (t.lang == shown) lb.AddText(t.name.c_str());
    } else {
        add_local_dates(lb);
    }
    r.latin.clear();
    lb.BuildRanges(&r.latin);
    // Not the dataset's other text, most of the CJK glyphs (a shorter atlas build before the
    // first frame: docs/benchmarks.md, "fourth pass").
    ImFontGlyphRangesBuilder sb;
    sb.AddText(all ? kUiLatin : kFirstFrameSmall);
    for (const Organisation& o : ds.organisations) sb.AddText(o.short_name().c_str());
    r.small.clear();
    sb.BuildRanges(&r.small);
}

// The faces of the names in other scripts (the details' names), from the embedded subsets.
void add_lang_fonts(Fonts& f, const Dataset& ds, float px, const ExtraFaces& extra, const EmbeddedFile* ui, EmbeddedSet& assets) {
    static ImVector<ImWchar> lang_ranges[static_cast<int>(Lang::Count)];
    static const char* files[] = {nullptr, "assets/fonts/cjk_sc.otf", "assets/fonts/cjk_ko.otf", "assets/fonts/cjk_ja.otf"};
    for (int l = 0; l < static_cast<int>(Lang::Count); ++l) {
        if (!files[l]) continue;  // zh-Hant uses the UI face (Noto Sans CJK TC)
        ImFontGlyphRangesBuilder b;
        add_dataset_text(b, ds, l);
        lang_ranges[l].clear();
        b.BuildRanges(&lang_ranges[l]);
        if (lang_ranges[l].Size <= 1) continue;
        f.lang[l] = add_font(assets.find(files[l]), px, lang_ranges[l]);
        if (!f.lang[l]) continue;
        merge_extra(extra, l, px, lang_ranges[l]);  // the language's own shapes first
        merge_file(ui, px, lang_ranges[l]);
    }
}

}  // namespace

std::vector<uint32_t> load_fonts(Fonts& f, const Dataset& ds, float dpr, float base_px, const ExtraFaces& extra,
                                 const std::vector<std::string_view>& more, FontScope scope) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    f = Fonts{};
    f.dpr = dpr;
    EmbeddedSet assets = embedded_assets();
    const EmbeddedFile* ui = assets.find("assets/fonts/ui.otf");
    static FontRanges ranges;  // the atlas keeps pointers to them until the next build
    build_ranges(ranges, ds, more, scope);
    const ImVector<ImWchar>& all_ranges = ranges.all;
    f.regular = add_font(ui, base_px * dpr, all_ranges);
    // Symbols Noto CJK lacks (✕ ⏸ ⏮ ⏭ …) come from a small drawn face merged into the UI font.
    if (f.regular) {
        if (const EmbeddedFile* sym = assets.find("assets/fonts/symbols.otf")) {
            static const ImWchar sym_ranges[] = {0x2190, 0x27FF, 0};
            ImFontConfig cfg;
            cfg.FontDataOwnedByAtlas = false;
            cfg.MergeMode = true;
            io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(sym->data), static_cast<int>(sym->size), base_px * dpr, &cfg,
                                           sym_ranges);
        }
        merge_extra(extra, static_cast<int>(Lang::ZhHant), base_px * dpr, all_ranges);
    }
    if (!f.regular) {
        ImFontConfig cfg;
        cfg.SizePixels = 13 * dpr;
        f.regular = io.Fonts->AddFontDefault(&cfg);
        f.large = f.small = f.regular;
    } else {
        f.large = add_font(ui, base_px * 1.35f * dpr, ranges.latin);
        if (f.large) merge_extra(extra, static_cast<int>(Lang::ZhHant), base_px * 1.35f * dpr, ranges.latin);  // 년, 월, 일 (i18n/ko.otf)
        f.small = add_font(ui, base_px * 0.85f * dpr, ranges.small);
        if (f.small) merge_extra(extra, static_cast<int>(Lang::ZhHant), base_px * 0.85f * dpr, ranges.small);
        if (scope == FontScope::All) add_lang_fonts(f, ds, base_px * dpr, extra, ui, assets);
    }
    io.FontGlobalScale = 1.0f / dpr;
    io.FontDefault = f.regular;
    io.Fonts->Build();
    // ImGui's default font (no assets) says nothing about the data's characters, nor does a
    // first frame's atlas (the whole one follows).
    return f.large != f.regular && scope == FontScope::All ? missing_glyphs(f.regular, all_ranges) : std::vector<uint32_t>{};
}

}  // namespace ca::ui
