// The help card: what the atlas shows, how to use it with a mouse, touch or keys, and where
// its facts, basemap and fonts come from.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/about_text.h"
#include "core/chrome_layout.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

void help_bullet(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(text);
}

}  // namespace

// The About card is a modal popup: it dims and blocks the map, closes by its x, Escape or a
// press and release outside it, and never grows past the screen (it scrolls inside instead).
void draw_help(const AppModel& m, UiContext& ui) {
    static const char* const kName = "###About chipatlas";  // the popup's id; its title: about_text().title
    const bool was_open = ImGui::IsPopupOpen(kName);
    if (!ui.show_help && !was_open) return;
    if (ui.show_help && !was_open) ImGui::OpenPopup(kName);
    ImGuiIO& io = ImGui::GetIO();
    const float w = std::min(460.0f, io.DisplaySize.x - 20);
    // Centred, below the page's chrome (the web page's search row) when it would reach it (its
    // height last frame says), never taller than the room.
    const CardPlace place = centred_card(w, io.DisplaySize.x, io.DisplaySize.y, m.page_chrome(), 10, ui.help_h);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, place.centre_y), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, place.max_h));
    // Opaque: it sits over the legend on a small screen, whose text would show through.
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    bool keep = true;
    const std::string title = about_text(m.data()).title + kName;
    const bool shown = ImGui::BeginPopupModal(title.c_str(), &keep, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleColor();
    if (!shown) {
        ui.show_help = false;
        return;
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    ui.help_h = ws.y;
    const auto inside = [&](ImVec2 p) { return p.x >= wp.x && p.y >= wp.y && p.x < wp.x + ws.x && p.y < wp.y + ws.y; };
    const bool outside_tap = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !inside(io.MousePos) && !inside(io.MouseClickedPos[0]);
    if (!ui.show_help || outside_tap || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ui.show_help = false;
        ImGui::CloseCurrentPopup();
        ui.more_frames = true;  // drawn in this frame still: the next takes it off the screen
    }
    const AboutText text = about_text(m.data());
    text_wrapped(text.intro);
    ImGui::Spacing();
    for (const std::string& b : text.bullets) help_bullet(b.c_str());
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped(text.provenance);
    text_wrapped(text.credits);
    ImGui::PopStyleColor();
    if (ui.opt.web) {
        // The site's licences/ folder (cmake/notices.cmake), opened in a new tab by the page.
        if (ImGui::SmallButton(tr("Licences and notices"))) ui.open_url = "licenses/index.html";
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ui.licences_link = {a.x, a.y, b.x, b.y};
    } else {
        text_wrapped(tr("Licences: LICENSE; every notice in the web build's dist/licenses/."));
    }
    ImGui::Spacing();
    // Stories are what a first visit is told of: the tour (the site's first story) beside the way
    // into the map on one's own. Not in an embed, whose host tells its own.
    if (!m.view().embed && (ui.opt.web || !m.stories().empty())) {
        if (ImGui::Button(text.tour.c_str())) {
            ui.tour = true;
            ui.show_help = false;
            ImGui::CloseCurrentPopup();
            ui.more_frames = true;
        }
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ui.audit.tour = {a.x, a.y, b.x, b.y};
        // The way to explore beside it when it fits, else below (long words, a narrow phone).
        const ImGuiStyle& st = ImGui::GetStyle();
        const float close_w = ImGui::CalcTextSize(text.close.c_str()).x + 2 * st.FramePadding.x;
        if (b.x + st.ItemSpacing.x + close_w <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
    }
    if (ImGui::Button(text.close.c_str())) {
        ui.show_help = false;
        ImGui::CloseCurrentPopup();
        ui.more_frames = true;
    }
    ui.panels.push_back({wp.x, wp.y, wp.x + ws.x, wp.y + ws.y});
    ImGui::EndPopup();
}

}  // namespace ca::ui
