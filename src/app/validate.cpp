// File reading and the --validate command shared by chipatlas and chipatlas_validate.
// Output goes to stderr (diagnostics) and stdout (the summary).
#include "app/validate.h"

#include <cstdio>

#include "core/dataset_json.h"

namespace ca {

bool read_files(const std::vector<std::string>& paths, std::vector<FileText>& texts, std::vector<Diagnostic>& errors) {
    texts.clear();
    texts.resize(paths.size());
    bool ok = true;
    for (size_t i = 0; i < paths.size(); ++i) {
        if (texts[i].open(paths[i])) continue;
        Diagnostic d;
        d.file = paths[i];
        d.line = d.col = 1;
        d.message = "cannot open file";
        errors.push_back(d);
        ok = false;
    }
    return ok;
}

int validate_files(const std::vector<std::string>& paths, bool quiet) {
    if (paths.empty()) {
        std::fprintf(stderr, "usage: --validate FILE...\n");
        return 2;
    }
    std::vector<FileText> texts;
    std::vector<Diagnostic> io_errors;
    if (!read_files(paths, texts, io_errors)) {
        for (auto& d : io_errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        return 1;
    }
    std::vector<InputFile> inputs;
    for (size_t i = 0; i < paths.size(); ++i) inputs.push_back({paths[i], texts[i].text()});
    LoadResult r = load_dataset(inputs);
    for (auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    size_t errors = count_errors(r.diagnostics);
    if (errors) {
        std::fprintf(stderr, "%zu error(s), %zu warning(s)\n", errors, r.diagnostics.size() - errors);
        return 1;
    }
    if (!quiet) note_missing_glyphs(r.dataset);
    if (!quiet)
        std::printf("valid: %zu sources, %zu organisations, %zu collaborations, %zu events (%zu warnings)\n", r.dataset.sources.size(),
                    r.dataset.organisations.size(), r.dataset.collaborations.size(), r.dataset.events.size(), r.diagnostics.size());
    return 0;
}

}  // namespace ca
