// The toolbar: region presets, search, names (English / native / both), theme and help.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>

#include "core/chrome_layout.h"
#include "core/search.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

// The current window is the toolbar: where it is (the panels below it and the editor's keep clear
// of it) and a panel like the others.
void record_toolbar(UiContext& ui) {
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ui.toolbar_bottom = p.y + sz.y;
    ui.toolbar_rect = {p.x, p.y, p.x + sz.x, ui.toolbar_bottom};
    record_panel(ui);
}

// The interface languages, each by its own name (en-XA, the test pseudo-locale, is not offered).
void language_items(AppModel& m) {
    ImGui::TextDisabled("%s", tr("Language"));
    for (Locale l : kPickerLocales)
        if (ImGui::RadioButton(with_id(locale_native_name(l), "##locale"), m.view().locale == l)) m.set_locale(l);
}

// The View menu: the interface language, names, theme and motion.
void view_menu_items(AppModel& m) {
    const ViewState& v = m.view();
    language_items(m);
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Names"));
    const char* langs[] = {trc("names", "English"), tr("Native script (繁體中文, 简体中文, 한국어, 日本語)"), trc("names", "Both")};
    for (int l = 0; l < 3; ++l)
        if (ImGui::RadioButton(with_id(langs[l], "##names"), static_cast<int>(v.lang) == l)) m.set_lang(static_cast<NameLang>(l));
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Theme"));
    const char* themes[] = {tr("Follow the system"), tr("Light"), tr("Dark")};
    for (int t = 0; t < 3; ++t)
        if (ImGui::RadioButton(themes[t], static_cast<int>(v.theme) == t)) m.set_theme(static_cast<Theme>(t));
    ImGui::Separator();
    bool rm = v.reduced_motion;
    if (ImGui::Checkbox(tr("Reduced motion (no animated arcs or flights)"), &rm)) m.set_reduced_motion(rm);
}

// A tiny box (a 320x240 embed): one "Menu" button at the top-right corner holding the region
// presets, reset, the time options (modes, speed, loop), the View menu and About, so the map
// keeps at least half the height.
void draw_tiny_toolbar(AppModel& m, UiContext& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 4, 4), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::Begin(
        "##toolbar", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    if (ImGui::Button(with_id(tr("Menu"), "###menu"))) ImGui::OpenPopup("##tinymenu");
    if (ImGui::BeginPopup("##tinymenu")) {
        ImGui::TextDisabled("%s", tr("Region"));
        for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p)
            if (ImGui::Selectable(preset_label(static_cast<RegionPreset>(p)))) m.fly_to(static_cast<RegionPreset>(p));
        if (ImGui::Selectable(tr("Reset the view"))) m.reset_view();
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr("Time"));
        draw_time_options(m);
        ImGui::Separator();
        view_menu_items(m);
        ImGui::Separator();
        if (ImGui::Selectable(tr("About chipatlas"))) ui.show_help = true;
        ImGui::EndPopup();
    }
    record_toolbar(ui);
    ImGui::End();
}

// The width of a row of buttons with these labels (ImGui's frame padding and item spacing).
float buttons_width(std::initializer_list<const char*> labels) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = 0;
    for (const char* l : labels) w += ImGui::CalcTextSize(l, nullptr, true).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    return w;
}

// The toolbar's buttons after the search: the presets (or one "Region" menu), Reset, View, ?.
float toolbar_buttons_width(bool presets_folded) {
    float w = buttons_width({tr("Reset"), tr("View"), "?"});
    if (presets_folded) return w + buttons_width({tr("Region")});
    for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p) w += buttons_width({preset_label(static_cast<RegionPreset>(p))});
    return w;
}

}  // namespace

