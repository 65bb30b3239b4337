// The map: basemap triangles and coastlines, the GBA frame, and the scene that core computes
// (core/map_scene.h): collaboration arcs (hub and spokes, dashed by kind, growing when new),
// nodes shaped by kind, clusters and spiders, labels. Input: pan, zoom, hover and click.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/map_scene.h"
#include "imgui_internal.h"
#include "ui/line_batch.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

ImVec2 iv(PointF p) { return ImVec2(p.x, p.y); }
ImVec2 iv(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

bool box_visible(const Box& b, const Box& view) {
    return b.max.x >= view.min.x && b.min.x <= view.max.x && b.max.y >= view.min.y && b.min.y <= view.max.y;
}

// Each part of the map is a function of its own ([[gnu::noinline]]), not inlined into draw_map:
// a 9.8 KB draw_map got hot in the first frame and took the browser's optimising compiler ~0.1 s
// of CPU while the page started; its parts, one by one, take a few ms (docs/benchmarks.md, "Session 12").
[[gnu::noinline]] void draw_land(ImDrawList* dl, const Camera& cam, const Basemap& bm, bool dark, const Box& view) {
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (const LandFeature& f : bm.land) {
        if (f.indices.empty() || !box_visible(f.bounds, view)) continue;
        const ImU32 col = land_colour(f.category, dark);
        dl->PrimReserve(static_cast<int>(f.indices.size()), static_cast<int>(f.vertices.size()));
        const unsigned base = dl->_VtxCurrentIdx;
        for (const Vec2& w : f.vertices) dl->PrimWriteVtx(iv(cam.world_to_screen(w)), uv, col);
        for (uint16_t i : f.indices) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
    }
    const Palette& p = palette(dark);
    std::vector<ImVec2> pts;
    for (const MapLine& l : bm.lines) {
        if (!box_visible(l.bounds, view) || l.points.size() < 2) continue;
        pts.clear();
        for (const Vec2& w : l.points) pts.push_back(iv(cam.world_to_screen(w)));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), l.kind == 0 ? p.coast : p.border, 0, l.kind == 0 ? 1.0f : 0.8f);
    }
}

[[gnu::noinline]] void draw_frame(ImDrawList* dl, const Camera& cam, bool dark, ImFont* font) {
    // The Greater Bay Area: nine Guangdong cities plus Hong Kong and Macao.
    Vec2 a = cam.world_to_screen(project({24.45, 111.35})), b = cam.world_to_screen(project({21.45, 115.45}));
    ImVec2 p0(static_cast<float>(std::min(a.x, b.x)), static_cast<float>(std::min(a.y, b.y)));
    ImVec2 p1(static_cast<float>(std::max(a.x, b.x)), static_cast<float>(std::max(a.y, b.y)));
    if (p1.x - p0.x < 14) return;
    const Palette& pal = palette(dark);
    dl->AddRect(p0, p1, pal.frame, 6, 0, 1.5f);
    if (p1.x - p0.x > 90)
        dl->AddText(font, font->FontSize * ImGui::GetIO().FontGlobalScale * 0.85f, ImVec2(p0.x + 6, p0.y + 4), pal.frame_text,
                    tr("Greater Bay Area"));
}

// Quadratic Bézier from a, bowing through c, to b.
struct Arc {
    ImVec2 a, c, b;
    ImVec2 at(float t) const {
        float u = 1 - t;
        return ImVec2(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y);
    }
};

// std::hypot for floats as glibc computes it (in double, then rounded): the same values
// without a libm call per arc segment.
float seg_length(float dx, float dy) { return static_cast<float>(std::sqrt(static_cast<double>(dx) * dx + static_cast<double>(dy) * dy)); }

