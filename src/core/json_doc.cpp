// JsonDoc: RapidJSON's reader fills a tape of values through a handler that limits depth and
// checks UTF-8; json_syntax.cpp, nlohmann_json's grammar, words the error when it refuses the text.
#include "core/json_doc.h"

#include <rapidjson/reader.h>
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/json_syntax.h"

namespace ca {

// A string's length and a container's count take 29 bits on the tape: texts are shorter.
constexpr size_t kMaxTextBytes = (size_t{1} << 29) - 1;

struct JsonTape {
    // One value: its type (JType, the low 3 bits of head) and count (the rest: a string's bytes, a
    // container's children), and a: a string's offset in text, a container's first child in kids,
    // a number's slot in nums, a boolean's value.
    struct Node {
        uint32_t head;
        uint32_t a;
    };
    std::vector<Node> nodes;     // in document order: an object member's value follows its key
    std::vector<uint32_t> kids;  // each container's children, contiguous: elements, or members' keys
    std::vector<uint64_t> nums;  // numbers' bits (int64, uint64 or double, as the type says)
    const char* text = nullptr;  // the in-situ copy the strings are in

    JType type(uint32_t i) const { return static_cast<JType>(nodes[i].head & 7u); }
    uint32_t count(uint32_t i) const { return nodes[i].head >> 3; }
    std::string_view str(uint32_t i) const { return {text + nodes[i].a, count(i)}; }
};

namespace {

// Strict UTF-8 as RFC 3629 and nlohmann_json have it: no overlong forms, no surrogates (which
// also catches the bytes ED B0 80 RapidJSON makes of a lone "\\udc00"), nothing past U+10FFFF.
// ASCII runs are checked 32 or 8 bytes at a time; RapidJSON's own check goes a code point at a time.
bool valid_utf8(const char* text, size_t n) {
    const auto* s = reinterpret_cast<const unsigned char*>(text);
    size_t i = 0;
    while (i < n) {
        // 32 bytes per step (the whole text is checked once), then 8, then one at a time.
        for (uint64_t w[4]; i + 32 <= n; i += 32) {
            std::memcpy(w, s + i, 32);
            if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) != 0) break;
        }
        uint64_t w;
        while (i + 8 <= n && (std::memcpy(&w, s + i, 8), (w & 0x8080808080808080ull) == 0)) i += 8;
        if (i >= n) break;
        const unsigned c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else
            return false;
        if (n - i < len || s[i + 1] < lo || s[i + 1] > hi) return false;
        for (size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

// Parse events onto the tape (RapidJSON's reader, the fast path), parsing in situ: strings are
// decoded into the document's own NUL-terminated copy of the text and referenced there, never
// copied again. Nesting over max_depth is refused before the reader goes down into it. On a copy
// the whole text passed valid_utf8 before parsing, so only strings decoded from escapes (which can
// spell a lone surrogate) are checked again; in place every string is checked here instead (escapes
// can no longer be told apart), and that is the whole check: outside strings the grammar takes
// ASCII bytes only.
struct TapeEvents {
    using Ch = char;
    JsonTape& t;
    std::string_view text;  // the original text; the copy has the same offsets
    const char* copy;
    int max_depth;
    bool in_place;  // copy is text itself: its closing quotes are overwritten as strings are decoded
    struct Open {
        uint32_t node;   // the container's node
        uint32_t first;  // its first child in pending
        bool object;
    };
    std::vector<Open> open;         // the containers being read, outermost first
    std::vector<uint32_t> pending;  // their children so far: elements, or members' keys

    uint32_t add(JType type, uint32_t n, uint32_t a) {
        const auto i = static_cast<uint32_t>(t.nodes.size());
        t.nodes.push_back({static_cast<uint32_t>(type) | (n << 3), a});
        return i;
    }
    // A value: an array's element is its child (an object's child is the member's key).
    bool value(JType type, uint32_t n, uint32_t a) {
        const uint32_t i = add(type, n, a);
        if (!open.empty() && !open.back().object) pending.push_back(i);
        return true;
    }
    bool number(JType type, uint64_t bits) {
        t.nums.push_back(bits);
        return value(type, 0, static_cast<uint32_t>(t.nums.size() - 1));
    }
    // Whether a string of n decoded bytes that starts at offset `head` had no escapes, i.e. the
    // text's closing quote is at head + n. Escapes make the raw form longer, so with one the
    // byte at head + n lies inside the raw string, where a '"' can only be the second byte of \"
    // (and a closing quote after an escaped backslash would make the raw form n bytes long).
    bool verbatim(size_t head, size_t n) const {
        return head + n < text.size() && text[head + n] == '"' && (n == 0 || text[head + n - 1] != '\\');
    }
    bool str(const char* s, rapidjson::SizeType n, bool is_key) {
        const auto at = static_cast<size_t>(s - copy);
        if ((in_place || !verbatim(at, n)) && !valid_utf8(s, n)) return false;
        if (!is_key) return value(JType::String, n, static_cast<uint32_t>(at));
        pending.push_back(add(JType::String, n, static_cast<uint32_t>(at)));
        return true;
    }
    bool start(JType type) {
        if (static_cast<int>(open.size()) >= max_depth) return false;
        value(type, 0, 0);
        open.push_back({static_cast<uint32_t>(t.nodes.size() - 1), static_cast<uint32_t>(pending.size()), type == JType::Object});
        return true;
    }
    bool end(rapidjson::SizeType n) {
        const Open o = open.back();
        open.pop_back();
        JsonTape::Node& node = t.nodes[o.node];
        node.head |= static_cast<uint32_t>(n) << 3;
        node.a = static_cast<uint32_t>(t.kids.size());
        t.kids.insert(t.kids.end(), pending.begin() + o.first, pending.end());
        pending.resize(o.first);
        return true;
    }
    bool Null() { return value(JType::Null, 0, 0); }
    bool Bool(bool v) { return value(JType::Bool, 0, v ? 1 : 0); }
    // A non-negative integer is UInt whichever event read it (the reader sends Int only for negatives).
    bool Int(int v) { return Int64(v); }
    bool Uint(unsigned v) { return Uint64(v); }
    bool Int64(int64_t v) { return v >= 0 ? Uint64(static_cast<uint64_t>(v)) : number(JType::Int, static_cast<uint64_t>(v)); }
    bool Uint64(uint64_t v) { return number(JType::UInt, v); }
    bool Double(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return number(JType::Float, bits);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not asked for
    bool String(const char* s, rapidjson::SizeType n, bool) { return str(s, n, false); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { return str(s, n, true); }
    bool StartObject() { return start(JType::Object); }
    bool EndObject(rapidjson::SizeType n) { return end(n); }
    bool StartArray() { return start(JType::Array); }
    bool EndArray(rapidjson::SizeType n) { return end(n); }
};

}  // namespace

JsonDoc::JsonDoc() = default;
JsonDoc::~JsonDoc() = default;
JsonDoc::JsonDoc(JsonDoc&&) noexcept = default;
JsonDoc& JsonDoc::operator=(JsonDoc&&) noexcept = default;

void JsonDoc::clear() {
    tape_.reset();
    copy_.reset();
    fast_ = false;
}

// RapidJSON is as strict as nlohmann_json except that it stops at a NUL byte (so success also
// requires having read the whole text) and that UTF-8 is checked by valid_utf8 above rather than
// by its slower kParseValidateEncodingFlag. In situ: per character, the reader's in-situ string
// loop does a third of the work of its copying one (docs/benchmarks.md, "Loader, third pass").
bool JsonDoc::fast(std::string_view text, char* buf, int max_depth, bool in_place) {
    if (!in_place && !valid_utf8(text.data(), text.size())) return false;  // in place: TapeEvents::str checks
    tape_ = std::make_unique<JsonTape>();
    tape_->text = buf;
    // About one value per 8 bytes of text in the datasets (a 31 MB one: 3.9 M values, 2.2 M children).
    tape_->nodes.reserve(text.size() / 8 + 16);
    tape_->kids.reserve(text.size() / 12 + 16);
    rapidjson::InsituStringStream in(buf);
    TapeEvents h{*tape_, text, buf, max_depth, in_place, {}, {}};
    rapidjson::Reader reader;
    // Recursive descent (faster than kParseIterativeFlag): TapeEvents refuses each level over
    // max_depth before the reader goes down into it, so the recursion is bounded.
    constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseInsituFlag;
    if (!reader.Parse<kFlags>(in, h).IsError() && in.Tell() == text.size()) return true;
    tape_.reset();
    return false;
}

bool JsonDoc::parse_in_place(char* text, size_t n, int max_depth) {
    clear();
    if (!text || n > kMaxTextBytes || text[n] != '\0') return false;
    if (!fast(std::string_view(text, n), text, max_depth, true)) return false;
    fast_ = true;
    return true;
}

JValue JsonDoc::root() const { return tape_ && !tape_->nodes.empty() ? JValue(tape_.get(), 0) : JValue(); }

bool JsonDoc::parse(std::string_view text, int max_depth, JsonError& err) {
    clear();
    if (text.size() > kMaxTextBytes) {
        err = JsonError{};
        err.message =
            "the text is " + std::to_string(text.size()) + " bytes, over the parser's limit of " + std::to_string(kMaxTextBytes) + " bytes";
        return false;
    }
    // Fast path, on a copy (the text stays as given, for the slow path and for diagnostics).
    copy_.reset(new char[text.size() + 1]);
    std::memcpy(copy_.get(), text.data(), text.size());
    copy_[text.size()] = '\0';
    if (fast(text, copy_.get(), max_depth, false)) return fast_ = true;
    copy_.reset();
    // Slow path, for the diagnostic: json_syntax.cpp reads the text as nlohmann_json's parser does
    // (the reference for what is valid JSON, and for the message). That grammar also takes a UTF-8
    // BOM before the value and a NUL byte as the end: the value between goes to RapidJSON again.
    size_t begin = 0, end = text.size();
    if (json_syntax_check(text, max_depth, err, begin, end)) {
        if ((begin > 0 || end < text.size()) && parse(text.substr(begin, end - begin), max_depth, err)) {
            fast_ = false;
            return true;
        }
        err = JsonError{};
        err.message = "syntax error: the parsers disagree about this text";  // a bug: neither reader takes it
    } else if (err.too_deep) {
        err.offset = json_too_deep_at(text, max_depth);
    } else {
        explain_syntax_error(text, err);
    }
    clear();
    return false;
}

namespace {

bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           (static_cast<unsigned char>(c) >= 0x80);
}
bool has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The start of the token that ends at text[end] (a string literal, number or word), for the
// "unexpected ..." errors, where the parser stops after the whole token.
size_t token_start(std::string_view text, size_t end, std::string_view message) {
    size_t p = end;
    if (has(message, "unexpected string literal")) {
        while (p > 0 && !(text[p - 1] == '"' && (p < 2 || text[p - 2] != '\\'))) --p;
        return p > 0 ? p - 1 : 0;
    }
    if (has(message, "unexpected number literal") || has(message, "unexpected 'true'") || has(message, "unexpected 'false'") ||
        has(message, "unexpected 'null'"))
        while (p > 0 && (word_char(text[p - 1]) || text[p - 1] == '-' || text[p - 1] == '+' || text[p - 1] == '.')) --p;
    return p;
}

}  // namespace

void explain_syntax_error(std::string_view text, JsonError& err) {
    if (err.too_deep || err.message.empty()) return;
    const std::string_view msg = err.message;
    const size_t at = std::min(err.offset, text.size());
    const char c = at < text.size() ? text[at] : '\0', next = at + 1 < text.size() ? text[at + 1] : '\0';
    std::string hint;
    size_t where = at;
    if (c == '/' && (next == '/' || next == '*')) {
        hint = std::string("a comment: JSON has no comments; remove the '") + c + next + "' comment (a record can say it in its \"note\")";
    } else if (c == '\'') {
        hint = "single quotes: JSON strings and keys need double quotes (\"...\")";
    } else if ((c == ']' || c == '}') && has(msg, "unexpected")) {
        size_t p = at;
        while (p > 0 && json_space(text[p - 1])) --p;
        if (p > 0 && text[p - 1] == ',') {
            where = p - 1;
            hint = std::string("trailing comma: remove the ',' before '") + c + "' (JSON allows no comma after the last element)";
        }
    } else if (word_char(c) && has(msg, "invalid literal") && has(msg, "object key")) {
        size_t e = at;
        while (e < text.size() && e - at < 40 && (word_char(text[e]) || text[e] == '-')) ++e;
        hint = "unquoted key: JSON keys need double quotes: write \"" + std::string(text.substr(at, e - at)) + "\"";
    } else if (word_char(c) && has(msg, "invalid literal")) {
        hint = "unquoted text: strings need double quotes; the only bare words are true, false and null";
    }
    const bool expects_close = has(msg, "; expected '}'") || has(msg, "; expected ']'");
    if (hint.empty() && expects_close && (c == ']' || c == '}')) {
        hint = c == ']' ? "mismatched brackets: an object opened with '{' closes with '}', not ']'"
                        : "mismatched brackets: an array opened with '[' closes with ']', not '}'";
    } else if (hint.empty() && expects_close && c != ',' && c != ':' && !has(msg, "end of input")) {
        where = token_start(text, at, msg);
        hint = "missing comma: put a ',' between two elements or members, before this one";
    } else if (hint.empty() && has(msg, "; expected ':'")) {
        where = token_start(text, at, msg);
        hint = "missing colon: a key and its value are written \"key\": value";
    } else if (hint.empty() && has(msg, "unexpected end of input")) {
        hint = "the text ends early: a closing '}' or ']' (or a whole part of the file) is missing";
    } else if (hint.empty() && has(msg, "expected end of input")) {
        hint = "text after the end: a file holds one JSON object (an extra '}' or ']' earlier closes it too soon)";
    }
    if (hint.empty()) return;
    std::string detail(msg);
    if (detail.rfind("syntax error", 0) == 0) {
        const size_t dash = detail.find(" - ");
        if (dash != std::string::npos) detail = detail.substr(dash + 3);
    }
    err.message = "syntax error: " + hint + " (parser: " + detail + ")";
    err.offset = where;
}

size_t json_too_deep_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (in_string) {
            if (ch == '\\')
                ++i;  // the escaped byte cannot end the string
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth) return i;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            --depth;
        }
    }
    return text.size();
}

