// Stories (core/story.h): the bundled first story is valid and quotes its sources; each kind of
// mistake gets its FILE:LINE:COL message; a step's view; the easing between steps.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/embedded.h"
#include "core/story.h"
#include "core/timeline.h"
#include "fixture.h"

using namespace ca;

namespace {

Dataset bundled_dataset() {
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    return std::move(r.dataset);
}

// A story over the fixture dataset, one line per step (so messages' lines are easy to predict):
// line 1 "{", line 2 id and title, line 3 "steps": [, then one step per line from line 4.
std::string story(const std::vector<std::string>& steps, const std::string& head = R"("id": "s", "title": "T", )") {
    std::string s = "{\n" + head + "\n\"steps\": [\n";
    for (size_t i = 0; i < steps.size(); ++i) s += steps[i] + (i + 1 < steps.size() ? ",\n" : "\n");
    return s + "]}\n";
}
std::string step(const std::string& view, const std::string& caption = R"("title": "C", "text": "X")") {
    return R"({"view": {)" + view + R"(}, "caption": {)" + caption + "}}";
}

std::vector<std::string> problems(const std::string& text) {
    StoryLoad r = load_story("s.json", text, test::fixture_dataset());
    std::vector<std::string> out;
    for (auto& d : r.diagnostics) out.push_back(d.to_string());
    return out;
}

// The phrases a caption quotes: between “ and ”.
std::vector<std::string> quoted(const std::string& text) {
    std::vector<std::string> out;
    const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
    size_t i = 0;
    while ((i = text.find(open, i)) != std::string::npos) {
        const size_t j = text.find(close, i);
        REQUIRE(j != std::string::npos);
        out.push_back(text.substr(i + open.size(), j - i - open.size()));
        i = j;
    }
    return out;
}

}  // namespace

TEST_CASE("the bundled first story is valid against the bundled dataset") {
    const Dataset ds = bundled_dataset();
    const EmbeddedFile* f = embedded_stories().find("stories/east-asia-chip-talent.json");
    REQUIRE(f);
    StoryLoad r = load_story(f->name, f->text(), ds);
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    CHECK(r.story.id == "east-asia-chip-talent");
    CHECK(r.story.title == "Four ways East Asia builds its chip talent and supply chains");
    CHECK(r.story.steps.size() == 5);
    CHECK(r.story.steps[2].scene.selected == "motie_packaging_mou");
    CHECK(format_day(static_cast<DayNum>(r.story.steps[2].scene.t)) == "2023-08-29");
    CHECK(r.story.steps[3].scene.has_camera);
    CHECK(r.story.steps[1].has_region);
    CHECK(r.story.steps[1].region == RegionPreset::Gba);
}

TEST_CASE("every caption of the first story cites sources whose quotes or facts hold each phrase it quotes") {
    const Dataset ds = bundled_dataset();
    StoryLoad r = load_story("first", embedded_stories().find("stories/east-asia-chip-talent.json")->text(), ds);
    REQUIRE(r.ok());
    size_t phrases = 0;
    for (const StoryStep& st : r.story.steps) {
        REQUIRE_FALSE(st.caption.sources.empty());
        std::vector<std::string> texts;  // the cited sources' quotes and facts
        auto cited = [&](int s) { return std::find(st.caption.sources.begin(), st.caption.sources.end(), s) != st.caption.sources.end(); };
        for (auto& c : ds.collaborations) {
            for (auto& e : c.evidence)
                if (cited(e.source)) texts.push_back(e.quote);
            for (auto& fct : c.facts)
                if (cited(fct.source)) texts.push_back(fct.quote);
        }
        for (auto& e : ds.events)
            if (cited(e.source)) texts.push_back(e.quote);
        for (const std::string& q : quoted(st.caption.text)) {
            INFO(st.caption.title << ": \"" << q << "\"");
            CHECK(std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(q) != std::string::npos; }));
            ++phrases;
        }
    }
    CHECK(phrases >= 10);
}

