// The command interface against hostile input (issue 12): size and depth caps checked before
// parsing, numbers range-checked on their full value before narrowing, the CSV export
// neutralising formula cells, and the page's fatal event built as valid JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "core/app_model.h"
#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/json_doc.h"
#include "fixture.h"

using namespace ca;
using json = nlohmann::json;

namespace {

using test::fixture_model;

json ask(AppModel& m, std::string_view text) {
    const std::string reply = handle_command(m, text).reply;
    REQUIRE(json_reference_accepts(reply));
    json j = json::parse(reply);
    REQUIRE(j.is_object());
    REQUIRE(j["ok"].is_boolean());
    return j;
}

// getState's answer, which must be ok:true whatever came before.
json state_of(AppModel& m) {
    json j = ask(m, R"({"cmd":"getState"})");
    REQUIRE(j["ok"] == true);
    REQUIRE(j["state"].is_object());
    REQUIRE(j["hash"].is_string());
    return j;
}

std::string repeat(const std::string& s, size_t n) {
    std::string o;
    o.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) o += s;
    return o;
}

// {"cmd":"getState","pad":"xxx…"} of exactly n bytes.
std::string padded_get_state(size_t n) {
    const std::string head = R"({"cmd":"getState","pad":")", tail = "\"}";
    REQUIRE(n >= head.size() + tail.size());
    return head + std::string(n - head.size() - tail.size(), 'x') + tail;
}

bool has_warning(const json& reply, const std::string& w) {
    if (!reply.contains("warnings")) return false;
    for (auto& x : reply["warnings"])
        if (x == w) return true;
    return false;
}

}  // namespace

TEST_CASE("commands: a text over kCommandMaxBytes is refused without being parsed") {
    AppModel m = fixture_model();
    const json before = state_of(m);
    const std::string too_large = R"~({"error":"command too large: %N bytes (the limit is 65536)","ok":false})~";
    auto expect = [&](size_t n) { return std::string(too_large).replace(too_large.find("%N"), 2, std::to_string(n)); };

    // 3 MB of a well-formed command that would change the time.
    std::string big = R"({"cmd":"setState","state":{"t":"2020-01-01"},"pad":")";
    big += std::string(3 * 1024 * 1024 - big.size() - 2, 'x') + "\"}";
    REQUIRE(big.size() == 3 * 1024 * 1024);
    CHECK(handle_command(m, big).reply == expect(big.size()));
    CHECK(state_of(m) == before);

    // 20 MB of '[': refused for its size before any scan of its depth.
    const std::string huge(20 * 1024 * 1024, '[');
    CHECK(handle_command(m, huge).reply == expect(huge.size()));
    CHECK(state_of(m) == before);

    // The limit itself is accepted; one byte over is not.
    CHECK(ask(m, padded_get_state(kCommandMaxBytes))["ok"] == true);
    CHECK(handle_command(m, padded_get_state(kCommandMaxBytes + 1)).reply == expect(kCommandMaxBytes + 1));
    CHECK(state_of(m) == before);
}

