// The map's scene for one frame, without drawing: where each organisation is drawn (alone, in
// a collapsed cluster or on a spread cluster's spider legs), the collaboration arcs between those
// points (in drawing order, with width, alpha and growth), the labels that fit (node, cluster and
// off-map edge labels) and the hit targets under the pointer. The map view (src/ui/map_view.cpp)
// draws it with ImGui and routes input; tests build it without ImGui. Every tuning value is in
// MapTuning. Screen positions are single precision, as the view's vertices are.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/arc_groups.h"
#include "core/cluster.h"
#include "core/hit_test.h"
#include "core/label_layout.h"

namespace ca {

// The map scene's tuning values (lengths in CSS pixels). The defaults are the atlas's.
struct MapTuning {
    // Which organisations are placed: nodes up to this far outside the viewport still are (their
    // arcs enter the view).
    float offscreen_margin = 200;

    // Priority of an organisation: leads its cluster and labels first. Per visible active
    // collaboration, plus a bonus when selected and one when active.
    double priority_per_degree = 10;
    double priority_selected = 1000;
    double priority_active = 5;

    // Clustering: nodes within this distance of a cluster's leader (the member of highest
    // priority) join it; a cluster of several is drawn as one disc at the members' mean position.
    double cluster_radius = 15;
    // A collapsed cluster's disc: base + per_sqrt_member·√members.
    float cluster_disc_base = 11;
    float cluster_disc_per_sqrt_member = 2;

    // A spread cluster ("spider", after a click on a cluster that cannot be zoomed apart): its
    // members on a circle of radius at least base + per_member·members around its centre (larger
    // when their nodes would not fit apart), first at the top, then clockwise.
    float spider_radius_base = 26;
    float spider_radius_per_member = 3;
    // At the deepest zoom (a camera scale of at least this fraction of the largest), every
    // cluster is spread: organisations at one point separate.
    double spread_at_scale = 0.999;

    // Nothing overlaps: a node's shape reaches node_extent × its radius from its point, a collapsed
    // cluster's halo cluster_halo beyond its disc, a spread cluster's ring plus its largest node;
    // markers (and a ring's neighbouring nodes) closer than marker_gap join one cluster.
    float node_extent = 1.25f;
    float cluster_halo = 4;
    float marker_gap = 2;

    // A node's marker radius: base + per_sqrt_degree·√(active collaborations); its hit circle is
    // hit_pad larger.
    float node_radius_base = 4.5f;
    float node_radius_per_sqrt_degree = 2.4f;
    float node_hit_pad = 2;

    // Level of detail: with more visible collaborations than this, one solid arc per pair of
    // points (whatever the kinds and status), tessellated more coarsely.
    int lod_arc_threshold = 3000;
    // A newly visible arc grows from its hub over this many seconds (unless reduced motion).
    double arc_grow_seconds = 0.9;
    // Alpha: active or ended (faded) arcs; times `unrelated` for arcs not touching the hovered
    // organisation while one is hovered.
    float arc_alpha_active = 0.85f;
    float arc_alpha_faded = 0.35f;
    float arc_alpha_unrelated = 0.2f;
    // Width of an active arc: base + per_fact·min(facts, max_facts) + per_log2_count·log2(merged
    // collaborations), at most `max`, plus `emphasis` when it touches the hovered or selected
    // organisation (or is selected); rounded to whole pixels (ImGui's textured lines). Ended: faded.
    float arc_width_faded = 1;
    float arc_width_base = 1.6f;
    float arc_width_per_fact = 0.35f;
    int arc_width_max_facts = 6;
    float arc_width_per_log2_count = 1.2f;
    float arc_width_max = 9;
    float arc_width_emphasis = 1.2f;
    // Bow of an arc (control point offset over its length): base + step·(first collaboration % 4),
    // so merged spokes from one hub fan out.
    float arc_bend_base = 0.18f;
    float arc_bend_step = 0.05f;
    // Tessellation: about one segment per this many pixels (4..48 segments); coarser with lod.
    float arc_segment = 6;
    float arc_segment_lod = 16;

