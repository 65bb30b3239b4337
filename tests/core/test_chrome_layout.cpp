// Chrome by box size (core/chrome_layout.h): phones start with the legend folded, tiny boxes get
// a one-row timeline, desktops keep the full chrome.
#include <catch2/catch.hpp>

#include "core/chrome_layout.h"

using namespace ca;

TEST_CASE("chrome layout: phones start with the legend folded, desktops with it open") {
    CHECK(chrome_layout(390, 844, false).legend_folded);
    CHECK(chrome_layout(320, 568, false).legend_folded);
    CHECK(chrome_layout(590, 900, false).legend_folded);
    CHECK_FALSE(chrome_layout(1280, 800, false).legend_folded);
    CHECK_FALSE(chrome_layout(1920, 1080, false).legend_folded);
    // A phone still shows the legend (folded); a compact embed does not draw it at all.
    CHECK(chrome_layout(390, 844, false).legend_shown);
    CHECK_FALSE(chrome_layout(640, 400, true).legend_shown);
}

TEST_CASE("chrome layout: a 320x240 box is tiny and its timeline leaves room for the map") {
    const ChromeLayout c = chrome_layout(320, 240, true);
    CHECK(c.tiny);
    CHECK(c.compact);
    CHECK(c.timeline_height <= 72);
    CHECK_FALSE(chrome_layout(640, 400, true).tiny);
    CHECK_FALSE(chrome_layout(390, 844, false).tiny);
    CHECK(chrome_layout(1280, 800, false).timeline_height == 128);
}

TEST_CASE("chrome layout: panels keep clear of the page's chrome") {
    // The web page's search row (8..40 px) and dataset bar under it (44..70 px), at the left.
    const std::vector<Rect> chrome = {{8, 8, 400, 40}, {8, 44, 300, 70}};
    // The legend at the left, wanted at y 10: below both.
    CHECK(clear_top(10, 280, 10, 200, chrome) == Approx(76));
    // A panel right of them stays where it was wanted.
    CHECK(clear_top(900, 1270, 8, 40, chrome) == Approx(8));
    // Overlapping only the search row (right of the dataset bar): just below that.
    CHECK(clear_top(350, 600, 8, 40, chrome) == Approx(46));
    // No chrome: unchanged.
    CHECK(clear_top(10, 280, 10, 200, {}) == Approx(10));
}

// The details panel beside the map ends above the timeline; in edit mode the page's dataset bar,
// wrapped onto three rows, grows up out of the timeline's corner over the panel's foot.
// A 320x568 phone in edit mode with an edit made: the search row, the dataset bar with its edit
// note over three rows and the toolbar under them leave the Edit panel less than its least
// height; its story editor's folded bar stood 3 px over the timeline (session 26).
TEST_CASE("chrome layout: the story editor's folded bar never covers the timeline") {
    const float w = 320, h = 568, timeline_top = 396;
    for (double chrome_bottom : {120.0, 190.0, 237.0, 300.0}) {
        const std::vector<ca::Rect> obstacles = {
            {4, 4, 316, 34}, {4, 38, 316, chrome_bottom}, {100, chrome_bottom + 4, 312, chrome_bottom + 40}};
        const ca::EditorLayout e = ca::editor_layout(w, h, timeline_top - 8, obstacles);
        CAPTURE(chrome_bottom, e.edit.y0, e.edit.y1, e.story_y);
        REQUIRE(e.story_from_bottom);
        CHECK(e.story_y <= timeline_top - 8);
        CHECK(e.edit.y1 <= e.story_y - ca::kEditorBarHeight);
        for (const ca::Rect& r : obstacles) CHECK_FALSE(e.edit.overlaps(r));
    }
}

TEST_CASE("chrome layout: a panel's foot keeps clear of the page's chrome below it") {
    const std::vector<Rect> chrome = {{8, 8, 400, 40}, {705, 583, 1264, 700}};
    // The details panel (890..1270), wanted down to 654 on an 800 px screen: raised above the bar.
    CHECK(clear_bottom(890, 1270, 654, 800, chrome) == Approx(583 - kPageChromeGap));
    // A panel left of the bar, or chrome in the top half (the search row): unchanged.
    CHECK(clear_bottom(10, 420, 654, 800, chrome) == Approx(654));
    CHECK(clear_bottom(10, 420, 654, 800, {{8, 8, 400, 40}}) == Approx(654));
    // The bar where it usually is, inside the timeline's top row (668..700): unchanged.
    CHECK(clear_bottom(890, 1270, 654, 800, {{1034, 668, 1264, 700}}) == Approx(654));
}