TEST_CASE("commands: nesting deeper than kCommandMaxDepth is refused before parsing") {
    AppModel m = fixture_model();
    const json before = state_of(m);
    const std::string too_deep = R"~({"error":"command nested too deep (the limit is 32 levels)","ok":false})~";

    // 10,000 arrays, closed and unclosed.
    CHECK(handle_command(m, repeat("[", 10000) + repeat("]", 10000)).reply == too_deep);
    CHECK(state_of(m) == before);
    CHECK(handle_command(m, repeat("[", 10000)).reply == too_deep);
    CHECK(state_of(m) == before);
    // 10,000 objects inside a command that would otherwise be answered.
    const std::string objs = R"({"cmd":"setState","state":{"t":"2020-01-01"},"a":)" + repeat(R"({"a":)", 9998) + "1" + repeat("}", 9999);
    REQUIRE(objs.size() < kCommandMaxBytes);
    CHECK(handle_command(m, objs).reply == too_deep);
    CHECK(state_of(m) == before);

    // Exactly kCommandMaxDepth levels (the command object + 31 arrays) is accepted; one more is not.
    const std::string at_limit = R"({"cmd":"getState","a":)" + repeat("[", kCommandMaxDepth - 1) + repeat("]", kCommandMaxDepth - 1) + "}";
    CHECK(ask(m, at_limit)["ok"] == true);
    const std::string over = R"({"cmd":"getState","a":)" + repeat("[", kCommandMaxDepth) + repeat("]", kCommandMaxDepth) + "}";
    CHECK(handle_command(m, over).reply == too_deep);
    // Mixed objects and arrays count alike.
    const std::string mixed = R"({"cmd":"getState","a":)" + repeat(R"([{"b":)", 16) + "1" + repeat("}]", 16) + "}";
    CHECK(handle_command(m, mixed).reply == too_deep);

    // Brackets inside strings are not nesting, escaped quotes do not end a string, and a
    // backslash before the closing quote is its own escape.
    CHECK(ask(m, R"({"cmd":"getState","a":")" + repeat("[{", 1000) + "\"}")["ok"] == true);
    CHECK(ask(m, R"({"cmd":"getState","a":"\")" + repeat("[", 1000) + "\"}")["ok"] == true);
    CHECK(ask(m, R"({"cmd":"getState","a":"\\","b":")" + repeat("[", 1000) + "\"}")["ok"] == true);
    CHECK(handle_command(m, R"({"cmd":"getState","a":"\\","b":)" + repeat("[", 40) + "1" + repeat("]", 40) + "}").reply == too_deep);
    CHECK(state_of(m) == before);
}

TEST_CASE("commands: setState window is range-checked on the full value, not after narrowing to int") {
    AppModel m = fixture_model();
    const json before = state_of(m);
    const int window = m.view().window_months;
    const std::string warning = "window: expected a whole number of months 1..360";
    for (const char* v : {"4294967297", "-4294967295", "4294967308", "18446744073709551615", "-9223372036854775808", "12.5", "1e300",
                          "-1e300", "0", "361", "-1", "\"12\"", "true", "null", "[12]"}) {
        INFO("window " << v);
        json r = ask(m, std::string(R"({"cmd":"setState","state":{"window":)") + v + "}}");
        CHECK(r["ok"] == true);
        CHECK(has_warning(r, warning));
        CHECK(m.view().window_months == window);
        CHECK(state_of(m) == before);
    }
    // Whole numbers in range, written as integers or as floats, are taken.
    CHECK(!ask(m, R"({"cmd":"setState","state":{"window":360}})").contains("warnings"));
    CHECK(m.view().window_months == 360);
    CHECK(!ask(m, R"({"cmd":"setState","state":{"window":24.0}})").contains("warnings"));
    CHECK(m.view().window_months == 24);
    CHECK(!ask(m, R"({"cmd":"setState","state":{"window":1}})").contains("warnings"));
    CHECK(m.view().window_months == 1);
}

TEST_CASE("commands: setState camera and speed must be finite and in range, step takes any number") {
    AppModel m = fixture_model();
    const json before = state_of(m);
    const std::string cam_warning = "camera: expected {lat -85..85, lon -180..180, zoom 0.05..2000}";
    for (const char* cam :
         {R"({"lat":1e308,"lon":120,"zoom":1})", R"({"lat":-1e308,"lon":120,"zoom":1})", R"({"lat":30,"lon":1e308,"zoom":1})",
          R"({"lat":30,"lon":120,"zoom":1e308})", R"({"lat":30,"lon":120,"zoom":0})", R"({"lat":30,"lon":120,"zoom":-1})",
          R"({"lat":86,"lon":120,"zoom":1})", R"({"lat":30,"lon":181,"zoom":1})", R"({"lat":30,"lon":-181,"zoom":1})",
          R"({"lat":30,"lon":120,"zoom":2001})", R"({"lat":30,"lon":120,"zoom":0.01})", R"({"lat":"30","lon":120,"zoom":1})",
          R"({"lat":30,"lon":120})", R"({"lat":30,"lon":120,"zoom":null})", R"([30,120,1])", R"({"lat":4294967297,"lon":120,"zoom":1})"}) {
        INFO("camera " << cam);
        json r = ask(m, std::string(R"({"cmd":"setState","state":{"camera":)") + cam + "}}");
        CHECK(r["ok"] == true);
        CHECK(has_warning(r, cam_warning));
        CHECK(state_of(m) == before);
    }
    // Beyond a double's range the text is not accepted as JSON at all (so no inf reaches the camera).
    CHECK(ask(m, R"({"cmd":"setState","state":{"camera":{"lat":1e999,"lon":120,"zoom":1}}})")["ok"] == false);
    CHECK(state_of(m) == before);
    json r = ask(m, R"({"cmd":"setState","state":{"camera":{"lat":30,"lon":125,"zoom":2}}})");
    CHECK(!r.contains("warnings"));
    CHECK(r["state"]["camera"]["lat"] == Approx(30).margin(1e-3));
    CHECK(r["state"]["camera"]["lon"] == Approx(125).margin(1e-3));
    CHECK(r["state"]["camera"]["zoom"] == Approx(2).margin(1e-2));
    const json moved = state_of(m);

    for (const char* s : {"1e308", "-1e308", "4294967297", "-4294967295", "0", "0.2", "16.5", "\"2\"", "null"}) {
        INFO("speed " << s);
        json rs = ask(m, std::string(R"({"cmd":"setState","state":{"speed":)") + s + "}}");
        CHECK(has_warning(rs, "speed: expected 0.25..16"));
        CHECK(state_of(m) == moved);
    }
    CHECK(!ask(m, R"({"cmd":"setState","state":{"speed":16}})").contains("warnings"));
    CHECK(m.view().speed == 16);

    // step: any number picks a direction; anything else means forward.
    for (const char* d : {"1e308", "-1e308", "4294967297", "-4294967295", "-0", "\"back\"", "null", "{}"}) {
        INFO("step dir " << d);
        CHECK(ask(m, std::string(R"({"cmd":"step","dir":)") + d + "}")["ok"] == true);
    }
    state_of(m);
}

TEST_CASE("export: CSV cells that a spreadsheet would run as formulas are neutralised, and sources are listed once") {
    // A dataset built here, one collaboration per hostile title, all active on 2022-08-23.
    const char* titles[] = {R"(=HYPERLINK(\"http://x\"))", "+1", "-2", "@SUM(A1)", "\\tx", "\\rx", "a\\nb", "a\\rb", "plain, with comma"};
    std::string collabs;
    for (size_t i = 0; i < std::size(titles); ++i) {
        if (i) collabs += ",\n";
        collabs += "{\"id\": \"c" + std::to_string(i) + "\", \"title\": \"" + titles[i] +
                   "\", \"kind\": \"mou\", \"participants\": [{\"org\": \"a\", \"role\": \"signatory\"}, {\"org\": \"b\", \"role\": "
                   "\"signatory\"}],"
                   " \"start\": \"2022-08-23\", \"summary\": \"S\", \"evidence\": [{\"source\": \"s\", \"quote\": \"Q1\"}, {\"source\": "
                   "\"t\", \"quote\": \"Q2\"},"
                   " {\"source\": \"s\", \"quote\": \"Q3\"}]}";
    }
    const std::string text =
        "{\n"
        "\"sources\": [{\"id\": \"s\", \"title\": \"T\", \"publisher\": \"P\", \"file\": \"=f.txt\", \"url\": \"https://example.org/f\"},"
        " {\"id\": \"t\", \"title\": \"T2\", \"publisher\": \"P\", \"file\": \"g.txt\", \"url\": \"https://example.org/g\"}],\n"
        "\"organisations\": [\n"
        "{\"id\": \"a\", \"name\": \"-A\", \"abbr\": \"-A\", \"kind\": \"company\", \"region\": \"taiwan\", \"lat\": 22.6, \"lon\": 120.3, "
        "\"sources\": [\"s\"]},\n"
        "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"university\", \"region\": \"taiwan\", \"lat\": 23.0, \"lon\": 120.2, \"sources\": "
        "[\"s\"]}\n"
        "],\n"
        "\"collaborations\": [\n" +
        collabs +
        "\n],\n"
        "\"events\": []\n"
        "}\n";
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult lr = load_dataset(in);
    INFO(format_diagnostics(lr.diagnostics));
    REQUIRE(lr.ok());
    AppModel m;
    m.set_dataset(std::move(lr.dataset), "fixture");
    m.set_viewport({0, 0}, {1280, 800});
    REQUIRE(ask(m, R"({"cmd":"setState","state":{"t":"2022-08-23","mode":"cumulative"}})")["ok"] == true);

    const std::string csv = export_csv(m);
    const std::string rest = ",mou,2022-08-23,,,active,\"'-A, B\",'=f.txt;g.txt,https://example.org/f https://example.org/g\n";
    CHECK(csv ==
          "id,title,kind,start,start_bound,end,status,participants,sources,source_urls\n"
          "c0,\"'=HYPERLINK(\"\"http://x\"\")\"" +
              rest + "c1,'+1" + rest + "c2,'-2" + rest + "c3,'@SUM(A1)" + rest + "c4,'\tx" + rest + "c5,\"'\rx\"" + rest + "c6,\"a\nb\"" +
              rest + "c7,\"a\rb\"" + rest + "c8,\"plain, with comma\"" + rest);
    // The export command carries the same text.
    CHECK(ask(m, R"({"cmd":"export","format":"csv"})")["text"] == csv);
}

TEST_CASE("fatal_event_json: quotes, newlines and bad UTF-8 give valid JSON with the message") {
    const std::string msg = "cannot create a WebGL2 context: \"webgl2\" said\nno \\ luck\t\x01";
    const std::string ev = fatal_event_json(msg);
    REQUIRE(json_reference_accepts(ev));
    json j = json::parse(ev);
    CHECK(j.size() == 1);
    CHECK(j["message"] == msg);

    const std::string bad = fatal_event_json("caf\xff \xc3 end\xe2\x82");
    REQUIRE(json_reference_accepts(bad));
    CHECK(bad.find('\xff') == std::string::npos);
    CHECK(json::parse(bad)["message"].get<std::string>().find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD
    CHECK(json::parse(fatal_event_json(""))["message"] == "");
}

TEST_CASE("commands: the page's forced colours are set, reported, refused when malformed and cleared") {
    AppModel m = fixture_model();
    const std::string list = "#000000,#ffffff,#ffff00,#3ff23f,#1aebff,#000000,#000000,#ffffff";
    auto state = [&] { return json::parse(handle_command(m, R"({"cmd":"getState"})").reply)["state"]; };
    CHECK(state()["forcedColours"].is_null());
    auto r = handle_command(m, R"({"cmd":"setState","state":{"systemColours":")" + list + R"("}})");
    CHECK(r.reply.find("warnings") == std::string::npos);
    REQUIRE(m.forced_colours());
    CHECK(m.forced_colours()->link_text == 0xFFFF00);
    CHECK(state()["forcedColours"] == list);
    // Malformed: a warning saying why, and the colours in effect stay.
    r = handle_command(m, R"({"cmd":"setState","state":{"systemColours":"red"}})");
    CHECK(r.reply.find("systemColours: expected 8 colours #rrggbb") != std::string::npos);
    r = handle_command(m, R"({"cmd":"setState","state":{"systemColours":["#000000"]}})");
    CHECK(r.reply.find("systemColours: expected a list of 8 colours") != std::string::npos);
    REQUIRE(m.forced_colours());
    CHECK(state()["forcedColours"] == list);
    // forcedColours is read-only: a host echoing the state back changes nothing.
    r = handle_command(m, R"({"cmd":"setState","state":{"forcedColours":null}})");
    CHECK(r.reply.find("warnings") == std::string::npos);
    CHECK(m.forced_colours());
    handle_command(m, R"({"cmd":"setState","state":{"systemColours":null}})");
    CHECK_FALSE(m.forced_colours());
    handle_command(m, R"({"cmd":"setState","state":{"systemColours":")" + list + R"("}})");
    handle_command(m, R"({"cmd":"setState","state":{"systemColours":""}})");
    CHECK_FALSE(m.forced_colours());
}

TEST_CASE("commands: setState, getState, select, flyTo, search, export") {
    AppModel m = fixture_model();
    auto r = handle_command(m, R"({"cmd":"setState","state":{"t":"2022-08-23","mode":"snapshot","selected":"cnt","bogus":1}})");
    CHECK(r.reply.find("\"ok\":true") != std::string::npos);
    CHECK(r.reply.find("unknown field bogus") != std::string::npos);
    CHECK(format_day(static_cast<DayNum>(m.view().t)) == "2022-08-23");
    CHECK(m.view().selected == "cnt");
    CHECK(handle_command(m, R"({"cmd":"select","id":"nope"})").reply.find("\"ok\":false") != std::string::npos);
    CHECK(handle_command(m, R"({"cmd":"flyTo","region":"korea"})").reply == R"({"ok":true})");
    CHECK(handle_command(m, R"({"cmd":"flyTo","region":"mars"})").reply.find("\"ok\":false") != std::string::npos);
    CHECK(handle_command(m, "not json").reply.find("\"ok\":false") != std::string::npos);
    auto s = handle_command(m, R"({"cmd":"search","text":"SK"})").reply;
    CHECK(s.find("skhynix") != std::string::npos);
    // Export on the forum day in snapshot mode: the forum and the MoU signed there.
    std::string csv = export_csv(m);
    CHECK(csv.rfind("id,title,kind,start,start_bound,end,status,participants,sources,source_urls\n", 0) == 0);
    CHECK(csv.find(",forum,2022-08-23,,2022-08-23,active,") != std::string::npos);
    for (auto& line : {std::string(",mou,2023-08-30")}) CHECK(csv.find(line) == std::string::npos);  // not yet
    std::string js = export_json(m);
    CHECK(js.find("\"collaborations\"") != std::string::npos);
    auto g = handle_command(m, R"({"cmd":"getState"})").reply;
    CHECK(g.find("\"hash\":\"#t=2022-08-23&mode=snapshot") != std::string::npos);
}

// The page's own controls (web/js/controls.js) list what the ImGui legend lists, with its counts.
TEST_CASE("commands: legend lists kinds, organisation kinds and regions with counts, presets and speeds") {
    AppModel m = fixture_model();
    handle_command(m, R"({"cmd":"setState","state":{"t":"2022-08-23","mode":"snapshot"}})");
    json j = ask(m, R"({"cmd":"legend"})");
    REQUIRE(j["ok"] == true);
    auto find = [](const json& list, const std::string& id) {
        for (const json& e : list)
            if (e["id"] == id) return e;
        return json();
    };
    // On the forum's day only the forum is visible: forum 1 of 1, consortium 0 of 1.
    CHECK(find(j["kinds"], "forum")["count"] == 1);
    CHECK(find(j["kinds"], "forum")["total"] == 1);
    CHECK(find(j["kinds"], "consortium")["count"] == 0);
    CHECK(find(j["kinds"], "forum")["label"].is_string());
    CHECK(find(j["kinds"], "forum")["hidden"] == false);
    CHECK(find(j["orgKinds"], "university")["total"] == 2);  // PolyU, NSYSU
    CHECK(find(j["regions"], "korea")["total"].get<int>() >= 1);
    CHECK(j["presets"].size() == static_cast<size_t>(RegionPreset::Count));
    CHECK(j["presets"][0]["id"] == "all");
    CHECK(j["speeds"].size() == std::size(kSpeedPresets));
    // Hiding a kind shows in the list (and keeps it listed).
    handle_command(m, R"({"cmd":"setState","state":{"hiddenKinds":["forum"]}})");
    j = ask(m, R"({"cmd":"legend"})");
    CHECK(find(j["kinds"], "forum")["hidden"] == true);
    CHECK(find(j["kinds"], "forum")["count"] == 0);
}

// The legend's "Most connected" quick-select: the page lists the same organisations, in the same
// order, with the counts the ImGui legend shows (their collaborations visible at this date).
TEST_CASE("commands: legend lists the most connected organisations with their counts") {
    AppModel m = fixture_model();
    handle_command(m, R"({"cmd":"setState","state":{"mode":"cumulative"}})");
    const json j = ask(m, R"({"cmd":"legend"})");
    const std::vector<int> top = top_organisations(m.data(), m.visibility(), 3);
    REQUIRE(!top.empty());
    REQUIRE(j["top"].size() == top.size());
    for (size_t i = 0; i < top.size(); ++i) {
        const Organisation& o = m.data().organisations[static_cast<size_t>(top[i])];
        CHECK(j["top"][i]["id"] == o.id);
        CHECK(j["top"][i]["label"] == o.short_name());
        CHECK(j["top"][i]["count"] == m.visibility().org_degree[static_cast<size_t>(top[i])]);
        CHECK(j["top"][i]["count"].get<int>() >= 1);
    }
    // On the forum's day in snapshot mode only the forum's participants count, once each.
    handle_command(m, R"({"cmd":"setState","state":{"t":"2022-08-23","mode":"snapshot"}})");
    for (const json& e : ask(m, R"({"cmd":"legend"})")["top"]) CHECK(e["count"] == 1);
}

TEST_CASE("commands: the About card opens and closes by setState, getState reports it, about gives its words") {
    AppModel m = fixture_model();
    CHECK(state_of(m)["state"]["about"] == false);
    const unsigned v = m.version();
    ask(m, R"({"cmd":"setState","state":{"about":true}})");
    CHECK(m.about_open());
    CHECK(m.version() != v);  // a state change: the page hears of it
    CHECK(state_of(m)["state"]["about"] == true);
    json a = ask(m, R"({"cmd":"about"})");
    CHECK(a["open"] == true);
    CHECK(a["title"] == "About chipatlas");
    CHECK(a["bullets"].size() >= 3);
    CHECK(a["provenance"].get<std::string>().find("two public texts") != std::string::npos);
    CHECK(ask(m, R"({"cmd":"setState","state":{"about":"yes"}})")["warnings"][0] == "about: expected true or false");
    CHECK(m.about_open());
    ask(m, R"({"cmd":"setState","state":{"about":false}})");
    CHECK_FALSE(m.about_open());
    // Loop playback, likewise outside the URL: settable, reported, a state change.
    const bool loop = m.loop();
    const unsigned v2 = m.version();
    CHECK(ask(m, loop ? R"({"cmd":"setState","state":{"loop":false}})" : R"({"cmd":"setState","state":{"loop":true}})")["state"]["loop"] ==
          !loop);
    CHECK(m.loop() == !loop);
    CHECK(m.version() != v2);
}

TEST_CASE("commands: setChrome keeps the page's chrome rectangles, checked and capped") {
    AppModel m = fixture_model();
    CHECK(ask(m, R"({"cmd":"setChrome","rects":[[8,8,400,40],[8,44,300,70]]})")["ok"] == true);
    REQUIRE(m.page_chrome().size() == 2);
    const unsigned cv = m.chrome_version(), v = m.version();
    ask(m, R"({"cmd":"setChrome","rects":[[8,8,400,40],[8,44,300,70]]})");
    CHECK(m.chrome_version() == cv);  // the same rects: nothing to redraw
    CHECK(m.version() == v);          // never a view-state change
    CHECK(m.page_chrome()[1].y1 == 70);
    // Malformed: nothing changes and the error says what a rect is.
    for (const char* bad :
         {R"({"cmd":"setChrome"})", R"({"cmd":"setChrome","rects":[[1,2,3]]})", R"({"cmd":"setChrome","rects":[[10,0,5,5]]})",
          R"({"cmd":"setChrome","rects":[[0,0,"a",5]]})", R"({"cmd":"setChrome","rects":[[0,0,1e9,5]]})"}) {
        json j = ask(m, bad);
        CHECK(j["ok"] == false);
        CHECK(j["error"].get<std::string>().find("setChrome") == 0);
    }
    CHECK(m.page_chrome().size() == 2);
    std::string many = R"({"cmd":"setChrome","rects":[)";
    for (int i = 0; i < 17; ++i) many += std::string(i ? "," : "") + "[0,0,1,1]";
    CHECK(ask(m, many + "]}")["ok"] == false);
    CHECK(ask(m, R"({"cmd":"setChrome","rects":[]})")["ok"] == true);
    CHECK(m.page_chrome().empty());
}

// The page's details region reads participants, quotes and an organisation's collaborations.
TEST_CASE("selection event: a collaboration's participants and quotes, an organisation's collaborations") {
    AppModel m = fixture_model();
    REQUIRE(m.select("kr_mou"));
    json c = json::parse(selection_event_json(m));
    REQUIRE(c["participants"].size() == 2);
    CHECK(c["participants"][0]["id"] == "samsung");
    CHECK(c["participants"][0]["name"] == "Samsung Electronics");
    CHECK(c["participants"][0]["role"].is_string());
    REQUIRE(c["quotes"].size() == 2);
    CHECK(c["quotes"][0]["text"] == "Q4");
    CHECK(c["quotes"][0]["source"] == "Source two");
    REQUIRE(m.select("nsysu"));
    json o = json::parse(selection_event_json(m));
    REQUIRE(o["collaborations"].size() == 3);  // the forum, the MoU, the course
    CHECK(o["collaborations"][0]["id"] == "cnt");
    CHECK(o["collaborations"][0]["title"] == "Smart manufacturing forum");
    CHECK(o["collaborations"][0]["role"] == "Organiser");
    CHECK(o["abbr"] == "NSYSU");
    CHECK(o["note"] == "");
    CHECK_FALSE(o.contains("parent"));
}

// What the map's panel shows of an organisation, the page's details region has too: the
// organisation it is part of (a way on) and its note.
TEST_CASE("selection event: an organisation's parent and note") {
    AppModel m = fixture_model();
    Dataset ds = m.data();
    const int nsysu = ds.find_org("nsysu"), astri = ds.find_org("astri");
    ds.organisations[static_cast<size_t>(nsysu)].parent = astri;
    ds.organisations[static_cast<size_t>(nsysu)].note = "Location: general knowledge.";
    m.set_dataset(std::move(ds), "t");
    REQUIRE(m.select("nsysu"));
    json o = json::parse(selection_event_json(m));
    CHECK(o["parent"] == json{{"id", "astri"}, {"title", "Hong Kong Applied Science and Technology Research Institute"}});
    CHECK(o["note"] == "Location: general knowledge.");
}

TEST_CASE("commands: openEditor and editField are handed to the app, editField's value is JSON text") {
    AppModel m = fixture_model();
    CommandResult r = handle_command(m, R"({"cmd":"openEditor"})");
    CHECK(r.open_editor);
    r = handle_command(m, R"({"cmd":"editField","kind":"organisation","id":"tsmc","field":"/name","value":"A \"B\""})");
    REQUIRE(r.edit_field.set);
    CHECK(r.edit_field.kind == "organisation");
    CHECK(r.edit_field.id == "tsmc");
    CHECK(r.edit_field.pointer == "/name");
    CHECK(r.edit_field.value == R"("A \"B\"")");
    r = handle_command(m, R"({"cmd":"editField","kind":"organisation","id":"tsmc","field":"/note"})");
    CHECK(r.edit_field.set);
    CHECK(r.edit_field.value.empty());  // no value: the field is removed
    r = handle_command(m, R"({"cmd":"editField","kind":1,"id":"tsmc","field":"/name"})");
    CHECK_FALSE(r.edit_field.set);
    CHECK(json::parse(r.reply)["ok"] == false);
}

TEST_CASE("commands: the editfiles event names files without their folder and carries their text as is") {
    const std::string text = "{\n  \"organisations\": [\"\\u00e9\", \"台積電\"]\n}\n";
    const json j = json::parse(edit_files_event_json("download", {{"data/organisations.json", text}, {"events.json", "{}\n"}}, 2));
    CHECK(j["action"] == "download");
    CHECK(j["errors"] == 2);
    REQUIRE(j["files"].size() == 2);
    CHECK(j["files"][0]["name"] == "organisations.json");
    CHECK(j["files"][0]["text"] == text);
    CHECK(j["files"][1]["name"] == "events.json");
    CHECK(json::parse(error_reply_json("why \"so\""))["error"] == "why \"so\"");
}

// A collaboration's note (where its dates and roles come from), which the map's panel shows, is
// in the page's details region too, in the interface language when the data translates it.
TEST_CASE("selection event: a collaboration's note, in the interface language") {
    AppModel m = fixture_model();
    Dataset ds = m.data();
    Collaboration& c = ds.collaborations[static_cast<size_t>(ds.find_collab("kr_mou"))];
    c.note = "Date: the ceremony.";
    c.translations.push_back({Lang::Ko, "", "", "날짜: 체결식."});
    m.set_dataset(std::move(ds), "t");
    REQUIRE(m.select("kr_mou"));
    CHECK(json::parse(selection_event_json(m))["note"] == "Date: the ceremony.");
    set_active_catalogue(Locale::Ko, nullptr);
    CHECK(json::parse(selection_event_json(m))["note"] == "날짜: 체결식.");
    set_active_catalogue(Locale::En, nullptr);
}
