// The app through the platform interface alone (platform/platform.h), with a fake platform and
// a headless ImGui context instead of SDL and GL: the events a page gets and their order, PNG
// export, pinch zoom, commands, start and platform failures, silence natively, and the selection
// kept clear of the details panel or sheet however it was selected.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "../core/fixture.h"
#include "../imgui_frame.h"
#include "app/app.h"
#include "core/embedded.h"
#include "core/story_card.h"
#include "imgui.h"

namespace {

using nlohmann::json;

class FakePlatform final : public ca::Platform {
public:
    FakePlatform(ca::PlatformApp& app, bool browser, ImVec2 size = ImVec2(1280, 800)) : app_(app), browser_(browser), size_(size) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().DisplaySize = size;
    }
    ~FakePlatform() override { ImGui::DestroyContext(); }

    bool browser() const override { return browser_; }
    void emit(const char* type, const std::string& j) override { events.emplace_back(type, j); }
    bool open_url(const std::string& url) override {
        opened.push_back(url);
        return true;
    }
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
        clear = app_.clear_color();
        ++frames;
    }
    void present() override {}
    void finish() override {}
    void read_pixels(std::vector<uint8_t>& rgba, int& w, int& h) override {
        w = 4;
        h = 2;
        rgba.assign(static_cast<size_t>(w) * h * 4, 0x7f);
    }
    void drawable_size(int& w, int& h) const override {
        w = static_cast<int>(size_.x);
        h = static_cast<int>(size_.y);
    }
    ca::FrameTimings last_frame() const override { return {1.5, 0.5}; }
    bool write_png(const std::string&, const uint8_t*, int, int) override { return false; }

    // One frame as the platforms run it: render, then after_render.
    void step() {
        render(1.0 / 60);
        app_.after_render();
    }
    std::vector<std::string> types() const {
        std::vector<std::string> t;
        for (auto& e : events) t.push_back(e.first);
        return t;
    }

    std::vector<std::pair<std::string, std::string>> events;
    std::vector<std::string> opened;  // open_url's calls
    ca::ClearColor clear;
    int frames = 0;

private:
    ca::PlatformApp& app_;
    bool browser_;
    ImVec2 size_;
};

}  // namespace

TEST_CASE("in a browser the first frame reports ready, state, active, height and selection") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    CHECK(p.events.empty());
    p.step();
    CHECK(p.types() == std::vector<std::string>{"ready", "state", "active", "height", "selection"});
    CHECK(p.events[3].second == "{\"px\":793}");  // 1280 × 0.62
    CHECK(p.clear.a == 1.0f);
    CHECK(app.model().frame_ms_median() == 1.5);  // the platform's timing, noted by the app
    p.events.clear();
    p.step();
    CHECK(p.events.empty());  // nothing changed
}

TEST_CASE("commands from the page, and exportPng reads the next frame back") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    p.step();  // settle: a second frame brings no events
    // and the panels settle (a frame whose panels moved asks for another: labels follow them)
    for (int i = 0; i < 8 && app.wants_frames(); ++i) p.step();
    p.events.clear();
    CHECK(json::parse(app.command(R"({"cmd":"getState"})")).value("ok", false));
    CHECK(json::parse(app.command(R"({"cmd":"select","id":"no such id"})")).value("ok", true) == false);
    const bool animating = app.wants_frames();
    CHECK(json::parse(app.command(R"({"cmd":"exportPng"})")).value("ok", false));
    CHECK(app.wants_frames());  // the web renders a frame for it
    p.step();
    REQUIRE(!p.events.empty());
    CHECK(p.events.back().first == "png");
    json png = json::parse(p.events.back().second);
    CHECK(png["width"] == 4);
    CHECK(png["height"] == 2);
    CHECK(png["ptr"].get<uint64_t>() != 0);
    CHECK(*reinterpret_cast<const uint8_t*>(static_cast<uintptr_t>(png["ptr"].get<uint64_t>())) == 0x7f);
    CHECK(app.wants_frames() == animating);
    p.events.clear();
    p.step();
    CHECK(p.types() != std::vector<std::string>{"png"});  // once per command
}

TEST_CASE("a pinch follows the fingers: spread from 100 to 200 px doubles the scale about them") {
    using Phase = ca::PlatformApp::TouchPhase;
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, false);
    REQUIRE(app.start(p));
    p.step();
    const double scale = app.model().camera().scale;
    const ca::Vec2 world = app.model().camera().screen_to_world({640, 400});
    app.on_touch(Phase::Down, 1, 590, 400);
    app.on_touch(Phase::Move, 1, 590, 400);  // one finger: the map is ImGui's to drag
    CHECK(app.model().camera().scale == scale);
    CHECK(!app.ui().touch_gesture);
    app.on_touch(Phase::Down, 2, 690, 400);
    CHECK(app.ui().touch_gesture);
    app.on_touch(Phase::Move, 1, 540, 400);
    app.on_touch(Phase::Move, 2, 740, 400);
    CHECK(app.model().camera().scale == Approx(2 * scale));
    const ca::Vec2 s = app.model().camera().world_to_screen(world);
    CHECK(s.x == Approx(640).margin(0.01));
    CHECK(s.y == Approx(400).margin(0.01));
    app.on_touch(Phase::Up, 1, 540, 400);
    app.on_touch(Phase::Up, 2, 740, 400);
}

