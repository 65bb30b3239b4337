// JsonDoc: RapidJSON's reader feeds RapidJSON's Document through a handler that limits depth and
// checks UTF-8; json_syntax.cpp, nlohmann_json's grammar, words the error when it refuses the text.
#include "core/json_doc.h"

#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/json_syntax.h"

namespace ca {

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

// Forwards parse events to the Document's handler, refusing nesting over max_depth.
struct DocSink {
    rapidjson::Document& d;
    int max_depth;
    int depth = 0;
    bool too_deep = false;
    bool open() {
        if (depth >= max_depth) {
            too_deep = true;
            return false;
        }
        ++depth;
        return true;
    }
    bool close() {
        --depth;
        return true;
    }
};

// RapidJSON's reader events (the fast path), parsing in situ: strings are decoded into the
// document's own NUL-terminated copy of the text and referenced there, never copied again. The
// whole text passed valid_utf8 before parsing, so only strings decoded from escapes (which can
// spell a lone surrogate) are checked again.
struct RapidEvents {
    using Ch = char;
    DocSink& k;
    std::string_view text;  // the original text; the copy has the same offsets
    const char* copy;
    // Whether a string of n decoded bytes that starts at offset `head` had no escapes, i.e. the
    // text's closing quote is at head + n. Escapes make the raw form longer, so with one the
    // byte at head + n lies inside the raw string, where a '"' can only be the second byte of \"
    // (and a closing quote after an escaped backslash would make the raw form n bytes long).
    bool verbatim(size_t head, size_t n) const {
        return head + n < text.size() && text[head + n] == '"' && (n == 0 || text[head + n - 1] != '\\');
    }
    bool str(const char* s, rapidjson::SizeType n, bool is_key) {
        if (!verbatim(static_cast<size_t>(s - copy), n) && !valid_utf8(s, n)) return false;
        return is_key ? k.d.Key(s, n, false) : k.d.String(s, n, false);
    }
    bool Null() { return k.d.Null(); }
    bool Bool(bool v) { return k.d.Bool(v); }
    bool Int(int v) { return k.d.Int(v); }
    bool Uint(unsigned v) { return k.d.Uint(v); }
    bool Int64(int64_t v) { return k.d.Int64(v); }
    bool Uint64(uint64_t v) { return k.d.Uint64(v); }
    bool Double(double v) { return k.d.Double(v); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not asked for
    bool String(const char* s, rapidjson::SizeType n, bool) { return str(s, n, false); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { return str(s, n, true); }
    bool StartObject() { return k.open() && k.d.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { return k.close() && k.d.EndObject(n); }
    bool StartArray() { return k.open() && k.d.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return k.close() && k.d.EndArray(n); }
};

}  // namespace

JsonDoc::JsonDoc() = default;
JsonDoc::~JsonDoc() = default;
JsonDoc::JsonDoc(JsonDoc&&) noexcept = default;
JsonDoc& JsonDoc::operator=(JsonDoc&&) noexcept = default;

void JsonDoc::clear() {
    doc_.reset();
    copy_.reset();
    fast_ = false;
}

JValue JsonDoc::root() const { return doc_ ? JValue(doc_.get()) : JValue(); }

bool JsonDoc::parse(std::string_view text, int max_depth, JsonError& err) {
    clear();
    doc_ = std::make_unique<rapidjson::Document>();
    {
        // Fast path. RapidJSON is as strict as nlohmann_json except that it stops at a NUL byte
        // (so success also requires having read the whole text) and that UTF-8 is checked by
        // valid_utf8 above rather than by its slower kParseValidateEncodingFlag.
        // In situ, on a copy: per character, the reader's in-situ string loop does a third of
        // the work of its copying one (docs/benchmarks.md, "Loader, third pass").
        DocSink sink{*doc_, max_depth};
        copy_.reset(new char[text.size() + 1]);
        std::memcpy(copy_.get(), text.data(), text.size());
        copy_[text.size()] = '\0';
        rapidjson::InsituStringStream in(copy_.get());
        RapidEvents h{sink, text, copy_.get()};
        bool ok = false;
        auto fast = [&](rapidjson::Document&) {
            rapidjson::Reader reader;
            // Recursive descent (faster than kParseIterativeFlag): DocSink refuses each level
            // over max_depth before the reader goes down into it, so the recursion is bounded.
            constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseInsituFlag;
            ok = !reader.Parse<kFlags>(in, h).IsError() && in.Tell() == text.size();
            return ok;
        };
        if (valid_utf8(text.data(), text.size())) doc_->Populate(fast);
        if (ok) return fast_ = true;
        copy_.reset();
    }
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

JType JValue::type() const {
    if (!v_) return JType::Null;
    switch (v_->GetType()) {
        case rapidjson::kNullType:
            return JType::Null;
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return JType::Bool;
        case rapidjson::kStringType:
            return JType::String;
        case rapidjson::kArrayType:
            return JType::Array;
        case rapidjson::kObjectType:
            return JType::Object;
        case rapidjson::kNumberType:
            break;
    }
    // A non-negative integer is UInt whichever parser read it.
    return v_->IsUint64() ? JType::UInt : v_->IsInt64() ? JType::Int : JType::Float;
}

std::string_view JValue::str() const {
    return v_ && v_->IsString() ? std::string_view(v_->GetString(), v_->GetStringLength()) : std::string_view();
}

double JValue::number() const { return v_ && v_->IsNumber() ? v_->GetDouble() : 0; }

long long JValue::integer() const {
    switch (type()) {
        case JType::Int:
            return v_->GetInt64();
        case JType::UInt:
            return static_cast<long long>(v_->GetUint64());
        case JType::Float:
            return static_cast<long long>(v_->GetDouble());
        default:
            return 0;
    }
}

bool JValue::boolean() const { return v_ && v_->IsTrue(); }

size_t JValue::size() const {
    if (!v_) return 0;
    return v_->IsArray() ? v_->Size() : v_->IsObject() ? v_->MemberCount() : 0;
}

JValue JValue::operator[](size_t i) const {
    if (i >= size()) return {};
    const auto n = static_cast<rapidjson::SizeType>(i);
    return JValue(v_->IsArray() ? &(*v_)[n] : &(v_->MemberBegin() + n)->value);
}

std::string_view JValue::key(size_t i) const {
    if (type() != JType::Object || i >= size()) return {};
    const auto& name = (v_->MemberBegin() + static_cast<rapidjson::SizeType>(i))->name;
    return std::string_view(name.GetString(), name.GetStringLength());
}

void JValue::each_member(void (*fn)(void* ctx, std::string_view key, JValue value), void* ctx) const {
    if (!v_ || !v_->IsObject()) return;
    for (auto m = v_->MemberBegin(), e = v_->MemberEnd(); m != e; ++m)
        fn(ctx, std::string_view(m->name.GetString(), m->name.GetStringLength()), JValue(&m->value));
}

JValue JValue::find(std::string_view k) const {
    if (type() != JType::Object) return {};
    for (auto m = v_->MemberEnd(); m != v_->MemberBegin();) {
        --m;
        const char* name = m->name.GetString();
        // The first byte before memcmp: most keys differ there (no call for them).
        if (m->name.GetStringLength() == k.size() && (k.empty() || (name[0] == k[0] && std::memcmp(name, k.data(), k.size()) == 0)))
            return JValue(&m->value);
    }
    return {};
}

}  // namespace ca
