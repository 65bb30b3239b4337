// Sources link to the original (url, archived_url: http(s) only, checked by the loader, carried
// once by the exports), "by" starts, and the fact-checked facts of the bundled dataset.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/embedded.h"
#include "core/timeline.h"
#include "fixture.h"

using namespace ca;
using nlohmann::json;

namespace {

// One source (its fields after "publisher") and one collaboration (extra fields after "start").
std::string doc(const std::string& source_fields, const std::string& collab_fields = "") {
    return "{\n"
           "\"sources\": [{\"id\": \"s\", \"title\": \"T\", \"publisher\": \"P\", \"file\": \"f.txt\"" +
           source_fields +
           "}],\n"
           "\"organisations\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"group\", \"region\": \"us\", \"sources\": [\"s\"]}],\n"
           "\"collaborations\": [{\"id\": \"c\", \"title\": \"C\", \"kind\": \"course\", \"participants\": [{\"org\": \"a\", \"role\": "
           "\"host\"}], \"start\": \"2022\"" +
           collab_fields +
           ", \"summary\": \"S\", \"evidence\": [{\"source\": \"s\", \"quote\": \"Q\"}]}]\n"
           "}\n";
}

std::vector<std::string> problems(const std::string& text) {
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    std::vector<std::string> out;
    for (auto& d : r.diagnostics) out.push_back(d.to_string());
    return out;
}

Dataset load_ok(const std::string& text) {
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    INFO(format_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());
    return std::move(r.dataset);
}

Dataset bundled() {
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    INFO(format_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return std::move(r.dataset);
}

const Collaboration& collab(const Dataset& ds, std::string_view id) {
    const int i = ds.find_collab(id);
    INFO(id);
    REQUIRE(i >= 0);
    return ds.collaborations[static_cast<size_t>(i)];
}

const Organisation& org(const Dataset& ds, std::string_view id) {
    const int i = ds.find_org(id);
    INFO(id);
    REQUIRE(i >= 0);
    return ds.organisations[static_cast<size_t>(i)];
}

const Event& event(const Dataset& ds, std::string_view id) {
    const int i = ds.event_ids.find(id);
    INFO(id);
    REQUIRE(i >= 0);
    // Events are sorted by date after loading: find by id.
    auto it = std::find_if(ds.events.begin(), ds.events.end(), [&](const Event& e) { return e.id == id; });
    REQUIRE(it != ds.events.end());
    return *it;
}

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("is_web_url: http(s) with a host only, no spaces or control characters, capped") {
    for (const char* ok : {"https://example.org", "http://example.org/a?b=c&d#e", "HTTPS://EXAMPLE.ORG/", "https://例え.jp/パス"}) {
        INFO(ok);
        CHECK(is_web_url(ok));
    }
    for (const char* bad :
         {"", "javascript:alert(1)", "JavaScript://example.org/%0Aalert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd",
          "ftp://example.org/", "//example.org/", "https://", "https:///path", "http://exa mple.org", "https://example.org/\n",
          "https://example.org/\"onclick", "https://e.org/<script>", " https://example.org", "example.org"}) {
        INFO(bad);
        CHECK_FALSE(is_web_url(bad));
    }
    CHECK(is_web_url("https://e.org/" + std::string(kMaxUrlLength - 14, 'a')));
    CHECK_FALSE(is_web_url("https://e.org/" + std::string(kMaxUrlLength - 13, 'a')));
}

TEST_CASE("loader: a source's url is required, http(s) only, with FILE:LINE:COL") {
    const Dataset ds = load_ok(doc(", \"url\": \"https://example.org/a\", \"archived_url\": \"https://web.archive.org/web/2023/x\""));
    CHECK(ds.sources[0].url == "https://example.org/a");
    CHECK(ds.sources[0].archived_url == "https://web.archive.org/web/2023/x");
    CHECK(load_ok(doc(", \"url\": \"http://example.org/\"")).sources[0].archived_url.empty());

    auto p = problems(doc(""));
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:2:13: error: source \"s\" (/sources/0): missing required field \"url\"");

    p = problems(doc(", \"url\": \"javascript:alert(1)\""));
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:2:81: error: source \"s\" (/sources/0/url): not a web address: \"javascript:alert(1)\" (expected an absolute http:// or "
          "https:// URL "
          "with a host, without spaces, quotes or < >)");

