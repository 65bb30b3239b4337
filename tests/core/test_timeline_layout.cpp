// The timeline track's layout without ImGui, on a small dataset written here: geometry in the
// panel, pixels <-> dates, event hit testing, histogram bars, ticks and the playhead.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/timeline_layout.h"

using namespace ca;

namespace {

Date day(int y, int m, int d) { return Date{y, m, d, Precision::Day}; }

struct Fixture {
    Dataset ds;
    ViewState view;
    TimelineLayoutBuilder builder;
    Fixture() {
        Organisation o;
        o.id = o.name = "o";
        ds.organisations.push_back(o);
        // Starts over 2010..2019: three in 2015; an event on three of them (two on one day).
        const int years[] = {2010, 2012, 2015, 2015, 2015, 2019};
        const CollabKind kinds[] = {CollabKind::Mou,    CollabKind::Forum, CollabKind::Mou,
                                    CollabKind::Course, CollabKind::Forum, CollabKind::Mou};
        for (int i = 0; i < 6; ++i) {
            Collaboration c;
            c.id = "c";
            c.id += std::to_string(i);  // (GCC 12 warns falsely about "c" + std::to_string(i))
            c.kind = kinds[i];
            c.participants.push_back({0, Role::Lead});
            c.interval.start = Date{years[i], 0, 0, Precision::Year};
            ds.collaborations.push_back(c);
        }
        add_event("e_mou", 0, day(2010, 3, 1));
        add_event("e_forum", 1, day(2012, 7, 15));
        add_event("e_course", 3, day(2015, 6, 1));
        add_event("e_mou2", 2, day(2015, 6, 1));
        ds.finalise();
        view.t = first_day(day(2015, 1, 1));
    }
    void add_event(const char* id, int collab, Date d) {
        Event e;
        e.id = id;
        e.collaboration = collab;
        e.date = d;
        ds.events.push_back(e);
    }
    // The panel at (8, 600), 1000 × 128; the controls end at y = 650, the track starts at x = 20.
    const TimelineLayout& build() { return builder.build(ds, view, axis_for(ds), {20, 650}, {8, 600}, {1000, 128}); }
    int event_index(const char* id) const { return ds.event_ids.find(id); }
};

}  // namespace

TEST_CASE("timeline layout: the track fills the panel below the controls") {
    Fixture f;
    const TimelineLayout& l = f.build();
    CHECK(l.x0 == 28);   // 8 right of the cursor
    CHECK(l.x1 == 992);  // 16 inside the panel's right side
    CHECK(l.y0 == 650);
    CHECK(l.y1 == 720);  // 8 above the panel's bottom
    CHECK(l.base_y == 704);
    CHECK(l.button.x == 20);
    CHECK(l.button_size.x == 972);
    CHECK(l.button_size.y == 70);
    CHECK(l.axis.x0 == 28);
    CHECK(l.axis.x1 == 992);
    CHECK(l.axis.t0 == first_day(day(2010, 1, 1)));
    CHECK(l.axis.t1 == first_day(day(2020, 1, 1)));
    // Too little room: the track keeps its minimum height, below the panel.
    const TimelineLayout& tight = f.builder.build(f.ds, f.view, axis_for(f.ds), {20, 715}, {8, 600}, {1000, 128});
    CHECK(tight.y1 - tight.y0 == 28);
}

TEST_CASE("timeline layout: pixels map to dates and back, clamped to the axis") {
    Fixture f;
    const TimelineLayout& l = f.build();
    CHECK(l.x_of(l.axis.t0) == 28);
    CHECK(l.x_of(l.axis.t1) == 992);
    CHECK(l.time_at(28) == l.axis.t0);
    CHECK(l.time_at(992) == l.axis.t1);
    CHECK(l.time_at(0) == l.axis.t0);     // left of the track
    CHECK(l.time_at(2000) == l.axis.t1);  // right of it
    for (int y = 2010; y <= 2019; ++y)
        for (int m = 1; m <= 12; m += 5) {
            const double d = first_day(day(y, m, 10));
            CHECK(l.time_at(l.x_of(d)) == Approx(d).margin(0.01));
        }
    // Halfway along the track is halfway through the decade.
    CHECK(l.time_at(510) == Approx((l.axis.t0 + l.axis.t1) / 2).margin(0.01));
    CHECK(format_day(static_cast<DayNum>(l.time_at(l.x_of(first_day(day(2016, 2, 29)))))) == "2016-02-29");
    CHECK(l.playhead_x == l.x_of(first_day(day(2015, 1, 1))));
}

