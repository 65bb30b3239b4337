// The canonical writer (core/json_writer.h): the committed data is in its format byte for byte,
// formatting is idempotent, minified and re-ordered copies come back to the committed bytes, and
// adding one collaboration changes only that object's lines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_canonical.h"
#include "core/json_writer.h"

using namespace ca;

namespace {

const char* const kDataFiles[] = {"organisations", "collaborations", "events", "sources"};

std::string read_data(const std::string& name) {
    std::ifstream f(std::string(CHIPATLAS_SOURCE_DIR) + "/data/" + name + ".json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string format_ok(const std::string& text) {
    FormatOutcome r = format_dataset_text(text);
    REQUIRE(r.status == FormatStatus::Ok);
    return r.text;
}

// Every object's members in reverse order, recursively (the opposite of the canonical order).
OJson reversed(const OJson& v) {
    if (v.is_array()) {
        OJson out = OJson::array();
        for (auto& e : v) out.push_back(reversed(e));
        return out;
    }
    if (!v.is_object()) return v;
    std::vector<std::pair<std::string, OJson>> members;
    for (auto it = v.begin(); it != v.end(); ++it) members.emplace_back(it.key(), reversed(it.value()));
    std::reverse(members.begin(), members.end());
    OJson out = OJson::object();
    for (auto& m : members) out[m.first] = m.second;
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("writer: the committed data files are canonical byte for byte, and formatting is idempotent") {
    for (const char* name : kDataFiles) {
        INFO(name);
        const std::string text = read_data(name);
        REQUIRE(text.size() > 100);
        const std::string once = format_ok(text);
        CHECK(once == text);
        CHECK(format_ok(once) == once);
    }
}

TEST_CASE("writer: minified and re-ordered copies format back to the committed bytes") {
    for (const char* name : kDataFiles) {
        INFO(name);
        const std::string text = read_data(name);
        OJson root;
        REQUIRE(parse_ojson(text, root));
        const std::string minified = root.dump();
        const std::string reordered = reversed(root).dump();
        const std::string reordered_pretty = reversed(root).dump(4);
        CHECK(minified.find('\n') == std::string::npos);
        CHECK(reordered != minified);
        CHECK(format_ok(minified) == text);
        CHECK(format_ok(reordered) == text);
        CHECK(format_ok(reordered_pretty) == text);
    }
}

TEST_CASE("writer: adding one collaboration changes only that object's lines") {
    const std::string text = read_data("collaborations");
    OJson root;
    REQUIRE(parse_ojson(text, root));
    OJson& list = root["collaborations"];
    REQUIRE(list.size() > 4);
    OJson added = {{"id", "new_mou"},
                   {"title", "A new MoU"},
                   {"kind", "mou"},
                   {"start", "2024-05-02"},
                   {"participants", {{{"org", "tsmc"}, {"role", "signatory"}}, {{"org", "astri"}, {"role", "signatory"}}}},
                   {"summary", "One sentence."},
                   {"evidence", {{{"source", "hk_astri_polyu"}, {"quote", "Some quote."}}}}};
    list.insert(list.begin() + 2, added);
    const std::string after = write_canonical(root);
    const std::vector<std::string> old_lines = lines_of(text);
    std::vector<std::string> new_lines = lines_of(after);
    // The new object is one block of lines; without it the file is the committed one.
    const auto id_line = std::find(new_lines.begin(), new_lines.end(), "      \"id\": \"new_mou\",");
    REQUIRE(id_line != new_lines.end());
    const auto first = id_line - 1, last = std::find(id_line, new_lines.end(), "    },");
    REQUIRE(last != new_lines.end());
    CHECK(*first == "    {");
    CHECK(last - first == 8);
    CHECK(*(id_line + 3) == R"(      "participants": [{"org": "tsmc", "role": "signatory"}, {"org": "astri", "role": "signatory"}],)");
    new_lines.erase(first, last + 1);
    CHECK(new_lines == old_lines);
}

TEST_CASE("writer: schema key order, unknown members after the known ones, width 120") {
    const std::string in =
        R"({"organisations": [{"zeta": 1, "lon": 2.5, "id": "a", "alpha": true, "name": "A", "sources": ["s"]}], "$schema": "./schema.json"})";
    CHECK(format_ok(in) ==
          "{\n"
          "  \"$schema\": \"./schema.json\",\n"
          "  \"organisations\": [{\"id\": \"a\", \"name\": \"A\", \"lon\": 2.5, \"sources\": [\"s\"], \"zeta\": 1, \"alpha\": true}]\n"
          "}\n");
    // A line of 121 columns is split; 120 is not.
    const std::string pad_to = std::string(120 - std::string(R"(  "x": [""],)").size(), 'a');
    const std::string two = R"({"x": [")" + pad_to + R"("], "y": 1})";
    CHECK(format_ok(two) == "{\n  \"x\": [\"" + pad_to + "\"],\n  \"y\": 1\n}\n");
    const std::string longer = R"({"x": [")" + pad_to + R"(b"], "y": 1})";
    CHECK(format_ok(longer) == "{\n  \"x\": [\n    \"" + pad_to + "b\"\n  ],\n  \"y\": 1\n}\n");
    // Columns count code points, not bytes; empty containers, numbers and escapes are kept.
    // A short file is one line too.
    CHECK(format_ok(R"({"a":[],"b":{},"c":1.0,"d":-3,"e":"q\"\u0001é","f":null})") ==
          R"({"a": [], "b": {}, "c": 1.0, "d": -3, "e": "q\"\u0001é", "f": null})"
          "\n");
    const std::string wide = R"({"e": ")" + std::string(98, 'x') + R"(é", "f": [1, 2]})";  // 121 columns, 122 bytes
    CHECK(format_ok(wide) == "{\n  \"e\": \"" + std::string(98, 'x') + "é\",\n  \"f\": [1, 2]\n}\n");
    const std::string narrow = R"({"e": ")" + std::string(97, 'x') + R"(é", "f": [1, 2]})";  // 120 columns, 121 bytes
    CHECK(format_ok(narrow) == narrow + "\n");
}

TEST_CASE("writer: invalid JSON is an error with its offset, a JSON Schema is left alone") {
    FormatOutcome r = format_dataset_text("{\n  \"a\": [1, 2,]\n}");
    CHECK(r.status == FormatStatus::Invalid);
    CHECK(r.error.offset == 14);
    CHECK(r.error.message.find("trailing comma") != std::string::npos);
    CHECK(format_dataset_text("").status == FormatStatus::Invalid);
    CHECK(format_dataset_text(std::string(100, '[') + std::string(100, ']')).status == FormatStatus::Invalid);
    CHECK(format_dataset_text(R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"})").status ==
          FormatStatus::Schema);
    CHECK(format_dataset_text(read_data("schema")).status == FormatStatus::Schema);
}
