// chipatlas entry point: parse options, validate when asked, otherwise hand the app over to the
// platform (a native window, or the browser's requestAnimationFrame).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/args.h"
#include "app/format_cli.h"
#include "app/validate.h"

namespace {

// The system's preferred languages: GNU's LANGUAGE list first, then LC_ALL, LC_MESSAGES and
// LANG (POSIX names such as "ko_KR.UTF-8"; choose_locale reads them and passes over "C").
std::vector<std::string> system_locales() {
    std::string list;
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) list += std::string(list.empty() ? "" : ":") + v;
    }
    return ca::split_locale_list(list);
}

}  // namespace

int main(int argc, char** argv) {
    ca::AppArgs args = ca::parse_args(argc, argv);
    if (!args.error.empty() || args.help) {
        if (!args.error.empty()) std::fprintf(stderr, "chipatlas: %s\n", args.error.c_str());
        std::fputs(ca::usage_text(), args.help ? stdout : stderr);
        return args.help ? 0 : 2;
    }
    if (args.do_validate) return ca::validate_files(args.validate, false, args.sources_dir);
    if (args.do_format) return ca::format_files(args.format, args.format_check);
    if (args.format_check) {
        std::fputs("chipatlas: --check goes with --format\n", stderr);
        return 2;
    }
    if (!args.sources_dir.empty() && args.config.data_files.empty()) {
        std::fputs("chipatlas: --sources goes with --validate, or with --data (edit mode's source texts)\n", stderr);
        return 2;
    }
    args.config.sources_dir = args.sources_dir;
    if (args.config.locales.empty()) args.config.locales = system_locales();
    // Static: on the web the browser keeps calling into the app after main returns.
    static ca::App app(args.config, args.drive);
    return ca::run_platform(app, {args.width, args.height});
}
