// Intent handlers of AppModel. Keeps ViewState, camera and playback consistent; records when
// each collaboration appears so new arcs can grow (unless reduced motion is on).
#include "core/app_model.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/chrome_layout.h"
#include "core/in_view.h"
#include "core/url_hash.h"

namespace ca {

void AppModel::set_dataset(Dataset ds, std::string name) {
    data_ = std::move(ds);
    dataset_name_ = std::move(name);
    axis_ = axis_for(data_);
    if (view_.t < axis_.t0 || view_.t > axis_.t1 || view_.t == 0) view_.t = std::min(axis_.t1, std::floor(data_.time_max));
    if (!view_.selected.empty() && data_.find_org(view_.selected) < 0 && data_.find_collab(view_.selected) < 0) view_.selected.clear();
    vis_tracker_.reset();
    appeared_at_.assign(data_.collaborations.size(), -1e9);
    ++appeared_writes_;  // all of them: the next scene rebuilds its arcs
    last_appeared_ = -1e9;
    touch();
}

const Visibility& AppModel::visibility() {
    if (vis_dirty_) {
        vis_tracker_.update(data_, view_, vis_);  // while playing, only what t crossed
        vis_dirty_ = false;
        for (const int c : vis_tracker_.appeared()) {  // what t crossed, not a pass over all
            if (static_cast<size_t>(c) >= appeared_at_.size()) continue;
            appeared_at_[static_cast<size_t>(c)] = clock_;
            ++appeared_writes_;
            last_appeared_ = clock_;
        }
    }
    return vis_;
}

Selection AppModel::selection() const {
    if (view_.selected.empty()) return {};
    int o = data_.find_org(view_.selected);
    if (o >= 0) return {true, o};
    int c = data_.find_collab(view_.selected);
    if (c >= 0) return {false, c};
    return {};
}

void AppModel::set_time(double t) {
    time_flight_.active = false;  // the reader takes the time over from a story's step
    t = std::clamp(t, axis_.t0, axis_.t1);
    if (t != view_.t) {
        view_.t = t;
        touch();
    }
}
void AppModel::set_mode(TimeMode m) {
    if (m != view_.mode) {
        view_.mode = m;
        touch();
    }
}
void AppModel::set_window(int months) {
    months = kWindowMonths.clamp(months);
    if (months != view_.window_months) {
        view_.window_months = months;
        touch();
    }
}
void AppModel::set_filters(const Filters& f) {
    if (!(f == view_.filters)) {
        view_.filters = f;
        touch();
    }
}
void AppModel::toggle_collab_kind(CollabKind k) {
    view_.filters.hidden_collab_kinds ^= 1u << static_cast<int>(k);
    touch();
}
void AppModel::toggle_org_kind(OrgKind k) {
    view_.filters.hidden_org_kinds ^= 1u << static_cast<int>(k);
    touch();
}
void AppModel::toggle_region(Region r) {
    view_.filters.hidden_regions ^= 1u << static_cast<int>(r);
    touch();
}
void AppModel::set_lang(NameLang l) {
    if (l != view_.lang) {
        view_.lang = l;
        touch();
    }
}
void AppModel::set_theme(Theme t) {
    if (t != view_.theme) {
        view_.theme = t;
        touch();
    }
}
void AppModel::set_embed(bool e) {
    if (e != view_.embed) {
        view_.embed = e;
        touch();
    }
}
void AppModel::set_locale(Locale l) {
    if (l != view_.locale) {
        view_.locale = l;
        touch();
    }
}
void AppModel::set_default_locale(Locale l) {
    default_locale_ = l;
    set_locale(l);
}
void AppModel::set_reduced_motion(bool r) {
    if (r != view_.reduced_motion) {
        view_.reduced_motion = r;
        touch();
    }
}
void AppModel::set_page_chrome(std::vector<Rect> r) {
    if (r.size() > kPageChromeMaxRects) r.resize(kPageChromeMaxRects);
    const auto same = [](const Rect& a, const Rect& b) { return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1; };
    if (r.size() == page_chrome_.size() && std::equal(r.begin(), r.end(), page_chrome_.begin(), same)) return;
    page_chrome_ = std::move(r);
    ++chrome_version_;
}

void AppModel::set_speed(double s) {
    s = kSpeed.clamp(s);
    if (s != view_.speed) {
        view_.speed = s;
        touch();
    }
}

void AppModel::play() {
    if (view_.playing) return;
    time_flight_.active = false;
    if (view_.t >= axis_.t1 - 0.5) view_.t = axis_.t0;
    view_.playing = true;
    touch();
}
void AppModel::pause() {
    if (view_.playing) {
        view_.playing = false;
        touch();
    }
}
void AppModel::toggle_play() { view_.playing ? pause() : play(); }

bool AppModel::step_event(int dir) {
    int e = ca::step_event(data_, view_.t, dir);
    if (e < 0) return false;
    set_time(first_day(data_.events[e].date));
    return true;
}

bool AppModel::request_open_url(std::string_view url) {
    if (!is_web_url(url) || url_requests_.size() >= 8) return false;  // a handful per frame at most
    url_requests_.emplace_back(url);
    return true;
}

bool AppModel::select(std::string_view id) {
    if (id.empty()) {
        inview_pending_ = false;
        if (!view_.selected.empty()) {
            view_.selected.clear();
            touch();
        }
        return true;
    }
    if (data_.find_org(id) < 0 && data_.find_collab(id) < 0) return false;
    if (view_.selected != id) {
        view_.selected = std::string(id);
        inview_pending_ = true;
        touch();
    }
    return true;
}
void AppModel::select_org(int i) { select(i >= 0 ? std::string_view(data_.organisations[i].id) : std::string_view()); }
void AppModel::select_collab(int i) { select(i >= 0 ? std::string_view(data_.collaborations[i].id) : std::string_view()); }

double AppModel::min_scale() const { return scale_for_zoom(camera_, kZoomShown.lo); }
double AppModel::max_scale() const { return scale_for_zoom(camera_, kZoomShown.hi); }

void AppModel::set_viewport(Vec2 origin, Vec2 size) {
    if (size.x < 1 || size.y < 1) return;
    bool first = !have_viewport_;
    if (!first && origin.x == camera_.origin.x && origin.y == camera_.origin.y && size.x == camera_.viewport.x &&
        size.y == camera_.viewport.y)
        return;
    // Keep the zoom level (relative to the region) when the viewport changes size.
    double z = first ? 1 : zoom_level(camera_);
    camera_.origin = origin;
    camera_.viewport = size;
    have_viewport_ = true;
    if (first && pending_region_ >= 0) {  // a story's step, opened before the first frame
        camera_ = step_cam_ = fitted(preset_box(static_cast<RegionPreset>(pending_region_)), 24);
        pending_region_ = -1;
    } else if (first && !pending_camera_)
        camera_ = fitted(preset_box(RegionPreset::All), 24);
    else if (pending_camera_) {
        camera_.centre = project(view_.cam_centre);
        camera_.scale = scale_for_zoom(camera_, view_.zoom);
        pending_camera_ = false;
        if (!view_.story.empty()) step_cam_ = camera_;
    } else
        camera_.scale = scale_for_zoom(camera_, z);
    touch();
}

Camera AppModel::fitted(const Box& b, double margin) const {
    Camera c = camera_;
    const double l = insets_[0], t = insets_[1], r = insets_[2], btm = insets_[3];
    // Fit into the free area, then shift so the box centre lands in that area's centre.
    Camera inner = c;
    inner.viewport = {std::max(80.0, c.viewport.x - l - r), std::max(80.0, c.viewport.y - t - btm)};
    c.scale = std::clamp(inner.fit_scale(b, margin), min_scale(), max_scale());
    Vec2 bc = b.centre();
    c.centre = {bc.x - (l - r) / 2 / c.scale, bc.y + (t - btm) / 2 / c.scale};
    return c;
}

void AppModel::fly_to_box(const Box& b, double margin) {
    Camera target = fitted(b, margin);
    if (view_.reduced_motion) {
        camera_ = target;
        flight_.active = false;
    } else
        flight_ = {true, camera_, target, 0, 0.9};
    touch();
}
void AppModel::fly_to(RegionPreset p) { fly_to_box(preset_box(p), 24); }
void AppModel::fly_to_org(int i) {
    const Organisation& o = data_.organisations[i];
    if (!o.has_coords) return;
    Vec2 w = project({o.lat, o.lon});
    double r = 40;  // km around it
    fly_to_box({{w.x - r, w.y - r}, {w.x + r, w.y + r}});
}

void AppModel::zoom_at(Vec2 pivot, double factor) {
    flight_.active = false;
    double target = std::clamp(camera_.scale * factor, min_scale(), max_scale());
    camera_.zoom_at(pivot, target / camera_.scale);
    touch();
}
void AppModel::pan(Vec2 d) {
    if (d.x == 0 && d.y == 0) return;
    flight_.active = false;
    camera_.pan_pixels(d);
    touch();
}

void AppModel::write_camera(ViewState& v) const {
    if (!have_viewport_) return;
    v.has_camera = true;
    v.cam_centre = unproject(camera_.centre);
    v.zoom = zoom_level(camera_);
}

ViewState AppModel::current_view() const {
    ViewState v = view_;
    write_camera(v);
    return v;
}

std::string AppModel::hash() const {
    ViewState def;
    def.locale = default_locale_;
    return encode_hash(current_view(), def);
}

void AppModel::apply_view(const ViewState& in) {
    ViewState v = in;
    if ((v.story != view_.story || v.step != view_.step) && !v.story.empty() && enter_step(v)) return;
    if (v.story.empty()) v.step = 0;
    write_camera(view_);  // so that only a camera v changes moves it
    bool cam = v.has_camera && (!view_.has_camera || v.cam_centre.lat != view_.cam_centre.lat || v.cam_centre.lon != view_.cam_centre.lon ||
                                v.zoom != view_.zoom);
    if (v.selected != view_.selected) inview_pending_ = !v.selected.empty();
    if (v.story != view_.story || v.step != view_.step) ++story_version_;  // left the story (or an unknown one)
    view_ = v;
    view_.t = std::clamp(view_.t, axis_.t0, axis_.t1);
    view_.window_months = kWindowMonths.clamp(view_.window_months);
    view_.speed = kSpeed.clamp(view_.speed);
    if (!view_.selected.empty() && has_data() && data_.find_org(view_.selected) < 0 && data_.find_collab(view_.selected) < 0)
        view_.selected.clear();
    if (cam) {
        if (have_viewport_) {
            flight_.active = false;
            camera_.centre = project(v.cam_centre);
            camera_.scale = std::clamp(scale_for_zoom(camera_, v.zoom), min_scale(), max_scale());
        } else {
            pending_camera_ = true;
        }
    }
    touch();
}

void AppModel::apply_hash(std::string_view h, std::vector<std::string>& warnings) {
    ViewState v = current_view();
    decode_hash(h, v, warnings);
    if (!v.selected.empty() && has_data() && data_.find_org(v.selected) < 0 && data_.find_collab(v.selected) < 0) {
        warnings.push_back("ignoring sel=" + v.selected + ": no such organisation or collaboration");
        v.selected = view_.selected;
    }
    apply_view(v);
}

bool AppModel::tick(double dt) {
    clock_ += dt;
    bool animating = false;
    if (view_.playing) {
        playback_.playing = true;
        playback_.speed = view_.speed;
        double t = playback_.advance(view_.t, dt, axis_.t0, axis_.t1);
        if (!playback_.playing) view_.playing = false;
        if (t != view_.t) { view_.t = t; }
        touch();
        animating = true;
    }
    animating = tick_story(dt) || animating;
    if (flight_.active) {
        flight_.u += dt / flight_.seconds;
        Camera c = fly_between(flight_.from, flight_.to, flight_.u);
        c.origin = camera_.origin;
        c.viewport = camera_.viewport;
        camera_ = c;
        if (flight_.u >= 1) flight_.active = false;
        touch();
        animating = true;
    }
    if (!view_.reduced_motion && clock_ - last_appeared_ < 1.0) animating = true;  // an arc still grows
    return animating;
}

}  // namespace ca

