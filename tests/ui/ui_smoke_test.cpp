// Headless ImGui smoke test (no backend, as ImPlot's CI does): the full UI over the bundled
// data for hundreds of frames with synthetic input — drag the playhead, click, zoom, select;
// and the map's batched arc lines against ImGui's own AddPolyline.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "../imgui_frame.h"
#include "core/app_model.h"
#include "core/embedded.h"
#include "core/i18n.h"
#include "core/locale.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/fonts.h"
#include "ui/line_batch.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace {

struct Harness {
    ca::AppModel m;
    ca::ui::UiContext ui;
    Harness(float w = 1280, float h = 800) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(w, h);
        io.IniFilename = nullptr;
        std::vector<ca::InputFile> in;
        for (auto& f : ca::embedded_dataset()) in.push_back({f.name, f.text()});
        ca::LoadResult r = ca::load_dataset(in);
        REQUIRE(r.ok());
        m.set_dataset(std::move(r.dataset), "bundled");
        ca::ui::init_ui(ui);
        ca::ui::load_fonts(ui.fonts, m.data(), 1.0f);
        unsigned char* px;
        int tw, th;
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
        REQUIRE(tw > 0);
        REQUIRE(tw <= 4096);
        REQUIRE(th <= 4096);
    }
    ~Harness() { ImGui::DestroyContext(); }
    void frame(float dt = 1.0f / 60) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = dt;
        ImGui::NewFrame();
        m.tick(dt);
        ca::ui::draw_ui(m, ui);
        ImGui::Render();
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }
};

// Language l's catalogue and the font of the glyphs it adds (i18n/LANG.mo and LANG.otf, as the
// page loads them), into cat and face; nothing for English.
void load_language(ca::Locale l, ca::Catalogue& cat, ca::ui::ExtraFace& face) {
    if (l == ca::Locale::En) return;
    const std::string id = ca::locale_id(l);
    const ca::EmbeddedFile* mo = ca::embedded_catalogues().find("i18n/" + id + ".mo");
    const ca::EmbeddedFile* otf = ca::embedded_catalogues().find("i18n/" + id + ".otf");
    REQUIRE(mo);
    REQUIRE(otf);
    REQUIRE(cat.load(mo->text()));
    face = {otf->data, otf->size, 0, -1};
}

int visible_count(ca::AppModel& m) {
    int n = 0;
    for (auto v : m.visibility().collab) n += v != ca::Vis::Hidden;
    return n;
}

}  // namespace

using ca::test::atlas_glyphs;
using ca::test::frame_geometry;

// The page's first frames are drawn with an atlas of their own glyphs (ui::FontScope::FirstFrame,
// app/glyph_fallback.cpp): had a glyph they draw been left out, ImGui's fallback glyph, of
// another size, would move what follows it. In each interface language (with its catalogue and
// font, as the page loads them), at desktop, phone and embed sizes.
TEST_CASE("a first frame's atlas draws the first frames exactly as the whole atlas does, with fewer glyphs") {
    struct Box {
        float w, h;
        bool embed;
    };
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::ZhHant, ca::Locale::ZhHans, ca::Locale::Ko, ca::Locale::Ja}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        load_language(l, cat, face);
        for (const Box box : {Box{1280, 800, false}, Box{390, 844, false}, Box{320, 240, true}}) {
            std::vector<float> geometry[2];
            int glyphs[2] = {0, 0};
            for (int s = 0; s < 2; ++s) {
                Harness h(box.w, box.h);
                h.ui.opt.web = true;
                h.m.set_embed(box.embed);
                h.ui.show_help = !box.embed;
                h.m.set_locale(l);
                h.m.set_shown_locale(l);
                ca::set_active_catalogue(l, l == ca::Locale::En ? nullptr : &cat);
                const ca::ui::ExtraFaces extra{&face, face.data ? 1u : 0u};
                ca::ui::load_fonts(h.ui.fonts, h.m.data(), 1.0f, 19, extra, {}, s ? ca::ui::FontScope::All : ca::ui::FontScope::FirstFrame);
                glyphs[s] = atlas_glyphs();
                for (int i = 0; i < 3; ++i) {
                    h.frame();
                    const std::vector<float> g = frame_geometry();
                    geometry[s].insert(geometry[s].end(), g.begin(), g.end());
                }
                ca::set_active_catalogue(ca::Locale::En, nullptr);
            }
            // Where they part (the whole vectors would fill the screen).
            size_t diff = 0;
            while (diff < geometry[0].size() && diff < geometry[1].size() && geometry[0][diff] == geometry[1][diff]) ++diff;
            INFO(ca::locale_id(l) << " at " << box.w << "x" << box.h << ": " << geometry[0].size() << " and " << geometry[1].size()
                                  << " values, the same up to " << diff);
            CHECK((diff == geometry[0].size() && diff == geometry[1].size()));
            CHECK(glyphs[0] < glyphs[1]);
        }
    }
}

