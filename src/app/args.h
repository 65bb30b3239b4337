// Command-line options of chipatlas (native and web share them; the page passes its own).
// --validate [--sources DIR] FILE... | --format [--check] FILE... | --data FILE... | --screenshot OUT.png [--size WxH] | --bench ...
#pragma once
#include <string>
#include <vector>

#include "app/app.h"

namespace ca {

struct AppArgs {
    AppConfig config;
    DriveOptions drive;                 // --screenshot OUT.png, --bench, --frames N
    std::vector<std::string> validate;  // --validate FILE...
    bool do_validate = false;
    std::vector<std::string> format;  // --format [--check] FILE...
    bool do_format = false, format_check = false;
    std::string sources_dir;         // --sources DIR (with --validate)
    int width = 1280, height = 800;  // --size WxH
    std::string error;               // parse error (usage printed)
    bool help = false;
};

AppArgs parse_args(int argc, char** argv);
const char* usage_text();

}  // namespace ca
