// Frame layout of the UI: the map fills the window; toolbar, legend, details and timeline
// float over it. Embed mode and small boxes get compact chrome.
#include "ui/ui.h"

#include <algorithm>
#include <chrono>

#include "core/chrome_layout.h"
#include "core/embedded.h"
#include "ui/theme.h"

namespace ca::ui {

void init_ui(UiContext& ui) {
    EmbeddedSet assets = embedded_assets();
    if (const EmbeddedFile* f = assets.find("assets/basemap.bin")) {
        if (!parse_basemap(f->data, f->size, ui.basemap, ui.basemap_error)) ui.basemap = Basemap{};
    } else {
        ui.basemap_error = "basemap asset missing";
    }
}

void draw_ui(AppModel& m, UiContext& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ui.panels.clear();
    const ChromeLayout chrome = chrome_layout(io.DisplaySize.x, io.DisplaySize.y, m.view().embed);
    ui.tiny = chrome.tiny;
    ui.timeline_height = chrome.timeline_height;
    // Phones and small boxes start with the legend folded; the title unfolds it.
    if (!ui.layout_started) ui.legend_open = !chrome.legend_folded;
    ui.layout_started = true;
    if (!chrome.legend_shown) ui.legend_open = false;

    const bool legend = chrome.legend_shown && ui.legend_open;
    m.set_insets(legend && io.DisplaySize.x >= 700 ? 280 : 0, ui.toolbar_bottom, m.selection().valid() && io.DisplaySize.x >= 640 ? 390 : 0,
                 ui.timeline_height + 16);
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
    draw_toolbar(m, ui);
    if (chrome.legend_shown) draw_legend(m, ui);
    draw_details(m, ui);
    draw_timeline(m, ui, ImVec2(8, io.DisplaySize.y - ui.timeline_height - 8), ImVec2(io.DisplaySize.x - 16, ui.timeline_height));
    // The About card opens and closes by the model too (the page's dialog, the `about` commands):
    // a change of the model's flag since the last frame wins; then the card's own state goes back.
    if (m.about_open() != ui.about_synced) ui.show_help = m.about_open();
    draw_help(m, ui);
    m.set_about_open(ui.show_help);
    ui.about_synced = ui.show_help;
    ui.last_panels = ui.panels;
}

}  // namespace ca::ui
