// Edit mode driven headlessly through the app (fake platform, headless ImGui, issue 16): an
// organisation created by clicking the map, a collaboration with two participants and a quote,
// undo and redo by Ctrl+Z / Ctrl+Shift+Z and the panel's buttons, save, and a reload that gives
// the same data; the map shows each valid edit at once; embed mode never opens the editor. The
// forms driven by clicks and keys: fields typed, ids picked by search, a quote checked against a
// pasted source text while typed, a drag on the map, and a message focusing its field.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../imgui_frame.h"
#include "app/app.h"
#include "core/dates.h"
#include "core/edit_model.h"
#include "core/story.h"
#include "headless_platform.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/edit_view.h"
#include "ui/story_edit_view.h"

namespace {

class FakePlatform final : public ca::test::HeadlessPlatform {
public:
    explicit FakePlatform(ca::PlatformApp& app, ImVec2 size = ImVec2(1280, 800)) : HeadlessPlatform(app, size) {}
};

void click(FakePlatform& p, double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    p.step();
    io.MouseDown[0] = true;
    p.step();
    io.MouseDown[0] = false;
    p.step();
}
void click(FakePlatform& p, const ca::Rect& r) { click(p, (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2); }

void ctrl_z(FakePlatform& p, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeyShift = shift;
    io.KeysDown['Z'] = true;
    p.step();
    io.KeysDown['Z'] = false;
    io.KeyCtrl = io.KeyShift = false;
    p.step();
}

std::string read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A copy of the committed data in a fresh folder, as --data FILE... gives it.
std::vector<std::string> copy_data(const std::string& folder) {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    std::vector<std::string> out;
    for (const char* name : {"sources", "organisations", "collaborations", "events"}) {
        const std::string dst = folder + "/" + name + ".json";
        std::filesystem::copy_file(std::string(CHIPATLAS_SOURCE_DIR) + "/data/" + name + ".json", dst);
        out.push_back(dst);
    }
    return out;
}

void push(ca::App& app, ca::ui::EditIntent::Op op, ca::EditKind kind, std::string id, std::string pointer, std::string value) {
    ca::ui::EditIntent in;
    in.op = op;
    in.kind = kind;
    in.id = std::move(id);
    in.pointer = std::move(pointer);
    in.value = std::move(value);
    app.edit_state()->intents.push_back(std::move(in));
}

}  // namespace

TEST_CASE("edit mode: a map click, a collaboration, undo/redo, save, reload") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.hash = "#t=2024-12-31&edit=1";
    std::vector<std::string> saved;
    {  // one ImGui context at a time: the reload below makes its own
        ca::App app(cfg);
        FakePlatform p(app);
        REQUIRE(app.start(p));
        REQUIRE(app.editor() != nullptr);
        app.model().set_reduced_motion(true);
        for (int i = 0; i < 3; ++i) p.step();
        ca::EditSession& s = *app.editor();
        const size_t orgs = app.model().data().organisations.size();

        // An organisation placed by clicking the map, right of the panel and clear of other panels.
        std::snprintf(app.edit_state()->new_id, sizeof app.edit_state()->new_id, "%s", "new_fab");
        p.step();
        REQUIRE(app.edit_state()->place_button.x1 > app.edit_state()->place_button.x0);
        click(p, app.edit_state()->place_button);
        REQUIRE(app.edit_state()->placing);
        const ca::Vec2 at{640, 420};
        const ca::LatLon want = ca::unproject(app.model().camera().screen_to_world(at));
        click(p, at.x, at.y);
        REQUIRE(s.undo_steps() == 1);
        CHECK(app.edit_state()->selected == "new_fab");
        CHECK_FALSE(s.validation().ok());  // a new organisation starts without a name: flagged
        push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Organisation, "new_fab", "/name", "\"New Fab\"");
        push(app, ca::ui::EditIntent::Op::AddItem, ca::EditKind::Organisation, "new_fab", "sources", "\"hk_astri_polyu\"");
        p.step();
        REQUIRE(s.validation().ok());
        REQUIRE(app.model().data().organisations.size() == orgs + 1);  // the map has it at once
        const int i = app.model().data().find_org("new_fab");
        REQUIRE(i >= 0);
        CHECK(app.model().data().organisations[static_cast<size_t>(i)].lat == Approx(want.lat).margin(1e-4));
        CHECK(app.model().data().organisations[static_cast<size_t>(i)].lon == Approx(want.lon).margin(1e-4));

