// JsonOut, the writer of replies and events: the same text nlohmann_json's dump gave (keys sorted,
// the same escapes, pretty-printing), numbers that read back exactly, and always valid UTF-8.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_doc.h"
#include "core/json_out.h"

using namespace ca;
using json = nlohmann::json;

TEST_CASE("JsonOut writes objects with sorted keys and escapes as nlohmann_json's dump did") {
    const std::string odd = "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f é 台";
    JsonOut o = {{"zeta", 1}, {"alpha", "x"}, {"mid", JsonOut::array({true, false, nullptr, odd})}};
    o["Beta"] = JsonOut::object();
    o["alpha"] = "replaced";  // a key once, its last value
    o["list"].push_back(std::vector<std::string>{"a", "b"});
    o["empty"] = JsonOut::array();
    json n = {{"zeta", 1},
              {"alpha", "replaced"},
              {"mid", {true, false, nullptr, odd}},
              {"Beta", json::object()},
              {"list", json::array({json::array({"a", "b"})})},
              {"empty", json::array()}};
    CHECK(o.dump() == n.dump());
    CHECK(o.dump(2) == n.dump(2));
    CHECK(JsonOut::object().dump(2) == "{}");
    CHECK(JsonOut(std::vector<int>{}).dump() == "[]");
}

TEST_CASE("JsonOut's numbers read back as the same values") {
    const double values[] = {0.0,     -0.0,
                             1.0,     -1.5,
                             0.1,     1.0 / 3,
                             123.456, 1e-7,
                             2.5e-5,  1e15,
                             1e16,    1e21,
                             1e22,    1.7976931348623157e308,
                             5e-324,  24.776,
                             121.0,   static_cast<double>(3.4f)};
    for (double v : values) {
        const std::string text = JsonOut(v).dump();
        INFO(text);
        const json back = json::parse(text);
        CHECK(back.is_number_float());  // a double stays a double ("1.0", not "1")
        CHECK(back.get<double>() == v);
        CHECK(std::signbit(back.get<double>()) == std::signbit(v));
    }
    CHECK(JsonOut(1.5f).dump() == "1.5");
    CHECK(JsonOut(std::numeric_limits<double>::infinity()).dump() == "null");
    CHECK(JsonOut(std::nan("")).dump() == "null");
    CHECK(JsonOut(-42).dump() == "-42");
    CHECK(JsonOut(18446744073709551615ull).dump() == "18446744073709551615");
    CHECK(JsonOut(size_t{7}).dump() == "7");
}

TEST_CASE("JsonOut replaces bytes that are not UTF-8 with U+FFFD, a bad sequence by one") {
    CHECK(JsonOut("caf\xff!").dump() == "\"caf\xEF\xBF\xBD!\"");
    CHECK(JsonOut("a\xe2\x82").dump() == "\"a\xEF\xBF\xBD\"");                            // cut off at the end
    CHECK(JsonOut("a\xe2\x82z").dump() == "\"a\xEF\xBF\xBDz\"");                          // cut off before z
    CHECK(JsonOut("\xed\xa0\x80").dump() == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate: each byte
    CHECK(JsonOut("\xc0\xaf").dump() == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong
    CHECK(JsonOut("\xf0\x9f\x98\x80").dump() == "\"\xf0\x9f\x98\x80\"");                  // U+1F600 as is
    JsonOut o;
    o["k\xff"] = "v";
    CHECK(json_reference_accepts(o.dump()));
}

TEST_CASE("JsonOut::copy_of writes a parsed value anew") {
    const std::string text = R"({"b": [1, -2, 2.5, 1e2, 18446744073709551615, "s\u00e9"], "a": {"y": null, "x": true}, "a": false})";
    JsonDoc d;
    JsonError e;
    REQUIRE(d.parse(text, 8, e));
    CHECK(JsonOut::copy_of(d.root()).dump() == json::parse(text).dump());
}
