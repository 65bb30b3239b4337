// The story card's and the narrow details sheet's places (core/story_card.h): over sizes from a
// 320x240 box to a desktop, neither overlaps the other, the folded legend, the toolbar or the timeline.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/chrome_layout.h"
#include "core/story_card.h"

using namespace ca;

namespace {

constexpr float kToolbarBottom = 117, kBar = 27;

bool overlaps(const Rect& a, const Rect& b) { return a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5; }

struct Placed {
    Rect card{0, 0, 0, 0}, details{0, 0, 0, 0}, legend{0, 0, 0, 0}, timeline{0, 0, 0, 0};
    bool details_shown = false;
    StoryCardPlace place;
};

// One narrow screen as the UI lays it out, frame after frame until it settles: the details from
// the card's last height, then the card (content_h tall, at most its max_h) from the details.
Placed narrow(float w, float h, bool folded, float content_h) {
    const ChromeLayout chrome = chrome_layout(w, h, false);
    Placed out;
    const float legend_top = kToolbarBottom + 6;
    float card_h = 0;
    DetailsSheetPlace sheet;
    for (int frame = 0; frame < 6; ++frame) {
        DetailsSheetInput d;
        d.h = h;
        d.free_top = kToolbarBottom + 4;
        d.legend_bar_bottom = legend_top + kBar;
        d.bottom = h - chrome.timeline_height - 18;
        d.story_card_h = card_h;
        d.folded = folded;
        d.bar_h = kBar;
        sheet = details_sheet_place(d);
        StoryCardInput in;
        in.w = w;
        in.h = h;
        in.timeline_h = chrome.timeline_height;
        in.top = kToolbarBottom;
        if (!sheet.hide_legend) in.chrome.push_back({10, legend_top, 210, legend_top + kBar});
        in.details_above = details_reserve(!sheet.hidden, folded, kBar);
        out.place = story_card_place(in);
        card_h = std::min(out.place.max_h, content_h);
    }
    out.card = {out.place.x, out.place.bottom - card_h, out.place.x + out.place.w, out.place.bottom};
    out.details_shown = !sheet.hidden;
    const float details_h = folded ? kBar : std::max(60.0f, sheet.bottom - sheet.top);
    const float details_top = folded ? sheet.bottom - kBar : sheet.top;
    out.details = {10, details_top, w - 10, details_top + details_h};
    if (!sheet.hide_legend) out.legend = {10, legend_top, 210, legend_top + kBar};
    out.timeline = {8, h - chrome.timeline_height - 8, w - 8, h - 8};
    return out;
}

std::string show(const Rect& r) {
    char b[64];
    std::snprintf(b, sizeof b, "[%.0f,%.0f,%.0f,%.0f]", double(r.x0), double(r.y0), double(r.x1), double(r.y1));
    return b;
}

}  // namespace

TEST_CASE("story card: on phones the card, the details and the folded legend never overlap") {
    for (float w : {320.0f, 360.0f, 390.0f, 430.0f, 600.0f})
        for (float h : {480.0f, 568.0f, 640.0f, 740.0f, 844.0f, 932.0f})
            for (bool folded : {true, false})
                for (float content : {80.0f, 250.0f, 600.0f}) {
                    const Placed p = narrow(w, h, folded, content);
                    INFO(w << "x" << h << (folded ? " folded" : " open") << " content " << content << ": card " << show(p.card)
                           << ", details " << show(p.details) << ", legend " << show(p.legend));
                    CHECK(p.place.narrow);
                    CHECK(p.details_shown);
                    CHECK_FALSE(overlaps(p.card, p.details));
                    CHECK_FALSE(overlaps(p.card, p.legend));
                    CHECK_FALSE(overlaps(p.details, p.legend));
                    CHECK_FALSE(overlaps(p.card, p.timeline));
                    CHECK_FALSE(overlaps(p.details, p.timeline));
                    CHECK(p.card.y0 >= kToolbarBottom);
                    CHECK(p.details.y0 >= kToolbarBottom);
                    // The card shows at least its step buttons.
                    CHECK(p.card.y1 - p.card.y0 >= std::min(content, kStoryCardMinHeight));
                }
}

TEST_CASE("story card: folded, the details leave the map room above the card on a phone") {
    // 390x844 with a long caption: open details took the whole screen between the toolbar and the
    // card (session 19); folded, the map shows between the legend's bar and the details' bar.
    const Placed open = narrow(390, 844, false, 600), folded = narrow(390, 844, true, 600);
    CHECK(open.details.y1 - open.details.y0 >= kDetailsMinHeight);
    CHECK(folded.details.y1 - folded.details.y0 == Approx(kBar));
    CHECK(folded.details.y0 - folded.legend.y1 >= 150);
}

TEST_CASE("story card: details sheet without a story starts at a third of the height, below the folded legend") {
    // A screen h tall whose free area starts at free_top, the folded legend's bar ending at
    // legend_bottom and the timeline timeline_h tall.
    const auto sheet = [](float h, float free_top, float legend_bottom, float timeline_h) {
        DetailsSheetInput d;
        d.h = h;
        d.free_top = free_top;
        d.legend_bar_bottom = legend_bottom;
        d.bottom = h - timeline_h - 18;
        return details_sheet_place(d);
    };
    DetailsSheetPlace p = sheet(844, kToolbarBottom + 4, 150, 128);
    CHECK(p.top == Approx(844 * 0.35f));
    CHECK_FALSE(p.hide_legend);
    // A phone on its side (568x320): too short for both; the details take the legend's bar's place
    // and keep their 100 px.
    p = sheet(320, 131, 160, 110);
    CHECK(p.hide_legend);
    CHECK(p.top >= 131);
    CHECK(p.top < 160);
    // 320x568: room below the bar.
    p = sheet(568, 121, 150, 164);
    CHECK_FALSE(p.hide_legend);
    CHECK(p.top >= 156);
    CHECK(p.bottom - p.top >= kDetailsMinHeight);
}

TEST_CASE("story card: beside an open legend when it fits, else the legend folds") {
    StoryCardInput in;
    in.w = 1280;
    in.h = 800;
    in.timeline_h = 128;
    in.top = 46;
    in.legend_right = 280;
    in.details_left = 1280 - 380 - 10;
    StoryCardPlace p = story_card_place(in);
    CHECK_FALSE(p.fold_legend);
    CHECK(p.x >= 280);
    CHECK(p.x + p.w <= in.details_left);
    // 768 wide with the details open: 151 px beside the legend is too narrow for the card.
    in.w = 768;
    in.h = 1024;
    in.details_left = 768 - 307 - 10;
    p = story_card_place(in);
    CHECK(p.fold_legend);
    CHECK(p.x + p.w <= in.details_left);
    // Without the legend open there is nothing to fold.
    in.legend_right = 0;
    CHECK_FALSE(story_card_place(in).fold_legend);
}
