// The ImGui user interface: map, timeline, legend/filters, details, toolbar and help. Views
// read the AppModel and call its intent methods; they hold only presentation caches.
#pragma once
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/arc_groups.h"
#include "core/basemap.h"
#include "core/cluster.h"
#include "core/label_layout.h"
#include "core/timeline.h"
#include "ui/fonts.h"
#include "ui/line_batch.h"

namespace ca::ui {

struct UiOptions {
    bool web = false;         // the page supplies the search box (DOM input, for IMEs)
};

// The map view's per-frame working arrays, kept so a frame does not allocate them again.
struct MapScratch {
    FlatIndex flat_scratch;
    std::vector<int> shown;  // drawn organisations
    std::vector<Vec2> spts;  // their screen positions
    std::vector<double> prio, label_prio;
    Clustering clusters;
    std::vector<ImVec2> disp;  // per organisation: where it is drawn (-1e6: not drawn)
    std::vector<uint32_t> point_of_org;
    ArcGrouper grouper;
    std::vector<ArcGroup> arcs;
    std::vector<char> partner;
    std::vector<Vec2> hit_pts;
    std::vector<float> hit_r;
    std::vector<int> hit_org;
    LineBatch lines;
    int last_vtx = 0, last_idx = 0;  // vertices and indices the map drew last frame
};

struct UiContext {
    UiOptions opt;
    Fonts fonts;
    Basemap basemap;
    std::string basemap_error;
    std::vector<Vec2> org_world;  // projected organisation positions
    const Dataset* projected_for = nullptr;
    int spider = -1;              // organisation leading an expanded cluster
    MapScratch map;
    std::vector<Rect> panels;       // screen rects of panels this frame
    std::vector<Rect> last_panels;  // last frame's, which map labels avoid (the map draws first)
    char search[128] = "";
    char date_input[16] = "";
    bool date_editing = false;
    bool show_help = false;
    bool legend_open = true;
    float timeline_height = 0;
    float toolbar_bottom = 46;  // lowest pixel of the top chrome, last frame
    // Where the timeline track was drawn last frame (tests drive the playhead with it).
    TimeAxis track;
    Histogram hist;  // cached: recomputed when data, filters or track width change
    uint32_t hist_hidden = ~0u;
    double hist_x0 = 0, hist_x1 = 0;
    const Dataset* hist_for = nullptr;
    size_t hist_count = 0;
    float track_y0 = 0, track_y1 = 0;
    // Statistics of the last map frame, for benchmarks and tests.
    int drawn_links = 0, drawn_nodes = 0, drawn_labels = 0, drawn_clusters = 0;
    double map_ms = 0, visibility_ms = 0;  // CPU time of the map view and of visibility, last frame
};

// Loads the basemap from the embedded assets (once).
void init_ui(UiContext& ui);
// One frame of UI, over the whole ImGui display (io.DisplaySize, logical pixels).
void draw_ui(AppModel& m, UiContext& ui);

// Individual views (ui.cpp calls them in order).
void draw_map(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size);
void draw_timeline(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size);
void draw_legend(AppModel& m, UiContext& ui);
void draw_details(AppModel& m, UiContext& ui);
// Below this width the details panel is a sheet across the whole width (and the legend folds).
inline bool details_span_width(float display_width) { return display_width < 640; }
void draw_toolbar(AppModel& m, UiContext& ui);
void draw_help(UiContext& ui);
// Records the current ImGui window's rectangle in ui.panels (the map keeps labels off it).
void record_panel(UiContext& ui);

// Display name according to the language setting ("ASTRI · 香港應用科技研究院").
std::string display_name(const Organisation& o, NameLang lang);

}  // namespace ca::ui
