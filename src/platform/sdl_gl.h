// SDL2 + OpenGL (GL 3 / WebGL2) shared by the native and web platforms: window, context, ImGui
// backends, event handling (including pinch), rendering and read-back. run_native.cpp and
// run_web.cpp add their loop and what differs (events to a page, PNG files, presenting).
#pragma once
#include <SDL.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/platform.h"

namespace ca {

// The platform's own gate for open_url: "http://" or "https://" (any case) and a host, no
// control characters or spaces. (The app's fuller check is core's is_web_url.)
bool has_web_scheme(std::string_view url);
// The longest URL open_url passes on.
inline constexpr std::size_t kMaxUrlBytes = 2048;

class SdlGlPlatform : public Platform {
public:
    explicit SdlGlPlatform(PlatformApp& app) : app_(app) {}
    // Opens the window (the page's #canvas on the web), the GL context and ImGui.
    bool open(int width, int height, bool hidden, std::string& error);
    void close();
    // Feeds one event to ImGui and the app (pinch); returns false on quit.
    bool handle_event(const SDL_Event& e);
    // Re-creates GL objects after a WebGL context loss.
    void recreate_device_objects();

    bool pump_events() override;
    void render(double dt) override;
    void present() override;
    void finish() override;
    void read_pixels(std::vector<uint8_t>& rgba, int& width, int& height) override;
    void drawable_size(int& width, int& height) const override;
    FrameTimings last_frame() const override { return timings_; }

protected:
    PlatformApp& app_;

private:
    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    float dpr_ = 1;
    bool imgui_ready_ = false;
    bool frame_marked_ = false;  // the first render's steps marked once (mark)
    bool gl_objects_ = false;    // ImGui's shaders, buffers and font texture made (its first NewFrame)
    const char* glsl_ = "";
    FrameTimings timings_;
};

}  // namespace ca
