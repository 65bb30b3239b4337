// Parsing of the command line into AppArgs; unknown options are an error with the usage text.
// FILE lists run until the next option.
#include "app/args.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ca {

const char* usage_text() {
    return "usage: chipatlas [options]\n"
           "  --validate FILE...      check dataset files; print FILE:LINE:COL: error: ID (POINTER): MESSAGE; exit 1 if invalid\n"
           "  --sources DIR           with --validate: every quote must occur in its source's text in DIR;\n"
           "                          with --data: edit mode's source texts (default: sources/ beside the data)\n"
           "  --format FILE...        rewrite dataset files into the canonical format (key order, indentation)\n"
           "  --check                 with --format: only list the files that are not canonical; exit 1 if any\n"
           "  --data FILE...          run on these dataset files instead of the bundled data\n"
           "  --screenshot OUT.png    render one frame without interaction and write a PNG\n"
           "  --size WxH              window size (default 1280x800)\n"
           "  --hash '#t=...&mode=...'  initial view state, as in the web page's URL\n"
           "  --region all|gba|korea|taiwan|japan   start on a region preset\n"
           "  --locales ko-KR,en      preferred interface languages, best first (default: the system locale)\n"
           "  --bench [--frames N]    render headless and print one JSON line of timings\n"
           "  --edit                  open the editor (with --data FILE...: Save writes those files in place)\n"
           "  --embed, --dark, --reduced-motion, --system-theme dark|light\n"
           "  --system-colours LIST   draw with a forced-colours scheme (the page's contrast theme): Canvas,\n"
           "                          CanvasText, LinkText, GrayText, Highlight, HighlightText, ButtonFace,\n"
           "                          ButtonText as #rrggbb, comma-separated\n";
}

AppArgs parse_args(int argc, char** argv) {
    AppArgs a;
    auto files_after = [&](int& i, std::vector<std::string>& out) {
        while (i + 1 < argc && std::strncmp(argv[i + 1], "--", 2) != 0) out.emplace_back(argv[++i]);
    };
    for (int i = 1; i < argc; ++i) {
        std::string o = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                a.error = o + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (o == "--validate") {
            a.do_validate = true;
            files_after(i, a.validate);
        } else if (o == "--sources") {
            if (value(a.sources_dir)) files_after(i, a.validate);  // --validate --sources DIR FILE...
        } else if (o == "--format") {
            a.do_format = true;
            files_after(i, a.format);
        } else if (o == "--check") {
            a.format_check = true;
            files_after(i, a.format);  // --format --check FILE...
        } else if (o == "--data") {
            files_after(i, a.config.data_files);
            if (a.config.data_files.empty()) a.error = "--data needs a file";
        } else if (o == "--data-pending") {
            a.config.data_pending = true;
        } else if (o == "--screenshot")
            value(a.drive.screenshot);
        else if (o == "--size") {
            if (value(v) && std::sscanf(v.c_str(), "%dx%d", &a.width, &a.height) != 2) a.error = "--size expects WxH";
        } else if (o == "--hash")
            value(a.config.hash);
        else if (o == "--region")
            value(a.config.region);
        else if (o == "--locales") {
            if (value(v)) a.config.locales = split_locale_list(v);
        } else if (o == "--bench")
            a.drive.bench = true;
        else if (o == "--frames") {
            if (value(v)) a.drive.bench_frames = std::atoi(v.c_str());
        } else if (o == "--edit")
            a.config.edit = true;
        else if (o == "--embed")
            a.config.embed = true;
        else if (o == "--dark")
            a.config.system_dark = true;
        else if (o == "--system-theme") {
            if (value(v)) a.config.system_dark = v == "dark";
        } else if (o == "--system-colours") {
            std::string why;
            SystemColours c;
            if (value(v) && !parse_system_colours(v, c, why)) a.error = "--system-colours: " + why;
            if (a.error.empty()) a.config.forced_colours = c;
        } else if (o == "--reduced-motion")
            a.config.reduced_motion = true;
        else if (o == "--help" || o == "-h")
            a.help = true;
        else
            a.error = "unknown option " + o;
        if (!a.error.empty()) break;
    }
    return a;
}

}  // namespace ca
