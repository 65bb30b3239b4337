// The JSON command interface shared by the host-page API, the in-page API and tests:
// getState / setState / setHash / play / pause / step / select / flyTo / search / export.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/app_model.h"

namespace ca {

struct CommandResult {
    std::string reply;        // JSON text {"ok":...}
    bool export_png = false;  // the platform reads back the next frame
};

CommandResult handle_command(AppModel& m, std::string_view json_text);

// {"state":{...},"hash":"#..."}
std::string state_event_json(AppModel& m);
// {"t":"YYYY-MM-DD","total":N,"items":[...]} of the visible collaborations (the first
// kActiveEventMax of them: the screen-reader list stays readable on big datasets)
inline constexpr size_t kActiveEventMax = 200;
std::string active_event_json(AppModel& m);
// {"id","type","label"}
std::string selection_event_json(AppModel& m);
// {"errors":[...],"text":"..."}
std::string diagnostics_json(const std::vector<Diagnostic>& d);

// Visible collaborations at the current time, mode and filters.
std::vector<int> visible_collaborations(AppModel& m);
std::string export_csv(AppModel& m);
std::string export_json(AppModel& m);

// Participant names joined for display ("ASTRI, PolyU").
std::string participant_names(const Dataset& ds, const Collaboration& c);

}  // namespace ca
