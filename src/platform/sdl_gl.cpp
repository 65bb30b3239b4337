// The GL side of both platforms. GL ES 3.0 (WebGL2) on the web, GL 3.2 core natively; ImGui's
// SDL and OpenGL3 backends from Debian's imgui source package; DPR-aware font baking.
#include "platform/sdl_gl.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

namespace ca {

bool has_web_scheme(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() <= p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    if (!starts("http://") && !starts("https://")) return false;
    return std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

static float drawable_ratio(SDL_Window* w) {
    int ww, wh, dw, dh;
    SDL_GetWindowSize(w, &ww, &wh);
    SDL_GL_GetDrawableSize(w, &dw, &dh);
    return ww > 0 ? std::max(1.0f, static_cast<float>(dw) / ww) : 1.0f;
}

bool SdlGlPlatform::open(int width, int height, bool hidden, std::string& error) {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        error = SDL_GetError();
        return false;
    }
    mark("ca:gl-sdl");
#ifdef __EMSCRIPTEN__
    const char* glsl = "#version 300 es";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 8);  // so an embed can be transparent
#else
    const char* glsl = "#version 150";
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (hidden ? SDL_WINDOW_HIDDEN : 0);
    window_ = SDL_CreateWindow("chipatlas", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (!window_) {
        error = SDL_GetError();
        return false;
    }
    mark("ca:gl-window");
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) {
        error = std::string("cannot create an OpenGL context: ") + SDL_GetError();
        return false;
    }
    mark("ca:gl-context");
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: state lives in the URL
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init(glsl);
    glsl_ = glsl;
    dpr_ = drawable_ratio(window_);
    imgui_ready_ = true;
    return true;
}

void SdlGlPlatform::close() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
    window_ = nullptr;
    gl_ = nullptr;
    imgui_ready_ = false;
    gl_objects_ = false;
}

bool SdlGlPlatform::handle_event(const SDL_Event& e) {
    if (e.type == SDL_MOUSEWHEEL) {
        // ImGui 1.86's backend counts any wheel event as one notch, whatever its size (a 300 px
        // delta scrolled as far as a 100 px one). SDL's precise value is in notches (on the web
        // 100 CSS px of delta): a panel scrolls about 100 px per notch, the map zooms one step.
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheel += e.wheel.preciseY;
        if (e.wheel.x != 0) io.MouseWheelH += e.wheel.x > 0 ? 1.0f : -1.0f;
        return true;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) return false;
    if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERMOTION || e.type == SDL_FINGERUP) {
        int w, h;
        SDL_GetWindowSize(window_, &w, &h);
        const auto phase = e.type == SDL_FINGERDOWN ? PlatformApp::TouchPhase::Down
                           : e.type == SDL_FINGERUP ? PlatformApp::TouchPhase::Up
                                                    : PlatformApp::TouchPhase::Move;
        app_.on_touch(phase, static_cast<int64_t>(e.tfinger.fingerId), e.tfinger.x * w, e.tfinger.y * h);
    }
    return true;
}

bool SdlGlPlatform::pump_events() {
    bool running = true;
    SDL_Event e;
    while (SDL_PollEvent(&e)) running = handle_event(e) && running;
    return running;
}

// Draw commands recorded before the font atlas had a texture (no id) get its texture.
static void give_atlas_texture(ImDrawData& dd, ImTextureID atlas) {
    for (int l = 0; l < dd.CmdListsCount; ++l)
        for (ImDrawCmd& c : dd.CmdLists[l]->CmdBuffer)
            if (c.TextureId == ImTextureID{}) c.TextureId = atlas;
}

void SdlGlPlatform::render(double dt) {
    float dpr = drawable_ratio(window_);
    if (app_.fonts_dirty() || std::abs(dpr - dpr_) > 0.01f || !ImGui::GetIO().Fonts->IsBuilt()) {
        dpr_ = dpr;
        app_.rebuild_fonts(dpr);
        if (gl_objects_) {  // before the first NewFrame, it makes the texture from this atlas
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    // The first render's steps, for the start-up phases (docs/benchmarks.md, "First frame").
    const bool marking = !frame_marked_;
    frame_marked_ = true;
    if (marking) mark("ca:frame-atlas");  // font atlas built
    // ImGui's GL objects are made by the backend's first NewFrame, which waits for software GL to
    // have compiled the shaders: the first frame's UI is built before that, while it compiles
    // (docs/benchmarks.md, "First frame, sixth pass"), and its commands get the atlas's texture after.
    const bool first_objects = !gl_objects_;
    if (!first_objects) ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::GetIO().DeltaTime = static_cast<float>(std::max(1e-4, dt));
    const Uint64 t0 = SDL_GetPerformanceCounter();
    ImGui::NewFrame();
    app_.frame(dt);
    ImGui::Render();
    const Uint64 t1 = SDL_GetPerformanceCounter();
    if (marking) mark("ca:frame-ui");
    if (first_objects) {
        ImGui_ImplOpenGL3_NewFrame();  // compiles ImGui's shaders, uploads the atlas
        gl_objects_ = true;
        give_atlas_texture(*ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexID);
        if (marking) mark("ca:frame-shaders");
    }
    int fw, fh;
    SDL_GL_GetDrawableSize(window_, &fw, &fh);
    glViewport(0, 0, fw, fh);
    const ClearColor c = app_.clear_color();
    glClearColor(c.r, c.g, c.b, c.a);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (marking) mark("ca:frame-gl");
    const double f = 1000.0 / static_cast<double>(SDL_GetPerformanceFrequency());
    timings_.ui_ms = static_cast<double>(t1 - t0) * f;
    timings_.gl_ms = static_cast<double>(SDL_GetPerformanceCounter() - t1) * f;
}

void SdlGlPlatform::present() { SDL_GL_SwapWindow(window_); }

void SdlGlPlatform::finish() { glFinish(); }

void SdlGlPlatform::drawable_size(int& w, int& h) const { SDL_GL_GetDrawableSize(window_, &w, &h); }

void SdlGlPlatform::read_pixels(std::vector<uint8_t>& rgba, int& w, int& h) {
    SDL_GL_GetDrawableSize(window_, &w, &h);
    rgba.resize(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    // GL's first row is the bottom one.
    const size_t row = static_cast<size_t>(w) * 4;
    std::vector<uint8_t> tmp(row);
    for (int y = 0; y < h / 2; ++y) {
        uint8_t* a = rgba.data() + y * row;
        uint8_t* b = rgba.data() + (h - 1 - y) * row;
        std::copy(a, a + row, tmp.begin());
        std::copy(b, b + row, a);
        std::copy(tmp.begin(), tmp.end(), b);
    }
}

void SdlGlPlatform::recreate_device_objects() {
    // A full re-initialisation: the backend's cached buffer sizes must be forgotten too, or
    // glBufferSubData writes past the new, empty buffers.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init(glsl_);
    ImGui_ImplOpenGL3_CreateDeviceObjects();
}

}  // namespace ca
