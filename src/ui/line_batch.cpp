// A copy of ImGui 1.86's textured anti-aliased path of ImDrawList::AddPolyline (open lines of
// whole-pixel width), arithmetic kept operation for operation so the output is identical; any
// other case (no anti-aliasing, no baked line texture, fractional width) calls AddPolyline.
#include "ui/line_batch.h"

#include "imgui_internal.h"

namespace ca::ui {

void LineBatch::add(const ImVec2* pts, int count) {
    if (count < 2) return;
    pts_.insert(pts_.end(), pts, pts + count);
    ends_.push_back(static_cast<int>(pts_.size()));
}

void LineBatch::flush(ImDrawList* dl, ImU32 col, float thickness) {
    if (ends_.empty()) return;
    thickness = ImMax(thickness, 1.0f);
    const int integer_thickness = static_cast<int>(thickness);
    const float fractional_thickness = thickness - static_cast<float>(integer_thickness);
    const bool textured = (dl->Flags & ImDrawListFlags_AntiAliasedLines) && (dl->Flags & ImDrawListFlags_AntiAliasedLinesUseTex) &&
                          integer_thickness < IM_DRAWLIST_TEX_LINES_WIDTH_MAX && fractional_thickness <= 0.00001f &&
                          dl->_FringeScale == 1.0f;
    if (!textured) {
        int begin = 0;
        for (int end : ends_) {
            dl->AddPolyline(pts_.data() + begin, end - begin, col, 0, thickness);
            begin = end;
        }
        clear();
        return;
    }
    const int npts = static_cast<int>(pts_.size()), nlines = static_cast<int>(ends_.size());
    dl->PrimReserve((npts - nlines) * 6, npts * 2);
    normals_.resize(pts_.size());
    edges_.resize(pts_.size() * 2);
    const float half_draw_size = (thickness * 0.5f) + 1;
    const ImVec4 tex_uvs = dl->_Data->TexUvLines[integer_thickness];
    const ImVec2 tex_uv0(tex_uvs.x, tex_uvs.y), tex_uv1(tex_uvs.z, tex_uvs.w);
    int begin = 0;
    for (int end : ends_) {
        const ImVec2* points = pts_.data() + begin;
        ImVec2* temp_normals = normals_.data() + begin;
        ImVec2* temp_points = edges_.data() + 2 * begin;
        const int points_count = end - begin, count = points_count - 1;
        for (int i1 = 0; i1 < count; i1++) {
            float dx = points[i1 + 1].x - points[i1].x;
            float dy = points[i1 + 1].y - points[i1].y;
            float d2 = dx * dx + dy * dy;
            if (d2 > 0.0f) {
                float inv_len = ImRsqrt(d2);
                dx *= inv_len;
                dy *= inv_len;
            }
            temp_normals[i1].x = dy;
            temp_normals[i1].y = -dx;
        }
        temp_normals[points_count - 1] = temp_normals[points_count - 2];
        temp_points[0] = ImVec2(points[0].x + temp_normals[0].x * half_draw_size, points[0].y + temp_normals[0].y * half_draw_size);
        temp_points[1] = ImVec2(points[0].x - temp_normals[0].x * half_draw_size, points[0].y - temp_normals[0].y * half_draw_size);
        unsigned int idx1 = dl->_VtxCurrentIdx;
        ImDrawIdx* idx = dl->_IdxWritePtr;
        for (int i1 = 0; i1 < count; i1++) {
            const int i2 = i1 + 1;
            const unsigned int idx2 = idx1 + 2;
            float dm_x = (temp_normals[i1].x + temp_normals[i2].x) * 0.5f;
            float dm_y = (temp_normals[i1].y + temp_normals[i2].y) * 0.5f;
            float d2 = dm_x * dm_x + dm_y * dm_y;
            if (d2 > 0.000001f) {
                float inv_len2 = 1.0f / d2;
                if (inv_len2 > 100.0f) inv_len2 = 100.0f;
                dm_x *= inv_len2;
                dm_y *= inv_len2;
            }
            dm_x *= half_draw_size;
            dm_y *= half_draw_size;
            ImVec2* out_vtx = &temp_points[i2 * 2];
            out_vtx[0].x = points[i2].x + dm_x;
            out_vtx[0].y = points[i2].y + dm_y;
            out_vtx[1].x = points[i2].x - dm_x;
            out_vtx[1].y = points[i2].y - dm_y;
            idx[0] = static_cast<ImDrawIdx>(idx2 + 0);
            idx[1] = static_cast<ImDrawIdx>(idx1 + 0);
            idx[2] = static_cast<ImDrawIdx>(idx1 + 1);
            idx[3] = static_cast<ImDrawIdx>(idx2 + 1);
            idx[4] = static_cast<ImDrawIdx>(idx1 + 1);
            idx[5] = static_cast<ImDrawIdx>(idx2 + 0);
            idx += 6;
            idx1 = idx2;
        }
        dl->_IdxWritePtr = idx;
        ImDrawVert* vtx = dl->_VtxWritePtr;
        for (int i = 0; i < points_count; i++) {
            vtx[0].pos = temp_points[i * 2 + 0];
            vtx[0].uv = tex_uv0;
            vtx[0].col = col;
            vtx[1].pos = temp_points[i * 2 + 1];
            vtx[1].uv = tex_uv1;
            vtx[1].col = col;
            vtx += 2;
        }
        dl->_VtxWritePtr = vtx;
        dl->_VtxCurrentIdx += static_cast<unsigned int>(points_count * 2);
        begin = end;
    }
    clear();
}

}  // namespace ca::ui
