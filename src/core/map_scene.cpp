// The map scene: organisations placed and clustered on screen, spread clusters, merged arcs,
// labels laid out around panels and edge labels, hit targets. The arithmetic is the map view's
// as it drew directly (single-precision positions, the same order of operations), so the drawn
// pixels are unchanged.
#include "core/map_scene.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace ca {
namespace {

PointF to_f(Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }

// A quadratic Bézier's control point: the chord's midpoint moved `bend` × its length along
// (−dy, dx), to the right of the direction of travel as seen on screen (y down).
PointF control_point(PointF a, PointF b, float bend) {
    const PointF m{(a.x + b.x) / 2, (a.y + b.y) / 2}, d{b.x - a.x, b.y - a.y};
    return {m.x - d.y * bend, m.y + d.x * bend};
}

// The text of a label: the short name (or the native name), and the other below it. Both
// names, in an interface language the organisation has a name in: that name first.
void label_text(const Organisation& o, NameLang lang, Locale locale, std::string& line1, std::string& line2, Lang& l2lang) {
    const LocalName* local = lang == NameLang::Both ? o.name_in(locale) : nullptr;
    if (local) {
        line1 = local->text;
        line2 = o.shown_short_name(locale);
        l2lang = Lang::Count;
        return;
    }
    const LocalName* nat = o.native();
    line1 = lang == NameLang::Native && nat ? nat->text : o.shown_short_name(locale);
    line2.clear();
    l2lang = Lang::Count;
    if (lang == NameLang::Both && nat) {
        line2 = nat->text;
        l2lang = nat->lang;
    } else if (lang == NameLang::Native && nat)
        line2 = o.shown_short_name(locale);
}

// 2π and π/2 as the view has always written them (the spider's angles).
constexpr float kTurn = 6.2832f, kQuarterTurn = 1.5708f;

}  // namespace

MapSceneInput map_scene_input(AppModel& m) {
    MapSceneInput in;
    in.ds = &m.data();
    in.vis = &m.visibility();
    in.camera = m.camera();
    in.selection = m.selection();
    in.hover_org = m.hover_org;
    in.lang = m.view().lang;
    in.locale = m.shown_locale();
    in.appeared_at = m.appeared_at();
    in.appeared_writes = m.appeared_writes();
    in.clock = m.now();
    in.max_scale = m.max_scale();
    return in;
}

HitTarget MapScene::hit(Vec2 p, float min_radius) const {
    const int h = hit_grid.query(p, min_radius);
    return h < 0 ? HitTarget{} : hit_targets[static_cast<size_t>(h)];
}

const MapScene& MapSceneBuilder::build(const MapSceneInput& in, const MapTuning& t) {
    origin_ = in.origin;
    size_ = in.size;
    tuning_ = &t;
    vis_ = in.vis;
    place_organisations(in, t);
    separate_markers(in, t);
    make_groups(in, t);
    make_arcs(in, t);
    make_marks(in, t);
    place_labels(in, t);
    scene_.hit_grid.build(scene_.hit_centres, scene_.hit_radii);
    return scene_;
}

// The organisations with coordinates within the margin around the map, and their screen points,
// in index order: projected again only when the camera, the map's rectangle or the margin moved.
void MapSceneBuilder::project_near(const MapSceneInput& in, const MapTuning& t) {
    const Camera& c = in.camera;
    const float m = t.offscreen_margin;  // in single precision, as the view compared
    NearCache& k = near_;
    if (k.valid && k.camera.centre.x == c.centre.x && k.camera.centre.y == c.centre.y && k.camera.scale == c.scale &&
        k.camera.viewport.x == c.viewport.x && k.camera.viewport.y == c.viewport.y && k.camera.origin.x == c.origin.x &&
        k.camera.origin.y == c.origin.y && k.origin.x == origin_.x && k.origin.y == origin_.y && k.size.x == size_.x &&
        k.size.y == size_.y && k.margin == m)
        return;
    k.org.clear();
    k.screen.clear();
    const size_t norgs = org_world_.size();
    for (size_t i = 0; i < norgs; ++i) {
        if (!fi_->org_has_coords[i]) continue;
        const Vec2 s = c.world_to_screen(org_world_[i]);
        if (s.x < origin_.x - m || s.y < origin_.y - m || s.x > origin_.x + size_.x + m || s.y > origin_.y + size_.y + m) continue;
        k.org.push_back(static_cast<int>(i));
        k.screen.push_back(s);
    }
    k.camera = c;
    k.origin = origin_;
    k.size = size_;
    k.margin = m;
    k.valid = true;
}

