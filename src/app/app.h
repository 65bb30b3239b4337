// The application: model + UI context + dataset loading, the per-frame function and the
// events it reports to the host (ready, state, selection, active set, data errors).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_model.h"
#include "ui/ui.h"

namespace ca {

using EventSink = std::function<void(const char* type, const std::string& json)>;

struct AppConfig {
    std::string hash;            // initial view state (URL hash)
    std::vector<std::string> data_files;  // --data FILE...: instead of the bundled dataset
    bool embed = false;
    bool system_dark = false;
    bool reduced_motion = false;
    bool web = false;
    std::string region;          // --region: start on a preset without a flight
};

class App {
public:
    explicit App(EventSink sink) : sink_(std::move(sink)) {}
    // Loads the data named in cfg (or the bundled data) and applies the initial view state.
    // Returns false when the data does not load; errors() then says why.
    bool start(const AppConfig& cfg);
    // Replaces the dataset with JSON text (the bytes as given: no NUL terminator needed, and
    // bad UTF-8 is reported, not repaired); on errors keeps the current one.
    bool load_text(const std::string& name, std::string_view text);
    const std::vector<Diagnostic>& errors() const { return errors_; }

    // One UI frame (between ImGui::NewFrame and ImGui::Render). dt in seconds.
    void frame(double dt);
    // After the frame was rendered: reports what changed.
    void after_render();
    // True while something animates (playback, flights, growing arcs) or input is settling.
    bool wants_frames() const { return animating_; }
    bool fonts_dirty() const { return fonts_dirty_; }
    void rebuild_fonts(float dpr);
    bool dark() const { return model_.dark(); }

    AppModel& model() { return model_; }
    ui::UiContext& ui() { return ui_; }

private:
    void emit(const char* type, const std::string& json) { if (sink_) sink_(type, json); }
    EventSink sink_;
    AppModel model_;
    ui::UiContext ui_;
    std::vector<Diagnostic> errors_;
    bool fonts_dirty_ = true;
    bool animating_ = false;
    bool ready_sent_ = false;
    bool style_dark_ = false;
    bool style_set_ = false;
    unsigned last_version_ = 0;
    double since_state_ = 1e9;
    float last_width_ = 0;
    std::string last_selected_ = "\x01";
    std::vector<int> last_active_;  // visible collaborations at the last "active" event
    std::vector<std::string> pending_warnings_;
    RegionPreset region_pending_ = RegionPreset::All;
    bool has_region_ = false;
};

}  // namespace ca
