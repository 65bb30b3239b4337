// App lifecycle: loading the bundled or given dataset, the frame function, the change detection
// that turns model versions into host events (state at most ~5 times a second), and what the
// platform hands over: pinch zoom, commands from the page, PNG export, failures.
#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/validate.h"
#include "core/commands.h"
#include "core/embedded.h"
#include "imgui.h"
#include "ui/theme.h"

namespace ca {

namespace {

// Takes "edit=1" out of a URL hash ("#t=2023&edit=1" -> "#t=2023"): true when it was there.
bool take_edit_flag(std::string& hash) {
    const bool lead = !hash.empty() && hash[0] == '#';
    std::string out, tok;
    bool found = false;
    const std::string body = hash.substr(lead ? 1 : 0) + "&";
    for (char c : body) {
        if (c != '&') {
            tok += c;
            continue;
        }
        if (tok == "edit=1")
            found = true;
        else if (!tok.empty())
            out += (out.empty() ? "" : "&") + tok;
        tok.clear();
    }
    if (found) hash = (lead ? "#" : "") + out;
    return found;
}

}  // namespace

// The stories that hold for the data shown: the bundled ones (natively; the web page fetches
// its own from stories/ when one is asked for) and those loaded at run time, each checked again
// against the data (a dataset loaded at run time may lack what one cites: it is left out, with
// its problems on stderr).
void App::load_bundled_stories() {
    std::vector<InputFile> in;
    for (const EmbeddedFile& f : embedded_stories()) in.push_back({f.name, f.text()});
    for (const AppModel::StoryFile& f : model_.story_files()) in.push_back({f.name, f.text});
    std::vector<Diagnostic> problems;
    model_.set_stories(load_stories(in, model_.data(), problems));
    if (!problems.empty() && model_.dataset_name() == "bundled")
        for (auto& d : problems) std::fprintf(stderr, "chipatlas: %s\n", d.to_string().c_str());
}

bool App::start(Platform& p) {
    platform_ = &p;
    const auto t0 = std::chrono::steady_clock::now();
    const bool ok = load_start_data();
    start_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return ok;
}

bool App::load_start_data() {
    ui_.opt.web = platform_->browser();
    ui::init_ui(ui_);
    platform_->mark("ca:basemap");
    if (!ui_.basemap_error.empty()) std::fprintf(stderr, "chipatlas: %s\n", ui_.basemap_error.c_str());
    std::vector<FileText> texts;
    std::vector<InputFile> inputs;
    std::string name = "bundled";
    if (!cfg_.data_files.empty()) {
        if (!read_files(cfg_.data_files, texts, errors_)) return false;
        for (size_t i = 0; i < cfg_.data_files.size(); ++i) inputs.push_back({cfg_.data_files[i], texts[i].text()});
        name = cfg_.data_files.front();
    } else if (!cfg_.data_pending) {
        for (const EmbeddedFile& f : embedded_dataset()) inputs.push_back({f.name, f.text()});
    }
    // --data-pending: nothing to parse (no files give an empty dataset; no frame is drawn before
    // the page's dataset or, when that fails, the bundled one is loaded: holds_frames).
    LoadResult r = ca::load_dataset(inputs);
    if (!r.ok()) {
        errors_ = r.diagnostics;
        emit("dataerror", diagnostics_json(errors_));
        return false;
    }
    model_.set_system_dark(cfg_.system_dark);
    model_.set_forced_colours(cfg_.forced_colours);
    model_.set_dataset(std::move(r.dataset), name);
    data_embedded_ = cfg_.data_files.empty() && !cfg_.data_pending;
    if (!cfg_.data_pending) load_bundled_stories();
    data_waiting_ = cfg_.data_pending;
    platform_->mark("ca:data");
    model_.set_default_locale(choose_locale(cfg_.locales));
    ViewState v = model_.view();
    v.embed = cfg_.embed;
    v.reduced_motion = cfg_.reduced_motion;
    model_.apply_view(v);
    std::string hash = cfg_.hash;
    const bool edit = take_edit_flag(hash) || cfg_.edit;
    model_.apply_hash(hash, pending_warnings_);
    if (cfg_.embed) model_.set_embed(true);
    if (!cfg_.region.empty()) {
        RegionPreset preset;
        if (parse_preset(cfg_.region.c_str(), preset)) {
            region_pending_ = preset;
            has_region_ = true;
        }
    }
    ui_.show_help = !cfg_.embed && cfg_.hash.empty() && platform_->browser();
    for (auto& w : pending_warnings_) std::fprintf(stderr, "chipatlas: warning: %s\n", w.c_str());
    fonts_dirty_ = true;
    sync_locale();  // the first frame already in the interface language (natively; the web asks the page)
    if (edit && !cfg_.embed) open_editor();
    return true;
}

void App::failed(std::string_view why) {
    const bool page = listened();
    if (why.empty()) {
        // start() failed. Data with errors was reported by the dataerror event on the web; start()
        // can also fail before loading (a --data file that cannot be opened), which only errors() tells.
        if (!page) {
            for (auto& d : errors_) std::fprintf(stderr, "%s\n", d.to_string().c_str());
            return;
        }
        if (dataerror_sent_) return;
        std::string text = format_diagnostics(errors_);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        emit("fatal", fatal_event_json("cannot start: " + text));
        return;
    }
    if (page)
        emit("fatal", fatal_event_json(why));
    else
        std::fprintf(stderr, "chipatlas: %.*s\n", static_cast<int>(why.size()), why.data());
}

bool App::load_datasets(const std::vector<DatasetText>& files, const std::string* hash) {
    return load_files(files, hash, false) == LoadOutcome::Loaded;
}

LoadOutcome App::load_datasets_in_place(const std::vector<DatasetText>& files, const std::string* hash) {
    return load_files(files, hash, true);
}

LoadOutcome App::load_files(const std::vector<DatasetText>& files, const std::string* hash, bool in_place) {
    if (edit_load_files(files)) return LoadOutcome::Loaded;  // edit mode: the edited files' new texts (app/edit.cpp)
    std::vector<InputFile> in;
    std::string name;
    for (const DatasetText& f : files) {
        in.push_back({f.name, f.text, in_place ? f.scratch : nullptr});
        name += (name.empty() ? "" : ",") + f.name;
    }
    if (files.empty()) {  // back to the bundled, published data
        for (const EmbeddedFile& f : embedded_dataset()) in.push_back({f.name, f.text()});
        name = "bundled";
    }
    // Before the first frame (a ?data= link's dataset), the load's phases are marked for the page
    // (docs/benchmarks.md, "Runtime datasets sooner, fourth pass").
    const bool marking = platform_ && !first_frame_marked_;
    LoadOptions opt;
    if (marking) opt.on_phase = [this](const char* phase) { platform_->mark(phase); };
    LoadResult r = ca::load_dataset(in, opt);
    if (r.text_needed) return LoadOutcome::TextNeeded;  // nothing changed: the caller loads the texts as given
    data_waiting_ = false;                              // loaded, or refused (the page then loads the published data)
    if (marking) platform_->mark("ca:data-loaded");
    const bool ok = r.ok();
    if (!ok) {
        errors_ = r.diagnostics;
        emit("dataerror", diagnostics_json(errors_));
    } else {
        errors_.clear();
        model_.set_dataset(std::move(r.dataset), name);
        data_embedded_ = files.empty();
        add_data_translations();
        load_bundled_stories();
        if (marking) platform_->mark("ca:data-model");
        ui::dataset_changed(ui_);
        fonts_dirty_ = true;
        glyphs_requested_ = false;
    }
    if (hash) {
        std::vector<std::string> warnings;
        model_.apply_hash(*hash, warnings);
        for (auto& w : warnings) std::fprintf(stderr, "chipatlas: warning: %s\n", w.c_str());
        if (!hash->empty()) ui_.show_help = false;  // a link with a view opens on it, as at start
    }
    return ok ? LoadOutcome::Loaded : LoadOutcome::Refused;
}

void App::rebuild_fonts(float dpr) {
    build_fonts(dpr);  // app/glyph_fallback.cpp
    fonts_dirty_ = false;
    if (!fonts_marked_ && platform_) platform_->mark("ca:fonts");
    fonts_marked_ = true;
    style_set_ = false;
}

void App::frame(double dt) {
    sync_locale();
    if (model_.stories_version() != fonts_stories_version_) {
        fonts_stories_version_ = model_.stories_version();
        fonts_dirty_ = true;  // the stories' characters (app/glyph_fallback.cpp)
    }
    if (model_.dark() != style_dark_ || model_.forced_colours() != style_forced_ || !style_set_) {
        style_dark_ = model_.dark();
        style_forced_ = model_.forced_colours();
        ui::set_forced_colours(style_forced_ ? &*style_forced_ : nullptr);
        ui::apply_style(style_dark_, 1.0f);
        style_set_ = true;
    }
    animating_ = model_.tick(dt);
    ui_.more_frames = false;
    ui::draw_ui(model_, ui_);
    if (edit_) edit_frame();
    animating_ = animating_ || ui_.more_frames;
    for (const std::string& url : model_.take_url_requests()) platform_->open_url(url);
    if (!ui_.open_url.empty()) {
        platform_->open_url(ui_.open_url);
        ui_.open_url.clear();
    }
    if (ui_.tour) {  // the About card's "Take the tour": the first story, from its first step
        ui_.tour = false;
        if (listened())
            emit("tour", "{}");  // the page fetches the site's stories, then tells the first (web/js/story.js)
        else if (!model_.stories().empty())
            model_.go_to_step(model_.stories().front().id, 1);
    }
    if (has_region_) {
        // The viewport and panel insets are known after the first UI frame: fit the preset now.
        bool rm = model_.reduced_motion();
        model_.set_reduced_motion(true);
        model_.fly_to(region_pending_);
        model_.set_reduced_motion(rm);
        has_region_ = false;
    }
    // A new selection's details are laid out now: keep the selection clear of the panels. A
    // story's card sizes itself to the step's caption over the frames after the step is entered
    // (hidden in its first): check the step's selection again against it (session 19: at
    // 1024x768 the card covered the selected MoU's lead and every participant of step 5's).
    if (model_.story_version() != story_version_seen_) {
        story_version_seen_ = model_.story_version();
        step_frames_ = 0;
    }
    if (step_frames_ < 4 && ++step_frames_ > 1) model_.recheck_step_selection();  // frames 2 to 4
    model_.set_covered(ui_.panels);
    model_.keep_selection_in_view();
    since_state_ += dt;
}

ClearColor App::clear_color() const {
    if (model_.view().transparent) return {0, 0, 0, 0};  // the page shows through
    const ImVec4 c = ui::palette(model_.dark()).clear;
    return {c.x, c.y, c.z, 1};
}

void App::on_touch(TouchPhase phase, int64_t finger, float x, float y) {
    if (phase == TouchPhase::Down) gesture_.down(finger, {x, y});
    if (phase == TouchPhase::Up) gesture_.up(finger);
    if (phase == TouchPhase::Move) {
        const PinchStep s = gesture_.move(finger, {x, y});
        if (s.active) {
            model_.zoom_at(s.pivot, s.factor);
            model_.pan(s.pan);
        }
    }
    ui_.touch_gesture = gesture_.engaged();
}

std::string App::command(std::string_view json) {
    sync_locale();  // a reply's words (legend, about, details) in the language shown
    CommandResult r = handle_command(model_, json);
    if (r.export_png) png_pending_ = true;
    if (r.audit) return audit_reply(ui_.audit);
    if (r.edit_field.set) return edit_field_command(r.edit_field);
    if (r.edit_command) return edit_command(json);
    if (r.open_editor) {
        if (cfg_.embed) return "{\"ok\":false,\"error\":\"embed mode never opens the editor\"}";
        if (!open_editor()) return "{\"ok\":false,\"error\":\"the editor could not open the data shown\"}";
        fonts_dirty_ = true;  // a frame soon (the web loop skips frames while nothing changed)
    }
    return std::move(r.reply);
}

void App::emit(const char* type, const std::string& json) {
    if (!listened()) return;
    if (std::string_view(type) == "dataerror") dataerror_sent_ = true;
    platform_->emit(type, json);
}

void App::after_render() {
    model_.note_frame_ms(platform_->last_frame().ui_ms);
    if (!first_frame_marked_ && model_.has_data()) {
        first_frame_marked_ = true;
        platform_->mark("ca:first-frame");  // the first frame drawn with data (docs/benchmarks.md)
    }
    if (fonts_partial_) fonts_dirty_ = true;  // the whole atlas for the next frame (app/glyph_fallback.cpp)
    emit_changes();
    if (png_pending_) {
        png_pending_ = false;
        int w, h;
        platform_->read_pixels(png_, w, h);
        emit("png", "{\"width\":" + std::to_string(w) + ",\"height\":" + std::to_string(h) +
                        ",\"ptr\":" + std::to_string(reinterpret_cast<uintptr_t>(png_.data())) + "}");
    }
}

void App::emit_changes() {
    if (!ready_sent_ && model_.has_data()) {
        ready_sent_ = true;
        emit("ready", "{}");
        last_version_ = 0;
    }
    if (model_.version() != last_version_ && (since_state_ >= 0.2 || !model_.view().playing)) {
        last_version_ = model_.version();
        since_state_ = 0;
        if (listened()) {  // events are built only when someone listens (not in the native app)
            emit("state", state_event_json(model_));
            // What the event says (its first items with their status, the total, the language of
            // their titles), not every visible one.
            const Visibility& vis = model_.visibility();
            const std::vector<int> visible = visible_collaborations(model_, kActiveEventMax);
            std::vector<int> active;
            active.reserve(visible.size() + 2);
            for (int i : visible) active.push_back(2 * i + (vis.collab[static_cast<size_t>(i)] == Vis::Active));
            active.push_back(vis.active + vis.faded);
            active.push_back(static_cast<int>(active_locale()));
            if (active != last_active_) {
                last_active_ = std::move(active);
                emit("active", active_event_json(model_, visible));
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
    if (model_.story_version() != last_story_version_) {
        last_story_version_ = model_.story_version();
        emit("storystep", story_event_json(model_));
    }
    // Again when the interface language or the names mode changes: its title, summary, dates
    // and participants' names as they then show.
    if (model_.view().selected != last_selected_ || model_.shown_locale() != last_selected_locale_ ||
        model_.view().lang != last_selected_names_) {
        last_selected_ = model_.view().selected;
        last_selected_locale_ = model_.shown_locale();
        last_selected_names_ = model_.view().lang;
        emit("selection", selection_event_json(model_));
    }
}

}  // namespace ca
