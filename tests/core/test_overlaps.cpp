// Nothing on the map overlaps (issue 15, finding 6): clusters and nodes over random data at
// several zooms and sizes, spread clusters' legs, organisations at one point at the deepest zoom
// or after a click on their cluster, and off-map edge labels clear of every marker; on random
// data and on the bundled dataset (Kaohsiung, HIWIN, TSMC +2, the "→ EU" label over Korea);
// node and cluster labels clear of every marker, labelled or not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/embedded.h"
#include "core/map_scene.h"

using namespace ca;

namespace {

// Fixed-width text: 7 px per byte, 12 px tall (second lines 6 px, 10 px).
struct FixedMeasure final : TextMeasure {
    PointF first_line(const std::string& s) const override { return {7.0f * static_cast<float>(s.size()), 12}; }
    PointF second_line(const std::string& s, Lang) const override { return {6.0f * static_cast<float>(s.size()), 10}; }
};

struct Mark {
    PointF p;
    float reach;
    std::string what;
};

// Every drawn marker: collapsed clusters' discs with their halo, nodes' shapes.
std::vector<Mark> marks_of(const MapScene& s, const Dataset& ds, const MapTuning& t) {
    std::vector<Mark> out;
    for (const SceneGroup& g : s.groups)
        if (g.collapsed) out.push_back({g.centre, cluster_reach(g, t), "cluster of " + ds.organisations[g.leader].id});
    for (const SceneNode& n : s.nodes) out.push_back({n.p, node_reach(n, t), "node " + ds.organisations[n.org].id});
    return out;
}

// The number of pairs of markers that overlap (the first few named).
int overlaps(const MapScene& s, const Dataset& ds, const MapTuning& t) {
    const std::vector<Mark> m = marks_of(s, ds, t);
    int bad = 0;
    for (size_t i = 0; i < m.size(); ++i)
        for (size_t j = i + 1; j < m.size(); ++j) {
            const double d = std::hypot(m[i].p.x - m[j].p.x, m[i].p.y - m[j].p.y);
            if (d >= m[i].reach + m[j].reach) continue;
            if (++bad <= 3)
                UNSCOPED_INFO(m[i].what << " and " << m[j].what << ": " << d << " px apart, reaching " << m[i].reach << " + "
                                        << m[j].reach);
        }
    return bad;
}

// The number of edge labels that cover a marker's box.
int covered_marks(const MapScene& s, const Dataset& ds, const MapTuning& t) {
    int bad = 0;
    for (const Mark& m : marks_of(s, ds, t))
        for (const SceneEdgeLabel& l : s.edge_labels) {
            const Rect box{m.p.x - m.reach, m.p.y - m.reach, m.p.x + m.reach, m.p.y + m.reach};
            if (!l.rect.overlaps(box)) continue;
            if (++bad <= 3) UNSCOPED_INFO("\"" << l.text << "\" covers " << m.what);
        }
    return bad;
}

// The number of node and cluster labels that cover a marker (any marker, its own included):
// the label's box reaches into the marker's disc.
int labelled_marks(const MapScene& s, const Dataset& ds, const MapTuning& t) {
    int bad = 0;
    for (const Mark& m : marks_of(s, ds, t))
        for (const SceneLabel& l : s.labels) {
            const double dx = std::max({l.rect.x0 - m.p.x, 0.0, m.p.x - l.rect.x1});
            const double dy = std::max({l.rect.y0 - m.p.y, 0.0, m.p.y - l.rect.y1});
            if (std::hypot(dx, dy) >= m.reach - 0.01) continue;
            if (++bad <= 3) UNSCOPED_INFO("label \"" << l.line1 << "\" covers " << m.what);
        }
    return bad;
}

// The panels the app draws over the map, roughly: a legend at the top left, the timeline at the bottom.
std::vector<Rect> panels_for(double w, double h) { return {{8, 8, std::min(230.0, w / 2), h * 0.45}, {0, h - 90, w, h}}; }

// Random organisations around a few hot spots (many at exactly the same point), random
// collaborations among them and with off-map European and American organisations.
Dataset random_dataset(unsigned seed, const Camera& cam) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    Dataset ds;
    const int n = 40 + static_cast<int>(u(rng) * 160), spots = 1 + static_cast<int>(u(rng) * 8);
    std::vector<Vec2> spot;
    for (int k = 0; k < spots; ++k) spot.push_back({u(rng) * 800, u(rng) * 600});
    std::normal_distribution<double> near(0, 25);
    for (int i = 0; i < n; ++i) {
        Organisation o;
        o.id = "o";
        o.id += std::to_string(i);
        o.name = o.id;
        o.region = Region::Taiwan;
        o.has_coords = true;
        if (i > 0 && u(rng) < 0.3) {  // at the point of an earlier one
            const Organisation& same = ds.organisations[static_cast<size_t>(u(rng) * i)];
            o.lat = same.lat;
            o.lon = same.lon;
        } else {
            const Vec2 c = spot[static_cast<size_t>(u(rng) * spots)];
            const LatLon ll = unproject(cam.screen_to_world({c.x + near(rng), c.y + near(rng)}));
            o.lat = ll.lat;
            o.lon = ll.lon;
        }
        ds.organisations.push_back(o);
    }
    for (const Region r : {Region::Eu, Region::Us}) {
        Organisation o;
        o.id = o.name = r == Region::Eu ? "European partners" : "American partners";
        o.region = r;
        ds.organisations.push_back(o);
    }
    const int all = static_cast<int>(ds.organisations.size());
    for (int k = 0; k < n; ++k) {
        Collaboration c;
        c.id = "c";
        c.id += std::to_string(k);
        const int a = static_cast<int>(u(rng) * n), b = u(rng) < 0.15 ? all - 1 - (k % 2) : static_cast<int>(u(rng) * n);
        if (a == b) continue;
        c.participants = {{a, Role::Lead}, {b, Role::Member}};
        c.interval.start = Date{2020, 0, 0, Precision::Year};
        ds.collaborations.push_back(c);
    }
    ds.finalise();
    return ds;
}