TEST_CASE("natively nothing is sent, and the screenshot and bench modes drive the frames") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, false);
    REQUIRE(app.start(p));
    CHECK(!app.drives_frames());
    p.step();
    app.command(R"({"cmd":"play"})");
    p.step();
    CHECK(p.events.empty());
    ca::DriveOptions shot;
    shot.screenshot = "/nonexistent/dir/out.png";
    ca::App headless(ca::AppConfig{}, shot);
    CHECK(headless.drives_frames());
}

TEST_CASE("the screenshot mode renders its frames and reports a file it cannot write") {
    ca::DriveOptions shot;
    shot.screenshot = "out.png";
    ca::App app(ca::AppConfig{}, shot);
    FakePlatform p(app, false);
    REQUIRE(app.start(p));
    CHECK(app.drive(p) == 1);  // the fake platform writes no files
    CHECK(p.frames == shot.screenshot_frames);
}

TEST_CASE("the platform's failure is a fatal event on the web") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    app.failed("cannot create a WebGL2 context: \"no\"");
    REQUIRE(p.types() == std::vector<std::string>{"fatal"});
    CHECK(json::parse(p.events[0].second) == json{{"message", "cannot create a WebGL2 context: \"no\""}});
}

TEST_CASE("a start that fails says why once: dataerror for bad data, fatal for a file it cannot open") {
    SECTION("a file that cannot be opened") {
        ca::AppConfig cfg;
        cfg.data_files = {"/nonexistent/data.json"};
        ca::App app(cfg);
        FakePlatform p(app, true);
        CHECK(!app.start(p));
        CHECK(p.events.empty());
        app.failed({});
        REQUIRE(p.types() == std::vector<std::string>{"fatal"});
        CHECK(json::parse(p.events[0].second)["message"] ==
              "cannot start: /nonexistent/data.json:1:1: error: (document): cannot open file");
    }
    SECTION("data with errors") {
        ca::AppConfig cfg;
        cfg.data_files = {CHIPATLAS_SOURCE_DIR "/tests/data/bad_dataset.json"};
        ca::App app(cfg);
        FakePlatform p(app, true);
        CHECK(!app.start(p));
        REQUIRE(p.types() == std::vector<std::string>{"dataerror"});
        app.failed({});
        CHECK(p.types() == std::vector<std::string>{"dataerror"});
    }
}

TEST_CASE("a dataset from the page replaces the data, or is refused with a dataerror event") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    p.events.clear();
    CHECK(!app.load_dataset("page.json", "{\"organisations\": 3"));
    REQUIRE(p.types() == std::vector<std::string>{"dataerror"});
    CHECK(json::parse(p.events[0].second)["errors"][0]["file"] == "page.json");
    CHECK(app.model().has_data());  // the bundled data stays
}

namespace {
const char* kOrgs = R"({"sources": [{"id": "t_src", "title": "T", "publisher": "P", "file": "none", "url": "https://example.org/t"}],
 "organisations": [
  {"id": "t_a", "name": "Alpha", "kind": "company", "region": "korea", "lat": 36.3, "lon": 127.4, "sources": ["t_src"]},
  {"id": "t_b", "name": "Beta", "kind": "company", "region": "japan", "lat": 34.7, "lon": 135.5, "sources": ["t_src"]}]})";
const char* kLinks = R"({"collaborations": [{"id": "t_link", "title": "Link", "kind": "alliance",
  "participants": [{"org": "t_a", "role": "lead"}, {"org": "t_b", "role": "member"}], "start": "1993-04-01",
  "end": "1999", "summary": "S.", "evidence": [{"source": "t_src", "quote": "T."}]}], "events": []})";
}  // namespace

TEST_CASE("several files from the page load as one dataset, then the link's view applies") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    const std::string hash = "#t=1996-05-01&sel=t_a";
    REQUIRE(app.load_datasets({{"orgs.json", kOrgs}, {"links.json", kLinks}}, &hash));
    CHECK(app.model().dataset_name() == "orgs.json,links.json");
    CHECK(app.model().data().collaborations.size() == 1);
    CHECK(app.model().view().selected == "t_a");  // an id that only the new files have
    p.step();
    const json s = json::parse(app.command(R"({"cmd": "getState"})"));
    CHECK(s["state"]["t"] == "1996-05-01");
    CHECK(s["state"]["dataset"] == "orgs.json,links.json");

    // No files: the bundled, published data again.
    REQUIRE(app.load_datasets({}, nullptr));
    CHECK(app.model().dataset_name() == "bundled");
    CHECK(app.model().data().collaborations.size() > 1);
}

