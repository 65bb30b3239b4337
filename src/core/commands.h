// The JSON command interface shared by the host-page API, the in-page API and tests:
// getState / setState / setHash / play / pause / step / select / flyTo / search / export.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_model.h"

namespace ca {

// Caps on a command's text, checked before it is parsed: commands come from hostile places
// (a host page's postMessage, the URL, the in-page API). The largest real command (setState
// with every field) is well under 1 KB, and none nests deeper than 3 levels.
// A longer text is refused unread: {"ok":false,"error":"command too large: N bytes (the limit is 65536)"}.
inline constexpr size_t kCommandMaxBytes = 64 * 1024;
// Deepest nesting of arrays and objects (the outer object is level 1), found by a linear scan of
// the bytes before the parser sees them; deeper: {"ok":false,"error":"command nested too deep (the limit is 32 levels)"}.
inline constexpr int kCommandMaxDepth = 32;

// `editField` {kind, id, field, value}: what the edit panel's field does (the app applies it
// while edit mode is open). value: the field's JSON text; "" (value absent) removes the field.
struct EditFieldCommand {
    bool set = false;
    std::string kind, id, pointer, value;
};

struct CommandResult {
    std::string reply;         // JSON text {"ok":...}
    bool export_png = false;   // the platform reads back the next frame
    bool audit = false;        // the app answers with audit_reply of its UI's last frame
    bool open_editor = false;  // `openEditor`: the app opens edit mode (never in embed mode)
    EditFieldCommand edit_field;
    bool edit_command = false;  // `editView`, `editDo` or `editStory`: the app answers from its editor (app/edit_commands.cpp)
};
// {"ok":false,"error":message}, as every command's error reply.
std::string error_reply_json(std::string_view message);

// The `audit` command (a test aid, web/API.md): what the UI's last frame cut off, and the
// details panel's scroll. Each `clipped` entry names the panel and says by how much; `panels`
// gives where each panel was drawn.
struct UiAudit {
    std::vector<std::string> clipped;
    struct Panel {
        std::string name;  // the window's name without "##" ("toolbar", "Legend & filters", "Details")
        float x0, y0, x1, y1;
    };
    std::vector<Panel> panels;                         // every panel shown (CSS px from the map's top-left), menus included
    float details_scroll = 0, details_scroll_max = 0;  // CSS px; max 0 when it does not scroll
    std::string story_caption;                         // the story card's caption title as drawn ("" without a story)
    Rect tour{0, 0, 0, 0};                             // the About card's "Take the tour" as drawn (all 0: not drawn)
};
std::string audit_reply(const UiAudit& a);

CommandResult handle_command(AppModel& m, std::string_view json_text);

// {"state":{...},"hash":"#..."}
std::string state_event_json(AppModel& m);
// {"t":"YYYY-MM-DD","total":N,"items":[...]} of the visible collaborations (the first
// kActiveEventMax of them: the screen-reader list stays readable on big datasets)
inline constexpr size_t kActiveEventMax = 200;
// `visible`: visible_collaborations(m, kActiveEventMax) when the caller already has it.
std::string active_event_json(AppModel& m);
std::string active_event_json(AppModel& m, const std::vector<int>& visible);
// {"id","type","label"}
std::string selection_event_json(AppModel& m);
// {"errors":[...],"text":"..."}
std::string diagnostics_json(const std::vector<Diagnostic>& d);

// The "storystep" event: {"id","title","step","steps","caption":{"title","text","sources"},"hash"}
// of the story told, or {"id":"","step":0} when the story ends.
std::string story_event_json(const AppModel& m);

// {"message":"..."}: the page's "fatal" event (the app cannot run). Bytes of message that are
// not UTF-8 are replaced by U+FFFD, so the result is always valid JSON.
std::string fatal_event_json(std::string_view message);

// The web edit mode's files for the page (issue 16): {"action":"download"|"copy","errors":N,
// "files":[{"name":"organisations.json","text":"..."}]}, names without their folder.
struct NamedText {
    std::string_view name, text;
};
std::string edit_files_event_json(std::string_view action, const std::vector<NamedText>& files, size_t errors);

// Visible collaborations at the current time, mode and filters (the first `max` of them).
std::vector<int> visible_collaborations(AppModel& m, size_t max = static_cast<size_t>(-1));
// One row per visible collaboration: id,title,kind,start,end,status,participants,sources.
// Free-text cells that start with = + - @ tab or CR get a leading ' (OWASP CSV injection);
// cells with , " CR or LF are quoted. sources lists each source file once.
std::string export_csv(AppModel& m);
std::string export_json(AppModel& m);

// Participant names joined for display ("ASTRI, PolyU").
std::string participant_names(const Dataset& ds, const Collaboration& c);

}  // namespace ca
