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
          "t.json:3:1: error: (document): syntax error: the text ends early: a closing '}' or ']' (or a whole part of the file) is "
          "missing (parser: unexpected end of input; expected '[', '{', or a literal)");
}

TEST_CASE("loader: trailing comma") {
    auto p = problems("{\"sources\": [],\n}");
    REQUIRE(p.size() == 1);
    // Placed at the comma, named as such, with the parser's words after it.
    CHECK(p[0] ==
          "t.json:1:15: error: (document): syntax error: trailing comma: remove the ',' before '}' (JSON allows no comma after the "
          "last element) (parser: unexpected '}'; expected string literal)");
}

TEST_CASE("loader: a syntax error stops the load: no follow-on errors from the missing file") {
    // The organisations file has a trailing comma; the collaborations file refers to its ids.
    // Before, the second file was still read: one syntax error, then "unknown organisation" for each reference.
    std::string t = base();
    const size_t cut = t.find("\"collaborations\"");
    std::string orgs = t.substr(0, cut) + "\"events\": []\n}\n";
    std::string col = "{\n" + t.substr(cut);
    orgs.replace(orgs.find("[\"s\"]}\n],"), 9, "[\"s\"]},\n],");
    std::vector<InputFile> in{{"orgs.json", orgs}, {"col.json", col}, {"bad2.json", "{\"events\": [1 2]}"}};
    LoadResult r = load_dataset(in);
    REQUIRE(r.diagnostics.size() == 2);  // one per file with a syntax error, nothing else
    CHECK(r.diagnostics[0].to_string().rfind("orgs.json:5:", 0) == 0);
    CHECK(r.diagnostics[0].message.find("trailing comma: remove the ',' before ']'") != std::string::npos);
    CHECK(r.diagnostics[1].to_string().rfind("bad2.json:1:15: error: (document): syntax error: missing comma", 0) == 0);
    CHECK_FALSE(r.ok());
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
    CHECK(p[0] == "t.json:4:72: error: organisation \"a\" (/organisations/0/lat): expected a number");
    auto q = problems("{\"organisations\": {}}");
    REQUIRE(q.size() == 1);
    CHECK(q[0] == "t.json:1:19: error: /organisations: expected an array");
}

TEST_CASE("loader: missing required field") {
    std::string t = base();
    t.replace(t.find("\"name\": \"A\", "), 13, "");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:1: error: organisation \"a\" (/organisations/0): missing required field \"name\"");
}

TEST_CASE("loader: duplicate ids name the first definition") {
    std::string t = base();
    t.replace(t.find("\"id\": \"b\""), 9, "\"id\": \"a\"");
    auto p = problems(t);
    REQUIRE(p.size() >= 1);
    CHECK(p[0] == "t.json:5:8: error: organisation \"a\" (/organisations/1/id): duplicate id \"a\" (first defined at t.json:4:8)");
}

TEST_CASE("loader: references to unknown ids") {
    std::string t = base();
    t.replace(t.find("{\"org\": \"b\""), 11, "{\"org\": \"zz\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:8:102: error: collaboration \"c\" (/collaborations/0/participants/1/org): unknown organisation \"zz\"");
    std::string u = base(", \"parent\": \"nope\"");
    auto q = problems(u);
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("(/organisations/0/parent): unknown organisation \"nope\"") != std::string::npos);
}

TEST_CASE("loader: an error inside an element leads with the element's id") {
    std::string t = base();
    t.replace(t.find("\"lat\": 23.0"), 11, "\"lat\": 93.0");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:5:75: error: organisation \"b\" (/organisations/1/lat): latitude 93 out of range [-90, 90]");
    // Without a usable id, the pointer alone.
    std::string u = base();
    u.replace(u.find("\"id\": \"b\", "), 11, "");
    auto q = problems(u);
    REQUIRE(q.size() == 2);  // and the participant that refers to "b"
    CHECK(q[0] == "t.json:5:1: error: /organisations/1: missing required field \"id\"");
}

