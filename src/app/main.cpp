// chipatlas entry point: parse options, validate when asked, otherwise hand over to the
// platform's loop (native window or the browser's requestAnimationFrame).
#include <cstdio>

#include "app/args.h"
#include "app/validate.h"

int main(int argc, char** argv) {
    ca::AppArgs args = ca::parse_args(argc, argv);
    if (!args.error.empty() || args.help) {
        if (!args.error.empty()) std::fprintf(stderr, "chipatlas: %s\n", args.error.c_str());
        std::fputs(ca::usage_text(), args.help ? stdout : stderr);
        return args.help ? 0 : 2;
    }
    if (args.do_validate) return ca::validate_files(args.validate, false);
    return ca::run_platform(args);
}