TEST_CASE("timeline layout: the pointer is over an event's marker within its hit width, near the top") {
    Fixture f;
    const TimelineLayout& l = f.build();
    REQUIRE(l.events.size() == 4);
    const float x = l.x_of(first_day(day(2012, 7, 15)));
    const int forum = f.event_index("e_forum");
    CHECK(l.event_at({x, l.y0 + 5}) == forum);
    CHECK(l.event_at({x + 4.9f, l.y0 + 1}) == forum);
    CHECK(l.event_at({x - 4.9f, l.y0 + 13.9f}) == forum);
    CHECK(l.event_at({x + 5.1f, l.y0 + 5}) == -1);  // beside it
    CHECK(l.event_at({x, l.y0 + 14}) == -1);        // below the markers: the track
    CHECK(l.event_at({x, l.y0 - 30}) == forum);     // above: the view asks only while over the track
    // Two events on one day: the one drawn last (on top) answers; both markers are highlighted.
    const float x2 = l.x_of(first_day(day(2015, 6, 1)));
    const int at = l.event_at({x2, l.y0 + 5});
    CHECK((at == f.event_index("e_course") || at == f.event_index("e_mou2")));
    CHECK(at == l.events.back().event);
    int over = 0;
    for (size_t i = 0; i < l.events.size(); ++i) over += l.over_event(i, {x2, l.y0 + 5});
    CHECK(over == 2);
    // Hidden kinds hide their events' markers.
    f.view.filters.hidden_collab_kinds = 1u << static_cast<int>(CollabKind::Forum);
    const TimelineLayout& hidden = f.build();
    CHECK(hidden.events.size() == 3);
    CHECK(hidden.event_at({x, hidden.y0 + 5}) == -1);
    // A wider hit width reaches further.
    TimelineTuning wide;
    wide.event_hit_half_width = 20;
    CHECK(l.event_at({x + 15, l.y0 + 5}, wide) == -1);  // still hidden
    f.view.filters.hidden_collab_kinds = 0;
    const TimelineLayout& again = f.build();
    CHECK(again.event_at({x + 15, again.y0 + 5}, wide) == forum);
}

TEST_CASE("timeline layout: histogram bars stack by kind up to the track's top, ticks below") {
    Fixture f;
    const TimelineLayout& l = f.build();
    // One bar per kind per bin with starts: 2010 mou, 2012 forum, 2015 mou + course + forum, 2019 mou.
    REQUIRE(l.bars.size() == 6);
    float top = l.base_y;
    for (const TimelineBar& b : l.bars) {
        CHECK(b.x0 >= l.x0);
        CHECK(b.x1 <= l.x1);
        CHECK(b.x1 > b.x0);
        CHECK(b.y1 <= l.base_y);
        CHECK(b.y0 < b.y1);
        top = std::min(top, b.y0);
    }
    CHECK(top == Approx(l.y0 + 10));  // the fullest bin (2015) reaches the top gap
    // 2015's three bars are stacked: each starts where the previous one ended.
    int stacked = 0;
    for (size_t i = 1; i < l.bars.size(); ++i)
        if (l.bars[i].x0 == l.bars[i - 1].x0) {
            CHECK(l.bars[i].y1 == l.bars[i - 1].y0);
            ++stacked;
        }
    CHECK(stacked == 2);
    // Hiding a kind recomputes the histogram.
    f.view.filters.hidden_collab_kinds = 1u << static_cast<int>(CollabKind::Mou);
    CHECK(f.build().bars.size() == 3);
    // Year ticks are long, month ticks short; labels at least 36 px apart.
    f.view.filters.hidden_collab_kinds = 0;
    const TimelineLayout& t = f.build();
    float last = -1e9f;
    int years = 0, labelled = 0;
    for (const TimelineTick& tk : t.ticks) {
        CHECK(tk.length == (tk.major ? 5.0f : 2.5f));
        years += tk.major;
        if (!tk.labelled) continue;
        CHECK(tk.major);
        CHECK(tk.x - last > 36);
        last = tk.x;
        ++labelled;
    }
    CHECK(years == 11);     // 2010..2020
    CHECK(labelled == 11);  // 96 px apart: all labelled
}

