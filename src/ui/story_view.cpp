// The story card: the step's caption (title, text, source links), "n / N", previous / next, step
// dots, "Back to step" once the reader has moved away, "Exit story"; keys and swipes step.
#include <algorithm>
#include <cmath>

#include "core/i18n.h"
#include "core/story_card.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

// Right/Left arrows and Page Down/Up step through a story while no widget takes the keys
// (the map's Up/Down arrows still pan; Shift+arrows still step between events).
void story_keys(AppModel& m) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    if (pressed(ImGuiKey_PageDown) || (!io.KeyShift && pressed(ImGuiKey_RightArrow))) m.next_step(1);
    if (pressed(ImGuiKey_PageUp) || (!io.KeyShift && pressed(ImGuiKey_LeftArrow))) m.next_step(-1);
}

// A horizontal swipe that starts on the card: left for the next step, right for the previous.
void story_swipe(AppModel& m, UiContext& ui) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        ui.story_swipe = true;
    if (!ui.story_swipe || !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
    ui.story_swipe = false;
    const float dx = io.MousePos.x - io.MouseClickedPos[0].x, dy = io.MousePos.y - io.MouseClickedPos[0].y;
    if (std::fabs(dx) > 60 && std::fabs(dx) > 2 * std::fabs(dy)) m.next_step(dx < 0 ? 1 : -1);
}

// The step dots: one per step, the current one filled; a click goes to that step.
void step_dots(AppModel& m, const Story& s, int step) {
    const float r = 4, gap = 14;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 on = ImGui::GetColorU32(ImGuiCol_Text), off = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (int i = 1; i <= static_cast<int>(s.steps.size()); ++i) {
        if (i > 1) ImGui::SameLine(0, 0);
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##dot", ImVec2(gap, gap))) m.go_to_step(s.id, i);
        if (ImGui::IsItemHovered()) {
            // TRANSLATORS: a story's step dot's tooltip: the step's number and its caption's title.
            ImGui::SetTooltip(
                "%s", trf("Step %d: %s", i, s.steps[static_cast<size_t>(i - 1)].caption.title_in(m.shown_locale()).c_str()).c_str());
        }
        const ImVec2 c(p.x + gap / 2, p.y + gap / 2);
        if (i == step)
            dl->AddCircleFilled(c, r, on, 12);
        else
            dl->AddCircle(c, r, off, 12, 1.5f);
        ImGui::PopID();
    }
}

// A small button's width for its label.
float small_button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

// On the row of the last item when an item w wide still fits the card (at its right with
// `at_right`), else on the next row (a longer language's words).
void same_line_if_fits(float w, bool at_right) {
    const float after = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (after + w > right) return;
    ImGui::SameLine(at_right ? right - w : 0);
}

// Previous, "n / N", next, and "Exit story" at the right.
void step_nav(AppModel& m, const Story& s, int step) {
    const int n = static_cast<int>(s.steps.size());
    ImGui::BeginDisabled(step <= 1);
    if (ImGui::SmallButton(trc("story step", "Previous"))) m.next_step(-1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    // TRANSLATORS: the story card's position: the step shown and the number of steps ("2 / 6").
    ImGui::TextUnformatted(trf("%d / %d", step, n).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(step >= n);
    if (ImGui::SmallButton(trc("story step", "Next"))) m.next_step(1);
    ImGui::EndDisabled();
    const char* exit = tr("Exit story");
    same_line_if_fits(small_button_width(exit), true);
    if (ImGui::SmallButton(exit)) m.exit_story();
}

}  // namespace

void draw_story(AppModel& m, UiContext& ui) {
    const Story* s = m.story();
    ui.story_card_h = 0;
    ui.audit.story_caption.clear();
    if (!s) ui.story_entered.clear();
    if (!s) return;
    story_keys(m);
    if (!(s = m.story())) return;  // the keys may have ended it
    const int step = m.view().step;
    const StoryCaption& cap = s->steps[static_cast<size_t>(step - 1)].caption;
    const Locale shown = m.shown_locale();  // the caption in the interface language when translated
    ImGuiIO& io = ImGui::GetIO();
    StoryCardInput in;
    in.w = io.DisplaySize.x;
    in.h = io.DisplaySize.y;
    in.timeline_h = ui.timeline_height;
    in.top = ui.toolbar_bottom;
    in.legend_right = ui.legend_open && !ui.tiny ? 280 : 0;
    in.details_left = m.selection().valid() && !details_span_width(in.w) ? in.w - std::min(380.0f, in.w * 0.4f) - 10 : 0;
    in.chrome = m.page_chrome();
    if (ui.legend_bar.x1 > ui.legend_bar.x0) in.chrome.push_back(ui.legend_bar);
    in.details_above = details_reserve(ui.details_sheet_shown && !ui.details_sheet.hidden, ui.details_folded, ImGui::GetFrameHeight());
    const StoryCardPlace p = story_card_place(in);
    // Entering a step where the open legend leaves the card no room beside it folds the legend
    // (the visitor may open it again; then the card stands over its foot).
    const std::string entered = s->id + "#" + std::to_string(step);
    if (entered != ui.story_entered) {
        ui.story_entered = entered;
        if (p.fold_legend) ui.legend_open = false;
    }
    ImGui::SetNextWindowPos(ImVec2(p.x, p.bottom), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(p.w, 0), ImVec2(p.w, p.max_h));
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // opaque: text over the map
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    ImGui::Begin("Story", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor();
    record_panel(ui);
    story_swipe(m, ui);
    ImGui::PushTextWrapPos(0);
    step_nav(m, *s, step);
    step_dots(m, *s, step);
    if (m.away_from_step()) {
        same_line_if_fits(small_button_width(tr("Back to step")), false);
        if (ImGui::SmallButton(tr("Back to step"))) m.back_to_step();
    }
    ImGui::TextDisabled("%s", s->title_in(shown).c_str());
    ImGui::TextUnformatted(cap.title_in(shown).c_str());
    ImGui::Separator();
    text_wrapped(cap.text_in(shown));
    ui.audit.story_caption = cap.title_in(shown);
    for (int si : cap.sources) {
        const Source& src = m.data().sources[static_cast<size_t>(si)];
        if (src.url.empty()) continue;
        ImGui::PushID(si);
        // TRANSLATORS: a story caption's source, by its title.
        ImGui::TextDisabled("%s", trf("Source: %s", src.title.c_str()).c_str());
        if (ImGui::SmallButton(tr("Read the original ↗"))) m.request_open_url(src.url);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", src.url.c_str());
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    if (p.narrow) ui.story_card_h = ImGui::GetWindowSize().y;
    ImGui::End();
}

}  // namespace ca::ui
