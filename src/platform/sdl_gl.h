// SDL2 + OpenGL (GL 3 / WebGL2) set-up shared by the native and web platforms: window,
// context, ImGui backends, event handling (including pinch), rendering and read-back.
#pragma once
#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ca {
class App;

struct Gfx {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    float dpr = 1;
    bool imgui_ready = false;
    const char* glsl = "";
    double ui_ms = 0, gl_ms = 0;  // last frame: building the UI (CPU), and GL submission
};

bool gfx_init(Gfx& g, int width, int height, bool hidden, std::string& error);
void gfx_shutdown(Gfx& g);
// Feeds one event to ImGui and the app (pinch zoom); returns false on quit.
bool gfx_handle_event(Gfx& g, App& app, const SDL_Event& e);
// Builds one frame: fonts if needed, NewFrame, app.frame, Render, GL draw (no swap).
void gfx_render(Gfx& g, App& app, double dt);
// Waits until GL has finished all submitted work (benchmarks).
void gfx_finish(Gfx& g);
// Reads the back buffer as RGBA, top row first.
void gfx_read_pixels(Gfx& g, std::vector<uint8_t>& rgba, int& w, int& h);
// Re-creates GL objects after a WebGL context loss.
void gfx_recreate_device_objects(Gfx& g);

}  // namespace ca
