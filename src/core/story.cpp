// The story loader and validator (one pass over the JsonDoc tree, each problem located by its
// JSON pointer), a step's view, the easing between steps and the story file's writer.
#include "core/story.h"

#include <algorithm>
#include <cmath>

#include "core/json_canonical.h"
#include "core/json_doc.h"
#include "core/suggest.h"
#include "core/timeline.h"
#include "core/view_json.h"

namespace ca {
namespace {
size_t code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string dq(std::string_view s) {
    if (s.size() > 80) return "\"" + std::string(s.substr(0, 77)) + "...\"";
    return "\"" + std::string(s) + "\"";
}

bool valid_story_id(std::string_view s) {
    if (s.empty() || s.size() > kStoryIdMax) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '-' && c != '.'))) return false;
    }
    return true;
}

// The step view's keys: the scene fields of view_state.h's table, region, and lang.
constexpr std::string_view kViewKeys[] = {"t",        "mode",   "window", "hiddenKinds", "hiddenOrgKinds", "hiddenRegions",
                                          "selected", "camera", "region", "lang"};

class StoryReader {
public:
    StoryReader(std::string_view name, std::string_view text, const Dataset& ds, StoryLoad& out)
        : name_(name), loc_(text), ds_(ds), out_(out) {}

    void error(const std::string& ptr, std::string msg, size_t offset = std::string::npos) {
        Diagnostic d;
        d.file = std::string(name_);
        d.pointer = ptr;
        d.subject = subject_;
        d.message = std::move(msg);
        loc_.line_col(offset != std::string::npos ? offset : loc_.locate(ptr), d.line, d.col);
        // In file order (the tree's members come in key order), ties in the order found.
        auto& v = out_.diagnostics;
        auto at = v.end();
        while (at != v.begin() && ((at - 1)->line > d.line || ((at - 1)->line == d.line && (at - 1)->col > d.col))) --at;
        v.insert(at, std::move(d));
    }

    // Members of obj not among allowed: each an error, with the closest allowed key offered.
    template <size_t N>
    void unknown_keys(JValue obj, const std::string& ptr, const std::string_view (&allowed)[N]) {
        for (size_t i = 0; i < obj.size(); ++i) {
            const std::string_view key = obj.key(i);
            if (std::find(std::begin(allowed), std::end(allowed), key) != std::end(allowed)) continue;
            Suggester sg(key);
            for (std::string_view a : allowed) sg.offer(a);
            const std::string dym = did_you_mean(sg);
            error(ptr + "/" + pointer_escape(std::string(key)), "unknown field " + dq(key) + (dym.empty() ? "" : dym));
        }
    }

    // A required (or optional) string of at most max characters, not blank.
    bool text(JValue obj, const std::string& ptr, const char* key, size_t max, bool required, std::string& out) {
        const JValue it = obj.find(key);
        if (!it) {
            if (required) error(ptr, std::string("missing required field \"") + key + "\"");
            return false;
        }
        const std::string p = ptr + "/" + key;
        if (!it.is_string()) {
            error(p, "expected a string");
            return false;
        }
        const std::string_view s = it.str();
        if (s.find_first_not_of(" \t\n") == std::string::npos) {
            error(p, "must not be empty");
            return false;
        }
        if (code_points(s) > max) {
            error(p, "too long: " + std::to_string(code_points(s)) + " characters (the limit is " + std::to_string(max) + ")");
            return false;
        }
        out = s;
        return true;
    }

    void read(JValue root) {
        if (!root.is_object()) return error("", "a story must be a JSON object with \"id\", \"title\" and \"steps\"");
        static constexpr std::string_view kTop[] = {"$schema", "id", "title", "summary", "translations", "steps"};
        unknown_keys(root, "", kTop);
        Story& s = out_.story;
        if (text(root, "", "id", kStoryIdMax, true, s.id) && !valid_story_id(s.id)) {
            error("/id", "invalid id " + dq(s.id) + ": lower-case letters, digits, '_', '-' and '.', starting with a letter or digit");
            s.id.clear();
        }
        text(root, "", "title", kStoryTitleMax, true, s.title);
        text(root, "", "summary", kStorySummaryMax, false, s.summary);
        if (const JValue tr = root.find("translations"))
            read_translations(tr, "/translations", {"summary", kStorySummaryMax}, s.translations);
        const JValue steps = root.find("steps");
        if (!steps) return error("", "missing required field \"steps\"");
        if (!steps.is_array()) return error("/steps", "expected an array of steps");
        if (steps.empty()) return error("/steps", "a story needs at least one step");
        if (steps.size() > static_cast<size_t>(kStorySteps.hi))
            return error("/steps",
                         "too many steps: " + std::to_string(steps.size()) + " (the limit is " + std::to_string(kStorySteps.hi) + ")");
        for (size_t i = 0; i < steps.size(); ++i) {
            subject_ = "step " + std::to_string(i + 1);
            read_step(steps[i], "/steps/" + std::to_string(i));
        }
        subject_.clear();
    }

private:
    void read_step(JValue j, const std::string& ptr) {
        StoryStep st;
        if (!j.is_object()) return error(ptr, "expected a step: {\"view\": {...}, \"caption\": {...}}");
        static constexpr std::string_view kStep[] = {"view", "caption"};
        unknown_keys(j, ptr, kStep);
        const JValue v = j.find("view"), c = j.find("caption");
        if (!v) error(ptr, "missing required field \"view\"");
        if (!c) error(ptr, "missing required field \"caption\"");
        if (v) read_view(v, ptr + "/view", st);
        if (c) read_caption(c, ptr + "/caption", st.caption);
        out_.story.steps.push_back(std::move(st));
    }

