// AppModel's story mode: the loaded stories, entering a step (the camera flies and the time
// animates there), stepping, leaving, and whether the reader has moved away from the step.
#include <algorithm>
#include <cmath>

#include "core/app_model.h"

namespace ca {

void AppModel::set_stories(std::vector<Story> s) {
    stories_.clear();
    for (Story& one : s) add_story(std::move(one));
    if (!view_.story.empty() && !find_story(view_.story)) exit_story();
}

void AppModel::add_story(Story s, std::string name, std::string text) {
    ++stories_version_;
    if (!text.empty()) {
        auto same = std::find_if(story_files_.begin(), story_files_.end(), [&](const StoryFile& f) { return f.name == name; });
        if (same != story_files_.end()) story_files_.erase(same);
        if (story_files_.size() >= 16) story_files_.erase(story_files_.begin());  // the oldest go first
        story_files_.push_back({std::move(name), std::move(text)});
    }
    for (Story& old : stories_)
        if (old.id == s.id) {
            old = std::move(s);
            return;
        }
    stories_.push_back(std::move(s));
}

const Story* AppModel::find_story(std::string_view id) const {
    for (const Story& s : stories_)
        if (s.id == id) return &s;
    return nullptr;
}

const Story* AppModel::story() const {
    const Story* s = view_.story.empty() ? nullptr : find_story(view_.story);
    return s && view_.step >= 1 && static_cast<size_t>(view_.step) <= s->steps.size() ? s : nullptr;
}

bool AppModel::enter_step(ViewState& v) {
    const Story* s = find_story(v.story);
    if (!s || s->steps.empty()) {
        v.story.clear();
        v.step = 0;
        return false;
    }
    v.step = std::clamp(v.step, 1, static_cast<int>(s->steps.size()));
    const StoryStep& st = s->steps[static_cast<size_t>(v.step - 1)];
    ViewState target = step_view(st, v);
    target.t = std::clamp(target.t, axis_.t0, axis_.t1);
    Camera to = camera_;
    if (st.has_region) {
        to = fitted(preset_box(st.region), 24);
    } else if (target.has_camera) {
        to.centre = project(target.cam_centre);
        to.scale = std::clamp(scale_for_zoom(camera_, target.zoom), min_scale(), max_scale());
    }
    const double t_from = view_.t;
    if (target.selected != view_.selected) inview_pending_ = !target.selected.empty();
    view_ = target;
    step_cam_ = to;
    story_arriving_ = true;
    if (!have_viewport_) {
        pending_region_ = st.has_region ? static_cast<int>(st.region) : -1;
        pending_camera_ = !st.has_region && target.has_camera;
        time_flight_.active = false;
    } else if (view_.reduced_motion) {
        camera_ = to;
        flight_.active = false;
        time_flight_.active = false;
    } else {
        flight_ = {true, camera_, to, 0, 1.2};
        time_flight_ = {true, t_from, target.t, 0, 1.2};
        view_.t = t_from;
    }
    ++story_version_;
    touch();
    return true;
}

bool AppModel::tick_story(double dt) {
    if (!time_flight_.active) return false;
    time_flight_.u += dt / time_flight_.seconds;
    view_.t = story_time_at(time_flight_.from, time_flight_.to, time_flight_.u);
    if (time_flight_.u >= 1) time_flight_.active = false;
    touch();
    return true;
}

bool AppModel::go_to_step(std::string_view id, int step) {
    const Story* s = find_story(id);
    if (!s || step < 1 || static_cast<size_t>(step) > s->steps.size()) return false;
    ViewState v = current_view();
    v.story = std::string(id);
    v.step = step;
    enter_step(v);
    return true;
}

bool AppModel::next_step(int dir) {
    const Story* s = story();
    return s && go_to_step(s->id, view_.step + (dir < 0 ? -1 : 1));
}

void AppModel::back_to_step() {
    if (const Story* s = story()) go_to_step(s->id, view_.step);
}

void AppModel::exit_story() {
    if (view_.story.empty() && view_.step == 0) return;
    view_.story.clear();
    view_.step = 0;
    time_flight_.active = false;
    ++story_version_;
    touch();
}

void AppModel::recheck_step_selection() {
    if (!story() || view_.selected.empty() || away_from_step()) return;
    inview_pending_ = true;
    story_arriving_ = true;
}

bool AppModel::away_from_step() const {
    const Story* s = story();
    if (!s || flight_.active || time_flight_.active) return false;
    const StoryStep& st = s->steps[static_cast<size_t>(view_.step - 1)];
    const ViewState target = step_view(st, view_);
    if (std::fabs(view_.t - std::clamp(target.t, axis_.t0, axis_.t1)) > 0.5 || view_.mode != target.mode ||
        view_.window_months != target.window_months || !(view_.filters == target.filters) || view_.selected != target.selected)
        return true;
    if (!have_viewport_ || (!st.has_region && !st.scene.has_camera)) return false;
    // The camera: moved more than a finger's slip, or zoomed by more than 15 %.
    const double dx = (camera_.centre.x - step_cam_.centre.x) * camera_.scale, dy = (camera_.centre.y - step_cam_.centre.y) * camera_.scale;
    return std::hypot(dx, dy) > 24 || std::fabs(std::log(camera_.scale / step_cam_.scale)) > std::log(1.15);
}

}  // namespace ca