// The bundled dataset in a model with a w × h map.
AppModel bundled(double w, double h) {
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    AppModel m;
    m.set_dataset(std::move(r.dataset), "bundled");
    m.set_viewport({0, 0}, {w, h});
    m.set_reduced_motion(true);  // flights jump
    return m;
}

const MapScene& build(AppModel& m, MapSceneBuilder& b, const MapTuning& t, int spider = -1, const std::vector<Rect>* panels = nullptr) {
    static const FixedMeasure measure;
    MapSceneInput in = map_scene_input(m);
    in.size = {static_cast<float>(m.camera().viewport.x), static_cast<float>(m.camera().viewport.y)};
    in.spider = spider;
    in.obstacles = panels;
    in.text = &measure;
    return b.build(in, t);
}

// The organisation's node, or nullptr when it is not drawn as a node (collapsed or not placed).
const SceneNode* node_of(const MapScene& s, int org) {
    for (const SceneNode& n : s.nodes)
        if (n.org == org) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("overlaps: over random data, no two markers overlap and edge labels cover none") {
    const unsigned seed = GENERATE(range(1u, 31u));
    Camera base;
    base.viewport = {800, 600};
    base.centre = project({24, 121});
    base.scale = 1;
    const Dataset ds = random_dataset(seed, base);
    ViewState view;
    view.t = first_day(Date{2023, 6, 1, Precision::Day});
    view.mode = TimeMode::Cumulative;
    Visibility vis;
    compute_visibility(ds, view, vis);
    const FixedMeasure measure;
    const MapTuning t;
    MapSceneBuilder b;
    for (const Vec2 size : {Vec2{1280, 800}, Vec2{390, 844}, Vec2{320, 240}})
        for (const double zoom : {0.25, 0.6, 1.0, 2.5, 7.0, 20.0}) {
            Camera cam = base;
            cam.viewport = size;
            cam.scale = zoom;
            const std::vector<Rect> panels = panels_for(size.x, size.y);
            MapSceneInput in;
            in.ds = &ds;
            in.vis = &vis;
            in.camera = cam;
            in.size = {static_cast<float>(size.x), static_cast<float>(size.y)};
            in.text = &measure;
            in.obstacles = &panels;
            in.max_scale = 20;  // the last zoom is the deepest
            in.spider = zoom == 2.5 ? static_cast<int>(seed % 40) : -1;
            const MapScene& s = b.build(in, t);
            INFO("seed " << seed << ", " << size.x << "×" << size.y << ", zoom " << zoom);
            CHECK(overlaps(s, ds, t) == 0);
            CHECK(covered_marks(s, ds, t) == 0);
            CHECK(labelled_marks(s, ds, t) == 0);
            if (zoom == 20.0) CHECK(s.collapsed_clusters == 0);  // the deepest zoom: all spread
        }
}

TEST_CASE("overlaps: the bundled data at each region, size and zoom, Kaohsiung and HIWIN included") {
    MapTuning t;
    for (const Vec2 size : {Vec2{1280, 800}, Vec2{390, 844}}) {
        AppModel m = bundled(size.x, size.y);
        const std::vector<Rect> panels = panels_for(size.x, size.y);
        MapSceneBuilder b;
        for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p) {
            m.fly_to(static_cast<RegionPreset>(p));
            for (int step = 0; step < 8; ++step) {
                const MapScene& s = build(m, b, t, -1, &panels);
                INFO(size.x << "×" << size.y << ", " << preset_label(static_cast<RegionPreset>(p)) << ", zoomed in " << step << " times");
                CHECK(overlaps(s, m.data(), t) == 0);
                CHECK(covered_marks(s, m.data(), t) == 0);
                CHECK(labelled_marks(s, m.data(), t) == 0);
                m.zoom_at({size.x / 2, size.y / 2}, 2);
            }
        }
    }
}

