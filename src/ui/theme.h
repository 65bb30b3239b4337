// Colours and ImGui style for the light and dark themes: a colour-blind-safe palette
// (Okabe–Ito) for collaboration and organisation kinds, with dash patterns and shapes as well.
#pragma once
#include "core/basemap.h"
#include "core/model.h"
#include "imgui.h"

namespace ca::ui {

struct Palette {
    ImU32 sea, land, land_focus, land_hk, coast, border, frame, frame_text;
    ImU32 text, text_dim, halo, node_outline, faded, highlight, panel_bg;
    ImVec4 clear;
    ImU32 ok_text, warn_text;  // the editor's confirmations and warnings
};

const Palette& palette(bool dark);
void apply_style(bool dark, float scale);

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

ImU32 with_alpha(ImU32 c, float a);
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace ca::ui