    // Off-map organisations (European ones at the map's left edge, American ones at its right):
    // their arcs end `inset` inside that side, `rise` above their hub's height, the hub's height
    // being kept `margin_y` inside the top and bottom.
    float edge_inset = 4;
    float edge_margin_y = 40;
    float edge_rise = 30;

    // Labels: when there are more than max_labels clusters, only those whose priority reaches the
    // (max_labels + 1)-th highest ask for one (so max_labels + 1 of them when priorities differ),
    // plus the selected and hovered nodes: layout cost stays bounded on big data. Priority
    // bonuses: a cluster's label over its leader's peers, the hovered node's over all; idle
    // nodes' labels after active ones.
    size_t max_labels = 350;
    double label_bonus_cluster = 50;
    double label_bonus_hovered = 2000;
    double label_penalty_idle = 100;
    // Label box: text size plus this padding (width, height).
    float label_pad_x = 8;
    float label_pad_y = 4;
    // Edge labels: beside the arc's end (gap_x from the left edge, gap_right from the right edge),
    // gap_y above it; their box pads the text by box_pad_x, box_pad_y.
    float edge_label_gap_x = 4;
    float edge_label_gap_right = 8;
    float edge_label_gap_y = 2;
    double edge_label_box_pad_x = 3;
    double edge_label_box_pad_y = 1;

    // Hit testing: the smallest radius a target answers to, for a mouse and for touch (fingers;
    // the view uses it in the web build, which phones run; natively the mouse radius).
    float hit_radius_mouse = 8;
    float hit_radius_touch = 14;

    // Clicking a collapsed cluster zooms to fit its members with this margin, unless that needs
    // more than spread_above_max_scale of the camera's largest scale or the members lie within
    // spread_below_width (km, world units) of each other: then it spreads (spider).
    double cluster_fit_margin = 80;
    double spread_above_max_scale = 0.9;
    double spread_below_width = 0.5;

    // Input routing (the view): keyboard pan step; zoom per wheel notch, per '+'/'-' key and per
    // double click; a press that moved further than click_slop is not a click, one that moved
    // drag_threshold pans.
    float pan_step = 60;
    double zoom_per_wheel_notch = 1.2;
    double zoom_per_key = 1.5;
    double zoom_per_double_click = 2.0;
    float click_slop = 4;
    float drag_threshold = 2;
};

// Text sizes in the view's fonts: a label's first line (and edge labels) in the regular font;
// its second line in the font of `lang` at the smaller size (Lang::Count: the small Latin font).
class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    virtual PointF first_line(const std::string& text) const = 0;
    virtual PointF second_line(const std::string& text, Lang lang) const = 0;
};

struct MapSceneInput {
    const Dataset* ds = nullptr;
    const Visibility* vis = nullptr;
    Camera camera;
    PointF origin, size;  // the map's rectangle on screen
    Selection selection;
    int hover_org = -1;
    int spider = -1;       // an organisation of the spread cluster (-1: none)
    double max_scale = 0;  // the camera's largest scale (0: unknown, never spread by zoom)
    NameLang lang = NameLang::Both;
    Locale locale = Locale::En;                 // the interface language shown: with lang Both, names in its script first
    const double* appeared_at = nullptr;        // AppModel::appeared_at(): nullptr when nothing grows
    uint64_t appeared_writes = kUnknownWrites;  // AppModel::appeared_writes(): arcs kept between frames
    double clock = 0;
    const std::vector<Rect>* obstacles = nullptr;  // panels over the map: labels avoid them
    const TextMeasure* text = nullptr;             // nullptr: no labels
};

// The input from an AppModel (dataset, visibility, camera, selection, hover, language, growth);
// the caller adds viewport, spider, obstacles and text.
MapSceneInput map_scene_input(AppModel& m);

