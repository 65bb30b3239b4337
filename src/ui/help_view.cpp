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

// The About card is a modal popup: it dims and blocks the map, closes by its x, Escape or a
// press and release outside it, and never grows past the screen (it scrolls inside instead).
void draw_help(const AppModel& m, UiContext& ui) {
    static const char* const kName = "About chipatlas";
    const bool was_open = ImGui::IsPopupOpen(kName);
    if (!ui.show_help && !was_open) return;
    if (ui.show_help && !was_open) ImGui::OpenPopup(kName);
    ImGuiIO& io = ImGui::GetIO();
    const float w = std::min(460.0f, io.DisplaySize.x - 20);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(80.0f, io.DisplaySize.y - 20)));
    // Opaque: it sits over the legend on a small screen, whose text would show through.
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    bool keep = true;
    const bool shown = ImGui::BeginPopupModal(kName, &keep, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleColor();
    if (!shown) {
        ui.show_help = false;
        return;
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    const auto inside = [&](ImVec2 p) { return p.x >= wp.x && p.y >= wp.y && p.x < wp.x + ws.x && p.y < wp.y + ws.y; };
    const bool outside_tap = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !inside(io.MousePos) && !inside(io.MouseClickedPos[0]);
    if (!ui.show_help || outside_tap || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ui.show_help = false;
        ImGui::CloseCurrentPopup();
    }
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
    if (ImGui::Button("Start exploring")) {
        ui.show_help = false;
        ImGui::CloseCurrentPopup();
    }
    ui.panels.push_back({wp.x, wp.y, wp.x + ws.x, wp.y + ws.y});
    ImGui::EndPopup();
}

}  // namespace ca::ui