TEST_CASE("a valid story over the fixture reads its steps") {
    StoryLoad r = load_story("s.json",
                             story({step(R"("t": "2022-11-09", "mode": "window", "window": 6, "region": "gba", "selected": "metc")",
                                         R"("title": "One", "text": "First", "sources": ["s1"])"),
                                    step(R"("t": "2023-08-30", "camera": {"lat": 37, "lon": 127, "zoom": 3}, "lang": "native",
                                            "hiddenKinds": ["course"])")}),
                             test::fixture_dataset());
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    REQUIRE(r.story.steps.size() == 2);
    const StoryStep& a = r.story.steps[0];
    CHECK(a.scene.mode == TimeMode::Window);
    CHECK(a.scene.window_months == 6);
    CHECK(a.has_region);
    CHECK_FALSE(a.has_lang);
    CHECK(a.caption.sources == std::vector<int>{0});
    const StoryStep& b = r.story.steps[1];
    CHECK(b.scene.has_camera);
    CHECK(b.scene.cam_centre.lat == 37);
    CHECK(b.has_lang);
    CHECK(b.scene.lang == NameLang::Native);
    CHECK(b.scene.filters.collab_kind_hidden(CollabKind::Course));
    CHECK(b.scene.mode == ViewState{}.mode);  // not given: a fresh view's
}

TEST_CASE("each kind of mistake in a story gets its message and line:col") {
    using V = std::vector<std::string>;
    // Unknown keys, with "did you mean", at the top, in a step, in a view and in a caption.
    CHECK(problems(story({step(R"("t": "2022")")}, R"("id": "s", "title": "T", "titel": "x",)")) ==
          V{"s.json:2:35: error: /titel: unknown field \"titel\"; did you mean \"title\"?"});
    CHECK(problems(story({R"({"view": {"t": "2022"}, "captoin": {}})"})) ==
          V{"s.json:4:1: error: step 1 (/steps/0): missing required field \"caption\"",
            "s.json:4:36: error: step 1 (/steps/0/captoin): unknown field \"captoin\"; did you mean \"caption\"?"});
    CHECK(problems(story({step(R"("t": "2022", "zooom": 3)")})) ==
          V{"s.json:4:33: error: step 1 (/steps/0/view/zooom): unknown field \"zooom\""});
    CHECK(problems(story({step(R"("t": "2022", "selectd": "metc")")})) ==
          V{"s.json:4:35: error: step 1 (/steps/0/view/selectd): unknown field \"selectd\"; did you mean \"selected\"?"});
    // The reader's choices are no step's.
    CHECK(problems(story({step(R"("t": "2022", "theme": "dark")")}))[0].find("\"theme\" is the reader's choice") != std::string::npos);
    // Wrong types and values, with setState's words.
    CHECK(problems(story({step(R"("t": 2022)")})) == V{"s.json:4:16: error: step 1 (/steps/0/view/t): expected a date YYYY[-MM[-DD]]"});
    CHECK(problems(story({step(R"("t": "2022", "mode": "windowed")")})) ==
          V{"s.json:4:32: error: step 1 (/steps/0/view/mode): expected snapshot, window or cumulative"});
    CHECK(problems(story({step(R"("t": "2022", "region": "mars")")})) ==
          V{"s.json:4:34: error: step 1 (/steps/0/view/region): expected a region: all, gba, korea, taiwan or japan"});
    CHECK(problems(story({step(R"("t": "2022")", R"("title": 3, "text": "X")")})) ==
          V{"s.json:4:46: error: step 1 (/steps/0/caption/title): expected a string"});
    // Unknown ids, with "did you mean".
    CHECK(
        problems(story({step(R"("t": "2022", "selected": "metcc")")})) ==
        V{"s.json:4:36: error: step 1 (/steps/0/view/selected): unknown organisation or collaboration \"metcc\"; did you mean \"metc\"?"});
    CHECK(problems(story({step(R"("t": "2022")", R"("title": "C", "text": "X", "sources": ["s3"])")})) ==
          V{"s.json:4:76: error: step 1 (/steps/0/caption/sources/0): unknown source \"s3\"; did you mean \"s1\"?"});
    // Out of the dataset's time.
    CHECK(problems(story({step(R"("t": "1990-05-01")")})) ==
          V{"s.json:4:16: error: step 1 (/steps/0/view/t): time 1990-05-01 is outside the dataset's timeline (2019-01-01 to 2024-01-01)"});
    // Empty steps, too many steps, too long texts, region and camera both.
    CHECK(problems(story({})) == V{"s.json:3:10: error: /steps: a story needs at least one step"});
    CHECK(problems(story(std::vector<std::string>(41, step(R"("t": "2022")")))) ==
          V{"s.json:3:10: error: /steps: too many steps: 41 (the limit is 40)"});
    CHECK(problems(story({step(R"("t": "2022")", R"("title": "C", "text": ")" + std::string(1201, 'x') + "\"")})) ==
          V{"s.json:4:59: error: step 1 (/steps/0/caption/text): too long: 1201 characters (the limit is 1200)"});
    CHECK(problems(story({step(R"("t": "2022", "region": "gba", "camera": {"lat": 1, "lon": 2, "zoom": 3})")})) ==
          V{"s.json:4:34: error: step 1 (/steps/0/view/region): give \"region\" or \"camera\", not both"});
    // Missing fields, a bad id, syntax.
    CHECK(problems(story({step(R"("t": "2022")")}, R"("title": "T",)")) ==
          V{"s.json:1:1: error: (document): missing required field \"id\""});
    CHECK(problems(story({step(R"("t": "2022")")}, R"("id": "Bad Id", "title": "T",)"))[0].find("s.json:2:7: error: /id: invalid id") == 0);
    CHECK(problems("{\"id\": \"s\",}")[0].find("s.json:1:11: error: (document): ") == 0);
    CHECK(problems(std::string(kStoryMaxBytes + 1, ' '))[0].find("story file too large") != std::string::npos);
}

TEST_CASE("a story is told apart from a dataset file by its keys") {
    CHECK(is_story_text(R"({"id": "a", "title": "t", "steps": []})"));
    CHECK(is_story_text(R"({"$schema": "./schema.json", "id": "x", "note": "\"steps\": here", "steps": []})"));
    CHECK_FALSE(is_story_text(R"({"collaborations": [{"steps": 1}], "steps": []})"));
    CHECK_FALSE(is_story_text(test::fixture_json()));
    CHECK_FALSE(is_story_text(R"({"properties": {"steps": {}}})"));  // the schema's "steps" is nested
    CHECK_FALSE(is_story_text("[1, 2]"));
}

TEST_CASE("a step's view keeps the reader's presentation and sets its scene") {
    StoryStep st;
    st.scene.t = 19000;
    st.scene.mode = TimeMode::Snapshot;
    st.scene.selected = "metc";
    st.scene.has_camera = true;
    st.scene.cam_centre = {22, 114};
    st.scene.zoom = 4;
    ViewState base;
    base.theme = Theme::Dark;
    base.lang = NameLang::En;
    base.playing = true;
    base.filters.hidden_regions = 3;
    base.story = "s";
    base.step = 2;
    const ViewState v = step_view(st, base);
    CHECK(v.t == 19000);
    CHECK(v.mode == TimeMode::Snapshot);
    CHECK(v.selected == "metc");
    CHECK(v.theme == Theme::Dark);
    CHECK(v.lang == NameLang::En);  // the step gives no lang
    CHECK_FALSE(v.playing);
    CHECK(v.filters.hidden_regions == 0);  // the step's filters (none), not the reader's
    CHECK(v.has_camera);
    CHECK(v.zoom == 4);
    CHECK(v.story == "s");
    st.has_region = true;
    CHECK_FALSE(step_view(st, base).has_camera);  // a region is fitted by the caller
}

TEST_CASE("time between two steps eases from one to the other") {
    CHECK(story_time_at(100, 200, 0) == 100);
    CHECK(story_time_at(100, 200, 1) == 200);
    CHECK(story_time_at(100, 200, 0.5) == Approx(150));
    CHECK(story_time_at(100, 200, 0.1) < 110);  // slow start
    CHECK(story_time_at(100, 200, 0.9) > 190);  // slow end
    CHECK(story_time_at(100, 200, -1) == 100);
    CHECK(story_time_at(100, 200, 7) == 200);
    double prev = 100;
    for (int i = 1; i <= 20; ++i) {
        const double t = story_time_at(100, 200, i / 20.0);
        CHECK(t >= prev);
        prev = t;
    }
}

TEST_CASE("a story written for authoring reads back the same") {
    const Dataset ds = test::fixture_dataset();
    StoryLoad a = load_story("a.json",
                             story({step(R"("t": "2022-11-09", "mode": "window", "window": 6, "region": "gba", "selected": "metc")",
                                         R"("title": "One", "text": "First", "sources": ["s1", "s2"])"),
                                    step(R"("t": "2023-08-30", "camera": {"lat": 37.5, "lon": 127.25, "zoom": 3}, "lang": "native")")}),
                             ds);
    REQUIRE(a.ok());
    const std::string text = story_file_text(a.story, ds);
    StoryLoad b = load_story("b.json", text, ds);
    INFO(text);
    REQUIRE(b.ok());
    CHECK(story_file_text(b.story, ds) == text);
    CHECK(b.story.steps[0].scene == a.story.steps[0].scene);
    CHECK(b.story.steps[1].scene.cam_centre.lon == 127.25);
    CHECK(b.story.steps[1].caption.title == "C");
    CHECK(text.find("\"$schema\": \"./schema.json\"") != std::string::npos);
}

namespace {

// The fixture model telling a three-step story (a region, a camera, a region with a selection).
AppModel story_model() {
    AppModel m = test::fixture_model();
    StoryLoad r =
        load_story("tour.json",
                   story({step(R"("t": "2020-01-01", "mode": "cumulative", "region": "all")", R"("title": "One", "text": "A")"),
                          step(R"("t": "2023-08-30", "mode": "window", "window": 6, "camera": {"lat": 37.2, "lon": 127.2, "zoom": 8})",
                               R"("title": "Two", "text": "B", "sources": ["s2"])"),
                          step(R"("t": "2022-11-09", "region": "gba", "selected": "metc")", R"("title": "Three", "text": "C")")},
                         R"("id": "tour", "title": "A tour", )"),
                   m.data());
    REQUIRE(r.ok());
    m.set_stories({r.story});
    return m;
}

double day(const char* iso) {
    Date d;
    REQUIRE(parse_date(iso, d));
    return first_day(d);
}

void settle(AppModel& m) {
    for (int i = 0; i < 200 && m.tick(0.05); ++i) {}
}

}  // namespace

TEST_CASE("story mode: stepping flies the camera and eases the time there, then stops") {
    AppModel m = story_model();
    const unsigned v0 = m.story_version();
    REQUIRE(m.go_to_step("tour", 1));
    settle(m);
    CHECK(m.story_version() != v0);
    CHECK(m.view().story == "tour");
    CHECK(m.view().step == 1);
    CHECK(format_day(static_cast<DayNum>(m.view().t)) == "2020-01-01");
    REQUIRE(m.next_step(1));
    // Half way: the time is between the two steps' times, the camera on its way.
    m.tick(0.6);
    const double t_mid = m.view().t;
    CHECK(t_mid > day("2020-01-01"));
    CHECK(t_mid < day("2023-08-30"));
    CHECK_FALSE(m.away_from_step());  // arriving is not moving away
    settle(m);
    CHECK(format_day(static_cast<DayNum>(m.view().t)) == "2023-08-30");
    CHECK(m.view().mode == TimeMode::Window);
    CHECK(m.view().window_months == 6);
    CHECK(m.current_view().cam_centre.lat == Approx(37.2).margin(0.01));
    CHECK(m.current_view().zoom == Approx(8).margin(0.05));
    CHECK_FALSE(m.away_from_step());
    CHECK(m.next_step(1));
    settle(m);
    CHECK(m.view().selected == "metc");
    CHECK_FALSE(m.next_step(1));  // the last step
    CHECK(m.view().step == 3);
}

TEST_CASE("story mode: with reduced motion a step is shown at once") {
    AppModel m = story_model();
    m.set_reduced_motion(true);
    REQUIRE(m.go_to_step("tour", 2));
    CHECK(format_day(static_cast<DayNum>(m.view().t)) == "2023-08-30");
    CHECK(m.current_view().zoom == Approx(8).margin(0.05));
    CHECK_FALSE(m.tick(0.016));  // nothing left to animate
}

TEST_CASE("story mode: the map stays explorable, and back to step returns to the step's view") {
    AppModel m = story_model();
    m.set_reduced_motion(true);
    REQUIRE(m.go_to_step("tour", 2));
    CHECK_FALSE(m.away_from_step());
    m.pan({200, 0});
    CHECK(m.away_from_step());
    CHECK(m.view().story == "tour");  // still in the story
    m.back_to_step();
    CHECK_FALSE(m.away_from_step());
    m.set_time(day("2021-01-01"));
    CHECK(m.away_from_step());
    m.back_to_step();
    m.select("metc");
    CHECK(m.away_from_step());
    m.back_to_step();
    m.zoom_at({640, 400}, 1.05);  // a nudge is not moving away
    CHECK_FALSE(m.away_from_step());
    m.exit_story();
    CHECK(m.view().story.empty());
    CHECK(m.view().step == 0);
    CHECK_FALSE(m.away_from_step());
    CHECK(m.story() == nullptr);
}

TEST_CASE("story mode: the URL keeps the story and step, and a link opens that step") {
    AppModel m = story_model();
    m.set_reduced_motion(true);
    REQUIRE(m.go_to_step("tour", 2));
    const std::string hash = m.hash();
    CHECK(hash.find("story=tour") != std::string::npos);
    CHECK(hash.find("step=2") != std::string::npos);
    AppModel fresh = story_model();
    fresh.set_reduced_motion(true);
    std::vector<std::string> warn;
    // The step's view wins over the link's other scene keys; its presentation keys apply.
    fresh.apply_hash("#story=tour&step=2&t=2019-05-01&theme=dark", warn);
    CHECK(warn.empty());
    CHECK(fresh.view().story == "tour");
    CHECK(fresh.view().step == 2);
    CHECK(format_day(static_cast<DayNum>(fresh.view().t)) == "2023-08-30");
    CHECK(fresh.view().theme == Theme::Dark);
    CHECK(fresh.current_view().zoom == Approx(8).margin(0.05));
    // An unknown story, or a step past the end.
    AppModel other = story_model();
    other.apply_hash("#story=nope&step=2", warn);
    CHECK(other.view().story.empty());
    CHECK(other.view().step == 0);
    other.apply_hash("#story=tour&step=9", warn);
    CHECK(warn.empty());
    CHECK(other.view().step == 3);  // past the end: the last step
    other.apply_hash("#step=41", warn);
    CHECK(warn == std::vector<std::string>{"ignoring step=41: expected a step number 0..40"});
}

TEST_CASE("story commands: list, describe, step, exit, load, and getState's story fields") {
    AppModel m = story_model();
    m.set_reduced_motion(true);
    auto run = [&](const std::string& text) { return nlohmann::json::parse(handle_command(m, text).reply); };
    nlohmann::json r = run(R"({"cmd": "listStories"})");
    REQUIRE(r["stories"].size() == 1);
    CHECK(r["stories"][0]["id"] == "tour");
    CHECK(r["stories"][0]["steps"] == 3);
    CHECK(run(R"({"cmd": "story"})")["error"] == "no story is told (give \"story\": listStories lists them)");
    r = run(R"({"cmd": "story", "story": "tour"})");
    CHECK(r["story"]["title"] == "A tour");
    CHECK(r["story"]["steps"][1]["title"] == "Two");
    CHECK(r["story"]["steps"][1]["sources"][0]["url"] == "https://example.org/two");
    CHECK(r["story"]["step"] == 0);
    r = run(R"({"cmd": "storyStep", "story": "tour", "step": 2})");
    CHECK(r["ok"] == true);
    CHECK(r["story"]["step"] == 2);
    r = run(R"({"cmd": "getState"})");
    CHECK(r["state"]["story"] == "tour");
    CHECK(r["state"]["step"] == 2);
    CHECK(r["state"]["storyAway"] == false);
    CHECK(r["state"]["t"] == "2023-08-30");
    CHECK(run(R"({"cmd": "storyStep", "step": 3})")["story"]["step"] == 3);  // the story told
    CHECK(run(R"({"cmd": "storyStep", "step": 4})")["error"] == "step must be 1..3");
    CHECK(run(R"({"cmd": "storyStep", "story": "nope"})")["error"] == "no such story");
    const std::string ev = story_event_json(m);
    CHECK(nlohmann::json::parse(ev)["caption"]["title"] == "Three");
    run(R"({"cmd": "exitStory"})");
    CHECK(run(R"({"cmd": "getState"})")["state"]["story"] == "");
    CHECK(nlohmann::json::parse(story_event_json(m))["step"] == 0);
    // setState enters a step too.
    CHECK(run(R"({"cmd": "setState", "state": {"story": "tour", "step": 1}})")["state"]["step"] == 1);
    // loadStory: a valid text adds a story; an invalid one answers with its FILE:LINE:COL lines.
    r = run(
        R"({"cmd": "loadStory", "name": "mine.json", "text": "{\"id\": \"mine\", \"title\": \"M\", \"steps\": [{\"view\": {\"t\": \"2022\"}, \"caption\": {\"title\": \"a\", \"text\": \"b\"}}]}"})");
    CHECK(r["ok"] == true);
    CHECK(r["id"] == "mine");
    CHECK(run(R"({"cmd": "listStories"})")["stories"].size() == 2);
    r = run(R"({"cmd": "loadStory", "name": "bad.json", "text": "{\"id\": \"bad\", \"title\": \"B\", \"steps\": []}"})");
    CHECK(r["ok"] == false);
    CHECK(r["error"] == "the story has errors");
    CHECK(r["text"].get<std::string>().find("bad.json:1:38: error: /steps: a story needs at least one step") != std::string::npos);
}

TEST_CASE("authoring: the current view as a step, steps re-ordered, written and read back") {
    AppModel m = story_model();
    m.set_reduced_motion(true);
    REQUIRE(m.go_to_step("tour", 2));
    Story s;
    s.id = "drafted";
    s.title = "Drafted";
    s.steps.push_back(step_from_view(m.current_view()));
    m.select("metc");
    s.steps.push_back(step_from_view(m.current_view()));
    s.steps[0].caption = {"First", "One", {}};
    s.steps[1].caption = {"Second", "Two", {1}};
    CHECK(s.steps[0].scene.has_camera);
    CHECK(s.steps[0].scene.mode == TimeMode::Window);
    CHECK(s.steps[1].scene.selected == "metc");
    CHECK(move_step(s, 1, -1));
    CHECK(s.steps[0].caption.title == "Second");
    CHECK_FALSE(move_step(s, 0, -1));
    CHECK_FALSE(move_step(s, 1, 1));
    const std::string text = story_file_text(s, m.data());
    StoryLoad r = load_story("drafted.json", text, m.data());
    INFO(text);
    REQUIRE(r.ok());
    CHECK(r.story.steps[0].scene.selected == "metc");
    CHECK(r.story.steps[0].caption.sources == std::vector<int>{1});
    CHECK(r.story.steps[1].scene.cam_centre.lat == Approx(37.2).margin(0.001));
    // The drafted story can be told at once.
    m.add_story(r.story);
    CHECK(m.go_to_step("drafted", 2));
}

TEST_CASE("captions in the region's languages: read, shown in the interface language, written back") {
    const std::string ko = R"({"lang": "ko", "title": "하나", "text": "가나다"})", ja = R"({"lang": "ja", "title": "一つ"})";
    StoryLoad r =
        load_story("s.json", story({step(R"("t": "2022")", R"("title": "One", "text": "A", "translations": [)" + ko + ", " + ja + "]")}),
                   test::fixture_dataset());
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    const StoryCaption& c = r.story.steps[0].caption;
    REQUIRE(c.translations.size() == 2);
    CHECK(c.title_in(Locale::Ko) == "하나");
    CHECK(c.text_in(Locale::Ko) == "가나다");
    CHECK(c.title_in(Locale::Ja) == "一つ");
    CHECK(c.text_in(Locale::Ja) == "A");  // no Japanese text: the English one
    CHECK(c.title_in(Locale::En) == "One");
    CHECK(c.title_in(Locale::ZhHans) == "One");
    // The canonical writer keeps them, and they read back the same.
    const std::string text = story_file_text(r.story, test::fixture_dataset());
    CHECK(text.find(R"("lang": "ko")") != std::string::npos);
    StoryLoad again = load_story("s.json", text, test::fixture_dataset());
    REQUIRE(again.ok());
    CHECK(again.story.steps[0].caption.title_in(Locale::Ko) == "하나");
    CHECK(again.story.steps[0].caption.translations.size() == 2);
}

TEST_CASE("a caption's translations are checked like a collaboration's: known tags, each once, the same caps") {
    using V = std::vector<std::string>;
    auto with = [](const std::string& tr) {
        return problems(story({step(R"("t": "2022")", R"("title": "C", "text": "X", "translations": )" + tr)}));
    };
    CHECK(with(R"([{"lang": "kr", "title": "a"}])") ==
          V{"s.json:4:90: error: step 1 (/steps/0/caption/translations/0/lang): unknown language \"kr\" (expected zh-Hant, zh-Hans, ko or "
            "ja)"});
    CHECK(with(R"([{"lang": "ko", "title": "a"}, {"lang": "ko", "text": "b"}])") ==
          V{"s.json:4:120: error: step 1 (/steps/0/caption/translations/1/lang): language ko is translated twice"});
    CHECK(with(R"([{"lang": "ja"}])") ==
          V{"s.json:4:81: error: step 1 (/steps/0/caption/translations/0): a translation needs \"title\" or \"text\" (or both)"});
    CHECK(with(R"([{"lang": "ja", "title": "a", "summary": "b"}])") ==
          V{"s.json:4:121: error: step 1 (/steps/0/caption/translations/0/summary): unknown field \"summary\""});
    CHECK(with(R"({"lang": "ja"})") == V{"s.json:4:80: error: step 1 (/steps/0/caption/translations): expected an array of translations"});
    CHECK(with(R"([{"lang": "ja", "text": ")" + std::string(1201, 'x') + "\"}]") ==
          V{"s.json:4:104: error: step 1 (/steps/0/caption/translations/0/text): too long: 1201 characters (the limit is 1200)"});
}

