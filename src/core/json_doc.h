// A read-only JSON document: RapidJSON's reader fills a compact tape of its values (json_doc.cpp);
// nlohmann_json's grammar (json_syntax.cpp) is the reference for what is valid and words the error when the text is bad.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

struct JsonTape;  // a document's values (json_doc.cpp)

enum class JType : uint8_t { Null, Bool, Int, UInt, Float, String, Array, Object };

// A handle to one value of a JsonDoc (which must outlive it). A default-made JValue is
// "absent": it converts to false and every accessor treats it as null.
class JValue {
public:
    JValue() = default;
    explicit operator bool() const { return t_ != nullptr; }
    JType type() const;
    bool is_null() const { return type() == JType::Null; }
    bool is_string() const { return type() == JType::String; }
    bool is_array() const { return type() == JType::Array; }
    bool is_object() const { return type() == JType::Object; }
    bool is_number() const {
        JType t = type();
        return t == JType::Int || t == JType::UInt || t == JType::Float;
    }
    bool is_number_integer() const {
        JType t = type();
        return t == JType::Int || t == JType::UInt;
    }

    std::string_view str() const;  // "" unless a string
    double number() const;         // 0 unless a number
    long long integer() const;     // truncated for floats; 0 unless a number
    bool boolean() const;

    size_t size() const;  // elements of an array, members of an object, else 0
    bool empty() const { return size() == 0; }
    JValue operator[](size_t i) const;     // element i of an array, or the value of member i
    std::string_view key(size_t i) const;  // the key of member i of an object
    // The member named k of an object (the last one when a key repeats), else absent.
    JValue find(std::string_view k) const;
    bool contains(std::string_view k) const { return static_cast<bool>(find(k)); }
    // Calls fn(ctx, key, value) for each member of an object, in order, in one call (the loader
    // reads every record's members this way).
    void each_member(void (*fn)(void* ctx, std::string_view key, JValue value), void* ctx) const;

private:
    friend class JsonDoc;
    JValue(const JsonTape* t, uint32_t i) : t_(t), i_(i) {}
    const JsonTape* t_ = nullptr;
    uint32_t i_ = 0;  // the value's node on t_
};

struct JsonError {
    size_t offset = 0;      // byte offset of the problem
    std::string message;    // e.g. "syntax error while parsing value - unexpected end of input; ..."
    bool too_deep = false;  // nesting went over max_depth (message is then empty)
};

// Turns the parser's message for a syntax error into one that names the likely cause, fitted to
// what is at err.offset: a trailing comma (then err.offset moves to the comma), a missing comma or
// colon, an unquoted key or string, a comment, single quotes, text cut off or after the end. The
// parser's own words follow in parentheses; an error of no known kind is left as it is.
void explain_syntax_error(std::string_view text, JsonError& err);

// A JSON text's values as a tape, filled from RapidJSON's reader (its SAX interface) so that
// nesting is limited, UTF-8 is checked as strictly as nlohmann_json checks it, and strings point
// into the document's own copy of the text (parsed in situ) instead of being copied one by one.
// The tape holds 8 bytes a value (a container also 4 bytes a child) where RapidJSON's Document
// holds 16 a value and 32 a member, copied once more from its stack as each object closes: a
// 31 MB dataset's parse touched ~62 MB of fresh memory for its values, now ~40 MB
// (docs/benchmarks.md, "Session 13"). Texts of 512 MB or more are refused.
class JsonDoc {
public:
    JsonDoc();
    ~JsonDoc();
    JsonDoc(JsonDoc&&) noexcept;
    JsonDoc& operator=(JsonDoc&&) noexcept;
    // Parses a whole JSON text (the document keeps what it needs: the fast path parses its own
    // copy in situ, the slow path copies strings). On failure returns false, fills err and
    // leaves the document empty.
    bool parse(std::string_view text, int max_depth, JsonError& err);
    // The fast path alone, on the caller's own bytes: text[0..n) with a writable NUL at text[n],
    // which it overwrites (strings are decoded in place; no copy). False, leaving the document
    // empty and text unusable, when the fast path does not take it: parse an untouched copy of the
    // text then, for the error (or for the BOM and NUL cases that only the slow path takes).
    // The document refers into text: it must outlive the document's use.
    bool parse_in_place(char* text, size_t n, int max_depth);
    JValue root() const;
    // Whether the last successful parse read the text as given (false: a UTF-8 BOM before the
    // value or a NUL byte after it, which nlohmann_json's grammar allows, was left out).
    bool fast_path() const { return fast_; }
    void clear();

private:
    // RapidJSON's reader onto a new tape, in situ on buf (a copy of text, or text itself when
    // in_place: then every string's UTF-8 is checked again, as escapes cannot be told apart).
    bool fast(std::string_view text, char* buf, int max_depth, bool in_place);
    std::unique_ptr<JsonTape> tape_;  // on the heap: a JValue stays valid when the JsonDoc moves
    std::unique_ptr<char[]> copy_;    // the text, parsed in situ: the fast path's strings point here
    bool fast_ = false;
};

// The offset of the first '[' or '{' that nests deeper than max_depth, or text.size() when none
// does. A linear scan of the bytes (strings and their escapes skipped, stray closers ignored), no
// recursion: it can run before any parser. For valid JSON the count is exact; for invalid JSON a
// parser stops at the first error, before any depth this scan has not seen.
size_t json_too_deep_at(std::string_view text, int max_depth);

// The reference verdict (nlohmann_json's): is text one valid JSON value? For tests and fuzzing,
// which check that the fast path never accepts what the reference rejects.
bool json_reference_accepts(std::string_view text);

}  // namespace ca