// The collaborations' translations are drawn in the interface language only: their characters
// are in that language's font (i18n/LANG.otf, made from the catalogue and the data's
// translations), not in the first visit's ui.otf. With the bundled data, the whole atlas of each
// language then lacks nothing (a translation into another language in its ranges, or one whose
// characters no font carries, would be listed missing and fetched as slices on the web).
TEST_CASE("each interface language's whole atlas draws the bundled data, its translations included") {
    const ca::Dataset ds = Harness().m.data();
    size_t translated = 0;
    for (const ca::Collaboration& c : ds.collaborations) translated += c.translations.size();
    REQUIRE(translated >= 4 * ds.collaborations.size());  // every collaboration in the four languages
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::ZhHant, ca::Locale::ZhHans, ca::Locale::Ko, ca::Locale::Ja}) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        load_language(l, cat, face);
        ca::set_active_catalogue(l, l == ca::Locale::En ? nullptr : &cat);
        ca::ui::Fonts f;
        const std::vector<uint32_t> missing = ca::ui::load_fonts(f, ds, 1.0f, 19, {&face, face.data ? 1u : 0u});
        INFO(ca::locale_id(l) << ": " << missing.size() << " code points missing, the first U+" << std::hex
                              << (missing.empty() ? 0u : missing[0]));
        CHECK(missing.empty());
        // The interface language's title draws with its own glyphs (not the fallback).
        if (l != ca::Locale::En) {
            const std::string& title = ds.collaborations[0].title_in(l);
            REQUIRE(title != ds.collaborations[0].title);
            unsigned int cp = 0;
            for (const char* p = title.c_str(); *p && cp < 0x80;) p += ImTextCharFromUtf8(&cp, p, nullptr);
            INFO("the first non-ASCII character of " << title << ": U+" << std::hex << cp);
            REQUIRE(cp >= 0x80);
            CHECK(f.large->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        }
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        ImGui::DestroyContext();
    }
}

TEST_CASE("the fonts' ranges keep every non-ASCII character of the data's texts") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ca::Dataset ds;
    ca::Collaboration c;
    c.title = "An ASCII title of more than eight bytes";
    c.summary = "Some thirty ASCII bytes first, then \xE9\xBE\x98";  // U+9F98, which ui.otf lacks
    ds.collaborations.push_back(c);
    ca::ui::Fonts f;
    const std::vector<uint32_t> missing = ca::ui::load_fonts(f, ds, 1.0f);
    CHECK(std::find(missing.begin(), missing.end(), 0x9F98u) != missing.end());
    CHECK(std::none_of(missing.begin(), missing.end(), [](uint32_t cp) { return cp < 0x80; }));
    ImGui::DestroyContext();
}

TEST_CASE("the UI runs 500 frames over the bundled data with synthetic input") {
    Harness h;
    for (int i = 0; i < 500; ++i) {
        float t = i / 500.0f;
        h.mouse(200 + 800 * t, 300 + 100 * std::sin(t * 10), (i / 40) % 2 == 1);
        ImGui::GetIO().MouseWheel = (i % 97 == 0) ? 1.0f : 0.0f;
        h.frame();
    }
    REQUIRE(h.ui.drawn_nodes + h.ui.drawn_clusters > 0);
    REQUIRE(ImGui::GetDrawData()->TotalVtxCount > 1000);
}

TEST_CASE("dragging the playhead changes what is visible") {
    Harness h;
    h.m.set_mode(ca::TimeMode::Cumulative);
    h.frame();
    h.frame();
    const ca::TimeAxis ax = h.ui.track;
    const float y = (h.ui.track_y0 + h.ui.track_y1) / 2 + 6;
    // Press at the very start of the track: nothing has started yet.
    h.mouse(static_cast<float>(ax.x0) + 1, y, false);
    h.frame();
    h.mouse(static_cast<float>(ax.x0) + 1, y, true);
    h.frame();
    h.frame();
    const int early = visible_count(h.m);
    const double t_early = h.m.view().t;
    // Drag to the end: everything has started.
    for (int i = 1; i <= 20; ++i) {
        h.mouse(static_cast<float>(ax.x0 + (ax.x1 - ax.x0) * i / 20.0), y, true);
        h.frame();
    }
    h.mouse(static_cast<float>(ax.x1) - 1, y, false);
    h.frame();
    const int late = visible_count(h.m);
    CHECK(h.m.view().t > t_early + 365);
    CHECK(early < late);
    CHECK(late == static_cast<int>(h.m.data().collaborations.size()));
}

TEST_CASE("clicking an organisation selects it and opens its details") {
    Harness h;
    h.m.set_mode(ca::TimeMode::Cumulative);
    h.m.set_time(h.m.axis().t1);
    h.m.fly_to(ca::RegionPreset::Taiwan);
    for (int i = 0; i < 90; ++i) h.frame();  // let the flight land
    // Click the first unclustered node on screen (the scene's nodes: organisations drawn alone).
    int selected = -1;
    const std::vector<ca::SceneNode> nodes = h.ui.map_scene.scene().nodes;
    for (size_t i = 0; i < nodes.size() && selected < 0; ++i) {
        const ca::PointF s = nodes[i].p;
        if (s.x < 300 || s.x > 900 || s.y < 120 || s.y > 600) continue;
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), false);
        h.frame();
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), true);
        h.frame();
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), false);
        h.frame();
        if (!h.m.view().selected.empty()) selected = nodes[i].org;
    }
    REQUIRE(selected >= 0);
    REQUIRE(h.m.selection().valid());
    CHECK(h.m.selection().index == selected);
    h.frame();
    ImGuiWindow* details = ImGui::FindWindowByName("###Details");
    REQUIRE(details != nullptr);
    CHECK(details->Active);
}

TEST_CASE("on a phone-width screen the legend folds while the details sheet is open") {
    Harness h(390, 740);
    h.ui.legend_open = true;  // opened by the user (phones start with it folded)
    h.ui.layout_started = true;
    for (int i = 0; i < 3; ++i) h.frame();
    ImGuiWindow* legend = ImGui::FindWindowByName("###Legend & filters");
    REQUIRE(legend != nullptr);
    REQUIRE(h.ui.legend_open);
    CHECK_FALSE(legend->Collapsed);
    REQUIRE(h.m.select("ase"));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK(legend->Collapsed);
    CHECK(h.ui.legend_open);  // the user's choice is kept for later
    REQUIRE(h.m.select(""));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK_FALSE(legend->Collapsed);
}

