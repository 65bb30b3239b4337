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
