// The map scene without ImGui, on small datasets written here with organisations placed at
// chosen screen positions: clustering radius, spider legs, the level-of-detail switch, the label
// cap, hit targets (mouse and touch radii), arcs to off-map organisations, arc order and emphasis.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/map_scene.h"

using namespace ca;

namespace {

// "o12": ids built with += (GCC 12 warns falsely about "o" + std::to_string(...)).
std::string id(const char* prefix, int i) {
    std::string s = prefix;
    s += std::to_string(i);
    return s;
}

// Fixed-width text: 7 px per byte, 12 px tall (second lines 6 px, 10 px).
struct FixedMeasure final : TextMeasure {
    PointF first_line(const std::string& s) const override { return {7.0f * static_cast<float>(s.size()), 12}; }
    PointF second_line(const std::string& s, Lang) const override { return {6.0f * static_cast<float>(s.size()), 10}; }
};

struct Fixture {
    Dataset ds;
    ViewState view;
    Visibility vis;
    Camera cam;
    FixedMeasure measure;
    MapSceneBuilder builder;
    MapTuning tuning;
    Selection sel;  // none
    int hover = -1, spider = -1;
    double max_scale = 0;
    const std::vector<Rect>* panels = nullptr;

    Fixture() {
        cam.viewport = {800, 600};
        cam.centre = project({30, 125});
        cam.scale = 1;  // a pixel per km
        view.t = first_day(Date{2023, 6, 1, Precision::Day});
        view.mode = TimeMode::Cumulative;
    }
    // An organisation drawn at screen position (x, y).
    int org(const std::string& id, double x, double y) {
        Organisation o;
        o.id = o.name = id;
        o.region = Region::Taiwan;
        o.has_coords = true;
        const LatLon ll = unproject(cam.screen_to_world({x, y}));
        o.lat = ll.lat;
        o.lon = ll.lon;
        ds.organisations.push_back(o);
        return static_cast<int>(ds.organisations.size()) - 1;
    }
    // An organisation without coordinates (US and EU ones are drawn at the map's edges).
    int off_map(const std::string& id, Region r) {
        Organisation o;
        o.id = o.name = id;
        o.region = r;
        ds.organisations.push_back(o);
        return static_cast<int>(ds.organisations.size()) - 1;
    }
    // A collaboration led by the first organisation, from `year`, ended in `end` (0: ongoing).
    int collab(std::vector<int> orgs, CollabKind kind = CollabKind::Mou, int year = 2020, int end = 0) {
        Collaboration c;
        c.id = "c";
        c.id += std::to_string(ds.collaborations.size());
        c.kind = kind;
        for (size_t i = 0; i < orgs.size(); ++i) c.participants.push_back({orgs[i], i == 0 ? Role::Lead : Role::Member});
        c.interval.start = Date{year, 0, 0, Precision::Year};
        c.interval.has_end = end != 0;
        if (end) c.interval.end = Date{end, 0, 0, Precision::Year};
        ds.collaborations.push_back(c);
        return static_cast<int>(ds.collaborations.size()) - 1;
    }
    const MapScene& build() {
        ds.finalise();
        compute_visibility(ds, view, vis);
        MapSceneInput in;
        in.ds = &ds;
        in.vis = &vis;
        in.camera = cam;
        in.origin = {0, 0};
        in.size = {static_cast<float>(cam.viewport.x), static_cast<float>(cam.viewport.y)};
        in.selection = sel;
        in.hover_org = hover;
        in.spider = spider;
        in.max_scale = max_scale;
        in.obstacles = panels;
        in.lang = NameLang::En;
        in.text = &measure;
        return builder.build(in, tuning);
    }
};

double dist(PointF a, PointF b) { return std::hypot(a.x - b.x, a.y - b.y); }

const SceneNode* node_of(const MapScene& s, int org) {
    for (const SceneNode& n : s.nodes)
        if (n.org == org) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("map scene: nodes within the cluster radius of a leader merge, farther ones stay apart") {
    Fixture f;
    const int a = f.org("a", 100, 100), b = f.org("b", 114, 100);  // 14 px apart: one cluster
    const int c = f.org("c", 300, 100), d = f.org("d", 318, 100);  // 18 px apart: two nodes
    f.collab({a, c});                                              // a and c are active: they lead
    const MapScene& s = f.build();
    REQUIRE(s.groups.size() == 3);
    CHECK(s.collapsed_clusters == 1);
    const SceneGroup& g = s.groups[0];  // clusters in priority order: a's first
    CHECK(g.collapsed);
    CHECK(g.count() == 2);
    CHECK(g.leader == a);
    CHECK(s.members[g.member_begin + 1] == b);
    CHECK(g.centre.x == Approx(107).margin(1e-3));  // the plain mean of the members
    CHECK(g.centre.y == Approx(100).margin(1e-3));
    CHECK(g.radius == Approx(11 + 2 * std::sqrt(2.0f)));
    CHECK(g.node_begin == g.node_end);  // no nodes for a collapsed cluster
    CHECK(node_of(s, c) != nullptr);
    CHECK(node_of(s, d) != nullptr);
    CHECK(node_of(s, a) == nullptr);
    // The arc from a's cluster to c starts at the cluster's centre.
    REQUIRE(s.arcs.size() == 1);
    CHECK(s.arcs[0].a.x == g.centre.x);
    CHECK(s.arcs[0].b.x == Approx(300).margin(1e-3));

    f.tuning.cluster_radius = 20;  // now c and d merge too
    CHECK(f.build().collapsed_clusters == 2);
    f.tuning.cluster_radius = 10;  // c and d apart; a and b still one, as their nodes would overlap
    const MapScene& apart = f.build();
    CHECK(apart.collapsed_clusters == 1);
    CHECK(apart.nodes.size() == 2);
    f.tuning.node_extent = 0.5f;  // smaller shapes: now nothing merges
    const MapScene& small = f.build();
    CHECK(small.collapsed_clusters == 0);
    CHECK(small.nodes.size() == 4);
}

TEST_CASE("map scene: a spread cluster puts its members on spider legs around its centre") {
    Fixture f;
    const int a = f.org("a", 400, 300), b = f.org("b", 405, 302), c = f.org("c", 398, 306);
    f.collab({a, b});
    f.spider = a;
    const MapScene& s = f.build();
    REQUIRE(s.groups.size() == 1);
    const SceneGroup& g = s.groups[0];
    CHECK(g.spread);
    CHECK_FALSE(g.collapsed);
    CHECK(g.radius == Approx(26 + 3 * 3));  // the leg length
    REQUIRE(g.node_end - g.node_begin == 3);
    for (int i = g.node_begin; i < g.node_end; ++i) CHECK(dist(s.nodes[i].p, g.centre) == Approx(35).epsilon(1e-3));
    // The first member (the leader) at the top, the others clockwise a third of a turn apart.
    CHECK(s.nodes[g.node_begin].org == a);
    CHECK(s.nodes[g.node_begin].p.x == Approx(g.centre.x).margin(0.01));
    CHECK(s.nodes[g.node_begin].p.y == Approx(g.centre.y - 35).margin(0.01));
    CHECK(s.nodes[g.node_begin + 1].p.x > g.centre.x);
    CHECK(s.nodes[g.node_begin + 2].p.x < g.centre.x);
    // Each leg's node is a hit target for its organisation, and arcs start from the legs.
    for (int i = g.node_begin; i < g.node_end; ++i) {
        const HitTarget h = s.hit({s.nodes[i].p.x, s.nodes[i].p.y}, f.tuning.hit_radius_mouse);
        CHECK(h.kind == HitTarget::Org);
        CHECK(h.index == s.nodes[i].org);
    }
    REQUIRE(s.arcs.size() == 1);
    CHECK(s.arcs[0].a.y == s.nodes[g.node_begin].p.y);
    (void)c;

    // Collapsed again (no spider), a click on it spreads it when zooming could not separate its
    // members, else zooms to them.
    f.spider = -1;
    const MapScene& collapsed = f.build();
    REQUIRE(collapsed.groups[0].collapsed);
    const HitTarget h = collapsed.hit({402, 303}, f.tuning.hit_radius_mouse);
    CHECK(h.kind == HitTarget::Cluster);
    CHECK(h.index == 0);
    CHECK(f.builder.click_cluster(0, f.cam, 10).spread);  // fitting needs ~73 px/km: more than 0.9 × 10
    const ClusterClick zoom = f.builder.click_cluster(0, f.cam, 1000);
    CHECK_FALSE(zoom.spread);
    CHECK(zoom.box.width() == Approx(7).margin(0.01));  // the members' world box (km)
    CHECK(zoom.box.height() == Approx(6).margin(0.01));
}

TEST_CASE("map scene: level of detail above the arc threshold merges kinds into solid arcs") {
    Fixture f;
    const int a = f.org("a", 100, 100), b = f.org("b", 500, 400);
    f.collab({a, b}, CollabKind::Mou);
    f.collab({a, b}, CollabKind::Forum);
    f.collab({a, b}, CollabKind::Mou);
    f.collab({a, b}, CollabKind::Course, 2015, 2018);  // ended: faded in cumulative mode
    f.tuning.lod_arc_threshold = 4;                    // 4 visible collaborations: not above it
    const MapScene& detailed = f.build();
    CHECK_FALSE(detailed.lod);
    REQUIRE(detailed.arcs.size() == 3);  // mou ×2 merged, forum, the ended course
    CHECK(detailed.faded_arcs == 1);
    CHECK(detailed.arcs[0].faded);  // ended arcs are drawn first
    CHECK(detailed.arcs[0].kind == CollabKind::Course);
    CHECK_FALSE(detailed.arcs[0].dashed);
    CHECK(detailed.arcs[1].kind == CollabKind::Mou);
    CHECK(detailed.arcs[1].count == 2);
    CHECK(detailed.arcs[1].dashed);
    CHECK(detailed.arcs[1].segment == f.tuning.arc_segment);

    f.tuning.lod_arc_threshold = 3;  // above it: one solid arc for the pair, active as one member is
    const MapScene& lod = f.build();
    CHECK(lod.lod);
    REQUIRE(lod.arcs.size() == 1);
    CHECK(lod.arcs[0].count == 4);
    CHECK_FALSE(lod.arcs[0].faded);
    CHECK_FALSE(lod.arcs[0].dashed);
    CHECK(lod.arcs[0].segment == f.tuning.arc_segment_lod);
    CHECK(lod.faded_arcs == 0);
    // The default threshold is 3,000 collaborations.
    CHECK(MapTuning{}.lod_arc_threshold == 3000);
}

TEST_CASE("map scene: arcs grow, and those of the hovered organisation stand out") {
    Fixture f;
    const int a = f.org("a", 100, 100), b = f.org("b", 500, 100), c = f.org("c", 300, 400);
    f.collab({a, b});
    f.collab({c, b});
    const MapScene& plain = f.build();
    REQUIRE(plain.arcs.size() == 2);
    CHECK(plain.arcs[0].width == 2);  // round(1.6 + 0 facts + 1.2·log2(1))
    CHECK(plain.arcs[0].alpha == 0.85f);
    CHECK(plain.arcs[0].grow == 1);  // nothing grows without appearance times
    CHECK(plain.arcs[0].c.y > 100);  // bows to the right of a → b as seen on screen (downwards)
    CHECK(plain.arcs[0].c.y == Approx(100 + 400 * 0.18f));
    f.hover = a;
    const MapScene& hovered = f.build();
    CHECK(hovered.arcs[0].width == 3);                     // related: emphasised
    CHECK(hovered.arcs[1].alpha == Approx(0.85f * 0.2f));  // unrelated: dimmed
    CHECK(node_of(hovered, b)->dimmed == false);           // a's partner
    CHECK(node_of(hovered, c)->dimmed == true);
    CHECK(node_of(hovered, a)->hovered);
}

TEST_CASE("map scene: only the clusters of highest priority ask for labels") {
    Fixture f;
    // 30 organisations far apart, organisation i in i collaborations (degree i: distinct
    // priorities) with a partner that has no coordinates (so no arcs).
    std::vector<int> orgs;
    for (int i = 0; i < 30; ++i) orgs.push_back(f.org(id("o", i), 60 + (i % 6) * 130, 60 + (i / 6) * 120));
    const int ghost = f.off_map("ghost", Region::Other);
    for (int i = 0; i < 30; ++i)
        for (int k = 0; k < i; ++k) f.collab({orgs[i], ghost});
    CHECK(f.build().labels.size() == 30);  // under the cap: every label fits
    f.tuning.max_labels = 10;
    const MapScene& capped = f.build();
    // Those at or above the (max_labels + 1)-th highest priority: 11 labels, of o19..o29.
    CHECK(capped.labels.size() == 11);
    for (const SceneLabel& l : capped.labels) CHECK(l.org >= orgs[19]);
    // The hovered and the selected organisations ask anyway.
    f.hover = orgs[0];
    f.sel = {true, orgs[1]};
    const MapScene& more = f.build();
    CHECK(more.labels.size() == 12);  // o0 (hovered), o1 (selected: now of highest priority), o20..o29
    CHECK(more.nodes.size() == 30);
    CHECK(more.edge_labels.empty());  // the ghost is not in the US or Europe
}

TEST_CASE("map scene: hit targets answer with the nearest organisation or cluster") {
    Fixture f;
    const int a = f.org("a", 200, 200), b = f.org("b", 260, 200), c = f.org("c", 500, 300), d = f.org("d", 508, 300);
    f.collab({a, b});
    const MapScene& s = f.build();
    const float mouse = f.tuning.hit_radius_mouse;
    CHECK(s.hit({201, 200}, mouse).index == a);
    CHECK(s.hit({201, 200}, mouse).kind == HitTarget::Org);
    CHECK(s.hit({255, 201}, mouse).index == b);
    CHECK(s.hit({230, 200}, mouse).kind == HitTarget::None);  // between them
    const HitTarget cl = s.hit({504, 300}, mouse);            // c and d: one cluster
    CHECK(cl.kind == HitTarget::Cluster);
    REQUIRE(cl.index >= 0);
    const SceneGroup& g = s.groups[static_cast<size_t>(cl.index)];
    CHECK(g.count() == 2);
    CHECK(std::vector<int>(s.members_begin(g), s.members_end(g)) == std::vector<int>{c, d});
    CHECK(s.hit({700, 500}, mouse).kind == HitTarget::None);
}

TEST_CASE("map scene: touch targets are larger than mouse targets") {
    Fixture f;
    const int a = f.org("a", 300, 300);  // degree 0: radius 4.5, hit circle 6.5
    const MapScene& s = f.build();
    REQUIRE(s.nodes.size() == 1);
    CHECK(s.nodes[0].radius == 4.5f);
    const float mouse = f.tuning.hit_radius_mouse, touch = f.tuning.hit_radius_touch;
    CHECK(mouse == 8);
    CHECK(touch == 14);
    CHECK(s.hit({306, 300}, 0).index == a);  // inside its own circle
    CHECK(s.hit({307.5, 300}, 0).kind == HitTarget::None);
    CHECK(s.hit({307.5, 300}, mouse).index == a);  // within the mouse radius
    CHECK(s.hit({310, 300}, mouse).kind == HitTarget::None);
    CHECK(s.hit({310, 300}, touch).index == a);  // only a finger reaches it
    CHECK(s.hit({313, 300}, touch).index == a);
    CHECK(s.hit({315, 300}, touch).kind == HitTarget::None);
}

TEST_CASE("map scene: off-map organisations 200 indices apart keep arcs and labels of their own") {
    Fixture f;
    const int hub = f.org("hub", 400, 300);
    std::vector<int> us;
    for (int i = 1; i <= 201; ++i) us.push_back(f.off_map(id("u", i), Region::Us));
    const int eu = f.off_map("eu", Region::Eu);
    REQUIRE(us[200] - us[0] == 200);
    f.collab({hub, us[0]});
    f.collab({hub, us[200]});  // the same kind, hub and status as the first
    f.collab({hub, eu});
    CHECK(edge_point_id(us[0]) != edge_point_id(us[200]));
    CHECK(edge_point_id(us[0]) >= kEdgePointBase);
    const MapScene& s = f.build();
    REQUIRE(s.arcs.size() == 3);
    CHECK(s.arcs[0].other == us[0]);
    CHECK(s.arcs[1].other == us[200]);
    CHECK(s.arcs[2].other == eu);
    // US at the right edge, Europe at the left, 30 px above the hub.
    CHECK(s.arcs[0].b.x == 796);
    CHECK(s.arcs[0].b.y == Approx(270).margin(1e-3));
    CHECK(s.arcs[2].b.x == 4);
    // Labels "→ u1" and "→ u201" on rows of their own, "→ eu" at the left.
    REQUIRE(s.edge_labels.size() == 3);
    CHECK(s.edge_labels[0].org == us[0]);
    CHECK(s.edge_labels[1].org == us[200]);
    CHECK(s.edge_labels[1].text == "→ u201");
    CHECK_FALSE(s.edge_labels[0].rect.overlaps(s.edge_labels[1].rect));
    CHECK(s.edge_labels[2].rect.x0 < 400);
}

TEST_CASE("map scene: without a text measure there are no labels, and organisations off screen are not placed") {
    Fixture f;
    f.org("in", 400, 300);
    f.org("near", -150, 300);  // within the 200 px margin: placed (its arcs enter the view)
    f.org("far", -250, 300);
    f.build();
    CHECK(f.builder.scene().nodes.size() == 2);
    CHECK(f.builder.scene().labels.size() == 1);  // "near" does not fit inside the map
    MapSceneInput in;
    in.ds = &f.ds;
    in.vis = &f.vis;
    in.camera = f.cam;
    in.size = {800, 600};
    const MapScene& s = f.builder.build(in);
    CHECK(s.nodes.size() == 2);
    CHECK(s.labels.empty());
    CHECK(s.edge_labels.empty());
}