TEST_CASE("a story's title and summary in the region's languages: read, shown in the interface language, written back") {
    const std::string head =
        R"("id": "s", "title": "Tour", "summary": "About", "translations": [{"lang": "ko", "title": "여행", "summary": "소개"}, )"
        R"({"lang": "ja", "title": "旅"}], )";
    StoryLoad r = load_story("s.json", story({step(R"("t": "2022")")}, head), test::fixture_dataset());
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    REQUIRE(r.story.translations.size() == 2);
    CHECK(r.story.title_in(Locale::Ko) == "여행");
    CHECK(r.story.summary_in(Locale::Ko) == "소개");
    CHECK(r.story.title_in(Locale::Ja) == "旅");
    CHECK(r.story.summary_in(Locale::Ja) == "About");  // no Japanese summary: the English one
    CHECK(r.story.title_in(Locale::En) == "Tour");
    CHECK(r.story.title_in(Locale::ZhHant) == "Tour");
    const std::string text = story_file_text(r.story, test::fixture_dataset());
    CHECK(text.find(R"("summary": "소개")") != std::string::npos);
    StoryLoad again = load_story("s.json", text, test::fixture_dataset());
    REQUIRE(again.ok());
    CHECK(again.story.title_in(Locale::Ko) == "여행");
    CHECK(again.story.translations.size() == 2);
    CHECK(story_file_text(again.story, test::fixture_dataset()) == text);
}

