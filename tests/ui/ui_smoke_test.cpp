// Headless ImGui smoke test (no backend, as ImPlot's CI does): the full UI over the bundled
// data for hundreds of frames with synthetic input — drag the playhead, click, zoom, select;
// and the map's batched arc lines against ImGui's own AddPolyline.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "core/app_model.h"
#include "core/embedded.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/line_batch.h"
#include "ui/ui.h"

namespace {

struct Harness {
    ca::AppModel m;
    ca::ui::UiContext ui;
    Harness(float w = 1280, float h = 800) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(w, h);
        io.IniFilename = nullptr;
        std::vector<ca::InputFile> in;
        for (auto& f : ca::embedded_dataset()) in.push_back({f.name, f.text()});
        ca::LoadResult r = ca::load_dataset(in);
        REQUIRE(r.ok());
        m.set_dataset(std::move(r.dataset), "bundled");
        ca::ui::init_ui(ui);
        ca::ui::load_fonts(ui.fonts, m.data(), 1.0f);
        unsigned char* px;
        int tw, th;
        io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
        REQUIRE(tw > 0);
        REQUIRE(tw <= 4096);
        REQUIRE(th <= 4096);
    }
    ~Harness() { ImGui::DestroyContext(); }
    void frame(float dt = 1.0f / 60) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = dt;
        ImGui::NewFrame();
        m.tick(dt);
        ca::ui::draw_ui(m, ui);
        ImGui::Render();
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }
};

int visible_count(ca::AppModel& m) {
    int n = 0;
    for (auto v : m.visibility().collab) n += v != ca::Vis::Hidden;
    return n;
}

}  // namespace

TEST_CASE("the UI runs 500 frames over the bundled data with synthetic input") {
    Harness h;
    for (int i = 0; i < 500; ++i) {
        float t = i / 500.0f;
        h.mouse(200 + 800 * t, 300 + 100 * std::sin(t * 10), (i / 40) % 2 == 1);
        ImGui::GetIO().MouseWheel = (i % 97 == 0) ? 1.0f : 0.0f;
        h.frame();
    }
    REQUIRE(h.ui.drawn_nodes + h.ui.drawn_clusters > 0);
    REQUIRE(ImGui::GetDrawData()->TotalVtxCount > 1000);
}

TEST_CASE("dragging the playhead changes what is visible") {
    Harness h;
    h.m.set_mode(ca::TimeMode::Cumulative);
    h.frame();
    h.frame();
    const ca::TimeAxis ax = h.ui.track;
    const float y = (h.ui.track_y0 + h.ui.track_y1) / 2 + 6;
    // Press at the very start of the track: nothing has started yet.
    h.mouse(static_cast<float>(ax.x0) + 1, y, false);
    h.frame();
    h.mouse(static_cast<float>(ax.x0) + 1, y, true);
    h.frame();
    h.frame();
    const int early = visible_count(h.m);
    const double t_early = h.m.view().t;
    // Drag to the end: everything has started.
    for (int i = 1; i <= 20; ++i) {
        h.mouse(static_cast<float>(ax.x0 + (ax.x1 - ax.x0) * i / 20.0), y, true);
        h.frame();
    }
    h.mouse(static_cast<float>(ax.x1) - 1, y, false);
    h.frame();
    const int late = visible_count(h.m);
    CHECK(h.m.view().t > t_early + 365);
    CHECK(early < late);
    CHECK(late == static_cast<int>(h.m.data().collaborations.size()));
}

TEST_CASE("clicking an organisation selects it and opens its details") {
    Harness h;
    h.m.set_mode(ca::TimeMode::Cumulative);
    h.m.set_time(h.m.axis().t1);
    h.m.fly_to(ca::RegionPreset::Taiwan);
    for (int i = 0; i < 90; ++i) h.frame();  // let the flight land
    // Find an unclustered node on screen via the hit targets: try every organisation position.
    int selected = -1;
    for (size_t i = 0; i < h.m.data().organisations.size() && selected < 0; ++i) {
        const auto& o = h.m.data().organisations[i];
        if (!o.has_coords || o.region != ca::Region::Taiwan) continue;
        ca::Vec2 s = h.m.camera().world_to_screen(ca::project({o.lat, o.lon}));
        if (s.x < 300 || s.x > 900 || s.y < 120 || s.y > 600) continue;
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), false);
        h.frame();
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), true);
        h.frame();
        h.mouse(static_cast<float>(s.x), static_cast<float>(s.y), false);
        h.frame();
        if (!h.m.view().selected.empty()) selected = static_cast<int>(i);
    }
    REQUIRE(selected >= 0);
    REQUIRE(h.m.selection().valid());
    h.frame();
    ImGuiWindow* details = ImGui::FindWindowByName("Details");
    REQUIRE(details != nullptr);
    CHECK(details->Active);
}