TEST_CASE("with the page's ?data= (--data-pending) start parses no bundled data, the page's dataset is the first shown") {
    ca::AppConfig cfg;
    cfg.data_pending = true;
    ca::App app(cfg);
    FakePlatform p(app, true);
    CHECK(!app.holds_frames());
    REQUIRE(app.start(p));
    CHECK(!app.model().has_data());
    CHECK(app.model().data().collaborations.empty());
    CHECK(app.holds_frames());  // main may run before the page's dataset arrives: nothing to draw yet
    const std::string hash = "#t=1996-05-01&sel=t_a";
    REQUIRE(app.load_datasets({{"orgs.json", kOrgs}, {"links.json", kLinks}}, &hash));
    CHECK(!app.holds_frames());
    p.step();
    REQUIRE(!p.events.empty());
    CHECK(p.events.front().first == "ready");
    CHECK(app.model().dataset_name() == "orgs.json,links.json");
    CHECK(app.model().view().selected == "t_a");
    // The page falls back to the published data when its dataset has errors.
    CHECK(!app.load_datasets({{"bad.json", "{\"organisations\": 3"}}, nullptr));
    REQUIRE(app.load_datasets({}, nullptr));
    CHECK(app.model().dataset_name() == "bundled");
}

TEST_CASE("with --data-pending a refused first dataset stops holding the frames, and a text asked for again does not") {
    ca::AppConfig cfg;
    cfg.data_pending = true;
    ca::App app(cfg);
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    REQUIRE(app.holds_frames());
    std::string text = "{\"organisations\": [], \"x\": 1}";  // a warning: in place, the text is asked for
    text.push_back('\0');
    CHECK(app.load_datasets_in_place({{"w.json", std::string_view(text.data(), text.size() - 1), text.data()}}, nullptr) ==
          ca::LoadOutcome::TextNeeded);
    CHECK(app.holds_frames());
    CHECK(!app.load_datasets({{"bad.json", "{\"organisations\": 3"}}, nullptr));
    CHECK(!app.holds_frames());  // the page loads the published data next; an error panel beats a blank page
}

TEST_CASE("the page's copies are parsed in place, and a load with anything to report changes nothing and asks for the bytes again") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    const size_t bundled = app.model().data().collaborations.size();
    // Writable copies with a NUL after each, as the page's malloc'd ones.
    auto copy = [](const std::string& s) { return std::vector<char>(s.c_str(), s.c_str() + s.size() + 1); };
    auto file = [](const char* name, std::vector<char>& b) {
        return ca::DatasetText{name, std::string_view(b.data(), b.size() - 1), b.data()};
    };
    std::string warned = kLinks;
    warned.insert(warned.find("\"summary\""), "\"colour\": \"red\", ");  // an unknown field: a warning
    auto orgs = copy(kOrgs), links = copy(warned);
    p.events.clear();
    CHECK(app.load_datasets_in_place({file("orgs.json", orgs), file("links.json", links)}, nullptr) == ca::LoadOutcome::TextNeeded);
    CHECK(p.events.empty());  // no dataerror, no datasetchange
    CHECK(app.model().dataset_name() == "bundled");
    CHECK(app.model().data().collaborations.size() == bundled);
    // The page's second call, with the bytes as given: loaded, with the warning placed.
    REQUIRE(app.load_datasets({{"orgs.json", kOrgs}, {"links.json", warned}}, nullptr));
    CHECK(app.model().dataset_name() == "orgs.json,links.json");
    // A clean dataset loads in place at once.
    auto links2 = copy(kLinks), orgs2 = copy(kOrgs);
    const std::string hash = "#sel=t_b";
    CHECK(app.load_datasets_in_place({file("o.json", orgs2), file("l.json", links2)}, &hash) == ca::LoadOutcome::Loaded);
    CHECK(app.model().dataset_name() == "o.json,l.json");
    CHECK(app.model().data().collaborations.at(0).title == "Link");
    CHECK(app.model().view().selected == "t_b");
    // Errors: the same answer (the page then loads the bytes as given, which reports them).
    auto broken = copy("{\"collaborations\": [,]}");
    CHECK(app.load_datasets_in_place({file("broken.json", broken)}, nullptr) == ca::LoadOutcome::TextNeeded);
    CHECK(app.model().dataset_name() == "o.json,l.json");
}

