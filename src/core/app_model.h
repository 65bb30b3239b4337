// The application model: dataset, view state, camera, playback, flights and hover. The view
// state, camera and playback change only through intent methods (what UI widgets, keys, URL and
// host API ask for); hover_org is a plain field the map view writes each frame.
// No rendering.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/camera.h"
#include "core/contrast.h"
#include "core/dataset_json.h"
#include "core/label_layout.h"
#include "core/story.h"
#include "core/timeline.h"
#include "core/view_state.h"
#include "core/visibility.h"

namespace ca {

struct Flight {
    bool active = false;
    Camera from, to;
    double u = 0, seconds = 0.8;
};

struct Selection {
    bool is_org = true;
    int index = -1;
    bool valid() const { return index >= 0; }
};

class AppModel {
public:
    // Data
    void set_dataset(Dataset ds, std::string name);
    const Dataset& data() const { return data_; }
    // The bundled data's translations into l from its catalogue (core/model.h,
    // add_catalogue_translations): shown from the next frame.
    void add_translations(Locale l, const Catalogue& c) {
        if (add_catalogue_translations(data_, l, c) > 0) touch();
    }
    const std::string& dataset_name() const { return dataset_name_; }
    bool has_data() const { return !data_.organisations.empty(); }

    // View state
    const ViewState& view() const { return view_; }
    const TimeAxis& axis() const { return axis_; }
    const Visibility& visibility();
    Selection selection() const;
    bool dark() const { return view_.theme == Theme::Dark || (view_.theme == Theme::Auto && system_dark_); }
    void set_system_dark(bool d) { system_dark_ = d; }
    // The visitor's forced colours (a contrast theme), or none: the map then draws with them alone.
    const std::optional<SystemColours>& forced_colours() const { return forced_colours_; }
    void set_forced_colours(std::optional<SystemColours> c) { forced_colours_ = c; }
    bool reduced_motion() const { return view_.reduced_motion; }

    // Intents
    void set_time(double t);
    void set_mode(TimeMode m);
    void set_window(int months);
    void set_filters(const Filters& f);
    void toggle_collab_kind(CollabKind k);
    void toggle_org_kind(OrgKind k);
    void toggle_region(Region r);
    void set_lang(NameLang l);
    void set_locale(Locale l);
    // The visitor's negotiated interface language (choose_locale): the view starts on it, and a
    // hash names the locale only when it differs from it.
    void set_default_locale(Locale l);
    Locale default_locale() const { return default_locale_; }
    // The language whose strings the interface shows now (getState's read-only `localeShown`):
    // the locale once its catalogue is there (the web fetches it), English until then.
    Locale shown_locale() const { return shown_locale_; }
    void set_shown_locale(Locale l) {
        if (l == shown_locale_) return;
        shown_locale_ = l;
        ++version_;
        if (!view_.story.empty()) ++story_version_;  // the step's caption in the new language
    }
    void set_theme(Theme t);
    void set_embed(bool e);
    void set_reduced_motion(bool r);
    void set_speed(double s);
    void play();
    void pause();
    void toggle_play();
    // Loop playback (not in the URL; the page's controls follow it through `state.loop`).
    void set_loop(bool l) {
        if (l == playback_.loop) return;
        playback_.loop = l;
        ++version_;
    }
    bool loop() const { return playback_.loop; }
    bool step_event(int dir);          // false if there is no event that way
    bool select(std::string_view id);  // "" clears; false for an unknown id
    // Asks to open an http(s) address (a source's "Read the original"); false, and nothing is
    // queued, for anything is_web_url refuses. The app hands queued URLs to the platform.
    bool request_open_url(std::string_view url);
    std::vector<std::string> take_url_requests() { return std::move(url_requests_); }
    void select_org(int i);
    void select_collab(int i);

    // Camera
    Camera& camera() { return camera_; }
    const Camera& camera() const { return camera_; }
    void set_viewport(Vec2 origin, Vec2 size);
    // Screen space covered by panels (left, top, right, bottom): fits keep boxes clear of it.
    void set_insets(double l, double t, double r, double b) {
        insets_[0] = l;
        insets_[1] = t;
        insets_[2] = r;
        insets_[3] = b;
    }
    Camera fitted(const Box& b, double margin) const;
    // The screen rectangles panels cover this frame (the app sets them after the UI is laid out).
    void set_covered(std::vector<Rect> r) { covered_ = std::move(r); }
    const std::vector<Rect>& covered() const { return covered_; }
    // The page's own chrome over the map (web: search row, dataset bar, notes), which panels
    // keep clear of (core/chrome_layout.h); the first kPageChromeMaxRects are kept.
    void set_page_chrome(std::vector<Rect> r);
    const std::vector<Rect>& page_chrome() const { return page_chrome_; }
    // Incremented when page_chrome() changes: the panels move, so the platform draws a frame
    // (not a view-state change: no state event).
    unsigned chrome_version() const { return chrome_version_; }
    // Whether the About card is open: the ImGui card and the page's dialog (web/js/about.js)
    // follow it, so closing either closes both. A change counts as a state change (version).
    bool about_open() const { return about_open_; }
    void set_about_open(bool open) {
        if (open == about_open_) return;
        about_open_ = open;
        ++version_;
    }
    // Whether screen point p is under a panel of covered().
    bool is_covered(Vec2 p) const;
    // Once per new selection (click, search, URL, host API), after the frame that lays out its
    // details: moves the camera (or the flight under way) so the selected organisation, or the
    // extent of the collaboration's participants, is clear of covered() (core/in_view.h).
    // Jumps with reduced motion, flies otherwise. Returns whether it moved.
    bool keep_selection_in_view();
    // While a story's step is shown as entered (not moved away from), its selection is checked
    // again by the next keep_selection_in_view (the story card sizes itself after the step is
    // entered); a move it makes is part of the step's view.
    void recheck_step_selection();
    void fly_to(RegionPreset p);
    void fly_to_box(const Box& b, double margin = 40);
    void fly_to_org(int i);
    void zoom_at(Vec2 pivot, double factor);
    void pan(Vec2 delta_px);
    void reset_view() { fly_to(RegionPreset::All); }
    double min_scale() const;
    double max_scale() const;