TEST_CASE("on a wide screen the legend stays open beside the details") {
    Harness h(1280, 800);
    REQUIRE(h.m.select("ase"));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK_FALSE(ImGui::FindWindowByName("###Legend & filters")->Collapsed);
    CHECK(ImGui::FindWindowByName("###Details")->Active);
}

TEST_CASE("a 320x240 embed still lays out the timeline and map") {
    Harness h(320, 240);
    h.m.set_embed(true);
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.ui.timeline_height <= 240 * 0.45f);
    CHECK(h.ui.track.x1 > h.ui.track.x0);
}

TEST_CASE("a line batch draws the same vertices and indices as one AddPolyline per line") {
    Harness h;
    ImGui::NewFrame();
    ImDrawList batched(ImGui::GetDrawListSharedData()), direct(ImGui::GetDrawListSharedData());
    for (ImDrawList* dl : {&batched, &direct}) {
        dl->_ResetForNewFrame();
        dl->PushClipRectFullScreen();
        dl->PushTextureID(ImGui::GetIO().Fonts->TexID);
    }
    REQUIRE((batched.Flags & ImDrawListFlags_AntiAliasedLinesUseTex) != 0);
    ca::ui::LineBatch lb;
    unsigned seed = 12345;
    auto rnd = [&] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % 10000 / 10000.0f;
    };
    const float widths[] = {1, 2, 3, 9, 10, 0.5f, 1.6f, 70};  // whole pixels (the textured path) and others
    for (int batch = 0; batch < 200; ++batch) {
        const float w = widths[batch % 8];
        const ImU32 col = IM_COL32(batch, 255 - batch, 40, 200);
        const int lines = 1 + batch % 5;
        for (int l = 0; l < lines; ++l) {
            ImVec2 pts[64];
            const int n = static_cast<int>(rnd() * 63) + 1;  // one point too: nothing drawn
            for (int i = 0; i < n; ++i) {
                pts[i] = ImVec2(rnd() * 1200, rnd() * 800);
                if (i > 0 && rnd() < 0.1f) pts[i] = pts[i - 1];  // zero-length segments
            }
            lb.add(pts, n);
            direct.AddPolyline(pts, n, col, 0, w);
        }
        lb.flush(&batched, col, w);
    }
    REQUIRE(batched.VtxBuffer.Size == direct.VtxBuffer.Size);
    REQUIRE(batched.IdxBuffer.Size == direct.IdxBuffer.Size);
    REQUIRE(batched._VtxCurrentIdx == direct._VtxCurrentIdx);
    CHECK(batched.CmdBuffer.back().ElemCount == direct.CmdBuffer.back().ElemCount);
    CHECK(std::memcmp(batched.VtxBuffer.Data, direct.VtxBuffer.Data, sizeof(ImDrawVert) * direct.VtxBuffer.Size) == 0);
    CHECK(std::memcmp(batched.IdxBuffer.Data, direct.IdxBuffer.Data, sizeof(ImDrawIdx) * direct.IdxBuffer.Size) == 0);
    ImGui::EndFrame();
}

// ---- Phones, small boxes and the About card (issue 15, findings 4, 5, 7, 8) ----

namespace {

ImGuiWindow* window_named(const char* name) {
    ImGuiWindow* w = ImGui::FindWindowByName(name);
    REQUIRE(w != nullptr);
    return w;
}

bool inside_screen(const ImGuiWindow* w, float sw, float sh) {
    return w->Pos.x >= 0 && w->Pos.y >= 0 && w->Pos.x + w->Size.x <= sw && w->Pos.y + w->Size.y <= sh;
}

// A tap: press at (x, y), release there, a frame each.
void tap(Harness& h, float x, float y) {
    h.mouse(x, y, false);
    h.frame();
    h.mouse(x, y, true);
    h.frame();
    h.mouse(x, y, false);
    h.frame();
}

// Presses Escape for one frame (the headless harness has no backend key map: give it one).
void press_escape(Harness& h) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeysDown[27] = true;
    h.frame();
    io.KeysDown[27] = false;
    h.frame();
}

// The active tooltip window, or null.
ImGuiWindow* active_tooltip() {
    for (ImGuiWindow* w : GImGui->Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return w;
    return nullptr;
}

// The harness speaking l: its catalogue (loaded into cat) active, its font (face) in the whole
// atlas, as the page loads them. set_active_catalogue(En, nullptr) puts English back.
void speak(Harness& h, ca::Locale l, ca::Catalogue& cat, ca::ui::ExtraFace& face) {
    load_language(l, cat, face);
    h.m.set_locale(l);
    h.m.set_shown_locale(l);
    ca::set_active_catalogue(l, l == ca::Locale::En ? nullptr : &cat);
    const ca::ui::ExtraFaces extra{&face, face.data ? 1u : 0u};
    ca::ui::load_fonts(h.ui.fonts, h.m.data(), 1.0f, 19, extra, {}, ca::ui::FontScope::All);
}

// The text of the tooltip the pointer at (x, y) opens (glyphs only: no spaces).
std::string tooltip_text(Harness& h, float x, float y) {
    h.mouse(x, y, false);
    h.frame();
    h.frame();
    ImGuiWindow* tip = active_tooltip();
    REQUIRE(tip != nullptr);
    return ca::test::drawn_text(tip->DrawList);
}

}  // namespace

