// Command-line validation of dataset files: reads them, runs the core loader and prints every
// diagnostic as FILE:LINE:COL: error: POINTER: MESSAGE. Exit status 0 when valid, 1 otherwise.
#pragma once
#include <string>
#include <vector>

#include "core/dataset_json.h"
#include "core/diagnostics.h"
#include "platform/file_text.h"

namespace ca {

// Opens files (mapped, see FileText) into texts (same order); each file that cannot be read becomes a
// diagnostic "FILE:1:1: error: (document): cannot open file". Returns false if any failed.
bool read_files(const std::vector<std::string>& paths, std::vector<FileText>& texts, std::vector<Diagnostic>& errors);
int validate_files(const std::vector<std::string>& paths, bool quiet);
// Prints a note naming the characters of a valid dataset that the bundled fonts lack
// (app/glyph_note.cpp; the web build links app/glyph_note_none.cpp, which prints nothing).
void note_missing_glyphs(const Dataset& ds);

}  // namespace ca