TEST_CASE("overlaps: at the deepest zoom, organisations at one point separate (ASE, TSMC)") {
    AppModel m = bundled(1280, 800);
    MapTuning t;
    MapSceneBuilder b;
    for (const char* id : {"ase", "tsmc"}) {
        const int org = m.data().find_org(id);
        REQUIRE(org >= 0);
        m.fly_to_org(org);
        m.zoom_at({640, 400}, 1e6);  // clamped to the deepest zoom
        REQUIRE(m.camera().scale == Approx(m.max_scale()));
        const MapScene& s = build(m, b, t);
        INFO(id);
        CHECK(s.collapsed_clusters == 0);
        CHECK(overlaps(s, m.data(), t) == 0);
        for (const char* other : {"ase", "ase_kaohsiung", "tsmc", "auo_digitech", "nycu"}) {
            const int o = m.data().find_org(other);
            const SceneNode* n = node_of(s, o);
            if (!n && s.drawn[static_cast<size_t>(o)].x < -1e5) continue;  // not placed in this view
            INFO(other);
            REQUIRE(n != nullptr);
            const HitTarget h = s.hit({n->p.x, n->p.y}, t.hit_radius_touch);
            CHECK(h.kind == HitTarget::Org);
            CHECK(h.index == o);
        }
    }
}

