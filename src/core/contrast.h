// WCAG 2.1 colour contrast (relative luminance, ratio, blending, CIE76 ΔE) and the system
// colours a forced-colours mode (Windows' contrast themes) gives the page, read from its list.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

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
// How much of `tint` (0..max_t, in steps of 1/64) can go over `bg` while `text` keeps
// `min_ratio` on the result: a hovered or selected row's background in a forced-colours scheme.
double max_tint(Rgb bg, Rgb tint, Rgb text, double min_ratio, double max_t);

// CSS's system colours, as the browser resolves them under forced colours (the visitor's own
// contrast theme), each 0xRRGGBB; the map draws with these alone then.
struct SystemColours {
    uint32_t canvas = 0xFFFFFF, canvas_text = 0, link_text = 0x0000EE, gray_text = 0x6D6D6D, highlight = 0x0078D7,
             highlight_text = 0xFFFFFF, button_face = 0xFFFFFF, button_text = 0;
    bool operator==(const SystemColours& o) const = default;
};
// Their CSS names, in the order of a list: Canvas, CanvasText, LinkText, GrayText, Highlight,
// HighlightText, ButtonFace, ButtonText.
extern const char* const kSystemColourNames[8];
// A list "#rrggbb,#rrggbb,..." of the eight, in that order (what the page sends; 8×7 bytes and
// commas, nothing else). False, with why, for anything else.
bool parse_system_colours(std::string_view list, SystemColours& out, std::string& why);
std::string system_colours_list(const SystemColours& c);

}  // namespace ca
