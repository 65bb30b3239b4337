// Loads and validates the chipatlas dataset from JSON text (never from a file; no exceptions).
// Every problem becomes a Diagnostic with file, line, column, element id and JSON pointer.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"

namespace ca {

struct InputFile {
    std::string name;       // shown in diagnostics
    std::string_view text;  // must outlive the call
    // When set: text's own bytes (text.data()), writable, with a NUL after them, which the load
    // may overwrite: it parses them in place instead of a copy (a 31 MB file: 31 MB less memory
    // and a copy fewer). Diagnostics could then not be placed, so a load with anything to report
    // (or a text only the slow path reads) stops with LoadResult::text_needed and no dataset.
    char* scratch = nullptr;
};

// The text of a source's `file`, for the quote check (the caller reads it; core reads no files).
struct SourceText {
    bool ok = false;
    std::string_view text;  // must outlive the load
    std::string name;       // how messages name it (e.g. its path)
    std::string error;      // why it could not be read, when !ok; "" with !ok: no text given,
                            // the source's quotes are not checked (an editor's unpasted texts)
};
using SourceTextFn = std::function<SourceText(std::string_view file)>;

struct LoadOptions {
    size_t max_bytes = 256u << 20;  // per file
    int max_depth = 32;             // nesting of arrays and objects
    size_t max_diagnostics = 500;   // further problems are counted, not listed
    // When set: every source's file must be readable through it, and every quote (evidence,
    // facts, events) must occur in its source's text, whitespace runs compared as one space.
    SourceTextFn source_text;
    // When set: called with "ca:data-parsed" once every file is parsed and with "ca:data-walked"
    // once the records are read (before finalise), so that a caller can mark the phases.
    std::function<void(const char* phase)> on_phase;
};

struct LoadResult {
    Dataset dataset;
    std::vector<Diagnostic> diagnostics;  // errors, warnings and notes, in file order
    size_t quotes_checked = 0;            // quotes found in their source texts (with source_text)
    size_t quote_errors = 0;              // quotes not found there (errors among the diagnostics)
    // The dataset is complete (finalised): no errors, or only quotes not found in their source
    // texts (an editor's map still shows it).
    bool showable = false;
    // A load of scratch texts (InputFile::scratch) stopped: it had something to report, or a text
    // needs the slow path. Nothing else is filled in: load again with the texts as given.
    bool text_needed = false;
    bool ok() const { return count_errors(diagnostics) == 0; }
};

// A syntax error (or a file that is too large or too deep) stops the load after every file has
// been parsed: only those errors are reported, not what follows from the missing data. A JSON
// Schema among the files (its "$schema" a json-schema.org URI) is skipped with a note.
LoadResult load_dataset(const std::vector<InputFile>& files, const LoadOptions& opt = {});

}  // namespace ca
