// JsonOut: a JSON value built for output (command replies, page events, exports), written with
// objects' keys sorted byte-wise, one per key, and bytes that are not UTF-8 replaced by U+FFFD.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ca {

class JValue;

class JsonOut {
public:
    JsonOut() : text_("null") {}
    JsonOut(std::nullptr_t) : JsonOut() {}
    JsonOut(bool b) : text_(b ? "true" : "false") {}
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    JsonOut(T v) : text_(std::to_string(v)) {}
    JsonOut(double v);  // its shortest text that reads back as the same double; null if not finite
    JsonOut(float v) : JsonOut(static_cast<double>(v)) {}
    JsonOut(std::string_view s);
    JsonOut(const char* s) : JsonOut(std::string_view(s)) {}
    JsonOut(const std::string& s) : JsonOut(std::string_view(s)) {}
    template <class T>
    JsonOut(const std::vector<T>& items) : kind_(Kind::Array) {
        items_.reserve(items.size());
        for (const T& x : items) items_.emplace_back(x);
    }
    // An object: {{"key", value}, ...} (a repeated key keeps its last value).
    JsonOut(std::initializer_list<std::pair<std::string_view, JsonOut>> members);

    static JsonOut object() { return JsonOut(Kind::Object); }
    static JsonOut array() { return JsonOut(Kind::Array); }
    static JsonOut array(std::initializer_list<JsonOut> items);
    // A parsed value written anew (objects sorted and each key once, as any JsonOut).
    static JsonOut copy_of(const JValue& v);

    // Member key of an object (added as null when absent; a null value becomes an object first).
    JsonOut& operator[](std::string_view key);
    void push_back(JsonOut v);                     // onto an array (a null value becomes an array first)
    size_t size() const { return items_.size(); }  // elements or members; 0 for a scalar
    bool operator==(const JsonOut& o) const;

    // The JSON text: on one line (indent < 0), else indent spaces a level, one member a line.
    std::string dump(int indent = -1) const;

private:
    enum class Kind : uint8_t { Scalar, Array, Object };
    explicit JsonOut(Kind k) : kind_(k) {}
    void write(std::string& out, int indent, int level) const;

    Kind kind_ = Kind::Scalar;
    std::string text_;               // a scalar's JSON text
    std::vector<JsonOut> items_;     // an array's elements or an object's values
    std::vector<std::string> keys_;  // an object's keys, as items_
};

// s as a JSON string literal ("..." with ", \ and control characters escaped), bytes that are
// not UTF-8 each replaced by U+FFFD (a whole ill-formed sequence by one).
void append_json_string(std::string& out, std::string_view s);

}  // namespace ca