    void read_view(JValue j, const std::string& ptr, StoryStep& st) {
        if (!j.is_object()) return error(ptr, "expected an object of view fields (as setState takes them)");
        if (!j.contains("t")) error(ptr, "missing required field \"t\"");
        if (j.contains("camera") && j.contains("region")) error(ptr + "/region", "give \"region\" or \"camera\", not both");
        for (size_t i = 0; i < j.size(); ++i) {
            const std::string k(j.key(i));
            read_view_key(k, j[i], ptr + "/" + pointer_escape(k), st);
        }
    }

    void read_view_key(const std::string& k, JValue val, const std::string& p, StoryStep& st) {
        if (k == "region") {
            if (!val.is_string() || !parse_preset(std::string(val.str()).c_str(), st.region))
                return error(p, "expected a region: all, gba, korea, taiwan or japan");
            st.has_region = true;
            return;
        }
        if (std::find(std::begin(kViewKeys), std::end(kViewKeys), k) == std::end(kViewKeys)) {
            ViewState scratch;
            std::vector<std::string> why;
            if (read_view_field(k, val, scratch, why, ds_))
                return error(p, dq(k) +
                                    " is the reader's choice, not a step's: a step's view sets t, mode, window, hiddenKinds, "
                                    "hiddenOrgKinds, hiddenRegions, selected, camera or region, and lang");
            Suggester sg(k);
            for (std::string_view a : kViewKeys) sg.offer(a);
            const std::string dym = did_you_mean(sg);
            return error(p, "unknown field " + dq(k) + (dym.empty() ? "" : dym));
        }
        if (k == "selected" && val.is_string() && !val.str().empty()) {
            const std::string_view id = val.str();
            if (ds_.find_org(id) < 0 && ds_.find_collab(id) < 0) {
                Suggester sg(id);
                ds_.org_ids.for_each_key([&](std::string_view key) { sg.offer(key); });
                ds_.collab_ids.for_each_key([&](std::string_view key) { sg.offer(key); });
                return error(p, "unknown organisation or collaboration " + dq(id) + did_you_mean(sg));
            }
        }
        std::vector<std::string> why;
        read_view_field(k, val, st.scene, why, ds_);
        for (const std::string& w : why) error(p, w);
        if (k == "lang") st.has_lang = why.empty();
        if (k == "camera") st.scene.has_camera = why.empty();
        if (k == "t" && why.empty()) check_time(p, st.scene.t);
    }

    void check_time(const std::string& p, double t) {
        if (ds_.organisations.empty()) return;
        const TimeAxis a = axis_for(ds_);
        if (t >= a.t0 && t <= a.t1) return;
        error(p, "time " + format_day(static_cast<DayNum>(t)) + " is outside the dataset's timeline (" +
                     format_day(static_cast<DayNum>(a.t0)) + " to " + format_day(static_cast<DayNum>(a.t1)) + ")");
    }

    void read_caption(JValue j, const std::string& ptr, StoryCaption& c) {
        if (!j.is_object()) return error(ptr, "expected a caption: {\"title\": ..., \"text\": ..., \"sources\": [...]}");
        static constexpr std::string_view kCaption[] = {"title", "text", "sources", "translations"};
        unknown_keys(j, ptr, kCaption);
        text(j, ptr, "title", kStoryTitleMax, true, c.title);
        text(j, ptr, "text", kStoryTextMax, true, c.text);
        if (const JValue tr = j.find("translations")) read_translations(tr, ptr + "/translations", {"text", kStoryTextMax}, c.translations);
        const JValue s = j.find("sources");
        if (!s) return;
        if (!s.is_array()) return error(ptr + "/sources", "expected an array of source ids");
        if (s.size() > kStorySourcesMax)
            return error(ptr + "/sources",
                         "too many sources: " + std::to_string(s.size()) + " (the limit is " + std::to_string(kStorySourcesMax) + ")");
        for (size_t i = 0; i < s.size(); ++i) {
            const JValue id = s[i];
            const std::string p = ptr + "/sources/" + std::to_string(i);
            if (!id.is_string()) {
                error(p, "expected a source id");
                continue;
            }
            const int k = ds_.source_ids.find(id.str());
            if (k >= 0) {
                c.sources.push_back(k);
                continue;
            }
            Suggester sg(id.str());
            ds_.source_ids.for_each_key([&](std::string_view key) { sg.offer(key); });
            error(p, "unknown source " + dq(id.str()) + did_you_mean(sg));
        }
    }