// Dashed arcs go through one LineBatch per arc: the same vertices as one AddPolyline per dash.
void draw_arc(ImDrawList* dl, LineBatch& lines, const Arc& arc, float upto, ImU32 col, float width, Dash dash, float px_per_segment) {
    float len = std::hypot(arc.b.x - arc.a.x, arc.b.y - arc.a.y);
    int n = std::clamp(static_cast<int>(len / px_per_segment), 4, 48);
    int last = std::max(1, static_cast<int>(std::ceil(n * upto)));
    if (dash.on <= 0) {
        ImVec2 pts[49];
        int k = 0;
        for (int i = 0; i <= last; ++i) pts[k++] = arc.at(std::min(upto, static_cast<float>(i) / n));
        lines.add(pts, k);
        lines.flush(dl, col, width);
        return;
    }
    // Dashes: walk the polyline, toggling every on/off length.
    float period_pos = 0;
    bool on = true;
    ImVec2 prev = arc.at(0);
    ImVec2 seg[64];
    int k = 0;
    seg[k++] = prev;
    for (int i = 1; i <= last; ++i) {
        ImVec2 p = arc.at(std::min(upto, static_cast<float>(i) / n));
        float l = seg_length(p.x - prev.x, p.y - prev.y);
        while (l > 0) {
            float remain = (on ? dash.on : dash.off) - period_pos;
            if (remain > l) {
                period_pos += l;
                if (on && k < 63) seg[k++] = p;
                break;
            }
            float t = remain / l;
            ImVec2 q(prev.x + (p.x - prev.x) * t, prev.y + (p.y - prev.y) * t);
            if (on) {
                if (k < 63) seg[k++] = q;
                lines.add(seg, k);
                k = 0;
            } else {
                k = 0;
                seg[k++] = q;
            }
            on = !on;
            period_pos = 0;
            l -= remain;
            prev = q;
        }
        prev = p;
    }
    if (on) lines.add(seg, k);
    lines.flush(dl, col, width);
}

// A label's second line is set in a smaller font.
constexpr float kSecondLineScale = 0.85f;

// Label sizes in the map's fonts, for the scene's label layout.
class FontMeasure final : public TextMeasure {
public:
    FontMeasure(const Fonts& fonts, float size) : fonts_(fonts), size_(size) {}
    PointF first_line(const std::string& text) const override {
        const ImVec2 s = fonts_.regular->CalcTextSizeA(size_, 1e9f, 0, text.c_str());
        return {s.x, s.y};
    }
    PointF second_line(const std::string& text, Lang lang) const override {
        const ImVec2 s = second_font(lang)->CalcTextSizeA(size_ * kSecondLineScale, 1e9f, 0, text.c_str());
        return {s.x, s.y};
    }
    ImFont* second_font(Lang lang) const { return lang == Lang::Count ? fonts_.small : fonts_.for_lang(lang); }

private:
    const Fonts& fonts_;
    float size_;
};

// Pan and zoom (drag, wheel, double click, arrows, + - 0). Returns whether the canvas is hovered.
[[gnu::noinline]] bool route_input(AppModel& m, ImVec2 pos, ImVec2 size, const MapTuning& t, bool touch_gesture) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##mapcanvas", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && !touch_gesture && ImGui::IsMouseDragging(ImGuiMouseButton_Left, t.drag_threshold)) {
        m.pan({io.MouseDelta.x, io.MouseDelta.y});
    }
    if (hovered && io.MouseWheel != 0) m.zoom_at({io.MousePos.x, io.MousePos.y}, std::pow(t.zoom_per_wheel_notch, io.MouseWheel));
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) m.zoom_at({io.MousePos.x, io.MousePos.y}, t.zoom_per_double_click);
    if (!io.WantTextInput && !ImGui::IsAnyItemActive()) {
        const float step = t.pan_step;
        bool shift = io.KeyShift;
        if (!shift && !m.story()) {  // in a story, Left and Right step (story_view.cpp)
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) m.pan({step, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) m.pan({-step, 0});
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) m.pan({0, step});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) m.pan({0, -step});
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            ImWchar ch = io.InputQueueCharacters[i];
            Vec2 centre{pos.x + size.x / 2, pos.y + size.y / 2};
            if (ch == '+' || ch == '=')
                m.zoom_at(centre, t.zoom_per_key);
            else if (ch == '-' || ch == '_')
                m.zoom_at(centre, 1 / t.zoom_per_key);
            else if (ch == '0')
                m.reset_view();
        }
    }
    return hovered;
}

// Arcs in the scene's order (ended ones first, active on top).
[[gnu::noinline]] void draw_arcs(ImDrawList* dl, LineBatch& lines, const MapScene& scene, bool dark) {
    const Palette& pal = palette(dark);
    for (const SceneArc& a : scene.arcs) {
        const ImU32 col = with_alpha(a.faded ? pal.faded : collab_colour(a.kind, dark), a.alpha);
        draw_arc(dl, lines, Arc{iv(a.a), iv(a.c), iv(a.b)}, a.grow, col, a.width, a.dashed ? collab_dash(a.kind) : Dash{0, 0}, a.segment);
    }
}