// Screen positions of the organisations drawn (shown, with coordinates, near the viewport),
// their priorities, and the clustering.
void MapSceneBuilder::place_organisations(const MapSceneInput& in, const MapTuning& t) {
    const Dataset& ds = *in.ds;
    const size_t norgs = ds.organisations.size();
    fi_ = &flat_index(ds, flat_scratch_);
    if (projected_for_ != &ds || org_world_.size() != norgs) {
        org_world_.resize(norgs);
        for (size_t i = 0; i < norgs; ++i)
            if (ds.organisations[i].has_coords) org_world_[i] = project({ds.organisations[i].lat, ds.organisations[i].lon});
        projected_for_ = &ds;
        near_.valid = false;
        clusters_.forget();
    }
    project_near(in, t);
    const Visibility& vis = *in.vis;
    const Selection sel = in.selection;
    shown_.clear();
    spts_.clear();
    prio_.clear();
    spider_shown_ = -1;
    const size_t nnear = near_.org.size();
    for (size_t k = 0; k < nnear; ++k) {
        const int i = near_.org[k];
        if (vis.org[static_cast<size_t>(i)] == Vis::Hidden) continue;
        if (i == in.spider) spider_shown_ = static_cast<int>(shown_.size());
        shown_.push_back(i);
        spts_.push_back(near_.screen[k]);
        prio_.push_back(vis.org_degree[static_cast<size_t>(i)] * t.priority_per_degree +
                        (sel.is_org && sel.index == i ? t.priority_selected : 0) +
                        (vis.org[static_cast<size_t>(i)] == Vis::Active ? t.priority_active : 0));
    }
    // Playback moves a few priorities a frame: the clustering keeps the other points' decisions.
    cluster_points_kept(spts_, shown_, norgs, prio_, t.cluster_radius, clusters_);
}

float MapSceneBuilder::node_radius(int org) const {
    const MapTuning& t = *tuning_;
    return t.node_radius_base + t.node_radius_per_sqrt_degree * std::sqrt(static_cast<float>(vis_->org_degree[static_cast<size_t>(org)]));
}

// A cluster of several is spread at the deepest zoom, or when it holds the spider.
bool MapSceneBuilder::is_spread(size_t c) const {
    return clusters_.count(c) > 1 &&
           (deepest_ || (spider_shown_ >= 0 && clusters_.cluster_of[static_cast<size_t>(spider_shown_)] == static_cast<int>(c)));
}