TEST_CASE("a story's own translations are checked: known tags, each once, the title's and summary's caps") {
    using V = std::vector<std::string>;
    auto with = [](const std::string& tr) {
        return problems(story({step(R"("t": "2022")")}, R"("id": "s", "title": "T", "translations": )" + tr + ", "));
    };
    CHECK(with(R"([{"lang": "kr", "title": "a"}])") ==
          V{"s.json:2:52: error: /translations/0/lang: unknown language \"kr\" (expected zh-Hant, zh-Hans, ko or ja)"});
    CHECK(with(R"([{"lang": "ko", "title": "a"}, {"lang": "ko", "summary": "b"}])") ==
          V{"s.json:2:82: error: /translations/1/lang: language ko is translated twice"});
    CHECK(with(R"([{"lang": "ja"}])") == V{"s.json:2:43: error: /translations/0: a translation needs \"title\" or \"summary\" (or both)"});
    CHECK(with(R"([{"lang": "ja", "text": "b"}])") ==
          V{"s.json:2:43: error: /translations/0: a translation needs \"title\" or \"summary\" (or both)",
            "s.json:2:66: error: /translations/0/text: unknown field \"text\""});
    CHECK(with(R"([{"lang": "ja", "summary": ")" + std::string(601, 'x') + "\"}]") ==
          V{"s.json:2:69: error: /translations/0/summary: too long: 601 characters (the limit is 600)"});
    CHECK(with(R"([{"lang": "ja", "title": ")" + std::string(121, 'x') + "\"}]") ==
          V{"s.json:2:67: error: /translations/0/title: too long: 121 characters (the limit is 120)"});
}