// Clusters and nodes, cluster by cluster: a collapsed cluster's disc and count, or a spread
// cluster's ring and legs, then its nodes.
[[gnu::noinline]] void draw_marks(ImDrawList* dl, const MapScene& scene, const Dataset& ds, bool dark, ImFont* font, float fs) {
    const Palette& pal = palette(dark);
    for (const SceneGroup& g : scene.groups) {
        if (g.collapsed) {
            const ImVec2 p = iv(g.centre);
            const ImU32 fill = g.any_active ? pal.cluster : pal.faded;
            dl->AddCircleFilled(p, g.radius, fill, 28);
            dl->AddCircle(p, g.radius + 2.5f, with_alpha(fill, 0.35f), 28, 3);
            char buf[24];
            std::snprintf(buf, sizeof buf, "%d", g.count());
            const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, buf);
            dl->AddText(font, fs, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), pal.cluster_text, buf);
            continue;
        }
        if (g.spread) {
            dl->AddCircle(iv(g.centre), g.radius, with_alpha(pal.text_dim, 0.5f), 48, 1);
            for (int i = g.node_begin; i < g.node_end; ++i)
                dl->AddLine(iv(g.centre), iv(scene.nodes[i].p), with_alpha(pal.text_dim, 0.6f), 1);
        }
        for (int i = g.node_begin; i < g.node_end; ++i) {
            const SceneNode& n = scene.nodes[i];
            const Organisation& o = ds.organisations[n.org];
            const ImVec2 p = iv(n.p);
            ImU32 fill = org_colour(o.kind, dark);
            if (!n.active) fill = with_alpha(mix(fill, pal.faded, 0.6f), 0.6f);
            if (n.dimmed) fill = with_alpha(fill, 0.3f);
            if (n.selected || n.hovered) dl->AddCircleFilled(p, n.radius + 6, with_alpha(pal.highlight, 0.18f), 24);
            draw_shape(dl, p, n.radius, org_shape(o.kind), fill, n.selected ? pal.highlight : pal.node_outline);
        }
    }
}

// Placed labels on their halos, then the edge labels over them.
[[gnu::noinline]] void draw_labels(ImDrawList* dl, const MapScene& scene, const FontMeasure& fm, ImFont* font, float fs, bool dark,
                                   const MapTuning& t) {
    const Palette& pal = palette(dark);
    auto corner = [](double x, double y) { return ImVec2(static_cast<float>(x), static_cast<float>(y)); };
    for (const SceneLabel& l : scene.labels) {
        const Rect& r = l.rect;
        dl->AddRectFilled(corner(r.x0, r.y0), corner(r.x1, r.y1), pal.halo, 4);
        const float x = static_cast<float>(r.x0) + t.label_pad_x / 2, y = static_cast<float>(r.y0) + t.label_pad_y / 2;
        dl->AddText(font, fs, ImVec2(x, y), l.dim ? pal.text_dim : pal.text, l.line1.c_str());
        if (!l.line2.empty()) dl->AddText(fm.second_font(l.lang2), fs * kSecondLineScale, ImVec2(x, y + fs), pal.text_dim, l.line2.c_str());
    }
    for (const SceneEdgeLabel& l : scene.edge_labels) {
        const Rect& r = l.rect;
        dl->AddRectFilled(corner(r.x0, r.y0), corner(r.x1, r.y1), pal.halo, 3);
        const ImVec2 at(static_cast<float>(r.x0) + static_cast<float>(t.edge_label_box_pad_x),
                        static_cast<float>(r.y0) + static_cast<float>(t.edge_label_box_pad_y));
        dl->AddText(font, fs, at, pal.text, l.text.c_str());
    }
}

[[gnu::noinline]] void org_tooltip(AppModel& m, const Fonts& fonts, int org) {
    const Organisation& o = m.data().organisations[org];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(o.shown_name(active_locale()).c_str());
    if (const LocalName* n = o.native()) {
        ImGui::PushFont(fonts.for_lang(n->lang));
        ImGui::TextUnformatted(n->text.c_str());
        ImGui::PopFont();
    }
    const std::string& city = o.city_in(active_locale());
    ImGui::TextDisabled(tr("%s · %s · %d active"), enum_label(o.kind), city.empty() ? enum_label(o.region) : city.c_str(),
                        m.visibility().org_degree[org]);
    ImGui::EndTooltip();
}

