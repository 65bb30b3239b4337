// The loader/validator: one test per rule, each with a bad input that triggers it and the
// exact FILE:LINE:COL: error: POINTER: MESSAGE line; plus the bundled data passes.
#include <catch2/catch.hpp>

#include <string>

#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/embedded.h"

using namespace ca;

namespace {

std::vector<std::string> problems(const std::string& text, LoadOptions opt = {}) {
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in, opt);
    std::vector<std::string> out;
    for (auto& d : r.diagnostics) out.push_back(d.to_string());
    return out;
}

// A valid minimal dataset, one element per line, to edit in tests.
std::string base(const std::string& org_extra = "", const std::string& collab_extra = "") {
    return "{\n"
           "\"sources\": [{\"id\": \"s\", \"title\": \"T\", \"publisher\": \"P\", \"file\": \"f.txt\", \"url\": "
           "\"https://example.org/s\"}],\n"
           "\"organisations\": [\n"
           "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"company\", \"region\": \"taiwan\", \"lat\": 22.6, \"lon\": 120.3, \"sources\": "
           "[\"s\"]" +
           org_extra +
           "},\n"
           "{\"id\": \"b\", \"name\": \"B\", \"kind\": \"university\", \"region\": \"taiwan\", \"lat\": 23.0, \"lon\": 120.2, \"sources\": "
           "[\"s\"]}\n"
           "],\n"
           "\"collaborations\": [\n"
           "{\"id\": \"c\", \"title\": \"C\", \"kind\": \"mou\", \"participants\": [{\"org\": \"a\", \"role\": \"signatory\"}, {\"org\": "
           "\"b\", \"role\": \"signatory\"}], \"start\": \"2022-08-23\", \"summary\": \"S\", \"evidence\": [{\"source\": \"s\", \"quote\": "
           "\"Q\"}]" +
           collab_extra +
           "}\n"
           "],\n"
           "\"events\": []\n"
           "}\n";
}

}  // namespace

TEST_CASE("loader: a valid dataset loads with no diagnostics") {
    const std::string text = base();
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    CHECK(r.dataset.organisations.size() == 2);
    CHECK(r.dataset.collaborations[0].hub == 0);
}

TEST_CASE("loader: truncated JSON") {
    auto p = problems("{\n\"sources\": [\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:3:1: error: (document): syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
}

TEST_CASE("loader: trailing comma") {
    auto p = problems("{\"sources\": [],\n}");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:2:1: error: (document): syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_CASE("loader: invalid UTF-8") {
    auto p = problems("{\"sources\": [\"\xff\"]}");
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("t.json:1:15: error: (document): syntax error while parsing value - invalid string: ill-formed UTF-8 byte", 0) == 0);
}

TEST_CASE("loader: the page's error event carries a bad byte's diagnostic as valid JSON") {
    // The parser's message quotes the bad byte; the event JSON must still be UTF-8 (the web
    // build has no exceptions: a strict dump would abort the page instead of listing the error).
    const std::string text = "{\"note\": \"caf\xff\"}";
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find('\xff') != std::string::npos);
    std::string out;
    REQUIRE_NOTHROW(out = diagnostics_json(r.diagnostics));
    CHECK(out.find('\xff') == std::string::npos);
    CHECK(out.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD in its place
    CHECK(out.find("\"line\":1") != std::string::npos);
    CHECK(out.find("ill-formed UTF-8 byte") != std::string::npos);
}

TEST_CASE("loader: wrong types") {
    std::string t = base();
    t.replace(t.find("\"lat\": 22.6"), 11, "\"lat\": \"22\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:72: error: /organisations/0/lat: expected a number");
    auto q = problems("{\"organisations\": {}}");
    REQUIRE(q.size() == 1);
    CHECK(q[0] == "t.json:1:19: error: /organisations: expected an array");
}

TEST_CASE("loader: missing required field") {
    std::string t = base();
    t.replace(t.find("\"name\": \"A\", "), 13, "");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:1: error: /organisations/0: missing required field \"name\"");
}

TEST_CASE("loader: duplicate ids name the first definition") {
    std::string t = base();
    t.replace(t.find("\"id\": \"b\""), 9, "\"id\": \"a\"");
    auto p = problems(t);
    REQUIRE(p.size() >= 1);
    CHECK(p[0] == "t.json:5:8: error: /organisations/1/id: duplicate id \"a\" (first defined at t.json:4:8)");
}

TEST_CASE("loader: references to unknown ids") {
    std::string t = base();
    t.replace(t.find("{\"org\": \"b\""), 11, "{\"org\": \"zz\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:8:102: error: /collaborations/0/participants/1/org: unknown organisation \"zz\"");
    std::string u = base(", \"parent\": \"nope\"");
    auto q = problems(u);
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("/organisations/0/parent: unknown organisation \"nope\"") != std::string::npos);
}

TEST_CASE("loader: dates that do not parse") {
    std::string t = base();
    t.replace(t.find("2022-08-23"), 10, "2022-13-01");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:8:139: error: /collaborations/0/start: invalid date \"2022-13-01\": month out of range 1..12");
}

TEST_CASE("loader: an interval that ends before it starts") {
    auto p = problems(base("", ", \"end\": \"2021\""));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("error: /collaborations/0/end: end 2021 is before start 2022-08-23") != std::string::npos);
    // A year-only end covering the start day is fine.
    CHECK(problems(base("", ", \"end\": \"2022\"")).empty());
}

