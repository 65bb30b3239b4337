// Web platform: emscripten_set_main_loop_arg drives frames (rendering only when something
// changed), the JS bridge (ca_command, ca_load_dataset, events), WebGL context loss/restore.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>
#include <string_view>
#include <vector>

#include "app/args.h"
#include "core/commands.h"
#include "core/diagnostics.h"
#include "imgui.h"
#include "platform/sdl_gl.h"

EM_JS(void, js_emit, (const char* type, const char* json), {
    if (Module.onChipatlasEvent) Module.onChipatlasEvent(UTF8ToString(type), UTF8ToString(json));
});

namespace ca {
namespace {

struct WebState {
    App* app = nullptr;
    Gfx gfx;
    double last = 0;
    int settle = 3;
    unsigned rendered_version = 0;
    bool export_png = false;
    bool context_lost = false;
    bool dataerror_sent = false;  // App has reported why its data did not load
    std::vector<uint8_t> png;
};
WebState* g_web = nullptr;

void loop(void* arg) {
    WebState& w = *static_cast<WebState*>(arg);
    SDL_Event e;
    bool got = false;
    while (SDL_PollEvent(&e)) {
        got = true;
        gfx_handle_event(w.gfx, *w.app, e);
    }
    double now = emscripten_get_now();
    double dt = w.last > 0 ? (now - w.last) / 1000.0 : 1.0 / 60;
    w.last = now;
    if (w.context_lost) return;
    if (got) w.settle = 3;
    const bool needed = got || w.settle > 0 || w.app->wants_frames() || w.export_png ||
                        w.app->model().version() != w.rendered_version || w.app->fonts_dirty();
    if (!needed) return;  // nothing changed and nothing plays: skip the frame
    gfx_render(w.gfx, *w.app, dt > 0.1 ? 0.1 : dt);
    w.rendered_version = w.app->model().version();
    --w.settle;
    w.app->after_render();
    if (w.export_png) {
        w.export_png = false;
        int pw, ph;
        gfx_read_pixels(w.gfx, w.png, pw, ph);
        std::string json = "{\"width\":" + std::to_string(pw) + ",\"height\":" + std::to_string(ph) +
                           ",\"ptr\":" + std::to_string(reinterpret_cast<uintptr_t>(w.png.data())) + "}";
        js_emit("png", json.c_str());
    }
}

EM_BOOL on_context_lost(int, const void*, void* arg) {
    static_cast<WebState*>(arg)->context_lost = true;
    return EM_TRUE;  // preventDefault: the browser may restore the context
}

EM_BOOL on_context_restored(int, const void*, void* arg) {
    WebState& w = *static_cast<WebState*>(arg);
    w.context_lost = false;
    gfx_recreate_device_objects(w.gfx);
    w.settle = 3;
    js_emit("contextrestored", "{}");
    return EM_TRUE;
}

}  // namespace

int run_platform(const AppArgs& args) {
    g_web = new WebState();
    g_web->app = new App([](const char* type, const std::string& json) {
        if (std::string_view(type) == "dataerror") g_web->dataerror_sent = true;
        js_emit(type, json.c_str());
    });
    AppConfig cfg = args.config;
    cfg.web = true;
    bool ok = g_web->app->start(cfg);
    std::string err;
    if (!gfx_init(g_web->gfx, 1024, 768, false, err)) {
        js_emit("fatal", fatal_event_json("cannot create a WebGL2 context: " + err).c_str());
        return 1;
    }
    if (!ok) {
        // Data with errors was reported by the dataerror event; start() can also fail before
        // loading (a --data file that cannot be opened), which only errors() tells.
        if (!g_web->dataerror_sent) {
            std::string why = format_diagnostics(g_web->app->errors());
            while (!why.empty() && why.back() == '\n') why.pop_back();
            js_emit("fatal", fatal_event_json("cannot start: " + why).c_str());
        }
        return 1;
    }
    emscripten_set_webglcontextlost_callback("#canvas", g_web, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", g_web, EM_TRUE, on_context_restored);
    emscripten_set_main_loop_arg(loop, g_web, 0, false);
    return 0;
}

}  // namespace ca

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* ca_command(const char* json) {
    static std::string reply;
    if (!ca::g_web || !ca::g_web->app) return "{\"ok\":false,\"error\":\"not started\"}";
    ca::CommandResult r = ca::handle_command(ca::g_web->app->model(), json ? json : "");
    if (r.export_png) ca::g_web->export_png = true;
    reply = std::move(r.reply);
    return reply.c_str();
}

EMSCRIPTEN_KEEPALIVE int ca_load_dataset(const char* name, const char* data, size_t size) {
    if (!ca::g_web || !ca::g_web->app) return 0;
    const std::string_view text = data ? std::string_view(data, size) : std::string_view();
    return ca::g_web->app->load_text(name ? name : "dataset.json", text) ? 1 : 0;
}

}
