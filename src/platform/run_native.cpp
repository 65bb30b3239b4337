// Native platform: a plain while loop over SDL events, plus the headless modes used by tests,
// docs and benchmarks: --screenshot (one PNG) and --bench (one JSON line of timings).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "app/args.h"
#include "imgui.h"
#include "platform/sdl_gl.h"

namespace ca {
namespace {

using Clock = std::chrono::steady_clock;

void print_errors(const App& app) {
    for (auto& d : app.errors()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

int screenshot(Gfx& g, App& app, const AppArgs& args) {
    for (int i = 0; i < args.screenshot_frames; ++i) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) gfx_handle_event(g, app, e);
        gfx_render(g, app, 1.0 / 60);
        app.after_render();
        if (i + 1 < args.screenshot_frames) SDL_GL_SwapWindow(g.window);
    }
    std::vector<uint8_t> px;
    int w, h;
    gfx_read_pixels(g, px, w, h);
    if (!stbi_write_png(args.screenshot.c_str(), w, h, 4, px.data(), w * 4)) {
        std::fprintf(stderr, "chipatlas: cannot write %s\n", args.screenshot.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d)\n", args.screenshot.c_str(), w, h);
    return 0;
}

int bench(Gfx& g, App& app, const AppArgs& args, double load_ms) {
    app.model().play();
    std::vector<double> cpu, gl, map, visib;
    size_t vtx_max = 0, cmd_max = 0, vtx_sum = 0, cmd_sum = 0;
    for (int i = 0; i < args.bench_frames; ++i) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) gfx_handle_event(g, app, e);
        gfx_render(g, app, 1.0 / 60);
        if (!app.model().view().playing) app.model().play();
        SDL_GL_SwapWindow(g.window);
        // Let a software rasteriser finish before the next frame is timed, so the UI's CPU time
        // is not measured while llvmpipe's threads hold both cores.
        gfx_finish(g);
        if (i < 5) continue;  // warm-up: fonts, first layout
        cpu.push_back(g.ui_ms);
        gl.push_back(g.gl_ms);
        map.push_back(app.ui().map_ms);
        visib.push_back(app.ui().visibility_ms);
        ImDrawData* dd = ImGui::GetDrawData();
        size_t cmds = 0;
        for (int l = 0; l < dd->CmdListsCount; ++l) cmds += dd->CmdLists[l]->CmdBuffer.Size;
        vtx_max = std::max(vtx_max, static_cast<size_t>(dd->TotalVtxCount));
        cmd_max = std::max(cmd_max, cmds);
        vtx_sum += dd->TotalVtxCount;
        cmd_sum += cmds;
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(gl.begin(), gl.end());
    auto median = [](std::vector<double>& v) {
        if (v.empty()) return 0.0;
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        return v[v.size() / 2];
    };
    const double gl_median = median(gl), map_median = median(map), vis_median = median(visib);
    auto pct = [&](double p) { return cpu.empty() ? 0.0 : cpu[std::min(cpu.size() - 1, static_cast<size_t>(p * cpu.size()))]; };
    const Dataset& ds = app.model().data();
    int w, h;
    SDL_GL_GetDrawableSize(g.window, &w, &h);
    std::printf("{\"dataset\":\"%s\",\"organisations\":%zu,\"collaborations\":%zu,\"size\":\"%dx%d\",\"frames\":%zu,"
                "\"load_validate_ms\":%.1f,\"frame_ms_median\":%.3f,\"frame_ms_p95\":%.3f,\"map_ms_median\":%.3f,\"visibility_ms_median\":%.3f,\"gl_submit_ms_median\":%.3f,\"draw_calls_avg\":%.0f,"
                "\"draw_calls_max\":%zu,\"vertices_avg\":%.0f,\"vertices_max\":%zu}\n",
                app.model().dataset_name().c_str(), ds.organisations.size(), ds.collaborations.size(), w, h, cpu.size(), load_ms,
                pct(0.5), pct(0.95), map_median, vis_median, gl_median, cpu.empty() ? 0.0 : static_cast<double>(cmd_sum) / cpu.size(), cmd_max,
                cpu.empty() ? 0.0 : static_cast<double>(vtx_sum) / cpu.size(), vtx_max);
    return 0;
}

}  // namespace

int run_platform(const AppArgs& args) {
    App app(nullptr);
    auto t0 = Clock::now();
    if (!app.start(args.config)) {
        print_errors(app);
        return 1;
    }
    double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    Gfx g;
    std::string err;
    if (!gfx_init(g, args.width, args.height, false, err)) {
        std::fprintf(stderr, "chipatlas: cannot open a window: %s\n", err.c_str());
        return 1;
    }
    int rc = 0;
    if (!args.screenshot.empty()) rc = screenshot(g, app, args);
    else if (args.bench) rc = bench(g, app, args, load_ms);
    else {
        bool running = true;
        auto last = Clock::now();
        int settle = 3;
        while (running) {
            SDL_Event e;
            bool got = false;
            // Sleep in the event wait when nothing animates (no busy loop on the desktop).
            if (!app.wants_frames() && settle <= 0 && SDL_WaitEventTimeout(&e, 250)) {
                got = true;
                running = gfx_handle_event(g, app, e);
            }
            while (SDL_PollEvent(&e)) { got = true; running = gfx_handle_event(g, app, e) && running; }
            if (got) settle = 3;
            auto now = Clock::now();
            double dt = std::chrono::duration<double>(now - last).count();
            last = now;
            gfx_render(g, app, std::min(dt, 0.1));
            app.after_render();
            SDL_GL_SwapWindow(g.window);
            --settle;
        }
    }
    gfx_shutdown(g);
    return rc;
}

}  // namespace ca
