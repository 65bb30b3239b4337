// Palette tables after Okabe–Ito (orange, sky, green, blue, vermillion, purple, grey), darkened in
// the light theme to 3:1 on the map and 4.5:1 as text (tests/ui/theme_contrast_test.cpp).
#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace ca::ui {

static constexpr ImU32 rgb(unsigned v, unsigned a = 255) { return IM_COL32((v >> 16) & 255, (v >> 8) & 255, v & 255, a); }

namespace {
bool g_forced = false;
SystemColours g_system;
Palette g_forced_palette;

// Forced colours: the map, panels and marks in the visitor's system colours alone (CSS Color 4's
// Canvas, CanvasText, LinkText, GrayText, Highlight), as forced colours does to the page's DOM.
Palette forced_palette(const SystemColours& c) {
    Palette p{};
    const ImU32 bg = rgb(c.canvas), fg = rgb(c.canvas_text), gray = rgb(c.gray_text);
    p.sea = bg;
    p.land = p.land_focus = p.land_hk = mix(bg, fg, 0.08f);  // the coast in GrayText outlines it
    p.coast = p.border = p.frame = p.faded = gray;
    p.frame_text = p.text = p.ok_text = fg;
    p.text_dim = gray;
    p.halo = (bg & ~IM_COL32_A_MASK) | (230u << IM_COL32_A_SHIFT);
    p.node_outline = p.panel_bg = p.cluster_text = bg;
    p.cluster = fg;
    p.highlight = p.warn_text = rgb(c.highlight);
    p.link = rgb(c.link_text);
    p.clear = ImGui::ColorConvertU32ToFloat4(bg);
    return p;
}
}  // namespace

void set_forced_colours(const SystemColours* c) {
    g_forced = c != nullptr;
    if (!c) return;
    g_system = *c;
    g_forced_palette = forced_palette(*c);
}

const Palette& palette(bool dark) {
    if (g_forced) return g_forced_palette;
    static const Palette light{rgb(0xDCE8F2),      rgb(0xF4F1EA), rgb(0xFBFAF6),      rgb(0xFFFFFF),
                               rgb(0x9AB0C4),      rgb(0xB9B2A6), rgb(0x48698A, 230), rgb(0x3D5A78),
                               rgb(0x1D2630),      rgb(0x5C6873), rgb(0xFFFFFF, 220), rgb(0xFFFFFF),
                               rgb(0xA7B0B8, 150), rgb(0x111111), rgb(0xFFFFFF, 240), ImVec4(0.863f, 0.910f, 0.949f, 1),
                               rgb(0x1E7A34),      rgb(0xB04A0C), rgb(0x0A4F96),      rgb(0x28466E, 230),
                               rgb(0xFFFFFF)};
    static const Palette darkp{rgb(0x0F1720),      rgb(0x25303B), rgb(0x2E3B48),      rgb(0x3A4A5A),
                               rgb(0x4A6176),      rgb(0x56616C), rgb(0x8FB3D9, 200), rgb(0xA9C6E4),
                               rgb(0xE6EDF3),      rgb(0x9AA7B3), rgb(0x0F1720, 220), rgb(0x0F1720),
                               rgb(0x5A6570, 150), rgb(0xFFFFFF), rgb(0x17212B, 240), ImVec4(0.059f, 0.090f, 0.125f, 1),
                               rgb(0x5CCB7A),      rgb(0xFFA24D), rgb(0xA8D0FF),      rgb(0x3C5A78, 235),
                               rgb(0xFFFFFF)};
    return dark ? darkp : light;
}

ImU32 collab_colour(CollabKind k, bool dark) {
    if (g_forced) return g_forced_palette.link;
    static const unsigned l[] = {0x0072B2, 0xBC4B00, 0x007A5B, 0xA64A84, 0x9B6100, 0x00788F, 0x6F6A2A, 0x7B5EA7, 0x444444};
    static const unsigned d[] = {0x56B4E9, 0xFF8C42, 0x2BD1A0, 0xE89AC7, 0xF0C04A, 0x8FD3FF, 0xD9B55A, 0xB59BE0, 0xCCCCCC};
    return rgb((dark ? d : l)[static_cast<int>(k)]);
}

