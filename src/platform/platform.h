// The platform layer's whole interface (sokol_app / hello_imgui style). The platform owns the
// window, the GL context, ImGui's SDL and OpenGL backends and the main loop; the app implements
// PlatformApp and owns every policy (what a pinch does, what a command means, what is reported
// to the page, the --screenshot and --bench modes). Nothing in src/platform includes app/, ui/
// or core/: the app reaches the platform through this header only.
// One implementation per platform, chosen by CMake: run_native.cpp (SDL2 + OpenGL 3) and
// run_web.cpp (Emscripten + WebGL2), over the shared sdl_gl.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

// Where the time of the last frame went.
struct FrameTimings {
    double ui_ms = 0;  // building the UI: ImGui::NewFrame, PlatformApp::frame, ImGui::Render (CPU)
    double gl_ms = 0;  // handing ImGui's draw data to GL
};

// One file of a dataset the page hands over: its name (shown in errors) and its bytes as given.
struct DatasetText {
    std::string name;
    std::string_view text;
    // With load_datasets_in_place: text's own bytes, writable, with a NUL after them, which the
    // load may overwrite (it parses them in place: no copy).
    char* scratch = nullptr;
};

// What load_datasets_in_place did.
enum class LoadOutcome { Refused, Loaded, TextNeeded };

struct ClearColor {
    float r = 0, g = 0, b = 0, a = 1;  // a = 0: transparent (an embedding page shows through)
};

// What the platform offers the app, from PlatformApp::start on. One implementation per platform.
class Platform {
public:
    virtual ~Platform() = default;
    // True in a web page: events reach the page, pointers may be fingers.
    virtual bool browser() const = 0;
    // Sends an event to the page (Module.onChipatlasEvent(type, json)); does nothing natively.
    virtual void emit(const char* type, const std::string& json) = 0;
    // Opens a link the user followed, in a new tab or the system's browser. Natively: http(s)
    // addresses only (SDL_OpenURL). On the web the page gets an "openurl" event and opens http(s)
    // or same-origin relative URLs only (web/js/origins.js openableUrl), with noopener and
    // noreferrer. URLs over kMaxUrlBytes or with NUL are refused here (false): the app checks
    // its URLs too, and this is the last gate on the C++ side.
    virtual bool open_url(const std::string& url) = 0;
    // Marks a start-up phase for the page's measurements (web: performance.mark(name), e.g.
    // "ca:data"; docs/benchmarks.md, "First frame"); does nothing natively. name: a literal.
    virtual void mark(const char*) {}

    // The rest needs the window, the GL context and ImGui: from PlatformApp::drive (frames the
    // app drives itself) and the per-frame calls, not from start().
    // Hands pending input to ImGui and the app; false once the user asked to quit.
    virtual bool pump_events() = 0;
    // Builds and draws one frame: the app's fonts when they changed (or the pixel ratio did),
    // ImGui::NewFrame, PlatformApp::frame(dt), ImGui::Render, clear and GL draw. No present.
    virtual void render(double dt) = 0;
    virtual void present() = 0;  // swaps buffers (the browser presents by itself)
    virtual void finish() = 0;   // waits until GL has finished all submitted work (benchmarks)
    // Reads the back buffer of the frame just rendered as RGBA, top row first.
    virtual void read_pixels(std::vector<uint8_t>& rgba, int& width, int& height) = 0;
    virtual void drawable_size(int& width, int& height) const = 0;  // in pixels
    virtual FrameTimings last_frame() const = 0;
    // Writes RGBA pixels (top row first) to a PNG file; false when it cannot (no file system
    // on the web).
    virtual bool write_png(const std::string& path, const uint8_t* rgba, int width, int height) = 0;
};

// What the app gives the platform. All calls come from the main thread.
class PlatformApp {
public:
    virtual ~PlatformApp() = default;

    // Before the window opens: loads the data and applies the start-up options. False when the
    // app cannot run; run_platform then calls failed("") once the window is open (or at once
    // natively, where no window is opened for an app that cannot run).
    virtual bool start(Platform& p) = 0;
    // run_platform gives up: `why` says what the platform could not do (no window or GL
    // context), or is empty after start() returned false. The app tells the user or the page.
    virtual void failed(std::string_view why) = 0;
    // Whether the app drives its frames itself (drive) instead of the platform's event loop.
    virtual bool drives_frames() const = 0;
    // Called once the window is open when drives_frames(): runs frames through p (pump_events,
    // render, present, read_pixels) and returns the process exit status. Native only.
    virtual int drive(Platform& p) = 0;

    // Each frame: fonts first (only when fonts_dirty(), or the device pixel ratio changed, or
    // ImGui has none), then frame(dt) between ImGui::NewFrame and ImGui::Render (dt in
    // seconds), the clear colour, and after_render once the frame is drawn.
    virtual bool fonts_dirty() const = 0;
    virtual void rebuild_fonts(float dpr) = 0;
    virtual void frame(double dt) = 0;
    virtual ClearColor clear_color() const = 0;
    virtual void after_render() = 0;
    // True while something animates or waits for a frame: the platform keeps rendering.
    virtual bool wants_frames() const = 0;
    // True while the app has nothing to show yet (the page's dataset is on its way): the web
    // draws no frame, and the page's loading notice stays.
    virtual bool holds_frames() const { return false; }
    // Changes whenever what the app shows changed: the web skips frames while it stays the same.
    virtual unsigned state_version() const = 0;

    // Input beyond what ImGui gets: a finger touched, moved or lifted at (x, y) (window
    // points). Two fingers pinch and pan the map; ImGui gets the first finger as the mouse.
    enum class TouchPhase { Down, Move, Up };
    virtual void on_touch(TouchPhase phase, int64_t finger, float x, float y) = 0;

    // From the page (web): a JSON command, answered with JSON; a dataset of one or more files to
    // load together (ids resolve across the files; on any error the shown dataset stays; no
    // files: the bundled data again). Then,
    // when `hash` is not null, that view state is applied, whether the files loaded or not (a
    // link's view is applied only once its dataset is there). Only after start().
    virtual std::string command(std::string_view json) = 0;
    virtual bool load_datasets(const std::vector<DatasetText>& files, const std::string* hash) = 0;
    // The same, parsing each file's scratch bytes in place where it can (a large dataset then
    // takes its size less memory). TextNeeded: the load had something to report (errors,
    // warnings), which needs the texts as given; nothing changed: load_datasets again with them.
    virtual LoadOutcome load_datasets_in_place(const std::vector<DatasetText>& files, const std::string* hash) {
        return load_datasets(files, hash) ? LoadOutcome::Loaded : LoadOutcome::Refused;
    }
    // From the page (web): the bytes of a font file holding glyphs the dataset needs; false when
    // refused. The fonts are rebuilt before the next frame.
    virtual bool add_font_data(std::string_view) { return false; }
    // From the page (web): a message catalogue (compiled .mo bytes) for the locale id it names,
    // after the app asked for it; false when refused. Shown from the next frame.
    virtual bool add_catalogue_data(std::string_view /*locale*/, std::string_view) { return false; }
};

struct PlatformConfig {
    int width = 1280, height = 800;  // native window size in points (the web canvas sizes itself)
};

// Runs the app: start, the window, then the platform's loop (or the app's drive). Natively it
// returns when the window closes; on the web it returns once the browser drives the frames, and
// the app must outlive it.
int run_platform(PlatformApp& app, const PlatformConfig& cfg);

}  // namespace ca