TEST_CASE("timeline layout: a 'by' start is its own faded bar above the kind's exact starts, found under the pointer") {
    Fixture f;
    f.ds.collaborations[3].interval.start_by = true;  // the 2015 course: started by 2015
    f.ds.collaborations[2].interval.start_by = true;  // the 2015 MoU too
    f.ds.finalise();
    f.builder.forget_dataset();
    const TimelineLayout& l = f.build();
    REQUIRE(l.bars.size() == 6);  // still one bar per kind in 2015, each wholly "by"
    int by = 0;
    for (const TimelineBar& b : l.bars) {
        if (!b.by_start) continue;
        ++by;
        CHECK(b.count == 1);
        const PointF mid{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2};
        CHECK(l.by_bar_at(mid) == &b);
    }
    CHECK(by == 2);
    REQUIRE(l.bars[2].kind == CollabKind::Mou);
    const float x2015 = l.bars[2].x0;  // (l is rebuilt below)
    // A bin with exact and "by" starts of one kind: two bars, the "by" one on top.
    Collaboration extra = f.ds.collaborations[2];
    extra.id = "c_exact";
    extra.interval.start_by = false;
    f.ds.collaborations.push_back(extra);
    f.ds.finalise();
    f.builder.forget_dataset();
    const TimelineLayout& two = f.build();
    REQUIRE(two.bars.size() == 7);
    const TimelineBar* exact = nullptr;
    const TimelineBar* over = nullptr;
    for (const TimelineBar& b : two.bars)
        if (b.kind == CollabKind::Mou && b.x0 == x2015) (b.by_start ? over : exact) = &b;
    REQUIRE(exact);
    REQUIRE(over);
    CHECK(over->y1 == exact->y0);
    CHECK(!two.by_bar_at({(exact->x0 + exact->x1) / 2, (exact->y0 + exact->y1) / 2}));
}

TEST_CASE("timeline layout: every year label lies inside the panel, the last one left of its tick") {
    Fixture f;
    TimelineTuning t;
    // The panel runs from x = 8 to 1008; the axis ends (2020) at 992, 16 px inside it.
    for (float width : {1000.0f, 300.0f, 180.0f}) {
        const TimelineLayout& l = f.builder.build(f.ds, f.view, axis_for(f.ds), {20, 650}, {8, 600}, {width, 128}, t);
        const float right = 8 + width;
        int labelled = 0;
        const TimelineTick* last = nullptr;
        for (const TimelineTick& tk : l.ticks) {
            if (!tk.labelled) continue;
            ++labelled;
            INFO("year " << tk.year << " in a panel " << width << " wide");
            CHECK(tk.label_x >= 8);
            CHECK(tk.label_x + t.year_label_width <= right - t.year_label_right_margin);
            last = &tk;
        }
        CHECK(labelled >= 2);
        REQUIRE(last != nullptr);
        if (width == 1000.0f) {
            CHECK(last->year == 2020);
            CHECK(last->label_x + t.year_label_width < last->x);
        }
    }
}

TEST_CASE("timeline layout: on a phone the first and last years and some between are labelled, none overlapping") {
    Fixture f;
    // A longer history, as the atlas's own data: 1995..2026.
    f.ds.collaborations[0].interval.start = Date{1995, 0, 0, Precision::Year};
    f.ds.collaborations[5].interval.start = Date{2026, 0, 0, Precision::Year};
    f.ds.finalise();
    TimelineTuning t;
    {
        const Dataset* ds = &f.ds;
        const TimeAxis axis = axis_for(*ds);
        int first_year = 0, last_year = 0;
        for (const Tick& tk : make_ticks(axis, t.month_tick_min_px)) {
            if (!tk.major) continue;
            if (!first_year) first_year = tk.year;
            last_year = tk.year;
        }
        // Phones 320 and 390 px wide: the panel is 8 px in from each side.
        for (float display : {320.0f, 390.0f}) {
            const float width = display - 16;
            TimelineLayoutBuilder b;
            const TimelineLayout& l = b.build(*ds, f.view, axis, {16, 700}, {8, 640}, {width, 92}, t);
            std::vector<const TimelineTick*> labels;
            for (const TimelineTick& tk : l.ticks)
                if (tk.labelled) labels.push_back(&tk);
            INFO("a phone " << display << " px wide");
            REQUIRE(labels.size() >= 3);
            CHECK(labels.front()->year == first_year);
            CHECK(labels.back()->year == last_year);
            for (size_t i = 0; i < labels.size(); ++i) {
                CHECK(labels[i]->label_x >= 8);
                CHECK(labels[i]->label_x + t.year_label_width <= 8 + width - t.year_label_right_margin);
                if (i) CHECK(labels[i]->label_x >= labels[i - 1]->label_x + t.year_label_width + 4);  // a space between
            }
        }
    }
}
