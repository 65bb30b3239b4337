// The frames the app drives itself through the platform's services (native, headless use by
// tests, docs and benchmarks): --screenshot (a few frames, the last one to a PNG) and --bench
// (plays the timeline and prints one JSON line of timings; on the web, ?bench=1 runs the same
// frames and the line also goes to the page as a "bench" event).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "imgui.h"

namespace ca {
namespace {

constexpr double kFrameDt = 1.0 / 60;

// The dataset's name inside the JSON line: quotes, backslashes and control bytes escaped, capped.
std::string json_escaped(const std::string& in) {
    std::string out;
    for (char c : in.substr(0, 200)) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        out += c;
    }
    return out;
}

int screenshot(App& app, Platform& p, const DriveOptions& opt) {
    for (int i = 0; i < opt.screenshot_frames; ++i) {
        p.pump_events();
        p.render(kFrameDt);
        app.after_render();
        if (i + 1 < opt.screenshot_frames) p.present();
    }
    std::vector<uint8_t> px;
    int w, h;
    p.read_pixels(px, w, h);
    if (!p.write_png(opt.screenshot, px.data(), w, h)) {
        std::fprintf(stderr, "chipatlas: cannot write %s\n", opt.screenshot.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d)\n", opt.screenshot.c_str(), w, h);
    // What the `audit` command would say of this frame: text or panels cut off.
    for (const std::string& c : app.ui().audit.clipped) std::printf("clipped: %s\n", c.c_str());
    return 0;
}

// Per-frame figures of a benchmark run, and their summary.
struct BenchSamples {
    std::vector<double> cpu, gl, map, visib;
    size_t vtx_max = 0, cmd_max = 0, vtx_sum = 0, cmd_sum = 0;

    void add(const FrameTimings& t, const ui::UiContext& ui, const ImDrawData& dd) {
        cpu.push_back(t.ui_ms);
        gl.push_back(t.gl_ms);
        map.push_back(ui.map_ms);
        visib.push_back(ui.visibility_ms);
        size_t cmds = 0;
        for (int l = 0; l < dd.CmdListsCount; ++l) cmds += dd.CmdLists[l]->CmdBuffer.Size;
        vtx_max = std::max(vtx_max, static_cast<size_t>(dd.TotalVtxCount));
        cmd_max = std::max(cmd_max, cmds);
        vtx_sum += dd.TotalVtxCount;
        cmd_sum += cmds;
    }
    static double median(std::vector<double>& v) {
        if (v.empty()) return 0.0;
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    }
    // Percentile of the UI's CPU time (cpu sorted first).
    double cpu_pct(double p) const { return cpu.empty() ? 0.0 : cpu[std::min(cpu.size() - 1, static_cast<size_t>(p * cpu.size()))]; }
    double avg(size_t sum) const { return cpu.empty() ? 0.0 : static_cast<double>(sum) / cpu.size(); }
};

int bench(App& app, Platform& p, const DriveOptions& opt) {
    app.model().play();
    BenchSamples s;
    for (int i = 0; i < opt.bench_frames; ++i) {
        p.pump_events();
        p.render(kFrameDt);
        if (!app.model().view().playing) app.model().play();
        p.present();
        // Let a software rasteriser finish before the next frame is timed, so the UI's CPU time
        // is not measured while llvmpipe's threads hold both cores.
        p.finish();
        if (i < 5) continue;  // warm-up: fonts, first layout
        s.add(p.last_frame(), app.ui(), *ImGui::GetDrawData());
    }
    std::sort(s.cpu.begin(), s.cpu.end());
    std::sort(s.gl.begin(), s.gl.end());
    const double gl_median = BenchSamples::median(s.gl), map_median = BenchSamples::median(s.map),
                 vis_median = BenchSamples::median(s.visib);
    const Dataset& ds = app.model().data();
    int w, h;
    p.drawable_size(w, h);
    char json[1024];
    std::snprintf(
        json, sizeof json,
        "{\"dataset\":\"%s\",\"organisations\":%zu,\"collaborations\":%zu,\"size\":\"%dx%d\",\"frames\":%zu,"
        "\"load_validate_ms\":%.1f,\"frame_ms_median\":%.3f,\"frame_ms_p95\":%.3f,\"map_ms_median\":%.3f,\"visibility_ms_median\":%.3f,"
        "\"gl_submit_ms_median\":%.3f,\"draw_calls_avg\":%.0f,"
        "\"draw_calls_max\":%zu,\"vertices_avg\":%.0f,\"vertices_max\":%zu}",
        json_escaped(app.model().dataset_name()).c_str(), ds.organisations.size(), ds.collaborations.size(), w, h, s.cpu.size(),
        app.start_ms(), s.cpu_pct(0.5), s.cpu_pct(0.95), map_median, vis_median, gl_median, s.avg(s.cmd_sum), s.cmd_max, s.avg(s.vtx_sum),
        s.vtx_max);
    std::printf("%s\n", json);
    std::fflush(stdout);
    p.emit("bench", json);  // the web page's ?bench=1 (web/js/bench.js); nothing natively
    return 0;
}

}  // namespace

int App::drive(Platform& p) {
    if (!drive_.screenshot.empty()) return screenshot(*this, p, drive_);
    return bench(*this, p, drive_);
}

}  // namespace ca
