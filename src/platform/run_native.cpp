// Native platform: a plain while loop over SDL events that sleeps while nothing animates, or the
// app's own frames (--screenshot, --bench: PlatformApp::drive); PNG files through stb.
#include <algorithm>
#include <chrono>
#include <cstdio>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include "platform/sdl_gl.h"

namespace ca {
namespace {

using Clock = std::chrono::steady_clock;

class NativePlatform final : public SdlGlPlatform {
public:
    using SdlGlPlatform::SdlGlPlatform;
    bool browser() const override { return false; }
    void emit(const char*, const std::string&) override {}
    bool open_url(const std::string& url) override {
        if (url.size() <= kMaxUrlBytes && has_web_scheme(url) && SDL_OpenURL(url.c_str()) == 0) return true;
        std::fprintf(stderr,
                     "chipatlas: cannot open %.200s here (http(s) links only; the licence notices are in LICENSE and the web build's "
                     "dist/licenses/)\n",
                     url.c_str());
        return false;
    }
    bool write_png(const std::string& path, const uint8_t* rgba, int w, int h) override {
        return stbi_write_png(path.c_str(), w, h, 4, rgba, w * 4) != 0;
    }
    void event_loop();
};

void NativePlatform::event_loop() {
    bool running = true;
    auto last = Clock::now();
    int settle = 3;
    while (running) {
        SDL_Event e;
        bool got = false;
        // Sleep in the event wait when nothing animates (no busy loop on the desktop).
        if (!app_.wants_frames() && settle <= 0 && SDL_WaitEventTimeout(&e, 250)) {
            got = true;
            running = handle_event(e);
        }
        while (SDL_PollEvent(&e)) {
            got = true;
            running = handle_event(e) && running;
        }
        if (got) settle = 3;
        auto now = Clock::now();
        double dt = std::chrono::duration<double>(now - last).count();
        last = now;
        render(std::min(dt, 0.1));
        app_.after_render();
        present();
        --settle;
    }
}

}  // namespace

int run_platform(PlatformApp& app, const PlatformConfig& cfg) {
    NativePlatform p(app);
    if (!app.start(p)) {
        app.failed({});
        return 1;
    }
    std::string err;
    if (!p.open(cfg.width, cfg.height, false, err)) {
        app.failed("cannot open a window: " + err);
        return 1;
    }
    int rc = 0;
    if (app.drives_frames())
        rc = app.drive(p);
    else
        p.event_loop();
    p.close();
    return rc;
}

}  // namespace ca
