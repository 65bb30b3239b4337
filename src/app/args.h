// Command-line options of chipatlas (native and web share them; the page passes its own).
// --validate FILE... | --data FILE... | --screenshot OUT.png [--size WxH] | --bench ...
#pragma once
#include <string>
#include <vector>

#include "app/app.h"

namespace ca {

struct AppArgs {
    AppConfig config;
    std::vector<std::string> validate;  // --validate FILE...
    bool do_validate = false;
    std::string screenshot;             // --screenshot OUT.png
    int width = 1280, height = 800;     // --size WxH
    bool bench = false;                 // --bench
    int bench_frames = 300;             // --frames N
    int screenshot_frames = 4;
    std::string error;                  // parse error (usage printed)
    bool help = false;
};

AppArgs parse_args(int argc, char** argv);
const char* usage_text();

// Runs the platform's main loop (run_native.cpp or run_web.cpp).
int run_platform(const AppArgs& args);

}  // namespace ca