// A collaboration arc (one or more merged): a quadratic Bézier from its hub's point a, bowing
// through control point c, to b (another point, or an off-map organisation's edge point).
struct SceneArc {
    PointF a, c, b;
    float grow = 1;   // drawn from a up to this curve parameter (new arcs grow)
    float width = 1;  // whole pixels
    float alpha = 1;
    float segment = 6;                                // tessellation length (MapTuning::arc_segment or arc_segment_lod)
    CollabKind kind = CollabKind::Mou;                // the first merged collaboration's
    bool faded = false;                               // ended (cumulative mode): drawn grey
    bool dashed = false;                              // in its kind's dash pattern (not when faded or with lod)
    int hub = -1, other = -1, first = -1, count = 0;  // organisations, first collaboration, merged
};

// A node: one organisation drawn at its own point (alone or on a spider leg).
struct SceneNode {
    int org = -1;
    PointF p;
    float radius = 0;
    bool active = false;  // in an active collaboration (else drawn faded)
    bool selected = false, hovered = false;
    bool dimmed = false;  // another organisation is hovered and this one is not its partner
};

// One cluster of the clustering, in drawing order: a single node, a collapsed cluster (a disc
// with its member count) or a spread one (a ring, spider legs from its centre to its nodes).
struct SceneGroup {
    PointF centre;                         // the members' mean screen position
    float radius = 0;                      // collapsed: the disc's; spread: the ring's (the legs' length); else 0
    int leader = -1;                       // organisation of highest priority
    int member_begin = 0, member_end = 0;  // MapScene::members (organisations, by priority)
    int node_begin = 0, node_end = 0;      // MapScene::nodes (none when collapsed)
    bool collapsed = false, spread = false;
    bool any_active = false;  // a member is active (collapsed discs are coloured, else grey)
    int count() const { return member_end - member_begin; }
};

// A placed label of a node or a collapsed cluster ("ASTRI +3").
struct SceneLabel {
    Rect rect{};
    std::string line1, line2;  // line2 may be empty
    Lang lang2 = Lang::Count;  // font of line2 (Lang::Count: Latin)
    bool dim = false;          // an idle organisation's
    int org = -1;
    bool cluster = false;
};

// A placed label of an off-map organisation ("→ imec") near its arc's end at the map's edge.
struct SceneEdgeLabel {
    Rect rect{};
    std::string text;
    int org = -1;
};

struct HitTarget {
    enum Kind : unsigned char { None, Org, Cluster };
    Kind kind = None;
    int index = -1;  // organisation, or cluster (index into MapScene::groups)
};

// How far a marker reaches from its point (markers never overlap within these).
inline float node_reach(const SceneNode& n, const MapTuning& t) { return n.radius * t.node_extent; }
inline float cluster_reach(const SceneGroup& g, const MapTuning& t) { return g.radius + t.cluster_halo; }

struct MapScene {
    bool lod = false;
    std::vector<SceneArc> arcs;  // drawing order: ended (faded) ones first, active on top
    size_t faded_arcs = 0;       // arcs[0 .. faded_arcs) are the faded ones
    std::vector<SceneGroup> groups;
    std::vector<int> members;
    std::vector<SceneNode> nodes;
    // Per organisation: where it is drawn (its node, a spider leg's end or its collapsed
    // cluster's centre); far off screen (-1e6) when not placed.
    std::vector<PointF> drawn;
    std::vector<SceneLabel> labels;           // drawn first
    std::vector<SceneEdgeLabel> edge_labels;  // drawn over them
    int collapsed_clusters = 0;
    // Hit targets: collapsed clusters and nodes, in drawing order.
    std::vector<Vec2> hit_centres;
    std::vector<float> hit_radii;
    std::vector<HitTarget> hit_targets;
    HitGrid hit_grid;

    // The nearest target whose circle (at least min_radius) contains p.
    HitTarget hit(Vec2 p, float min_radius) const;
    const int* members_begin(const SceneGroup& g) const { return members.data() + g.member_begin; }
    const int* members_end(const SceneGroup& g) const { return members.data() + g.member_end; }
};

