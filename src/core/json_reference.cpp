// json_reference_accepts (json_doc.h): nlohmann_json's verdict on a text, which tests and the
// fuzzer hold JsonDoc to; the site's wasm never calls it, so nlohmann's parser is not linked there.
#include <nlohmann/json.hpp>

#include "core/json_doc.h"

namespace ca {

bool json_reference_accepts(std::string_view text) { return nlohmann::json::accept(text.data(), text.data() + text.size()); }

}  // namespace ca