TEST_CASE("a failure in one of several files keeps the shown dataset, and its errors name the file") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    const size_t bundled = app.model().data().collaborations.size();
    p.events.clear();
    CHECK(!app.load_datasets({{"orgs.json", kOrgs}, {"broken.json", "{\"collaborations\": [,]}"}}, nullptr));
    REQUIRE(p.types() == std::vector<std::string>{"dataerror"});
    CHECK(json::parse(p.events[0].second)["errors"][0]["file"] == "broken.json");
    CHECK(app.model().dataset_name() == "bundled");
    CHECK(app.model().data().collaborations.size() == bundled);
}

TEST_CASE("'Read the original' reaches the platform's open_url, a javascript: url never does") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    // What the details panel's button asks for, then the next frame hands it to the platform.
    const std::string url = app.model().data().sources.at(0).url;
    REQUIRE(!url.empty());
    CHECK(app.model().request_open_url(url));
    CHECK_FALSE(app.model().request_open_url("javascript:alert(document.cookie)"));
    CHECK(p.opened.empty());
    p.step();
    CHECK(p.opened == std::vector<std::string>{url});
    p.step();
    CHECK(p.opened.size() == 1);  // once
}

TEST_CASE("the About card's licences link asks the platform to open licenses/index.html") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    REQUIRE(app.ui().show_help);           // a visit without a hash starts with the About card
    for (int i = 0; i < 3; ++i) p.step();  // the card sizes itself to its text over two frames
    const ca::Rect r = app.ui().licences_link;
    REQUIRE(r.x1 > r.x0);
    REQUIRE(r.y1 > r.y0);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(static_cast<float>((r.x0 + r.x1) / 2), static_cast<float>((r.y0 + r.y1) / 2));
    p.step();
    CHECK(p.opened.empty());  // hovering opens nothing
    io.MouseDown[0] = true;
    p.step();
    io.MouseDown[0] = false;
    p.step();
    CHECK(p.opened == std::vector<std::string>{"licenses/index.html"});
    CHECK(app.ui().open_url.empty());  // handed over once
    p.step();
    CHECK(p.opened.size() == 1);
    CHECK(app.ui().show_help);  // the card stays open
}

// The About card's "Take the tour" (a first visit's way into the stories): natively the app tells
// the first story from its first step; in a page it asks the page (which fetches the stories).
TEST_CASE("the About card's Take the tour tells the first story (natively) or asks the page (web)") {
    for (const bool web : {false, true}) {
        CAPTURE(web);
        ca::App app(ca::AppConfig{});
        FakePlatform p(app, web);
        REQUIRE(app.start(p));
        app.ui().show_help = true;  // a page's first visit opens it; natively the "?" does
        for (int i = 0; i < 3; ++i) p.step();
        const ca::Rect r = app.ui().audit.tour;
        REQUIRE(r.x1 > r.x0);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(static_cast<float>((r.x0 + r.x1) / 2), static_cast<float>((r.y0 + r.y1) / 2));
        p.step();
        io.MouseDown[0] = true;
        p.step();
        io.MouseDown[0] = false;
        p.step();
        p.step();
        CHECK_FALSE(app.ui().show_help);  // the card closes
        const auto tours = std::count_if(p.events.begin(), p.events.end(), [](const auto& e) { return e.first == "tour"; });
        if (web) {
            CHECK(tours == 1);
        } else {
            CHECK(tours == 0);
            REQUIRE(app.model().story() != nullptr);
            CHECK(app.model().story()->id == app.model().stories().front().id);
            CHECK(app.model().view().step == 1);
        }
    }
}

TEST_CASE("an embed's About card has no tour: its host tells its own stories") {
    ca::AppConfig cfg;
    cfg.embed = true;
    ca::App app(cfg);
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    app.ui().show_help = true;
    for (int i = 0; i < 3; ++i) p.step();
    CHECK(app.ui().audit.tour.x1 == app.ui().audit.tour.x0);
}

TEST_CASE("natively the About card names the licence files instead of a link") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, false);
    REQUIRE(app.start(p));
    app.ui().show_help = true;
    p.step();
    CHECK(app.ui().licences_link.x1 == app.ui().licences_link.x0);  // no link drawn
    CHECK(p.opened.empty());
}

namespace {
// The tests' own dataset with 龘 (U+9F98, in no bundled name) in an organisation's native name.
std::string dataset_with_new_glyph() {
    std::string j = ca::test::fixture_json();
    const std::string from = "香港應用科技研究院", to = "香港龘研究院";
    j.replace(j.find(from), from.size(), to);
    return j;
}
bool regular_has(char32_t cp) {
    ImFont* f = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    return f && f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}
}  // namespace