TEST_CASE("loader: coordinates out of range") {
    std::string t = base();
    t.replace(t.find("\"lon\": 120.3"), 12, "\"lon\": 190.5");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:85: error: /organisations/0/lon: longitude 190.5 out of range [-180, 180]");
}

TEST_CASE("loader: organisations on the map need coordinates") {
    std::string t = base();
    t.replace(t.find(", \"lat\": 22.6, \"lon\": 120.3"), 27, "");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:1: error: /organisations/0: missing required fields \"lat\" and \"lon\" (required in region taiwan)");
}

TEST_CASE("loader: unknown kinds list the valid ones") {
    std::string t = base();
    t.replace(t.find("\"kind\": \"mou\""), 13, "\"kind\": \"treaty\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:8:35: error: /collaborations/0/kind: unknown kind \"treaty\" (expected consortium, mou, forum, "
          "joint_research, course, internship, scholarship, mentorship or alliance)");
}

TEST_CASE("loader: empty names") {
    std::string t = base();
    t.replace(t.find("\"name\": \"A\""), 11, "\"name\": \"  \"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:21: error: /organisations/0/name: must not be empty");
}

TEST_CASE("loader: a file over the size limit") {
    LoadOptions opt;
    opt.max_bytes = 100;
    auto p = problems(base(), opt);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:1:1: error: (document): file is " + std::to_string(base().size()) + " bytes, over the limit of 100 bytes");
}

TEST_CASE("loader: nesting too deep") {
    std::string t = "{\"sources\": " + std::string(40, '[') + std::string(40, ']') + "}";
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:1:44: error: (document): nesting deeper than 32 levels");
}

TEST_CASE("loader: unknown fields are warnings, not errors") {
    const std::string text = base(", \"colour\": \"red\"");
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    CHECK(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].to_string() == "t.json:4:120: warning: /organisations/0/colour: unknown field \"colour\" (ignored)");
}

TEST_CASE("loader: every problem is reported, not only the first") {
    std::string t = base(", \"lat2\": 1", ", \"end\": \"1999\"");
    t.replace(t.find("\"kind\": \"university\""), 20, "\"kind\": \"school\"");
    t.replace(t.find("\"name\": \"A\""), 11, "\"name\": \"\"");
    std::vector<InputFile> in{{"t.json", t}};
    LoadResult r = load_dataset(in);
    CHECK(count_errors(r.diagnostics) == 3);
    CHECK(r.diagnostics.size() == 4);
}

TEST_CASE("loader: references resolve across files and errors name their file") {
    std::string orgs =
        "{\"sources\": [{\"id\": \"s\", \"title\": \"T\", \"publisher\": \"P\", \"file\": \"f\", \"url\": \"https://example.org/s\"}],\n"
        "\"organisations\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"group\", \"region\": \"us\", \"sources\": [\"s\"]}]}";
    std::string col =
        "{\"collaborations\": [\n{\"id\": \"c\", \"title\": \"C\", \"kind\": \"forum\", \"participants\": "
        "[{\"org\": \"a\", \"role\": \"host\"}, {\"org\": \"q\", \"role\": \"speaker\"}], \"start\": \"2020\", "
        "\"summary\": \"S\", \"evidence\": [{\"source\": \"s\", \"quote\": \"Q\"}]}]}";
    std::vector<InputFile> in{{"orgs.json", orgs}, {"col.json", col}};
    LoadResult r = load_dataset(in);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].file == "col.json");
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].message == "unknown organisation \"q\"");
}

TEST_CASE("loader: the bundled dataset is valid and covers the four sources") {
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    REQUIRE(!in.empty());
    LoadResult r = load_dataset(in);
    INFO(format_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(count_errors(r.diagnostics) == 0);
    const Dataset& ds = r.dataset;
    CHECK(ds.sources.size() == 4);
    for (const char* id : {"astri", "polyu", "motie", "samsung", "skhynix", "nsysu", "ncku", "spil", "usi"}) {
        INFO(id);
        CHECK(ds.find_org(id) >= 0);
    }
    // Every source is cited by some collaboration.
    std::vector<int> cited(ds.sources.size(), 0);
    for (auto& c : ds.collaborations)
        for (auto& e : c.evidence) cited[e.source]++;
    for (size_t i = 0; i < cited.size(); ++i) CHECK(cited[i] > 0);
    // The Korean MoU, signed at the ceremony of 2023-08-29 (the release is of 2023-08-30), is there with its date.
    bool korea = false;
    for (auto& c : ds.collaborations) korea |= c.kind == CollabKind::Mou && format_date(c.interval.start) == "2023-08-29";
    CHECK(korea);
}

TEST_CASE("loader: integers are range-checked before they narrow to int") {
    // 4294967297 = 2^32 + 1: a plain cast to int loaded it as the year 1.
    for (const char* year : {"4294967297", "-4294967295", "0", "10000", "9223372036854775808"}) {
        std::string t = base("", std::string(", \"facts\": [{\"label\": \"L\", \"value\": 1, \"unit\": \"years\", \"year\": ") + year +
                                     ", \"source\": \"s\", \"quote\": \"Q\"}]");
        auto p = problems(t);
        INFO(year);
        REQUIRE(p.size() == 1);
        CHECK(p[0].find("error: /collaborations/0/facts/0/year: integer ") != std::string::npos);
        CHECK(p[0].find("out of range [1, 9999]") != std::string::npos);
    }
    std::string ok = base(
        "", ", \"facts\": [{\"label\": \"L\", \"value\": 1, \"unit\": \"years\", \"year\": 2022, \"source\": \"s\", \"quote\": \"Q\"}]");
    CHECK(problems(ok).empty());
}