// A spread cluster's ring: its radius (at least base + per_member·members) and each member's
// angle in angle_ (the first at the top, then clockwise), neighbours' shapes marker_gap apart.
float MapSceneBuilder::spider_ring(size_t c) {
    const MapTuning& t = *tuning_;
    const size_t n = static_cast<size_t>(clusters_.count(c));
    leg_reach_.clear();
    for (const int* m = clusters_.begin(c); m != clusters_.end(c); ++m) leg_reach_.push_back(node_radius(shown_[*m]) * t.node_extent);
    auto need = [&](size_t i) { return leg_reach_[i] + leg_reach_[(i + 1) % n] + t.marker_gap; };
    float r = t.spider_radius_base + t.spider_radius_per_member * static_cast<float>(n);
    for (size_t i = 0; i < n; ++i) r = std::max(r, need(i) / 2);
    // The angle between neighbours whose chord is `need`; the ring grows until they all fit.
    auto step = [&](size_t i) { return 2 * std::asin(std::min(1.0f, need(i) / (2 * r))); };
    float total = 0;
    for (;;) {
        total = 0;
        for (size_t i = 0; i < n; ++i) total += step(i);
        if (total <= kTurn) break;
        r *= 1.05f;
    }
    const float slack = (kTurn - total) / static_cast<float>(n);
    angle_.resize(n);
    float a = -kQuarterTurn;
    for (size_t i = 0; i < n; ++i) {
        angle_[i] = a;
        a += step(i) + slack;
    }
    return r;
}

// Nothing overlaps: clusters whose markers (node, disc and halo, ring and its nodes) come
// within marker_gap of each other join, until none do.
void MapSceneBuilder::separate_markers(const MapSceneInput& in, const MapTuning& t) {
    deepest_ = in.max_scale > 0 && in.camera.scale >= in.max_scale * t.spread_at_scale;
    for (;;) {
        reach_.resize(clusters_.size());
        for (size_t c = 0; c < clusters_.size(); ++c) {
            const int count = clusters_.count(c);
            if (count == 1)
                reach_[c] = node_radius(shown_[clusters_.leader[c]]) * t.node_extent;
            else if (is_spread(c)) {
                const float r = spider_ring(c);
                reach_[c] = r + *std::max_element(leg_reach_.begin(), leg_reach_.end());
            } else
                reach_[c] = t.cluster_disc_base + t.cluster_disc_per_sqrt_member * std::sqrt(static_cast<float>(count)) + t.cluster_halo;
        }
        if (!merge_overlapping(spts_, reach_, t.marker_gap, clusters_)) break;
    }
}

// Each cluster's group and each organisation's display point: its collapsed cluster's centre, a
// spider leg's end, or its own position.
void MapSceneBuilder::make_groups(const MapSceneInput& in, const MapTuning& t) {
    const size_t norgs = in.ds->organisations.size();
    const Visibility& vis = *in.vis;
    scene_.drawn.assign(norgs, PointF{-1e6f, -1e6f});
    point_of_org_.assign(norgs, kNoPoint);
    scene_.groups.clear();
    scene_.members.clear();
    // Display point ids that stay while the clustering does (the arcs are kept between frames):
    // a collapsed cluster's leader, else the number of organisations + the organisation.
    const uint32_t own_base = static_cast<uint32_t>(norgs);
    for (size_t ci = 0; ci < clusters_.size(); ++ci) {
        const int count = clusters_.count(ci);
        SceneGroup g;
        g.leader = shown_[clusters_.leader[ci]];
        g.spread = is_spread(ci);
        g.collapsed = count > 1 && !g.spread;
        g.centre = to_f(clusters_.centre[ci]);
        if (g.collapsed) g.radius = t.cluster_disc_base + t.cluster_disc_per_sqrt_member * std::sqrt(static_cast<float>(count));
        if (g.spread) g.radius = spider_ring(ci);
        g.member_begin = static_cast<int>(scene_.members.size());
        const Vec2 centre = clusters_.centre[ci];
        for (int k = 0; k < count; ++k) {
            const int mi = clusters_.begin(ci)[k];
            const int org = shown_[mi];
            scene_.members.push_back(org);
            g.any_active |= vis.org[org] == Vis::Active;
            point_of_org_[org] = g.collapsed ? static_cast<uint32_t>(g.leader) : own_base + static_cast<uint32_t>(org);
            if (count == 1)
                scene_.drawn[org] = to_f(spts_[mi]);
            else if (g.spread) {
                const float ang = angle_[static_cast<size_t>(k)];
                scene_.drawn[org] = PointF{static_cast<float>(centre.x) + std::cos(ang) * g.radius,
                                           static_cast<float>(centre.y) + std::sin(ang) * g.radius};
            } else
                scene_.drawn[org] = to_f(centre);
        }
        g.member_end = static_cast<int>(scene_.members.size());
        scene_.groups.push_back(g);
    }
}