TEST_CASE("loader: an unknown reference suggests the closest id") {
    std::string t = base();
    t.replace(t.find("{\"org\": \"b\""), 11, "{\"org\": \"bb\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:8:102: error: collaboration \"c\" (/collaborations/0/participants/1/org): unknown organisation \"bb\"; did you mean "
          "\"b\"?");
    // Sources lists and source fields too.
    std::string u = base();
    u.replace(u.find("\"sources\": [\"s\"]}"), 17, "\"sources\": [\"S\"]}");
    auto q = problems(u);
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("(/organisations/0/sources/0): unknown source \"S\"; did you mean \"s\"?") != std::string::npos);
}

TEST_CASE("loader: dates that do not parse") {
    std::string t = base();
    t.replace(t.find("2022-08-23"), 10, "2022-13-01");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:8:139: error: collaboration \"c\" (/collaborations/0/start): invalid date \"2022-13-01\": month out of range 1..12");
}

TEST_CASE("loader: an interval that ends before it starts") {
    auto p = problems(base("", ", \"end\": \"2021\""));
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("error: collaboration \"c\" (/collaborations/0/end): end 2021 is before start 2022-08-23") != std::string::npos);
    // A year-only end covering the start day is fine.
    CHECK(problems(base("", ", \"end\": \"2022\"")).empty());
}

TEST_CASE("loader: coordinates out of range") {
    std::string t = base();
    t.replace(t.find("\"lon\": 120.3"), 12, "\"lon\": 190.5");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:85: error: organisation \"a\" (/organisations/0/lon): longitude 190.5 out of range [-180, 180]");
}

TEST_CASE("loader: organisations on the map need coordinates") {
    std::string t = base();
    t.replace(t.find(", \"lat\": 22.6, \"lon\": 120.3"), 27, "");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:4:1: error: organisation \"a\" (/organisations/0): missing required fields \"lat\" and \"lon\" (required in region "
          "taiwan)");
}

TEST_CASE("loader: unknown kinds list the valid ones") {
    std::string t = base();
    t.replace(t.find("\"kind\": \"mou\""), 13, "\"kind\": \"treaty\"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] ==
          "t.json:8:35: error: collaboration \"c\" (/collaborations/0/kind): unknown kind \"treaty\"; allowed: consortium, mou, forum, "
          "joint_research, course, internship, scholarship, mentorship or alliance");
    // A near miss is named.
    std::string u = base();
    u.replace(u.find("\"kind\": \"company\""), 17, "\"kind\": \"compnay\"");
    auto q = problems(u);
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("unknown kind \"compnay\"; did you mean \"company\"? allowed: government, research_institute, university, company,") !=
          std::string::npos);
}

TEST_CASE("loader: unknown topics, units and qualifiers list the allowed ones") {
    const std::string fact =
        ", \"facts\": [{\"label\": \"L\", \"value\": 1, \"unit\": \"yeras\", \"year\": 2022, \"qualifier\": \"abuot\", "
        "\"source\": \"s\", \"quote\": \"Q\"}]";
    std::string t = base("", ", \"topics\": [\"ai\", \"talnet\"]" + fact);
    std::vector<InputFile> in{{"t.json", t}};
    LoadResult r = load_dataset(in);
    std::vector<std::string> msgs;
    for (auto& d : r.diagnostics) msgs.push_back(d.message);
    REQUIRE(msgs.size() == 4);
    CHECK(msgs[0].rfind("unknown topic \"ai\"; allowed: advanced_packaging, 3d_ic, ", 0) == 0);
    CHECK(msgs[0].find("talent") != std::string::npos);
    CHECK(msgs[1].rfind("unknown topic \"talnet\"; did you mean \"talent\"? allowed: ", 0) == 0);
    CHECK(r.diagnostics[1].severity == Severity::Warning);
    CHECK(msgs[2].rfind("unknown unit \"yeras\"; did you mean \"years\"? allowed: USD, TWD, ", 0) == 0);
    CHECK(msgs[3] == "unknown qualifier \"abuot\"; did you mean \"about\"? allowed: over, about, almost, nearly, at_least or per_year");
}