        // A collaboration with two participants and a quote.
        push(app, ca::ui::EditIntent::Op::Add, ca::EditKind::Collaboration, "new_mou", "",
             R"({"id": "new_mou", "title": "A new MoU", "kind": "mou", "start": "2024-05-02", "summary": "One sentence."})");
        push(app, ca::ui::EditIntent::Op::AddItem, ca::EditKind::Collaboration, "new_mou", "participants",
             R"({"org": "new_fab", "role": "signatory"})");
        push(app, ca::ui::EditIntent::Op::AddItem, ca::EditKind::Collaboration, "new_mou", "participants",
             R"({"org": "astri", "role": "signatory"})");
        push(app, ca::ui::EditIntent::Op::AddItem, ca::EditKind::Collaboration, "new_mou", "evidence",
             R"({"source": "hk_astri_polyu", "quote": "A quote."})");
        p.step();
        REQUIRE(s.validation().ok());
        REQUIRE(app.model().data().find_collab("new_mou") >= 0);
        const std::string view_before = app.model().hash();

        // Undo by Ctrl+Z takes the quote off; Ctrl+Shift+Z and the Redo button bring it back.
        const size_t steps = s.undo_steps();
        ctrl_z(p, false);
        CHECK(s.undo_steps() == steps - 1);
        ctrl_z(p, true);
        CHECK(s.undo_steps() == steps);
        click(p, app.edit_state()->undo_button);
        CHECK(s.undo_steps() == steps - 1);
        click(p, app.edit_state()->redo_button);
        CHECK(s.undo_steps() == steps);
        CHECK(app.model().hash() == view_before);  // undo and redo leave the view as it is

        // Save writes the files in place; a reload of them is the same data.
        click(p, app.edit_state()->save_button);
        for (size_t f = 0; f < s.file_count(); ++f) {
            CHECK_FALSE(s.modified(f));
            CHECK(read(s.file(f).name) == s.file(f).text);
            saved.push_back(s.file(f).text);
        }
    }
    ca::AppConfig again;
    again.data_files = cfg.data_files;
    again.edit = true;
    ca::App app2(again);
    FakePlatform p2(app2);
    REQUIRE(app2.start(p2));
    REQUIRE(app2.editor() != nullptr);
    REQUIRE(app2.editor()->file_count() == saved.size());
    for (size_t f = 0; f < saved.size(); ++f) CHECK(app2.editor()->file(f).text == saved[f]);
    CHECK(app2.model().data().find_collab("new_mou") >= 0);
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit mode: saving invalid data asks first, a referenced organisation is not deleted silently") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_test2";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    ca::App app(cfg);
    FakePlatform p(app);
    REQUIRE(app.start(p));
    ca::EditSession& s = *app.editor();
    p.step();
    const std::string before = read(cfg.data_files[1]);
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Organisation, "astri", "/lat", "123");
    p.step();
    CHECK_FALSE(s.validation().ok());
    click(p, app.edit_state()->save_button);
    CHECK(app.edit_state()->confirm_save);
    CHECK(read(cfg.data_files[1]) == before);  // nothing written yet
    push(app, ca::ui::EditIntent::Op::SaveAnyway, ca::EditKind::Organisation, "", "", "");
    p.step();
    CHECK(read(cfg.data_files[1]) == s.file(1).text);
    push(app, ca::ui::EditIntent::Op::Undo, ca::EditKind::Organisation, "", "", "");
    push(app, ca::ui::EditIntent::Op::Remove, ca::EditKind::Organisation, "astri", "", "");
    p.step();
    CHECK(app.edit_state()->blocked.size() > 0);
    CHECK(app.edit_state()->status.find("still referenced") != std::string::npos);
    CHECK(app.model().data().find_org("astri") >= 0);
    // Choosing a message selects its element.
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Organisation, "polyu", "/lon", "500");
    p.step();
    const ca::Diagnostic* err = nullptr;
    for (auto& d : s.validation().diagnostics)
        if (d.severity == ca::Severity::Error) err = &d;
    REQUIRE(err);
    ca::ui::EditIntent sel;
    sel.op = ca::ui::EditIntent::Op::Select;
    sel.pointer = err->pointer;
    sel.value = err->file;
    app.edit_state()->intents.push_back(sel);
    p.step();
    CHECK(app.edit_state()->selected == "polyu");
    CHECK(app.edit_state()->kind == ca::EditKind::Organisation);
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit mode: never in embed mode") {
    ca::AppConfig cfg;
    cfg.embed = true;
    cfg.hash = "#edit=1";
    ca::App app(cfg);
    FakePlatform p(app);
    REQUIRE(app.start(p));
    CHECK(app.editor() == nullptr);
    CHECK_FALSE(app.open_editor());
}