TEST_CASE("a phone starts with the legend folded, tapping its title unfolds and folds it") {
    Harness h(390, 844);
    for (int i = 0; i < 3; ++i) h.frame();
    ImGuiWindow* legend = window_named("###Legend & filters");
    CHECK(legend->Collapsed);
    CHECK_FALSE(h.ui.legend_open);
    const float tx = legend->Pos.x + legend->Size.x * 0.4f, ty = legend->Pos.y + legend->TitleBarHeight() / 2;
    tap(h, tx, ty);
    h.frame();
    CHECK_FALSE(legend->Collapsed);
    CHECK(h.ui.legend_open);
    for (int i = 0; i < 30; ++i) h.frame();  // half a second: a second tap, not a double-tap
    tap(h, tx, ty);
    h.frame();
    CHECK(legend->Collapsed);
    CHECK_FALSE(h.ui.legend_open);
}

TEST_CASE("a desktop starts with the legend open, its title folds it") {
    Harness h(1280, 800);
    for (int i = 0; i < 3; ++i) h.frame();
    ImGuiWindow* legend = window_named("###Legend & filters");
    CHECK_FALSE(legend->Collapsed);
    tap(h, legend->Pos.x + 60, legend->Pos.y + legend->TitleBarHeight() / 2);
    h.frame();
    CHECK(legend->Collapsed);
}

TEST_CASE("an open legend on a phone takes no tap or double-tap outside its rectangle") {
    Harness h(390, 844);
    h.ui.legend_open = true;
    h.ui.layout_started = true;
    for (int i = 0; i < 3; ++i) h.frame();
    ImGuiWindow* legend = window_named("###Legend & filters");
    REQUIRE_FALSE(legend->Collapsed);
    const ca::Filters before = h.m.view().filters;
    const float x = legend->Pos.x + legend->Size.x + 20, y = legend->Pos.y + 40;
    REQUIRE(x < 380);
    for (int i = 0; i < 2; ++i) {  // a double-tap
        h.mouse(x, y, true);
        h.frame();
        h.mouse(x, y, false);
        h.frame();
    }
    CHECK(h.m.view().filters == before);
}

TEST_CASE("the About card fits 320x568 with its close button on screen") {
    Harness h(320, 568);
    h.ui.show_help = true;
    for (int i = 0; i < 4; ++i) h.frame();
    ImGuiWindow* about = window_named("###About chipatlas");
    REQUIRE(about->Active);
    CHECK(inside_screen(about, 320, 568));
    // The close button sits at the title bar's right end: inside the screen with the window.
    CHECK(about->Pos.y + about->TitleBarHeight() <= 568);
}

TEST_CASE("the About card closes by Escape at every size, without closing the details") {
    for (ImVec2 sz : {ImVec2(320, 568), ImVec2(390, 844), ImVec2(1280, 800)}) {
        Harness h(sz.x, sz.y);
        REQUIRE(h.m.select("ase"));
        h.ui.show_help = true;
        for (int i = 0; i < 3; ++i) h.frame();
        REQUIRE(window_named("###About chipatlas")->Active);
        press_escape(h);
        CHECK_FALSE(h.ui.show_help);
        CHECK_FALSE(window_named("###About chipatlas")->Active);
        CHECK(h.m.selection().valid());
    }
}

TEST_CASE("the About card closes by a tap outside it, and that tap does nothing else") {
    for (ImVec2 sz : {ImVec2(320, 568), ImVec2(390, 844), ImVec2(1280, 800)}) {
        Harness h(sz.x, sz.y);
        h.ui.show_help = true;
        for (int i = 0; i < 3; ++i) h.frame();
        ImGuiWindow* about = window_named("###About chipatlas");
        REQUIRE(about->Active);
        const double scale_before = h.m.camera().scale;
        // Below the card, above the timeline: the map.
        const float y = std::min(sz.y - 140, about->Pos.y + about->Size.y + 10);
        const float x = y > about->Pos.y + about->Size.y ? sz.x / 2 : 4;
        tap(h, x, y);
        h.frame();
        CHECK_FALSE(h.ui.show_help);
        CHECK_FALSE(about->Active);
        CHECK_FALSE(h.m.selection().valid());
        CHECK(h.m.camera().scale == scale_before);
    }
}

TEST_CASE("details text wraps inside the panel at widths from 320 to 1920") {
    for (float w : {320.0f, 390.0f, 1280.0f, 1920.0f}) {
        Harness h(w, 800);
        h.m.set_mode(ca::TimeMode::Cumulative);
        h.m.set_time(h.m.axis().t1);
        const ca::Dataset& ds = h.m.data();
        auto check_selection = [&](const std::string& what) {
            for (int i = 0; i < 3; ++i) h.frame();
            ImGuiWindow* d = window_named("###Details");
            REQUIRE(d->Active);
            INFO(what << " at width " << w);
            // Every item's right edge (the furthest any reached) within the content's right edge
            // (ImGui rounds a wrapped text's width up to the next pixel).
            CHECK(d->DC.CursorMaxPos.x <= d->WorkRect.Max.x + 1.0f);
        };
        for (size_t i = 0; i < ds.organisations.size(); ++i) {
            h.m.select_org(static_cast<int>(i));
            check_selection("organisation " + ds.organisations[i].id);
        }
        for (size_t i = 0; i < ds.collaborations.size(); ++i) {
            h.m.select_collab(static_cast<int>(i));
            check_selection("collaboration " + ds.collaborations[i].id);
        }
    }
}

TEST_CASE("a 320x240 embed keeps at least half its height for the map") {
    for (bool web : {false, true}) {
        Harness h(320, 240);
        h.ui.opt.web = web;
        h.m.set_embed(true);
        for (int i = 0; i < 5; ++i) h.frame();
        const ImGuiWindow* bar = window_named("##toolbar");
        const ImGuiWindow* tl = window_named("Timeline");
        INFO((web ? "web" : "native"));
        CHECK(tl->Pos.y - (bar->Pos.y + bar->Size.y) >= 120);
        CHECK(tl->Pos.y - h.ui.toolbar_bottom >= 120);
        CHECK(inside_screen(tl, 320, 240));
        CHECK(h.ui.track.x1 > h.ui.track.x0);
    }
}

