// Web platform: emscripten_set_main_loop_arg drives frames (rendering only when something
// changed), the JS bridge (ca_command, ca_load_dataset(s), ca_add_font, events), WebGL context loss/restore.
// What the commands mean and which events the page gets is the app's (PlatformApp).
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "platform/sdl_gl.h"

EM_JS(void, js_emit, (const char* type, const char* json), {
    var on = Module['onChipatlasEvent'];  // quoted: Closure renames dotted names, the page sets this one
    if (on) on(UTF8ToString(type), UTF8ToString(json));
});

// The page decides what it opens (web/js/events.js: http(s) or same-origin, noopener).
EM_JS(void, js_open_url, (const char* url), {
    var on = Module['onChipatlasEvent'];
    if (on) on('openurl', JSON.stringify({url : UTF8ToString(url)}));
});

// A start-up phase for the page's measurements (tools/bench/first_frame.mjs).
EM_JS(void, js_mark, (const char* name), {
    if (typeof performance == 'object' && performance.mark) performance.mark(UTF8ToString(name));
});

namespace ca {
namespace {

class WebPlatform final : public SdlGlPlatform {
public:
    using SdlGlPlatform::SdlGlPlatform;
    bool browser() const override { return true; }
    void emit(const char* type, const std::string& json) override { js_emit(type, json.c_str()); }
    void mark(const char* name) override { js_mark(name); }
    bool open_url(const std::string& url) override {
        if (url.size() > kMaxUrlBytes || url.find('\0') != std::string::npos) return false;
        js_open_url(url.c_str());
        return true;
    }
    void present() override {}  // the browser shows the canvas after each animation frame
    // WebGL's finish() need not wait for the GPU process: reading a pixel back does, so that a
    // benchmark's next CPU frame is not timed while a software rasteriser still draws.
    void finish() override {
        glFinish();
        unsigned char px[4];
        glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    }
    bool write_png(const std::string&, const uint8_t*, int, int) override { return false; }

    PlatformApp& app() { return app_; }
    // One frame, unless the last animation frame is to be left to the browser; whether it drew.
    bool loop();
    // The first frame is drawn by the page's call right after main, in that task: the browser
    // shows it with its next rendering update, after that update's animation-frame callbacks.
    // The loop leaves that first callback alone, so that the frame is shown then, not a second
    // frame (the whole atlas and a redraw, ~40-60 ms) first: docs/benchmarks.md, "Session 17".
    void leave_next_animation_frame() { leave_next_ = true; }
    void context_lost() { context_lost_ = true; }
    void context_restored();

private:
    double last_ = 0;
    int settle_ = 3;
    unsigned rendered_version_ = 0;
    bool context_lost_ = false;
    bool leave_next_ = false;
    // Key-ups whose key went down in the same frame: ImGui 1.86 reads keys as down/up states
    // once a frame, so a press shorter than a frame (a test driver, an on-screen keyboard,
    // switch access) would never be seen; the key-up waits for the next frame.
    std::vector<SDL_Event> late_keyups_;
    std::vector<SDL_Scancode> pressed_;  // keys that went down in this frame
};
WebPlatform* g_web = nullptr;
bool g_looping = false;  // the main loop is set: the app started and has its context

bool WebPlatform::loop() {
    if (leave_next_) {
        leave_next_ = false;
        return false;
    }
    SDL_Event e;
    bool got = !late_keyups_.empty();
    for (const SDL_Event& up : late_keyups_) handle_event(up);
    late_keyups_.clear();
    pressed_.clear();
    while (SDL_PollEvent(&e)) {
        got = true;
        if (e.type == SDL_KEYDOWN) pressed_.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYUP && std::find(pressed_.begin(), pressed_.end(), e.key.keysym.scancode) != pressed_.end()) {
            late_keyups_.push_back(e);
            continue;
        }
        handle_event(e);
    }
    double now = emscripten_get_now();
    double dt = last_ > 0 ? (now - last_) / 1000.0 : 1.0 / 60;
    last_ = now;
    if (context_lost_ || app_.holds_frames()) return false;
    if (got) settle_ = 3;
    const bool needed = got || settle_ > 0 || app_.wants_frames() || app_.state_version() != rendered_version_ || app_.fonts_dirty();
    if (!needed) return false;  // nothing changed and nothing plays: skip the frame
    render(dt > 0.1 ? 0.1 : dt);
    rendered_version_ = app_.state_version();
    --settle_;
    app_.after_render();
    return true;
}

void WebPlatform::context_restored() {
    context_lost_ = false;
    recreate_device_objects();
    settle_ = 3;
    emit("contextrestored", "{}");
}

void loop(void* arg) { static_cast<WebPlatform*>(arg)->loop(); }  // the browser's animation frames

EM_BOOL on_context_lost(int, const void*, void* arg) {
    static_cast<WebPlatform*>(arg)->context_lost();
    return EM_TRUE;  // preventDefault: the browser may restore the context
}

EM_BOOL on_context_restored(int, const void*, void* arg) {
    static_cast<WebPlatform*>(arg)->context_restored();
    return EM_TRUE;
}

}  // namespace