    // URL / host state. view() holds the camera as last applied; current_view() is view() with
    // the camera as it is now (what getState and a link report).
    ViewState current_view() const;
    std::string hash() const;  // encode_hash(current_view())
    void apply_hash(std::string_view h, std::vector<std::string>& warnings);
    // Takes v (the ranges of view_state.h clamped, t to the axis); the camera moves when v's
    // differs from current_view()'s.
    void apply_view(const ViewState& v);

    // Stories (core/story.h; app_model_story.cpp). The story told and its step are view-state
    // fields (story, step): apply_view enters a step when they change, flying the camera and
    // animating the time there (at once with reduced motion); the map stays explorable.
    void set_stories(std::vector<Story> s);  // the loaded ones (a later one wins an id); the story told ends if it is gone
    // A story loaded at run time (loadStory: ?story=, or a bundled one the page fetched), which
    // replaces the one with its id; its file is kept, so that a dataset loaded afterwards checks
    // it again (App::load_stories: told on while it still holds for the new data).
    void add_story(Story s, std::string name = {}, std::string text = {});
    struct StoryFile {
        std::string name, text;
    };
    const std::vector<StoryFile>& story_files() const { return story_files_; }
    const std::vector<Story>& stories() const { return stories_; }
    // Changes whenever the loaded stories change (their texts are drawn: the fonts follow).
    unsigned stories_version() const { return stories_version_; }
    const Story* story() const;  // the story told, or nullptr
    const Story* find_story(std::string_view id) const;
    bool go_to_step(std::string_view id, int step);  // 1-based; false (nothing changes) if none
    bool next_step(int dir);                         // false at either end or with no story
    void exit_story();
    void back_to_step();
    // Whether the reader moved the map, time, filters or selection away from the step's view.
    bool away_from_step() const;
    // Changes whenever the story told or its step changes (the storystep event).
    unsigned story_version() const { return story_version_; }

    // Advances playback and flights by dt seconds; returns true while something animates.
    bool tick(double dt);
    // When each collaboration last became visible (clock seconds; now() minus it is how long
    // its arc has been growing from the lead), nullptr with reduced motion (nothing grows).
    const double* appeared_at() const { return view_.reduced_motion ? nullptr : appeared_at_.data(); }
    // How many times appeared_at()'s entries were written (one per collaboration that appeared).
    uint64_t appeared_writes() const { return appeared_writes_; }
    double now() const { return clock_; }

    // CPU time of recent UI frames (the platform reports them): median over the last 120.
    void note_frame_ms(double ms);
    double frame_ms_median() const;

    // Incremented whenever anything in ViewState or the camera changes.
    unsigned version() const { return version_; }
    // The organisation under the pointer (index or -1): set by the map view each frame.
    int hover_org = -1;
    // Where the map drew each organisation last frame (MapScene::drawn) and version() then, set
    // by the map view; locate reports it while the version is the same. nullptr before a frame.
    const std::vector<PointF>* drawn_at = nullptr;
    unsigned drawn_version = 0;

private:
    void touch() {
        ++version_;
        vis_dirty_ = true;
    }
    void write_camera(ViewState& v) const;  // the camera now, into v (once there is a viewport)
    bool enter_step(ViewState& v);          // v's story and step, if loaded (app_model_story.cpp)
    bool tick_story(double dt);             // the time's flight between steps
    Dataset data_;
    std::string dataset_name_;
    ViewState view_;
    TimeAxis axis_;
    Camera camera_;
    Flight flight_;
    Playback playback_;
    Visibility vis_;
    VisibilityTracker vis_tracker_;
    std::vector<double> appeared_at_;
    double last_appeared_ = -1e9;  // the latest of appeared_at_
    uint64_t appeared_writes_ = 0;
    bool vis_dirty_ = true;
    bool system_dark_ = false;
    std::optional<SystemColours> forced_colours_;
    Locale default_locale_ = Locale::En;
    Locale shown_locale_ = Locale::En;
    bool have_viewport_ = false;
    bool pending_camera_ = false;
    double clock_ = 0;
    double insets_[4] = {0, 0, 0, 0};
    std::vector<Rect> covered_;
    std::vector<Rect> page_chrome_;
    unsigned chrome_version_ = 0;
    bool about_open_ = false;
    bool inview_pending_ = false;  // a new selection not yet brought into view
    std::vector<std::string> url_requests_;
    std::vector<Story> stories_;
    std::vector<StoryFile> story_files_;
    unsigned stories_version_ = 0;
    struct TimeFlight {
        bool active = false;
        double from = 0, to = 0, u = 0, seconds = 1.2;
    } time_flight_;
    Camera step_cam_;              // where the step's view puts the camera
    bool story_arriving_ = false;  // a step entered, its selection not yet brought into view
    int pending_region_ = -1;      // a step's region to fit once there is a viewport
    unsigned story_version_ = 0;
    std::vector<double> frame_ms_;
    size_t frame_ms_next_ = 0;
    unsigned version_ = 1;
};

}  // namespace ca