void draw_toolbar(AppModel& m, UiContext& ui) {
    if (ui.tiny) {
        draw_tiny_toolbar(m, ui);
        return;
    }
    const ViewState& v = m.view();
    ImGuiIO& io = ImGui::GetIO();
    // Small boxes (embeds down to 320 px), and labels too long for one row (a landscape phone in
    // a longer language): the presets fold into one menu.
    const bool fold_presets = io.DisplaySize.x < 520 || toolbar_buttons_width(false) > io.DisplaySize.x - 24;
    // In the web page the DOM search box and export buttons sit at the top-left: go right.
    // Below the DOM bar when the window is too narrow for both on one row.
    // Once the page has reported its chrome (setChrome), clear of it; its size is last frame's.
    const std::vector<Rect>& page = m.page_chrome();
    const float x1 = io.DisplaySize.x - 8, y = page.empty() ? (io.DisplaySize.x < 900 ? 52.0f : 8.0f)
                                                            : clear_top(x1 - ui.toolbar_size.x, x1, 8, ui.toolbar_size.y, page);
    if (ui.opt.web)
        ImGui::SetNextWindowPos(ImVec2(x1, y), ImGuiCond_Always, ImVec2(1, 0));
    else
        ImGui::SetNextWindowPos(ImVec2(10, 8));
    ImGui::Begin(
        "##toolbar", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (!ui.opt.web && !v.embed) {
        ImGui::PushFont(ui.fonts.large);
        ImGui::TextUnformatted("chipatlas");
        ImGui::PopFont();
        ImGui::SameLine();
        // Narrow (a phone-sized window): the search takes the rest of the row with a short
        // hint, and the buttons go to a second row, so nothing runs off the right edge.
        const bool narrow = io.DisplaySize.x < 640;
        const float search_w = narrow ? std::max(60.0f, io.DisplaySize.x - ImGui::GetCursorScreenPos().x - 30) : ImGui::GetFontSize() * 12;
        ImGui::SetNextItemWidth(search_w);
        ImGui::InputTextWithHint("##search", narrow ? tr("Search") : tr("Search names, 中文, 한국어, 日本語"), ui.search, sizeof ui.search);
        if (ui.search[0]) {
            ImVec2 p = ImGui::GetItemRectMin(), s = ImGui::GetItemRectSize();
            ImGui::SetNextWindowPos(ImVec2(p.x, p.y + s.y + 2));
            ImGui::Begin("##results", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing);
            auto hits = search(m.data(), ui.search, 12, active_locale());
            if (hits.empty()) ImGui::TextDisabled("%s", tr("No match"));
            for (auto& h : hits) {
                ImGui::PushID(h.index * 2 + h.is_org);
                std::string label = h.is_org ? display_name(m.data().organisations[h.index], NameLang::Both)
                                             : m.data().collaborations[h.index].title_in(active_locale());
                if (ImGui::Selectable(label.c_str())) {
                    if (h.is_org) {
                        m.select_org(h.index);
                        m.fly_to_org(h.index);
                    } else
                        m.select_collab(h.index);
                    ui.search[0] = 0;
                }
                ImGui::PopID();
            }
            ImGui::End();
        }
        // The buttons follow on the same row when they fit before the window's right edge.
        if (!narrow) ImGui::SameLine();
        if (!narrow && ImGui::GetCursorScreenPos().x + toolbar_buttons_width(fold_presets) > io.DisplaySize.x - 12) ImGui::NewLine();
    }
    if (fold_presets) {
        if (ImGui::Button(with_id(tr("Region"), "###region"))) ImGui::OpenPopup("##regions");
        if (ImGui::BeginPopup("##regions")) {
            for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p)
                if (ImGui::Selectable(preset_label(static_cast<RegionPreset>(p)))) m.fly_to(static_cast<RegionPreset>(p));
            ImGui::EndPopup();
        }
    } else {
        for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p) {
            if (p) ImGui::SameLine();
            if (ImGui::Button(preset_label(static_cast<RegionPreset>(p)))) m.fly_to(static_cast<RegionPreset>(p));
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(with_id(tr("Reset"), "###reset"))) m.reset_view();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Reset the view (0)"));
    ImGui::SameLine();
    if (ImGui::Button(with_id(tr("View"), "###view"))) ImGui::OpenPopup("##viewmenu");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Language, names, theme, motion"));
    if (ImGui::BeginPopup("##viewmenu")) {
        view_menu_items(m);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("?")) ui.show_help = !ui.show_help;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("What is this? How to use it"));
    // Placed above by last frame's size: when that changed (longer labels in a new language; an
    // auto-sized window takes its new size a frame late), place it again in the next frame, which
    // the web draws only when asked (it stayed over the page's "Published data" until an input).
    const ImVec2 placed_by = ui.toolbar_size;
    ui.toolbar_size = ImGui::GetWindowSize();
    if (placed_by.x != ui.toolbar_size.x || placed_by.y != ui.toolbar_size.y) ui.more_frames = true;
    record_toolbar(ui);
    ImGui::End();
}

}  // namespace ca::ui