    // The second text of a translation: a caption's "text", a story's "summary", and its cap.
    struct SecondText {
        const char* key;
        size_t max;
    };

    // "translations": [{"lang": "ko", "title": "…", "text": "…"}] (a story's: "summary" for
    // "text"): as a collaboration's, each of the region's languages once, a title and/or the
    // second text with the English ones' caps.
    void read_translations(JValue a, const std::string& ptr, SecondText second, std::vector<StoryText>& out) {
        if (!a.is_array()) return error(ptr, "expected an array of translations");
        for (size_t i = 0; i < a.size(); ++i) {
            const JValue tj = a[i];
            const std::string p = ptr + "/" + std::to_string(i);
            if (!tj.is_object()) {
                error(p, "expected an object");
                continue;
            }
            const std::string_view keys[] = {"lang", "title", std::string_view(second.key)};
            unknown_keys(tj, p, keys);
            StoryText t;
            std::string lang;
            bool ok = text(tj, p, "lang", 16, true, lang);
            if (ok && !parse_enum(lang, t.lang)) {
                error(p + "/lang", "unknown language " + dq(lang) + " (expected " + enum_choices<Lang>() + ")");
                ok = false;
            }
            const bool title = text(tj, p, "title", kStoryTitleMax, false, t.title);
            const bool body = text(tj, p, second.key, second.max, false, t.text);
            if (!tj.contains("title") && !tj.contains(second.key)) {
                error(p, "a translation needs \"title\" or \"" + std::string(second.key) + "\" (or both)");
                ok = false;
            }
            for (const StoryText& before : out)
                if (ok && before.lang == t.lang) {
                    error(p + "/lang", std::string("language ") + enum_id(t.lang) + " is translated twice");
                    ok = false;
                }
            if (ok && (title || body)) out.push_back(std::move(t));
        }
    }

    std::string_view name_;
    TextLocator loc_;
    const Dataset& ds_;
    StoryLoad& out_;
    std::string subject_;
};

}  // namespace

StoryLoad load_story(std::string_view name, std::string_view text, const Dataset& ds) {
    StoryLoad r;
    StoryReader rd(name, text, ds, r);
    if (text.size() > kStoryMaxBytes) {
        rd.error(
            "", "story file too large: " + std::to_string(text.size()) + " bytes (the limit is " + std::to_string(kStoryMaxBytes) + ")", 0);
        return r;
    }
    JsonDoc doc;
    JsonError err;
    if (!doc.parse(text, kStoryMaxDepth, err)) {
        if (err.too_deep)
            err.message = "nested too deep (the limit is " + std::to_string(kStoryMaxDepth) + " levels)";
        else
            explain_syntax_error(text, err);
        rd.error("", err.message, err.offset);
        return r;
    }
    rd.read(doc.root());
    if (!r.ok()) r.story.steps.clear();
    return r;
}

std::vector<Story> load_stories(const std::vector<InputFile>& files, const Dataset& ds, std::vector<Diagnostic>& problems) {
    std::vector<Story> out;
    for (const InputFile& f : files) {
        StoryLoad r = load_story(f.name, f.text, ds);
        problems.insert(problems.end(), r.diagnostics.begin(), r.diagnostics.end());
        if (r.ok()) out.push_back(std::move(r.story));
    }
    return out;
}

