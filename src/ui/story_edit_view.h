// The story editor (edit mode, issue 19): a draft story, "Add this view as a step", re-ordering,
// captions, "Tell it" and "Save": drawn here, applied by the app (story_edit_view.cpp).
#pragma once
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/chrome_layout.h"
#include "core/story.h"

namespace ca::ui {

struct StoryDraft {
    Story story;               // the draft; its steps' views as captured
    char id[64] = "my-story";  // the id and title being typed
    char title[128] = "My story";
    int step = 0;            // the step whose caption is being edited (0-based)
    bool save = false;       // Save pressed this frame (the app writes or downloads the file)
    std::string status;      // the last save's outcome, in the interface language
    bool saved = false;      // the last save wrote the file (natively) or handed it to the page
    bool refused = false;    // the last save was refused: the draft does not load (status says why)
    Rect panel{0, 0, 0, 0};  // where the window was drawn this frame
    // Where its controls were drawn this frame (the app tests click them): "Add this view as a
    // step", each step's "Up", the caption's title and text, "Save".
    Rect add_at{}, caption_title_at{}, caption_text_at{}, save_at{};
    std::vector<Rect> up_at;
};

// The editor's window; changes the draft and tells stories through the model's intents.
// Drawn where `place` says (core/chrome_layout.h, editor_layout): beside the Edit panel, or
// folded at the bottom of its column on a narrow screen.
void draw_story_editor(AppModel& m, StoryDraft& d, const EditorLayout& place);

}  // namespace ca::ui
