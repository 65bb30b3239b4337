// The edit forms' rules: the forms' enums are the schema's, a diagnostic's pointer maps to its
// form field, typed text becomes the right JSON, ids are found by search, and quotes are checked
// against a pasted source text as they are typed (or picked from its sentences).
#include <algorithm>
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/edit_fields.h"

namespace {

nlohmann::json schema() {
    std::ifstream f(std::string(CHIPATLAS_SOURCE_DIR) + "/data/schema.json");
    std::stringstream ss;
    ss << f.rdbuf();
    return nlohmann::json::parse(ss.str());
}

std::vector<std::string> strings(const nlohmann::json& a) {
    std::vector<std::string> out;
    for (auto& v : a) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("edit forms: the enums are data/schema.json's") {
    const nlohmann::json s = schema();
    const auto& defs = s["$defs"];
    for (const char* d : {"lang", "orgKind", "industry", "region", "collabKind", "role", "unit", "qualifier", "eventKind"}) {
        INFO(d);
        CHECK(ca::schema_enum(d) == strings(defs[d]["enum"]));
    }
    CHECK(ca::schema_enum("topic") == strings(defs["topic"]["anyOf"][0]["enum"]));
    CHECK(ca::schema_enum("start_bound") == strings(defs["collaboration"]["properties"]["start_bound"]["enum"]));
    CHECK(ca::schema_enum("orgInferred") == strings(defs["organisation"]["properties"]["inferred"]["items"]["enum"]));
    CHECK(ca::schema_enum("collabInferred") == strings(defs["collaboration"]["properties"]["inferred"]["items"]["enum"]));
    CHECK(ca::schema_enum("eventInferred") == strings(defs["event"]["properties"]["inferred"]["items"]["enum"]));
    // Every property the schema gives a kind has a field in its form (id aside: it is the element's name).
    const std::pair<ca::EditKind, const char*> kinds[] = {{ca::EditKind::Source, "source"},
                                                          {ca::EditKind::Organisation, "organisation"},
                                                          {ca::EditKind::Collaboration, "collaboration"},
                                                          {ca::EditKind::Event, "event"}};
    for (auto [kind, def] : kinds) {
        for (auto it = defs[def]["properties"].begin(); it != defs[def]["properties"].end(); ++it) {
            if (it.key() == "id") continue;
            INFO(def << "/" << it.key());
            CHECK(ca::form_focus(kind, "/" + it.key()).field >= 0);
        }
    }
}

TEST_CASE("edit forms: a message's pointer names its form field") {
    using ca::EditKind;
    const auto& org = ca::form_fields(EditKind::Organisation);
    ca::FormFocus f = ca::form_focus(EditKind::Organisation, "/lat");
    REQUIRE(f.field >= 0);
    CHECK(org[static_cast<size_t>(f.field)].key == "lat");
    CHECK(f.item == -1);
    f = ca::form_focus(EditKind::Organisation, "/names/0/text");
    REQUIRE(f.field >= 0);
    CHECK(org[static_cast<size_t>(f.field)].key == "names");
    CHECK(f.item == 0);
    CHECK(f.sub == "text");
    const auto& col = ca::form_fields(EditKind::Collaboration);
    f = ca::form_focus(EditKind::Collaboration, "/participants/12/role");
    REQUIRE(f.field >= 0);
    CHECK(col[static_cast<size_t>(f.field)].key == "participants");
    CHECK(f.item == 12);
    CHECK(f.sub == "role");
    f = ca::form_focus(EditKind::Collaboration, "/topics/3");
    CHECK(col[static_cast<size_t>(f.field)].key == "topics");
    CHECK(f.item == 3);
    CHECK(f.sub.empty());
    CHECK(ca::form_focus(EditKind::Collaboration, "/nonsense").field == -1);
    CHECK(ca::form_focus(EditKind::Collaboration, "").field == -1);
    CHECK(ca::form_focus(EditKind::Collaboration, "/participants/x/role").item == -1);
}

TEST_CASE("edit forms: a missing required field's message names that field") {
    CHECK(ca::missing_field("missing required field \"summary\"") == "/summary");
    CHECK(ca::missing_field("missing required field \"evidence\" (and more)") == "/evidence");
    CHECK(ca::missing_field("must not be empty").empty());
    CHECK(ca::missing_field("missing required field \"\"").empty());
    CHECK(ca::missing_field("missing required field \"a/b\"").empty());  // never a pointer of its own
    CHECK(ca::missing_field("missing required field \"open").empty());
    // The loader's own message, as it writes it.
    const ca::LoadResult r =
        ca::load_dataset({{"t.json", R"({"organisations":[{"id":"a","kind":"company","region":"taiwan","lat":1,"lon":2}]})"}});
    bool named = false;
    for (const ca::Diagnostic& d : r.diagnostics) named = named || ca::missing_field(d.message) == "/name";
    CHECK(named);
}

TEST_CASE("edit forms: typed text becomes JSON") {
    using ca::FieldType;
    CHECK(ca::form_value_json(FieldType::Text, "A \"B\"", true) == "\"A \\\"B\\\"\"");
    CHECK(ca::form_value_json(FieldType::Text, "", false).empty());  // removes an optional field
    CHECK(ca::form_value_json(FieldType::Text, "", true) == "\"\"");
    CHECK(ca::form_value_json(FieldType::Number, "22.5", false) == "22.5");
    CHECK(ca::form_value_json(FieldType::Number, "22,5", false) == "\"22,5\"");  // kept, and flagged by the validator
    CHECK(ca::form_value_json(FieldType::Integer, "2024", true) == "2024");
    CHECK(ca::form_value_json(FieldType::Integer, "2024.5", true) == "\"2024.5\"");
    CHECK(ca::form_value_json(FieldType::Number, "nan", false) == "\"nan\"");
}

TEST_CASE("edit forms: a quote is checked as it is typed, or picked from the text's sentences") {
    const std::string text =
        "Hong Kong, 2 May 2024. ASTRI and PolyU signed a memorandum of understanding today.\n\n"
        "香港應用科技研究院今日簽署合作備忘錄。另一句！";
    // Typed a character at a time: every prefix of a real sentence is found...
    const std::string quote = "ASTRI and PolyU signed a memorandum";
    for (size_t n = 1; n <= quote.size(); ++n) CHECK(ca::quote_status(text, quote.substr(0, n), "astri.txt").empty());
    // ...and a typo is reported where it starts.
    const std::string bad = ca::quote_status(text, "ASTRI and PolyU sigend a memorandum", "astri.txt");
    INFO(bad);
    CHECK(bad.find("character 20") != std::string::npos);
    CHECK(bad.find("astri.txt") != std::string::npos);
    CHECK(ca::quote_status("", "anything", "x.txt").empty());  // no pasted text: nothing to check
    const auto s = ca::source_sentences(text);
    REQUIRE(s.size() == 4);
    CHECK(s[0] == "Hong Kong, 2 May 2024.");
    CHECK(s[1] == "ASTRI and PolyU signed a memorandum of understanding today.");
    CHECK(s[2] == "香港應用科技研究院今日簽署合作備忘錄。");
    CHECK(s[3] == "另一句！");
    for (auto& x : s) CHECK(ca::quote_status(text, x, "t").empty());
}

TEST_CASE("edit forms: ids picked by search over ids and names") {
    ca::Dataset d;
    d.organisations.resize(3);
    d.organisations[0].id = "astri";
    d.organisations[0].name = "Hong Kong Applied Science and Technology Research Institute";
    d.organisations[0].abbr = "ASTRI";
    d.organisations[1].id = "polyu";
    d.organisations[1].name = "The Hong Kong Polytechnic University";
    d.organisations[2].id = "itri";
    d.organisations[2].name = "Industrial Technology Research Institute";
    std::vector<std::string> labels;
    CHECK(ca::pick_ids(d, ca::EditKind::Organisation, "polytechnic", 10, &labels) == std::vector<std::string>{"polyu"});
    CHECK(labels.size() == 1);
    CHECK(ca::pick_ids(d, ca::EditKind::Organisation, "research inst", 10) == std::vector<std::string>{"astri", "itri"});
    CHECK(ca::pick_ids(d, ca::EditKind::Organisation, "", 2).size() == 2);
}

TEST_CASE("edit forms: several fields set as one undo step (a drag's lat and lon), all or nothing") {
    std::vector<ca::EditFile> files;
    const std::string text =
        R"({"organisations": [{"id": "a", "name": "A", "kind": "company", "region": "taiwan", "lat": 25, "lon": 121, "sources": []}]})";
    files.push_back({"organisations.json", text});
    ca::EditSession s;
    std::vector<ca::Diagnostic> errors;
    REQUIRE(s.open(files, errors));
    const std::string before = s.file(0).text;
    REQUIRE(s.set_fields(ca::EditKind::Organisation, "a", {{"/lat", "24.5"}, {"/lon", "120.75"}}).ok);
    CHECK(s.undo_steps() == 1);
    const ca::FormValues v = ca::form_values(s, ca::EditKind::Organisation, "a");
    CHECK(v.get("/lat") == "24.5");
    CHECK(v.get("/lon") == "120.75");
    CHECK(v.get("/name") == "A");
    CHECK(v.count("/sources") == 0);
    const std::string moved = s.file(0).text;
    CHECK_FALSE(s.set_fields(ca::EditKind::Organisation, "a", {{"/lat", "1"}, {"/no/such", "2"}}).ok);
    CHECK(s.file(0).text == moved);  // the first field was not set either
    CHECK(s.undo_steps() == 1);
    REQUIRE(s.undo());
    CHECK(s.file(0).text == before);
}

TEST_CASE("edit forms: a new list item has the required fields") {
    const auto& col = ca::form_fields(ca::EditKind::Collaboration);
    for (const auto& f : col) {
        if (f.key == "participants") CHECK(ca::new_item_json(f) == R"({"org": "", "role": "lead"})");
        if (f.key == "facts")
            CHECK(ca::new_item_json(f) == R"({"label": "", "value": 0, "unit": "USD", "year": 0, "source": "", "quote": ""})");
    }
}

// An event's title is translated in its form (as a collaboration's title and summary are): a new
// translation has the language and the title the loader requires, and a message about one
// names its field and item.
TEST_CASE("edit forms: an event's translations") {
    const auto& ev = ca::form_fields(ca::EditKind::Event);
    const auto it = std::find_if(ev.begin(), ev.end(), [](const ca::FormField& f) { return f.key == "translations"; });
    REQUIRE(it != ev.end());
    CHECK(ca::new_item_json(*it) == R"({"lang": "zh-Hant", "title": ""})");
    const ca::FormFocus f = ca::form_focus(ca::EditKind::Event, "/translations/1/title");
    REQUIRE(f.field >= 0);
    CHECK(ev[static_cast<size_t>(f.field)].key == "translations");
    CHECK(f.item == 1);
    CHECK(f.sub == "title");
}

// Every member the schema gives an element (but its id, set apart) is a field of its form, and
// every member of a list's items one of the list's sub-fields, however deep (a fact's
// translations were edited only in the file, session 24): what the data takes, the form edits.
TEST_CASE("edit forms: every member of the schema has a field, in lists' items too") {
    const nlohmann::json s = schema();
    const nlohmann::json& defs = s["$defs"];
    auto resolve = [&](const nlohmann::json& node) -> const nlohmann::json& {
        if (node.contains("$ref")) return defs[node["$ref"].get<std::string>().substr(std::string("#/$defs/").size())];
        return node;
    };
    std::vector<std::string> missing;
    std::function<void(const nlohmann::json&, const std::vector<ca::FormField>&, const std::string&)> walk;
    walk = [&](const nlohmann::json& object, const std::vector<ca::FormField>& fields, const std::string& at) {
        for (auto it = object["properties"].begin(); it != object["properties"].end(); ++it) {
            if (at.find('/') == std::string::npos && it.key() == "id") continue;
            const auto f = std::find_if(fields.begin(), fields.end(), [&](const ca::FormField& x) { return x.key == it.key(); });
            if (f == fields.end()) {
                missing.push_back(at + "/" + it.key());
                continue;
            }
            const nlohmann::json& prop = resolve(it.value());
            if (prop.value("type", "") != "array") continue;
            const nlohmann::json& items = resolve(prop["items"]);
            if (items.value("type", "") == "object") walk(items, f->items, at + "/" + it.key() + "/N");
        }
    };
    const std::pair<const char*, ca::EditKind> kinds[] = {{"source", ca::EditKind::Source},
                                                          {"organisation", ca::EditKind::Organisation},
                                                          {"collaboration", ca::EditKind::Collaboration},
                                                          {"event", ca::EditKind::Event}};
    for (const auto& [def, kind] : kinds) walk(defs[def], ca::form_fields(kind), def);
    INFO(nlohmann::json(missing).dump());
    CHECK(missing.empty());
}

TEST_CASE("edit forms: an organisation's translations (its city and note)") {
    const auto& org = ca::form_fields(ca::EditKind::Organisation);
    const auto it = std::find_if(org.begin(), org.end(), [](const ca::FormField& f) { return f.key == "translations"; });
    REQUIRE(it != org.end());
    // Neither text is required alone (the loader wants one of them): a new item starts with none.
    CHECK(ca::new_item_json(*it) == R"({"lang": "zh-Hant"})");
    const ca::FormFocus f = ca::form_focus(ca::EditKind::Organisation, "/translations/2/city");
    REQUIRE(f.field >= 0);
    CHECK(org[static_cast<size_t>(f.field)].key == "translations");
    CHECK(f.item == 2);
    CHECK(f.sub == "city");
}

// A pointer names its field however deep: what a typed value becomes, and which list an added
// item goes to, are the field's.
TEST_CASE("edit forms: the field a pointer names, in lists' items' lists too") {
    bool plain = true;
    const ca::FormField* f = ca::form_field_at(ca::EditKind::Collaboration, "/facts/0/translations/1/label", plain);
    REQUIRE(f);
    CHECK(f->key == "label");
    CHECK(f->required);
    CHECK_FALSE(plain);
    f = ca::form_field_at(ca::EditKind::Collaboration, "/facts/2/translations", plain);
    REQUIRE(f);
    CHECK(f->type == ca::FieldType::List);
    CHECK(ca::new_item_json(*f) == R"({"lang": "zh-Hant", "label": ""})");
    f = ca::form_field_at(ca::EditKind::Collaboration, "/topics/3", plain);
    REQUIRE(f);
    CHECK(f->key == "topics");
    CHECK(plain);
    f = ca::form_field_at(ca::EditKind::Organisation, "/name", plain);
    REQUIRE(f);
    CHECK(f->type == ca::FieldType::Text);
    CHECK_FALSE(plain);
    for (const char* none : {"", "/", "name", "/nothing", "/facts/x/label", "/facts/0", "/facts/0/nothing", "/topics/0/x",
                             "/facts/0/translations/1", "/facts/1234567/label", "/name/0"})
        CHECK(ca::form_field_at(ca::EditKind::Collaboration, none, plain) == nullptr);
}
