// chipatlas --format: reads each file, formats it with the core writer and writes it back in place
// (through a temporary file and a rename) or, with --check, reports the files that would change.
#include "app/format_cli.h"

#include <cstdio>

#include "core/diagnostics.h"
#include "core/json_writer.h"
#include "platform/file_text.h"

namespace ca {

bool write_file_replacing(const std::string& path, const std::string& text, std::string& why) {
    const std::string tmp = path + ".tmp-chipatlas";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        why = "cannot write " + tmp;
        return false;
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        why = "cannot replace " + path;
        return false;
    }
    return true;
}

int format_files(const std::vector<std::string>& paths, bool check) {
    if (paths.empty()) {
        std::fprintf(stderr, "usage: --format [--check] FILE...\n");
        return 2;
    }
    int status = 0;
    size_t differ = 0;
    for (size_t i = 0; i < paths.size(); ++i) {
        FileText file;
        if (!file.open(paths[i])) {
            std::fprintf(stderr, "%s:1:1: error: cannot open file\n", paths[i].c_str());
            status = 1;
            continue;
        }
        const std::string_view text = file.text();
        FormatOutcome r = format_dataset_text(text);
        if (r.status == FormatStatus::Invalid) {
            Diagnostic d;
            d.file = paths[i];
            line_col(text, r.error.offset, d.line, d.col);
            d.message = r.error.message;
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
            status = 1;
            continue;
        }
        if (r.status == FormatStatus::Schema || r.text == text) continue;
        ++differ;
        if (check) {
            std::printf("%s: not in the canonical format (chipatlas --format rewrites it)\n", paths[i].c_str());
            status = 1;
            continue;
        }
        file.close();
        std::string why;
        if (!write_file_replacing(paths[i], r.text, why)) {
            std::fprintf(stderr, "%s:1:1: error: %s\n", paths[i].c_str(), why.c_str());
            status = 1;
            continue;
        }
        std::printf("%s: formatted\n", paths[i].c_str());
    }
    if (check && differ == 0 && status == 0) std::printf("all %zu file(s) in the canonical format\n", paths.size());
    return status;
}

}  // namespace ca