// What a click on a collapsed cluster does: zoom to `box` (world), or spread the cluster.
struct ClusterClick {
    bool spread = false;
    Box box;
};

// Builds scenes frame after frame, keeping its buffers (no allocation once warmed up, apart
// from label strings).
class MapSceneBuilder {
public:
    const MapScene& build(const MapSceneInput& in, const MapTuning& tuning = {});
    const MapScene& scene() const { return scene_; }
    // Projected organisation positions (world km), cached per dataset.
    const std::vector<Vec2>& org_world() const { return org_world_; }
    // Drops what is cached for the dataset (a new one may live at the same address).
    void forget_dataset() {
        projected_for_ = nullptr;
        near_.valid = false;
        clusters_.forget();
        grouper_.forget();
    }
    // A click on scene().groups[group]: zoom to its members or spread it.
    ClusterClick click_cluster(int group, const Camera& cam, double max_scale, const MapTuning& tuning = {}) const;

private:
    // build()'s passes, never inlined into it (one 21 KB wasm function took the browser's
    // optimising compiler ~0.1 s of CPU at start: docs/benchmarks.md, "First frame, seventh pass").
    [[gnu::noinline]] void place_organisations(const MapSceneInput& in, const MapTuning& t);
    [[gnu::noinline]] void separate_markers(const MapSceneInput& in, const MapTuning& t);
    float node_radius(int org) const;
    bool is_spread(size_t cluster) const;
    float spider_ring(size_t cluster);  // fills angle_
    [[gnu::noinline]] void make_groups(const MapSceneInput& in, const MapTuning& t);
    [[gnu::noinline]] void make_arcs(const MapSceneInput& in, const MapTuning& t);
    [[gnu::noinline]] void make_marks(const MapSceneInput& in, const MapTuning& t);
    [[gnu::noinline]] void place_labels(const MapSceneInput& in, const MapTuning& t);
    PointF edge_point(int hub, Region r) const;
    PointF arc_end(const ArcGroup& e) const;

    MapScene scene_;
    const Dataset* projected_for_ = nullptr;
    std::vector<Vec2> org_world_;
    // Organisations with coordinates near the viewport (within offscreen_margin) and their
    // screen points, for the camera, map rectangle and margin they were projected for: while
    // the view stays, a frame (playback) only filters them by visibility.
    struct NearCache {
        Camera camera;
        PointF origin, size;
        float margin = 0;
        bool valid = false;
        std::vector<int> org;
        std::vector<Vec2> screen;
    };
    NearCache near_;
    void project_near(const MapSceneInput& in, const MapTuning& t);
    FlatIndex flat_scratch_;
    const FlatIndex* fi_ = nullptr;
    PointF origin_, size_;
    const MapTuning* tuning_ = nullptr;  // during build()
    std::vector<int> shown_;             // placed organisations
    std::vector<Vec2> spts_;             // their screen positions
    std::vector<double> prio_, label_prio_;
    Clustering clusters_;
    const Visibility* vis_ = nullptr;  // during build()
    int spider_shown_ = -1;            // the spider's index in shown_ (-1: none)
    bool deepest_ = false;             // at the deepest zoom: every cluster spread
    std::vector<double> reach_;        // per cluster: how far its marker reaches
    std::vector<float> leg_reach_, angle_;
    std::vector<Rect> marks_;                   // markers' boxes, for edge labels
    std::vector<Disc> discs_;                   // markers' circles, for node and cluster labels
    std::vector<Rect> obstacles_, near_rects_;  // place_labels' scratch
    std::vector<uint32_t> point_of_org_;
    ArcGrouper grouper_;
    std::vector<ArcGroup> groups_;
    std::vector<char> partner_;  // organisations sharing a drawn collaboration with the hovered one
    std::vector<LabelRequest> requests_;
    std::vector<SceneLabel> pending_;  // label texts, one per request
    double label_min_priority_ = 0;
};

}  // namespace ca