namespace {

// The forms' helpers: bring a field into the form's view (the mouse wheel over the form), click
// it, type, press Enter.
ca::Rect field(ca::App& app, const std::string& ptr) {
    auto& r = app.edit_state()->field_rects;
    auto it = r.find(ptr);
    return it == r.end() ? ca::Rect{0, 0, 0, 0} : it->second;
}

bool show(FakePlatform& p, ca::App& app, const std::string& ptr) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 80; ++i) {
        p.step();
        const ca::Rect r = field(app, ptr), form = field(app, "#form");
        if (r.x1 <= r.x0) return false;
        if (r.y0 >= form.y0 && r.y1 <= form.y1) return true;
        io.MousePos = ImVec2((form.x0 + form.x1) / 2, (form.y0 + form.y1) / 2);
        io.MouseWheel = r.y0 < form.y0 ? 1.0f : -1.0f;
        p.step();
        io.MouseWheel = 0;
    }
    return false;
}

void key(FakePlatform& p, int k) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[k] = true;
    p.step();
    io.KeysDown[k] = false;
    p.step();
}

void type_into(FakePlatform& p, ca::App& app, const std::string& ptr, const std::string& text, bool enter = true) {
    REQUIRE(show(p, app, ptr));
    click(p, field(app, ptr));
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    p.step();
    if (enter) key(p, 13);
}

void pick(FakePlatform& p, ca::App& app, const std::string& ptr, const std::string& query) {
    type_into(p, app, ptr, query, false);
    p.step();
    REQUIRE(show(p, app, ptr + "#0"));
    click(p, field(app, ptr + "#0"));
}

void select(FakePlatform& p, ca::App& app, ca::EditKind kind, const std::string& id) {
    push(app, ca::ui::EditIntent::Op::Select, kind, id, "", "");
    p.step();
    p.step();
}

}  // namespace