namespace ca {

void AppModel::note_frame_ms(double ms) {
    if (frame_ms_.size() < 120)
        frame_ms_.push_back(ms);
    else
        frame_ms_[frame_ms_next_++ % 120] = ms;
}

double AppModel::frame_ms_median() const {
    if (frame_ms_.empty()) return 0;
    std::vector<double> v = frame_ms_;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

bool AppModel::is_covered(Vec2 p) const {
    for (const Rect& r : covered_)
        if (p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1) return true;
    return false;
}

// The selected item's world extent: an organisation's point, or the box of a collaboration's
// participants on the map. False when it has no place on the map.
static bool selection_extent(const Dataset& ds, const Selection& s, Box& out) {
    auto add = [&out, first = true](const Organisation& o) mutable {
        if (!o.has_coords) return;
        const Vec2 w = project({o.lat, o.lon});
        out = first ? Box{w, w}
                    : Box{{std::min(out.min.x, w.x), std::min(out.min.y, w.y)}, {std::max(out.max.x, w.x), std::max(out.max.y, w.y)}};
        first = false;
    };
    out = Box{{1, 1}, {0, 0}};  // empty until something is added
    if (s.is_org)
        add(ds.organisations[s.index]);
    else
        for (const Participant& p : ds.collaborations[s.index].participants)
            if (p.org >= 0) add(ds.organisations[p.org]);
    return out.min.x <= out.max.x;
}

bool AppModel::keep_selection_in_view() {
    if (!inview_pending_ || !have_viewport_) return false;
    inview_pending_ = false;
    const bool arriving = std::exchange(story_arriving_, false);  // a step's selection: part of its view
    const Selection s = selection();
    Box box;
    if (!s.valid() || !selection_extent(data_, s, box)) return false;
    // Where the camera is heading: the end of a flight under way (search flies to its result).
    const Camera& at = flight_.active ? flight_.to : camera_;
    const Vec2 a = at.world_to_screen(box.min), b = at.world_to_screen(box.max);
    const double r = 14;  // a node's marker and a little of its label
    InViewInput in;
    in.view = {at.origin.x, at.origin.y, at.origin.x + at.viewport.x, at.origin.y + at.viewport.y};
    in.covered = covered_;
    in.target = {std::min(a.x, b.x) - r, std::min(a.y, b.y) - r, std::max(a.x, b.x) + r, std::max(a.y, b.y) + r};
    in.min_zoom = std::min(1.0, min_scale() / at.scale);
    const InViewMove m = keep_in_view(in);
    if (!m.moved) return false;
    Camera target = apply_in_view(at, m, {(in.target.x0 + in.target.x1) / 2, (in.target.y0 + in.target.y1) / 2});
    if (arriving) step_cam_ = target;
    if (flight_.active)
        flight_.to = target;
    else if (view_.reduced_motion)
        camera_ = target;
    else
        flight_ = {true, camera_, target, 0, 0.5};
    touch();
    return true;
}

}  // namespace ca
