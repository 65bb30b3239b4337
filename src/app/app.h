// The application: model + UI context + dataset loading, the per-frame function and the
// events it reports to the host (ready, state, selection, active set, data errors, PNG export).
// It implements the platform's interface (platform/platform.h) and owns the policy the
// platform leaves to it: pinch zoom, commands, what is reported where, --screenshot and --bench.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_model.h"
#include "core/i18n.h"
#include "platform/file_text.h"
#include "platform/platform.h"
#include "ui/ui.h"

namespace ca {

class EditSession;
struct EditFieldCommand;
namespace ui {
struct EditState;
struct StoryDraft;
}  // namespace ui
// Edit mode's session and panel state (app/edit.cpp). Deleted through a function of that file,
// so the web build, which links app/edit_none.cpp instead, carries none of the editor's code.
struct EditMode;
class JValue;
struct EditModeDelete {
    void operator()(EditMode* e) const;
};

struct AppConfig {
    std::string hash;                     // initial view state (URL hash)
    std::vector<std::string> data_files;  // --data FILE...: instead of the bundled dataset
    // --data-pending (the web page's ?data=): the page loads its dataset once it has arrived
    // (main may run before that), so start() parses no bundled data (the page loads that instead
    // if its dataset has errors or cannot be fetched) and no frame is drawn until one is loaded.
    bool data_pending = false;
    bool embed = false;
    bool system_dark = false;
    std::optional<SystemColours> forced_colours;  // --system-colours: the page's forced colours
    bool reduced_motion = false;
    std::string region;  // --region: start on a preset without a flight
    // --locales LIST: the visitor's preferred languages, best first (the page passes
    // navigator.languages; natively main() reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG).
    std::vector<std::string> locales;
    bool edit = false;        // --edit or "edit=1" in the hash: open the editor (never in embed mode)
    std::string sources_dir;  // --data ... --sources DIR: edit mode's source texts (default: sources/ beside the data)
    // A page's first frame of the default view gets an atlas of its own glyphs (app/glyph_fallback.cpp);
    // false: a whole one (tests draw that frame both ways).
    bool first_frame_atlas = true;
};

// Frames the app drives itself instead of the platform's loop (native only).
struct DriveOptions {
    std::string screenshot;  // --screenshot OUT.png: render a few frames, write the last one
    int screenshot_frames = 4;
    bool bench = false;      // --bench: play, time frames, print one JSON line
    int bench_frames = 300;  // --frames N
};

class App final : public PlatformApp {
public:
    explicit App(AppConfig cfg, DriveOptions drive = {}) : cfg_(std::move(cfg)), drive_(std::move(drive)) {}

    // PlatformApp. start() loads the data named in the config (or the bundled data) and applies
    // the initial view state; false when the data does not load, and errors() says why.
    bool start(Platform& p) override;
    void failed(std::string_view why) override;
    bool drives_frames() const override { return !drive_.screenshot.empty() || drive_.bench; }
    int drive(Platform& p) override;  // app/drive.cpp
    bool fonts_dirty() const override { return fonts_dirty_; }
    void rebuild_fonts(float dpr) override;
    // One UI frame (between ImGui::NewFrame and ImGui::Render). dt in seconds.
    void frame(double dt) override;
    ClearColor clear_color() const override;
    // After the frame was rendered: reports what changed, and the frame's pixels when asked.
    void after_render() override;
    // True while something animates (playback, flights, growing arcs) or a PNG export waits.
    bool wants_frames() const override { return animating_ || png_pending_; }
    bool holds_frames() const override { return data_waiting_; }
    // The view state's version, and the page chrome's (its change moves panels: a frame is due).
    unsigned state_version() const override { return model_.version() + model_.chrome_version(); }
    void on_touch(TouchPhase phase, int64_t finger, float x, float y) override;
    std::string command(std::string_view json) override;
    // Replaces the dataset with the files' JSON text (the bytes as given: no NUL terminator
    // needed, and bad UTF-8 is reported, not repaired); on errors keeps the current one. The
    // dataset's name (getState's `dataset`) is the files' names joined by commas. No files:
    // the bundled data again (named "bundled").
    bool load_datasets(const std::vector<DatasetText>& files, const std::string* hash) override;
    LoadOutcome load_datasets_in_place(const std::vector<DatasetText>& files, const std::string* hash) override;
    bool load_dataset(const std::string& name, std::string_view text) { return load_datasets({{name, text}}, nullptr); }
    // A font slice the page fetched for the characters a "glyphsneeded" event named (web).
    bool add_font_data(std::string_view bytes) override;  // app/glyph_fallback.cpp
    // The compiled catalogue (.mo bytes) of a locale ("ko") the page fetched after a
    // "catalogueneeded" event; false when refused (app/catalogues.cpp).
    bool add_catalogue_data(std::string_view locale, std::string_view bytes) override;