ImU32 org_colour(OrgKind k, bool dark) {
    if (g_forced) return g_forced_palette.text;
    static const unsigned l[] = {0xBC4B00, 0x0072B2, 0x007A5B, 0x333F4A, 0xA64A84, 0x9B6100, 0x68727C};
    static const unsigned d[] = {0xFF8C42, 0x56B4E9, 0x2BD1A0, 0xE6EDF3, 0xE89AC7, 0xF0C04A, 0x9AA7B3};
    return rgb((dark ? d : l)[static_cast<int>(k)]);
}

ImU32 land_colour(LandCategory c, bool dark) {
    const Palette& p = palette(dark);
    switch (c) {
        case LandCategory::HongKong:
        case LandCategory::Macao:
            return p.land_hk;
        case LandCategory::Taiwan:
        case LandCategory::SouthKorea:
        case LandCategory::Japan:
        case LandCategory::China:
            return p.land_focus;
        default:
            return p.land;
    }
}

Dash collab_dash(CollabKind k) {
    switch (k) {
        case CollabKind::Consortium:
            return {0, 0};
        case CollabKind::Mou:
            return {10, 4};
        case CollabKind::Forum:
            return {2, 4};
        case CollabKind::JointResearch:
            return {0, 0};
        case CollabKind::Course:
            return {6, 3};
        case CollabKind::Internship:
            return {3, 3};
        case CollabKind::Scholarship:
            return {12, 3};
        case CollabKind::Mentorship:
            return {5, 5};
        case CollabKind::Alliance:
            return {14, 6};
        default:
            return {0, 0};
    }
}

Shape org_shape(OrgKind k) {
    switch (k) {
        case OrgKind::Government:
            return Shape::Square;
        case OrgKind::ResearchInstitute:
            return Shape::Triangle;
        case OrgKind::University:
            return Shape::Diamond;
        case OrgKind::Company:
            return Shape::Circle;
        case OrgKind::Association:
            return Shape::Hexagon;
        case OrgKind::Consortium:
            return Shape::Star;
        case OrgKind::Group:
            return Shape::Ring;
        default:
            return Shape::Circle;
    }
}

void draw_shape(ImDrawList* dl, ImVec2 c, float r, Shape s, ImU32 fill, ImU32 outline) {
    switch (s) {
        case Shape::Circle:
            dl->AddCircleFilled(c, r, fill, 20);
            dl->AddCircle(c, r, outline, 20, 1.2f);
            break;
        case Shape::Square: {
            float h = r * 0.88f;
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), fill, 1.5f);
            dl->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), outline, 1.5f, 0, 1.2f);
            break;
        }
        case Shape::Triangle: {
            ImVec2 a(c.x, c.y - r * 1.15f), b(c.x - r, c.y + r * 0.75f), d(c.x + r, c.y + r * 0.75f);
            dl->AddTriangleFilled(a, b, d, fill);
            dl->AddTriangle(a, b, d, outline, 1.2f);
            break;
        }
        case Shape::Diamond: {
            ImVec2 q[4] = {{c.x, c.y - r * 1.15f}, {c.x + r * 1.15f, c.y}, {c.x, c.y + r * 1.15f}, {c.x - r * 1.15f, c.y}};
            dl->AddConvexPolyFilled(q, 4, fill);
            dl->AddPolyline(q, 4, outline, ImDrawFlags_Closed, 1.2f);
            break;
        }
        case Shape::Hexagon:
            dl->AddNgonFilled(c, r * 1.05f, fill, 6);
            dl->AddNgon(c, r * 1.05f, outline, 6, 1.2f);
            break;
        case Shape::Star: {
            ImVec2 q[10];
            for (int i = 0; i < 10; ++i) {
                float ang = -1.5708f + i * 0.6283f, rr = (i % 2) ? r * 0.55f : r * 1.3f;
                q[i] = ImVec2(c.x + std::cos(ang) * rr, c.y + std::sin(ang) * rr);
            }
            for (int i = 0; i < 10; i += 2)
                dl->AddTriangleFilled(c, q[i], q[(i + 1) % 10], fill), dl->AddTriangleFilled(c, q[i], q[(i + 9) % 10], fill);
            dl->AddPolyline(q, 10, outline, ImDrawFlags_Closed, 1.1f);
            break;
        }
        case Shape::Ring:
            dl->AddCircleFilled(c, r, with_alpha(fill, 0.25f), 20);
            dl->AddCircle(c, r, fill, 20, 2.2f);
            break;
    }
}

