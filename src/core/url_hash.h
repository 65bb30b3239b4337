// The view state as a URL hash ("#t=2023-08-30&mode=window&sel=astri&c=22.3000,114.2000,4.00")
// and back, field by field from view_state.h's table; malformed or unknown values are skipped
// with a warning, never fatal.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/view_state.h"

namespace ca {

// Fields equal to def's are left out (those the table writes only when changed): the app passes
// a default state whose locale is the visitor's negotiated language, so a link names the
// interface language only when the visitor chose another one.
std::string encode_hash(const ViewState& v, const ViewState& def = ViewState{});
// Applies the keys present in hash (with or without the leading '#') onto v.
void decode_hash(std::string_view hash, ViewState& v, std::vector<std::string>& warnings);

std::string url_decode(std::string_view s);
std::string url_encode(std::string_view s);

}  // namespace ca