TEST_CASE("web: a dataset with characters the bundled fonts lack asks the page for them, a font it sends is merged") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    p.events.clear();
    REQUIRE(app.load_dataset("page.json", dataset_with_new_glyph()));
    p.step();  // the fonts are built: what they lack is asked of the page, once
    auto count = [&] { return std::count_if(p.events.begin(), p.events.end(), [](auto& e) { return e.first == "glyphsneeded"; }); };
    REQUIRE(count() == 1);
    auto it = std::find_if(p.events.begin(), p.events.end(), [](auto& e) { return e.first == "glyphsneeded"; });
    CHECK(json::parse(it->second) == json{{"codepoints", {0x9F98}}, {"count", 1}});
    CHECK_FALSE(regular_has(0x9F98));  // the web never reads system fonts
    // Only font files are taken: by their tag, and at most 4 MB.
    CHECK_FALSE(app.add_font_data("not a font at all"));
    CHECK_FALSE(app.add_font_data(std::string("OTTO", 4)));
    CHECK_FALSE(app.add_font_data(std::string(5u << 20, '\0')));
    const ca::EmbeddedFile* ui = ca::embedded_assets().find("assets/fonts/ui.otf");
    REQUIRE(ui);
    CHECK(app.add_font_data(ui->text()));
    CHECK(app.fonts_dirty());
    p.step();  // rebuilt with the font merged (it has no 龘: still the fallback glyph, no crash)
    CHECK_FALSE(app.fonts_dirty());
    CHECK(count() == 1);  // not asked again for the same dataset
}

TEST_CASE("native: characters the bundled fonts lack come from the system's Noto Sans CJK, unless turned off") {
    const char* ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    FILE* f = std::fopen(ttc, "rb");
    if (!f) {
        WARN("fonts-noto-cjk is not installed: not tested");
        return;
    }
    std::fclose(f);
    for (bool off : {false, true}) {
        if (off)
            setenv("CHIPATLAS_NO_SYSTEM_FONTS", "1", 1);
        else
            unsetenv("CHIPATLAS_NO_SYSTEM_FONTS");
        ca::App app(ca::AppConfig{});
        FakePlatform p(app, false);
        REQUIRE(app.start(p));
        REQUIRE(app.load_dataset("page.json", dataset_with_new_glyph()));
        p.step();
        CHECK(p.events.empty());  // natively nothing is sent
        CHECK(regular_has(0x9F98) == !off);
        CHECK(regular_has(0x9999));  // 香, from the bundled font either way
    }
    unsetenv("CHIPATLAS_NO_SYSTEM_FONTS");
}

namespace {

json locate(ca::App& app, const char* id) { return json::parse(app.command(std::string(R"({"cmd":"locate","id":")") + id + "\"}")); }

// Puts organisation id at screen point (x, y), zoomed in so it is drawn on its own.
void place(ca::App& app, FakePlatform& p, const char* id, double x, double y, double zoom = 16) {
    json at = locate(app, id);
    app.model().zoom_at({at["x"].get<double>(), at["y"].get<double>()}, zoom);
    p.step();
    at = locate(app, id);
    app.model().pan({x - at["x"].get<double>(), y - at["y"].get<double>()});
    p.step();
    at = locate(app, id);
    REQUIRE(at["x"].get<double>() == Approx(x).margin(0.5));
    REQUIRE(at["y"].get<double>() == Approx(y).margin(0.5));
}

// A click as ImGui 1.86 sees it: the pointer over (x, y), the left button down for a frame, then up.
void click(FakePlatform& p, double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    p.step();
    io.MouseDown[0] = true;
    p.step();
    io.MouseDown[0] = false;
    p.step();
}

void check_clear(ca::App& app, FakePlatform& p, const char* id, const char* what) {
    INFO(what);
    for (int i = 0; i < 90; ++i) p.step();  // a flight lasts well under 1.5 s
    const json at = locate(app, id);
    INFO("at " << at.dump());
    CHECK(at["onScreen"] == true);
    CHECK(at["covered"] == false);
    const ca::Vec2 pt{at["x"].get<double>(), at["y"].get<double>()};
    for (const ca::Rect& r : app.ui().last_panels) CHECK_FALSE((pt.x >= r.x0 && pt.x <= r.x1 && pt.y >= r.y0 && pt.y <= r.y1));
}

}  // namespace

TEST_CASE("a click on an organisation under where the details panel opens keeps it in view (desktop)") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    app.model().set_reduced_motion(true);
    app.ui().show_help = false;         // the About card is modal: a first click would only close it
    place(app, p, "astri", 1100, 400);  // where the details panel (right, 380 wide) will be
    CHECK(locate(app, "astri")["covered"] == false);
    click(p, 1100, 400);
    REQUIRE(app.model().view().selected == "astri");
    check_clear(app, p, "astri", "after a click, reduced motion");
}