ImU32 with_alpha(ImU32 c, float a) {
    unsigned al = static_cast<unsigned>(((c >> IM_COL32_A_SHIFT) & 255) * a);
    return (c & ~IM_COL32_A_MASK) | (al << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

// ImGui's default control colours fall short of WCAG 1.4.11 and 1.4.3 on these panels (a white
// check box on a white panel, a check mark 1.5:1 in a pressed box, light text 2.5:1 on a hovered
// dark button): boxes get a 3:1 border, marks and grabs 3:1 in every state, text 4.5:1 on every
// button and row state (tests/ui/theme_contrast_test.cpp).
static void control_colours(ImGuiStyle& s, bool dark) {
    auto c = [](unsigned v, float a = 1) { return ImVec4(((v >> 16) & 255) / 255.f, ((v >> 8) & 255) / 255.f, (v & 255) / 255.f, a); };
    ImVec4* k = s.Colors;
    s.FrameBorderSize = 1;
    if (dark) {
        k[ImGuiCol_Border] = c(0x7D8A96);
        k[ImGuiCol_FrameBgHovered] = c(0x26476E);
        k[ImGuiCol_FrameBgActive] = c(0x2B5486);
        k[ImGuiCol_CheckMark] = k[ImGuiCol_SliderGrab] = k[ImGuiCol_NavHighlight] = c(0x8FC3FF);
        k[ImGuiCol_SliderGrabActive] = c(0xB5D7FF);
        k[ImGuiCol_ButtonHovered] = c(0x2B5C9A);
        k[ImGuiCol_ButtonActive] = k[ImGuiCol_HeaderActive] = c(0x1E4A80);
        k[ImGuiCol_HeaderHovered] = c(0x26476E);
        k[ImGuiCol_ScrollbarGrab] = c(0x6B7785);
        k[ImGuiCol_ScrollbarGrabHovered] = c(0x8390A0);
        k[ImGuiCol_ScrollbarGrabActive] = c(0x9AA7B5);
    } else {
        k[ImGuiCol_Border] = c(0x7C8791);
        k[ImGuiCol_FrameBg] = c(0xFFFFFF);
        k[ImGuiCol_FrameBgHovered] = c(0xE3EEFB);
        k[ImGuiCol_FrameBgActive] = c(0xCFE2F8);
        k[ImGuiCol_CheckMark] = k[ImGuiCol_SliderGrab] = k[ImGuiCol_NavHighlight] = c(0x1565C0);
        k[ImGuiCol_SliderGrabActive] = c(0x0D47A1);
        k[ImGuiCol_ButtonActive] = c(0x4296FA, 0.7f);
        k[ImGuiCol_HeaderHovered] = c(0x4296FA, 0.4f);  // under a hovered link's text too
        k[ImGuiCol_HeaderActive] = c(0x4296FA, 0.5f);
        k[ImGuiCol_ScrollbarGrab] = c(0x7C8791);
        k[ImGuiCol_ScrollbarGrabHovered] = c(0x66717B);
        k[ImGuiCol_ScrollbarGrabActive] = c(0x4F5A64);
    }
}

// Forced colours: every control in the system colours; a hovered, pressed or selected control
// takes as much Highlight as keeps its text and links 4.5:1 (tests/ui/theme_contrast_test.cpp).
static void forced_control_colours(ImGuiStyle& s, const SystemColours& sc) {
    auto c = [](uint32_t v, float a = 1) { return ImVec4(((v >> 16) & 255) / 255.f, ((v >> 8) & 255) / 255.f, (v & 255) / 255.f, a); };
    const Rgb canvas = rgb_hex(sc.canvas), text = rgb_hex(sc.canvas_text), link = rgb_hex(sc.link_text), hl = rgb_hex(sc.highlight);
    auto tint = [&](double most) {
        return static_cast<float>(std::min(max_tint(canvas, hl, text, 4.5, most), max_tint(canvas, hl, link, 4.5, most)));
    };
    const ImVec4 hover = c(sc.highlight, tint(0.4)), press = c(sc.highlight, tint(0.6)), chosen = c(sc.highlight, tint(0.3));
    ImVec4* k = s.Colors;
    for (int i = 0; i < ImGuiCol_COUNT; ++i) k[i] = c(sc.canvas);
    k[ImGuiCol_Text] = k[ImGuiCol_CheckMark] = k[ImGuiCol_SliderGrab] = k[ImGuiCol_SliderGrabActive] = k[ImGuiCol_Border] =
        k[ImGuiCol_ScrollbarGrabHovered] = k[ImGuiCol_ScrollbarGrabActive] = k[ImGuiCol_PlotLines] = k[ImGuiCol_PlotHistogram] =
            c(sc.canvas_text);
    k[ImGuiCol_TextDisabled] = k[ImGuiCol_ScrollbarGrab] = k[ImGuiCol_Separator] = k[ImGuiCol_ResizeGrip] = k[ImGuiCol_TableBorderStrong] =
        k[ImGuiCol_TableBorderLight] = c(sc.gray_text);
    k[ImGuiCol_Button] = c(sc.button_face);
    k[ImGuiCol_BorderShadow] = c(0, 0);
    k[ImGuiCol_FrameBgHovered] = k[ImGuiCol_ButtonHovered] = k[ImGuiCol_HeaderHovered] = k[ImGuiCol_TabHovered] = hover;
    k[ImGuiCol_FrameBgActive] = k[ImGuiCol_ButtonActive] = k[ImGuiCol_HeaderActive] = k[ImGuiCol_TabActive] = press;
    k[ImGuiCol_Header] = chosen;
    k[ImGuiCol_SeparatorHovered] = k[ImGuiCol_SeparatorActive] = k[ImGuiCol_ResizeGripHovered] = k[ImGuiCol_ResizeGripActive] =
        k[ImGuiCol_NavHighlight] = k[ImGuiCol_DragDropTarget] = k[ImGuiCol_NavWindowingHighlight] = c(sc.highlight);
    k[ImGuiCol_TextSelectedBg] = chosen;
    k[ImGuiCol_NavWindowingDimBg] = k[ImGuiCol_ModalWindowDimBg] = c(sc.canvas, 0.6f);  // the map behind a card, faint
    s.FrameBorderSize = 1;
}

static bool g_dark = false;  // the theme apply_style last set

ImU32 link_colour() { return palette(g_dark).link; }

void apply_style(bool dark, float scale) {
    g_dark = dark;
    ImGuiStyle s;
    if (dark)
        ImGui::StyleColorsDark(&s);
    else
        ImGui::StyleColorsLight(&s);
    s.WindowRounding = 8;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.PopupRounding = 6;
    s.ChildRounding = 6;
    s.WindowBorderSize = 1;
    s.FramePadding = ImVec2(7, 4);
    s.ItemSpacing = ImVec2(7, 5);
    s.WindowPadding = ImVec2(10, 8);
    s.ScrollbarSize = 12;
    const Palette& p = palette(dark);
    s.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(p.panel_bg);
    s.Colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(p.panel_bg);
    s.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
    s.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.text_dim);
    if (g_forced)
        forced_control_colours(s, g_system);
    else
        control_colours(s, dark);
    s.ScaleAllSizes(scale);
    ImGui::GetStyle() = s;
}

}  // namespace ca::ui