// Where an arc to an off-map organisation ends: the map's left edge for Europe, right for the
// US, a little above the hub's height (kept inside the map).
PointF MapSceneBuilder::edge_point(int hub, Region r) const {
    const MapTuning& t = *tuning_;
    const PointF h = scene_.drawn[hub];
    const float y = std::clamp(h.y, origin_.y + t.edge_margin_y, origin_.y + size_.y - t.edge_margin_y);
    return r == Region::Eu ? PointF{origin_.x + t.edge_inset, y - t.edge_rise}
                           : PointF{origin_.x + size_.x - t.edge_inset, y - t.edge_rise};
}

PointF MapSceneBuilder::arc_end(const ArcGroup& e) const {
    return fi_->org_has_coords[e.other] ? scene_.drawn[e.other] : edge_point(e.hub, fi_->org_region[e.other]);
}

// Collaborations merged into arcs between display points; ended arcs first, active ones on top.
void MapSceneBuilder::make_arcs(const MapSceneInput& in, const MapTuning& t) {
    const Visibility& vis = *in.vis;
    scene_.lod = vis.active + vis.faded > t.lod_arc_threshold;
    ArcInputs arc_in;
    arc_in.collab_vis = &vis.collab;
    arc_in.point_of_org = &point_of_org_;
    arc_in.hover_org = in.hover_org;
    arc_in.selected_org = in.selection.is_org ? in.selection.index : -1;
    arc_in.selected_collab = in.selection.is_org ? -1 : in.selection.index;
    arc_in.lod = scene_.lod;
    arc_in.appeared_at = in.appeared_at;
    arc_in.appeared_writes = in.appeared_writes;
    arc_in.clock = in.clock;
    grouper_.group(*in.ds, arc_in, groups_, partner_);
    scene_.arcs.clear();
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) scene_.faded_arcs = scene_.arcs.size();
        for (const ArcGroup& e : groups_) {
            if (e.faded != (pass == 0)) continue;
            SceneArc a;
            a.grow = static_cast<float>(std::clamp(e.max_age / t.arc_grow_seconds, 0.0, 1.0));
            a.alpha = e.faded ? t.arc_alpha_faded : t.arc_alpha_active;
            if (in.hover_org >= 0 && !e.related) a.alpha *= t.arc_alpha_unrelated;
            float width = e.faded ? t.arc_width_faded
                                  : t.arc_width_base + t.arc_width_per_fact * std::min(e.facts, t.arc_width_max_facts) +
                                        t.arc_width_per_log2_count * std::log2(static_cast<float>(e.count));
            a.width = std::round(std::min(width, t.arc_width_max) + (e.related || e.selected ? t.arc_width_emphasis : 0));
            const float bend = t.arc_bend_base + t.arc_bend_step * static_cast<float>(e.first % 4);
            a.a = scene_.drawn[e.hub];
            a.b = arc_end(e);
            a.c = control_point(a.a, a.b, bend);
            a.segment = scene_.lod ? t.arc_segment_lod : t.arc_segment;
            a.kind = e.kind;
            a.faded = e.faded;
            a.dashed = !e.faded && !scene_.lod;
            a.hub = e.hub;
            a.other = e.other;
            a.first = e.first;
            a.count = e.count;
            scene_.arcs.push_back(a);
        }
    }
}

