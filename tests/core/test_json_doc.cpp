// JsonDoc: values, keys, lookups, the fast path (RapidJSON) agreeing with the reference
// parser (nlohmann_json) on what is valid JSON; TextLocator agreeing with a fresh scan.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_doc.h"

using namespace ca;

TEST_CASE("JsonDoc reads values, keys and nested containers") {
    const std::string t = R"({"a": 1, "b": -2, "c": 2.5, "d": "x\ny", "e": [true, null, "z"], "f": {"g": "verbatim"}, "a": 3})";
    JsonDoc d;
    JsonError e;
    REQUIRE(d.parse(t, 32, e));
    CHECK(d.fast_path());
    JValue r = d.root();
    REQUIRE(r.is_object());
    CHECK(r.size() == 7);
    CHECK(r.key(1) == "b");
    CHECK(r.find("a").integer() == 3);  // a repeated key: the last one wins, as in nlohmann_json
    CHECK(r.find("b").is_number_integer());
    CHECK(r.find("b").integer() == -2);
    CHECK_FALSE(r.find("c").is_number_integer());
    CHECK(r.find("c").number() == 2.5);
    CHECK(r.find("d").str() == "x\ny");  // unescaped into the arena
    CHECK(r.find("f").find("g").str() == "verbatim");
    JValue arr = r.find("e");
    REQUIRE(arr.is_array());
    CHECK(arr.size() == 3);
    CHECK(arr[0].boolean());
    CHECK(arr[1].is_null());
    CHECK(arr[2].str() == "z");
    CHECK_FALSE(arr[3]);  // out of range: absent
    CHECK_FALSE(r.find("missing"));
    CHECK(r.find("missing").str().empty());
}

TEST_CASE("JsonDoc stops at the nesting limit and reports where") {
    JsonDoc d;
    JsonError e;
    CHECK(d.parse("[[[1]]]", 3, e));
    REQUIRE_FALSE(d.parse("[[[[1]]]]", 3, e));
    CHECK(e.too_deep);
    CHECK(e.offset == 3);
    CHECK_FALSE(d.root());
}

TEST_CASE("JsonDoc's fast path accepts exactly what the reference parser accepts") {
    const char* cases[] = {
        "{}",
        "[]",
        "0",
        "-0",
        "-0.0",
        "1e400",
        "-1e-400",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "01",
        "[01]",
        "1.",
        ".5",
        "+1",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "\"a\" \"b\"",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83dx\"",
        "\"\\x\"",
        "\"tab\there\"",
        "\"\xc3\xa9\"",
        "\"\xc3\"",
        "\"\xed\xa0\x80\"",
        "\"\xc0\xaf\"",
        "\"\xf4\x90\x80\x80\"",
        "\"\xef\xbb\xbf\"",
        "\xef\xbb\xbf{}",
        "{} ",
        " {}\n",
        "{}x",
        "nul",
        "null",
        "true",
        "tru",
        "\"\xe0\x80\x80\"",
        "\"\xe0\xa0\x80\"",
        "\"\xf4\x8f\xbf\xbf\"",
        "\"\xf5\x80\x80\x80\"",
        "\"\xf0\x8f\xbf\xbf\"",
        "\"\xf0\x9f\x98\x80\"",
        "\"\x80\"",
        "\"ab\xc3\"",
        "\"\xe6\x97\xa5\xe6\x9c\xac 12345678\xe6\"",
        "\"\xc1\xbf\"",
        "\"\xed\x9f\xbf\"",
        "\"\xee\x80\x80\"",
        "{\"\xc3\xa9\": 1}",
        "{\"\xc3\": 1}",
        "\"\xff\"",
        "[1e5, 1E+5, 1e-5, -1.5e3]",
        "{\"\\ude00\": 1}",
        "{\"\\u00e9\": 1}",
        "{\"a\" 1}",
        "{\"a\":}",
        "[\"\\/\"]",
        "/* c */ {}",
        "NaN",
        "[Infinity]",
        "[1]\xc3\xa9",  // non-ASCII bytes outside strings (in place, only strings are checked for UTF-8)
        "\xc3\xa9[1]",
        "[1,\xff]",
        "{\"a\":1}\x80",
        "{\"a\"\xc2\xa0:1}",
    };
    for (const char* c : cases) {
        std::string t(c);
        JsonDoc d;
        JsonError e;
        const bool ok = d.parse(t, 32, e);
        INFO("text: " << t);
        CHECK(ok == json_reference_accepts(t));
        if (ok && d.fast_path()) CHECK(json_reference_accepts(t));
        std::vector<char> buf(t.begin(), t.end());
        buf.push_back('\0');
        JsonDoc in_place;  // the fast path alone, on the text itself: what the copy's fast path takes
        CHECK(in_place.parse_in_place(buf.data(), t.size(), 32) == (ok && d.fast_path()));
    }
    // A NUL byte after the value (RapidJSON would stop there; the whole text must be read).
    const std::string nul("{}\0{}", 5);
    JsonDoc d;
    JsonError e;
    CHECK(d.parse(nul, 32, e) == json_reference_accepts(nul));
}