TEST_CASE(
    "edit forms: an organisation and a collaboration made by the forms, a quote checked against a pasted text, a drag, undo, save, "
    "reload") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_forms_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.hash = "#t=2024-12-31&edit=1";
    const std::string pasted = "Hong Kong, 2 May 2024. ASTRI and PolyU signed a memorandum of understanding today.";
    std::string moved_lat, moved_lon;
    std::vector<std::string> saved;
    {
        ca::App app(cfg);
        FakePlatform p(app);
        ImGui::GetIO().KeyMap[ImGuiKey_Enter] = 13;
        ImGui::GetIO().KeyMap[ImGuiKey_Backspace] = 8;
        REQUIRE(app.start(p));
        app.model().set_reduced_motion(true);
        for (int i = 0; i < 3; ++i) p.step();
        ca::EditSession& s = *app.editor();
        ca::ui::EditState& st = *app.edit_state();

        // An organisation placed by a click on the map, then filled in by its form.
        std::snprintf(st.new_id, sizeof st.new_id, "%s", "new_fab");
        p.step();
        click(p, st.place_button);
        click(p, 640, 420);
        REQUIRE(st.selected == "new_fab");
        type_into(p, app, "/name", "New Fab");
        CHECK(s.undo_steps() == 2);  // the placing, the name: one step per field
        type_into(p, app, "/city", "Hsinchu");
        pick(p, app, "/sources/+", "astri establishes");  // a source found by its title
        const ca::FormValues org = ca::form_values(s, ca::EditKind::Organisation, "new_fab");
        CHECK(org.get("/name") == "New Fab");
        CHECK(org.get("/city") == "Hsinchu");
        CHECK(org.get("/sources/0") == "hk_astri_polyu");
        CHECK(s.undo_steps() == 4);
        REQUIRE(s.validation().ok());

        // Dragged on the map: moved, in one undo step.
        p.step();
        const int oi = app.model().data().find_org("new_fab");
        REQUIRE(oi >= 0);
        const ca::PointF at = app.ui().map_scene.scene().drawn[static_cast<size_t>(oi)];
        const ca::HitTarget h = app.ui().map_scene.scene().hit({at.x, at.y}, 8);
        REQUIRE(h.kind == ca::HitTarget::Org);
        REQUIRE(h.index == oi);
        const std::string view = app.model().hash();
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(at.x, at.y);
        p.step();
        io.MouseDown[0] = true;
        p.step();
        for (int k = 1; k <= 6; ++k) {
            io.MousePos = ImVec2(at.x + 10.0f * static_cast<float>(k), at.y + 5.0f * static_cast<float>(k));
            p.step();
        }
        const ca::LatLon want = ca::unproject(app.model().camera().screen_to_world({io.MousePos.x, io.MousePos.y}));
        io.MouseDown[0] = false;
        p.step();
        p.step();
        CHECK(s.undo_steps() == 5);
        CHECK(app.model().hash() == view);  // the map did not pan under the drag
        const int oj = app.model().data().find_org("new_fab");
        REQUIRE(oj >= 0);
        CHECK(app.model().data().organisations[static_cast<size_t>(oj)].lat == Approx(want.lat).margin(1e-4));
        CHECK(app.model().data().organisations[static_cast<size_t>(oj)].lon == Approx(want.lon).margin(1e-4));
        moved_lat = ca::form_values(s, ca::EditKind::Organisation, "new_fab").get("/lat");
        moved_lon = ca::form_values(s, ca::EditKind::Organisation, "new_fab").get("/lon");

        // A source's text pasted beside the data.
        select(p, app, ca::EditKind::Source, "hk_astri_polyu");
        REQUIRE(show(p, app, "#pasted"));
        click(p, field(app, "#pasted"));
        io.AddInputCharactersUTF8(pasted.c_str());
        p.step();
        CHECK(st.pasted["hk_astri_polyu"] == pasted);

        // A collaboration: title and dates typed, two participants picked by search, a quote
        // checked against the pasted text as it is typed.
        push(app, ca::ui::EditIntent::Op::Add, ca::EditKind::Collaboration, "new_mou", "",
             ca::ui::new_element_json(ca::EditKind::Collaboration, "new_mou"));
        p.step();
        p.step();
        REQUIRE(st.selected == "new_mou");
        type_into(p, app, "/title", "A new MoU");
        type_into(p, app, "/start", "2024");  // the date's year, then its precision and the other parts
        REQUIRE(show(p, app, "/start#day"));
        click(p, field(app, "/start#day"));
        CHECK(st.date_checks["/start"] == "type the month");
        type_into(p, app, "/start/month", "5");
        type_into(p, app, "/start/day", "2");
        type_into(p, app, "/summary", "One sentence.", false);
        REQUIRE(show(p, app, "/participants/+"));
        click(p, field(app, "/participants/+"));
        pick(p, app, "/participants/0/org", "polytechnic");
        REQUIRE(show(p, app, "/participants/+"));
        click(p, field(app, "/participants/+"));
        pick(p, app, "/participants/1/org", "new fab");
        REQUIRE(show(p, app, "/evidence/+"));
        click(p, field(app, "/evidence/+"));
        pick(p, app, "/evidence/0/source", "hk_astri");
        const std::string quote = "ASTRI and PolyU signed a memorandum";
        type_into(p, app, "/evidence/0/quote", quote.substr(0, 10), false);
        CHECK(st.quote_checks["/evidence/0/quote"].empty());  // found so far
        io.AddInputCharactersUTF8("x");
        p.step();
        CHECK(st.quote_checks["/evidence/0/quote"].find("differs") != std::string::npos);  // flagged while typing
        key(p, 8);
        io.AddInputCharactersUTF8(quote.substr(10).c_str());
        p.step();
        CHECK(st.quote_checks["/evidence/0/quote"].empty());
        const ca::Rect form = field(app, "#form");
        click(p, form.x1 - 4, form.y0 + 4);  // leaving the field (a click beside it) sets it
        const ca::FormValues col = ca::form_values(s, ca::EditKind::Collaboration, "new_mou");
        CHECK(col.get("/title") == "A new MoU");
        CHECK(col.get("/start") == "2024-05-02");
        CHECK(col.get("/summary") == "One sentence.");
        CHECK(col.get("/participants/0/org") == "polyu");
        CHECK(col.get("/participants/1/org") == "new_fab");
        CHECK(col.get("/evidence/0/source") == "hk_astri_polyu");
        CHECK(col.get("/evidence/0/quote") == quote);
        // Valid but for the other quotes citing that source, which this short pasted text lacks
        // (listed as --validate --sources would, not kept off the map); the new quote is found.
        for (auto& d : s.validation().diagnostics) {
            INFO(d.to_string());
            CHECK((d.severity != ca::Severity::Error || d.pointer.find("/quote") != std::string::npos));
            CHECK(d.to_string().find("new_mou") == std::string::npos);
        }
        REQUIRE(s.validation().showable);
        REQUIRE(ca::count_errors(s.validation().diagnostics) == s.validation().quote_errors);
        REQUIRE(app.model().data().find_collab("new_mou") >= 0);

        // Undo takes the quote off, redo brings it back.
        const size_t steps = s.undo_steps();
        ctrl_z(p, false);
        CHECK(ca::form_values(s, ca::EditKind::Collaboration, "new_mou").get("/evidence/0/quote").empty());
        ctrl_z(p, true);
        CHECK(s.undo_steps() == steps);
        CHECK(ca::form_values(s, ca::EditKind::Collaboration, "new_mou").get("/evidence/0/quote") == quote);

        click(p, st.save_button);
        REQUIRE(st.confirm_save);  // those quotes: asked first
        push(app, ca::ui::EditIntent::Op::SaveAnyway, ca::EditKind::Collaboration, "", "", "");
        p.step();
        for (size_t f = 0; f < s.file_count(); ++f) {
            CHECK_FALSE(s.modified(f));
            saved.push_back(s.file(f).text);
        }
        CHECK(read(folder + "/sources/000_08aab43c31a89dcb.txt") == pasted);  // kept beside the data
    }
    ca::AppConfig again;
    again.data_files = cfg.data_files;
    again.edit = true;
    ca::App app2(again);
    FakePlatform p2(app2);
    REQUIRE(app2.start(p2));
    REQUIRE(app2.editor()->file_count() == saved.size());
    for (size_t f = 0; f < saved.size(); ++f) CHECK(app2.editor()->file(f).text == saved[f]);
    const ca::FormValues org = ca::form_values(*app2.editor(), ca::EditKind::Organisation, "new_fab");
    CHECK(org.get("/lat") == moved_lat);
    CHECK(org.get("/lon") == moved_lon);
    CHECK(app2.edit_state()->pasted["hk_astri_polyu"] == pasted);  // read back from beside the data
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit forms: choosing a message focuses the field its pointer names") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_focus_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    ca::App app(cfg);
    FakePlatform p(app);
    REQUIRE(app.start(p));
    p.step();
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Collaboration, "metc", "/participants/1/role", "\"boss\"");
    p.step();
    const ca::Diagnostic* err = nullptr;
    for (auto& d : app.editor()->validation().diagnostics)
        if (d.severity == ca::Severity::Error) err = &d;
    REQUIRE(err);
    ca::ui::EditIntent sel;
    sel.op = ca::ui::EditIntent::Op::Select;
    sel.pointer = err->pointer;
    sel.value = err->file;
    app.edit_state()->intents.push_back(sel);
    for (int i = 0; i < 4; ++i) p.step();
    CHECK(app.edit_state()->selected == "metc");
    CHECK(app.edit_state()->kind == ca::EditKind::Collaboration);
    CHECK(app.edit_state()->focus_pointer == "/participants/1/role");
    // The field is drawn, in view, and has the keyboard.
    const ca::Rect r = field(app, "/participants/1/role"), form = field(app, "#form");
    CHECK(r.x1 > r.x0);
    CHECK(r.y0 >= form.y0);
    CHECK(r.y1 <= form.y1);
    CHECK(app.edit_state()->focused == "/participants/1/role");
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit forms: --sources DIR gives edit mode its source texts") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_sources_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    cfg.sources_dir = folder + "/texts";
    std::filesystem::create_directories(cfg.sources_dir);
    std::ofstream(cfg.sources_dir + "/000_08aab43c31a89dcb.txt") << "ASTRI launched a consortium.";
    ca::App app(cfg);
    FakePlatform p(app);
    REQUIRE(app.start(p));
    p.step();
    CHECK(app.edit_state()->pasted["hk_astri_polyu"] == "ASTRI launched a consortium.");
    CHECK(app.edit_state()->pasted.count("kr_motie_packaging") == 0);  // its file is not in the folder: no text
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit forms: a name in a script the bundled fonts lack draws as it is typed, the data invalid meanwhile") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_glyphs_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    ca::App app(cfg);
    FakePlatform p(app);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = 13;
    REQUIRE(app.start(p));
    for (int i = 0; i < 3; ++i) p.step();
    ca::EditSession& s = *app.editor();
    // Another field is invalid: the map keeps the last valid data, which has no such name.
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Organisation, "astri", "/region", "\"atlantis\"");
    p.step();
    REQUIRE_FALSE(s.validation().ok());
    select(p, app, ca::EditKind::Organisation, "astri");
    const ImWchar kHangul[] = {0xBDC1, 0xB620};  // 뷁똠: in no bundled subset, nor in the data
    for (ImWchar c : kHangul) REQUIRE(app.ui().fonts.regular->FindGlyphNoFallback(c) == nullptr);

    type_into(p, app, "/name", "\xEB\xB7\x81\xEB\x98\xA0", false);  // typed, not yet set
    p.step();
    for (ImWchar c : kHangul) CHECK(app.ui().fonts.regular->FindGlyphNoFallback(c) != nullptr);  // the system's Noto Sans CJK
    key(p, 13);
    p.step();
    CHECK(ca::form_values(s, ca::EditKind::Organisation, "astri").get("/name").find("\xEB\xB7\x81\xEB\x98\xA0") != std::string::npos);
    REQUIRE_FALSE(s.validation().ok());  // still invalid, and still drawn
    for (ImWchar c : kHangul) CHECK(app.ui().fonts.regular->FindGlyphNoFallback(c) != nullptr);
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit forms: the validation list checks quotes against the pasted texts, with --validate --sources's messages") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_quotes_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    cfg.sources_dir = folder + "/texts";
    std::filesystem::create_directories(cfg.sources_dir);
    const std::string file = "000_08aab43c31a89dcb.txt";  // hk_astri_polyu's
    const std::string text = "Semiconductor technology is the core of the entire manufacturing industry.";
    std::ofstream(cfg.sources_dir + "/" + file) << text;

    // What --validate --sources DIR says of those quotes (its folder reader names the text by its path).
    std::vector<std::string> texts;
    for (const std::string& f : cfg.data_files) texts.push_back(read(f));
    std::vector<ca::InputFile> in;
    for (size_t i = 0; i < texts.size(); ++i) in.push_back({cfg.data_files[i], texts[i]});
    ca::LoadOptions opt;
    opt.source_text = [&](std::string_view f) {
        ca::SourceText t;
        t.ok = f == file;
        if (t.ok)
            t.text = text, t.name = cfg.sources_dir + "/" + file;
        else
            t.error = "no such file";
        return t;
    };
    std::vector<std::string> want;
    for (const ca::Diagnostic& d : ca::load_dataset(in, opt).diagnostics)
        if (d.severity == ca::Severity::Error && d.message != "no such file") want.push_back(d.to_string());
    REQUIRE(want.size() > 3);  // most of that source's quotes are not in this short text

    ca::App app(cfg);
    FakePlatform p(app);
    REQUIRE(app.start(p));
    p.step();
    ca::EditSession& s = *app.editor();
    std::vector<std::string> listed;
    for (const ca::Diagnostic& d : s.validation().diagnostics)
        if (d.severity == ca::Severity::Error) listed.push_back(d.to_string());
    CHECK(listed == want);  // the same messages; sources without a pasted text are not checked

    // The map still shows each edit: quotes not found are listed, not kept off the map.
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Organisation, "astri", "/name", "\"ASTRI renamed\"");
    p.step();
    const int oi = app.model().data().find_org("astri");
    REQUIRE(oi >= 0);
    CHECK(app.model().data().organisations[static_cast<size_t>(oi)].name == "ASTRI renamed");

    // Typing the missing sentence into the pasted text takes its quote's message off the list.
    const size_t before = ca::count_errors(s.validation().diagnostics);
    select(p, app, ca::EditKind::Source, "hk_astri_polyu");
    REQUIRE(show(p, app, "#pasted"));
    click(p, field(app, "#pasted"));
    ImGui::GetIO().AddInputCharactersUTF8(" Led by ASTRI, METC is supported by leading organisations from the industry and academia.");
    p.step();
    p.step();
    CHECK(ca::count_errors(s.validation().diagnostics) == before - 1);
    std::filesystem::remove_all(folder);
}