TEST_CASE("overlaps: clicking the cluster of ASE or TSMC separates its organisations, each selectable") {
    for (const Vec2 size : {Vec2{1280, 800}, Vec2{390, 844}}) {
        AppModel m = bundled(size.x, size.y);
        MapTuning t;
        MapSceneBuilder b;
        for (const std::vector<std::string>& ids :
             {std::vector<std::string>{"ase", "ase_kaohsiung"}, std::vector<std::string>{"tsmc", "auo_digitech", "nycu"}}) {
            INFO(size.x << "×" << size.y << ", " << ids[0]);
            m.fly_to(RegionPreset::Taiwan);
            const int org = m.data().find_org(ids[0]);
            int spider = -1, clicks = 0;
            // Click the organisation's cluster until it has none (a click zooms or spreads).
            for (;; ++clicks) {
                const MapScene& s = build(m, b, t, spider);
                int group = -1;
                for (size_t g = 0; g < s.groups.size(); ++g)
                    for (const int* k = s.members_begin(s.groups[g]); k != s.members_end(s.groups[g]); ++k)
                        if (*k == org && s.groups[g].collapsed) group = static_cast<int>(g);
                if (group < 0 || clicks == 4) break;
                const ClusterClick c = b.click_cluster(group, m.camera(), m.max_scale(), t);
                if (c.spread)
                    spider = s.groups[static_cast<size_t>(group)].leader;
                else
                    m.fly_to_box(c.box, t.cluster_fit_margin);
            }
            CHECK(clicks >= 1);
            CHECK(clicks <= 3);
            const MapScene& s = build(m, b, t, spider);
            CHECK(overlaps(s, m.data(), t) == 0);
            std::vector<PointF> seen;
            for (const std::string& id : ids) {
                const int o = m.data().find_org(id);
                const SceneNode* n = node_of(s, o);
                INFO(id);
                REQUIRE(n != nullptr);
                CHECK(s.drawn[static_cast<size_t>(o)].x == n->p.x);
                const HitTarget h = s.hit({n->p.x, n->p.y}, t.hit_radius_touch);
                CHECK(h.kind == HitTarget::Org);
                CHECK(h.index == o);
                for (const PointF& p : seen) CHECK(std::hypot(p.x - n->p.x, p.y - n->p.y) > 10);
                seen.push_back(n->p);
            }
        }
    }
}

TEST_CASE("overlaps: a spread cluster's nodes keep apart however many and large they are") {
    // Twelve organisations at one point, each in many collaborations (large nodes).
    Camera cam;
    cam.viewport = {800, 600};
    cam.centre = project({24, 121});
    cam.scale = 1;
    Dataset ds;
    const LatLon at = unproject(cam.screen_to_world({400, 300}));
    for (int i = 0; i < 13; ++i) {
        Organisation o;
        o.id = "o";
        o.id += std::to_string(i);
        o.name = o.id;
        o.region = Region::Taiwan;
        o.has_coords = i < 12;
        o.lat = at.lat;
        o.lon = at.lon;
        ds.organisations.push_back(o);
    }
    for (int i = 0; i < 12; ++i)
        for (int k = 0; k < 2 * i + 1; ++k) {
            Collaboration c;
            c.id = "c";
            c.id += std::to_string(i * 100 + k);
            c.participants = {{i, Role::Lead}, {12, Role::Member}};
            c.interval.start = Date{2020, 0, 0, Precision::Year};
            ds.collaborations.push_back(c);
        }
    ds.finalise();
    ViewState view;
    view.t = first_day(Date{2023, 6, 1, Precision::Day});
    Visibility vis;
    compute_visibility(ds, view, vis);
    MapSceneInput in;
    in.ds = &ds;
    in.vis = &vis;
    in.camera = cam;
    in.size = {800, 600};
    in.spider = 5;
    MapTuning t;
    MapSceneBuilder b;
    const MapScene& s = b.build(in, t);
    REQUIRE(s.groups.size() == 1);
    CHECK(s.groups[0].spread);
    CHECK(s.nodes.size() == 12);
    CHECK(overlaps(s, ds, t) == 0);
    for (const SceneNode& n : s.nodes) CHECK(std::hypot(n.p.x - 400, n.p.y - 300) == Approx(s.groups[0].radius).epsilon(1e-4));
}
