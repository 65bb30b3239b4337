// The canvas's colours against WCAG 2.1 AA, which axe-core cannot see inside it: text 4.5:1
// (1.4.3), the map's marks, legend swatches and controls' boundaries and states 3:1 (1.4.11).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/contrast.h"
#include "core/map_scene.h"
#include "core/model.h"
#include "imgui.h"
#include "ui/theme.h"

namespace {

ca::Rgb rgb(ImU32 c) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return {v.x, v.y, v.z};
}
ca::Rgb rgb(const ImVec4& v) { return {v.x, v.y, v.z}; }
double alpha(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c).w; }
ca::Rgb over(ImU32 fg, ca::Rgb bg) { return ca::over(rgb(fg), alpha(fg), bg); }
ca::Rgb over(const ImVec4& fg, ca::Rgb bg) { return ca::over(rgb(fg), fg.w, bg); }

struct Failure {
    std::string what;
    double ratio, needed;
};

// Collects every pair under its minimum, so that one run lists them all.
struct Audit {
    std::vector<Failure> failures;
    int checked = 0;
    void need(const std::string& what, ca::Rgb a, ca::Rgb b, double min) {
        ++checked;
        const double r = ca::contrast_ratio(a, b);
        if (r < min) failures.push_back({what, r, min});
    }
    std::string report() const {
        std::string s;
        char buf[64];
        for (const Failure& f : failures) {
            std::snprintf(buf, sizeof buf, ": %.2f:1, needs %.1f:1\n", f.ratio, f.needed);
            s += f.what + buf;
        }
        return s;
    }
};

struct ImGuiScope {
    ImGuiScope() { ImGui::CreateContext(); }
    ~ImGuiScope() { ImGui::DestroyContext(); }
};

// The two themes, and forced colours in Windows' contrast themes (their system colours: Canvas,
// CanvasText, LinkText, GrayText, Highlight, HighlightText, ButtonFace, ButtonText).
struct Scheme {
    const char* name;
    bool dark;
    const char* forced;  // the page's list, or nullptr
};
const std::vector<Scheme>& schemes() {
    static const std::vector<Scheme> v = {
        {"light", false, nullptr},
        {"dark", true, nullptr},
        {"forced: High Contrast Black", false, "#000000,#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff"},
        {"forced: High Contrast White", true, "#ffffff,#000000,#00009f,#600000,#37006e,#ffffff,#ffffff,#000000"},
        {"forced: Aquatic", false, "#202020,#ffffff,#75e9fc,#a6a6a6,#8ee3f0,#263b50,#202020,#ffffff"},
        {"forced: Desert", false, "#fffaef,#3d3d3d,#1c5e75,#676767,#903909,#fff5e3,#fffaef,#202020"},
        {"forced: Dusk", false, "#2d3236,#b6f6f0,#70ebde,#a6a6a6,#a1bfde,#212d3b,#2d3236,#b6f6f0"},
        {"forced: Night sky", false, "#000000,#ffffff,#8080ff,#a6a6a6,#d6b4fd,#2b2b2b,#000000,#ffee32"},
    };
    return v;
}
// Leaves the themes' own colours to the tests after this one.
struct ForcedReset {
    ~ForcedReset() { ca::ui::set_forced_colours(nullptr); }
};
// Sets the scheme's forced colours (or none) for palette() and apply_style().
void use(const Scheme& sc) {
    if (!sc.forced) {
        ca::ui::set_forced_colours(nullptr);
        return;
    }
    static ca::SystemColours c;
    std::string why;
    REQUIRE(ca::parse_system_colours(sc.forced, c, why));
    ca::ui::set_forced_colours(&c);
}

// What the map is drawn on: its sea and its lands (the focus regions lighter or darker).
std::vector<std::pair<const char*, ca::Rgb>> map_grounds(const ca::ui::Palette& p) {
    return {{"sea", rgb(p.sea)}, {"land", rgb(p.land)}, {"focus land", rgb(p.land_focus)}, {"Hong Kong's land", rgb(p.land_hk)}};
}

}  // namespace