TEST_CASE("loader: a JSON Schema among the files is skipped with one note") {
    const std::string schema =
        "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"x\", \"type\": \"object\",\n"
        " \"properties\": {\"sources\": {\"type\": \"array\"}}, \"additionalProperties\": false, \"$defs\": {}}";
    const std::string t = base();
    std::vector<InputFile> in{{"schema.json", schema}, {"t.json", t}};
    LoadResult r = load_dataset(in);
    CHECK(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].to_string() == "schema.json:1:1: note: (document): skipped: a JSON Schema (for editors), not a dataset file");
    CHECK(count_warnings(r.diagnostics) == 0);
    // Recognised by its content, not its name; a data file that cites a schema is still data.
    std::vector<InputFile> renamed{{"whatever.json", schema}, {"t.json", t}};
    CHECK(load_dataset(renamed).diagnostics.size() == 1);
    const std::string data = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"sources\": {}}";
    std::vector<InputFile> d{{"d.json", data}};
    auto rd = load_dataset(d);
    REQUIRE(rd.diagnostics.size() == 1);
    CHECK(rd.diagnostics[0].message == "expected an array");
}

TEST_CASE("loader: inferred names only fields the record sets") {
    auto p = problems(base(", \"inferred\": [\"lat\", \"citi\"]"));
    REQUIRE(p.size() == 1);
    CHECK(p[0].rfind("t.json:4:", 0) == 0);
    CHECK(p[0].find("organisation \"a\" (/organisations/0/inferred/1): inferred lists \"citi\", which this organisation does not set (its "
                    "fields: id, name, kind, region, lat, lon, sources)") != std::string::npos);
    auto q = problems(base(", \"city\": \"K\", \"inferred\": [\"cty\"]"));
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("inferred lists \"cty\", which this organisation does not set; did you mean \"city\"?") != std::string::npos);
}

TEST_CASE("loader: parent links that loop are an error") {
    std::string t = base(", \"parent\": \"b\"");
    t.replace(t.find("\"sources\": [\"s\"]}\n]"), 19, "\"sources\": [\"s\"], \"parent\": \"a\"}\n]");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("organisation \"b\" (/organisations/1/parent): parent cycle: \"a\" \xE2\x86\x92 \"b\" \xE2\x86\x92 \"a\"") !=
          std::string::npos);
    auto q = problems(base("", ", \"parent\": \"c\""));
    REQUIRE(q.size() == 1);
    CHECK(q[0].find("parent cycle: \"c\" \xE2\x86\x92 \"c\" (a collaboration cannot be its own ancestor)") != std::string::npos);
}

TEST_CASE("loader: empty names") {
    std::string t = base();
    t.replace(t.find("\"name\": \"A\""), 11, "\"name\": \"  \"");
    auto p = problems(t);
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "t.json:4:21: error: organisation \"a\" (/organisations/0/name): must not be empty");
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
    CHECK(r.diagnostics[0].to_string() ==
          "t.json:4:120: warning: organisation \"a\" (/organisations/0/colour): unknown field \"colour\" (ignored)");
}

