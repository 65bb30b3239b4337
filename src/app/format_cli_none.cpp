// The web build's --format: the page has no files to rewrite, so the writer stays out of its wasm
// (the native build links format_cli.cpp instead).
#include <cstdio>

#include "app/format_cli.h"

namespace ca {

int format_files(const std::vector<std::string>&, bool) {
    std::fputs("chipatlas: --format is a command of the native build\n", stderr);
    return 2;
}

bool write_file_replacing(const std::string& path, const std::string&, std::string& why) {
    why = "the web build writes no files (" + path + ")";
    return false;
}

}  // namespace ca
