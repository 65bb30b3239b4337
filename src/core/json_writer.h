// The canonical writer of the dataset files: the one definition of their format (schema key order,
// 2-space indentation, an array or object on one line when that line fits in 120 columns).
#pragma once
#include <string>
#include <string_view>

#include "core/json_doc.h"

namespace ca {

// Lines are at most this many code points wherever a value can be split (a long string cannot).
constexpr int kCanonicalWidth = 120;

enum class FormatStatus { Ok, Invalid, Schema };

struct FormatOutcome {
    FormatStatus status = FormatStatus::Ok;
    std::string text;  // the canonical text (Ok), ending in one newline
    JsonError error;   // Invalid: where and why (err.offset is a byte offset into the input)
};

// Parses one dataset file's text and writes it canonically: members in the order of
// data/schema.json (unknown members after the known ones, in input order), values as parsed
// (numbers in their shortest round-trip form). A JSON Schema (its "$schema" a json-schema.org
// URI) is not a dataset file and comes back as Schema, untouched. max_depth bounds nesting.
FormatOutcome format_dataset_text(std::string_view text, int max_depth = 32);

}  // namespace ca