// Each record's members are matched to its kind's keys through a small table (dataset_json.cpp,
// Keys): keys in any order, a repeated key (the last wins), and unknown keys that share a known
// one's length and first and last letters (the table's slot) or differ from it in one letter.
TEST_CASE("loader: members are matched to the allowed keys in any order, and look-alike keys are unknown") {
    const std::string text =
        "{\"events\": [],\n"
        "\"collaborations\": [{\"evidence\": [{\"quote\": \"Q\", \"source\": \"s\"}], \"tItle\": \"x\", \"summary\": \"S\", "
        "\"start\": \"2022-08-23\", \"title\": \"first\", \"participants\": [{\"role\": \"lead\", \"org\": \"b\"}, {\"org\": \"a\", "
        "\"rolE\": 1, \"role\": \"member\"}], \"kind\": \"mou\", \"summarx\": 2, \"title\": \"last\", \"id\": \"c\", \"notes\": 3}],\n"
        "\"organisations\": [{\"sources\": [\"s\"], \"lon\": 120.3, \"lat\": 22.6, \"region\": \"taiwan\", \"kind\": \"company\", "
        "\"name\": \"A\", \"id\": \"a\", \"nmae\": \"?\"}, {\"id\": \"b\", \"name\": \"B\", \"kind\": \"university\", \"region\": "
        "\"korea\", "
        "\"lat\": 37.5, \"lon\": 127.0, \"sources\": [\"s\"]}],\n"
        "\"sources\": [{\"url\": \"https://example.org/s\", \"file\": \"f.txt\", \"publisher\": \"P\", \"title\": \"T\", \"id\": \"s\"}]\n"
        "}\n";
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    std::vector<std::string> warnings;
    for (auto& d : r.diagnostics) warnings.push_back(d.pointer + " " + d.message);
    // In the order the records are read (organisations, then collaborations: a participant before
    // its collaboration's own fields).
    CHECK(warnings == std::vector<std::string>{
                          "/organisations/0/nmae unknown field \"nmae\" (ignored)",
                          "/collaborations/0/participants/1/rolE unknown field \"rolE\" (ignored)",
                          "/collaborations/0/tItle unknown field \"tItle\" (ignored)",
                          "/collaborations/0/summarx unknown field \"summarx\" (ignored)",
                          "/collaborations/0/notes unknown field \"notes\" (ignored)",
                      });
    const Collaboration& c = r.dataset.collaborations.at(0);
    CHECK(c.title == "last");
    CHECK(c.summary == "S");
    CHECK(c.kind == CollabKind::Mou);
    REQUIRE(c.participants.size() == 2);
    CHECK(c.participants[0].org == 1);
    CHECK(c.participants[0].role == Role::Lead);
    CHECK(c.participants[1].role == Role::Member);
    CHECK(c.hub == 1);
    REQUIRE(c.evidence.size() == 1);
    CHECK(c.evidence[0].quote == "Q");
    const Organisation& a = r.dataset.organisations.at(0);
    CHECK(a.name == "A");
    CHECK(a.lat == 22.6);
    CHECK(r.dataset.organisations.at(1).region == Region::Korea);
    CHECK(r.dataset.sources.at(0).url == "https://example.org/s");
}

// A field named in "inferred" is looked up by its text (not one of the loader's own literals).
TEST_CASE("loader: inferred fields are found by name") {
    const std::string text = base(", \"city\": \"Hsinchu\", \"inferred\": [\"city\", \"lat\"]");
    std::vector<InputFile> in{{"t.json", text}};
    LoadResult r = load_dataset(in);
    CHECK(r.ok());
    CHECK(r.diagnostics.empty());
    CHECK(r.dataset.organisations.at(0).is_inferred("city"));
}

// LoadOptions::on_phase: the app marks the load's phases in the browser (ca:data-parsed, ca:data-walked).
TEST_CASE("loader: the phases are reported in order, and not after a syntax error") {
    std::vector<std::string> phases;
    LoadOptions opt;
    opt.on_phase = [&](const char* p) { phases.push_back(p); };
    const std::string good = base();
    CHECK(load_dataset({{"t.json", good}}, opt).ok());
    CHECK(phases == std::vector<std::string>{"ca:data-parsed", "ca:data-walked"});
    phases.clear();
    CHECK_FALSE(load_dataset({{"t.json", "{\"sources\": ["}}, opt).ok());
    CHECK(phases.empty());
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
        CHECK(p[0].find("error: collaboration \"c\" (/collaborations/0/facts/0/year): integer ") != std::string::npos);
        CHECK(p[0].find("out of range [1, 9999]") != std::string::npos);
    }
    std::string ok = base(
        "", ", \"facts\": [{\"label\": \"L\", \"value\": 1, \"unit\": \"years\", \"year\": 2022, \"source\": \"s\", \"quote\": \"Q\"}]");
    CHECK(problems(ok).empty());
}