TEST_CASE("the >| tooltip sits above the timeline, off the speed, loop and date controls") {
    for (ImVec2 sz : {ImVec2(390, 844), ImVec2(1280, 800)}) {
        Harness h(sz.x, sz.y);
        for (int i = 0; i < 3; ++i) h.frame();
        const ImGuiWindow* tl = window_named("Timeline");
        const ImGuiStyle& st = ImGui::GetStyle();
        // |< then Play (3.6 font sizes wide) then >|: the middle of >|.
        const float fs = ImGui::GetFontSize();
        float x = tl->Pos.x + st.WindowPadding.x + ImGui::CalcTextSize("|<").x + st.FramePadding.x * 2 + st.ItemSpacing.x;
        x += fs * 3.6f + st.ItemSpacing.x + st.FramePadding.x + ImGui::CalcTextSize(">|").x / 2;
        const float y = tl->Pos.y + st.WindowPadding.y + ImGui::GetFrameHeight() / 2;
        h.mouse(x, y, false);
        for (int i = 0; i < 60; ++i) h.frame();  // past the tooltip delay
        ImGuiWindow* tip = active_tooltip();
        REQUIRE(tip != nullptr);
        INFO("at " << sz.x << "x" << sz.y);
        CHECK(tip->Pos.y + tip->Size.y <= tl->Pos.y);
    }
}

// The small face (timeline years, labels' Latin second lines) is built with only what it draws:
// the atlas's start-up build skips its copy of the dataset's other CJK (docs/benchmarks.md).
TEST_CASE("the small face holds every organisation's short name and the digits, and no other CJK") {
    Harness h;
    const ca::ui::Fonts& f = h.ui.fonts;
    REQUIRE(f.small != nullptr);
    REQUIRE(f.small != f.regular);
    auto has_all = [](ImFont* font, const std::string& text) {
        for (const char* p = text.c_str(); *p;) {
            unsigned int cp = 0;
            const int n = ImTextCharFromUtf8(&cp, p, nullptr);
            if (n <= 0) return false;
            p += n;
            if (cp >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) return false;
        }
        return true;
    };
    CHECK(has_all(f.small, "0123456789"));
    for (const ca::Organisation& o : h.m.data().organisations) {
        INFO(o.id << ": " << o.short_name());
        CHECK(has_all(f.small, o.short_name()));
    }
    // Its CJK glyphs are the short names' and the language picker's, none of the other text's.
    std::string drawn = "繁體中文简体中文한국어日本語";
    for (const ca::Organisation& o : h.m.data().organisations) drawn += o.short_name();
    int cjk_small = 0, cjk_regular = 0;
    for (const ImFontGlyph& g : f.regular->Glyphs) cjk_regular += g.Codepoint >= 0x2E80;
    for (const ImFontGlyph& g : f.small->Glyphs) {
        if (g.Codepoint < 0x2E80) continue;
        ++cjk_small;
        char utf8[8] = {};
        ImTextCharToUtf8(utf8, g.Codepoint);
        INFO("U+" << std::hex << g.Codepoint);
        CHECK(drawn.find(utf8) != std::string::npos);
    }
    CHECK(cjk_small < cjk_regular);
}

// The native window's toolbar (title, search, presets, Reset, View, ?) at any width: a 700 px
// window cut "View" and "?" off at its right edge (the row went on whatever the width).
TEST_CASE("the native toolbar stays inside the window at widths from 320 to 1920") {
    for (float w : {320.0f, 390.0f, 520.0f, 600.0f, 640.0f, 700.0f, 760.0f, 800.0f, 900.0f, 1024.0f, 1280.0f, 1920.0f}) {
        Harness h(w, 800);
        h.ui.opt.web = false;
        for (int i = 0; i < 4; ++i) h.frame();
        const ImGuiWindow* bar = window_named("##toolbar");
        INFO("width " << w << ": toolbar from " << bar->Pos.x << " to " << bar->Pos.x + bar->Size.x);
        CHECK(inside_screen(bar, w, 800));
        CHECK(bar->Size.y < 200);  // at most a few rows
    }
}

// ui::text_wrapped (core/text_wrap.h): a Japanese paragraph fills its lines (ImGui's wrap broke at
// its two spaces, leaving short lines), inside the width; Latin text is wrapped exactly as ImGui does.
// Trying a 640x400 embed: the details panel's "Part of ASE Technology Holding Co., Ltd." link
// (ImGui's wrap) broke after "Co." and began its second line with ", Ltd.". ui::wrap_text, which
// the links and text_wrapped use, breaks at spaces only in Latin text; every line fits the width.
TEST_CASE("wrap_text: no line starts with a comma or stop, as ImGui's wrap did in a details link") {
    Harness h;
    const std::string label = "Part of ASE Technology Holding Co., Ltd.";
    ImGui::NewFrame();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    bool imgui_did = false;
    for (float width = 60; width <= 400; width += 1) {
        // ImGui's own wrap, as ImGui::CalcTextSize / AddText apply it.
        const char* text = label.c_str();
        const char* end = text + label.size();
        for (const char* s = text; s < end;) {
            const char* e = font->CalcWordWrapPositionA(size / font->FontSize, s, end, width);
            if (e == s) ++e;
            while (e < end && *e == ' ') ++e;
            if (e < end && (*e == ',' || *e == '.')) imgui_did = true;
            s = e;
        }
        const std::string ours = ca::ui::wrap_text(label, width);
        INFO("width " << width << ": " << ours);
        size_t start = 0;
        while (start <= ours.size()) {
            const size_t nl = std::min(ours.find('\n', start), ours.size());
            const std::string line = ours.substr(start, nl - start);
            CHECK_FALSE(line.empty());
            CHECK(line.front() != ',');
            CHECK(line.front() != '.');
            // A line is wider than the width only when it is one word.
            if (line.find(' ') != std::string::npos) CHECK(ImGui::CalcTextSize(line.c_str()).x <= width + 0.5f);
            start = nl + 1;
        }
    }
    ImGui::EndFrame();
    CHECK(imgui_did);  // the defect this replaces: ImGui's wrap began a line with ", Ltd."
}