TEST_CASE("edit forms: a date is its precision chosen and its parts typed, checked as typed") {
    ca::AppConfig cfg;
    cfg.edit = true;
    ca::App app(cfg);
    FakePlatform p(app);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = 13;
    REQUIRE(app.start(p));
    p.step();
    ca::ui::EditState& st = *app.edit_state();
    push(app, ca::ui::EditIntent::Op::Add, ca::EditKind::Collaboration, "date_mou", "",
         ca::ui::new_element_json(ca::EditKind::Collaboration, "date_mou"));
    p.step();
    p.step();
    REQUIRE(st.selected == "date_mou");
    REQUIRE(show(p, app, "/start"));
    CHECK(st.date_checks["/start"] == "type the year");  // required, empty
    type_into(p, app, "/start", "20", false);
    p.step();
    CHECK(st.date_checks["/start"] == "the year is four digits");  // checked as typed
    auto start = [&] { return ca::form_values(*app.editor(), ca::EditKind::Collaboration, "date_mou").get("/start"); };
    ImGui::GetIO().AddInputCharactersUTF8("23");
    p.step();
    key(p, 13);
    CHECK(start() == "2023");  // a year
    REQUIRE(show(p, app, "/start#month"));
    click(p, field(app, "/start#month"));
    type_into(p, app, "/start/month", "13", false);
    p.step();
    CHECK(st.date_checks["/start"].find("month") != std::string::npos);
    key(p, 13);
    CHECK(start() == "2023");  // not a date: left as it was
}

