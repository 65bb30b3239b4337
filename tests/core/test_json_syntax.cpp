// JsonDoc's error path (core/json_syntax.cpp) against nlohmann_json's own parser, the reference:
// on thousands of broken texts both refuse the same ones, with the same message at the same byte.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_doc.h"

using namespace ca;
using json = nlohmann::json;

namespace {

// What JsonDoc's error path said before it stopped linking nlohmann_json: its SAX parser's first
// error (depth limited as JsonDoc limits it), the message cleaned and explained the same way.
struct Reference : nlohmann::json_sax<json> {
    int max_depth, depth = 0;
    bool too_deep = false, failed = false;
    size_t pos = 0;
    std::string what;
    explicit Reference(int d) : max_depth(d) {}
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool key(string_t&) override { return true; }
    bool open() {
        if (depth >= max_depth) return !(too_deep = true);
        ++depth;
        return true;
    }
    bool start_object(std::size_t) override { return open(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_object() override { return --depth, true; }
    bool end_array() override { return --depth, true; }
    bool parse_error(std::size_t p, const std::string&, const nlohmann::detail::exception& ex) override {
        failed = true;
        pos = p;
        what = ex.what();
        return false;
    }
};

std::string clean(const std::string& m) {
    auto p = m.find("column ");
    if (p != std::string::npos) {
        auto q = m.find(": ", p);
        if (q != std::string::npos) return m.substr(q + 2);
    }
    p = m.find("] ");
    return p == std::string::npos ? m : m.substr(p + 2);
}

// "ok", "too deep" or "OFFSET: message", as the reference words it.
std::string reference(const std::string& text, int max_depth) {
    Reference r(max_depth);
    const bool ok = json::sax_parse(text, &r, json::input_format_t::json, true, false);
    if (r.too_deep) return "too deep";
    if (ok && !r.failed) return "ok";
    JsonError e;
    e.message = clean(r.what);
    e.offset = r.pos > 0 ? r.pos - 1 : 0;
    explain_syntax_error(text, e);
    return std::to_string(e.offset) + ": " + e.message;
}

std::string ours(const std::string& text, int max_depth) {
    JsonDoc d;
    JsonError e;
    if (d.parse(text, max_depth, e)) return "ok";
    if (e.too_deep) return "too deep";
    return std::to_string(e.offset) + ": " + e.message;
}

}  // namespace

TEST_CASE("JsonDoc's syntax errors are nlohmann_json's, word for word and byte for byte") {
    const std::vector<std::string> fixed = {
        "",
        " ",
        "{",
        "}",
        "[",
        "]",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{\"a\": 1 \"b\": 2}",
        "[1 2]",
        "{a: 1}",
        "{'a': 1}",
        "{\"a\": tru}",
        "{\"a\": nul}",
        "{\"a\": falsey}",
        "[1e999]",
        "[-1e999]",
        "[1e400, 2]",
        "[" + std::string(400, '9') + "]",
        "[-]",
        "[1.]",
        "[1e]",
        "[1e+]",
        "[01]",
        "[-01]",
        "[.5]",
        "[+1]",
        "\"abc",
        "\"a\\qb\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"a\tb\"",
        std::string("\"a\0b\"", 5),
        std::string("[1]\0 junk", 9),
        std::string("[1,\0]", 5),
        "\xEF\xBB\xBF[1]",
        "\xEF\xBB[1]",
        "\xEF[1]",
        "\"\xC3\"",
        "\"\xC3\x28\"",
        "\"\xE0\x80\x80\"",
        "\"\xED\xA0\x80\"",
        "\"\xF4\x90\x80\x80\"",
        "\"\xF5\"",
        "[\xC3\xA9]",
        "{\"a\": [1, 2}}",
        "[{\"a\":1} {\"b\":2}]",
        "{\"a\": 1, // c\n \"b\": 2}",
        "{\"a\": /* c */ 1}",
        "{\"a\": 1}\n}",
        "[[[[1]]]]",
        "[[[[]]]]",
        "{\"a\":{\"b\":{\"c\":{}}}}",
        "[1]\n\n  [2]",
        "\n\n  {\"k\":\n [true, false, null, \"\x01\"]}",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "[1,",
        "[\"x\",",
    };
    for (const std::string& t : fixed) {
        INFO("text: " << json(t).dump(-1, ' ', true, json::error_handler_t::replace));
        CHECK(ours(t, 3) == reference(t, 3));
        CHECK(ours(t, 32) == reference(t, 32));
    }
}

TEST_CASE("JsonDoc's syntax errors match nlohmann_json's on randomly broken documents") {
    const std::string seeds[] = {
        R"({"id": "tsmc", "names": [{"lang": "zh-Hant", "text": "台積電"}], "lat": 24.77, "lon": -121.0e0, "ok": true, "n": null})",
        R"([{"a": [1, 2.5, -3e-2, {"b": "c\"d\\e\u00e9\ud83d\ude00"}]}, [], {}, false])",
    };
    const char pieces[] = {'[', ']', '{',  '}', ',',  ':',  '"', '\\', 't',    'n',    'f',    '1',    '0',    '-',    '.',    'e',
                           '+', '/', '\'', ' ', '\n', '\0', 'u', 'x',  '\x01', '\xEF', '\xC3', '\xA9', '\x80', '\xED', '\xF0', '\xFF'};
    unsigned seed = 12345;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    int refused = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string t = seeds[n % 2];
        for (int k = static_cast<int>(next() % 3) + 1; k > 0 && !t.empty(); --k) {
            const size_t at = next() % t.size();
            const char ch = pieces[next() % sizeof pieces];
            switch (next() % 4) {
                case 0:
                    t.erase(at, 1);
                    break;
                case 1:
                    t.insert(t.begin() + static_cast<long>(at), ch);
                    break;
                case 2:
                    t[at] = ch;
                    break;
                default:
                    t.resize(at);  // cut off
            }
        }
        const std::string want = reference(t, 4), got = ours(t, 4);
        if (got != want)
            FAIL("text: " << json(t).dump(-1, ' ', true, json::error_handler_t::replace) << "\n  ours:      " << got
                          << "\n  reference: " << want);
        refused += want != "ok";
    }
    CHECK(refused > 10000);  // the errors were exercised, not only valid texts
}
