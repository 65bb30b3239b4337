// The canonical writer over a mutable nlohmann_json tree, for core's own files (json_writer.cpp,
// the edit model): not part of core's public interface, since nlohmann_json is private to core.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace ca {

using OJson = nlohmann::ordered_json;

// The canonical text of a dataset file's tree (see json_writer.h), ending in one newline.
std::string write_canonical(const OJson& root);
// Parses text known to be valid JSON (checked by JsonDoc first); false if nlohmann_json rejects it.
bool parse_ojson(std::string_view text, OJson& out);

}  // namespace ca
