// The view state's one table (view_state.h, for_each_field): every field round-trips through
// the URL hash and through getState / setState, the ranges are drawn at the same place by
// decode_hash, setState and the model's clamps, the UI's choices come from the same constants,
// and AppModel::hash() reads the state without changing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "core/app_model.h"
#include "core/commands.h"
#include "core/i18n.h"
#include "core/url_hash.h"
#include "fixture.h"

using namespace ca;
using json = nlohmann::json;

namespace {

AppModel model() { return test::fixture_model(); }

json ask(AppModel& m, const json& command) {
    json reply = json::parse(handle_command(m, command.dump()).reply);
    REQUIRE(reply["ok"] == true);
    return reply;
}
json get_state(AppModel& m) { return ask(m, {{"cmd", "getState"}})["state"]; }

// A state whose every field differs from a default ViewState's (with a dataset id and a time
// inside the bundled data).
ViewState full_state() {
    ViewState v;
    v.t = days_from_civil(2023, 8, 30);
    v.mode = TimeMode::Window;
    v.window_months = 18;
    v.filters.hidden_collab_kinds = 1u << static_cast<int>(CollabKind::Forum) | 1u << static_cast<int>(CollabKind::Mou);
    v.filters.hidden_org_kinds = 1u << static_cast<int>(OrgKind::Company);
    v.filters.hidden_regions = 1u << static_cast<int>(Region::Japan);
    v.selected = "astri";
    v.has_camera = true;
    v.cam_centre = {22.3, 114.2};
    v.zoom = 6;
    v.lang = NameLang::Native;
    v.locale = Locale::Ko;
    v.theme = Theme::Dark;
    v.embed = true;
    v.transparent = true;
    v.playing = true;
    v.speed = 2;
    v.reduced_motion = true;
    v.story = "tour";
    v.step = 2;
    return v;
}

// The story fields: a model enters the step they name (or drops an unknown story), so the JSON
// round trips through a model leave them out; test_story.cpp follows them through a model.
bool story_field(const std::string& json_name) { return json_name == "story" || json_name == "step"; }

struct Names {
    std::string json, hash;
};
std::vector<Names> field_names() {
    std::vector<Names> out;
    ViewState v;
    for_each_field([&](const auto& f, const auto&) { out.push_back({f.json, f.hash}); }, v);
    return out;
}

// dst takes src's value of the field whose hash key is key (the camera's three members for "c").
void copy_field(const std::string& key, ViewState& dst, const ViewState& src) {
    for_each_field(
        [&](const auto& f, auto& to, const auto& from) {
            if (key != f.hash) return;
            if constexpr (std::is_same_v<std::decay_t<decltype(to)>, ViewState>) {
                to.has_camera = from.has_camera;
                to.cam_centre = from.cam_centre;
                to.zoom = from.zoom;
            } else {
                to = from;
            }
        },
        dst, src);
}

std::string num(double x) {
    char b[40];
    std::snprintf(b, sizeof b, "%.17g", x);
    return b;
}

// Whether decode_hash takes "key=text" (without a warning) and setState takes {name: value}.
bool hash_takes(const std::string& key_value) {
    ViewState v;
    std::vector<std::string> warnings;
    decode_hash(key_value, v, warnings);
    return warnings.empty();
}
bool set_state_takes(AppModel& m, const json& state) { return !ask(m, {{"cmd", "setState"}, {"state", state}}).contains("warnings"); }

std::string read_text(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("view state table: each field has one JSON name and one hash key, the page's state table lists them") {
    const std::vector<Names> names = field_names();
    CHECK(names.size() == 18);
    std::set<std::string> json_names, hash_keys;
    for (auto& n : names) {
        CHECK(json_names.insert(n.json).second);
        CHECK(hash_keys.insert(n.hash).second);
    }
    // docs/web_bridge.md ("State") shows each field as `"name":value` and `key=value`, with the
    // ranges the table has.
    const std::string doc = read_text(std::filesystem::path(CHIPATLAS_SOURCE_DIR) / "docs/web_bridge.md");
    REQUIRE(!doc.empty());
    for (auto& n : names) {
        INFO(n.json << " / " << n.hash);
        CHECK(doc.find("`\"" + n.json + "\":") != std::string::npos);
        CHECK(doc.find("`" + n.hash + "=") != std::string::npos);
    }
    for (const std::string& range : {kWindowMonths.text(), kSpeed.text(), kCamLat.text(), kCamLon.text(), kCamZoom.text()}) {
        INFO(range);
        CHECK(doc.find(range) != std::string::npos);
    }
}

TEST_CASE("view state table: every field round-trips hash -> state -> hash") {
    const ViewState full = full_state(), def;
    // The full state leaves no field at its default, so every row of the table is exercised.
    int fields = 0, changed = 0;
    for_each_field(
        [&](const auto&, const auto& a, const auto& b) {
            ++fields;
            if constexpr (std::is_same_v<std::decay_t<decltype(a)>, ViewState>)
                changed += a.has_camera != b.has_camera;
            else
                changed += !(a == b);
        },
        full, def);
    CHECK(changed == fields);

    const std::string h = encode_hash(full);
    CHECK(h ==
          "#t=2023-08-30&mode=window&win=18&hk=mou,forum&ho=company&hr=japan&sel=astri&c=22.3000,114.2000,6.00"
          "&lang=native&locale=ko&theme=dark&embed=1&bg=transparent&play=1&speed=2&rm=1&story=tour&step=2");
    ViewState back;
    std::vector<std::string> warnings;
    decode_hash(h, back, warnings);
    CHECK(warnings.empty());
    CHECK(back == full);
    CHECK(encode_hash(back) == h);

    // One field at a time: written under its key, read back into a default state.
    for (const Names& n : field_names()) {
        INFO("field " << n.json << " (" << n.hash << ")");
        ViewState one;
        copy_field(n.hash, one, full);
        const std::string oh = encode_hash(one);
        CHECK(oh.find("&" + n.hash + "=") + oh.find("#" + n.hash + "=") != 2 * std::string::npos);
        ViewState got;
        decode_hash(oh, got, warnings);
        CHECK(warnings.empty());
        CHECK(got == one);
        CHECK(encode_hash(got) == oh);
    }
}

TEST_CASE("view state table: every field round-trips JSON -> state -> JSON") {
    AppModel m = model();
    std::vector<std::string> warnings;
    m.apply_hash(encode_hash(full_state()), warnings);
    REQUIRE(warnings.empty());
    const json full = get_state(m);
    for (const Names& n : field_names()) CHECK(full.contains(n.json));
    CHECK(full["story"] == "");  // the fixture model has no story "tour"
    CHECK(full["window"] == 18);
    CHECK(full["camera"] == json({{"lat", 22.3}, {"lon", 114.2}, {"zoom", 6.0}}));

    // The whole state into a fresh model (the read-only fields are passed over).
    AppModel fresh = model();
    CHECK(set_state_takes(fresh, full));
    CHECK(get_state(fresh) == full);
    CHECK(fresh.hash() == m.hash());

    // One field at a time.
    for (const Names& n : field_names()) {
        if (story_field(n.json)) continue;
        INFO("field " << n.json);
        AppModel one = model();
        CHECK(get_state(one)[n.json] != full[n.json]);
        CHECK(set_state_takes(one, {{n.json, full[n.json]}}));
        CHECK(get_state(one)[n.json] == full[n.json]);
    }
}

TEST_CASE("view state ranges: decode_hash, setState and the model's clamps draw the same lines") {
    AppModel m = model();
    // Window: whole months 1..360.
    for (double w : {-1.0, 0.0, 1.0, 1.5, 24.0, 359.5, 360.0, 361.0, 4294967297.0, 1e300}) {
        INFO("window " << num(w));
        const bool in = kWindowMonths.contains(w);
        CHECK(in == (w == 1 || w == 24 || w == 360));
        CHECK(hash_takes("win=" + num(w)) == in);
        CHECK(set_state_takes(m, {{"window", w}}) == in);
        if (in) CHECK(m.view().window_months == w);
        if (std::abs(w) < 1e9 && w == std::floor(w)) {  // the model clamps what the others refuse
            m.set_window(static_cast<int>(w));
            CHECK(m.view().window_months == (in ? w : w < kWindowMonths.lo ? 1 : 360));
        }
    }
    // Speed: 0.25..16.
    for (double s : {-1.0, 0.0, 0.2, 0.2499999, 0.25, 1.0, 16.0, 16.0000001, 16.5, 1e308}) {
        INFO("speed " << num(s));
        const bool in = kSpeed.contains(s);
        CHECK(in == (s >= 0.25 && s <= 16));
        CHECK(hash_takes("speed=" + num(s)) == in);
        CHECK(set_state_takes(m, {{"speed", s}}) == in);
        m.set_speed(s);
        CHECK(m.view().speed == (in ? s : s < 1 ? 0.25 : 16));
    }
    // apply_view (what setState and setHash end in) clamps the same way.
    ViewState v = m.current_view();
    v.window_months = 361;
    v.speed = 16.5;
    m.apply_view(v);
    CHECK(m.view().window_months == 360);
    CHECK(m.view().speed == 16);
    v.window_months = 0;
    v.speed = 0.2;
    m.apply_view(v);
    CHECK(m.view().window_months == 1);
    CHECK(m.view().speed == 0.25);

    // Camera: latitude -85..85, longitude -180..180, zoom above 0.05 up to 2000.
    struct Cam {
        double lat, lon, zoom;
        bool in;
    };
    for (const Cam& c : {Cam{85, 180, 2000, true}, Cam{-85, -180, 0.0501, true}, Cam{30, 125, 1, true}, Cam{85.0001, 120, 1, false},
                         Cam{-86, 120, 1, false}, Cam{30, 180.5, 1, false}, Cam{30, -181, 1, false}, Cam{30, 125, 0.05, false},
                         Cam{30, 125, 2000.5, false}, Cam{30, 125, 0, false}}) {
        INFO("camera " << num(c.lat) << "," << num(c.lon) << "," << num(c.zoom));
        CHECK((kCamLat.contains(c.lat) && kCamLon.contains(c.lon) && kCamZoom.contains(c.zoom)) == c.in);
        CHECK(hash_takes("c=" + num(c.lat) + "," + num(c.lon) + "," + num(c.zoom)) == c.in);
        CHECK(set_state_takes(m, {{"camera", {{"lat", c.lat}, {"lon", c.lon}, {"zoom", c.zoom}}}}) == c.in);
    }
    // The zoom a link may ask for is wider than the one shown: the model clamps to kZoomShown.
    CHECK(m.min_scale() == Approx(scale_for_zoom(m.camera(), kZoomShown.lo)));
    CHECK(m.max_scale() == Approx(scale_for_zoom(m.camera(), kZoomShown.hi)));
    REQUIRE(set_state_takes(m, {{"camera", {{"lat", 30}, {"lon", 125}, {"zoom", 2000}}}}));
    CHECK(get_state(m)["camera"]["zoom"] == kZoomShown.hi);
}

TEST_CASE("view state ranges: the UI's choices and limits are the table's, written nowhere else in src/") {
    // The speed presets span kSpeed and each goes through the model and a hash unchanged.
    CHECK(kSpeedPresets[0] == kSpeed.lo);
    CHECK(kSpeedPresets[std::size(kSpeedPresets) - 1] == kSpeed.hi);
    AppModel m = model();
    for (double s : kSpeedPresets) {
        m.set_speed(s);
        CHECK(m.view().speed == s);
        ViewState v;
        std::vector<std::string> warnings;
        decode_hash(m.hash(), v, warnings);
        CHECK(warnings.empty());
        CHECK(v.speed == s);
    }
    // The window slider runs over kWindowMonths, and its ends are the model's.
    m.set_window(kWindowMonths.hi + 1);
    CHECK(m.view().window_months == kWindowMonths.hi);
    m.set_window(kWindowMonths.lo - 1);
    CHECK(m.view().window_months == kWindowMonths.lo);

    // The literals of the window's and the speed's ends (360, 0.25) appear in src/ only in
    // view_state.h: the codecs, the model and the UI take them from there.
    const std::filesystem::path src = std::filesystem::path(CHIPATLAS_SOURCE_DIR) / "src";
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::vector<std::string> found;
    for (auto& e : std::filesystem::recursive_directory_iterator(src)) {
        const std::string ext = e.path().extension().string();
        if (!e.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        const std::string text = read_text(e.path());
        for (const std::string lit : {"360", "0.25"}) {
            for (size_t i = text.find(lit); i != std::string::npos; i = text.find(lit, i + 1)) {
                const size_t j = i + lit.size();
                // A number of its own: not part of a name or a longer number ("0.255", "10.25", "0.25f").
                const bool starts = i == 0 || (!word(text[i - 1]) && (text[i - 1] != '.' || (i >= 2 && text[i - 2] == '.')));
                const bool ends = j >= text.size() || (!word(text[j]) && (text[j] != '.' || (j + 1 < text.size() && text[j + 1] == '.')));
                if (starts && ends) found.push_back(std::filesystem::relative(e.path(), src).generic_string() + ": " + lit);
            }
        }
    }
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"core/view_state.h: 0.25", "core/view_state.h: 360"});
}

TEST_CASE("AppModel::hash() and current_view() report the camera now without changing the model") {
    AppModel m = model();
    const ViewState before = m.view();
    const unsigned version = m.version();
    m.pan({120, -60});
    const AppModel& c = m;
    const std::string h = c.hash();
    const ViewState now = c.current_view();
    CHECK(now.cam_centre.lat != before.cam_centre.lat);
    CHECK(h == encode_hash(now));
    CHECK(c.hash() == h);
    CHECK(m.view() == before);          // view() keeps the camera last applied
    CHECK(m.version() == version + 1);  // the pan, nothing more

    // setState with no camera leaves a flight in progress alone (apply_view compares against
    // the camera now, not the one last applied).
    m.fly_to(RegionPreset::Korea);
    m.tick(0.2);
    const Vec2 mid = m.camera().centre;
    ask(m, {{"cmd", "setState"}, {"state", {{"mode", "snapshot"}}}});
    CHECK(m.camera().centre.x == mid.x);
    CHECK(m.camera().centre.y == mid.y);
    CHECK(m.tick(0.2));
    CHECK(m.camera().centre.x != mid.x);
}

TEST_CASE("an organisation's name in each names mode and interface language") {
    Organisation o;
    o.name = "Ministry of Trade, Industry and Energy";
    o.names.push_back({Lang::Ko, "산업통상자원부"});
    Organisation hk;
    hk.name = "Hong Kong Applied Science and Technology Research Institute";
    hk.names.push_back({Lang::ZhHant, "香港應用科技研究院"});
    set_active_catalogue(Locale::En, nullptr);
    CHECK(display_name(o, NameLang::En) == "Ministry of Trade, Industry and Energy");
    CHECK(display_name(o, NameLang::Native) == "산업통상자원부");
    CHECK(display_name(o, NameLang::Both) == "Ministry of Trade, Industry and Energy · 산업통상자원부");
    // In Korean, Both gives the name in the interface's script first; a name in another script
    // stays second; En and Native do not follow the interface.
    set_active_catalogue(Locale::Ko, nullptr);
    CHECK(display_name(o, NameLang::Both) == "산업통상자원부 · Ministry of Trade, Industry and Energy");
    CHECK(display_name(hk, NameLang::Both) == "Hong Kong Applied Science and Technology Research Institute · 香港應用科技研究院");
    CHECK(display_name(o, NameLang::En) == "Ministry of Trade, Industry and Energy");
    CHECK(display_name(o, NameLang::Native) == "산업통상자원부");
    Organisation plain;
    plain.name = "NETIGATE";
    CHECK(display_name(plain, NameLang::Native) == "NETIGATE");  // no other name: the English
    set_active_catalogue(Locale::En, nullptr);
}