TEST_CASE("TextLocator finds the same places as a fresh scan, in any order") {
    // Three top-level arrays of 2,000 objects over many lines, with nested arrays inside.
    std::string t = "{\n";
    const char* names[] = {"a", "b", "c"};
    for (int s = 0; s < 3; ++s) {
        t += std::string(s ? ",\n" : "") + "\"" + names[s] + "\": [";
        for (int i = 0; i < 2000; ++i)
            t += std::string(i ? "," : "") + (i % 7 == 0 ? "\n  " : " ") + "{\"id\": \"x" + std::to_string(i) +
                 "\", \"n\": [1, [2, 3], {\"k\": \"é\"}], \"v\": " + std::to_string(i) + "}";
        t += "]";
    }
    t += "\n}\n";
    TextLocator loc(t);
    unsigned seed = 12345;
    for (int q = 0; q < 400; ++q) {
        seed = seed * 1103515245u + 12345u;
        const int s = static_cast<int>(seed >> 8) % 3, i = static_cast<int>(seed >> 12) % 2100;  // some past the end
        const char* tail[] = {"", "/id", "/n/1/0", "/n/2/k", "/v", "/missing"};
        std::string p = std::string("/") + names[s] + "/" + std::to_string(i) + tail[(seed >> 4) % 6];
        INFO(p);
        const size_t off = loc.locate(p);
        CHECK(off == locate_pointer(t, p));
        int l1, c1, l2, c2;
        loc.line_col(off, l1, c1);
        line_col(t, off, l2, c2);
        CHECK(l1 == l2);
        CHECK(c1 == c2);
    }
}

