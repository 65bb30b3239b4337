// Colours and ImGui style for the light and dark themes: a colour-blind-safe palette
// (Okabe–Ito) for collaboration and organisation kinds, with dash patterns and shapes as well.
#pragma once
#include "core/basemap.h"
#include "core/contrast.h"
#include "core/model.h"
#include "imgui.h"

namespace ca::ui {

struct Palette {
    ImU32 sea, land, land_focus, land_hk, coast, border, frame, frame_text;
    ImU32 text, text_dim, halo, node_outline, faded, highlight, panel_bg;
    ImVec4 clear;
    ImU32 ok_text, warn_text;     // the editor's confirmations and warnings
    ImU32 link;                   // a link's text (the details' participants, collaborations, events)
    ImU32 cluster, cluster_text;  // a cluster's disc and its count
};

// The palette of the theme, or, while forced colours are set, of the visitor's contrast theme
// (whatever `dark` says). Likewise the kinds' and lands' colours and apply_style.
const Palette& palette(bool dark);
// Forced colours (the page's system colours under `forced-colors: active`), or nullptr for the
// themes' own: every kind then takes one system colour (kinds differ by dash and shape).
void set_forced_colours(const SystemColours* c);
void apply_style(bool dark, float scale);
// The text colour of a link in the theme apply_style last set.
ImU32 link_colour();

ImU32 collab_colour(CollabKind k, bool dark);
ImU32 org_colour(OrgKind k, bool dark);
ImU32 land_colour(LandCategory c, bool dark);

// Dash pattern of a collaboration kind: on/off lengths in pixels (0 = solid).
struct Dash {
    float on, off;
};
Dash collab_dash(CollabKind k);

enum class Shape { Circle, Square, Triangle, Diamond, Hexagon, Star, Ring };
Shape org_shape(OrgKind k);

// A node's marker: the shape of its organisation kind (map and legend draw the same).
void draw_shape(ImDrawList* dl, ImVec2 c, float r, Shape s, ImU32 fill, ImU32 outline);

// The timeline's track (the sea's colour over the panel) and its bars: filled, or, open to the
// left, faint with an outline (3:1 on the track: tests/ui/theme_contrast_test.cpp).
inline constexpr float kTrackAlpha = 0.6f, kBarAlpha = 0.85f, kOpenBarAlpha = 0.3f, kBarOutlineAlpha = 0.9f;

ImU32 with_alpha(ImU32 c, float a);
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace ca::ui