// A fact's label in the region's languages, edited in the form (it was edited only in the file):
// one translation removed by its button, one added and typed, the data valid again.
TEST_CASE("edit forms: a fact's translations removed, added and typed in the form") {
    ca::AppConfig cfg;
    cfg.edit = true;
    ca::App app(cfg);
    FakePlatform p(app);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = 13;
    REQUIRE(app.start(p));
    p.step();
    select(p, app, ca::EditKind::Collaboration, "metc");
    auto values = [&] { return ca::form_values(*app.editor(), ca::EditKind::Collaboration, "metc"); };
    REQUIRE(values().count("/facts/0/translations") == 4);
    size_t ko = 0;
    while (ko < 4 && values().get("/facts/0/translations/" + std::to_string(ko) + "/lang") != "ko") ++ko;
    REQUIRE(ko < 4);
    const std::string ko_label = values().get("/facts/0/translations/" + std::to_string(ko) + "/label");
    // Each translation's fields are drawn in the fact's item.
    REQUIRE(show(p, app, "/facts/0/translations/0/label"));
    REQUIRE(show(p, app, "/facts/0/translations/" + std::to_string(ko) + "#remove"));
    click(p, field(app, "/facts/0/translations/" + std::to_string(ko) + "#remove"));
    CHECK(values().count("/facts/0/translations") == 3);
    REQUIRE(show(p, app, "/facts/0/translations/+"));
    click(p, field(app, "/facts/0/translations/+"));
    REQUIRE(values().count("/facts/0/translations") == 4);
    CHECK(values().get("/facts/0/translations/3/label").empty());
    push(app, ca::ui::EditIntent::Op::SetField, ca::EditKind::Collaboration, "metc", "/facts/0/translations/3/lang", "\"ko\"");
    p.step();
    type_into(p, app, "/facts/0/translations/3/label", ko_label + " (2022)");
    CHECK(values().get("/facts/0/translations/3/label") == ko_label + " (2022)");
    const ca::Dataset& d = app.editor()->validation().dataset;
    CHECK(app.editor()->validation().showable);
    const int metc = d.find_collab("metc");
    REQUIRE(metc >= 0);
    CHECK(d.collaborations[static_cast<size_t>(metc)].facts[0].label_in(ca::Locale::Ko) == ko_label + " (2022)");
    for (const ca::Diagnostic& m : app.editor()->validation().diagnostics) CHECK(m.severity != ca::Severity::Error);
}