    p = problems(doc(", \"url\": \"https://example.org/\", \"archived_url\": \"data:text/html,x\""));
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("t.json:2:", 0) == 0);
    CHECK(p[0].find("(/sources/0/archived_url): not a web address: \"data:text/html,x\"") != std::string::npos);

    p = problems(doc(", \"url\": 7"));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("(/sources/0/url): expected a string") != std::string::npos);

    // Over the cap: the message gives the length, not the text.
    p = problems(doc(", \"url\": \"https://e.org/" + std::string(3000, 'a') + "\""));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("(/sources/0/url): 3014 bytes long, over the limit of 2048") != std::string::npos);
    CHECK(p[0].size() < 200);
}

TEST_CASE("loader: start_bound 'by' marks a start that is an upper bound, the text says so") {
    const Dataset ds = load_ok(doc(", \"url\": \"https://example.org/\"", ", \"start_bound\": \"by\""));
    const Interval& iv = ds.collaborations[0].interval;
    CHECK(iv.start_by);
    CHECK(format_start_human(iv) == "by 2022");
    CHECK(format_interval_human(iv) == "by 2022 – ongoing");
    CHECK(iv.lo() == first_day(iv.start));  // still drawn from the date the sources attest

    CHECK_FALSE(load_ok(doc(", \"url\": \"https://example.org/\"", ", \"start_bound\": \"on\"")).collaborations[0].interval.start_by);
    CHECK_FALSE(load_ok(doc(", \"url\": \"https://example.org/\"")).collaborations[0].interval.start_by);
    auto p = problems(doc(", \"url\": \"https://example.org/\"", ", \"start_bound\": \"before\""));
    REQUIRE(p.size() == 1);
    INFO(p[0]);
    CHECK(p[0].rfind("t.json:4:", 0) == 0);
    CHECK(p[0].find("error: collaboration \"c\" (/collaborations/0/start_bound): unknown start_bound \"before\" (expected on or by)") !=
          std::string::npos);

    // A one-day interval reads as one date; a "by" one never hides its bound.
    Interval day;
    parse_date("2022-08-23", day.start);
    day.end = day.start;
    day.has_end = true;
    CHECK(format_interval_human(day) == "23 Aug 2022");
    day.start_by = true;
    CHECK(format_interval_human(day) == "by 23 Aug 2022 – 23 Aug 2022");
}

TEST_CASE("timeline histogram: 'by' starts are counted apart, so the track can show them open-ended") {
    const Dataset ds = bundled();
    TimeAxis ax;
    ax.t0 = ds.time_min;
    ax.t1 = ds.time_max + 1;
    ax.x0 = 0;
    ax.x1 = 200;  // yearly bins
    const Histogram h = make_histogram(ds, ax, 0);
    int by = 0, total_by = 0;
    for (size_t b = 0; b + 1 < h.bin_start.size(); ++b)
        for (int k = 0; k < enum_count<CollabKind>(); ++k) {
            CHECK(h.by[b][k] <= h.count[b][k]);
            total_by += h.by[b][k];
            if (h.bin_start[b] == days_from_civil(2022, 1, 1)) by += h.by[b][k];
        }
    int expected = 0;
    for (auto& c : ds.collaborations) expected += c.interval.start_by;
    CHECK(total_by == expected);
    CHECK(by >= 7);  // the seven programmes of ASEH's "2022 Accomplishments"
}

