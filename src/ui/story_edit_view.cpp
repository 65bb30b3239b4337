// The story editor window: the draft's steps (select, up, down, remove), the selected step's
// caption, "Add this view as a step", "Tell it" (the model tells the draft) and "Save".
#include "ui/story_edit_view.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <tuple>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

// A std::string edited in a fixed buffer (ImGui 1.86 without the std::string helpers).
Rect last_item() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x, b.y};
}

void text_field(const char* label, std::string& s, size_t cap, bool multiline) {
    static char buf[kStoryTextMax * 4 + 1];
    const size_t n = std::min(s.size(), std::min(cap, sizeof buf - 1));
    std::memcpy(buf, s.data(), n);
    buf[n] = 0;
    let_go_if_changed_under(label, buf);  // the page's layer may have set it
    const bool changed = multiline ? ImGui::InputTextMultiline(label, buf, std::min(cap, sizeof buf - 1) + 1, ImVec2(-1, 90))
                                   : ImGui::InputText(label, buf, std::min(cap, sizeof buf - 1) + 1);
    if (changed) s = buf;
}

void step_list(StoryDraft& d) {
    d.up_at.clear();
    for (size_t i = 0; i < d.story.steps.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string& t = d.story.steps[i].caption.title;
        char label[160];
        std::snprintf(label, sizeof label, "%zu. %.120s", i + 1, t.empty() ? tr("(no title)") : t.c_str());
        if (ImGui::Selectable(label, d.step == static_cast<int>(i), 0, ImVec2(ImGui::GetContentRegionAvail().x - 130, 0)))
            d.step = static_cast<int>(i);
        ImGui::SameLine();
        const bool up = ImGui::SmallButton(tr("Up"));
        d.up_at.push_back(last_item());
        if (up && move_step(d.story, i, -1)) d.step = static_cast<int>(i) - 1;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Down")) && move_step(d.story, i, 1)) d.step = static_cast<int>(i) + 1;
        ImGui::SameLine();
        const bool remove = ImGui::SmallButton(tr("Remove"));
        ImGui::PopID();
        if (remove) {
            d.story.steps.erase(d.story.steps.begin() + static_cast<long>(i));
            if (d.step >= static_cast<int>(d.story.steps.size())) d.step = static_cast<int>(d.story.steps.size()) - 1;
            break;
        }
    }
}

}  // namespace

void draw_story_editor(AppModel& m, StoryDraft& d, const EditorLayout& place) {
    d.save = false;
    ImGui::SetNextWindowPos(ImVec2(place.story_x, place.story_y), ImGuiCond_Always, ImVec2(0, place.story_from_bottom ? 1.0f : 0.0f));
    if (place.story_from_bottom) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);  // a phone: opened when wanted
    // As tall as its steps and caption need (it grows with each step added, then it scrolls):
    // before, it kept its first height and hid the caption fields.
    ImGui::SetNextWindowSizeConstraints(ImVec2(place.story_w, 0), ImVec2(place.story_w, place.story_max_h));
    const bool open = ImGui::Begin(with_id(tr("Story editor"), "###Story editor"), nullptr,
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    const ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    d.panel = {p.x, p.y, p.x + sz.x, p.y + sz.y};
    if (!open) {
        ImGui::End();
        return;
    }
    ImGui::PushTextWrapPos(0);
    for (auto [label, buf, size] :
         {std::tuple{with_id(tr("Id"), "##id"), d.id, sizeof d.id}, {with_id(tr("Title"), "##title"), d.title, sizeof d.title}}) {
        let_go_if_changed_under(label, buf);
        ImGui::InputText(label, buf, size);
    }
    const bool add = ImGui::Button(tr("Add this view as a step"));
    d.add_at = last_item();
    if (add && d.story.steps.size() < static_cast<size_t>(kStorySteps.hi)) {
        d.story.steps.push_back(step_from_view(m.current_view()));
        d.step = static_cast<int>(d.story.steps.size()) - 1;
    }
    step_list(d);
    if (d.step >= 0 && static_cast<size_t>(d.step) < d.story.steps.size()) {
        StoryCaption& c = d.story.steps[static_cast<size_t>(d.step)].caption;
        ImGui::Separator();
        ImGui::Text(tr("Step %d's caption"), d.step + 1);
        text_field(with_id(tr("Caption title"), "##caption_title"), c.title, kStoryTitleMax * 4, false);
        d.caption_title_at = last_item();
        text_field("##text", c.text, kStoryTextMax * 4, true);
        d.caption_text_at = last_item();
    }
    d.story.id = d.id;
    d.story.title = d.title;
    ImGui::BeginDisabled(d.story.steps.empty());
    if (ImGui::Button(tr("Tell it"))) {
        m.add_story(d.story);
        m.go_to_step(d.story.id, d.step >= 0 ? d.step + 1 : 1);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Save"))) d.save = true;
    d.save_at = last_item();
    ImGui::EndDisabled();
    if (!d.status.empty()) ImGui::TextWrapped("%s", d.status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
}

}  // namespace ca::ui
