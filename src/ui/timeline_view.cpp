// The timeline panel: transport controls, mode and window, typed date entry, and the track
// (histogram of starts stacked by kind, year/month ticks, event ticks, draggable playhead).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/timeline.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

void draw_timeline(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size) {
    const Dataset& ds = m.data();
    const ViewState& v = m.view();
    const bool dark = m.dark();
    const Palette& pal = palette(dark);
    const bool compact = v.embed || size.x < 560;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("Timeline", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoScrollWithMouse);
    ui.panels.push_back({pos.x, pos.y, pos.x + size.x, pos.y + size.y});

    // Transport.
    if (ImGui::Button("|<")) m.step_event(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (Shift+Left)");
    ImGui::SameLine();
    if (ImGui::Button(v.playing ? "Pause###play" : "Play###play", ImVec2(ImGui::GetFontSize() * 3.6f, 0))) m.toggle_play();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play / pause (Space)");
    ImGui::SameLine();
    if (ImGui::Button(">|")) m.step_event(+1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (Shift+Right)");
    ImGui::SameLine();
    char speed[16];
    std::snprintf(speed, sizeof speed, "%gx", v.speed);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    if (ImGui::BeginCombo("##speed", speed)) {
        for (double s : kSpeedPresets) {
            char b[16];
            std::snprintf(b, sizeof b, "%gx", s);
            if (ImGui::Selectable(b, s == v.speed)) m.set_speed(s);
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed (1x = one year every 2 s)");
    ImGui::SameLine();
    bool loop = m.loop();
    // A phone-width box keeps the checkbox and drops its word (the tooltip says it).
    if (ImGui::Checkbox(size.x < 480 ? "##loop" : "Loop", &loop)) m.set_loop(loop);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Loop playback");
    ImGui::SameLine();
    // Date: shown large; click to type. In a narrow box it takes the regular font, then drops
    // the day, then the month (a line of its own would leave no room for the track).
    if (!ui.date_editing) {
        const std::string full = format_day(static_cast<DayNum>(std::floor(v.t)));
        const float avail = ImGui::GetContentRegionAvail().x;
        const auto fits = [&](ImFont* f, const std::string& t) { return f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.c_str()).x <= avail; };
        ImFont* date_font = ui.fonts.large;
        std::string d = full;
        if (!fits(date_font, d)) date_font = ImGui::GetFont();
        if (!fits(date_font, d)) d = full.substr(0, 7);  // YYYY-MM
        if (!fits(date_font, d)) d = full.substr(0, 4);  // YYYY
        ImGui::PushFont(date_font);
        if (ImGui::Selectable(d.c_str(), false, 0, ImGui::CalcTextSize(d.c_str()))) {
            ui.date_editing = true;
            std::snprintf(ui.date_input, sizeof ui.date_input, "%s", full.c_str());
        }
        ImGui::PopFont();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s%sClick to type a date (YYYY, YYYY-MM or YYYY-MM-DD)", d == full ? "" : full.c_str(), d == full ? "" : "\n");
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::SetKeyboardFocusHere();
        if (ImGui::InputText("##date", ui.date_input, sizeof ui.date_input, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
            Date d;
            if (parse_date(ui.date_input, d)) m.set_time(first_day(d));
            ui.date_editing = false;
        } else if (ImGui::IsItemDeactivated()) {
            ui.date_editing = false;
        }
    }
    if (!compact) ImGui::SameLine(); 
    int mode = static_cast<int>(v.mode);
    const char* modes[] = {"Snapshot", "Window", "Cumulative"};
    const char* tips[] = {"Collaborations active on this date", "Collaborations that started within the window before this date",
                          "Everything that started by this date; ended ones greyed"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(modes[i], mode == i)) m.set_mode(static_cast<TimeMode>(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
    }
    if (v.mode == TimeMode::Window) {
        ImGui::SameLine();
        int w = v.window_months;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::SliderInt("##win", &w, kWindowMonths.lo, kWindowMonths.hi, w % 12 == 0 ? "%d months" : "%d months")) m.set_window(w);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Window length (months)");
    }

    // Track.
    ImVec2 cur = ImGui::GetCursorScreenPos();
    float track_h = std::max(28.0f, pos.y + size.y - cur.y - 8);
    ImVec2 t0(cur.x + 8, cur.y), t1(pos.x + size.x - 16, cur.y + track_h);
    ImGui::InvisibleButton("##track", ImVec2(t1.x - cur.x, track_h));
    bool track_active = ImGui::IsItemActive(), track_hover = ImGui::IsItemHovered();
    TimeAxis ax = m.axis();
    ax.x0 = t0.x;
    ax.x1 = t1.x;
    ui.track = ax;
    ui.track_y0 = t0.y;
    ui.track_y1 = t1.y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float base_y = t1.y - 16;  // tick labels below
    dl->AddRectFilled(ImVec2(t0.x, t0.y), ImVec2(t1.x, base_y), with_alpha(pal.sea, 0.6f), 4);
    // Histogram.
    if (ui.hist_for != &ds || ui.hist_hidden != v.filters.hidden_collab_kinds || ui.hist_x0 != ax.x0 || ui.hist_x1 != ax.x1 ||
        ui.hist_count != ds.collaborations.size()) {
        ui.hist = make_histogram(ds, ax, v.filters.hidden_collab_kinds);
        ui.hist_for = &ds;
        ui.hist_hidden = v.filters.hidden_collab_kinds;
        ui.hist_x0 = ax.x0;
        ui.hist_x1 = ax.x1;
        ui.hist_count = ds.collaborations.size();
    }
    const Histogram& h = ui.hist;
    const float hist_h = base_y - t0.y - 10;
    for (size_t b = 0; b + 1 < h.bin_start.size(); ++b) {
        float x0 = static_cast<float>(ax.time_to_px(h.bin_start[b])) + 1, x1 = static_cast<float>(ax.time_to_px(h.bin_start[b + 1])) - 1;
        float y = base_y;
        for (int k = 0; k < enum_count<CollabKind>(); ++k) {
            int n = h.count[b][k];
            if (!n || h.max_total == 0) continue;
            float hh = hist_h * n / h.max_total;
            dl->AddRectFilled(ImVec2(x0, y - hh), ImVec2(x1, y), with_alpha(collab_colour(static_cast<CollabKind>(k), dark), 0.75f));
            y -= hh;
        }
    }
    // Ticks.
    ImFont* small = ui.fonts.small;
    const float sfs = small->FontSize * ImGui::GetIO().FontGlobalScale;
    float last_label_x = -1e9f;
    for (const Tick& tk : make_ticks(ax, 5)) {
        float x = static_cast<float>(ax.time_to_px(tk.t));
        dl->AddLine(ImVec2(x, base_y), ImVec2(x, base_y + (tk.major ? 5.0f : 2.5f)), tk.major ? pal.text_dim : with_alpha(pal.text_dim, 0.5f));
        if (tk.major && x - last_label_x > 36) {
            char b[8];
            std::snprintf(b, sizeof b, "%d", tk.year);
            dl->AddText(small, sfs, ImVec2(x + 2, base_y + 2), pal.text_dim, b);
            last_label_x = x;
        }
    }
    // Event ticks.
    int hovered_event = -1;
    ImGuiIO& io = ImGui::GetIO();
    for (size_t i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        if (v.filters.collab_kind_hidden(ds.collaborations[e.collaboration].kind)) continue;
        float x = static_cast<float>(ax.time_to_px(first_day(e.date)));
        ImU32 col = collab_colour(ds.collaborations[e.collaboration].kind, dark);
        ImVec2 b(x - 4, t0.y + 9), c(x + 4, t0.y + 9);
        bool hov = track_hover && std::abs(io.MousePos.x - x) < 5 && io.MousePos.y < t0.y + 14;
        if (hov) hovered_event = static_cast<int>(i);
        dl->AddTriangleFilled(b, c, ImVec2(x, t0.y + 14), hov ? pal.highlight : col);
    }
    // Playhead.
    float px = static_cast<float>(ax.time_to_px(v.t));
    dl->AddLine(ImVec2(px, t0.y), ImVec2(px, base_y + 4), pal.highlight, 2);
    dl->AddCircleFilled(ImVec2(px, t0.y + 2), 5, pal.highlight);
    if (hovered_event >= 0) {
        const Event& e = ds.events[hovered_event];
        ImGui::BeginTooltip();
        ImGui::Text("%s", format_date_human(e.date).c_str());
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::TextDisabled("%s · click to jump", enum_label(e.kind));
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m.set_time(first_day(e.date));
    } else if (track_active) {
        m.pause();
        m.set_time(ax.px_to_time(io.MousePos.x));
    } else if (track_hover) {
        ImGui::SetTooltip("%s", format_day(static_cast<DayNum>(ax.px_to_time(io.MousePos.x))).c_str());
    }
    ImGui::End();

    // Keys: space plays, Shift+arrows step events, ',' '.' step a month.
    if (!io.WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) m.toggle_play();
        if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) m.step_event(-1);
        if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) m.step_event(+1);
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            ImWchar ch = io.InputQueueCharacters[i];
            if (ch == ',' || ch == '<') m.set_time(add_months(v.t, -1));
            if (ch == '.' || ch == '>') m.set_time(add_months(v.t, 1));
        }
    }
}

}  // namespace ca::ui