TEST_CASE("exports carry each source's url once") {
    AppModel m = test::fixture_model();
    REQUIRE(handle_command(m, R"({"cmd":"setState","state":{"t":"2023-09-01","mode":"cumulative"}})").reply.find("\"ok\":true") !=
            std::string::npos);
    const std::string csv = export_csv(m);
    CHECK(csv.substr(0, csv.find('\n')) == "id,title,kind,start,start_bound,end,status,participants,sources,source_urls");
    // kr_mou cites s2 twice: its file and url appear once on its row.
    const size_t row = csv.find("\nkr_mou,");
    REQUIRE(row != std::string::npos);
    const std::string line = csv.substr(row + 1, csv.find('\n', row + 1) - row - 1);
    CHECK(line ==
          "kr_mou,Advanced packaging MoU,mou,2023-08-30,,,active,\"Samsung Electronics, SK hynix\",two.txt,https://example.org/two");

    const json j = json::parse(export_json(m));
    REQUIRE(j["sources"].is_array());
    REQUIRE(j["sources"].size() == 2);  // both sources are cited by the exported collaborations, each listed once
    CHECK(j["sources"][0]["id"] == "s1");
    CHECK(j["sources"][0]["url"] == "https://example.org/one");
    CHECK(j["sources"][1]["file"] == "two.txt");
    CHECK(j["sources"][1]["url"] == "https://example.org/two");
    CHECK_FALSE(j["sources"][1].contains("archived_url"));
    const std::string text = j.dump();
    size_t n = 0;
    for (size_t at = text.find("https://example.org/two"); at != std::string::npos; at = text.find("https://example.org/two", at + 1)) ++n;
    CHECK(n == 1);

    // The selection event lists the selection's sources with their urls (the page's mirror links them).
    REQUIRE(m.select("kr_mou"));
    const json sel = json::parse(selection_event_json(m));
    REQUIRE(sel["sources"].size() == 1);
    CHECK(sel["sources"][0]["url"] == "https://example.org/two");
}

TEST_CASE("app model: only http(s) urls are queued for the platform to open") {
    AppModel m = test::fixture_model();
    CHECK(m.request_open_url("https://example.org/one"));
    CHECK_FALSE(m.request_open_url("javascript:alert(document.domain)"));
    CHECK_FALSE(m.request_open_url("data:text/html,<script>alert(1)</script>"));
    CHECK(m.take_url_requests() == std::vector<std::string>{"https://example.org/one"});
    CHECK(m.take_url_requests().empty());
}

TEST_CASE("About: the provenance sentence counts the sources") {
    CHECK(provenance_sentence(bundled()) == "Every fact comes from four public texts (see each item's sources).");
    CHECK(provenance_sentence(load_ok(doc(", \"url\": \"https://example.org/\""))) ==
          "Every fact comes from one public text (see each item's sources).");
    CHECK(count_in_words(0) == "no");
    CHECK(count_in_words(12) == "twelve");
    CHECK(count_in_words(13) == "13");
}

// ---- the fact check of the bundled data (issue 14, item 8): a regression in data/ fails here.

TEST_CASE("bundled data: every source links to its original over https") {
    const Dataset ds = bundled();
    REQUIRE(ds.sources.size() == 4);
    for (auto& s : ds.sources) {
        INFO(s.id);
        CHECK(is_web_url(s.url));
        CHECK(s.url.rfind("https://", 0) == 0);
    }
    CHECK(ds.sources[static_cast<size_t>(ds.source_ids.find("hk_astri_polyu"))].url ==
          "https://opengovasia.com/astri-establishes-microelectronics-technology-consortium/");
    const Source& ase = ds.sources[static_cast<size_t>(ds.source_ids.find("tw_aseh_academia"))];
    CHECK(ase.url == "https://www.aseglobal.com/csr/corporate-citizenship/industry-academia-collaborations/");
    CHECK(ase.note.find("2022 edition") != std::string::npos);
}

TEST_CASE("bundled data: the Korea packaging MoU was signed on 2023-08-29, inferred and explained") {
    const Dataset ds = bundled();
    const Collaboration& c = collab(ds, "motie_packaging_mou");
    CHECK(format_date(c.interval.start) == "2023-08-29");
    CHECK(c.is_inferred("start"));
    for (const char* cited : {"Yonhap", "29 Aug 2023", "IANS", "Korea Herald", "2023-08-30"}) {
        INFO(cited);
        CHECK(c.note.find(cited) != std::string::npos);
    }
    const Event& e = event(ds, "motie_packaging_mou.signing");
    CHECK(format_date(e.date) == "2023-08-29");
    CHECK(has(e.inferred, "date"));
    // The source is still the release of 2023-08-30.
    CHECK(format_date(ds.sources[static_cast<size_t>(ds.source_ids.find("kr_motie_packaging"))].published) == "2023-08-30");
}