// The story editor (issue 19): open edit mode, "Add this view as a step" twice (two views), a
// caption typed for each, the second step moved up, Save through the canonical writer; the saved
// story validates against the data and, loaded again, tells the same steps.
TEST_CASE("story editor: steps added from the view, re-ordered, captions typed, saved, reopened at the same steps") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_story_editor_test";
    std::filesystem::remove_all(folder);
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder + "/data");
    std::filesystem::create_directories(folder + "/stories");  // Save writes beside the data, as in the repository
    cfg.hash = "#t=2022-11-09&mode=snapshot&edit=1";
    const std::string path = folder + "/stories/my-story.json";
    std::string text;
    {  // one ImGui context at a time: the editing app goes before the reading one comes
        ca::App app(cfg);
        FakePlatform p(app);
        REQUIRE(app.start(p));
        app.model().set_reduced_motion(true);
        for (int i = 0; i < 3; ++i) p.step();
        ca::ui::StoryDraft* d = app.story_draft();
        REQUIRE(d);
        auto type = [&](const ca::Rect& r, const char* text) {
            click(p, r);
            ImGui::GetIO().AddInputCharactersUTF8(text);
            p.step();
            p.step();
        };
        // A click on the window's title bar ends the typing (a click on a control drawn above the
        // active field only ends the typing: ImGui gives that click to no other control).
        auto done_typing = [&] { click(p, d->panel.x0 + 60, d->panel.y0 + 8); };
        // Step 1: the METC consortium in November 2022.
        app.model().select("metc");
        p.step();
        click(p, d->add_at);
        REQUIRE(d->story.steps.size() == 1);
        type(d->caption_title_at, "Hong Kong");
        type(d->caption_text_at, "A consortium.");
        done_typing();
        // Step 2: the packaging MoU in August 2023, a cumulative view.
        ca::ViewState v = app.model().current_view();
        ca::Date day;
        REQUIRE(ca::parse_date("2023-08-29", day));
        v.t = ca::first_day(day);
        v.mode = ca::TimeMode::Cumulative;
        app.model().apply_view(v);
        app.model().select("motie_packaging_mou");
        p.step();
        click(p, d->add_at);
        REQUIRE(d->story.steps.size() == 2);
        type(d->caption_title_at, "Korea");
        type(d->caption_text_at, "Packaging.");
        done_typing();
        CHECK(d->story.steps[1].caption.title == "Korea");
        // Re-ordered: the second step first.
        p.step();
        REQUIRE(d->up_at.size() == 2);
        click(p, d->up_at[1]);
        REQUIRE(d->story.steps[0].caption.title == "Korea");
        CHECK(d->story.steps[1].caption.title == "Hong Kong");
        CHECK(d->story.steps[1].caption.text == "A consortium.");
        // Saved through the canonical writer beside the data.
        click(p, d->save_at);
        INFO(d->status);
        REQUIRE(std::filesystem::exists(path));
        text = read(path);
        CHECK(text.find("\"$schema\": \"./schema.json\"") != std::string::npos);
        // It validates, and opened again it tells the same steps.
        const ca::StoryLoad r = ca::load_story(path, text, app.model().data());
        REQUIRE(r.ok());
        REQUIRE(r.story.steps.size() == 2);
        CHECK(r.story.steps[0].scene.selected == "motie_packaging_mou");
        CHECK(ca::format_day(static_cast<ca::DayNum>(r.story.steps[0].scene.t)) == "2023-08-29");
        CHECK(r.story.steps[0].scene.mode == ca::TimeMode::Cumulative);
        CHECK(r.story.steps[1].scene.selected == "metc");
        CHECK(ca::format_day(static_cast<ca::DayNum>(r.story.steps[1].scene.t)) == "2022-11-09");
        CHECK(ca::story_file_text(r.story, app.model().data()) == text);  // the canonical text, unchanged
    }

    ca::App again(ca::AppConfig{});
    FakePlatform p2(again);
    REQUIRE(again.start(p2));
    again.model().set_reduced_motion(true);
    p2.step();
    const std::string load = nlohmann::json{{"cmd", "loadStory"}, {"name", "my-story.json"}, {"text", text}}.dump();
    REQUIRE(again.command(load).find("\"ok\":true") != std::string::npos);
    REQUIRE(again.model().go_to_step("my-story", 1));
    p2.step();
    CHECK(again.model().view().selected == "motie_packaging_mou");
    CHECK(ca::format_day(static_cast<ca::DayNum>(again.model().view().t)) == "2023-08-29");
    REQUIRE(again.model().go_to_step("my-story", 2));
    p2.step();
    CHECK(again.model().view().selected == "metc");
    CHECK(ca::format_day(static_cast<ca::DayNum>(again.model().view().t)) == "2022-11-09");
}

