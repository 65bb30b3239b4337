// Headless fingerprints of the whole UI's draw data (no window, no GL), for before/after
// comparisons of refactors the screenshots cannot reach: hovering every spot of the map and of
// the timeline, clicking every organisation and cluster (selection, spider, flights), every
// region, mode, selection, language and theme. Prints one line per scenario: its name and a
// hash of every frame's vertices, indices and draw commands (and of the model's URL state).
// Built and run by tools/screens/compare.sh (drawhash); compare two outputs with diff.
// Usage: drawhash [--data FILE.json] [--quick]   (another dataset: fewer clicks, a coarser sweep)
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/embedded.h"
#include "imgui.h"
#include "ui/ui.h"

namespace {

struct Hasher {
    uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, size_t n) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    template <class T> void pod(const T& v) { bytes(&v, sizeof v); }
};

struct Harness {
    ca::AppModel m;
    ca::ui::UiContext ui;
    std::string text;  // the dataset file, kept alive for the loader
    Hasher run;        // hash of the frames of the current scenario
    Harness(const char* data, float w, float h) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(w, h);
        io.IniFilename = nullptr;
        std::vector<ca::InputFile> in;
        if (data) {
            std::ifstream f(data, std::ios::binary);
            std::stringstream ss;
            ss << f.rdbuf();
            text = ss.str();
            in.push_back({data, text});
        } else {
            for (auto& f : ca::embedded_dataset()) in.push_back({f.name, f.text()});
        }
        ca::LoadResult r = ca::load_dataset(in);
        if (!r.ok()) { std::fprintf(stderr, "drawhash: cannot load the dataset\n"); std::exit(1); }
        m.set_dataset(std::move(r.dataset), "data");
        ca::ui::init_ui(ui);
        ca::ui::load_fonts(ui.fonts, m.data(), 1.0f);
        unsigned char* px;
        int tw, th;
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
    }
    ~Harness() { ImGui::DestroyContext(); }
    void frame(float dt = 1.0f / 60) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = dt;
        ImGui::NewFrame();
        m.tick(dt);
        ca::ui::draw_ui(m, ui);
        ImGui::Render();
        ImDrawData* dd = ImGui::GetDrawData();
        for (int l = 0; l < dd->CmdListsCount; ++l) {
            const ImDrawList* dl = dd->CmdLists[l];
            run.bytes(dl->VtxBuffer.Data, sizeof(ImDrawVert) * static_cast<size_t>(dl->VtxBuffer.Size));
            run.bytes(dl->IdxBuffer.Data, sizeof(ImDrawIdx) * static_cast<size_t>(dl->IdxBuffer.Size));
            for (const ImDrawCmd& c : dl->CmdBuffer) {
                run.pod(c.ClipRect);
                run.pod(c.ElemCount);
                run.pod(c.VtxOffset);
                run.pod(c.IdxOffset);
            }
        }
        run.pod(m.hover_org);
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }
    void mouse_away() { mouse(-FLT_MAX, -FLT_MAX, false); }
    void click(float x, float y) {
        mouse(x, y, false);
        frame();
        mouse(x, y, true);
        frame();
        mouse(x, y, false);
        frame();
    }
    // Starts a scenario: the view state from a hash, a region, frames until flights land.
    void setup(const std::string& hash, ca::RegionPreset p) {
        mouse_away();
        frame();
        click(-1000, -1000);  // nothing: clears nothing, but releases any press
        std::vector<std::string> warnings;
        m.select("");
        m.apply_hash(hash, warnings);
        for (auto& w : warnings) std::fprintf(stderr, "drawhash: %s\n", w.c_str());
        m.fly_to(p);
        ui.spider = -1;
        for (int i = 0; i < 90; ++i) frame();
        run = Hasher{};
    }
    void report(const std::string& name) {
        run.bytes(m.hash().data(), m.hash().size());
        std::printf("%s %016llx\n", name.c_str(), static_cast<unsigned long long>(run.h));
        run = Hasher{};
    }
};

const char* kPresets[] = {"all", "gba", "korea", "taiwan", "japan"};

}  // namespace