bool is_story_text(std::string_view text) {
    // The first top-level key that tells: a story's "steps", or one of a dataset file's arrays.
    int depth = 0;
    bool in_str = false;
    size_t str_start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_str) {
            if (c == '\\')
                ++i;
            else if (c == '"') {
                in_str = false;
                if (depth != 1) continue;
                const std::string_view key = text.substr(str_start, i - str_start);
                size_t j = text.find_first_not_of(" \t\r\n", i + 1);
                if (j == std::string_view::npos || text[j] != ':') continue;
                if (key == "steps") return true;
                if (key == "sources" || key == "organisations" || key == "collaborations" || key == "events") return false;
            }
        } else if (c == '"') {
            in_str = true;
            str_start = i + 1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

ViewState step_view(const StoryStep& step, const ViewState& base) {
    ViewState v = base;
    const ViewState& s = step.scene;
    v.t = s.t;
    v.mode = s.mode;
    v.window_months = s.window_months;
    v.filters = s.filters;
    v.selected = s.selected;
    v.has_camera = !step.has_region && s.has_camera;
    if (v.has_camera) {
        v.cam_centre = s.cam_centre;
        v.zoom = s.zoom;
    }
    if (step.has_lang) v.lang = s.lang;
    v.playing = false;
    return v;
}

const std::string& StoryCaption::title_in(Locale l) const { return translated(translations, &StoryText::title, l, title); }

const std::string& StoryCaption::text_in(Locale l) const { return translated(translations, &StoryText::text, l, text); }

const std::string& Story::title_in(Locale l) const { return translated(translations, &StoryText::title, l, title); }

const std::string& Story::summary_in(Locale l) const { return translated(translations, &StoryText::text, l, summary); }

double story_ease(double u) {
    u = std::clamp(u, 0.0, 1.0);
    return u * u * (3 - 2 * u);
}

double story_time_at(double t0, double t1, double u) { return t0 + (t1 - t0) * story_ease(u); }

StoryStep step_from_view(const ViewState& v) {
    StoryStep st;
    st.scene = v;  // what story_file_text writes of it: the scene fields and names
    st.scene.story.clear();
    st.scene.step = 0;
    st.scene.playing = false;
    st.has_lang = true;
    return st;
}

bool move_step(Story& s, size_t i, int dir) {
    if (i >= s.steps.size() || (dir < 0 && i == 0) || (dir > 0 && i + 1 >= s.steps.size())) return false;
    std::swap(s.steps[i], s.steps[dir < 0 ? i - 1 : i + 1]);
    return true;
}

namespace {
// A story's or a caption's translations as the file writes them (second: "summary" or "text").
OJson translations_json(const std::vector<StoryText>& list, const char* second) {
    OJson tr = OJson::array();
    for (const StoryText& t : list) {
        OJson one;
        one["lang"] = enum_id(t.lang);
        if (!t.title.empty()) one["title"] = t.title;
        if (!t.text.empty()) one[second] = t.text;
        tr.push_back(one);
    }
    return tr;
}
}  // namespace

std::string story_file_text(const Story& s, const Dataset& ds) {
    OJson root;
    root["$schema"] = "./schema.json";
    root["id"] = s.id;
    root["title"] = s.title;
    if (!s.summary.empty()) root["summary"] = s.summary;
    if (!s.translations.empty()) root["translations"] = translations_json(s.translations, "summary");
    OJson steps = OJson::array();
    const ViewState def;
    for (const StoryStep& st : s.steps) {
        const ViewState& v = st.scene;
        OJson view;
        view["t"] = format_day(static_cast<DayNum>(std::floor(v.t)));
        view["mode"] = kTimeModeIds[static_cast<size_t>(v.mode)];
        if (v.mode == TimeMode::Window || v.window_months != def.window_months) view["window"] = v.window_months;
        auto mask = [&](const char* key, uint32_t m, auto tag) {
            using E = decltype(tag);
            if (!m) return;
            OJson a = OJson::array();
            for (int i = 0; i < enum_count<E>(); ++i)
                if (m >> i & 1) a.push_back(enum_id(static_cast<E>(i)));
            view[key] = a;
        };
        mask("hiddenKinds", v.filters.hidden_collab_kinds, CollabKind{});
        mask("hiddenOrgKinds", v.filters.hidden_org_kinds, OrgKind{});
        mask("hiddenRegions", v.filters.hidden_regions, Region{});
        if (!v.selected.empty()) view["selected"] = v.selected;
        if (st.has_region)
            view["region"] = preset_id(st.region);
        else if (v.has_camera)
            view["camera"] = {{"lat", std::round(v.cam_centre.lat * 1e4) / 1e4},
                              {"lon", std::round(v.cam_centre.lon * 1e4) / 1e4},
                              {"zoom", std::round(v.zoom * 100) / 100}};
        if (st.has_lang) view["lang"] = kNameLangIds[static_cast<size_t>(v.lang)];
        OJson cap;
        cap["title"] = st.caption.title;
        cap["text"] = st.caption.text;
        if (!st.caption.sources.empty()) {
            OJson src = OJson::array();
            for (int i : st.caption.sources)
                if (i >= 0 && static_cast<size_t>(i) < ds.sources.size()) src.push_back(ds.sources[static_cast<size_t>(i)].id);
            cap["sources"] = src;
        }
        if (!st.caption.translations.empty()) cap["translations"] = translations_json(st.caption.translations, "text");
        OJson step;
        step["view"] = view;
        step["caption"] = cap;
        steps.push_back(step);
    }
    root["steps"] = steps;
    return write_canonical(root);
}

}  // namespace ca
