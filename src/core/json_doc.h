// A compact read-only JSON document: one node array and one string arena, filled by
// RapidJSON's SAX reader; nlohmann_json's parser gives the error message when the text is bad.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

enum class JType : uint8_t { Null, Bool, Int, UInt, Float, String, Array, Object };

class JsonDoc;

// A handle to one value of a JsonDoc (which must outlive it). A default-made JValue is
// "absent": it converts to false and every accessor treats it as null.
class JValue {
public:
    JValue() = default;
    explicit operator bool() const { return d_ != nullptr; }
    JType type() const;
    bool is_null() const { return type() == JType::Null; }
    bool is_bool() const { return type() == JType::Bool; }
    bool is_string() const { return type() == JType::String; }
    bool is_array() const { return type() == JType::Array; }
    bool is_object() const { return type() == JType::Object; }
    bool is_number() const { JType t = type(); return t == JType::Int || t == JType::UInt || t == JType::Float; }
    bool is_number_integer() const { JType t = type(); return t == JType::Int || t == JType::UInt; }

    std::string_view str() const;  // "" unless a string
    double number() const;         // 0 unless a number
    long long integer() const;     // truncated for floats; 0 unless a number
    bool boolean() const;

    size_t size() const;                  // elements of an array, members of an object, else 0
    bool empty() const { return size() == 0; }
    JValue operator[](size_t i) const;    // element i of an array, or the value of member i
    std::string_view key(size_t i) const; // the key of member i of an object
    // The member named k of an object (the last one when a key repeats), else absent.
    JValue find(std::string_view k) const;
    bool contains(std::string_view k) const { return static_cast<bool>(find(k)); }

private:
    friend class JsonDoc;
    JValue(const JsonDoc* d, uint32_t i) : d_(d), i_(i) {}
    const JsonDoc* d_ = nullptr;
    uint32_t i_ = 0;
};

struct JsonError {
    size_t offset = 0;      // byte offset of the problem
    std::string message;    // e.g. "syntax error while parsing value - unexpected end of input; ..."
    bool too_deep = false;  // nesting went over max_depth (message is then empty)
};

class JsonDoc {
public:
    // Parses a whole JSON text, which must outlive the document (strings without escapes are
    // not copied). On failure returns false, fills err and leaves the document empty.
    bool parse(std::string_view text, int max_depth, JsonError& err);
    JValue root() const { return nodes_.empty() ? JValue() : JValue(this, 0); }
    // Whether the last successful parse took RapidJSON's path (false: nlohmann_json's).
    bool fast_path() const { return fast_; }
    void clear();

private:
    friend class JValue;
    friend struct JsonDocBuilder;
    struct Node {  // 16 bytes
        JType type = JType::Null;
        uint8_t key_len_hi : 7;   // member key, when the parent is an object: chars_[key_off, +key_len)
        uint8_t in_text : 1;      // a String whose bytes are text_[s.off, +s.len) rather than in chars_
        uint16_t key_len_lo = 0;  // (23-bit length: keys are cut at 8 MiB)
        uint32_t key_off = 0;
        uint32_t key_len() const { return static_cast<uint32_t>(key_len_hi) << 16 | key_len_lo; }
        union {
            double f;
            int64_t i;
            uint64_t u;
            bool b;
            struct { uint32_t off, len; } s;  // String: bytes in chars_; Array/Object: children in kids_
        };
        Node() : key_len_hi(0), in_text(0), i(0) {}
    };
    std::vector<Node> nodes_;
    std::vector<uint32_t> kids_;  // node indices of each container's children, contiguous per container
    std::string chars_;     // keys, and strings that are not verbatim in the text
    std::string_view text_;
    bool fast_ = false;
};

// The reference verdict (nlohmann_json's): is text one valid JSON value? For tests and fuzzing,
// which check that the fast path never accepts what the reference rejects.
bool json_reference_accepts(std::string_view text);

}  // namespace ca
