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
