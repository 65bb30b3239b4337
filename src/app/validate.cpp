// File reading and the --validate command shared by chipatlas and chipatlas_validate.
// Output goes to stderr (diagnostics) and stdout (the summary).
#include "app/validate.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/dataset_json.h"

namespace ca {

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream f(path, std::ios::binary);
    if (!f) { error = path + ":1:1: error: (document): cannot open file"; return false; }
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

int validate_files(const std::vector<std::string>& paths, bool quiet) {
    if (paths.empty()) { std::fprintf(stderr, "usage: --validate FILE...\n"); return 2; }
    std::vector<std::string> texts(paths.size());
    std::vector<InputFile> inputs;
    bool io_ok = true;
    for (size_t i = 0; i < paths.size(); ++i) {
        std::string err;
        if (!read_file(paths[i], texts[i], err)) { std::fprintf(stderr, "%s\n", err.c_str()); io_ok = false; continue; }
    }
    if (!io_ok) return 1;
    for (size_t i = 0; i < paths.size(); ++i) inputs.push_back({paths[i], texts[i]});
    LoadResult r = load_dataset(inputs);
    for (auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    size_t errors = count_errors(r.diagnostics);
    if (errors) {
        std::fprintf(stderr, "%zu error(s), %zu warning(s)\n", errors, r.diagnostics.size() - errors);
        return 1;
    }
    if (!quiet)
        std::printf("valid: %zu sources, %zu organisations, %zu collaborations, %zu events (%zu warnings)\n",
                    r.dataset.sources.size(), r.dataset.organisations.size(), r.dataset.collaborations.size(),
                    r.dataset.events.size(), r.diagnostics.size());
    return 0;
}

}  // namespace ca
