// Batched anti-aliased polylines (the map's dashed arcs): the same vertices and indices as one
// ImDrawList::AddPolyline call per polyline, written with one reservation per batch.
#pragma once
#include <vector>

#include "imgui.h"

namespace ca::ui {

class LineBatch {
public:
    void clear() {
        pts_.clear();
        ends_.clear();
    }
    // One open polyline (ignored below two points, as AddPolyline does).
    void add(const ImVec2* pts, int count);
    // Draws every polyline added since clear() in one colour and width, then clears.
    void flush(ImDrawList* dl, ImU32 col, float thickness);

private:
    std::vector<ImVec2> pts_;
    std::vector<int> ends_;        // end offset of each polyline in pts_
    std::vector<ImVec2> normals_;  // scratch, per point
    std::vector<ImVec2> edges_;    // scratch, two per point
};

}  // namespace ca::ui
