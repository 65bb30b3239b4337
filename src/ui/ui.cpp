// Frame layout of the UI: the map fills the window; toolbar, legend, details and timeline
// float over it. Embed mode and small boxes get compact chrome.
#include "ui/ui.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "imgui_internal.h"

#include "core/chrome_layout.h"
#include "core/embedded.h"
#include "core/text_wrap.h"
#include "ui/theme.h"

namespace ca::ui {

void init_ui(UiContext& ui) {
    EmbeddedSet assets = embedded_assets();
    if (const EmbeddedFile* f = assets.find("assets/basemap.bin")) {
        if (!parse_basemap(f->data, f->size, ui.basemap, ui.basemap_error)) ui.basemap = Basemap{};
    } else {
        ui.basemap_error = "basemap asset missing";
    }
    // The coarser land around the region's frame (tools/basemap/README.md): wide, tall and
    // zoomed-out views show land there, not the frame's edge.
    if (const EmbeddedFile* f = assets.find("assets/basemap_outer.bin")) {
        Basemap outer;
        std::string error;
        if (parse_basemap(f->data, f->size, outer, error))
            append_basemap(ui.basemap, std::move(outer));
        else if (ui.basemap_error.empty())
            ui.basemap_error = error;
    }
}

namespace {

void note_clip(UiContext& ui, const char* what, const char* side, float by) {
    if (ui.audit.clipped.size() >= 32) return;
    char b[160];
    std::snprintf(b, sizeof b, "%.80s: %s edge cuts %.0f px", what, side, by);
    ui.audit.clipped.emplace_back(b);
}

// The `audit` test aid: where each panel is, and every window whose items reach past what it
// shows (text cut at its right edge, or below its bottom without a scrollbar), or that reaches
// past the display.
// And a window whose content changed size this frame sizes itself (and its scrollbar) from
// it only in the next, and a window that appears is drawn from the next: ask for up to three
// more frames, or a new selection's details could wait for the next input to get their scrollbar.
void audit_windows(UiContext& ui) {
    ImGuiContext& g = *GImGui;
    const ImVec2 d = g.IO.DisplaySize;
    bool unsettled = false;
    for (ImGuiWindow* w : g.Windows) {
        // A window that appears sizes itself hidden in its first frame and is drawn from the
        // next: a card opened by the page (the About dialog's state, a host's setState) with no
        // input on the map would otherwise wait for the next input to be seen.
        if (w->Active && w->Appearing && w->Hidden && !w->IsFallbackWindow) unsettled = true;
        if (!w->Active || w->Hidden || w->IsFallbackWindow ||
            (w->Flags & ImGuiWindowFlags_ChildWindow && w->ParentWindow && !w->ParentWindow->Active))
            continue;
        if (!w->Collapsed && w->ContentSizeExplicit.x == 0 && w->ContentSizeExplicit.y == 0) {
            const ImVec2 content(IM_FLOOR(w->DC.CursorMaxPos.x - w->DC.CursorStartPos.x),
                                 IM_FLOOR(w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y));
            unsettled = unsettled || content.x != w->ContentSize.x || content.y != w->ContentSize.y;
        }
        if (!(w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip)) && std::strcmp(w->Name, "##map") != 0 &&
            ui.audit.panels.size() < 32) {
            const ImRect r = w->Rect();  // a collapsed window's is its title bar
            ui.audit.panels.push_back({std::strncmp(w->Name, "##", 2) == 0 ? w->Name + 2 : w->Name, r.Min.x, r.Min.y, r.Max.x, r.Max.y});
        }
        const ImRect& clip = w->InnerClipRect;
        if (w->Collapsed) continue;  // only its title bar is drawn
        const float right = w->DC.CursorMaxPos.x - clip.Max.x, below = w->DC.CursorMaxPos.y - clip.Max.y;
        if (right > 1 && !w->ScrollbarX) note_clip(ui, w->Name, "right", right);
        if (below > 1 && !w->ScrollbarY) note_clip(ui, w->Name, "bottom", below);
        if (w->Rect().Max.x > d.x + 1) note_clip(ui, w->Name, "display's right", w->Rect().Max.x - d.x);
        if (w->Rect().Max.y > d.y + 1) note_clip(ui, w->Name, "display's bottom", w->Rect().Max.y - d.y);
        if (w->Pos.x < -1 || w->Pos.y < -1) note_clip(ui, w->Name, "display's top-left", std::max(-w->Pos.x, -w->Pos.y));
    }
    ui.settle_frames = unsettled ? ui.settle_frames + 1 : 0;
    if (unsettled && ui.settle_frames <= 3) ui.more_frames = true;
}

}  // namespace