TEST_CASE("JsonDoc agrees with the reference parser on random string bytes and escapes") {
    // Strings are where the fast path does its own checking (UTF-8, surrogates): build
    // 50,000 random ones from bytes biased towards UTF-8 lead and continuation bytes and escapes.
    const char* pieces[] = {"\\u", "\\ud83d", "\\ude00", "\\udbff\\udfff", "\\n", "\\\"", "\\\\", "\\/", "\\x", "d83d", "00", "\\\"\\\""};
    unsigned seed = 7;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    int accepted = 0, rejected = 0;
    for (int n = 0; n < 50000; ++n) {
        std::string body;
        const int len = static_cast<int>(next() % 12);
        for (int i = 0; i < len; ++i) {
            const unsigned r = next() % 10;
            if (r < 3)
                body += pieces[next() % 12];
            else if (r < 5)
                body += static_cast<char>('a' + next() % 26);
            else if (r < 7)
                body += static_cast<char>(0x80 + next() % 0x40);  // continuation
            else
                body += static_cast<char>(0xC0 + next() % 0x40);  // lead bytes, C0..FF
        }
        const std::string t = (next() % 2) ? "\"" + body + "\"" : "{\"" + body + "\": 1}";
        JsonDoc d;
        JsonError e;
        const bool ok = d.parse(t, 32, e), ref = json_reference_accepts(t);
        if (ok != ref || (ok && d.fast_path() != ref)) FAIL("disagree on: " << t);
        std::vector<char> buf(t.begin(), t.end());
        buf.push_back('\0');
        JsonDoc in_place;  // the fast path alone: never more than the reference takes, and what it takes read alike
        if (in_place.parse_in_place(buf.data(), t.size(), 32) != (ok && d.fast_path())) FAIL("in place, disagree on: " << t);
        if (ok && (in_place.root().is_string() ? in_place.root().str() != d.root().str() : in_place.root().key(0) != d.root().key(0)))
            FAIL("in place, decoded differently: " << t);
        if (ok) {
            // The decoded bytes too: strings kept in place in the text (no escapes) and decoded
            // copies (escapes) must both read as the reference decodes them.
            const nlohmann::json j = nlohmann::json::parse(t);
            const std::string want = j.is_string() ? j.get<std::string>() : j.begin().key();
            const std::string_view got = j.is_string() ? d.root().str() : d.root().key(0);
            if (got != want) FAIL("decoded differently: " << t);
        }
        (ref ? accepted : rejected)++;
    }
    CHECK(accepted > 1000);  // both kinds were exercised
    CHECK(rejected > 1000);
}

namespace {

// Whether v reads as the reference's j: type, value, size, each element, each member's key in
// order, its value, and find() by that key.
bool same(JValue v, const nlohmann::ordered_json& j, const std::string& text) {
    if (j.is_null()) return v.is_null() && v;
    if (j.is_boolean()) return v.type() == JType::Bool && v.boolean() == j.get<bool>();
    if (j.is_number_unsigned()) return v.type() == JType::UInt && v.integer() == static_cast<long long>(j.get<uint64_t>());
    if (j.is_number_integer()) return v.type() == JType::Int && v.integer() == j.get<long long>();
    if (j.is_number_float()) return v.type() == JType::Float && v.number() == j.get<double>();
    if (j.is_string()) return v.is_string() && v.str() == j.get<std::string>();
    if (j.is_array()) {
        if (!v.is_array() || v.size() != j.size()) return false;
        for (size_t i = 0; i < j.size(); ++i)
            if (!same(v[i], j[i], text)) return false;
        return !v[j.size()];
    }
    if (!v.is_object() || v.size() != j.size()) return false;
    size_t i = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++i)
        if (v.key(i) != it.key() || !same(v[i], it.value(), text) || !same(v.find(it.key()), j[it.key()], text)) return false;
    return !v.find("no such key");
}

// A random JSON text: nested arrays and objects, strings with escapes and
// non-ASCII, integers at int64/uint64 limits, floats, true/false/null.
std::string random_json(unsigned& seed, int depth) {
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    const unsigned r = next() % (depth > 0 ? 10 : 6);
    switch (r) {
        case 0:
            return next() % 2 ? "true" : (next() % 2 ? "false" : "null");
        case 1: {
            const char* ints[] = {"0",
                                  "-1",
                                  "7",
                                  "4294967295",
                                  "4294967296",
                                  "-2147483649",
                                  "9223372036854775807",
                                  "-9223372036854775808",
                                  "18446744073709551615"};
            return ints[next() % 9];
        }
        case 2: {
            const char* floats[] = {"2.5", "-0.0", "1e300", "3.14159", "6.02e23", "1E-7"};
            return floats[next() % 6];
        }
        case 3:
        case 4:
        case 5: {
            const char* strs[] = {
                "\"\"", "\"x\"", "\"a\\nb\"", "\"\\u00e9t\\u00e9\"", "\"\xE5\x8F\xB0\xE7\x81\xA3\"", "\"q\\\"\"", "\"\\ud83d\\ude00\""};
            return strs[next() % 7];
        }
        case 6:
        case 7: {
            std::string t = "[";
            for (unsigned i = 0, n = next() % 6; i < n; ++i) {
                t += i ? "," : "";
                t += random_json(seed, depth - 1);
            }
            return t + "]";
        }
        default: {
            // Distinct keys (as decoded): a repeated key is the first test's case.
            const char* keys[] = {"id", "name", "a", "", "\\u00e9", "n\xC3\xA4me"};
            std::string t = "{";
            unsigned used = 0;
            for (unsigned i = 0, n = next() % 6; i < n; ++i) {
                const unsigned k = next() % 6;
                if (used & (1u << k)) continue;
                used |= 1u << k;
                t += t.size() > 1 ? "," : "";
                t += '"';
                t += keys[k];
                t += "\":";
                t += random_json(seed, depth - 1);
            }
            return t + "}";
        }
    }
}

}  // namespace