JType JValue::type() const { return t_ ? t_->type(i_) : JType::Null; }

std::string_view JValue::str() const { return type() == JType::String ? t_->str(i_) : std::string_view(); }

double JValue::number() const {
    const JType t = type();
    if (t != JType::Int && t != JType::UInt && t != JType::Float) return 0;
    const uint64_t bits = t_->nums[t_->nodes[i_].a];
    if (t == JType::Int) return static_cast<double>(static_cast<int64_t>(bits));
    if (t == JType::UInt) return static_cast<double>(bits);
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

long long JValue::integer() const {
    switch (type()) {
        case JType::Int:
            return static_cast<long long>(static_cast<int64_t>(t_->nums[t_->nodes[i_].a]));
        case JType::UInt:
            return static_cast<long long>(t_->nums[t_->nodes[i_].a]);
        case JType::Float:
            return static_cast<long long>(number());
        default:
            return 0;
    }
}

bool JValue::boolean() const { return type() == JType::Bool && t_->nodes[i_].a != 0; }

size_t JValue::size() const {
    const JType t = type();
    return t == JType::Array || t == JType::Object ? t_->count(i_) : 0;
}

JValue JValue::operator[](size_t i) const {
    if (i >= size()) return {};
    const uint32_t kid = t_->kids[t_->nodes[i_].a + i];
    return JValue(t_, type() == JType::Array ? kid : kid + 1);  // a member's value follows its key
}

std::string_view JValue::key(size_t i) const {
    if (type() != JType::Object || i >= size()) return {};
    return t_->str(t_->kids[t_->nodes[i_].a + i]);
}

void JValue::each_member(void (*fn)(void* ctx, std::string_view key, JValue value), void* ctx) const {
    if (type() != JType::Object) return;
    const uint32_t* k = t_->kids.data() + t_->nodes[i_].a;
    for (uint32_t m = 0, n = t_->count(i_); m < n; ++m) fn(ctx, t_->str(k[m]), JValue(t_, k[m] + 1));
}

JValue JValue::find(std::string_view k) const {
    if (type() != JType::Object) return {};
    const uint32_t* keys = t_->kids.data() + t_->nodes[i_].a;
    for (uint32_t m = t_->count(i_); m > 0;) {
        const uint32_t key = keys[--m];
        const JsonTape::Node& node = t_->nodes[key];
        const char* name = t_->text + node.a;
        // The first byte before memcmp: most keys differ there (no call for them).
        if ((node.head >> 3) == k.size() && (k.empty() || (name[0] == k[0] && std::memcmp(name, k.data(), k.size()) == 0)))
            return JValue(t_, key + 1);
    }
    return {};
}

}  // namespace ca