TEST_CASE("selecting by the host's command keeps the organisation above the phone sheet") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true, ImVec2(390, 844));
    REQUIRE(app.start(p));
    p.step();
    app.model().set_reduced_motion(false);  // it flies there
    place(app, p, "astri", 200, 560);       // where the sheet will be
    REQUIRE(json::parse(app.command(R"({"cmd":"select","id":"astri"})")).value("ok", false));
    check_clear(app, p, "astri", "after the select command, phone");
}

TEST_CASE("a click on the phone and a command on the desktop keep the selection in view too, and a visible one stays put") {
    {
        ca::App app(ca::AppConfig{});
        FakePlatform p(app, true, ImVec2(390, 844));
        REQUIRE(app.start(p));
        p.step();
        app.model().set_reduced_motion(true);
        app.ui().legend_open = false;          // folded, as phones start (the open legend takes the clicks there)
        app.ui().show_help = false;            // the About card is modal: a first click would only close it
        place(app, p, "astri", 190, 600, 48);  // near enough that ASTRI's marker is clear of its neighbours' (no cluster)
        click(p, 190, 600);
        REQUIRE(app.model().view().selected == "astri");
        check_clear(app, p, "astri", "after a click, phone");
    }
    {
        ca::App app(ca::AppConfig{});
        FakePlatform p(app, true);
        REQUIRE(app.start(p));
        p.step();
        app.model().set_reduced_motion(true);
        place(app, p, "astri", 1000, 300);
        app.model().select("astri");  // what the URL hash and the host's select reach
        check_clear(app, p, "astri", "after select, desktop");
        // Now in view: selecting something else nearby in view, and back, moves nothing.
        const json before = locate(app, "astri");
        app.model().select("");
        p.step();
        app.model().select("astri");
        p.step();
        p.step();
        const json after = locate(app, "astri");
        CHECK(after["x"].get<double>() == Approx(before["x"].get<double>()));
        CHECK(after["y"].get<double>() == Approx(before["y"].get<double>()));
    }
}

using ca::test::atlas_glyphs;
using ca::test::frame_geometry;

// The app's own first frames (its start-up view, at desktop and phone sizes, in an embed) drawn
// with the first frame's atlas and with the whole one: the same, a glyph left out would show.
TEST_CASE("web: the app's first frames draw the same with the first frame's atlas as with the whole one") {
    for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(390, 844), ImVec2(320, 240)}) {
        for (const bool embed : {false, true}) {
            std::vector<float> geometry[2];
            for (int whole = 0; whole < 2; ++whole) {
                ca::AppConfig cfg;
                cfg.embed = embed;
                cfg.first_frame_atlas = whole == 0;
                ca::App app(cfg);
                FakePlatform p(app, true, size);
                REQUIRE(app.start(p));
                p.step();
                geometry[whole] = frame_geometry();
            }
            INFO(size.x << "x" << size.y << (embed ? " embed" : ""));
            CHECK(geometry[0].size() == geometry[1].size());
            CHECK(geometry[0] == geometry[1]);
        }
    }
}

// The page's first frame waits only for the glyphs it draws (tests/ui: drawn the same); the
// next frame has them all, without being asked for (the web loop draws while fonts_dirty()).
TEST_CASE("web: the first frame's atlas holds its own glyphs and the next frame's every glyph, natively the first is whole") {
    int first[2] = {0, 0}, second[2] = {0, 0};
    for (int web = 0; web < 2; ++web) {
        ca::App app(ca::AppConfig{});
        FakePlatform p(app, web == 1);
        REQUIRE(app.start(p));
        p.step();
        first[web] = atlas_glyphs();
        CHECK((web == 0 || app.fonts_dirty()));
        p.step();
        second[web] = atlas_glyphs();
        CHECK_FALSE(app.fonts_dirty());
        p.step();
        CHECK(atlas_glyphs() == second[web]);  // built once more, not again and again
    }
    CHECK(first[1] < first[0]);
    CHECK(second[1] == first[0]);
    CHECK(second[0] == first[0]);
    // A view from the link (a selection, names, a story, a camera) or a region: whole at once.
    for (const char* hash : {"sel=astri", "lang=native", "story=east-asia-chip-talent&step=1", "c=24.1,120.7,9", ""}) {
        ca::AppConfig cfg;
        cfg.hash = hash;
        if (!*hash) cfg.region = "korea";
        ca::App app(cfg);
        FakePlatform p(app, true);
        REQUIRE(app.start(p));
        p.step();
        INFO(hash);
        CHECK(atlas_glyphs() >= first[0]);
    }
}

TEST_CASE("a selection from the URL hash is kept clear of the details panel") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    app.model().set_reduced_motion(true);
    place(app, p, "astri", 1150, 500);
    REQUIRE(json::parse(app.command(R"({"cmd":"setHash","hash":"sel=astri"})")).value("ok", false));
    REQUIRE(app.model().view().selected == "astri");
    check_clear(app, p, "astri", "after setHash sel=astri");
}

