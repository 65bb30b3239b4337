// App lifecycle: loading the bundled or given dataset, the frame function, and the change
// detection that turns model versions into host events (state at most ~5 times a second).
#include "app/app.h"

#include <algorithm>
#include <cstdio>

#include "app/validate.h"
#include "core/commands.h"
#include "core/embedded.h"
#include "platform/bulk_heap.h"
#include "imgui.h"
#include "ui/theme.h"

namespace ca {

bool App::start(const AppConfig& cfg) {
    ui_.opt.web = cfg.web;
    ui::init_ui(ui_);
    if (!ui_.basemap_error.empty()) std::fprintf(stderr, "chipatlas: %s\n", ui_.basemap_error.c_str());
    std::vector<FileText> texts;
    std::vector<InputFile> inputs;
    std::string name = "bundled";
    if (!cfg.data_files.empty()) {
        if (!read_files(cfg.data_files, texts, errors_)) return false;
        for (size_t i = 0; i < cfg.data_files.size(); ++i) inputs.push_back({cfg.data_files[i], texts[i].text()});
        name = cfg.data_files.front();
    } else {
        for (const EmbeddedFile& f : embedded_dataset()) inputs.push_back({f.name, f.text()});
    }
    BulkHeapScope heap(load_memory_hint(inputs));
    LoadResult r = load_dataset(inputs);
    if (!r.ok()) {
        errors_ = r.diagnostics;
        emit("dataerror", diagnostics_json(errors_));
        return false;
    }
    model_.set_system_dark(cfg.system_dark);
    model_.set_dataset(std::move(r.dataset), name);
    ViewState v = model_.view();
    v.embed = cfg.embed;
    v.reduced_motion = cfg.reduced_motion;
    model_.apply_view(v);
    model_.apply_hash(cfg.hash, pending_warnings_);
    if (cfg.embed) model_.set_embed(true);
    if (!cfg.region.empty()) {
        RegionPreset p;
        if (parse_preset(cfg.region.c_str(), p)) {
            region_pending_ = p;
            has_region_ = true;
        }
    }
    ui_.show_help = !cfg.embed && cfg.hash.empty() && cfg.web;
    for (auto& w : pending_warnings_) std::fprintf(stderr, "chipatlas: warning: %s\n", w.c_str());
    fonts_dirty_ = true;
    return true;
}

bool App::load_text(const std::string& name, std::string_view text) {
    std::vector<InputFile> in{{name, text}};
    LoadResult r = load_dataset(in);
    if (!r.ok()) {
        errors_ = r.diagnostics;
        emit("dataerror", diagnostics_json(errors_));
        return false;
    }
    errors_.clear();
    model_.set_dataset(std::move(r.dataset), name);
    ui_.projected_for = nullptr;
    ui_.hist_for = nullptr;
    fonts_dirty_ = true;
    return true;
}

void App::rebuild_fonts(float dpr) {
    ui::load_fonts(ui_.fonts, model_.data(), dpr);
    fonts_dirty_ = false;
    style_set_ = false;
}

void App::frame(double dt) {
    if (model_.dark() != style_dark_ || !style_set_) {
        style_dark_ = model_.dark();
        ui::apply_style(style_dark_, 1.0f);
        style_set_ = true;
    }
    animating_ = model_.tick(dt);
    ui::draw_ui(model_, ui_);
    if (has_region_) {
        // The viewport and panel insets are known after the first UI frame: fit the preset now.
        bool rm = model_.reduced_motion();
        model_.set_reduced_motion(true);
        model_.fly_to(region_pending_);
        model_.set_reduced_motion(rm);
        has_region_ = false;
    }
    since_state_ += dt;
}

void App::after_render() {
    if (!ready_sent_ && model_.has_data()) {
        ready_sent_ = true;
        emit("ready", "{}");
        last_version_ = 0;
    }
    if (model_.version() != last_version_ && (since_state_ >= 0.2 || !model_.view().playing)) {
        last_version_ = model_.version();
        since_state_ = 0;
        if (sink_) {  // events are built only when someone listens (not in the native app)
            emit("state", state_event_json(model_));
            std::vector<int> active = visible_collaborations(model_);
            if (active != last_active_) {
                last_active_ = std::move(active);
                emit("active", active_event_json(model_));
            }
        }
    }
    // Preferred height for auto-sizing iframes: the map's aspect at this width, within limits.
    const float w = ImGui::GetIO().DisplaySize.x;
    if (w > 0 && w != last_width_) {
        last_width_ = w;
        const int px = static_cast<int>(std::clamp(w * 0.62f, 320.0f, 900.0f));
        emit("height", "{\"px\":" + std::to_string(px) + "}");
    }
    if (model_.view().selected != last_selected_) {
        last_selected_ = model_.view().selected;
        emit("selection", selection_event_json(model_));
    }
}

}  // namespace ca