// Nodes, collapsed clusters and their hit targets in drawing order, and the label requests.
void MapSceneBuilder::make_marks(const MapSceneInput& in, const MapTuning& t) {
    const Dataset& ds = *in.ds;
    const Visibility& vis = *in.vis;
    const Selection sel = in.selection;
    scene_.nodes.clear();
    scene_.hit_centres.clear();
    scene_.hit_radii.clear();
    scene_.hit_targets.clear();
    scene_.collapsed_clusters = 0;
    requests_.clear();
    pending_.clear();
    label_min_priority_ = -1e300;
    if (clusters_.size() > t.max_labels) {
        label_prio_.clear();
        for (int l : clusters_.leader) label_prio_.push_back(prio_[l]);
        std::nth_element(label_prio_.begin(), label_prio_.begin() + static_cast<std::ptrdiff_t>(t.max_labels), label_prio_.end(),
                         std::greater<double>());
        label_min_priority_ = label_prio_[t.max_labels];
    }
    const bool labels = in.text != nullptr;
    for (size_t ci = 0; ci < clusters_.size(); ++ci) {
        SceneGroup& g = scene_.groups[ci];
        const double leader_prio = prio_[clusters_.leader[ci]];
        g.node_begin = g.node_end = static_cast<int>(scene_.nodes.size());
        if (g.collapsed) {
            scene_.hit_centres.push_back({g.centre.x, g.centre.y});
            scene_.hit_radii.push_back(g.radius);
            scene_.hit_targets.push_back({HitTarget::Cluster, static_cast<int>(ci)});
            ++scene_.collapsed_clusters;
            if (!labels || leader_prio < label_min_priority_) continue;
            // The leader's short name + "+n".
            SceneLabel l;
            std::string unused;
            label_text(ds.organisations[g.leader], in.lang, in.locale, l.line1, unused, l.lang2);
            l.line1 += " +" + std::to_string(g.count() - 1);
            l.lang2 = Lang::Count;
            l.org = g.leader;
            l.cluster = true;
            const PointF sz = in.text->first_line(l.line1);
            requests_.push_back({{g.centre.x, g.centre.y},
                                 cluster_reach(g, t),
                                 sz.x + t.label_pad_x,
                                 sz.y + t.label_pad_y,
                                 leader_prio + t.label_bonus_cluster});
            pending_.push_back(std::move(l));
            continue;
        }
        for (const int* mip = clusters_.begin(ci); mip != clusters_.end(ci); ++mip) {
            const int mi = *mip;
            const int org = shown_[mi];
            SceneNode n;
            n.org = org;
            n.p = scene_.drawn[org];
            n.radius = node_radius(org);
            n.active = vis.org[org] == Vis::Active;
            n.selected = sel.is_org && sel.index == org;
            n.hovered = in.hover_org == org;
            n.dimmed = in.hover_org >= 0 && !n.hovered && !partner_[org];
            scene_.nodes.push_back(n);
            scene_.hit_centres.push_back({n.p.x, n.p.y});
            scene_.hit_radii.push_back(n.radius + t.node_hit_pad);
            scene_.hit_targets.push_back({HitTarget::Org, org});
            if (!labels || (prio_[mi] < label_min_priority_ && !n.selected && !n.hovered)) continue;
            SceneLabel l;
            label_text(ds.organisations[org], in.lang, in.locale, l.line1, l.line2, l.lang2);
            l.dim = !n.active;
            l.org = org;
            const PointF s1 = in.text->first_line(l.line1);
            const PointF s2 = l.line2.empty() ? PointF{0, 0} : in.text->second_line(l.line2, l.lang2);
            double pr = prio_[mi] + (n.hovered ? t.label_bonus_hovered : 0);
            if (!n.active && !n.selected && !n.hovered) pr -= t.label_penalty_idle;
            requests_.push_back({{n.p.x, n.p.y},
                                 node_reach(n, t),
                                 std::max(s1.x, s2.x) + t.label_pad_x,
                                 s1.y + (l.line2.empty() ? 0 : s2.y) + t.label_pad_y,
                                 pr});
            pending_.push_back(std::move(l));
        }
        g.node_end = static_cast<int>(scene_.nodes.size());
    }
}