TEST_CASE("on a phone-width screen the legend folds while the details sheet is open") {
    Harness h(390, 740);
    for (int i = 0; i < 3; ++i) h.frame();
    ImGuiWindow* legend = ImGui::FindWindowByName("Legend & filters");
    REQUIRE(legend != nullptr);
    REQUIRE(h.ui.legend_open);
    CHECK_FALSE(legend->Collapsed);
    REQUIRE(h.m.select("ase"));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK(legend->Collapsed);
    CHECK(h.ui.legend_open);  // the user's choice is kept for later
    REQUIRE(h.m.select(""));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK_FALSE(legend->Collapsed);
}

TEST_CASE("on a wide screen the legend stays open beside the details") {
    Harness h(1280, 800);
    REQUIRE(h.m.select("ase"));
    for (int i = 0; i < 3; ++i) h.frame();
    CHECK_FALSE(ImGui::FindWindowByName("Legend & filters")->Collapsed);
    CHECK(ImGui::FindWindowByName("Details")->Active);
}

TEST_CASE("a 320x240 embed still lays out the timeline and map") {
    Harness h(320, 240);
    h.m.set_embed(true);
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.ui.timeline_height <= 240 * 0.45f);
    CHECK(h.ui.track.x1 > h.ui.track.x0);
}

TEST_CASE("a line batch draws the same vertices and indices as one AddPolyline per line") {
    Harness h;
    ImGui::NewFrame();
    ImDrawList batched(ImGui::GetDrawListSharedData()), direct(ImGui::GetDrawListSharedData());
    for (ImDrawList* dl : {&batched, &direct}) {
        dl->_ResetForNewFrame();
        dl->PushClipRectFullScreen();
        dl->PushTextureID(ImGui::GetIO().Fonts->TexID);
    }
    REQUIRE((batched.Flags & ImDrawListFlags_AntiAliasedLinesUseTex) != 0);
    ca::ui::LineBatch lb;
    unsigned seed = 12345;
    auto rnd = [&] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % 10000 / 10000.0f;
    };
    const float widths[] = {1, 2, 3, 9, 10, 0.5f, 1.6f, 70};  // whole pixels (the textured path) and others
    for (int batch = 0; batch < 200; ++batch) {
        const float w = widths[batch % 8];
        const ImU32 col = IM_COL32(batch, 255 - batch, 40, 200);
        const int lines = 1 + batch % 5;
        for (int l = 0; l < lines; ++l) {
            ImVec2 pts[64];
            const int n = static_cast<int>(rnd() * 63) + 1;  // one point too: nothing drawn
            for (int i = 0; i < n; ++i) {
                pts[i] = ImVec2(rnd() * 1200, rnd() * 800);
                if (i > 0 && rnd() < 0.1f) pts[i] = pts[i - 1];  // zero-length segments
            }
            lb.add(pts, n);
            direct.AddPolyline(pts, n, col, 0, w);
        }
        lb.flush(&batched, col, w);
    }
    REQUIRE(batched.VtxBuffer.Size == direct.VtxBuffer.Size);
    REQUIRE(batched.IdxBuffer.Size == direct.IdxBuffer.Size);
    REQUIRE(batched._VtxCurrentIdx == direct._VtxCurrentIdx);
    CHECK(batched.CmdBuffer.back().ElemCount == direct.CmdBuffer.back().ElemCount);
    CHECK(std::memcmp(batched.VtxBuffer.Data, direct.VtxBuffer.Data, sizeof(ImDrawVert) * direct.VtxBuffer.Size) == 0);
    CHECK(std::memcmp(batched.IdxBuffer.Data, direct.IdxBuffer.Data, sizeof(ImDrawIdx) * direct.IdxBuffer.Size) == 0);
    ImGui::EndFrame();
}
