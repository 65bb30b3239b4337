// A headless Platform for the app tests: its own ImGui context, frames drawn without a window,
// the events the app emits recorded; `browser` makes it stand for the web page.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "platform/platform.h"

namespace ca::test {

class HeadlessPlatform : public ca::Platform {
public:
    explicit HeadlessPlatform(ca::PlatformApp& app, ImVec2 size = ImVec2(1280, 800), bool browser = false) : app_(app), browser_(browser) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = size;
        io.KeyMap[ImGuiKey_Z] = 'Z';
    }
    ~HeadlessPlatform() override { ImGui::DestroyContext(); }
    HeadlessPlatform(const HeadlessPlatform&) = delete;
    HeadlessPlatform& operator=(const HeadlessPlatform&) = delete;

    bool browser() const override { return browser_; }
    void emit(const char* type, const std::string& json) override { events.emplace_back(type, json); }
    bool open_url(const std::string&) override { return true; }
    bool pump_events() override { return true; }
    void render(double dt) override {
        ImGuiIO& io = ImGui::GetIO();
        if (app_.fonts_dirty() || !io.Fonts->IsBuilt()) {
            app_.rebuild_fonts(1.0f);
            unsigned char* px;
            int w, h;
            io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        }
        io.DeltaTime = static_cast<float>(dt);
        ImGui::NewFrame();
        app_.frame(dt);
        ImGui::Render();
    }
    void present() override {}
    void finish() override {}
    void read_pixels(std::vector<uint8_t>& rgba, int& w, int& h) override {
        w = h = 1;
        rgba.assign(4, 0);
    }
    void drawable_size(int& w, int& h) const override {
        w = static_cast<int>(ImGui::GetIO().DisplaySize.x);
        h = static_cast<int>(ImGui::GetIO().DisplaySize.y);
    }
    ca::FrameTimings last_frame() const override { return {1, 1}; }
    bool write_png(const std::string&, const uint8_t*, int, int) override { return false; }

    // One frame, as the platform's loop runs it.
    void step() {
        render(1.0 / 60);
        app_.after_render();
    }
    // The last event of that type ("" when none), and how many there were.
    std::string last(const std::string& type) const {
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            if (it->first == type) return it->second;
        return {};
    }
    size_t count(const std::string& type) const {
        size_t n = 0;
        for (const auto& e : events) n += e.first == type;
        return n;
    }
    std::vector<std::pair<std::string, std::string>> events;

private:
    ca::PlatformApp& app_;
    bool browser_;
};

}  // namespace ca::test
