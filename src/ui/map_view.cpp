// The map: basemap triangles and coastlines, the GBA frame, collaboration arcs (hub and
// spokes, dashed by kind, growing when new), nodes shaped by kind, clusters, labels, input.
#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdint>

#include "core/arc_groups.h"
#include "core/cluster.h"
#include "core/hit_test.h"
#include "ui/line_batch.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "imgui_internal.h"

namespace ca::ui {
namespace {

ImVec2 iv(Vec2 v) { return ImVec2(static_cast<float>(v.x), static_cast<float>(v.y)); }

bool box_visible(const Box& b, const Box& view) {
    return b.max.x >= view.min.x && b.min.x <= view.max.x && b.max.y >= view.min.y && b.min.y <= view.max.y;
}

void draw_land(ImDrawList* dl, const Camera& cam, const Basemap& bm, bool dark, const Box& view) {
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

void draw_frame(ImDrawList* dl, const Camera& cam, bool dark, ImFont* font) {
    // The Greater Bay Area: nine Guangdong cities plus Hong Kong and Macao.
    Vec2 a = cam.world_to_screen(project({24.45, 111.35})), b = cam.world_to_screen(project({21.45, 115.45}));
    ImVec2 p0(static_cast<float>(std::min(a.x, b.x)), static_cast<float>(std::min(a.y, b.y)));
    ImVec2 p1(static_cast<float>(std::max(a.x, b.x)), static_cast<float>(std::max(a.y, b.y)));
    if (p1.x - p0.x < 14) return;
    const Palette& pal = palette(dark);
    dl->AddRect(p0, p1, pal.frame, 6, 0, 1.5f);
    if (p1.x - p0.x > 90) dl->AddText(font, font->FontSize * ImGui::GetIO().FontGlobalScale * 0.85f, ImVec2(p0.x + 6, p0.y + 4), pal.frame_text, "Greater Bay Area");
}

// Quadratic Bézier from a to b bowing to the left of the direction of travel.
struct Arc {
    ImVec2 a, c, b;
    ImVec2 at(float t) const {
        float u = 1 - t;
        return ImVec2(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y);
    }
};

Arc make_arc(ImVec2 a, ImVec2 b, float bend) {
    ImVec2 m((a.x + b.x) / 2, (a.y + b.y) / 2), d(b.x - a.x, b.y - a.y);
    return {a, ImVec2(m.x - d.y * bend, m.y + d.x * bend), b};
}

// std::hypot for floats as glibc computes it (in double, then rounded): the same values
// without a libm call per arc segment.
float seg_length(float dx, float dy) {
    return static_cast<float>(std::sqrt(static_cast<double>(dx) * dx + static_cast<double>(dy) * dy));
}

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

void label_text(const Organisation& o, NameLang lang, std::string& line1, std::string& line2, Lang& l2lang) {
    const LocalName* nat = o.native();
    line1 = lang == NameLang::Native && nat ? nat->text : o.short_name();
    line2.clear();
    if (lang == NameLang::Both && nat) { line2 = nat->text; l2lang = nat->lang; }
    else if (lang == NameLang::Native && nat) { line2 = o.short_name(); l2lang = Lang::Count; }
}

}  // namespace

std::string display_name(const Organisation& o, NameLang lang) {
    const LocalName* nat = o.native();
    if (!nat || lang == NameLang::En) return o.name;
    if (lang == NameLang::Native) return nat->text;
    return o.name + " · " + nat->text;
}

void draw_map(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size) {
    const Dataset& ds = m.data();
    const bool dark = m.dark();
    const Palette& pal = palette(dark);
    m.set_viewport({pos.x, pos.y}, {size.x, size.y});
    Camera& cam = m.camera();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!m.view().transparent) dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), pal.sea);

    // Input first (so this frame draws the result).
    ImGui::SetCursorScreenPos(pos);
    ImGui::InvisibleButton("##mapcanvas", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const bool click = hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                       !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, 4);
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        m.pan({io.MouseDelta.x, io.MouseDelta.y});
    }
    if (hovered && io.MouseWheel != 0) m.zoom_at({io.MousePos.x, io.MousePos.y}, std::pow(1.2, io.MouseWheel));
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) m.zoom_at({io.MousePos.x, io.MousePos.y}, 2.0);
    if (!io.WantTextInput && !ImGui::IsAnyItemActive()) {
        const float step = 60;
        bool shift = io.KeyShift;
        if (!shift) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) m.pan({step, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) m.pan({-step, 0});
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) m.pan({0, step});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) m.pan({0, -step});
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            ImWchar ch = io.InputQueueCharacters[i];
            Vec2 centre{pos.x + size.x / 2, pos.y + size.y / 2};
            if (ch == '+' || ch == '=') m.zoom_at(centre, 1.5);
            else if (ch == '-' || ch == '_') m.zoom_at(centre, 1 / 1.5);
            else if (ch == '0') m.reset_view();
        }
    }

    // Grow the draw list's buffers up front, from the map's vertex count last frame, so that
    // ImGui does not reallocate them (copying all drawn so far) halfway through the arcs.
    MapScratch& ms = ui.map;  // per-frame buffers kept between frames
    const int vtx_start = dl->VtxBuffer.Size, idx_start = dl->IdxBuffer.Size;
    if (dl->VtxBuffer.Capacity < vtx_start + ms.last_vtx + ms.last_vtx / 4) dl->VtxBuffer.reserve(vtx_start + 2 * ms.last_vtx);
    if (dl->IdxBuffer.Capacity < idx_start + ms.last_idx + ms.last_idx / 4) dl->IdxBuffer.reserve(idx_start + 2 * ms.last_idx);

    const Box view = cam.view_bounds();
    draw_land(dl, cam, ui.basemap, dark, view);
    draw_frame(dl, cam, dark, ui.fonts.regular);

    // Organisation positions and clusters.
    if (ui.projected_for != &ds || ui.org_world.size() != ds.organisations.size()) {
        ui.org_world.resize(ds.organisations.size());
        for (size_t i = 0; i < ds.organisations.size(); ++i)
            if (ds.organisations[i].has_coords) ui.org_world[i] = project({ds.organisations[i].lat, ds.organisations[i].lon});
        ui.projected_for = &ds;
    }
    const Visibility& vis = m.visibility();
    const Selection sel = m.selection();
    const size_t norgs = ds.organisations.size();
    const FlatIndex& fi = flat_index(ds, ui.map.flat_scratch);
    std::vector<int>& shown = ms.shown;
    std::vector<Vec2>& spts = ms.spts;
    std::vector<double>& prio = ms.prio;
    shown.clear();
    spts.clear();
    prio.clear();
    for (size_t i = 0; i < norgs; ++i) {
        if (vis.org[i] == Vis::Hidden || !fi.org_has_coords[i]) continue;
        Vec2 s = cam.world_to_screen(ui.org_world[i]);
        if (s.x < pos.x - 200 || s.y < pos.y - 200 || s.x > pos.x + size.x + 200 || s.y > pos.y + size.y + 200) continue;
        shown.push_back(static_cast<int>(i));
        spts.push_back(s);
        prio.push_back(vis.org_degree[i] * 10.0 + (sel.is_org && sel.index == static_cast<int>(i) ? 1000 : 0) +
                       (vis.org[i] == Vis::Active ? 5 : 0));
    }
    cluster_points(spts, prio, 15.0, ms.clusters);
    const Clustering& clusters = ms.clusters;
    std::vector<ImVec2>& disp = ms.disp;
    disp.assign(norgs, ImVec2(-1e6f, -1e6f));
    // The display point of each drawn organisation: its collapsed cluster, else its own.
    std::vector<uint32_t>& point_of = ms.point_of_org;
    point_of.assign(norgs, kNoPoint);
    const uint32_t nclusters = static_cast<uint32_t>(clusters.size());
    for (size_t ci = 0; ci < clusters.size(); ++ci) {
        const int count = clusters.count(ci);
        const int leader = shown[clusters.leader[ci]];
        const bool spider = count > 1 && ui.spider == leader;
        const Vec2 centre = clusters.centre[ci];
        for (int k = 0; k < count; ++k) {
            const int mi = clusters.begin(ci)[k];
            const int org = shown[mi];
            point_of[org] = count > 1 && !spider ? static_cast<uint32_t>(ci) : nclusters + static_cast<uint32_t>(org);
            if (count == 1) disp[org] = iv(spts[mi]);
            else if (spider) {
                float ang = static_cast<float>(k) / count * 6.2832f - 1.5708f;
                float r = 26 + 3.0f * count;
                disp[org] = ImVec2(static_cast<float>(centre.x) + std::cos(ang) * r, static_cast<float>(centre.y) + std::sin(ang) * r);
            } else disp[org] = iv(centre);
        }
    }

    // Links.
    const int hover_org = m.hover_org;
    auto edge_point = [&](int hub, Region r) {
        ImVec2 h = disp[hub];
        float y = std::clamp(h.y, pos.y + 40, pos.y + size.y - 40);
        return r == Region::Eu ? ImVec2(pos.x + 4, y - 30) : ImVec2(pos.x + size.x - 4, y - 30);
    };
    struct EdgeLabel { ImVec2 p; std::string text; bool left; Rect rect{}; bool shown = false; };
    std::vector<EdgeLabel> edge_labels;
    // Collaborations become arcs between display points (a cluster or a lone node). Those with
    // the same ends, kind and status are merged and drawn once, wider by their count, so a
    // large dataset draws one arc per visible pair rather than one per collaboration.
    // Level of detail: with thousands of visible collaborations, one arc per pair of points
    // (coloured by its first collaboration's kind, solid), whatever the kinds and status.
    const bool lod = vis.active + vis.faded > 3000;
    ArcInputs arc_in;
    arc_in.collab_vis = &vis.collab;
    arc_in.point_of_org = &point_of;
    arc_in.hover_org = hover_org;
    arc_in.selected_org = sel.is_org ? sel.index : -1;
    arc_in.selected_collab = sel.is_org ? -1 : sel.index;
    arc_in.lod = lod;
    arc_in.appeared_at = m.appeared_at();
    arc_in.clock = m.now();
    std::vector<ArcGroup>& edges = ms.arcs;
    const std::vector<char>& partner = ms.partner;  // organisations sharing a drawn collaboration with the hovered one
    ms.grouper.group(ds, arc_in, edges, ms.partner);
    auto arc_end = [&](const ArcGroup& e) {
        return fi.org_has_coords[e.other] ? disp[e.other] : edge_point(e.hub, fi.org_region[e.other]);
    };
    for (const ArcGroup& e : edges) {
        if (fi.org_has_coords[e.other]) continue;
        const Organisation& o = ds.organisations[e.other];
        edge_labels.push_back({arc_end(e), "→ " + o.short_name(), o.region == Region::Eu});
    }
    ui.drawn_links = 0;
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), true);
    for (int pass = 0; pass < 2; ++pass) {  // ended first, active on top
        for (const ArcGroup& e : edges) {
            if (e.faded != (pass == 0)) continue;
            const float grow = static_cast<float>(std::clamp(e.max_age / 0.9, 0.0, 1.0));
            float alpha = e.faded ? 0.35f : 0.85f;
            if (hover_org >= 0 && !e.related) alpha *= 0.2f;
            const ImU32 col = with_alpha(e.faded ? pal.faded : collab_colour(e.kind, dark), alpha);
            float width = e.faded ? 1.0f : 1.6f + 0.35f * std::min(e.facts, 6) + 1.2f * std::log2(static_cast<float>(e.count));
            // Whole-pixel widths let ImGui draw anti-aliased lines from its baked-line texture
            // (fewer vertices than the geometric fringe used for fractional widths).
            width = std::round(std::min(width, 9.0f) + (e.related || e.selected ? 1.2f : 0));
            const float bend = 0.18f + 0.05f * static_cast<float>(e.first % 4);
            draw_arc(dl, ms.lines, make_arc(disp[e.hub], arc_end(e), bend), grow, col, width, e.faded || lod ? Dash{0, 0} : collab_dash(e.kind),
                     lod ? 16.0f : 6.0f);
            ++ui.drawn_links;
        }
    }

    // Nodes and clusters.
    std::vector<Vec2>& hit_pts = ms.hit_pts;
    std::vector<float>& hit_r = ms.hit_r;
    std::vector<int>& hit_org = ms.hit_org;  // >= 0 org, < 0: -(cluster+1)
    hit_pts.clear();
    hit_r.clear();
    hit_org.clear();
    ui.drawn_nodes = ui.drawn_clusters = 0;
    std::vector<LabelRequest> lreq;
    struct LabelInfo { std::string l1, l2; Lang lang2; ImU32 col; };
    std::vector<LabelInfo> linfo;
    ImFont* font = ui.fonts.regular;
    const float fs = font->FontSize * io.FontGlobalScale;
    // Only the most important nodes ask for a label: layout cost stays bounded on big data.
    constexpr size_t kMaxLabels = 350;
    double label_min_prio = -1e300;
    if (clusters.size() > kMaxLabels) {
        std::vector<double>& lp = ms.label_prio;
        lp.clear();
        for (int l : clusters.leader) lp.push_back(prio[l]);
        std::nth_element(lp.begin(), lp.begin() + kMaxLabels, lp.end(), std::greater<double>());
        label_min_prio = lp[kMaxLabels];
    }
    for (size_t ci = 0; ci < clusters.size(); ++ci) {
        const size_t nmembers = static_cast<size_t>(clusters.count(ci));
        const int c_leader = clusters.leader[ci];
        const Vec2 c_centre = clusters.centre[ci];
        int leader = shown[c_leader];
        bool spider = nmembers > 1 && ui.spider == leader;
        if (nmembers > 1 && !spider) {
            ImVec2 p = iv(c_centre);
            float r = 11 + 2.0f * std::sqrt(static_cast<float>(nmembers));
            int active = 0;
            for (const int* mi = clusters.begin(ci); mi != clusters.end(ci); ++mi) active += vis.org[shown[*mi]] == Vis::Active;
            ImU32 fill = active ? (dark ? IM_COL32(60, 90, 120, 235) : IM_COL32(40, 70, 110, 230)) : pal.faded;
            dl->AddCircleFilled(p, r, fill, 28);
            dl->AddCircle(p, r + 2.5f, with_alpha(fill, 0.35f), 28, 3);
            char buf[24];
            std::snprintf(buf, sizeof buf, "%zu", nmembers);
            ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, buf);
            dl->AddText(font, fs, ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), IM_COL32_WHITE, buf);
            hit_pts.push_back({p.x, p.y});
            hit_r.push_back(r);
            hit_org.push_back(-static_cast<int>(ci) - 1);
            ++ui.drawn_clusters;
            if (prio[c_leader] < label_min_prio) continue;
            // Label: the leader's short name + "+n".
            const Organisation& lo = ds.organisations[leader];
            std::string l1, l2;
            Lang l2lang = Lang::Count;
            label_text(lo, m.view().lang, l1, l2, l2lang);
            l1 += " +" + std::to_string(nmembers - 1);
            (void)l2lang;
            ImVec2 sz = font->CalcTextSizeA(fs, 1e9f, 0, l1.c_str());
            lreq.push_back({{p.x, p.y}, r, sz.x + 8, sz.y + 4, prio[c_leader] + 50});
            linfo.push_back({l1, "", Lang::Count, pal.text});
            continue;
        }
        if (spider) {
            dl->AddCircle(iv(c_centre), 26 + 3.0f * nmembers, with_alpha(pal.text_dim, 0.5f), 48, 1);
            for (const int* mi = clusters.begin(ci); mi != clusters.end(ci); ++mi) dl->AddLine(iv(c_centre), disp[shown[*mi]], with_alpha(pal.text_dim, 0.6f), 1);
        }
        for (const int* mip = clusters.begin(ci); mip != clusters.end(ci); ++mip) {
            const int mi = *mip;
            int org = shown[mi];
            const Organisation& o = ds.organisations[org];
            ImVec2 p = disp[org];
            float r = 4.5f + 2.4f * std::sqrt(static_cast<float>(vis.org_degree[org]));
            bool is_sel = sel.is_org && sel.index == org;
            bool is_hover = hover_org == org;
            ImU32 fill = org_colour(o.kind, dark);
            if (vis.org[org] != Vis::Active) fill = with_alpha(mix(fill, pal.faded, 0.6f), 0.6f);
            if (hover_org >= 0 && !is_hover && !partner[org]) fill = with_alpha(fill, 0.3f);
            if (is_sel || is_hover) dl->AddCircleFilled(p, r + 6, with_alpha(pal.highlight, 0.18f), 24);
            draw_shape(dl, p, r, org_shape(o.kind), fill, is_sel ? pal.highlight : pal.node_outline);
            hit_pts.push_back({p.x, p.y});
            hit_r.push_back(r + 2);
            hit_org.push_back(org);
            ++ui.drawn_nodes;
            if (prio[mi] < label_min_prio && !is_sel && !is_hover) continue;
            std::string l1, l2;
            Lang l2lang = Lang::Count;
            label_text(o, m.view().lang, l1, l2, l2lang);
            ImVec2 s1 = font->CalcTextSizeA(fs, 1e9f, 0, l1.c_str());
            ImFont* f2 = l2lang == Lang::Count ? ui.fonts.small : ui.fonts.for_lang(l2lang);
            ImVec2 s2 = l2.empty() ? ImVec2(0, 0) : f2->CalcTextSizeA(fs * 0.85f, 1e9f, 0, l2.c_str());
            double pr = prio[mi] + (is_hover ? 2000 : 0);
            if (vis.org[org] != Vis::Active && !is_sel && !is_hover) pr -= 100;
            lreq.push_back({{p.x, p.y}, r, std::max(s1.x, s2.x) + 8, s1.y + (l2.empty() ? 0 : s2.y) + 4, pr});
            linfo.push_back({l1, l2, l2lang, vis.org[org] == Vis::Active ? pal.text : pal.text_dim});
        }
    }

    // Edge labels (organisations off the map) first, slid off the panels' backs (the panels
    // draw over the map) along their row or a row beside it; one that finds no free spot or is
    // wider than the map is left out, like a node label that does not fit. Then node labels,
    // avoiding panels and edge labels.
    Rect bounds{pos.x, pos.y, pos.x + size.x, pos.y + size.y};
    std::vector<Rect> obstacles = ui.panels;
    for (auto& e : edge_labels) {
        const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0, e.text.c_str());
        const ImVec2 p = e.left ? ImVec2(e.p.x + 4, e.p.y - ts.y - 2) : ImVec2(e.p.x - ts.x - 8, e.p.y - ts.y - 2);
        e.shown = place_edge_label({p.x - 3.0, p.y - 1.0, p.x + ts.x + 3.0, p.y + ts.y + 1.0}, e.left, obstacles, bounds, e.rect);
        if (e.shown) obstacles.push_back(e.rect);
    }
    std::vector<LabelPlacement> placed = layout_labels(lreq, obstacles, bounds);
    ui.drawn_labels = 0;
    for (size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].placed) continue;
        const Rect& r = placed[i].rect;
        dl->AddRectFilled(ImVec2(static_cast<float>(r.x0), static_cast<float>(r.y0)), ImVec2(static_cast<float>(r.x1), static_cast<float>(r.y1)), pal.halo, 4);
        dl->AddText(font, fs, ImVec2(static_cast<float>(r.x0) + 4, static_cast<float>(r.y0) + 2), linfo[i].col, linfo[i].l1.c_str());
        if (!linfo[i].l2.empty()) {
            ImFont* f2 = linfo[i].lang2 == Lang::Count ? ui.fonts.small : ui.fonts.for_lang(linfo[i].lang2);
            dl->AddText(f2, fs * 0.85f, ImVec2(static_cast<float>(r.x0) + 4, static_cast<float>(r.y0) + 2 + fs), pal.text_dim, linfo[i].l2.c_str());
        }
        ++ui.drawn_labels;
    }
    for (auto& e : edge_labels) {
        if (!e.shown) continue;
        const Rect& r = e.rect;
        dl->AddRectFilled(ImVec2(static_cast<float>(r.x0), static_cast<float>(r.y0)), ImVec2(static_cast<float>(r.x1), static_cast<float>(r.y1)), pal.halo, 3);
        dl->AddText(font, fs, ImVec2(static_cast<float>(r.x0) + 3, static_cast<float>(r.y0) + 1), pal.text, e.text.c_str());
    }
    dl->PopClipRect();
    ms.last_vtx = dl->VtxBuffer.Size - vtx_start;
    ms.last_idx = dl->IdxBuffer.Size - idx_start;

    // Hover and click.
    HitGrid grid;
    grid.build(hit_pts, hit_r);
    m.hover_org = -1;
    if (hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        int h = grid.query({io.MousePos.x, io.MousePos.y}, ui.opt.web ? 14.0f : 8.0f);
        if (h >= 0) {
            int target = hit_org[h];
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (target >= 0) {
                m.hover_org = target;
                const Organisation& o = ds.organisations[target];
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(o.name.c_str());
                if (const LocalName* n = o.native()) {
                    ImGui::PushFont(ui.fonts.for_lang(n->lang));
                    ImGui::TextUnformatted(n->text.c_str());
                    ImGui::PopFont();
                }
                ImGui::TextDisabled("%s · %s · %d active", enum_label(o.kind), o.city.empty() ? enum_label(o.region) : o.city.c_str(), vis.org_degree[target]);
                ImGui::EndTooltip();
            } else {
                const size_t c = static_cast<size_t>(-target - 1);
                const int count = clusters.count(c);
                ImGui::BeginTooltip();
                ImGui::Text("%d organisations — click to spread", count);
                for (int k = 0; k < count && k < 8; ++k) ImGui::BulletText("%s", ds.organisations[shown[clusters.begin(c)[k]]].short_name().c_str());
                ImGui::EndTooltip();
            }
            if (click) {
                if (target >= 0) m.select_org(target);
                else {
                    const size_t c = static_cast<size_t>(-target - 1);
                    Box b{{1e300, 1e300}, {-1e300, -1e300}};
                    for (const int* mi = clusters.begin(c); mi != clusters.end(c); ++mi) {
                        Vec2 w = ui.org_world[shown[*mi]];
                        b.min.x = std::min(b.min.x, w.x); b.min.y = std::min(b.min.y, w.y);
                        b.max.x = std::max(b.max.x, w.x); b.max.y = std::max(b.max.y, w.y);
                    }
                    double need = cam.fit_scale(b, 80);
                    if (need > m.max_scale() * 0.9 || b.width() < 0.5) ui.spider = shown[clusters.leader[c]];
                    else m.fly_to_box(b, 80);
                }
            }
        } else if (click) {
            ui.spider = -1;
        }
    }
}

}  // namespace ca::ui