TEST_CASE("contrast: the map's arcs, markers, labels and frame stand out from every ground") {
    const ca::MapTuning t;
    const ForcedReset reset;
    for (const Scheme& sc : schemes()) {
        use(sc);
        const bool dark = sc.dark;
        const ca::ui::Palette& p = ca::ui::palette(dark);
        Audit a;
        for (const auto& [ground, bg] : map_grounds(p)) {
            const std::string on = std::string(" on ") + ground + " (" + sc.name + ")";
            for (int k = 0; k < static_cast<int>(ca::CollabKind::Count); ++k) {
                const auto kind = static_cast<ca::CollabKind>(k);
                const ca::Rgb arc = ca::over(rgb(ca::ui::collab_colour(kind, dark)), t.arc_alpha_active, bg);
                a.need(std::string("arc ") + ca::enum_label_en(kind) + on, arc, bg, 3);
            }
            for (int k = 0; k < static_cast<int>(ca::OrgKind::Count); ++k) {
                const auto kind = static_cast<ca::OrgKind>(k);
                a.need(std::string("marker ") + ca::enum_label_en(kind) + on, rgb(ca::ui::org_colour(kind, dark)), bg, 3);
            }
            const ca::Rgb halo = over(p.halo, bg);
            a.need("label" + on, rgb(p.text), halo, 4.5);
            a.need("label's second line" + on, rgb(p.text_dim), halo, 4.5);
            a.need("Greater Bay Area frame" + on, over(p.frame, bg), bg, 3);
            a.need("Greater Bay Area name" + on, rgb(p.frame_text), bg, 4.5);
            a.need("coast" + on, rgb(p.coast), bg, sc.forced ? 3 : 1);  // the lands' only outline when forced
            const ca::Rgb disc = over(p.cluster, bg);
            a.need("a cluster's count" + on, rgb(p.cluster_text), disc, 4.5);
            a.need("an ended cluster's count" + on, rgb(p.cluster_text), over(p.faded, bg), sc.forced ? 4.5 : 1);
        }
        INFO(a.report());
        CHECK(a.checked > 60);
        CHECK(a.failures.empty());
    }
}

TEST_CASE("contrast: panels' text, legend swatches and kind names on the panel over the map") {
    const ForcedReset reset;
    for (const Scheme& sc : schemes()) {
        use(sc);
        const bool dark = sc.dark;
        const ca::ui::Palette& p = ca::ui::palette(dark);
        Audit a;
        for (const auto& [ground, map] : map_grounds(p)) {
            const ca::Rgb panel = over(p.panel_bg, map);
            const std::string on = std::string(" on a panel over ") + ground + " (" + sc.name + ")";
            a.need("text" + on, rgb(p.text), panel, 4.5);
            a.need("dimmed text" + on, rgb(p.text_dim), panel, 4.5);
            a.need("editor's confirmation" + on, rgb(p.ok_text), panel, 4.5);
            a.need("editor's warning" + on, rgb(p.warn_text), panel, 4.5);
            // A collaboration's kind is written in its colour (the details): text.
            for (int k = 0; k < static_cast<int>(ca::CollabKind::Count); ++k) {
                const auto kind = static_cast<ca::CollabKind>(k);
                a.need(std::string("kind name ") + ca::enum_label_en(kind) + on, rgb(ca::ui::collab_colour(kind, dark)), panel, 4.5);
            }
            for (int k = 0; k < static_cast<int>(ca::OrgKind::Count); ++k) {
                const auto kind = static_cast<ca::OrgKind>(k);
                a.need(std::string("legend marker ") + ca::enum_label_en(kind) + on, rgb(ca::ui::org_colour(kind, dark)), panel, 3);
            }
            // The timeline's track (the sea's colour over the panel): its bars (filled, or outlined
            // when open to the left), event marks and playhead (ui/timeline_view.cpp).
            const ca::Rgb track = ca::over(rgb(p.sea), ca::ui::kTrackAlpha, panel);
            for (int k = 0; k < static_cast<int>(ca::CollabKind::Count); ++k) {
                const auto kind = static_cast<ca::CollabKind>(k);
                const ca::Rgb col = rgb(ca::ui::collab_colour(kind, dark));
                a.need(std::string("timeline bar ") + ca::enum_label_en(kind) + on, ca::over(col, ca::ui::kBarAlpha, track), track, 3);
                a.need(std::string("timeline bar's outline ") + ca::enum_label_en(kind) + on,
                       ca::over(col, ca::ui::kBarOutlineAlpha, track), track, 3);
                a.need(std::string("timeline event ") + ca::enum_label_en(kind) + on, col, track, 3);
            }
            a.need("timeline playhead" + on, rgb(p.highlight), track, 3);
        }
        INFO(a.report());
        CHECK(a.failures.empty());
    }
}

