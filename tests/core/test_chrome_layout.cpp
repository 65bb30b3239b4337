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