// Hover (tooltip, hand cursor, AppModel::hover_org) and click: select an organisation, zoom
// into or spread a cluster, close a spider on empty ground.
[[gnu::noinline]] void route_pointer(AppModel& m, UiContext& ui, const MapScene& scene, bool hovered, bool click) {
    const MapTuning& t = ui.map_tuning;
    ImGuiIO& io = ImGui::GetIO();
    m.hover_org = -1;
    if (!hovered || ImGui::IsMouseDragging(ImGuiMouseButton_Left, t.drag_threshold)) return;
    const HitTarget h = scene.hit({io.MousePos.x, io.MousePos.y}, ui.opt.web ? t.hit_radius_touch : t.hit_radius_mouse);
    if (h.kind == HitTarget::None) {
        if (click) ui.spider = -1;
        return;
    }
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (h.kind == HitTarget::Org) {
        m.hover_org = h.index;
        org_tooltip(m, ui.fonts, h.index);
        if (click) m.select_org(h.index);
        return;
    }
    const SceneGroup& g = scene.groups[static_cast<size_t>(h.index)];
    ImGui::BeginTooltip();
    ImGui::Text(trn("%d organisation — click to spread", "%d organisations — click to spread", static_cast<unsigned long>(g.count())),
                g.count());
    for (int k = 0; k < g.count() && k < 8; ++k)
        ImGui::BulletText("%s", m.data().organisations[scene.members_begin(g)[k]].shown_short_name(active_locale()).c_str());
    ImGui::EndTooltip();
    if (!click) return;
    const ClusterClick c = ui.map_scene.click_cluster(h.index, m.camera(), m.max_scale(), t);
    if (c.spread)
        ui.spider = g.leader;
    else
        m.fly_to_box(c.box, t.cluster_fit_margin);
}

}  // namespace

void draw_map(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size) {
    const bool dark = m.dark();
    const Palette& pal = palette(dark);
    const MapTuning& t = ui.map_tuning;
    m.set_viewport({pos.x, pos.y}, {size.x, size.y});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!m.view().transparent) dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), pal.sea);

    // Input first (so this frame draws the result).
    const bool hovered = route_input(m, pos, size, t, ui.touch_gesture || ui.map_held);
    const bool click = hovered && !ui.touch_gesture && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                       !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, t.click_slop);

    // Grow the draw list's buffers up front, from the map's vertex count last frame, so that
    // ImGui does not reallocate them (copying all drawn so far) halfway through the arcs.
    MapDrawBuffers& buf = ui.map_draw;
    const int vtx_start = dl->VtxBuffer.Size, idx_start = dl->IdxBuffer.Size;
    if (dl->VtxBuffer.Capacity < vtx_start + buf.last_vtx + buf.last_vtx / 4) dl->VtxBuffer.reserve(vtx_start + 2 * buf.last_vtx);
    if (dl->IdxBuffer.Capacity < idx_start + buf.last_idx + buf.last_idx / 4) dl->IdxBuffer.reserve(idx_start + 2 * buf.last_idx);

    const Camera& cam = m.camera();
    draw_land(dl, cam, ui.basemap, dark, cam.view_bounds());
    draw_frame(dl, cam, dark, ui.fonts.regular);

    ImFont* font = ui.fonts.regular;
    const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
    const FontMeasure measure(ui.fonts, fs);
    MapSceneInput in = map_scene_input(m);
    in.origin = {pos.x, pos.y};
    in.size = {size.x, size.y};
    in.spider = ui.spider;
    in.obstacles = &ui.panels;
    in.text = &measure;
    const MapScene& scene = ui.map_scene.build(in, t);
    m.drawn_at = &scene.drawn;
    m.drawn_version = m.version();

    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    draw_arcs(dl, buf.lines, scene, dark);
    draw_marks(dl, scene, m.data(), dark, font, fs);
    draw_labels(dl, scene, measure, font, fs, dark, t);
    dl->PopClipRect();
    buf.last_vtx = dl->VtxBuffer.Size - vtx_start;
    buf.last_idx = dl->IdxBuffer.Size - idx_start;
    ui.drawn_links = static_cast<int>(scene.arcs.size());
    ui.drawn_nodes = static_cast<int>(scene.nodes.size());
    ui.drawn_clusters = scene.collapsed_clusters;
    ui.drawn_labels = static_cast<int>(scene.labels.size());

    route_pointer(m, ui, scene, hovered, click);
}

}  // namespace ca::ui
