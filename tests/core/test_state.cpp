// Search (CJK, abbreviations, full-width), URL view-state encoding, visibility/filters, the
// JSON command interface and exports, on the tests' own dataset (fixture.h).
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "core/commands.h"
#include "core/search.h"
#include "core/timeline.h"
#include "core/url_hash.h"
#include "fixture.h"

using namespace ca;

namespace {
using test::fixture_dataset;
using test::fixture_model;
std::string first_org(const Dataset& ds, const char* q) {
    auto h = search(ds, q);
    for (auto& x : h)
        if (x.is_org) return ds.organisations[x.index].id;
    return "";
}
}  // namespace

TEST_CASE("search: abbreviations, English, native scripts and full-width letters") {
    Dataset ds = fixture_dataset();
    CHECK(first_org(ds, "ASTRI") == "astri");
    CHECK(first_org(ds, "astri") == "astri");
    CHECK(first_org(ds, "ＡＳＴＲＩ") == "astri");
    CHECK(first_org(ds, "Sun Yat-sen") == "nsysu");
    CHECK(first_org(ds, "中山大學") == "nsysu");
    CHECK(first_org(ds, "삼성") == "samsung");
    CHECK(first_org(ds, "香港應用科技研究院") == "astri");
    CHECK(first_org(ds, "三菱") == "mitsubishi_electric");
    CHECK(search(ds, "").empty());
    CHECK(search(ds, "zzzzqqq").empty());
    // Collaborations are found by title.
    bool metc = false;
    for (auto& h : search(ds, "Microelectronics Technology Consortium")) metc |= !h.is_org;
    CHECK(metc);
}

TEST_CASE("view state: encode/decode round trip, malformed values warn and are skipped") {
    ViewState v;
    v.t = days_from_civil(2023, 8, 30);
    v.mode = TimeMode::Window;
    v.window_months = 18;
    v.filters.hidden_collab_kinds = 1u << static_cast<int>(CollabKind::Forum) | 1u << static_cast<int>(CollabKind::Mou);
    v.filters.hidden_regions = 1u << static_cast<int>(Region::Japan);
    v.selected = "astri";
    v.has_camera = true;
    v.cam_centre = {22.3, 114.2};
    v.zoom = 6;
    v.lang = NameLang::Native;
    v.theme = Theme::Dark;
    v.embed = true;
    v.transparent = true;
    v.speed = 2;
    std::string h = encode_hash(v);
    CHECK(h == "#t=2023-08-30&mode=window&win=18&hk=mou,forum&hr=japan&sel=astri&c=22.3000,114.2000,6.00&lang=native&theme=dark&embed=1&bg=transparent&speed=2");
    ViewState back;
    std::vector<std::string> warn;
    decode_hash(h, back, warn);
    CHECK(warn.empty());
    CHECK(back == v);

    ViewState w;
    decode_hash("#t=banana&mode=zzz&win=0&c=1,2&hk=forum,nope&foo=1&theme=dark", w, warn);
    CHECK(warn.size() == 6);
    CHECK(warn[0] == "ignoring t=banana: expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK(w.theme == Theme::Dark);        // good keys still apply
    CHECK(w.mode == ViewState{}.mode);    // bad ones leave the default
    CHECK(w.filters.hidden_collab_kinds == 0);
    CHECK(url_decode("a%20b+c%E4%B8%AD") == "a b c中");
}

TEST_CASE("visibility: filters hide kinds and regions, legend counts follow time") {
    AppModel m = fixture_model();
    m.set_mode(TimeMode::Cumulative);
    m.set_time(m.axis().t1);
    int all = m.visibility().active + m.visibility().faded;
    CHECK(all == static_cast<int>(m.data().collaborations.size()));
    int mou = m.visibility().kind_count[static_cast<int>(CollabKind::Mou)];
    CHECK(mou >= 2);
    m.toggle_collab_kind(CollabKind::Mou);
    CHECK(m.visibility().kind_count[static_cast<int>(CollabKind::Mou)] == 0);
    CHECK(m.visibility().active + m.visibility().faded == all - mou);
    m.toggle_collab_kind(CollabKind::Mou);
    // Hiding every region hides every collaboration.
    Filters f;
    f.hidden_regions = 0xff;
    m.set_filters(f);
    CHECK(m.visibility().active + m.visibility().faded == 0);
    m.set_filters({});
    // Before the first start nothing shows; organisations fade without collaborations.
    m.set_time(m.axis().t0);
    m.set_mode(TimeMode::Snapshot);
    int active_orgs = 0;
    for (auto v : m.visibility().org) active_orgs += v == Vis::Active;
    CHECK(m.visibility().active <= 2);
    CHECK(active_orgs < static_cast<int>(m.data().organisations.size()));
}

TEST_CASE("timeline: playback advances, loops and steps between events") {
    AppModel m = fixture_model();
    const TimeAxis a = m.axis();
    CHECK(a.t0 <= m.data().time_min);
    CHECK(a.t1 >= m.data().time_max);
    m.set_time(a.t0);
    m.play();
    m.tick(2.0);
    CHECK(m.view().t == Approx(a.t0 + 2.0 * kDaysPerSecond));
    m.set_speed(4);
    double before = m.view().t;
    m.tick(1.0);
    CHECK(m.view().t == Approx(before + 4 * kDaysPerSecond));
    m.set_loop(false);
    m.tick(1e6);
    CHECK(m.view().t == a.t1);
    CHECK_FALSE(m.view().playing);
    // Stepping visits events in date order.
    m.set_time(a.t0);
    double last = a.t0;
    int steps = 0;
    while (m.step_event(+1)) { CHECK(m.view().t > last); last = m.view().t; ++steps; }
    CHECK(steps >= 5);
    CHECK(m.step_event(-1));
    CHECK(m.view().t < last);
    // Ticks and histogram cover the axis.
    TimeAxis ax = a;
    ax.x0 = 0;
    ax.x1 = 1000;
    CHECK(ax.px_to_time(ax.time_to_px(a.t0 + 400)) == Approx(a.t0 + 400));
    auto ticks = make_ticks(ax);
    CHECK(ticks.front().t >= a.t0);
    Histogram h = make_histogram(m.data(), ax, 0);
    int total = 0;
    for (auto& bin : h.count) for (int n : bin) total += n;
    CHECK(total == static_cast<int>(m.data().collaborations.size()));
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
    CHECK(csv.rfind("id,title,kind,start,end,status,participants,sources\n", 0) == 0);
    CHECK(csv.find(",forum,2022-08-23,2022-08-23,active,") != std::string::npos);
    for (auto& line : {std::string(",mou,2023-08-30")}) CHECK(csv.find(line) == std::string::npos);  // not yet
    std::string js = export_json(m);
    CHECK(js.find("\"collaborations\"") != std::string::npos);
    auto g = handle_command(m, R"({"cmd":"getState"})").reply;
    CHECK(g.find("\"hash\":\"#t=2022-08-23&mode=snapshot") != std::string::npos);
}
