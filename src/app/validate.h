// Command-line validation of dataset files: reads them (and, with a sources folder, the source
// texts their quotes cite), runs the core loader and prints every diagnostic compiler-style.
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

// --validate [--sources DIR] FILE...: prints FILE:LINE:COL: error: ... lines to stderr and a
// summary to stdout (unless quiet). With sources_dir, every quote must occur in the text of the
// source it cites (DIR/FILE, FILE being the source's `file`). Exit status 0 when valid, 1 when
// not, 2 for a usage error or a sources folder that does not exist.
int validate_files(const std::vector<std::string>& paths, bool quiet, const std::string& sources_dir = "");
// Prints a note naming the characters of a valid dataset that the bundled fonts lack
// (app/glyph_note.cpp; the web build links app/glyph_note_none.cpp, which prints nothing).
void note_missing_glyphs(const Dataset& ds);

}  // namespace ca