// The editor speaks the interface language (it was English in every language): the panel's
// buttons, tabs, field labels and status, and the `editView` reply's labels the page's editing
// layer draws.
TEST_CASE("edit mode in Korean: the panel, its form's labels and editView's labels are Korean") {
    const std::string folder = std::filesystem::temp_directory_path().string() + "/chipatlas_edit_ko_test";
    ca::AppConfig cfg;
    cfg.data_files = copy_data(folder);
    cfg.edit = true;
    cfg.locales = {"ko"};
    ca::App app(cfg);
    FakePlatform p(app, ImVec2(1280, 1600));  // tall enough for the whole form: ImGui draws only what is in view
    REQUIRE(app.start(p));
    for (int i = 0; i < 3; ++i) p.step();
    select(p, app, ca::EditKind::Collaboration, "metc");
    for (int i = 0; i < 3; ++i) p.step();
    ImGuiWindow* panel = ImGui::FindWindowByName("###Edit");
    REQUIRE(panel != nullptr);
    // The panel's and its child windows' (the form's) text, the form at its top and scrolled to its end.
    std::string text;
    for (ImGuiWindow* w : GImGui->Windows)
        if (w->RootWindow == panel) text += ca::test::drawn_text(w->DrawList);
    for (ImGuiWindow* w : GImGui->Windows)
        if (w->RootWindow == panel && w != panel && std::string(w->Name).find("##form") != std::string::npos) ImGui::SetScrollY(w, 1e6f);
    for (int i = 0; i < 2; ++i) p.step();
    for (ImGuiWindow* w : GImGui->Windows)
        if (w->RootWindow == panel && std::string(w->Name).find("##form") != std::string::npos) text += ca::test::drawn_text(w->DrawList);
    INFO(text);
    for (const char* ko :
         {"실행취소", "다시실행", "저장", "출처", "기관", "협력", "제목", "참여기관", "제거", "근거추가", "메모", "연월일"})
        CHECK(text.find(ko) != std::string::npos);
    for (const char* en : {"Undo", "Redo", "Participants", "Evidence", "add...", "year", "remove"})
        CHECK(text.find(en) == std::string::npos);
    // The page's editing layer draws these.
    const nlohmann::json v = nlohmann::json::parse(app.command(R"({"cmd":"editView"})"));
    REQUIRE(v["ok"] == true);
    bool participants = false;
    for (const auto& f : v["form"]["fields"])
        if (f["key"] == "participants") {
            participants = true;
            CHECK(f["label"] == "참여 기관");
            CHECK(f["itemLabel"] == "참여 기관");
            CHECK(f["items"][1]["label"] == "역할");
        }
    CHECK(participants);
    // The kinds' names ([many, one]), which the layer's radios, headings and announcements use.
    CHECK(v["kinds"]["collaboration"] == nlohmann::json::array({"협력", "협력"}));
    CHECK(v["kinds"]["organisation"] == nlohmann::json::array({"기관", "기관"}));
    std::filesystem::remove_all(folder);
}