TEST_CASE("JsonDoc's tape reads every value as the reference parser does, for random documents, copied or in place") {
    unsigned seed = 11;
    int containers = 0;
    for (int n = 0; n < 3000; ++n) {
        const std::string t = random_json(seed, 4);
        JsonDoc d;
        JsonError e;
        REQUIRE(d.parse(t, 32, e));
        const auto j = nlohmann::ordered_json::parse(t);
        if (!same(d.root(), j, t)) FAIL("read differently: " << t);
        std::vector<char> buf(t.begin(), t.end());
        buf.push_back('\0');
        JsonDoc in_place;
        REQUIRE(in_place.parse_in_place(buf.data(), t.size(), 32));
        if (!same(in_place.root(), j, t)) FAIL("read differently in place: " << t);
        containers += j.is_structured();
    }
    CHECK(containers > 1000);
}

TEST_CASE("JsonDoc's values stay readable when the document moves, and each parse starts afresh") {
    std::vector<JsonDoc> docs(1);
    JsonError e;
    REQUIRE(docs[0].parse(R"({"list": [1, 2, {"deep": "yes"}], "n": -5, "big": 18446744073709551615})", 32, e));
    const JValue deep = docs[0].root().find("list")[2].find("deep");
    docs.resize(40);  // the first document moves
    CHECK(deep.str() == "yes");
    CHECK(docs[0].root().find("n").integer() == -5);
    CHECK(docs[0].root().find("n").number() == -5.0);
    CHECK(docs[0].root().find("big").type() == JType::UInt);
    CHECK(static_cast<unsigned long long>(docs[0].root().find("big").integer()) == 18446744073709551615ull);
    CHECK(docs[0].root().find("list")[0].type() == JType::UInt);  // a non-negative integer is UInt
    REQUIRE(docs[0].parse("[]", 32, e));
    CHECK(docs[0].root().is_array());
    CHECK(docs[0].root().empty());
    CHECK_FALSE(docs[0].root()[0]);
    REQUIRE(docs[0].parse("\"only\"", 32, e));
    CHECK(docs[0].root().str() == "only");
    CHECK(docs[0].root().size() == 0);
    CHECK_FALSE(docs[0].root().find("only"));
    REQUIRE_FALSE(docs[0].parse("[1,", 32, e));
    CHECK_FALSE(docs[0].root());  // a failed parse leaves nothing behind
}

TEST_CASE("JsonDoc in place takes only a NUL-terminated text and leaves nothing behind when it refuses") {
    std::string t = "{\"a\": [1, \"two\"]}";
    JsonDoc d;
    t.push_back('x');  // no NUL after the text
    CHECK_FALSE(d.parse_in_place(t.data(), t.size() - 1, 32));
    t.back() = '\0';
    REQUIRE(d.parse_in_place(t.data(), t.size() - 1, 32));
    CHECK(d.root().find("a")[1].str() == "two");
    std::string deep = "[[[1]]]";
    CHECK_FALSE(d.parse_in_place(deep.data(), deep.size(), 2));  // too deep: the caller parses a copy for the error
    CHECK_FALSE(d.root());
    CHECK_FALSE(d.parse_in_place(nullptr, 0, 32));
}