    // Edit mode (issue 16, app/edit.cpp; the web build links app/edit_none.cpp for now): opens
    // the editor on the data shown. False in embed mode or when the editor is not built.
    bool open_editor();
    EditSession* editor();          // null unless edit mode is open
    ui::EditState* edit_state();    // likewise
    ui::StoryDraft* story_draft();  // the story editor's draft; likewise

    const std::vector<Diagnostic>& errors() const { return errors_; }
    AppModel& model() { return model_; }
    ui::UiContext& ui() { return ui_; }
    double start_ms() const { return start_ms_; }  // how long start() took (load + validate)

private:
    bool load_start_data();
    // Events go to the page; natively nobody listens and they are not even built.
    bool listened() const { return platform_ && platform_->browser(); }
    void emit(const char* type, const std::string& json);
    void emit_changes();
    // The faces that supply what the bundled fonts lack (app/glyph_fallback.cpp): the fetched
    // slices, and natively the system's Noto Sans CJK (unless CHIPATLAS_NO_SYSTEM_FONTS is set).
    ui::ExtraFaces extra_faces();
    void build_fonts(float dpr);  // the fonts, and what to do about characters they lack
    // Edit mode's texts the fonts must draw too, valid data or not (app/edit.cpp): the files and
    // the field being typed; noted as built for, so edit_frame rebuilds when a new character comes.
    void edit_glyph_texts(std::vector<std::string_view>& out);
    // The editor's own faces after the n extra_ has (web: the data's translations in every
    // language, which its forms and raw JSON show); the new count.
    size_t edit_extra_faces(size_t n);
    // The loaded stories' texts as the interface language shows them (app/glyph_fallback.cpp):
    // a story may bring characters the bundled fonts lack (the page fetches their slices).
    void story_glyph_texts(std::vector<std::string_view>& out) const;
    void sync_locale();  // app/catalogues.cpp: the view's locale made the active one
    // app/catalogues.cpp: the loaded catalogues' data translations into the bundled data (the web
    // site's wasm embeds it without them), while the data shown is the bundled data as published.
    void add_data_translations();
    void load_bundled_stories();  // stories/*.json that hold for the data shown (core/story.h)