namespace {

// Source texts for the quote check, as the app would read them from a folder.
SourceTextFn fake_sources(const std::string& text) {
    return [text](std::string_view file) {
        SourceText st;
        if (file != "f.txt") {
            st.error = "file \"" + std::string(file) + "\" not found in the sources folder src";
            return st;
        }
        st.ok = true;
        st.text = text;
        st.name = "src/f.txt";
        return st;
    };
}

}  // namespace

TEST_CASE("loader: with source texts, every quote must occur in its source") {
    static const std::string text = "Line one.\nQ is the\n  quote, said X.\n";
    LoadOptions opt;
    opt.source_text = fake_sources(text);
    const std::string fact =
        ", \"facts\": [{\"label\": \"L\", \"value\": 1, \"unit\": \"years\", \"year\": 2022, \"source\": \"s\", \"quote\": "
        "\"the quote, said\"}]";
    std::string ok = base("", fact);
    ok.replace(ok.find("\"quote\": \"Q\""), 12, "\"quote\": \"Q is the quote,\"");
    std::vector<InputFile> in{{"t.json", ok}};
    LoadResult r = load_dataset(in, opt);
    INFO(format_diagnostics(r.diagnostics));
    CHECK(r.ok());
    CHECK(r.quotes_checked == 2);  // the evidence and the fact

    std::string bad = ok;
    bad.replace(bad.find("Q is the quote,"), 15, "Q is thequote,");
    std::vector<InputFile> in2{{"t.json", bad}};
    auto p = load_dataset(in2, opt).diagnostics;
    REQUIRE(p.size() == 1);
    CHECK(p[0].to_string() ==
          "t.json:8:207: error: collaboration \"c\" (/collaborations/0/evidence/0/quote): quote differs from src/f.txt at character 9: "
          "quote has 'Q is thequote,' where src/f.txt:2:9 has '\xE2\x80\xA6. Q is the quote, said X\xE2\x80\xA6'");
}

TEST_CASE("loader: with source texts, a missing or unsafe source file is an error at its file field") {
    LoadOptions opt;
    opt.source_text = fake_sources("Q");
    std::string t = base();
    t.replace(t.find("\"file\": \"f.txt\""), 15, "\"file\": \"g.txt\"");
    std::vector<InputFile> in{{"t.json", t}};
    auto p = load_dataset(in, opt).diagnostics;
    REQUIRE(p.size() == 1);
    CHECK(p[0].to_string() == "t.json:2:65: error: source \"s\" (/sources/0/file): file \"g.txt\" not found in the sources folder src");
    std::string u = base();
    u.replace(u.find("\"file\": \"f.txt\""), 15, "\"file\": \"../f.txt\"");
    std::vector<InputFile> in2{{"t.json", u}};
    auto q = load_dataset(in2, opt).diagnostics;
    REQUIRE(q.size() == 1);
    CHECK(q[0].message.find("must name a file directly in the sources folder") != std::string::npos);
    // Without source texts, the same data loads: the page and the app never read sources.
    CHECK(load_dataset(in2).ok());
}

TEST_CASE("loader: the page's error event carries each error's element id") {
    std::string t = base();
    t.replace(t.find("\"lat\": 22.6"), 11, "\"lat\": 122.6");
    std::vector<InputFile> in{{"t.json", t}};
    const std::string out = diagnostics_json(load_dataset(in).diagnostics);
    CHECK(out.find("\"subject\":\"organisation \\\"a\\\"\"") != std::string::npos);
    CHECK(out.find("\"pointer\":\"/organisations/0/lat\"") != std::string::npos);
    CHECK(out.find("error: organisation \\\"a\\\" (/organisations/0/lat): latitude 122.6 out of range") != std::string::npos);
}

