// Legend (doubling as the filters, with counts at the current time), the stats strip, the
// toolbar (region presets, search, names and theme) and the help card.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/search.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

void record_panel(UiContext& ui) {
    ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    ui.panels.push_back({p.x, p.y, p.x + s.x, p.y + s.y});
}

void swatch_line(ImDrawList* dl, ImVec2 p, ImU32 col, Dash d) {
    float x = p.x, end = p.x + 26;
    if (d.on <= 0) { dl->AddLine(ImVec2(x, p.y), ImVec2(end, p.y), col, 2.5f); return; }
    while (x < end) {
        dl->AddLine(ImVec2(x, p.y), ImVec2(std::min(end, x + d.on), p.y), col, 2.5f);
        x += d.on + d.off;
    }
}

}  // namespace

void draw_legend(AppModel& m, UiContext& ui) {
    const Dataset& ds = m.data();
    const bool dark = m.dark();
    const Visibility& vis = m.visibility();
    const ViewState& v = m.view();
    ImGuiIO& io = ImGui::GetIO();
    const float top = ui.toolbar_bottom + 6;
    ImGui::SetNextWindowPos(ImVec2(10, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(200, 0), ImVec2(270, std::max(120.0f, io.DisplaySize.y - top - ui.timeline_height - 20)));
    // On a narrow screen the details sheet spans the width: the legend folds while it is open
    // (the user's choice comes back when the details close) instead of showing through it.
    const bool fold_for_details = details_span_width(io.DisplaySize.x) && m.selection().valid();
    ImGui::SetNextWindowCollapsed(!ui.legend_open || fold_for_details, ImGuiCond_Always);
    bool open = ImGui::Begin("Legend & filters", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (!fold_for_details) ui.legend_open = open;
    record_panel(ui);
    if (!open) { ImGui::End(); return; }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Totals per kind and region come with the dataset's flat index; organisations active per
    // kind take one pass over the organisations.
    FlatIndex scratch;
    const FlatIndex& fi = flat_index(ds, scratch);
    const int* kind_total = fi.collab_kind_total;
    const int* org_total = fi.org_kind_total;
    const int* region_total = fi.org_region_total;
    int org_active[enum_count<OrgKind>()] = {};
    for (size_t i = 0; i < fi.org_kind.size(); ++i) org_active[static_cast<int>(fi.org_kind[i])] += vis.org[i] == Vis::Active;
    ImGui::TextDisabled("Collaborations (click to hide)");
    for (int k = 0; k < enum_count<CollabKind>(); ++k) {
        CollabKind ck = static_cast<CollabKind>(k);
        bool hidden = v.filters.collab_kind_hidden(ck);
        const int total = kind_total[k];
        if (total == 0 && !hidden) continue;
        ImGui::PushID(k);
        ImVec2 p = ImGui::GetCursorScreenPos();
        char label[96];
        std::snprintf(label, sizeof label, "%s  %d", enum_label(ck), vis.kind_count[k]);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 34);
        if (hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        if (ImGui::Selectable(label, false)) m.toggle_collab_kind(ck);
        if (hidden) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%d shown at this date, %d in all. Click to %s.", vis.kind_count[k], total, hidden ? "show" : "hide");
        swatch_line(dl, ImVec2(p.x + 2, p.y + ImGui::GetTextLineHeight() / 2), hidden ? with_alpha(collab_colour(ck, dark), 0.3f) : collab_colour(ck, dark), collab_dash(ck));
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Organisations");
    for (int k = 0; k < enum_count<OrgKind>(); ++k) {
        OrgKind ok = static_cast<OrgKind>(k);
        const int n = org_total[k], active = org_active[k];
        if (n == 0) continue;
        ImGui::PushID(100 + k);
        ImVec2 p = ImGui::GetCursorScreenPos();
        char label[96];
        std::snprintf(label, sizeof label, "%s  %d/%d", enum_label(ok), active, n);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 22);
        bool hidden = v.filters.org_kind_hidden(ok);
        if (hidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        if (ImGui::Selectable(label, false)) m.toggle_org_kind(ok);
        if (hidden) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%d active at this date of %d. Click to %s.", active, n, hidden ? "show" : "hide");
        float r = ImGui::GetTextLineHeight() * 0.3f;
        ImU32 col = org_colour(ok, dark);
        if (hidden) col = with_alpha(col, 0.3f);
        draw_shape(dl, ImVec2(p.x + 9, p.y + ImGui::GetTextLineHeight() / 2), r, org_shape(ok), col, col);
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Regions");
    for (int r = 0; r < enum_count<Region>(); ++r) {
        Region rg = static_cast<Region>(r);
        if (!region_total[r]) continue;
        bool shown = !v.filters.region_hidden(rg);
        char label[64];
        std::snprintf(label, sizeof label, "%s (%d)##rg%d", enum_label(rg), vis.region_count[r], r);
        if (ImGui::Checkbox(label, &shown)) m.toggle_region(rg);
    }
    ImGui::Separator();
    // Stats strip for time t.
    ImGui::Text("%d active · %d ended", vis.active, vis.faded);
    std::vector<int> top_orgs = top_organisations(ds, vis, 3);
    if (!top_orgs.empty()) {
        ImGui::TextDisabled("Most connected:");
        for (int o : top_orgs) {
            ImGui::PushID(o);
            char b[128];
            std::snprintf(b, sizeof b, "%s (%d)", ds.organisations[o].short_name().c_str(), vis.org_degree[o]);
            if (ImGui::SmallButton(b)) { m.select_org(o); m.fly_to_org(o); }
            ImGui::PopID();
        }
    }
    ImGui::End();
}

void draw_toolbar(AppModel& m, UiContext& ui) {
    const ViewState& v = m.view();
    ImGuiIO& io = ImGui::GetIO();
    // In the web page the DOM search box and export buttons sit at the top-left: go right.
    // Below the DOM bar when the window is too narrow for both on one row.
    if (ui.opt.web) ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 8, io.DisplaySize.x < 900 ? 52.0f : 8.0f), ImGuiCond_Always, ImVec2(1, 0));
    else ImGui::SetNextWindowPos(ImVec2(10, 8));
    ImGui::Begin("##toolbar", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
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
            ImGui::Begin("##results", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
            auto hits = search(m.data(), ui.search, 12);
            if (hits.empty()) ImGui::TextDisabled("No match");
            for (auto& h : hits) {
                ImGui::PushID(h.index * 2 + h.is_org);
                std::string label = h.is_org ? display_name(m.data().organisations[h.index], NameLang::Both) : m.data().collaborations[h.index].title;
                if (ImGui::Selectable(label.c_str())) {
                    if (h.is_org) { m.select_org(h.index); m.fly_to_org(h.index); }
                    else m.select_collab(h.index);
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

static void HelpBullet(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text);
}

void draw_help(AppModel& m, UiContext& ui) {
    if (!ui.show_help) return;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, io.DisplaySize.x - 20), 0));
    // Opaque: it sits over the legend on a small screen, whose text would show through.
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    ImGui::Begin("About chipatlas", &ui.show_help, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("chipatlas maps semiconductor collaboration in Hong Kong and the Greater Bay Area, South Korea, Taiwan and Japan: "
                       "who works with whom (consortia, MoUs, joint research, courses, internships, scholarships, forums) and when.");
    ImGui::Spacing();
    HelpBullet("Drag to pan, scroll or pinch to zoom, double-click to zoom in.");
    HelpBullet("Press Play (Space) to watch collaborations appear over time.");
    HelpBullet("Snapshot: active on the date. Window: started recently. Cumulative: all so far.");
    HelpBullet("Click a dot, a cluster or a link's organisation for details and sources.");
    HelpBullet("Keys: arrows pan, + / - zoom, 0 reset, Shift+arrows jump between events, , . step a month.");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("Every fact comes from four public texts (see each item's sources). Values marked † are from general knowledge.");
    ImGui::TextWrapped("Basemap: Natural Earth (public domain). Fonts: Noto Sans CJK (SIL OFL).");
    ImGui::PopStyleColor();
    if (ImGui::Button("Start exploring")) ui.show_help = false;
    ui.panels.push_back({ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                         ImGui::GetWindowPos().y + ImGui::GetWindowSize().y});
    ImGui::End();
    (void)m;
}

}  // namespace ca::ui
