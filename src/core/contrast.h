// WCAG 2.1 colour contrast: relative luminance, the contrast ratio, a translucent colour over
// another (as the canvas blends) and how far apart two colours look (CIE76 ΔE in CIELAB).
#pragma once
#include <cstdint>

namespace ca {

// An sRGB colour, each channel 0..1.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

// 0xRRGGBB.
Rgb rgb_hex(uint32_t rrggbb);
// `fg` at opacity `alpha` over the opaque `bg`: WebGL's and ImGui's blending of the stored
// (gamma-encoded) values, not a blend in linear light.
Rgb over(Rgb fg, double alpha, Rgb bg);
// WCAG 2.1's relative luminance (0 black .. 1 white).
double relative_luminance(Rgb c);
// WCAG 2.1's contrast ratio, 1..21: text needs 4.5 (AA, 1.4.3), graphics and controls 3 (1.4.11).
double contrast_ratio(Rgb a, Rgb b);
// The CIE76 colour difference (Euclidean distance in CIELAB, D65): ~2.3 is just noticeable;
// the contrast test keeps the map's kinds 13 or more apart.
double colour_difference(Rgb a, Rgb b);

}  // namespace ca