void audit_text(UiContext& ui, const char* what, ImVec2 min, ImVec2 max) {
    const ImRect& clip = ImGui::GetCurrentWindow()->InnerClipRect;
    if (max.x > clip.Max.x + 1) note_clip(ui, what, "right", max.x - clip.Max.x);
    if (max.y > clip.Max.y + 1) note_clip(ui, what, "bottom", max.y - clip.Max.y);
    if (min.x < clip.Min.x - 1) note_clip(ui, what, "left", clip.Min.x - min.x);
}

bool title_tapped(float right_reserved) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImRect title = w->TitleBarRect();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float arrow_right = title.Min.x + st.FramePadding.x + ImGui::GetFontSize() + st.ItemInnerSpacing.x;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 press = io.MouseClickedPos[ImGuiMouseButton_Left];
    const bool over = ImGui::IsWindowHovered() && title.Contains(io.MousePos);
    if (over) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return over && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && title.Contains(press) && press.x > arrow_right &&
           press.x < title.Max.x - right_reserved && !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left);
}

// ImGui's active field keeps the text it took the keyboard with and writes it back every frame.
void let_go_if_changed_under(const char* label, std::string_view value) {
    const ImGuiID id = ImGui::GetID(label);
    if (ImGui::GetActiveID() != id) return;
    const ImGuiInputTextState* s = ImGui::GetInputTextState(id);
    if (s && s->TextAIsValid && value != std::string_view(s->TextA.Data)) ImGui::ClearActiveID();
}

const char* with_id(const char* label, const char* id) {
    static std::string buf[4];  // whole at any length: a cut label would lose its id
    static int next = 0;
    std::string& b = buf[next++ & 3];
    b.assign(label).append(id);
    return b.c_str();
}

// The details sheet on a narrow screen (core/story_card.h): across the width, below the folded
// legend's bar, above the timeline and a story's card. A new selection during a story's step
// (the step's own) starts folded to its bar above the card; one the visitor picks starts open.
static void place_details_sheet(const AppModel& m, UiContext& ui, const ChromeLayout& chrome) {
    const Selection s = m.selection();
    const int key = !s.valid() ? -1 : s.is_org ? s.index : -2 - s.index;
    if (key != ui.details_sel_key) {
        ui.details_sel_key = key;
        ui.details_folded = m.story() && !m.away_from_step();
    }
    if (!m.story()) ui.details_folded = false;
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    ui.details_sheet_shown = s.valid() && details_span_width(d.x);
    if (!ui.details_sheet_shown) return;
    DetailsSheetInput in;
    in.h = d.y;
    in.bar_h = ImGui::GetFrameHeight();
    in.free_top = clear_top(10, d.x - 10, ui.toolbar_bottom + 4, 30, m.page_chrome());
    // The legend folds while the sheet is open (legend_view.cpp): its bar's place.
    if (chrome.legend_shown) in.legend_bar_bottom = legend_top(m, ui) + in.bar_h;
    in.bottom = d.y - ui.timeline_height - 18;
    in.story_card_h = m.story() ? ui.story_card_h : 0;
    in.folded = ui.details_folded;
    ui.details_sheet = details_sheet_place(in);
}