int main(int argc, char** argv) {
    const char* data = nullptr;
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
        else if (!std::strcmp(argv[i], "--quick")) quick = true;
    }
    Harness h(data, 1280, 800);
    const char* modes[] = {"snapshot", "window", "cumulative"};
    std::vector<std::string> sels = {""};
    if (!data) sels = {"", "astri", "motie_global_packaging", "ase"};
    const std::string when = data ? "2015-06-01" : "2023-09-01";
    for (int p = 0; p < 5; ++p) {
        for (const char* mode : modes) {
            for (const std::string& sel : sels) {
                for (const char* extra : {"", "&lang=both", "&lang=native&theme=dark"}) {
                    const std::string hash = "#t=" + when + "&mode=" + mode + (sel.empty() ? "" : "&sel=" + sel) + extra;
                    const std::string name = std::string(kPresets[p]) + " " + hash;
                    h.setup(hash, static_cast<ca::RegionPreset>(p));
                    h.frame();
                    h.report(name + " still");
                    if (quick || (extra[0] && sel != "")) continue;
                    // Hover over each organisation's position, then click it (node or cluster).
                    std::vector<ca::Vec2> spots;
                    for (const ca::Organisation& o : h.m.data().organisations) {
                        if (!o.has_coords) continue;
                        const ca::Vec2 s = h.m.camera().world_to_screen(ca::project({o.lat, o.lon}));
                        if (s.x > 0 && s.y > 0 && s.x < 1280 && s.y < 800) spots.push_back(s);
                        if (spots.size() >= (data ? 6u : 40u)) break;
                    }
                    for (const ca::Vec2& s : spots) {
                        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), false);
                        h.frame();
                        h.frame();
                    }
                    h.report(name + " hover-orgs");
                    if (sel != "" || extra[0]) continue;
                    for (const ca::Vec2& s : spots) {
                        h.setup(hash, static_cast<ca::RegionPreset>(p));
                        h.click(static_cast<float>(s.x), static_cast<float>(s.y));
                        for (int i = 0; i < 50; ++i) h.frame();
                        // Sweep around the spot (spider legs, the new selection's partners).
                        for (int dy = -60; dy <= 60; dy += 10)
                            for (int dx = -60; dx <= 60; dx += 10) {
                                h.mouse(static_cast<float>(s.x + dx), static_cast<float>(s.y + dy), false);
                                h.frame();
                            }
                        h.mouse_away();
                        h.click(5, 400);  // empty map (closes a spider)
                        h.frame();
                        char b[64];
                        std::snprintf(b, sizeof b, " click %.0f,%.0f", s.x, s.y);
                        h.report(name + b);
                    }
                    if (std::strcmp(mode, "cumulative") != 0) continue;
                    // Sweep the whole window (map, panels, timeline).
                    h.setup(hash, static_cast<ca::RegionPreset>(p));
                    const int step = data ? 24 : 12;  // a large dataset's frames are slower
                    for (int y = 0; y < 800; y += step)
                        for (int x = 0; x < 1280; x += step) {
                            h.mouse(static_cast<float>(x), static_cast<float>(y), false);
                            h.frame();
                        }
                    h.report(name + " sweep");
                    // The timeline: hover along the event row and the track, click the events.
                    h.setup(hash, static_cast<ca::RegionPreset>(p));
                    const ca::TimeAxis ax = h.ui.track;
                    for (double x = ax.x0 - 10; x <= ax.x1 + 10; x += 1.5) {
                        h.mouse(static_cast<float>(x), h.ui.track_y0 + 6, false);
                        h.frame();
                        h.mouse(static_cast<float>(x), (h.ui.track_y0 + h.ui.track_y1) / 2, false);
                        h.frame();
                    }
                    h.report(name + " timeline-hover");
                    for (const ca::Event& e : h.m.data().events) {
                        h.click(static_cast<float>(ax.time_to_px(ca::first_day(e.date))), h.ui.track_y0 + 6);
                        h.frame();
                    }
                    h.report(name + " timeline-events");
                    // Drag the playhead across the track.
                    h.mouse(static_cast<float>(ax.x0) + 1, h.ui.track_y0 + 30, false);
                    h.frame();
                    for (int i = 0; i <= 40; ++i) {
                        h.mouse(static_cast<float>(ax.x0 + (ax.x1 - ax.x0) * i / 40.0), h.ui.track_y0 + 30, true);
                        h.frame();
                    }
                    h.mouse_away();
                    h.frame();
                    h.report(name + " timeline-drag");
                }
            }
        }
    }
    return 0;
}
