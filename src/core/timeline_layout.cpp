// The timeline track's layout: geometry, histogram bars, ticks, event markers, playhead, and
// hit testing. Single-precision arithmetic in the order the view drew with, so the pixels are
// unchanged.
#include "core/timeline_layout.h"

#include <algorithm>
#include <cmath>

namespace ca {

const TimelineBar* TimelineLayout::by_bar_at(PointF p) const {
    for (const TimelineBar& b : bars)
        if (b.by_start && p.x >= b.x0 && p.x < b.x1 && p.y >= b.y0 && p.y < b.y1) return &b;
    return nullptr;
}

bool TimelineLayout::over_event(size_t i, PointF p, const TimelineTuning& t) const {
    return std::abs(p.x - events[i].x) < t.event_hit_half_width && p.y < y0 + t.event_bottom;
}

int TimelineLayout::event_at(PointF p, const TimelineTuning& t) const {
    int found = -1;
    for (size_t i = 0; i < events.size(); ++i)
        if (over_event(i, p, t)) found = events[i].event;
    return found;
}

const TimelineLayout& TimelineLayoutBuilder::build(const Dataset& ds, const ViewState& v, const TimeAxis& axis, PointF cursor,
                                                   PointF panel_pos, PointF panel_size, const TimelineTuning& t) {
    TimelineLayout& l = layout_;
    // Geometry.
    const float height = std::max(t.min_height, panel_pos.y + panel_size.y - cursor.y - t.inset_bottom);
    l.button = cursor;
    l.x0 = cursor.x + t.inset_left;
    l.y0 = cursor.y;
    l.x1 = panel_pos.x + panel_size.x - t.inset_right;
    l.y1 = cursor.y + height;
    l.button_size = {l.x1 - cursor.x, height};
    l.axis = axis;
    l.axis.x0 = l.x0;
    l.axis.x1 = l.x1;
    l.base_y = l.y1 - t.tick_band;
    const TimeAxis& ax = l.axis;

    // Histogram of starts, stacked by kind.
    if (hist_for_ != &ds || hist_hidden_ != v.filters.hidden_collab_kinds || hist_x0_ != ax.x0 || hist_x1_ != ax.x1 ||
        hist_count_ != ds.collaborations.size()) {
        hist_ = make_histogram(ds, ax, v.filters.hidden_collab_kinds);
        hist_for_ = &ds;
        hist_hidden_ = v.filters.hidden_collab_kinds;
        hist_x0_ = ax.x0;
        hist_x1_ = ax.x1;
        hist_count_ = ds.collaborations.size();
    }
    const Histogram& h = hist_;
    const float hist_h = l.base_y - l.y0 - t.histogram_top_gap;
    l.bars.clear();
    for (size_t b = 0; b + 1 < h.bin_start.size(); ++b) {
        const float x0 = l.x_of(h.bin_start[b]) + t.bar_gap, x1 = l.x_of(h.bin_start[b + 1]) - t.bar_gap;
        float y = l.base_y;
        for (int k = 0; k < enum_count<CollabKind>(); ++k) {
            if (!h.count[b][k] || h.max_total == 0) continue;
            const int by = h.by[b][k], parts[2] = {h.count[b][k] - by, by};
            for (int part = 0; part < 2; ++part) {
                if (!parts[part]) continue;
                const float hh = hist_h * parts[part] / h.max_total;
                l.bars.push_back({x0, y - hh, x1, y, static_cast<CollabKind>(k), part == 1, parts[part]});
                y -= hh;
            }
        }
    }

    // Ticks: years and months. The first and last years are labelled, and those between where
    // there is room from both the label before and the last one (labels never overlap).
    l.ticks.clear();
    // A label that would pass the panel's right edge goes left of its tick.
    const float label_right_limit = panel_pos.x + panel_size.x - t.year_label_right_margin;
    int last_major = -1;
    for (const Tick& tk : make_ticks(ax, t.month_tick_min_px)) {
        const float x = l.x_of(tk.t);
        float label_x = x + t.year_label_dx;
        if (label_x + t.year_label_width > label_right_limit) label_x = x - t.year_label_dx - t.year_label_width;
        if (tk.major) last_major = static_cast<int>(l.ticks.size());
        l.ticks.push_back({x, tk.major ? t.major_tick : t.minor_tick, tk.major, false, tk.year, label_x});
    }
    const float last_x = last_major >= 0 ? l.ticks[last_major].label_x : 1e9f;
    float prev_x = -1e9f;
    for (int i = 0; i < static_cast<int>(l.ticks.size()); ++i) {
        TimelineTick& tk = l.ticks[i];
        if (!tk.major || tk.label_x < panel_pos.x) continue;
        tk.labelled = i == last_major || (tk.label_x - prev_x > t.year_label_min_gap && last_x - tk.label_x > t.year_label_min_gap);
        if (tk.labelled) prev_x = tk.label_x;
    }

    // Events whose collaboration's kind is shown.
    l.events.clear();
    for (size_t i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        const CollabKind kind = ds.collaborations[e.collaboration].kind;
        if (v.filters.collab_kind_hidden(kind)) continue;
        l.events.push_back({l.x_of(first_day(e.date)), static_cast<int>(i), kind});
    }
    l.playhead_x = l.x_of(v.t);
    return l;
}

}  // namespace ca
