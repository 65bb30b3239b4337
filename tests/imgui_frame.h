// What an ImGui frame drew, for tests that compare frames: the vertices without their texture
// coordinates, and how many glyphs the font atlas holds (tests/ui and tests/app share them).
#pragma once
#include <imgui.h>

#include <vector>

namespace ca::test {

// Every vertex's position and colour and the indices' count, list by list: the same for two
// atlases of other glyph sets (their layouts differ), different when a glyph is missing.
inline std::vector<float> frame_geometry() {
    std::vector<float> g;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* dl = dd->CmdLists[l];
        g.push_back(static_cast<float>(dl->IdxBuffer.Size));
        for (const ImDrawVert& v : dl->VtxBuffer) g.insert(g.end(), {v.pos.x, v.pos.y, static_cast<float>(v.col)});
    }
    return g;
}

// The glyphs of every font in the atlas.
inline int atlas_glyphs() {
    int n = 0;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts) n += f->Glyphs.Size;
    return n;
}

}  // namespace ca::test
