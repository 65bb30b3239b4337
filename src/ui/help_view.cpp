// The help card: what the atlas shows, how to use it with a mouse, touch or keys, and where
// its facts, basemap and fonts come from.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/search.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

void help_bullet(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text);
}

}  // namespace

void draw_help(const AppModel& m, UiContext& ui) {
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
    ImGui::TextWrapped(
        "chipatlas maps semiconductor collaboration in Hong Kong and the Greater Bay Area, South Korea, Taiwan and Japan: "
        "who works with whom (consortia, MoUs, joint research, courses, internships, scholarships, forums) and when.");
    ImGui::Spacing();
    help_bullet("Drag to pan, scroll or pinch to zoom, double-click to zoom in.");
    help_bullet("Press Play (Space) to watch collaborations appear over time.");
    help_bullet("Snapshot: active on the date. Window: started recently. Cumulative: all so far.");
    help_bullet("Click a dot, a cluster or a link's organisation for details and sources.");
    help_bullet("Keys: arrows pan, + / - zoom, 0 reset, Shift+arrows jump between events, , . step a month.");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s Values marked † are from general knowledge.", provenance_sentence(m.data()).c_str());
    ImGui::TextWrapped("Basemap: Natural Earth (public domain). Fonts: Noto Sans CJK (SIL OFL).");
    ImGui::PopStyleColor();
    if (ui.opt.web) {
        // The site's licences/ folder (cmake/notices.cmake), opened in a new tab by the page.
        if (ImGui::SmallButton("Licences and notices")) ui.open_url = "licenses/index.html";
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ui.licences_link = {a.x, a.y, b.x, b.y};
    } else {
        ImGui::TextWrapped("Licences: LICENSE; every notice in the web build's dist/licenses/.");
    }
    ImGui::Spacing();
    if (ImGui::Button("Start exploring")) ui.show_help = false;
    ui.panels.push_back({ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                         ImGui::GetWindowPos().y + ImGui::GetWindowSize().y});
    ImGui::End();
}

}  // namespace ca::ui
