// Stories: guided tours through the atlas (stories/*.json, `?story=`): a title and ordered steps,
// each a view and a caption. The loader validates a story against a dataset with FILE:LINE:COL.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/camera.h"
#include "core/dataset_json.h"
#include "core/diagnostics.h"
#include "core/model.h"
#include "core/projection.h"
#include "core/view_state.h"

namespace ca {

// Caps on a story file (it may come from `?story=`): bytes, nesting, and texts in characters.
inline constexpr size_t kStoryMaxBytes = 48 * 1024;  // loadStory carries it in one command (64 KiB)
inline constexpr int kStoryMaxDepth = 16;
inline constexpr size_t kStoryTitleMax = 120, kStorySummaryMax = 600, kStoryTextMax = 1200, kStorySourcesMax = 8;

// A caption's title and text, or a story's title and summary (its `text` here), in one of the
// region's languages (`translations`, like a collaboration's): either may be empty (then the
// English one shows).
struct StoryText {
    Lang lang = Lang::ZhHant;
    std::string title, text;
};

struct StoryCaption {
    std::string title, text;
    std::vector<int> sources;             // indices into the dataset's sources
    std::vector<StoryText> translations;  // at most one per language
    // The title and text a reader of interface language l sees (English when not translated).
    const std::string& title_in(Locale l) const;
    const std::string& text_in(Locale l) const;
};

// A step's view, with the same field names as getState / setState. scene holds t, mode, window,
// the filters, the selection and the camera as the step gives them (a fresh view's values where
// it gives none); lang only when has_lang (else the reader's choice stays); region, when given,
// is fitted to the screen instead of a camera.
struct StoryStep {
    ViewState scene;
    bool has_lang = false;
    bool has_region = false;
    RegionPreset region = RegionPreset::All;
    StoryCaption caption;
};

struct Story {
    std::string id, title, summary;
    std::vector<StoryText> translations;  // the title and summary, at most one per language
    std::vector<StoryStep> steps;
    // The title and summary a reader of interface language l sees (English when not translated).
    const std::string& title_in(Locale l) const;
    const std::string& summary_in(Locale l) const;
};

struct StoryLoad {
    Story story;
    std::vector<Diagnostic> diagnostics;  // in file order
    bool ok() const { return count_errors(diagnostics) == 0; }
};

// Validates and reads one story file against ds (its sources, organisations, collaborations and
// time extent). name is how messages name the file.
StoryLoad load_story(std::string_view name, std::string_view text, const Dataset& ds);

// The stories among files that load against ds (the bundled ones: embedded_stories()); each
// problem of the others goes to problems (they are left out).
std::vector<Story> load_stories(const std::vector<InputFile>& files, const Dataset& ds, std::vector<Diagnostic>& problems);

// Whether a JSON text is a story rather than a dataset file: its first top-level key among
// "steps", "sources", "organisations", "collaborations", "events" is "steps" (a cheap scan, for
// the validator's command line; a text that is no JSON object is not a story).
bool is_story_text(std::string_view text);

// The view a step shows to a reader whose view is now base: base's presentation (theme, embed,
// speed, motion, names unless the step sets them) with the step's scene; not playing. Its camera
// is the step's; for a region step, has_camera is false (the caller fits the region).
ViewState step_view(const StoryStep& step, const ViewState& base);

// Between two steps: the eased fraction (smoothstep) of a transition u in 0..1 (clamped), and the
// time shown at u on the way from t0 to t1.
double story_ease(double u);
double story_time_at(double t0, double t1, double u);

// Authoring (edit mode): a step showing view v as it is now (its camera, not a region; its
// names setting), with an empty caption; a step moved one place up (dir < 0) or down, false
// at either end.
StoryStep step_from_view(const ViewState& v);
bool move_step(Story& s, size_t i, int dir);

// The story file's text for a story (the canonical writer's layout, the schema's key order), for
// authoring in edit mode.
std::string story_file_text(const Story& s, const Dataset& ds);

}  // namespace ca