namespace {
// A story over the bundled data whose caption is in Hangul syllables no bundled font holds.
const char* kHangulStory = R"({"id": "hangul", "title": "Hangul", "steps": [{"view": {"t": "2023-08-29", "selected": "metc"},
  "caption": {"title": "뷁", "text": "똠방각하 펲시콜라"}}]})";

std::string load_story_command(const std::string& name, const std::string& text) {
    return json{{"cmd", "loadStory"}, {"name", name}, {"text", text}}.dump();
}
}  // namespace

TEST_CASE("web: a story with characters the bundled fonts lack asks the page for them, as a dataset does") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    p.step();
    p.events.clear();
    REQUIRE(json::parse(app.command(load_story_command("hangul.json", kHangulStory)))["ok"] == true);
    p.step();  // the fonts are built again with the story's texts: what they lack is asked of the page
    p.step();
    auto it = std::find_if(p.events.begin(), p.events.end(), [](auto& e) { return e.first == "glyphsneeded"; });
    REQUIRE(it != p.events.end());
    const json cps = json::parse(it->second)["codepoints"];
    for (const char32_t cp : {U'뷁', U'똠', U'펲'}) {
        INFO(static_cast<unsigned>(cp));
        CHECK(std::find(cps.begin(), cps.end(), static_cast<unsigned>(cp)) != cps.end());
    }
}

TEST_CASE("a story loaded at run time is checked again against a dataset loaded after it, and kept while it holds") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    // Valid for the bundled data (metc exists there).
    REQUIRE(json::parse(app.command(load_story_command("hangul.json", kHangulStory)))["ok"] == true);
    REQUIRE(app.model().find_story("hangul"));
    // A story citing the runtime dataset's ids is refused against the bundled data...
    const std::string mine = R"({"id": "mine", "title": "Mine", "steps": [{"view": {"t": "1995", "selected": "t_link"},
      "caption": {"title": "A", "text": "B"}}]})";
    CHECK(json::parse(app.command(load_story_command("mine.json", mine)))["ok"] == false);
    // ...and loads against the dataset that has them; the bundled data's story, citing metc,
    // no longer holds there and is left out.
    REQUIRE(app.load_datasets({{"orgs.json", kOrgs}, {"links.json", kLinks}}, nullptr));
    CHECK_FALSE(app.model().find_story("hangul"));
    REQUIRE(json::parse(app.command(load_story_command("mine.json", mine)))["ok"] == true);
    CHECK(app.model().go_to_step("mine", 1));
    // Another load of the same dataset keeps it (checked again, still valid), and the story told.
    REQUIRE(app.load_datasets({{"orgs.json", kOrgs}, {"links.json", kLinks}}, nullptr));
    REQUIRE(app.model().find_story("mine"));
    CHECK(app.model().view().story == "mine");
    // Back to the published data: "mine" goes, "hangul" is back.
    REQUIRE(app.load_datasets({}, nullptr));
    CHECK_FALSE(app.model().find_story("mine"));
    CHECK(app.model().find_story("hangul"));
    CHECK(app.model().view().story.empty());
}

// The "active" event is sent when what it says changes: a listed collaboration that ends (still
// shown, faded) changes its status though the list's ids and total stay (it was not sent then).
TEST_CASE("the active event follows a listed collaboration's status, not only the ids and total") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true);
    REQUIRE(app.start(p));
    p.step();
    REQUIRE(app.load_datasets({{"o.json", kOrgs}, {"c.json", kLinks}}, nullptr));  // one link, 1993-1999
    p.step();
    const ca::Dataset& ds = app.model().data();
    // An end with no collaboration starting around it (the listed ids stay the same).
    double end = -1;
    std::string id;
    for (const ca::Collaboration& c : ds.collaborations) {
        if (!c.interval.has_end) continue;
        const double e = c.interval.hi();  // the first day after its end
        bool quiet = true;
        for (const ca::Collaboration& o : ds.collaborations)
            if (o.interval.lo() >= e - 2 && o.interval.lo() <= e + 1) quiet = false;
        if (quiet) {
            end = e;
            id = c.id;
            break;
        }
    }
    REQUIRE(end > 0);
    app.model().set_time(end - 1.5);  // the last day of it
    p.step();
    p.step();
    p.events.clear();
    app.model().set_time(end + 0.5);  // the day after: shown, faded
    p.step();
    p.step();
    std::string active;
    for (auto& e : p.events)
        if (e.first == "active") active = e.second;
    REQUIRE_FALSE(active.empty());
    const json j = json::parse(active);
    bool found = false;
    for (auto& item : j["items"])
        if (item["id"] == id) {
            found = true;
            CHECK(item["status"] == "ended");
        }
    CHECK(found);
}

