// JsonDoc's error path (json_doc.cpp): finds the first problem of a JSON text that RapidJSON refused,
// worded and placed as nlohmann_json 3.11's parser words and places it, without linking that parser.
#pragma once
#include <cstddef>
#include <string_view>

#include "core/json_doc.h"

namespace ca {

// Reads text as nlohmann_json's strict parser does (a UTF-8 BOM skipped first, a NUL byte taken as
// the end of the text). True when it accepts: [begin, end) is then the value and the whitespace
// around it, without the BOM or what follows a NUL. Else false with err filled: too_deep (nesting
// over max_depth before any syntax error; err.offset is 0 then), or the parser's message
// ("syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal", "number
// overflow parsing '1e999'") and the offset of the byte it stopped at.
bool json_syntax_check(std::string_view text, int max_depth, JsonError& err, size_t& begin, size_t& end);

}  // namespace ca
