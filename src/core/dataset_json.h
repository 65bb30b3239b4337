// Loads and validates the chipatlas dataset from JSON text (never from a file; no exceptions).
// Every problem becomes a Diagnostic with file, line, column and JSON pointer; all are reported.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"

namespace ca {

struct InputFile {
    std::string name;       // shown in diagnostics
    std::string_view text;  // must outlive the call
};

struct LoadOptions {
    size_t max_bytes = 256u << 20;  // per file
    int max_depth = 32;             // nesting of arrays and objects
    size_t max_diagnostics = 500;   // further problems are counted, not listed
};

struct LoadResult {
    Dataset dataset;
    std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
    bool ok() const { return count_errors(diagnostics) == 0; }
};

LoadResult load_dataset(const std::vector<InputFile>& files, const LoadOptions& opt = {});

}  // namespace ca