TEST_CASE("chrome layout: the About card sits below the page's chrome and fits the screen") {
    // 320x568 phone: search row 4..40 across the width.
    const std::vector<Rect> chrome = {{4, 4, 316, 40}};
    const CardPlace c = centred_card(300, 320, 568, chrome);
    CHECK(c.centre_y - c.max_h / 2 >= 46 - 0.01);  // its top below the search row
    CHECK(c.centre_y + c.max_h / 2 <= 568);        // its bottom on the screen
    // Chrome in the bottom half (the desktop's dataset bar) does not move it.
    const CardPlace d = centred_card(460, 1280, 800, {{1000, 600, 1270, 640}});
    CHECK(d.centre_y == Approx(400));
    CHECK(d.max_h == Approx(780));
}

// Trying the first visit: the card showed centred on the whole map in the first frame, then
// moved 18 px down when the page's search row reached the map (the setChrome command comes a
// frame after `ready`), and a click aimed at its first place missed "Take the tour".
TEST_CASE("chrome layout: an About card that fits centred stays put when the page's chrome arrives") {
    const std::vector<Rect> search_row = {{0, 0, 1280, 36}};
    const CardPlace before = centred_card(460, 1280, 800, {}, 10, 420);
    const CardPlace after = centred_card(460, 1280, 800, search_row, 10, 420);
    CHECK(before.centre_y == Approx(400));
    CHECK(after.centre_y == Approx(before.centre_y));
    CHECK(after.centre_y - 420 / 2 >= 36 + kPageChromeGap);  // clear of the search row
    // A card too tall for that (a phone) goes below the chrome as before.
    const std::vector<Rect> phone_row = {{4, 4, 316, 40}};
    const CardPlace tall = centred_card(300, 320, 568, phone_row, 10, 500);
    CHECK(tall.centre_y - 500 / 2 >= 46 - 0.01);
    CHECK(tall.centre_y == Approx((46 + 558) / 2.0));
    // Its height unknown (its first frame): below the chrome.
    CHECK(centred_card(460, 1280, 800, search_row, 10).centre_y == Approx((42 + 790) / 2.0));
}

// The data editor's two panels (issue 15's "nothing overlaps", in #edit=1): at every size from a
// 320 px phone to 1920 px, with the page's chrome where the page puts it (the search row at the
// top; the dataset bar with its notes under it on phones, at the bottom right on wider screens)
// and the map's toolbar at the top right, the Edit panel and the story editor (opened to its
// greatest height beside it, or its folded bar on phones) overlap neither each other nor any of
// that, stay on the screen and end above the timeline.
TEST_CASE("chrome layout: the editor's panels overlap neither each other, the chrome nor the timeline") {
    for (float w : {320.f, 390.f, 600.f, 820.f, 1024.f, 1280.f, 1920.f}) {
        for (float h : {568.f, 700.f, 844.f, 1080.f}) {
            const float timeline_top = h - 136;
            std::vector<ca::Rect> obstacles = {{8, 8, std::min(w - 8.0, 560.0), 40}};  // search row
            if (w < 960)
                obstacles.push_back({8, 44, w - 8, w < 480 ? 170.0 : 110.0});  // dataset bar and the edit note
            else
                obstacles.push_back({std::max(8.0, w - 16 - 640.0), h - 106 - 60.0, w - 16, h - 106});                     // bottom right
            obstacles.push_back({w - std::min(440.f, w - 16), w < 900 ? 52.0 : 8.0, w - 8, (w < 900 ? 52.0 : 8.0) + 40});  // toolbar
            const ca::EditorLayout e = ca::editor_layout(w, h, timeline_top - 8, obstacles);
            CAPTURE(w, h, e.edit.x0, e.edit.y0, e.edit.x1, e.edit.y1, e.story_x, e.story_y, e.story_max_h, e.story_from_bottom);
            const ca::Rect story = e.story_from_bottom
                                       ? ca::Rect{e.story_x, e.story_y - ca::kEditorBarHeight, e.story_x + e.story_w, e.story_y}
                                       : ca::Rect{e.story_x, e.story_y, e.story_x + e.story_w, e.story_y + e.story_max_h};
            CHECK_FALSE(e.edit.overlaps(story));
            for (const ca::Rect& r : obstacles) {
                CHECK_FALSE(e.edit.overlaps(r));
                CHECK_FALSE(story.overlaps(r));
            }
            for (const ca::Rect& p : {e.edit, story}) {
                CHECK(p.x0 >= 0);
                CHECK(p.x1 <= w);
                CHECK(p.y1 <= timeline_top);
                CHECK(p.y1 - p.y0 >= 20);
            }
            CHECK(e.edit.y1 - e.edit.y0 >= 120);
            CHECK(e.story_from_bottom == (w < 8 + 420 + 8 + 380 + 8));
        }
    }
}
