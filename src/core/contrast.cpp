// Formulas of WCAG 2.1 (relative luminance, contrast ratio) and CIELAB (sRGB, D65), used to
// check the map's palette and ImGui style, which axe-core cannot see; the system colours' list.
#include "core/contrast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ca {
namespace {

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double lab_f(double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16) / 116; }

struct Lab {
    double l, a, b;
};

Lab to_lab(Rgb c) {
    const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

}  // namespace

Rgb rgb_hex(uint32_t v) { return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0}; }

Rgb over(Rgb fg, double alpha, Rgb bg) {
    alpha = std::clamp(alpha, 0.0, 1.0);
    return {fg.r * alpha + bg.r * (1 - alpha), fg.g * alpha + bg.g * (1 - alpha), fg.b * alpha + bg.b * (1 - alpha)};
}

double relative_luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double colour_difference(Rgb a, Rgb b) {
    const Lab x = to_lab(a), y = to_lab(b);
    return std::sqrt((x.l - y.l) * (x.l - y.l) + (x.a - y.a) * (x.a - y.a) + (x.b - y.b) * (x.b - y.b));
}

double max_tint(Rgb bg, Rgb tint, Rgb text, double min_ratio, double max_t) {
    double best = 0;
    for (int i = 1; i <= 64 && i / 64.0 <= max_t + 1e-9; ++i)
        if (contrast_ratio(text, over(tint, i / 64.0, bg)) >= min_ratio) best = i / 64.0;
    return best;
}

const char* const kSystemColourNames[8] = {"Canvas",    "CanvasText",    "LinkText",   "GrayText",
                                           "Highlight", "HighlightText", "ButtonFace", "ButtonText"};

namespace {
// The members in the list's order (kSystemColourNames).
uint32_t SystemColours::*const kSlots[8] = {&SystemColours::canvas,      &SystemColours::canvas_text, &SystemColours::link_text,
                                            &SystemColours::gray_text,   &SystemColours::highlight,   &SystemColours::highlight_text,
                                            &SystemColours::button_face, &SystemColours::button_text};
int hex_digit(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}
}  // namespace

bool parse_system_colours(std::string_view list, SystemColours& out, std::string& why) {
    constexpr size_t kLength = 8 * 7 + 7;
    if (list.size() != kLength) {
        why = "expected 8 colours #rrggbb separated by commas (" + std::to_string(kLength) + " characters), got " +
              std::to_string(std::min<size_t>(list.size(), 100000)) + " characters";
        return false;
    }
    SystemColours c;
    for (size_t i = 0; i < 8; ++i) {
        const std::string_view item = list.substr(i * 8, 7);
        uint32_t v = 0;
        bool ok = item[0] == '#' && (i == 7 || list[i * 8 + 7] == ',');
        for (size_t k = 1; ok && k < 7; ++k) {
            const int d = hex_digit(item[k]);
            ok = d >= 0;
            v = v * 16 + static_cast<uint32_t>(d < 0 ? 0 : d);
        }
        if (!ok) {
            why = std::string("colour ") + std::to_string(i + 1) + " (" + kSystemColourNames[i] + ") is not #rrggbb" +
                  (i < 7 ? " followed by a comma" : "");
            return false;
        }
        c.*kSlots[i] = v;
    }
    out = c;
    return true;
}

std::string system_colours_list(const SystemColours& c) {
    std::string s;
    for (size_t i = 0; i < 8; ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c.*kSlots[i] & 0xFFFFFF));
        if (i) s += ',';
        s += buf;
    }
    return s;
}

}  // namespace ca