// The app and the platform outlive this function: the browser calls loop() from now on.
int run_platform(PlatformApp& app, const PlatformConfig&) {
    g_web = new WebPlatform(app);
    g_web->mark("ca:main");
    const bool ok = app.start(*g_web);
    std::string err;
    if (!g_web->open(1024, 768, false, err)) {
        app.failed("cannot create a WebGL2 context: " + err);
        return 1;
    }
    g_web->mark("ca:gl");  // the WebGL2 context and ImGui's backends
    if (!ok) {
        app.failed({});
        return 1;
    }
    emscripten_set_webglcontextlost_callback("#canvas", g_web, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", g_web, EM_TRUE, on_context_restored);
    emscripten_set_main_loop_arg(loop, g_web, 0, false);
    g_looping = true;
    return 0;
}

}  // namespace ca

extern "C" {

// One frame now (the page calls it once, right after main: the first frame need not wait for
// the next animation frame); the main loop goes on, leaving that next animation frame to the
// browser to show this one.
EMSCRIPTEN_KEEPALIVE void ca_frame() {
    if (ca::g_web && ca::g_looping && ca::g_web->loop()) ca::g_web->leave_next_animation_frame();
}

EMSCRIPTEN_KEEPALIVE const char* ca_command(const char* json) {
    static std::string reply;
    if (!ca::g_web) return "{\"ok\":false,\"error\":\"not started\"}";
    reply = ca::g_web->app().command(json ? json : "");
    return reply.c_str();
}

EMSCRIPTEN_KEEPALIVE int ca_load_dataset(const char* name, const char* data, size_t size) {
    if (!ca::g_web) return 0;
    const std::string_view text = data ? std::string_view(data, size) : std::string_view();
    return ca::g_web->app().load_datasets({{name ? name : "dataset.json", text}}, nullptr) ? 1 : 0;
}

// Several files loaded as one dataset in one call (all or nothing: on any error the shown
// dataset stays), then the view state `hash` when it is not null. names[i] and datas[i]
// (sizes[i] bytes, no NUL needed) for i < n. in_place: each datas[i] is the page's own copy,
// writable, with a NUL after it, which the load may overwrite; 2 then means that the load had
// something to report and changed nothing: the page copies the bytes again and calls with 0.
EMSCRIPTEN_KEEPALIVE int ca_load_datasets(int n, char* const* names, char* const* datas, const size_t* sizes, const char* hash,
                                          int in_place) {
    if (!ca::g_web || n < 0 || (n > 0 && (!names || !datas || !sizes))) return 0;
    std::vector<ca::DatasetText> files;
    for (int i = 0; i < n; ++i) {
        const std::string_view text = datas[i] ? std::string_view(datas[i], sizes[i]) : std::string_view();
        files.push_back({names[i] ? names[i] : "dataset.json", text, in_place && datas[i] ? datas[i] : nullptr});
    }
    const std::string h = hash ? hash : "";
    if (!in_place) return ca::g_web->app().load_datasets(files, hash ? &h : nullptr) ? 1 : 0;
    switch (ca::g_web->app().load_datasets_in_place(files, hash ? &h : nullptr)) {
        case ca::LoadOutcome::Loaded:
            return 1;
        case ca::LoadOutcome::TextNeeded:
            return 2;
        default:
            return 0;
    }
}

// ?bench=1 (web/js/bench.js): the app's --bench frames (app/drive.cpp), all at once (the page is
// not drawn meanwhile); the JSON line goes to the console and a "bench" event. 0 when the page was
// not started with --bench.
EMSCRIPTEN_KEEPALIVE int ca_bench() {
    if (!ca::g_web || !ca::g_web->app().drives_frames()) return 0;
    return ca::g_web->app().drive(*ca::g_web) == 0 ? 1 : 0;
}

// A message catalogue the page fetched after a "catalogueneeded" event: its locale id and bytes.
EMSCRIPTEN_KEEPALIVE int ca_add_catalogue(const char* locale, const char* data, size_t size) {
    if (!ca::g_web || !locale || !data) return 0;
    return ca::g_web->app().add_catalogue_data(locale, std::string_view(data, size)) ? 1 : 0;
}

// A font slice the page fetched after a "glyphsneeded" event (its bytes; copied by the app).
EMSCRIPTEN_KEEPALIVE int ca_add_font(const char* data, size_t size) {
    if (!ca::g_web || !data) return 0;
    return ca::g_web->app().add_font_data(std::string_view(data, size)) ? 1 : 0;
}
}