void draw_ui(AppModel& m, UiContext& ui) {
    ui.audit.clipped.clear();
    ui.audit.panels.clear();
    ui.audit.tour = {0, 0, 0, 0};
    ImGuiIO& io = ImGui::GetIO();
    ui.panels.clear();
    const ChromeLayout chrome = chrome_layout(io.DisplaySize.x, io.DisplaySize.y, m.view().embed);
    ui.tiny = chrome.tiny;
    ui.timeline_height = chrome.timeline_height + ui.timeline_extra;
    // Phones and small boxes start with the legend folded; the title unfolds it.
    if (!ui.layout_started) ui.legend_open = !chrome.legend_folded;
    ui.layout_started = true;
    if (!chrome.legend_shown) ui.legend_open = false;

    const bool legend = chrome.legend_shown && ui.legend_open;
    m.set_insets(legend && io.DisplaySize.x >= 700 ? 280 : 0, ui.toolbar_bottom, m.selection().valid() && io.DisplaySize.x >= 640 ? 390 : 0,
                 ui.timeline_height + 16 + (ui.story_card_h > 0 ? ui.story_card_h + kPanelGap : 0));
    // The map window sits at the back and never takes focus from panels.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##map", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar(2);
    // Panels are drawn after the map, but labels must avoid them: use last frame's rects.
    ui.panels = ui.last_panels;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    m.visibility();  // recomputed here when the time or filters changed
    const auto t1 = Clock::now();
    draw_map(m, ui, ImVec2(0, 0), ImVec2(io.DisplaySize.x, io.DisplaySize.y));
    ui.visibility_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    ui.map_ms = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
    ImGui::End();
    ui.panels.clear();
    ui.legend_bar = {0, 0, 0, 0};
    draw_toolbar(m, ui);
    place_details_sheet(m, ui, chrome);  // after the map, whose click may have selected
    if (chrome.legend_shown && !(ui.details_sheet_shown && ui.details_sheet.hide_legend)) draw_legend(m, ui);
    draw_details(m, ui);
    draw_story(m, ui);
    draw_timeline(m, ui, ImVec2(8, io.DisplaySize.y - ui.timeline_height - 8), ImVec2(io.DisplaySize.x - 16, ui.timeline_height));
    // The About card opens and closes by the model too (the page's dialog, the `about` commands):
    // a change of the model's flag since the last frame wins; then the card's own state goes back.
    if (m.about_open() != ui.about_synced) ui.show_help = m.about_open();
    draw_help(m, ui);
    m.set_about_open(ui.show_help);
    ui.about_synced = ui.show_help;
    // Labels keep off last frame's panels (above): when the panels changed (a card closed, a panel
    // appeared or moved), draw again so that the labels follow them without waiting for input
    // (after the About card closed, the labels it had covered stayed away; session 18).
    const auto same = [](const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; };
    const bool moved = !std::equal(ui.panels.begin(), ui.panels.end(), ui.panels_drawn.begin(), ui.panels_drawn.end(), same);
    ui.panel_change_frames = moved ? ui.panel_change_frames + 1 : 0;
    if (moved && ui.panel_change_frames <= 3) ui.more_frames = true;
    ui.panels_drawn = ui.panels;
    ui.last_panels = ui.panels;
    audit_windows(ui);
}

std::string wrap_text(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const auto advance = [&](char32_t c) {
        return (c < 0x10000 ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX) * scale;
    };
    std::string joined;
    bool first = true;
    for (const TextLine& l : wrap_lines(text, width, advance)) {
        if (!first) joined += '\n';
        first = false;
        joined.append(text.substr(l.begin, l.end - l.begin));
    }
    return joined;
}

void text_wrapped(std::string_view text) {
    const float width = ImGui::GetContentRegionAvail().x;
    // No room yet (a window's first, hidden frame): ImGui's own wrap.
    if (width < ImGui::GetFontSize() * 2) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopTextWrapPos();
        return;
    }
    const std::string lines = wrap_text(text, width);
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
}

}  // namespace ca::ui