// Edge labels (organisations off the map) first, slid off the panels' backs (the panels draw
// over the map) along their row or a row beside it; one that finds no free spot or is wider than
// the map is left out, like a node label that does not fit. Then node labels, avoiding panels,
// edge labels and every marker (labelled or not).
void MapSceneBuilder::place_labels(const MapSceneInput& in, const MapTuning& t) {
    scene_.labels.clear();
    scene_.edge_labels.clear();
    if (!in.text) return;
    const Rect bounds{origin_.x, origin_.y, origin_.x + size_.x, origin_.y + size_.y};
    std::vector<Rect>& obstacles = obstacles_;  // kept between frames: no allocation once warmed up
    std::vector<Rect>& near = near_rects_;
    obstacles.clear();
    if (in.obstacles) obstacles = *in.obstacles;
    // Markers: edge labels keep off them (those near a label's rows are its obstacles).
    marks_.clear();
    discs_.clear();
    auto mark = [&](PointF p, float r) {
        marks_.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
        discs_.push_back({{p.x, p.y}, r});
    };
    for (const SceneGroup& g : scene_.groups)
        if (g.collapsed) mark(g.centre, cluster_reach(g, t));
    for (const SceneNode& n : scene_.nodes) mark(n.p, node_reach(n, t));
    for (const ArcGroup& e : groups_) {
        if (fi_->org_has_coords[e.other]) continue;
        const Organisation& o = in.ds->organisations[e.other];
        const bool left = o.region == Region::Eu;
        const PointF end = arc_end(e);
        SceneEdgeLabel l;
        l.text = "→ " + o.shown_short_name(in.locale);
        l.org = e.other;
        const PointF ts = in.text->first_line(l.text);
        const PointF p = left ? PointF{end.x + t.edge_label_gap_x, end.y - ts.y - t.edge_label_gap_y}
                              : PointF{end.x - ts.x - t.edge_label_gap_right, end.y - ts.y - t.edge_label_gap_y};
        const Rect r{p.x - t.edge_label_box_pad_x, p.y - t.edge_label_box_pad_y, p.x + ts.x + t.edge_label_box_pad_x,
                     p.y + ts.y + t.edge_label_box_pad_y};
        near = obstacles;
        const double rows = 3 * (r.y1 - r.y0 + 2);
        for (const Rect& k : marks_)
            if (k.y1 > r.y0 - rows && k.y0 < r.y1 + rows) near.push_back(k);
        if (!place_edge_label(r, left, near, bounds, l.rect)) continue;
        obstacles.push_back(l.rect);
        scene_.edge_labels.push_back(std::move(l));
    }
    const std::vector<LabelPlacement> placed = layout_labels(requests_, obstacles, bounds, discs_);
    for (size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].placed) continue;
        pending_[i].rect = placed[i].rect;
        scene_.labels.push_back(std::move(pending_[i]));
    }
}

ClusterClick MapSceneBuilder::click_cluster(int group, const Camera& cam, double max_scale, const MapTuning& t) const {
    const SceneGroup& g = scene_.groups[static_cast<size_t>(group)];
    ClusterClick c;
    Box& b = c.box;
    b = {{1e300, 1e300}, {-1e300, -1e300}};
    for (const int* m = scene_.members_begin(g); m != scene_.members_end(g); ++m) {
        const Vec2 w = org_world_[static_cast<size_t>(*m)];
        b.min.x = std::min(b.min.x, w.x);
        b.min.y = std::min(b.min.y, w.y);
        b.max.x = std::max(b.max.x, w.x);
        b.max.y = std::max(b.max.y, w.y);
    }
    const double need = cam.fit_scale(b, t.cluster_fit_margin);
    c.spread = need > max_scale * t.spread_above_max_scale || b.width() < t.spread_below_width;
    return c;
}

}  // namespace ca