TEST_CASE("JsonDoc refuses a text of 512 MB or more with the limit, before reading it") {
    const char byte = '0';
    JsonDoc d;
    JsonError e;
    // Never read: the size is checked first (the view's bytes past the first do not exist).
    REQUIRE_FALSE(d.parse(std::string_view(&byte, size_t{1} << 29), 32, e));
    CHECK(e.message.find("over the parser's limit of 536870911 bytes") != std::string::npos);
    CHECK_FALSE(d.root());
}

namespace {

// The explained syntax error of text: "LINE:COL message".
std::string syntax(const std::string& text) {
    JsonDoc d;
    JsonError e;
    if (d.parse(text, 32, e)) return "parsed";
    int line, col;
    line_col(text, e.offset, line, col);
    return std::to_string(line) + ":" + std::to_string(col) + " " + e.message;
}

}  // namespace

TEST_CASE("syntax errors name the usual cause, placed where to fix it") {
    // Trailing commas: placed at the comma, wherever the bracket is.
    CHECK(syntax("{\"a\": [1, 2,]}") ==
          "1:12 syntax error: trailing comma: remove the ',' before ']' (JSON allows no comma after the last element) (parser: "
          "unexpected ']'; expected '[', '{', or a literal)");
    CHECK(syntax("{\"a\": [1,\n  2,\n  ]\n}").rfind("2:4 syntax error: trailing comma: remove the ',' before ']'", 0) == 0);
    // Missing commas: at the start of the value after which the comma is missing.
    CHECK(syntax("{\"a\": \"x\"\n \"b\": 2}") ==
          "2:2 syntax error: missing comma: put a ',' between two elements or members, before this one (parser: unexpected string "
          "literal; expected '}')");
    CHECK(syntax("[1 22]").rfind("1:4 syntax error: missing comma", 0) == 0);
    CHECK(syntax("[{\"a\":1} {\"b\":2}]").rfind("1:10 syntax error: missing comma", 0) == 0);
    CHECK(syntax("{\"a\": [1, 2}}").rfind("1:12 syntax error: mismatched brackets: an array opened with '[' closes with ']'", 0) == 0);
    // Unquoted keys and values, comments, single quotes.
    CHECK(syntax("{ id: 1}")
              .rfind("1:3 syntax error: unquoted key: JSON keys need double quotes: write \"id\" (parser: invalid literal", 0) == 0);
    CHECK(syntax("{\"kind\": company}").rfind("1:10 syntax error: unquoted text: strings need double quotes", 0) == 0);
    CHECK(syntax("{\"a\": 1, // c\n \"b\": 2}").rfind("1:10 syntax error: a comment: JSON has no comments; remove the '//' comment", 0) ==
          0);
    CHECK(syntax("{\"a\": /* c */ 1}").rfind("1:7 syntax error: a comment: JSON has no comments; remove the '/*' comment", 0) == 0);
    CHECK(syntax("{'a': 1}").rfind("1:2 syntax error: single quotes: JSON strings and keys need double quotes", 0) == 0);
    CHECK(syntax("{\"a\": 'x'}").rfind("1:7 syntax error: single quotes", 0) == 0);
    // A missing colon; text cut off; text after the end.
    CHECK(syntax("{\"a\" 1}").rfind("1:6 syntax error: missing colon", 0) == 0);
    CHECK(syntax("{\"a\": [1").rfind("1:9 syntax error: the text ends early", 0) == 0);
    CHECK(syntax("{\"a\": 1}\n}").rfind("2:1 syntax error: text after the end", 0) == 0);
    // Errors of no known kind keep the parser's words.
    CHECK(syntax("{\"a\": tru}") == "1:10 syntax error while parsing value - invalid literal; last read: '\"a\": tru}'");
}
