// The ImGui user interface: map, timeline, legend/filters, details, toolbar and help. Views
// read the AppModel and call its intent methods; they hold only presentation caches.
#pragma once
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/basemap.h"
#include "core/commands.h"
#include "core/map_scene.h"
#include "core/story_card.h"
#include "core/timeline.h"
#include "core/timeline_layout.h"
#include "ui/fonts.h"
#include "ui/line_batch.h"

namespace ca::ui {

struct UiOptions {
    bool web = false;  // the page supplies the search box (DOM input, for IMEs)
};

// The map view's drawing buffers, kept between frames so a frame does not allocate them again.
struct MapDrawBuffers {
    LineBatch lines;
    int last_vtx = 0, last_idx = 0;  // vertices and indices the map drew last frame
};

struct UiContext {
    UiOptions opt;
    Fonts fonts;
    Basemap basemap;
    std::string basemap_error;
    int spider = -1;            // organisation leading an expanded cluster
    MapTuning map_tuning;       // the map scene's tuning values (core/map_scene.h)
    MapSceneBuilder map_scene;  // this frame's map scene, its buffers kept between frames
    MapDrawBuffers map_draw;
    std::vector<Rect> panels;        // screen rects of panels this frame
    std::vector<Rect> last_panels;   // last frame's, which map labels avoid (the map draws first)
    std::vector<Rect> panels_drawn;  // last frame's panels of draw_ui (not the editor's): changed, draw again
    int panel_change_frames = 0;     // frames in a row whose panels changed (at most 3 more asked)
    char search[128] = "";
    char date_input[16] = "";
    bool date_editing = false;
    // A widget needs another frame even if no input comes (ImGui moves keyboard focus over two
    // frames: a date input opened by a click must be active before the first key arrives).
    bool more_frames = false;
    int date_opened_frame = 0;  // ImGui's frame count when the date input opened
    bool show_help = false;
    float help_h = 0;  // the About card's height last frame (core centred_card keeps it put)
    // A link the user followed this frame (the About card's "licenses/index.html"): the app
    // hands it to Platform::open_url and clears it.
    std::string open_url;
    Rect licences_link{0, 0, 0, 0};  // where that link was drawn last frame (tests click it)
    // "Take the tour" pressed this frame (the About card): the app tells the first story (the web
    // page fetches the site's stories first); where it was drawn is audit.tour (tests click it).
    bool tour = false;
    bool legend_open = true;
    Rect legend_bar{0, 0, 0, 0};  // the legend's rectangle when drawn folded this frame, else empty
    // Two fingers touched since the last first touch (core TwoFingerGesture::engaged): the
    // app pinches and pans, so the map neither drags with the mouse ImGui is given nor clicks.
    bool touch_gesture = false;
    bool map_held = false;  // edit mode drags an organisation: the map does not pan under it
    // The first frame sets the legend from the box's size (core/chrome_layout.h), once.
    bool layout_started = false;
    // A box under 300 px tall (core/chrome_layout.h): one-button toolbar, one-row timeline.
    bool tiny = false;
    float timeline_height = 0;
    // Added to the timeline's height when its controls wrap to more rows than chrome_layout
    // allows for, so the track and its year labels stay inside the panel (timeline_view.cpp).
    float timeline_extra = 0;
    float toolbar_bottom = 46;      // lowest pixel of the top chrome, last frame
    ImVec2 toolbar_size{0, 0};      // the toolbar's size last frame
    Rect toolbar_rect{0, 0, 0, 0};  // and where it was (the editor's panels keep clear of it)
    float timeline_top = 0;         // the timeline panel's top edge, last drawn
    // The model's About flag as last synced with show_help (ui.cpp keeps the two in step).
    bool about_synced = false;
    // Where the timeline track was drawn last frame (tests drive the playhead with it).
    TimeAxis track;
    float track_y0 = 0, track_y1 = 0;
    TimelineTuning timeline_tuning;  // the track's tuning values (core/timeline_layout.h)
    TimelineLayoutBuilder timeline;  // this frame's track layout (histogram cached)
    UiAudit audit;                   // what the last frame cut off (the `audit` command, a test aid)
    float story_card_h = 0;          // the story card's height on a narrow screen (the details end above it)
    // The details on a narrow screen (core/story_card.h), placed by draw_ui before the legend:
    // during a story they start folded to a bar above the card, until the visitor opens them.
    DetailsSheetPlace details_sheet;
    bool details_sheet_shown = false;
    bool details_folded = false;
    int details_sel_key = -1;   // the selection the fold was set for (a new one sets it again)
    std::string story_entered;  // "id#step" of the story step last entered (the legend may fold then)
    bool story_swipe = false;   // a press on the story card, maybe a swipe
    int settle_frames = 0;      // frames in a row a window's content changed size (ui.cpp)
    // Statistics of the last map frame, for benchmarks and tests.
    int drawn_links = 0, drawn_nodes = 0, drawn_labels = 0, drawn_clusters = 0;
    double map_ms = 0, visibility_ms = 0;  // CPU time of the map view and of visibility, last frame
};

// Loads the basemap from the embedded assets (once).
void init_ui(UiContext& ui);
// Drops the views' caches of the dataset: call after AppModel::set_dataset.
inline void dataset_changed(UiContext& ui) {
    ui.map_scene.forget_dataset();
    ui.timeline.forget_dataset();
}
// One frame of UI, over the whole ImGui display (io.DisplaySize, logical pixels).
void draw_ui(AppModel& m, UiContext& ui);

// Individual views (ui.cpp calls them in order). Never inlined into draw_ui: one function of
// every view was ~31 KB of wasm, which the browser's optimising compiler took ~0.1 s of CPU to
// compile while the page started (docs/benchmarks.md, "First frame, seventh pass").
[[gnu::noinline]] void draw_map(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size);
[[gnu::noinline]] void draw_timeline(AppModel& m, UiContext& ui, ImVec2 pos, ImVec2 size);
[[gnu::noinline]] void draw_legend(AppModel& m, UiContext& ui);
// The legend's top edge (open or folded to its bar) this frame.
float legend_top(const AppModel& m, const UiContext& ui);
[[gnu::noinline]] void draw_details(AppModel& m, UiContext& ui);
// Below this width the details panel is a sheet across the whole width (and the legend folds).
inline bool details_span_width(float display_width) { return display_width < 640; }
[[gnu::noinline]] void draw_toolbar(AppModel& m, UiContext& ui);
// The time mode, speed and loop controls (the timeline's; in a tiny box, the toolbar's menu).
void draw_time_options(AppModel& m);
[[gnu::noinline]] void draw_help(const AppModel& m, UiContext& ui);  // the About card
[[gnu::noinline]] void draw_story(AppModel& m, UiContext& ui);       // the story card (story_view.cpp)
// Records in ui.audit text drawn from min to max that the current window cuts off.
void audit_text(UiContext& ui, const char* what, ImVec2 min, ImVec2 max);
// Records the current ImGui window's rectangle in ui.panels (the map keeps labels off it).
void record_panel(UiContext& ui);
// True when the current window's title bar was tapped (pressed and released on it without a
// drag) away from its collapse arrow, which ImGui handles itself, and from its right_reserved
// rightmost pixels (a close button).
bool title_tapped(float right_reserved = 0);
// `text` broken into lines no wider than `width` in the current font (core/text_wrap.h): at
// spaces, and between Chinese and Japanese characters too; never before a comma or stop (ImGui's
// own wrap broke "Co., Ltd." after "Co.", starting a line with ", Ltd.").
std::string wrap_text(std::string_view text, float width);
// ImGui::TextWrapped for a text of the data or the catalogues, wrapped by wrap_text, in one item.
void text_wrapped(std::string_view text);

// A translated label with a fixed ImGui id: "label" + "###id" (the id stays when the language
// changes; "##id" keeps the label in the id). Valid until the fourth call after.
const char* with_id(const char* label, const char* id);

// Before a text input with this label over `value`: if ImGui holds it active with other text (the
// value changed under it: the page's layer, undo), it lets the keyboard go, else ImGui would write
// its old text back as if typed.
void let_go_if_changed_under(const char* label, std::string_view value);

}  // namespace ca::ui
