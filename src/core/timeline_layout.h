// The timeline panel's track for one frame, without drawing: where the track lies in the panel,
// its time axis, the histogram's stacked bars, the year and month ticks (which years are
// labelled), the event markers and the playhead; and hit testing (which event is under the
// pointer, which date a pixel is). The timeline view (src/ui/timeline_view.cpp) draws it with
// ImGui; tests lay it out without ImGui. Every tuning value is in TimelineTuning.
#pragma once
#include <cstdint>
#include <vector>

#include "core/projection.h"
#include "core/timeline.h"
#include "core/view_state.h"

namespace ca {

// The track's tuning values, in CSS pixels. The defaults are the atlas's.
struct TimelineTuning {
    // The track fills the panel below the controls: from `inset_left` right of the cursor to
    // `inset_right` inside the panel's right side, down to `inset_bottom` above its bottom, and
    // is never shorter than min_height.
    float inset_left = 8;
    float inset_right = 16;
    float inset_bottom = 8;
    float min_height = 28;
    // Below the histogram's base line: a band this tall for ticks and year labels.
    float tick_band = 16;
    // Space between the track's top and the tallest histogram bar; gap each side of a bar.
    float histogram_top_gap = 10;
    float bar_gap = 1;
    // Month ticks appear when months are at least this far apart; tick lengths below the base.
    double month_tick_min_px = 5;
    float major_tick = 5;
    float minor_tick = 2.5f;
    // A year label only when this far right of the previous one; its offset from its tick.
    float year_label_min_gap = 36;
    float year_label_dx = 2, year_label_dy = 2;
    // A year label's width (the UI measures "0000" in its font) and the room it keeps from the
    // panel's right edge: a label that would pass it goes left of its tick, or is left out.
    float year_label_width = 28;
    float year_label_right_margin = 6;
    // Event markers: triangles pointing down, from event_top to event_bottom below the track's
    // top, event_half_width each side of their date; the pointer is over one when within
    // event_hit_half_width of its date (strictly) and above event_bottom.
    float event_top = 9;
    float event_bottom = 14;
    float event_half_width = 4;
    float event_hit_half_width = 5;
    // Playhead: a line from the track's top to playhead_below_base under the base line, its knob
    // knob_dy below the top.
    float playhead_below_base = 4;
    float knob_dy = 2;
    float knob_radius = 5;
};

struct TimelineBar {  // one kind's share of a histogram bin
    float x0, y0, x1, y1;
    CollabKind kind;
    // Starts known only as "by" this bin (Interval::start_by): drawn faded, open to the left,
    // stacked above the kind's exact starts; count says how many.
    bool by_start = false;
    int count = 0;
};

struct TimelineTick {
    float x;
    float length;   // below the base line
    bool major;     // a year (else a month)
    bool labelled;  // its year is written under it
    int year;
    float label_x = 0;  // where its label starts (right of the tick, or left of it at the end)
};

struct TimelineEventMark {
    float x;
    int event;        // index into Dataset::events
    CollabKind kind;  // of its collaboration
};

struct TimelineLayout {
    PointF button;                         // the track's input area: top-left (the cursor) ...
    PointF button_size;                    // ... and size
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the track
    float base_y = 0;                      // the histogram's base line
    TimeAxis axis;                         // days <-> pixels over [x0, x1]
    std::vector<TimelineBar> bars;
    std::vector<TimelineTick> ticks;
    std::vector<TimelineEventMark> events;  // those whose collaboration kind is shown
    float playhead_x = 0;

    // The "by" bar (TimelineBar::by_start) under the pointer at p, else nullptr.
    const TimelineBar* by_bar_at(PointF p) const;
    // Whether the pointer at p is over events[i]'s marker.
    bool over_event(size_t i, PointF p, const TimelineTuning& t = {}) const;
    // The event (index into Dataset::events) under the pointer at p: the last marker drawn
    // there; -1 if none.
    int event_at(PointF p, const TimelineTuning& t = {}) const;
    // The day number at pixel x (clamped to the axis) and the pixel of day number d.
    double time_at(float x) const { return axis.px_to_time(x); }
    float x_of(double day) const { return static_cast<float>(axis.time_to_px(day)); }
};

// Lays out the track frame after frame, keeping the histogram (recomputed when the data, the
// hidden kinds or the track's extent change) and its buffers.
class TimelineLayoutBuilder {
public:
    // axis: the model's (its days); cursor: where the track starts in the panel (below the
    // controls); panel_pos, panel_size: the panel.
    const TimelineLayout& build(const Dataset& ds, const ViewState& v, const TimeAxis& axis, PointF cursor, PointF panel_pos,
                                PointF panel_size, const TimelineTuning& t = {});
    const TimelineLayout& layout() const { return layout_; }
    // Drops the cached histogram (a new dataset may live at the same address).
    void forget_dataset() { hist_for_ = nullptr; }

private:
    TimelineLayout layout_;
    Histogram hist_;
    const Dataset* hist_for_ = nullptr;
    uint32_t hist_hidden_ = ~0u;
    double hist_x0_ = 0, hist_x1_ = 0;
    size_t hist_count_ = 0;
};

}  // namespace ca