TEST_CASE("text_wrapped: Chinese and Japanese fill their lines within the width, Latin as ImGui wraps it") {
    Harness h;
    const std::string ja =
        "すべての事実は 4 件の公開文書に基づいています（各項目の出典を参照）。 † の付いた値は一般的な知識によるものです。";
    const std::string en =
        "Every fact traces to one of 4 public documents (see each item's sources). Values marked with a dagger are general knowledge.";
    float ours = 0, theirs = 0, ours_w = 0, avail = 0, en_ours = 0, en_theirs = 0;
    for (int frame = 0; frame < 2; ++frame) {
        ImGui::NewFrame();
        ImGui::SetNextWindowSize(ImVec2(230, 0));
        ImGui::Begin("wrap test", nullptr, ImGuiWindowFlags_NoSavedSettings);
        avail = ImGui::GetContentRegionAvail().x;
        ca::ui::text_wrapped(ja);
        ours = ImGui::GetItemRectSize().y, ours_w = ImGui::GetItemRectSize().x;
        ImGui::TextWrapped("%s", ja.c_str());
        theirs = ImGui::GetItemRectSize().y;
        ca::ui::text_wrapped(en);
        en_ours = ImGui::GetItemRectSize().y;
        ImGui::TextWrapped("%s", en.c_str());
        en_theirs = ImGui::GetItemRectSize().y;
        ImGui::End();
        ImGui::Render();
    }
    const float line = ImGui::GetTextLineHeight();
    INFO("lines: ours " << ours / line << ", ImGui's " << theirs / line);
    CHECK(ours < theirs - line * 0.5f);  // at least a line fewer
    CHECK(ours_w <= avail + 0.5f);
    CHECK(en_ours == en_theirs);
}

// A collapsed cluster's tooltip speaks the interface language (it said "N organisations — click
// to spread" in English whatever the language): the text its window draws.
TEST_CASE("a cluster's tooltip is in the interface language") {
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::Ko}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        Harness h;
        speak(h, l, cat, face);
        for (int i = 0; i < 3; ++i) h.frame();
        const ca::SceneGroup* cluster = nullptr;
        for (const ca::SceneGroup& g : h.ui.map_scene.scene().groups)
            if (g.collapsed && g.centre.x > 100 && g.centre.x < 1180 && g.centre.y > 150 && g.centre.y < 650) cluster = &g;
        REQUIRE(cluster != nullptr);
        const std::string n = std::to_string(cluster->count());
        const std::string text = tooltip_text(h, static_cast<float>(cluster->centre.x), static_cast<float>(cluster->centre.y));
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        INFO(ca::locale_id(l) << ": " << text);
        // Glyphs only: the drawn text has no spaces.
        if (l == ca::Locale::En) {
            CHECK(text.find(n + "organisations—clicktospread") != std::string::npos);
        } else {
            CHECK(text.find("기관" + n + "곳—클릭하면펼칩니다") != std::string::npos);
            CHECK(text.find("click") == std::string::npos);
        }
    }
}

namespace {
// A text as drawn_text reads it back: its glyphs, without the spaces, which draw none.
std::string glyphs(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}
}  // namespace

// A collaboration's facts and timeline events are read in the interface language where the data
// translates them (they were English in every language): the text the details panel draws.
TEST_CASE("the details panel draws facts' labels and events' titles in the interface language") {
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::Ko, ca::Locale::Ja}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        Harness h(1280, 3000);  // tall enough for the whole panel: ImGui draws only what is in view
        speak(h, l, cat, face);
        const ca::Dataset& ds = h.m.data();
        const int metc = ds.find_collab("metc");
        REQUIRE(metc >= 0);
        const ca::Collaboration& c = ds.collaborations[static_cast<size_t>(metc)];
        REQUIRE_FALSE(c.facts.empty());
        const auto ev = std::find_if(ds.events.begin(), ds.events.end(), [&](const ca::Event& e) { return e.collaboration == metc; });
        REQUIRE(ev != ds.events.end());
        h.m.select_collab(metc);
        for (int i = 0; i < 4; ++i) h.frame();
        const std::string text = ca::test::drawn_text(window_named("###Details")->DrawList);
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        INFO(ca::locale_id(l) << ": " << text);
        CHECK(text.find(glyphs(c.facts[0].label_in(l))) != std::string::npos);
        CHECK(text.find(glyphs(ev->title_in(l))) != std::string::npos);
        if (l == ca::Locale::En) continue;
        CHECK(c.facts[0].label_in(l) != c.facts[0].label);
        CHECK(ev->title_in(l) != ev->title);
        CHECK(text.find(glyphs(c.facts[0].label)) == std::string::npos);  // not the English label
        CHECK(text.find(glyphs(ev->title)) == std::string::npos);
    }
}

