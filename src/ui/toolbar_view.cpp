// The toolbar: region presets, search, names (English / native / both), theme and help.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/search.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

void draw_toolbar(AppModel& m, UiContext& ui) {
    const ViewState& v = m.view();
    ImGuiIO& io = ImGui::GetIO();
    // In the web page the DOM search box and export buttons sit at the top-left: go right.
    // Below the DOM bar when the window is too narrow for both on one row.
    if (ui.opt.web)
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 8, io.DisplaySize.x < 900 ? 52.0f : 8.0f), ImGuiCond_Always, ImVec2(1, 0));
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
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        ImGui::InputTextWithHint("##search", "Search names, 中文, 한국어, 日本語", ui.search, sizeof ui.search);
        if (ui.search[0]) {
            ImVec2 p = ImGui::GetItemRectMin(), s = ImGui::GetItemRectSize();
            ImGui::SetNextWindowPos(ImVec2(p.x, p.y + s.y + 2));
            ImGui::Begin("##results", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing);
            auto hits = search(m.data(), ui.search, 12);
            if (hits.empty()) ImGui::TextDisabled("No match");
            for (auto& h : hits) {
                ImGui::PushID(h.index * 2 + h.is_org);
                std::string label =
                    h.is_org ? display_name(m.data().organisations[h.index], NameLang::Both) : m.data().collaborations[h.index].title;
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
        ImGui::SameLine();
    }
    if (io.DisplaySize.x < 520) {
        // Small boxes (embeds down to 320 px): the presets fold into one menu.
        if (ImGui::Button("Region")) ImGui::OpenPopup("##regions");
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
    if (ImGui::Button("Reset")) m.reset_view();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reset the view (0)");
    ImGui::SameLine();
    if (ImGui::Button("View")) ImGui::OpenPopup("##viewmenu");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Names, theme, motion");
    if (ImGui::BeginPopup("##viewmenu")) {
        ImGui::TextDisabled("Names");
        const char* langs[] = {"English", "Native script (繁體中文, 简体中文, 한국어, 日本語)", "Both"};
        for (int l = 0; l < 3; ++l)
            if (ImGui::RadioButton(langs[l], static_cast<int>(v.lang) == l)) m.set_lang(static_cast<NameLang>(l));
        ImGui::Separator();
        ImGui::TextDisabled("Theme");
        const char* themes[] = {"Follow the system", "Light", "Dark"};
        for (int t = 0; t < 3; ++t)
            if (ImGui::RadioButton(themes[t], static_cast<int>(v.theme) == t)) m.set_theme(static_cast<Theme>(t));
        ImGui::Separator();
        bool rm = v.reduced_motion;
        if (ImGui::Checkbox("Reduced motion (no animated arcs or flights)", &rm)) m.set_reduced_motion(rm);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("?")) ui.show_help = !ui.show_help;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What is this? How to use it");
    ui.toolbar_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    record_panel(ui);
    ImGui::End();
}

}  // namespace ca::ui