TEST_CASE("contrast: ImGui's controls in each state: text, boundaries, check marks and grabs") {
    ImGuiScope scope;
    const ForcedReset reset;
    for (const Scheme& sc : schemes()) {
        use(sc);
        const bool dark = sc.dark;
        ca::ui::apply_style(dark, 1);
        const ImGuiStyle& s = ImGui::GetStyle();
        const ImVec4* c = s.Colors;
        const ca::ui::Palette& p = ca::ui::palette(dark);
        Audit a;
        for (const auto& [ground, map] : map_grounds(p)) {
            const ca::Rgb panel = over(c[ImGuiCol_WindowBg], map);
            const std::string on = std::string(" over ") + ground + " (" + sc.name + ")";
            const ca::Rgb text = rgb(c[ImGuiCol_Text]);
            a.need("text on a window" + on, text, panel, 4.5);
            a.need("dimmed text on a window" + on, rgb(c[ImGuiCol_TextDisabled]), panel, 4.5);
            a.need("text on a popup" + on, text, over(c[ImGuiCol_PopupBg], map), 4.5);
            for (int col : {ImGuiCol_TitleBg, ImGuiCol_TitleBgActive, ImGuiCol_TitleBgCollapsed})
                a.need(std::string("text on ") + ImGui::GetStyleColorName(col) + on, text, over(c[col], map), 4.5);
            // Buttons, selectables and fields in every state: their text.
            for (int col : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive, ImGuiCol_Header, ImGuiCol_HeaderHovered,
                            ImGuiCol_HeaderActive, ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive})
                a.need(std::string("text on ") + ImGui::GetStyleColorName(col) + on, text, over(c[col], panel), 4.5);
            // A check box, radio button or field is a box: its border marks it on the window.
            a.need("a frame's border" + on, over(c[ImGuiCol_Border], panel), panel, 3);
            for (int col : {ImGuiCol_FrameBg, ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive}) {
                const ca::Rgb box = over(c[col], panel);
                const std::string in = std::string(" in ") + ImGui::GetStyleColorName(col) + on;
                a.need("check mark" + in, rgb(c[ImGuiCol_CheckMark]), box, 3);
                a.need("slider grab" + in, rgb(c[ImGuiCol_SliderGrab]), box, 3);
                a.need("active slider grab" + in, rgb(c[ImGuiCol_SliderGrabActive]), box, 3);
            }
            const ca::Rgb track = over(c[ImGuiCol_ScrollbarBg], panel);
            for (int col : {ImGuiCol_ScrollbarGrab, ImGuiCol_ScrollbarGrabHovered, ImGuiCol_ScrollbarGrabActive})
                a.need(std::string(ImGui::GetStyleColorName(col)) + on, over(c[col], track), track, 3);
            a.need("keyboard focus ring" + on, over(c[ImGuiCol_NavHighlight], panel), panel, 3);
            // A link's text (the details' participants, collaborations, events): on the panel and
            // on its row's hovered and pressed backgrounds.
            const ca::Rgb link = rgb(ca::ui::link_colour());
            a.need("link" + on, link, panel, 4.5);
            for (int col : {ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive})
                a.need(std::string("link on ") + ImGui::GetStyleColorName(col) + on, link, over(c[col], panel), 4.5);
        }
        CHECK(s.FrameBorderSize >= 1);  // the frames' borders are drawn
        INFO(a.report());
        CHECK(a.failures.empty());
    }
}

TEST_CASE("contrast: the kinds' colours stay apart from each other") {
    // Kinds differ by dash and shape too (WCAG 1.4.1); darkening colours for contrast must not
    // merge two of them. (Forced colours draw every kind in one colour, as the page's DOM.)
    ca::ui::set_forced_colours(nullptr);
    for (bool dark : {false, true}) {
        std::vector<std::string> close;
        auto apart = [&](const std::vector<std::pair<std::string, ca::Rgb>>& v) {
            for (size_t i = 0; i < v.size(); ++i)
                for (size_t j = i + 1; j < v.size(); ++j)
                    if (ca::colour_difference(v[i].second, v[j].second) < 13) close.push_back(v[i].first + " / " + v[j].first);
        };
        std::vector<std::pair<std::string, ca::Rgb>> collab, org;
        for (int k = 0; k < static_cast<int>(ca::CollabKind::Count); ++k)
            collab.push_back(
                {ca::enum_label_en(static_cast<ca::CollabKind>(k)), rgb(ca::ui::collab_colour(static_cast<ca::CollabKind>(k), dark))});
        for (int k = 0; k < static_cast<int>(ca::OrgKind::Count); ++k)
            org.push_back({ca::enum_label_en(static_cast<ca::OrgKind>(k)), rgb(ca::ui::org_colour(static_cast<ca::OrgKind>(k), dark))});
        apart(collab);
        apart(org);
        INFO((dark ? "dark" : "light"));
        CHECK(close.empty());
    }
}

TEST_CASE("contrast: forced colours draw in the system's colours alone, whatever the theme") {
    const ForcedReset reset;
    for (const Scheme& sc : schemes()) {
        if (!sc.forced) continue;
        use(sc);
        ca::SystemColours sys;
        std::string why;
        REQUIRE(ca::parse_system_colours(sc.forced, sys, why));
        INFO(sc.name);
        for (bool dark : {false, true}) {
            const ca::ui::Palette& p = ca::ui::palette(dark);
            CHECK(rgb(p.sea).r == Approx(ca::rgb_hex(sys.canvas).r));
            CHECK(rgb(p.text).g == Approx(ca::rgb_hex(sys.canvas_text).g));
            CHECK(rgb(p.highlight).b == Approx(ca::rgb_hex(sys.highlight).b));
            CHECK(rgb(p.link).r == Approx(ca::rgb_hex(sys.link_text).r));
            for (int k = 0; k < static_cast<int>(ca::CollabKind::Count); ++k)
                CHECK(ca::ui::collab_colour(static_cast<ca::CollabKind>(k), dark) == p.link);
            for (int k = 0; k < static_cast<int>(ca::OrgKind::Count); ++k)
                CHECK(ca::ui::org_colour(static_cast<ca::OrgKind>(k), dark) == p.text);
        }
    }
    ca::ui::set_forced_colours(nullptr);
    CHECK(ca::ui::palette(false).sea != ca::ui::palette(true).sea);  // the themes' own again
}