// An organisation's city is read in the interface language (it was English in every language).
TEST_CASE("the details panel draws an organisation's city and note in the interface language") {
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::Ko, ca::Locale::ZhHans}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        Harness h;
        speak(h, l, cat, face);
        const ca::Dataset& ds = h.m.data();
        const int tsmc = ds.find_org("tsmc");
        REQUIRE(tsmc >= 0);
        const ca::Organisation& o = ds.organisations[static_cast<size_t>(tsmc)];
        h.m.select_org(tsmc);
        for (int i = 0; i < 4; ++i) h.frame();
        const std::string text = ca::test::drawn_text(window_named("###Details")->DrawList);
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        INFO(ca::locale_id(l) << ": " << text);
        CHECK(text.find(o.city_in(l) + ",") != std::string::npos);                  // "City, region" (glyphs only)
        CHECK(text.find(glyphs(o.note_in(l)).substr(0, 24)) != std::string::npos);  // its note too
        if (l == ca::Locale::En) continue;
        CHECK(o.city_in(l) != o.city);
        CHECK(o.note_in(l) != o.note);
        CHECK(text.find(o.city + ",") == std::string::npos);  // not "Hsinchu, ..." (its note, English, names it)
    }
}

// A group's descriptive name ("Korean fabless firms (unnamed)") is text: it was English in every
// language on the map's labels, off-map labels and details. Now the interface language's.
TEST_CASE("a group's descriptive name is drawn in the interface language on the map and in the details") {
    for (const ca::Locale l : {ca::Locale::En, ca::Locale::Ko, ca::Locale::Ja}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        Harness h;
        speak(h, l, cat, face);
        const ca::Dataset& ds = h.m.data();
        const int fabless = ds.find_org("kr_fabless");
        REQUIRE(fabless >= 0);
        const ca::Organisation& o = ds.organisations[static_cast<size_t>(fabless)];
        h.m.select_org(fabless);
        h.m.fly_to_org(fabless);
        for (int i = 0; i < 60; ++i) h.frame();
        const std::string text = ca::test::drawn_text(window_named("###Details")->DrawList);
        const std::string& shown = o.shown_name(l);
        // Every label of a group on the map, off-map ones too, is its name in l's language.
        size_t group_labels = 0;
        for (const ca::SceneLabel& lb : h.ui.map_scene.scene().labels) {
            if (lb.org < 0 || ds.organisations[static_cast<size_t>(lb.org)].kind != ca::OrgKind::Group) continue;
            ++group_labels;
            CHECK(lb.line1 == ds.organisations[static_cast<size_t>(lb.org)].shown_short_name(l));
        }
        for (const ca::SceneEdgeLabel& lb : h.ui.map_scene.scene().edge_labels)
            if (ds.organisations[static_cast<size_t>(lb.org)].kind == ca::OrgKind::Group)
                CHECK(lb.text == "→ " + ds.organisations[static_cast<size_t>(lb.org)].shown_short_name(l));
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        INFO(ca::locale_id(l) << ": " << text);
        CHECK(group_labels > 0);
        CHECK(text.find(glyphs(shown)) != std::string::npos);  // the panel's heading
        if (l == ca::Locale::En) continue;
        CHECK(shown != o.name);
        CHECK(text.find(glyphs(o.name)) == std::string::npos);
    }
}

// A collaboration's note (where its dates and roles come from) is drawn in the interface language.
TEST_CASE("the details panel draws a collaboration's note in the interface language") {
    for (const ca::Locale l : {ca::Locale::Ja, ca::Locale::ZhHant}) {
        ca::Catalogue cat;
        ca::ui::ExtraFace face;
        Harness h;
        speak(h, l, cat, face);
        const ca::Dataset& ds = h.m.data();
        const int metc = ds.find_collab("metc");
        REQUIRE(metc >= 0);
        const ca::Collaboration& c = ds.collaborations[static_cast<size_t>(metc)];
        h.m.select_collab(metc);
        for (int i = 0; i < 4; ++i) h.frame();
        ImGui::SetScrollY(window_named("###Details"), 1e6f);  // the note closes the panel
        for (int i = 0; i < 2; ++i) h.frame();
        const std::string text = ca::test::drawn_text(window_named("###Details")->DrawList);
        ca::set_active_catalogue(ca::Locale::En, nullptr);
        const std::string note = glyphs(c.note_in(l));
        INFO(ca::locale_id(l) << ": " << text);
        CHECK(c.note_in(l) != c.note);
        CHECK(text.find(note.substr(0, 24)) != std::string::npos);
        REQUIRE(c.note_in(l).size() > 512);
        CHECK(text.find(note.substr(note.size() - 24)) != std::string::npos);  // whole (512 bytes were drawn)
    }
}

// An event's tooltip on the timeline gives its title in the interface language.
TEST_CASE("the timeline's event tooltip is in the interface language") {
    ca::Catalogue cat;
    ca::ui::ExtraFace face;
    Harness h;
    speak(h, ca::Locale::Ko, cat, face);
    for (int i = 0; i < 3; ++i) h.frame();
    const ca::Dataset& ds = h.m.data();
    const ca::TimelineLayout& l = h.ui.timeline.layout();
    const ca::TimelineTuning& tuning = h.ui.timeline_tuning;
    // A marker with no other near it (two events on one day share a spot; the last one is hovered).
    const ca::TimelineEventMark* mark = nullptr;
    for (const ca::TimelineEventMark& e : l.events) {
        const bool alone = std::none_of(l.events.begin(), l.events.end(), [&](const ca::TimelineEventMark& o) {
            return &o != &e && std::abs(o.x - e.x) < 4 * tuning.event_half_width;
        });
        if (alone && !mark) mark = &e;
    }
    REQUIRE(mark != nullptr);
    const ca::Event& ev = ds.events[static_cast<size_t>(mark->event)];
    const std::string text = tooltip_text(h, mark->x, l.y0 + (tuning.event_top + tuning.event_bottom) / 2);
    ca::set_active_catalogue(ca::Locale::En, nullptr);
    std::string want = ev.title_in(ca::Locale::Ko);
    want.erase(std::remove(want.begin(), want.end(), ' '), want.end());
    INFO(text);
    CHECK(ev.title_in(ca::Locale::Ko) != ev.title);
    CHECK(text.find(want) != std::string::npos);
}

