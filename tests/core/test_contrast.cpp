// WCAG 2.1 contrast and CIELAB difference (core/contrast.h) against published reference values:
// black on white 21:1, #767676 the greyest text that passes AA on white (4.54:1).
#include <catch2/catch.hpp>

#include "core/contrast.h"

using Catch::Detail::Approx;

TEST_CASE("contrast: WCAG's ratio from relative luminance") {
    const ca::Rgb white = ca::rgb_hex(0xFFFFFF), black = ca::rgb_hex(0x000000);
    CHECK(ca::relative_luminance(white) == Approx(1.0));
    CHECK(ca::relative_luminance(black) == Approx(0.0));
    CHECK(ca::contrast_ratio(black, white) == Approx(21.0));
    CHECK(ca::contrast_ratio(white, black) == Approx(21.0));  // either order
    CHECK(ca::contrast_ratio(white, white) == Approx(1.0));
    CHECK(ca::contrast_ratio(ca::rgb_hex(0x767676), white) == Approx(4.54).epsilon(0.005));
    CHECK(ca::contrast_ratio(ca::rgb_hex(0x777777), white) < 4.5);  // one step lighter fails AA
    // Green weighs most: pure green on black 15.3:1, pure blue 2.44:1.
    CHECK(ca::contrast_ratio(ca::rgb_hex(0x00FF00), black) == Approx(15.3).epsilon(0.005));
    CHECK(ca::contrast_ratio(ca::rgb_hex(0x0000FF), black) == Approx(2.44).epsilon(0.005));
}

TEST_CASE("contrast: a translucent colour over another blends the stored values") {
    const ca::Rgb c = ca::over(ca::rgb_hex(0x000000), 0.5, ca::rgb_hex(0xFFFFFF));
    CHECK(c.r == Approx(0.5));
    CHECK(c.g == Approx(0.5));
    CHECK(c.b == Approx(0.5));
    CHECK(ca::over(ca::rgb_hex(0x123456), 1, ca::rgb_hex(0xFFFFFF)).g == Approx(0x34 / 255.0));
    CHECK(ca::over(ca::rgb_hex(0x123456), 0, ca::rgb_hex(0xFFFFFF)).g == Approx(1.0));
    CHECK(ca::over(ca::rgb_hex(0x123456), 7, ca::rgb_hex(0xFFFFFF)).g == Approx(0x34 / 255.0));  // clamped
}

TEST_CASE("contrast: CIELAB difference") {
    CHECK(ca::colour_difference(ca::rgb_hex(0x000000), ca::rgb_hex(0xFFFFFF)) == Approx(100.0).epsilon(0.001));
    CHECK(ca::colour_difference(ca::rgb_hex(0x336699), ca::rgb_hex(0x336699)) == Approx(0.0));
    // sRGB red is L* 53.24, a* 80.09, b* 67.20: its distance from black is their length.
    CHECK(ca::colour_difference(ca::rgb_hex(0xFF0000), ca::rgb_hex(0x000000)) == Approx(117.3).epsilon(0.002));
}

TEST_CASE("contrast: the most tint a row's background takes with its text kept readable") {
    const ca::Rgb white = ca::rgb_hex(0xFFFFFF), black = ca::rgb_hex(0x000000), blue = ca::rgb_hex(0x0000FF);
    const double t = ca::max_tint(white, blue, black, 4.5, 1);
    CHECK(t > 0);
    CHECK(t < 1);  // black on pure blue is 2.44:1
    CHECK(ca::contrast_ratio(black, ca::over(blue, t, white)) >= 4.5);
    CHECK(ca::contrast_ratio(black, ca::over(blue, t + 1.0 / 64, white)) < 4.5);  // the most
    CHECK(ca::max_tint(white, blue, black, 4.5, 0.1) <= 0.1);
    const double grey = ca::max_tint(white, black, black, 4.5, 1);  // black text on a grey: about #777
    CHECK(grey > 0.45);
    CHECK(grey < 0.6);
    CHECK(ca::max_tint(white, white, ca::rgb_hex(0xEEEEEE), 4.5, 1) == 0);  // never enough
}

TEST_CASE("system colours: the page's list of eight, read or refused with why") {
    ca::SystemColours c;
    std::string why;
    const std::string list = "#000000,#ffffff,#FFFF00,#3ff23f,#1aebff,#000000,#000000,#ffffff";
    REQUIRE(ca::parse_system_colours(list, c, why));
    CHECK(c.canvas == 0x000000);
    CHECK(c.canvas_text == 0xFFFFFF);
    CHECK(c.link_text == 0xFFFF00);
    CHECK(c.gray_text == 0x3FF23F);
    CHECK(c.highlight == 0x1AEBFF);
    CHECK(c.button_text == 0xFFFFFF);
    CHECK(ca::system_colours_list(c) == "#000000,#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff");
    ca::SystemColours again;
    REQUIRE(ca::parse_system_colours(ca::system_colours_list(c), again, why));
    CHECK(again == c);

    const ca::SystemColours before = c;
    auto refused = [&](const std::string& bad, const std::string& expect) {
        std::string w;
        CHECK_FALSE(ca::parse_system_colours(bad, c, w));
        CHECK(w.find(expect) != std::string::npos);
        CHECK(c == before);  // left as it was
        return w;
    };
    refused("", "expected 8 colours #rrggbb");
    refused(list + ",#000000", "got 71 characters");
    refused(std::string(100000, 'x'), "got 100000 characters");
    refused("#000000,#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#fffffg", "colour 8 (ButtonText) is not #rrggbb");
    refused("000000,#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff#", "colour 1 (Canvas)");
    refused("#000000;#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff", "colour 1 (Canvas) is not #rrggbb followed by a comma");
    refused(std::string("#000000,#ff\0fff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff", 63), "colour 2 (CanvasText)");
}