namespace {

// What a loaded dataset says, as one text: each organisation's and collaboration's fields that
// come from strings (decoded escapes included), numbers and references.
std::string dump(const Dataset& ds) {
    std::string out;
    for (const Organisation& o : ds.organisations)
        out += o.id + "|" + o.name + "|" + o.note + "|" + std::to_string(o.lat) + "|" + std::to_string(o.lon) + "|" +
               std::to_string(o.parent) + "\n";
    for (const Collaboration& c : ds.collaborations) {
        out += c.id + "|" + c.title + "|" + c.summary + "|" + c.note + "|" + std::to_string(c.hub) + "|" +
               std::to_string(c.participants.size());
        for (const Evidence& e : c.evidence) out += "|" + e.quote;
        out += "\n";
    }
    return out;
}

// The files' texts as writable copies, each with a NUL after it (what the page hands over).
std::vector<std::vector<char>> scratch_copies(const std::vector<InputFile>& files) {
    std::vector<std::vector<char>> out;
    for (const InputFile& f : files) {
        out.emplace_back(f.text.begin(), f.text.end());
        out.back().push_back('\0');
    }
    return out;
}

}  // namespace

TEST_CASE("loader: texts parsed in place give the same dataset as copies, the bundled files and escapes included") {
    std::vector<InputFile> bundled;
    for (const EmbeddedFile& f : embedded_dataset()) bundled.push_back({f.name, f.text()});
    const std::string escaped = base(", \"note\": \"\\u53f0\\u7063 \\\"A\\\"\\n\"", ", \"note\": \"tab\\there \\ud83d\\ude00\"");
    for (const std::vector<InputFile>& files : {bundled, std::vector<InputFile>{{"t.json", escaped}}}) {
        const LoadResult copied = load_dataset(files);
        REQUIRE(copied.ok());
        REQUIRE(copied.diagnostics.empty());
        auto bufs = scratch_copies(files);
        std::vector<InputFile> in_place = files;
        for (size_t i = 0; i < files.size(); ++i)
            in_place[i] = {files[i].name, std::string_view(bufs[i].data(), files[i].text.size()), bufs[i].data()};
        const LoadResult r = load_dataset(in_place);
        CHECK_FALSE(r.text_needed);
        REQUIRE(r.ok());
        CHECK(r.showable);
        CHECK(dump(r.dataset) == dump(copied.dataset));
        CHECK(r.dataset.organisations.size() == copied.dataset.organisations.size());
    }
}

TEST_CASE("loader: a text parsed in place with anything to report asks for the text, which then gives the usual report") {
    const std::string warned = base(", \"colour\": \"red\"");  // an unknown field: a warning, placed
    const std::string broken = "{\"organisations\": [1,]}";
    const std::string bom = "\xEF\xBB\xBF" + base();  // only the slow path reads it
    for (const std::string& text : {warned, broken, bom}) {
        std::vector<char> buf(text.begin(), text.end());
        buf.push_back('\0');
        const LoadResult r = load_dataset({{"t.json", std::string_view(buf.data(), text.size()), buf.data()}});
        CHECK(r.text_needed);
        CHECK(r.diagnostics.empty());
        CHECK(r.dataset.organisations.empty());
        CHECK_FALSE(r.showable);
        const LoadResult again = load_dataset({{"t.json", text}});  // the caller's second call
        CHECK_FALSE(again.text_needed);
        CHECK((text == bom ? again.diagnostics.empty() : !again.diagnostics.empty()));
    }
    CHECK(problems(warned).at(0).rfind("t.json:4:120: warning: organisation \"a\" (/organisations/0/colour)", 0) == 0);  // placed
}
