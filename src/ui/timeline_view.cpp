// The timeline panel: transport controls, mode and window, typed date entry, and the track that
// core lays out (core/timeline_layout.h): histogram of starts stacked by kind, year/month ticks,
// event ticks, draggable playhead.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/timeline_layout.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

// A tooltip for the last item, above it: the timeline sits at the bottom, and a tooltip at the
// pointer would cover the controls to its right (speed, loop, date).
void tooltip_above(const char* text) {
    if (!ImGui::IsItemHovered()) return;
    const ImVec2 p = ImGui::GetItemRectMin();
    ImGui::SetNextWindowPos(ImVec2(p.x, p.y - ImGui::GetStyle().WindowPadding.y), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetTooltip("%s", text);
}

// Playback speed (a combo) and loop (a checkbox, its word dropped when short of room).
void draw_speed_loop(AppModel& m, bool with_word) {
    const ViewState& v = m.view();
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
    tooltip_above(tr("Playback speed (1x = one year every 2 s)"));
    ImGui::SameLine();
    bool loop = m.loop();
    if (ImGui::Checkbox(with_word ? with_id(tr("Loop"), "##loop") : "##loop", &loop)) m.set_loop(loop);
    tooltip_above(tr("Loop playback"));
}

// The play button's width: its longer word in the interface language (it does not jump when
// the word changes), at least the English one's.
float play_button_width() {
    const float words = std::max(ImGui::CalcTextSize(tr("Play")).x, ImGui::CalcTextSize(tr("Pause")).x);
    return std::max(ImGui::GetFontSize() * 3.6f, words + ImGui::GetStyle().FramePadding.x * 2);
}

// Step back, play/pause, step forward; then speed and loop, unless the box is tiny (the
// toolbar's menu has them then).
void draw_transport(AppModel& m, ImVec2 size, bool tiny) {
    const ViewState& v = m.view();
    if (ImGui::Button("|<")) m.step_event(-1);
    tooltip_above(tr("Previous event (Shift+Left)"));
    ImGui::SameLine();
    if (ImGui::Button(with_id(v.playing ? tr("Pause") : tr("Play"), "###play"), ImVec2(play_button_width(), 0))) m.toggle_play();
    tooltip_above(tr("Play / pause (Space)"));
    ImGui::SameLine();
    if (ImGui::Button(">|")) m.step_event(+1);
    tooltip_above(tr("Next event (Shift+Right)"));
    if (tiny) return;
    ImGui::SameLine();
    // A phone-width box keeps the checkbox and drops its word (the tooltip says it).
    draw_speed_loop(m, size.x >= 480);
}

// Date: shown large; click to type. In a narrow box it takes the regular font, then drops the
// day, then the month (a line of its own would leave no room for the track).
void draw_date(AppModel& m, UiContext& ui) {
    const ViewState& v = m.view();
    if (!ui.date_editing) {
        const std::string full = format_day(static_cast<DayNum>(std::floor(v.t)));
        Date day;
        civil_from_days(static_cast<DayNum>(std::floor(v.t)), day.year, day.month, day.day);
        day.precision = Precision::Day;
        Date month = day, year = day;
        month.precision = Precision::Month;
        month.day = 0;
        year.precision = Precision::Year;
        year.month = year.day = 0;
        const std::string local = format_date_local(day);
        const float avail = ImGui::GetContentRegionAvail().x;
        const auto fits = [&](ImFont* f, const std::string& t) { return f->CalcTextSizeA(f->FontSize, 1e9f, 0, t.c_str()).x <= avail; };
        ImFont* date_font = ui.fonts.large;
        std::string d = local;
        if (!fits(date_font, d)) date_font = ImGui::GetFont();
        if (!fits(date_font, d)) d = format_date_local(month);
        if (!fits(date_font, d)) d = format_date_local(year);
        if (!fits(date_font, d)) ImGui::NewLine();  // not even the year: the next row (a longer language's buttons)
        ImGui::PushFont(date_font);
        if (ImGui::Selectable(d.c_str(), false, 0, ImGui::CalcTextSize(d.c_str()))) {
            ui.date_editing = true;
            ui.date_opened_frame = ImGui::GetFrameCount();
            std::snprintf(ui.date_input, sizeof ui.date_input, "%s", full.c_str());
        }
        ImGui::PopFont();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s", d == local ? full.c_str() : (local + " (" + full + ")").c_str(),
                              tr("Click to type a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::SetKeyboardFocusHere();
        if (ImGui::InputText("##date", ui.date_input, sizeof ui.date_input,
                             ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
            Date d;
            if (parse_date(ui.date_input, d)) m.set_time(first_day(d));
            ui.date_editing = false;
        } else if (ImGui::IsItemDeactivated()) {
            ui.date_editing = false;
        } else if (!ImGui::IsItemActive() && ImGui::GetFrameCount() - ui.date_opened_frame < 10) {
            ui.more_frames = true;  // not focused yet: draw again, or the first key typed is lost
        }
    }
}

// Snapshot / window / cumulative, and the window's length.
void draw_modes(AppModel& m) {
    const ViewState& v = m.view();
    int mode = static_cast<int>(v.mode);
    const char* modes[] = {trc("time mode", "Snapshot"), trc("time mode", "Window"), trc("time mode", "Cumulative")};
    const char* tips[] = {tr("Collaborations active on this date"), tr("Collaborations that started within the window before this date"),
                          tr("Everything that started by this date; ended ones greyed")};
    const ImGuiStyle& st = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int i = 0; i < 3; ++i) {
        // On the same row while it fits (a longer language's words wrap onto the next; the
        // panel grows for its track).
        const float w = ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(modes[i]).x;
        if (i && ImGui::GetItemRectMax().x + st.ItemSpacing.x + w <= right) ImGui::SameLine();
        if (ImGui::RadioButton(modes[i], mode == i)) m.set_mode(static_cast<TimeMode>(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
    }
    if (v.mode == TimeMode::Window) {
        // The window's length beside the modes while it fits (a phone's box: the next row).
        const float slider = ImGui::GetFontSize() * 7;
        if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + slider <= right) ImGui::SameLine();
        int w = v.window_months;
        ImGui::SetNextItemWidth(slider);
        if (ImGui::SliderInt("##win", &w, kWindowMonths.lo, kWindowMonths.hi, trn("%d month", "%d months", static_cast<unsigned long>(w))))
            m.set_window(w);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Window length (months)"));
    }
}

// The track below the controls: drawn from core's layout; hovering an event shows it and a
// click jumps to it; dragging moves the playhead; hovering elsewhere shows the date there.
void draw_track(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size) {
    const Dataset& ds = m.data();
    const ViewState& v = m.view();
    const bool dark = m.dark();
    const Palette& pal = palette(dark);
    ImFont* small = ui.fonts.small;
    const float sfs = small->FontSize * ImGui::GetIO().FontGlobalScale;
    ui.timeline_tuning.year_label_width = small->CalcTextSizeA(sfs, 1e9f, 0, "0000").x;
    // A tiny box's one-row timeline (72 px) fits its track only with half the bottom inset.
    ui.timeline_tuning.inset_bottom = ui.tiny ? 4.0f : TimelineTuning{}.inset_bottom;
    const TimelineTuning& t = ui.timeline_tuning;
    const ImVec2 cur = ImGui::GetCursorScreenPos();
    const TimelineLayout& l = ui.timeline.build(ds, v, m.axis(), {cur.x, cur.y}, {pos.x, pos.y}, {size.x, size.y}, t);
    // A track at its least height that passes the panel's bottom: the panel grows next frame.
    const float extra = std::max(0.0f, ui.timeline_extra + l.y1 + t.inset_bottom - (pos.y + size.y));
    if (extra != ui.timeline_extra) ui.more_frames = true;
    ui.timeline_extra = extra;
    ImGui::InvisibleButton("##track", ImVec2(l.button_size.x, l.button_size.y));
    const bool track_active = ImGui::IsItemActive(), track_hover = ImGui::IsItemHovered();
    ui.track = l.axis;
    ui.track_y0 = l.y0;
    ui.track_y1 = l.y1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(l.x0, l.y0), ImVec2(l.x1, l.base_y), with_alpha(pal.sea, kTrackAlpha), 4);
    for (const TimelineBar& b : l.bars) {
        const ImU32 col = collab_colour(b.kind, dark);
        dl->AddRectFilled(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), with_alpha(col, b.by_start ? kOpenBarAlpha : kBarAlpha));
        if (!b.by_start) continue;
        // Open to the left: the start may lie earlier. An outline and a "<" at the left edge.
        dl->AddRect(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), with_alpha(col, kBarOutlineAlpha));
        const float my = (b.y0 + b.y1) / 2, r = std::min(3.0f, (b.y1 - b.y0) / 2);
        dl->AddTriangleFilled(ImVec2(b.x0 - 1, my), ImVec2(b.x0 + r + 1, my - r), ImVec2(b.x0 + r + 1, my + r),
                              with_alpha(col, kBarOutlineAlpha));
    }
    for (const TimelineTick& tk : l.ticks) {
        dl->AddLine(ImVec2(tk.x, l.base_y), ImVec2(tk.x, l.base_y + tk.length), tk.major ? pal.text_dim : with_alpha(pal.text_dim, 0.5f));
        if (!tk.labelled) continue;
        char b[8];
        std::snprintf(b, sizeof b, "%d", tk.year);
        const ImVec2 at(tk.label_x, l.base_y + t.year_label_dy);
        dl->AddText(small, sfs, at, pal.text_dim, b);
        audit_text(ui, "timeline year label", at, ImVec2(at.x + t.year_label_width, at.y + sfs));
    }
    ImGuiIO& io = ImGui::GetIO();
    const PointF mouse{io.MousePos.x, io.MousePos.y};
    int hovered_event = -1;
    for (size_t i = 0; i < l.events.size(); ++i) {
        const TimelineEventMark& e = l.events[i];
        const bool hov = track_hover && l.over_event(i, mouse, t);
        if (hov) hovered_event = e.event;
        const ImVec2 b(e.x - t.event_half_width, l.y0 + t.event_top), c(e.x + t.event_half_width, l.y0 + t.event_top);
        dl->AddTriangleFilled(b, c, ImVec2(e.x, l.y0 + t.event_bottom), hov ? pal.highlight : collab_colour(e.kind, dark));
    }
    dl->AddLine(ImVec2(l.playhead_x, l.y0), ImVec2(l.playhead_x, l.base_y + t.playhead_below_base), pal.highlight, 2);
    dl->AddCircleFilled(ImVec2(l.playhead_x, l.y0 + t.knob_dy), t.knob_radius, pal.highlight);
    if (hovered_event >= 0) {
        const Event& e = ds.events[hovered_event];
        ImGui::BeginTooltip();
        ImGui::Text("%s", format_date_local(e.date).c_str());
        ImGui::TextUnformatted(e.title_in(active_locale()).c_str());
        ImGui::TextDisabled(tr("%s · click to jump"), enum_label(e.kind));
        ImGui::EndTooltip();
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m.set_time(first_day(e.date));
    } else if (track_active) {
        m.pause();
        m.set_time(l.time_at(mouse.x));
    } else if (const TimelineBar* bb = track_hover ? l.by_bar_at(mouse) : nullptr) {
        int y, mo, d;
        civil_from_days(static_cast<DayNum>(l.time_at((bb->x0 + bb->x1) / 2)), y, mo, d);
        ImGui::SetTooltip(trn("%d collaboration started by %d or earlier\n(the sources report it in %d, not when it began)",
                              "%d collaborations started by %d or earlier\n(the sources report them in %d, not when they began)",
                              static_cast<unsigned long>(bb->count)),
                          bb->count, y, y);
    } else if (track_hover) {
        Date at;
        civil_from_days(static_cast<DayNum>(l.time_at(mouse.x)), at.year, at.month, at.day);
        at.precision = Precision::Day;
        ImGui::SetTooltip("%s", format_date_local(at).c_str());
    }
}

// Keys: space plays, Shift+arrows step events, ',' '.' step a month.
void timeline_keys(AppModel& m) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) m.toggle_play();
    if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) m.step_event(-1);
    if (io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) m.step_event(+1);
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        ImWchar ch = io.InputQueueCharacters[i];
        if (ch == ',' || ch == '<') m.set_time(add_months(m.view().t, -1));
        if (ch == '.' || ch == '>') m.set_time(add_months(m.view().t, 1));
    }
}

}  // namespace

void draw_time_options(AppModel& m) {
    draw_modes(m);
    draw_speed_loop(m, true);
}

void draw_timeline(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size) {
    const bool compact = m.view().embed || size.x < 560;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(
        "Timeline", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
    ui.panels.push_back({pos.x, pos.y, pos.x + size.x, pos.y + size.y});
    ui.timeline_top = pos.y;
    draw_transport(m, size, ui.tiny);
    ImGui::SameLine();
    draw_date(m, ui);
    // A tiny box keeps one row of controls above the track: the modes are in the toolbar's menu.
    if (!compact) ImGui::SameLine();
    if (!ui.tiny) draw_modes(m);
    draw_track(m, ui, pos, size);
    ImGui::End();
    timeline_keys(m);
}

}  // namespace ca::ui