    void edit_frame();                              // app/edit.cpp: the edit panel and its intents
    void apply_edit_intents(bool changed = false);  // this frame's intents (or a command's), shown at once; changed: a drag moved one
    // Writes the modified files in place; invalid data only when anyway (else the panel asks).
    bool save_edits(bool anyway);
    std::string edit_field_command(const EditFieldCommand& f);  // the `editField` command
    // `editView` and `editDo` (app/edit_commands.cpp): the panel's state and actions, for the page's layer.
    std::string edit_command(std::string_view text);
    std::string edit_view_reply(const JValue& c);
    std::string edit_do_reply(const JValue& c);
    void emit_edit_state();                                  // web: the "editstate" event, when it changed
    std::string story_editor_json() const;                   // app/edit.cpp: the story editor's part of it
    void story_editor_frame();                               // app/edit.cpp: the story editor, its Save
    void save_story_draft();                                 // app/edit.cpp: the draft to a file (native) or the page
    std::string edit_story_reply(const JValue& c);           // app/edit_commands.cpp: `editStory`
    void hand_edit_files(const char* action, size_t index);  // web: the "editfiles" event
    void keep_edit_files();                                  // web: the edits for the page to keep across a reload
    // load_datasets and load_datasets_in_place: the files (each one's scratch bytes parsed in place when in_place).
    LoadOutcome load_files(const std::vector<DatasetText>& files, const std::string* hash, bool in_place);
    bool edit_load_files(const std::vector<DatasetText>& files);  // files loaded while editing: into the editor
    std::unique_ptr<EditMode, EditModeDelete> edit_;              // null unless edit mode is open
    AppConfig cfg_;
    DriveOptions drive_;
    Platform* platform_ = nullptr;
    AppModel model_;
    ui::UiContext ui_;
    TwoFingerGesture gesture_;  // pinch and two-finger pan (core/camera.h)
    std::vector<Diagnostic> errors_;
    double start_ms_ = 0;
    bool fonts_dirty_ = true;
    bool animating_ = false;
    bool ready_sent_ = false;
    bool fonts_marked_ = false;   // the start-up phases marked once (Platform::mark)
    bool fonts_built_ = false;    // an atlas was built (the first may be a first frame's: ui::FontScope)
    bool fonts_partial_ = false;  // the atlas is a first frame's: the whole one is built for the next
    bool first_frame_marked_ = false;
    bool data_waiting_ = false;    // --data-pending until the page's first load (holds_frames)
    bool data_embedded_ = false;   // the data shown is the embedded bundle, unedited
    bool dataerror_sent_ = false;  // a dataerror event has said why the data did not load
    bool style_dark_ = false;
    std::optional<SystemColours> style_forced_;
    bool style_set_ = false;
    unsigned last_version_ = 0;
    double since_state_ = 1e9;
    float last_width_ = 0;
    std::string last_selected_ = "\x01";
    Locale last_selected_locale_ = Locale::En;       // the selection event's language: told again in a new one
    NameLang last_selected_names_ = NameLang::Both;  // and its names mode
    std::vector<int> last_active_;                   // the last "active" event's collaborations, then its total
    unsigned last_story_version_ = 0;                // the story step of the last "storystep" event
    unsigned fonts_stories_version_ = 0;             // the loaded stories the fonts were last built for
    unsigned story_version_seen_ = 0;                // the story step last entered (AppModel::story_version)
    int step_frames_ = 0;                            // frames since then
    uint64_t story_glyphs_sig_ = 0;                  // a hash of the story texts the fonts last covered
    std::vector<std::string> pending_warnings_;
    RegionPreset region_pending_ = RegionPreset::All;
    bool has_region_ = false;
    bool png_pending_ = false;  // exportPng: read the next rendered frame back
    std::vector<uint8_t> png_;  // its pixels, alive until the next export (the page reads them)
    FileText system_cjk_;       // the system's Noto Sans CJK TTC (mapped), once a dataset needs it
    bool system_cjk_tried_ = false;
    bool glyphs_requested_ = false;                            // web: a glyphsneeded event was sent for this dataset (or edit)
    size_t glyphs_missing_ = 0;                                // code points the UI font lacks at the last build (edit mode reports it)
    static constexpr size_t kMaxFetchedFonts = 64;             // slices kept (each a few dozen KB)
    std::vector<std::string> fetched_fonts_;                   // slices from the page, in arrival order
    std::array<Catalogue, std::size(kLocaleIds)> catalogues_;  // by Locale; empty until loaded
    std::array<bool, std::size(kLocaleIds)> catalogue_asked_{};
    ui::ExtraFace extra_[kMaxFetchedFonts + static_cast<int>(Lang::Count) + 1];  // + the editor's
};

}  // namespace ca