TEST_CASE("the first story's captions are in the region's four languages") {
    const Dataset ds = bundled_dataset();
    StoryLoad r = load_story("first", embedded_stories().find("stories/east-asia-chip-talent.json")->text(), ds);
    REQUIRE(r.ok());
    for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {  // and its title and summary
        CHECK(r.story.title_in(l) != r.story.title);
        CHECK(r.story.summary_in(l) != r.story.summary);
    }
    for (const StoryStep& st : r.story.steps) {
        INFO(st.caption.title);
        for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
            CHECK(st.caption.title_in(l) != st.caption.title);
            CHECK(st.caption.text_in(l) != st.caption.text);
        }
    }
}

TEST_CASE("story commands and the storystep event give the caption in the interface language") {
    AppModel m = test::fixture_model();
    StoryLoad r = load_story(
        "t.json",
        story({step(R"("t": "2022")", R"("title": "One", "text": "A", "translations": [{"lang": "ko", "title": "하나", "text": "가"}])")},
              R"("id": "t", "title": "T", )"),
        m.data());
    REQUIRE(r.ok());
    m.add_story(r.story);
    REQUIRE(m.go_to_step("t", 1));
    CHECK(nlohmann::json::parse(story_event_json(m))["caption"]["title"] == "One");
    const unsigned before = m.story_version();
    m.set_shown_locale(Locale::Ko);
    CHECK(m.story_version() != before);  // the page hears the step again, in Korean
    const nlohmann::json ev = nlohmann::json::parse(story_event_json(m));
    CHECK(ev["caption"]["title"] == "하나");
    CHECK(ev["caption"]["text"] == "가");
    const nlohmann::json reply = nlohmann::json::parse(handle_command(m, R"({"cmd": "story", "story": "t"})").reply);
    CHECK(reply["story"]["steps"][0]["title"] == "하나");
}

TEST_CASE("story commands and the storystep event give the story's title in the interface language") {
    AppModel m = test::fixture_model();
    StoryLoad r =
        load_story("t.json",
                   story({step(R"("t": "2022")")},
                         R"("id": "t", "title": "Tour", "summary": "About", "translations": [{"lang": "ko", "title": "여행"}], )"),
                   m.data());
    REQUIRE(r.ok());
    m.add_story(r.story);
    REQUIRE(m.go_to_step("t", 1));
    CHECK(nlohmann::json::parse(story_event_json(m))["title"] == "Tour");
    m.set_shown_locale(Locale::Ko);
    CHECK(nlohmann::json::parse(story_event_json(m))["title"] == "여행");
    const nlohmann::json list = nlohmann::json::parse(handle_command(m, R"({"cmd": "listStories"})").reply);
    bool found = false;
    for (const auto& s : list["stories"])
        if (s["id"] == "t") {
            found = true;
            CHECK(s["title"] == "여행");
            CHECK(s["summary"] == "About");  // no Korean summary: the English one
        }
    CHECK(found);
    const nlohmann::json one = nlohmann::json::parse(handle_command(m, R"({"cmd": "story", "story": "t"})").reply);
    CHECK(one["story"]["title"] == "여행");
}