// Under forced colours (a visitor's contrast theme, here Windows' "Desert", none of whose colours
// is white or black) every vertex of the map, its panels and controls is drawn in the system's
// colours or between two of them (the lands' tint, an ended node's grey), at any opacity:
// nothing keeps a colour of the themes' own.
TEST_CASE("forced colours: the map, legend, timeline and details draw in the system's colours alone") {
    ca::SystemColours sys;
    std::string why;
    REQUIRE(ca::parse_system_colours("#fffaef,#3d3d3d,#1c5e75,#676767,#903909,#fff5e3,#fffaef,#202020", sys, why));
    const uint32_t list[] = {sys.canvas,    sys.canvas_text,    sys.link_text,   sys.gray_text,
                             sys.highlight, sys.highlight_text, sys.button_face, sys.button_text};
    auto channel = [](uint32_t c, int shift) { return static_cast<float>((c >> shift) & 255); };
    // On the segment between two of them, within 2/255 per channel.
    auto allowed = [&](ImU32 col) {
        const float r = static_cast<float>((col >> IM_COL32_R_SHIFT) & 255), g = static_cast<float>((col >> IM_COL32_G_SHIFT) & 255),
                    b = static_cast<float>((col >> IM_COL32_B_SHIFT) & 255);
        for (uint32_t a : list)
            for (uint32_t c : list)
                for (int step = 0; step <= 256; ++step) {
                    const float t = step / 256.f;
                    auto at = [&](int shift) { return channel(a, shift) + (channel(c, shift) - channel(a, shift)) * t; };
                    if (std::fabs(at(16) - r) <= 2 && std::fabs(at(8) - g) <= 2 && std::fabs(at(0) - b) <= 2) return true;
                }
        return false;
    };
    for (bool dark : {false, true}) {  // the dark pass with the About card open over the map
        Harness h;
        ca::ui::set_forced_colours(&sys);
        ca::ui::apply_style(dark, 1);
        h.m.set_mode(ca::TimeMode::Cumulative);
        h.m.set_time((h.m.axis().t0 + h.m.axis().t1) / 2);  // some ended, some active, clusters
        const int astri = h.m.data().find_org("astri");
        REQUIRE(astri >= 0);
        h.m.select_org(astri);
        h.m.set_about_open(dark);
        for (int i = 0; i < 4; ++i) h.frame();
        if (dark) REQUIRE(window_named("###About chipatlas") != nullptr);
        std::map<ImU32, int> off;
        int vertices = 0;
        const ImDrawData* dd = ImGui::GetDrawData();
        for (int l = 0; l < dd->CmdListsCount; ++l)
            for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) {
                ++vertices;
                if (((v.col >> IM_COL32_A_SHIFT) & 255) && !allowed(v.col | IM_COL32_A_MASK)) ++off[v.col | IM_COL32_A_MASK];
            }
        ca::ui::set_forced_colours(nullptr);
        std::string seen;
        char buf[16];
        for (const auto& [c, n] : off) {
            std::snprintf(buf, sizeof buf, "#%02x%02x%02x ", c & 255, (c >> 8) & 255, (c >> 16) & 255);
            seen += buf + std::to_string(n) + "; ";
        }
        INFO((dark ? "dark: " : "light: ") << seen);
        CHECK(vertices > 1000);
        CHECK(off.empty());
    }
}

// A label with its ImGui id: cut at 320 bytes, a long label (en-XA, a long translation) lost its
// "###id", so the window or button took another id with each language.
TEST_CASE("with_id keeps the id after a label of any length, valid until the fourth call after") {
    const std::string label(400, 'x');
    const char* a = ca::ui::with_id(label.c_str(), "###details");
    const char* b = ca::ui::with_id("Play", "###play");
    CHECK(std::string(a) == label + "###details");
    CHECK(std::string(b) == "Play###play");
    ca::ui::with_id("c", "##c");
    ca::ui::with_id("d", "##d");
    CHECK(std::string(b) == "Play###play");  // three calls on, still valid
}

// An organisation's tooltip on the map: its name and city in the interface language (the city
// was the English one in every language).
TEST_CASE("an organisation's tooltip gives its city in the interface language") {
    ca::Catalogue cat;
    ca::ui::ExtraFace face;
    Harness h;
    speak(h, ca::Locale::Ko, cat, face);
    const ca::Dataset& ds = h.m.data();
    const ca::SceneNode* node = nullptr;  // a marker of its own with a city, flown to
    for (size_t oi = 0; oi < ds.organisations.size() && !node; ++oi) {
        if (ds.organisations[oi].city.empty() || !ds.organisations[oi].has_coords) continue;
        h.m.fly_to_org(static_cast<int>(oi));
        for (int i = 0; i < 90; ++i) h.frame();
        for (const ca::SceneNode& n : h.ui.map_scene.scene().nodes)
            if (n.org == static_cast<int>(oi)) node = &n;
    }
    REQUIRE(node != nullptr);
    const ca::Organisation& o = ds.organisations[static_cast<size_t>(node->org)];
    const std::string text = tooltip_text(h, node->p.x, node->p.y);
    ca::set_active_catalogue(ca::Locale::En, nullptr);
    INFO(o.id << ": " << text);
    REQUIRE(o.city_in(ca::Locale::Ko) != o.city);
    CHECK(text.find(glyphs(o.city_in(ca::Locale::Ko))) != std::string::npos);
    CHECK(text.find(glyphs(o.city)) == std::string::npos);
}
