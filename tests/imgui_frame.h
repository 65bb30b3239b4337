// What an ImGui frame drew, for tests: the vertices without their texture coordinates, the glyphs
// the font atlas holds and the text a draw list shows (tests/ui and tests/app share them).
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <string>
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

// The text a draw list draws, read back from its glyph quads (each glyph's first vertex holds its
// U0,V0 and the next two U1,V0 and U1,V1 in the atlas): what a visitor reads, in drawing order,
// without the blank glyphs (spaces) and line breaks, which draw nothing.
inline std::string drawn_text(const ImDrawList* dl) {
    struct Key {
        float u, v;
        bool operator<(const Key& o) const { return u < o.u || (u == o.u && v < o.v); }
    };
    std::map<Key, const ImFontGlyph*> glyphs;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : f->Glyphs)
            if (g.Visible) glyphs.emplace(Key{g.U0, g.V0}, &g);
    std::string out;
    const ImVector<ImDrawVert>& v = dl->VtxBuffer;
    for (int i = 0; i + 2 < v.Size; ++i) {
        auto it = glyphs.find(Key{v[i].uv.x, v[i].uv.y});
        if (it == glyphs.end()) continue;
        const ImFontGlyph& g = *it->second;
        if (v[i + 1].uv.x != g.U1 || v[i + 1].uv.y != g.V0 || v[i + 2].uv.x != g.U1 || v[i + 2].uv.y != g.V1) continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, g.Codepoint);
        out += buf;
        i += 3;
    }
    return out;
}

}  // namespace ca::test
