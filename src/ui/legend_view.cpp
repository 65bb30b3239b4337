// The legend, doubling as the filters: collaboration kinds, organisation kinds and regions,
// each with its count at the current time; the stats strip under it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/chrome_layout.h"
#include "core/search.h"
#include "imgui_internal.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

void record_panel(UiContext& ui) {
    ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    ui.panels.push_back({p.x, p.y, p.x + s.x, p.y + s.y});
}

namespace {

void swatch_line(ImDrawList* dl, ImVec2 p, ImU32 col, Dash d) {
    float x = p.x, end = p.x + 26;
    if (d.on <= 0) {
        dl->AddLine(ImVec2(x, p.y), ImVec2(end, p.y), col, 2.5f);
        return;
    }
    while (x < end) {
        dl->AddLine(ImVec2(x, p.y), ImVec2(std::min(end, x + d.on), p.y), col, 2.5f);
        x += d.on + d.off;
    }
}

// A small button whose label wraps at the panel's right edge (a long name is not cut).
bool wrapped_small_button(const char* label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x - 2 * st.FramePadding.x);
    const ImVec2 text = ImGui::CalcTextSize(label, nullptr, false, wrap);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x, 0));
    const bool clicked = ImGui::Button("##b", ImVec2(std::min(text.x, wrap) + 2 * st.FramePadding.x, text.y));
    ImGui::PopStyleVar();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + st.FramePadding.x, pos.y),
                                        ImGui::GetColorU32(ImGuiCol_Text), label, nullptr, wrap);
    return clicked;
}

// The legend's widest (its size constraint); it sizes itself to its content up to that.
constexpr float kLegendMaxWidth = 270;

// Where the legend's text wraps (window-local x): its widest, less the padding and the
// scrollbar when it has one.
float legend_wrap_x() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return kLegendMaxWidth - st.WindowPadding.x - (ImGui::GetCurrentWindow()->ScrollbarY ? st.ScrollbarSize : 0.0f);
}

// A selectable whose label wraps at the legend's widest (a long label in a longer language
// takes two lines instead of running past the panel).
bool wrapped_selectable(const char* label) {
    const float wrap = std::max(1.0f, legend_wrap_x() - ImGui::GetCursorPosX());
    const ImVec2 size = ImGui::CalcTextSize(label, nullptr, false, wrap);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##sel", false, 0, ImVec2(std::min(size.x, wrap), size.y));
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, ImGui::GetColorU32(ImGuiCol_Text), label, nullptr,
                                        wrap);
    return clicked;
}

}  // namespace

float legend_top(const AppModel& m, const UiContext& ui) {
    // Below the toolbar, and clear of the page's chrome (web: search row, dataset bar, notes).
    return clear_top(10, 280, ui.toolbar_bottom + 6, 30, m.page_chrome());
}

void draw_legend(AppModel& m, UiContext& ui) {
    const Dataset& ds = m.data();
    const bool dark = m.dark();
    const Visibility& vis = m.visibility();
    const ViewState& v = m.view();
    ImGuiIO& io = ImGui::GetIO();
    const float top = legend_top(m, ui);
    ImGui::SetNextWindowPos(ImVec2(10, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(200, 0),
                                        ImVec2(kLegendMaxWidth, std::max(120.0f, io.DisplaySize.y - top - ui.timeline_height - 20)));
    // On a narrow screen the details sheet spans the width: the legend folds while it is open
    // (the user's choice comes back when the details close) instead of showing through it.
    const bool fold_for_details = details_span_width(io.DisplaySize.x) && m.selection().valid();
    ImGui::SetNextWindowCollapsed(!ui.legend_open || fold_for_details, ImGuiCond_Always);
    // ImGui folds it by its small arrow or a double-click (Begin returns the result); a single
    // tap (or click) anywhere else on the title folds and unfolds it too.
    bool open = ImGui::Begin(with_id(tr("Legend & filters"), "###Legend & filters"), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    // (Begin returns true on a new window's first frames even when collapsed: ask the window.)
    const bool collapsed = ImGui::IsWindowCollapsed();
    if (!fold_for_details) ui.legend_open = !collapsed;
    if (title_tapped() && !fold_for_details) ui.legend_open = !ui.legend_open;
    record_panel(ui);
    if (collapsed) ui.legend_bar = ui.panels.back();
    if (!open || collapsed) {
        ImGui::End();
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Text wraps inside the panel's widest (its size constraint, less the padding): a longer
    // language's headings take two lines.
    ImGui::PushTextWrapPos(legend_wrap_x());
    // Totals per kind and region come with the dataset's flat index; organisations active per
    // kind take one pass over the organisations.
    FlatIndex scratch;
    const FlatIndex& fi = flat_index(ds, scratch);
    const int* kind_total = fi.collab_kind_total;
    const int* org_total = fi.org_kind_total;
    const int* region_total = fi.org_region_total;
    int org_active[enum_count<OrgKind>()] = {};
    for (size_t i = 0; i < fi.org_kind.size(); ++i) org_active[static_cast<int>(fi.org_kind[i])] += vis.org[i] == Vis::Active;
    ImGui::TextDisabled("%s", tr("Collaborations (click to hide)"));
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
        if (wrapped_selectable(label)) m.toggle_collab_kind(ck);
        if (hidden) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s %s", trf("%d shown at this date, %d in all.", vis.kind_count[k], total).c_str(),
                              hidden ? tr("Click to show.") : tr("Click to hide."));
        swatch_line(dl, ImVec2(p.x + 2, p.y + ImGui::GetTextLineHeight() / 2),
                    hidden ? with_alpha(collab_colour(ck, dark), 0.3f) : collab_colour(ck, dark), collab_dash(ck));
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Organisations"));
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
        if (wrapped_selectable(label)) m.toggle_org_kind(ok);
        if (hidden) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s %s", trf("%d active at this date of %d.", active, n).c_str(),
                              hidden ? tr("Click to show.") : tr("Click to hide."));
        float r = ImGui::GetTextLineHeight() * 0.3f;
        ImU32 col = org_colour(ok, dark);
        if (hidden) col = with_alpha(col, 0.3f);
        draw_shape(dl, ImVec2(p.x + 9, p.y + ImGui::GetTextLineHeight() / 2), r, org_shape(ok), col, col);
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Regions"));
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
    ImGui::Text(tr("%d active · %d ended"), vis.active, vis.faded);
    std::vector<int> top_orgs = top_organisations(ds, vis, 3);
    if (!top_orgs.empty()) {
        ImGui::TextDisabled("%s", tr("Most connected:"));
        for (int o : top_orgs) {
            ImGui::PushID(o);
            const std::string b = ds.organisations[o].shown_short_name(active_locale()) + " (" + std::to_string(vis.org_degree[o]) + ")";
            if (wrapped_small_button(b.c_str())) {
                m.select_org(o);
                m.fly_to_org(o);
            }
            ImGui::PopID();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
}

}  // namespace ca::ui
