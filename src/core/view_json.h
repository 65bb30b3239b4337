// setState's JSON codec of one view-state field (commands.cpp), for core's other readers of views
// (story steps, core/story.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/json_doc.h"
#include "core/view_state.h"

namespace ca {

// Reads the field of view_state.h's table whose JSON name is key from value into v; false when
// key names no field. why gets what was wrong with the value (v's field then stays as it was).
bool read_view_field(std::string_view key, const JValue& value, ViewState& v, std::vector<std::string>& why, const Dataset& ds);

}  // namespace ca