TEST_CASE("bundled data: ASEH's '2022 Accomplishments' items started by 2022, not in it") {
    const Dataset ds = bundled();
    for (const char* id : {"ase_career_development", "ase_assembly_education", "ase_internship_visits", "ase_ai_colleges",
                           "ase_materials_rnd", "usi_internships", "usi_nantou_research"}) {
        INFO(id);
        const Collaboration& c = collab(ds, id);
        CHECK(format_date(c.interval.start) == "2022");
        CHECK(c.interval.start_by);
        CHECK(c.note.find("lower bound") == std::string::npos);
        CHECK(format_interval_human(c.interval) == "by 2022 – ongoing");
    }
    for (auto& c : ds.collaborations) {
        INFO(c.id);
        CHECK(c.note.find("2022 is a lower bound") == std::string::npos);
    }
}

TEST_CASE("bundled data: the forum was opened by Leu and Hattori, MOEA rests on Lin's opening remark") {
    const Dataset ds = bundled();
    const Collaboration& c = collab(ds, "twjp_smf_forum_2022");
    CHECK(c.note.find("opened by IDB's Director General Jang-Hwa Leu and the Japan-Taiwan Exchange Association's Chief Deputy "
                      "Representative Takashi Hattori") != std::string::npos);
    CHECK(c.note.find("MOEA's participation rests only on") != std::string::npos);
    CHECK(c.note.find("MOEA (Vice Minister Lin) opened") == std::string::npos);
    const int moea = ds.find_org("moea");
    auto p = std::find_if(c.participants.begin(), c.participants.end(), [&](const Participant& q) { return q.org == moea; });
    REQUIRE(p != c.participants.end());
    CHECK(p->role == Role::Speaker);
    CHECK(org(ds, "moea").note.find("opening remark") != std::string::npos);
}

TEST_CASE("bundled data: the Executive Yuan proposed the regulation in 2020, the college's approval followed") {
    const Dataset ds = bundled();
    const Collaboration& c = collab(ds, "nsysu_college");
    CHECK(c.summary.find("under the Executive Yuan's 2020 regulation") == std::string::npos);
    CHECK(c.summary.find("regulation that the Executive Yuan proposed in 2020") != std::string::npos);
    CHECK(event(ds, "nsysu_college.regulation").title.rfind("Executive Yuan proposes", 0) == 0);
    CHECK(format_date(event(ds, "nsysu_college.approval").date) == "2022");
}

TEST_CASE("bundled data: ase_academia does not start with USI University, set up before USI joined ASE") {
    const Dataset ds = bundled();
    const Collaboration& c = collab(ds, "ase_academia");
    CHECK(format_date(c.interval.start) == "2012");
    CHECK(c.interval.start_by);
    CHECK(c.is_inferred("start"));
    CHECK(c.note.find("before USI was part of the ASE group") != std::string::npos);
    CHECK(collab(ds, "usi_university").note.find("before USI was part of the ASE group") != std::string::npos);
    CHECK(format_date(collab(ds, "usi_university").interval.start) == "2006");
}

TEST_CASE("bundled data: the regions of the unnamed groups are listed as inferred") {
    const Dataset ds = bundled();
    for (const char* id : {"kr_fabless", "metc_supporters", "tw_industry_peers"}) {
        INFO(id);
        CHECK(org(ds, id).is_inferred("region"));
        CHECK(org(ds, id).note.find("Region:") != std::string::npos);
    }
}

TEST_CASE("bundled data: IDB's Director General witnessed the Creating Nano-Otsuka signing") {
    const Dataset ds = bundled();
    const Collaboration& c = collab(ds, "cnt_otsuka_mou");
    const int idb = ds.find_org("idb");
    auto p = std::find_if(c.participants.begin(), c.participants.end(), [&](const Participant& q) { return q.org == idb; });
    REQUIRE(p != c.participants.end());
    CHECK(p->role == Role::Witness);
    CHECK(std::any_of(c.evidence.begin(), c.evidence.end(), [](const Evidence& e) {
        return e.quote == "Director General of Industrial Development Bureau, Jang-Hwa Lu  (right 1) MOU signing";
    }));
    CHECK(c.note.find("witness") != std::string::npos);
}