namespace {

// The audit's panel whose name starts with name, as [x0, y0, x1, y1] (empty when not drawn).
std::vector<double> audit_panel(ca::App& app, const char* name) {
    const json a = json::parse(app.command(R"({"cmd":"audit"})"));
    for (const json& p : a["panels"])
        if (p["name"].get<std::string>().rfind(name, 0) == 0) return p["rect"].get<std::vector<double>>();
    return {};
}
bool apart(const std::vector<double>& a, const std::vector<double>& b) {
    return a[2] <= b[0] + 0.5 || b[2] <= a[0] + 0.5 || a[3] <= b[1] + 0.5 || b[3] <= a[1] + 0.5;
}

}  // namespace

// A story on a phone (session 19): the step's details covered the story card (320x568) or the map
// (390x844). They now start folded to their bar above the card; a tap on the bar opens them
// between the folded legend and the card, which makes room, and another folds them.
TEST_CASE("a story on a phone: the step's details start folded above the card and open and fold by a tap") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true, ImVec2(390, 844));
    REQUIRE(app.start(p));
    p.step();
    app.model().set_reduced_motion(true);
    app.ui().show_help = false;
    REQUIRE(json::parse(app.command(R"({"cmd":"storyStep","story":"east-asia-chip-talent","step":3})")).value("ok", false));
    for (int i = 0; i < 10; ++i) p.step();
    REQUIRE(app.model().view().selected == "motie_packaging_mou");
    const float bar = ImGui::GetFrameHeight();
    auto details = audit_panel(app, "Details"), story = audit_panel(app, "Story"), legend = audit_panel(app, "Legend");
    REQUIRE(details.size() == 4);
    REQUIRE(story.size() == 4);
    REQUIRE(legend.size() == 4);
    CHECK(details[3] - details[1] == Approx(bar).margin(1));  // folded: its title bar
    CHECK(apart(details, story));
    CHECK(apart(details, legend));
    CHECK(story[1] - details[3] <= 12);  // right above the card
    // A tap on the bar's title (not its arrow, not its close button) opens it.
    click(p, (details[0] + details[2]) / 2, (details[1] + details[3]) / 2);
    for (int i = 0; i < 6; ++i) p.step();
    details = audit_panel(app, "Details"), story = audit_panel(app, "Story");
    REQUIRE(details.size() == 4);
    CHECK(details[3] - details[1] >= ca::kDetailsMinHeight);
    CHECK(apart(details, story));
    CHECK(apart(details, legend));
    CHECK(app.model().view().selected == "motie_packaging_mou");  // the tap selected nothing else
    // Another tap folds it again.
    click(p, (details[0] + details[2]) / 2, details[1] + bar / 2);
    for (int i = 0; i < 6; ++i) p.step();
    details = audit_panel(app, "Details");
    REQUIRE(details.size() == 4);
    CHECK(details[3] - details[1] == Approx(bar).margin(1));
    // Without a story the details open as the phone's sheet, unfolded.
    REQUIRE(json::parse(app.command(R"({"cmd":"exitStory"})")).value("ok", false));
    app.model().select("astri");
    for (int i = 0; i < 6; ++i) p.step();
    details = audit_panel(app, "Details");
    REQUIRE(details.size() == 4);
    CHECK(details[3] - details[1] >= ca::kDetailsMinHeight);
}

// A story's card sizes itself to the step's caption in the frames after the step is entered
// (session 19): on the web, a step's link at 1024x768 left the selected MoU's lead (step 3) and
// the ASE programmes (step 5) under the card (story.test.mjs reproduces that: the web draws a
// frame only when asked). Here, stepping through: each step's selection ends up clear of every
// panel, the card included, and the move is part of the step's view.
TEST_CASE("a story's step keeps its selection clear of the story card on a desktop") {
    ca::App app(ca::AppConfig{});
    FakePlatform p(app, true, ImVec2(1024, 768));
    REQUIRE(app.start(p));
    p.step();
    app.model().set_reduced_motion(true);
    app.ui().show_help = false;
    const std::pair<int, const char*> steps[] = {{2, "astri"}, {3, "motie"}, {5, "ase_kaohsiung"}};
    for (const auto& [step, lead] : steps) {
        INFO("step " << step << ", " << lead);
        const std::string cmd = R"({"cmd":"storyStep","story":"east-asia-chip-talent","step":)" + std::to_string(step) + "}";
        REQUIRE(json::parse(app.command(cmd)).value("ok", false));
        for (int i = 0; i < 12; ++i) p.step();
        REQUIRE(!audit_panel(app, "Story").empty());
        const json at = locate(app, lead);
        INFO("at " << at.dump());
        CHECK(at["onScreen"] == true);
        CHECK(at["covered"] == false);
        CHECK_FALSE(app.model().away_from_step());  // the move is part of the step's view
    }
}
