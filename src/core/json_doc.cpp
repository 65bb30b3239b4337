// JsonDoc: parse events appended to a flat node array; a container's children are gathered
// on a stack and copied out contiguously when it closes.
#include "core/json_doc.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace ca {

// Appends values to the document; shared by the RapidJSON and nlohmann event adapters below.
struct JsonDocBuilder {
    using Node = JsonDoc::Node;

    JsonDoc& doc;
    int max_depth;
    std::vector<uint32_t> open;    // children of the open containers, innermost last
    std::vector<uint32_t> frames;  // per open container: its node index and where its children start in `open`
    bool has_key = false;
    uint32_t key_off = 0, key_len = 0;
    bool too_deep = false;
    struct KeySlot { uint32_t off = 0, len = 0; bool used = false; };
    KeySlot key_cache[64];  // object keys repeat: each distinct key is stored once (mostly)

    JsonDocBuilder(JsonDoc& d, int depth) : doc(d), max_depth(depth) { open.reserve(1024); }

    uint32_t add(JType t) {
        Node n;
        n.type = t;
        if (has_key) {
            n.key_off = key_off;
            n.key_len_hi = static_cast<uint8_t>(key_len >> 16);
            n.key_len_lo = static_cast<uint16_t>(key_len);
            has_key = false;
        }
        const auto idx = static_cast<uint32_t>(doc.nodes_.size());
        doc.nodes_.push_back(n);
        if (!frames.empty()) open.push_back(idx);
        return idx;
    }
    bool open_container(JType t) {
        if (static_cast<int>(frames.size() / 2) >= max_depth) { too_deep = true; return false; }
        uint32_t idx = add(t);
        frames.push_back(idx);
        frames.push_back(static_cast<uint32_t>(open.size()));
        return true;
    }
    bool close_container() {
        const uint32_t start = frames.back(); frames.pop_back();
        const uint32_t idx = frames.back(); frames.pop_back();
        Node& n = doc.nodes_[idx];
        n.s.off = static_cast<uint32_t>(doc.kids_.size());
        n.s.len = static_cast<uint32_t>(open.size() - start);
        doc.kids_.insert(doc.kids_.end(), open.begin() + start, open.end());
        open.resize(start);
        return true;
    }
    uint32_t append(const char* s, size_t n) {
        const auto off = static_cast<uint32_t>(doc.chars_.size());
        doc.chars_.append(s, n);
        return off;
    }
    bool string(const char* s, size_t n) {
        const uint32_t off = append(s, n);
        Node& node = doc.nodes_[add(JType::String)];
        node.s.off = off;
        node.s.len = static_cast<uint32_t>(n);
        return true;
    }
    // Whether a string of n decoded bytes whose closing quote is at offset `end` had no escapes,
    // i.e. its bytes are the text's own [end - n, end). Escapes make the raw form longer, so
    // with one the byte at end - n - 1 lies inside the raw string, where a '"' can only be the
    // second byte of \" (the opening quote follows ':', ',', '[' or space, never '\\').
    bool verbatim(size_t n, size_t end) const {
        if (end < n + 1 || doc.text_[end - n - 1] != '"') return false;
        return end == n + 1 || doc.text_[end - n - 2] != '\\';
    }
    // A string found verbatim in the text: only its place is kept.
    bool string_in_text(size_t n, size_t end) {
        Node& node = doc.nodes_[add(JType::String)];
        node.in_text = 1;
        node.s.off = static_cast<uint32_t>(end - n);
        node.s.len = static_cast<uint32_t>(n);
        return true;
    }
    bool key(const char* s, size_t n) {
        n = std::min<size_t>(n, 0x7FFFFF);
        KeySlot& slot = key_cache[(n * 31 + (n ? static_cast<unsigned char>(s[0]) * 7 + static_cast<unsigned char>(s[n - 1]) : 0)) & 63];
        if (!(slot.used && slot.len == n && doc.chars_.compare(slot.off, n, s, n) == 0)) slot = {append(s, n), static_cast<uint32_t>(n), true};
        key_off = slot.off;
        key_len = slot.len;
        has_key = true;
        return true;
    }
    bool null() { add(JType::Null); return true; }
    bool boolean(bool v) { doc.nodes_[add(JType::Bool)].b = v; return true; }
    // A non-negative integer is kept as UInt whichever parser read it, so both build the same node.
    bool integer(int64_t v) {
        if (v >= 0) return unsigned_integer(static_cast<uint64_t>(v));
        doc.nodes_[add(JType::Int)].i = v;
        return true;
    }
    bool unsigned_integer(uint64_t v) { doc.nodes_[add(JType::UInt)].u = v; return true; }
    bool real(double v) { doc.nodes_[add(JType::Float)].f = v; return true; }
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
        if (c < 0x80) { ++i; continue; }
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
        else return false;
        if (n - i < len || s[i + 1] < lo || s[i + 1] > hi) return false;
        for (size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

// RapidJSON's reader events (the fast path).
struct RapidEvents {
    using Ch = char;
    JsonDocBuilder& b;
    const rapidjson::MemoryStream& in;
    bool Null() { return b.null(); }
    bool Bool(bool v) { return b.boolean(v); }
    bool Int(int v) { return b.integer(v); }
    bool Uint(unsigned v) { return b.unsigned_integer(v); }
    bool Int64(int64_t v) { return b.integer(v); }
    bool Uint64(uint64_t v) { return b.unsigned_integer(v); }
    bool Double(double v) { return b.real(v); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not asked for
    // The whole text passed valid_utf8 before parsing, so only strings decoded from escapes
    // (which can spell a lone surrogate) need the check again.
    bool String(const char* s, rapidjson::SizeType n, bool) {
        const size_t end = in.Tell() - 1;
        if (b.verbatim(n, end)) return b.string_in_text(n, end);
        return valid_utf8(s, n) && b.string(s, n);
    }
    bool StartObject() { return b.open_container(JType::Object); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        return (b.verbatim(n, in.Tell() - 1) || valid_utf8(s, n)) && b.key(s, n);
    }
    bool EndObject(rapidjson::SizeType) { return b.close_container(); }
    bool StartArray() { return b.open_container(JType::Array); }
    bool EndArray(rapidjson::SizeType) { return b.close_container(); }
};

// nlohmann_json's SAX events (the reference parser, whose messages the user sees).
struct NlohmannEvents {
    using json = nlohmann::json;
    JsonDocBuilder& b;
    bool failed = false;
    size_t err_pos = 0;
    std::string err_msg;
    bool null() { return b.null(); }
    bool boolean(bool v) { return b.boolean(v); }
    bool number_integer(json::number_integer_t v) { return b.integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return b.unsigned_integer(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return b.real(v); }
    bool string(json::string_t& v) { return b.string(v.data(), v.size()); }
    bool binary(json::binary_t&) { return true; }  // not produced by the JSON input format
    bool start_object(std::size_t) { return b.open_container(JType::Object); }
    bool key(json::string_t& k) { return b.key(k.data(), k.size()); }
    bool end_object() { return b.close_container(); }
    bool start_array(std::size_t) { return b.open_container(JType::Array); }
    bool end_array() { return b.close_container(); }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
        failed = true;
        err_pos = pos;
        err_msg = ex.what();
        return false;
    }
};

// Strips nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
std::string clean_parse_message(const std::string& m) {
    auto p = m.find("column ");
    if (p != std::string::npos) {
        auto q = m.find(": ", p);
        if (q != std::string::npos) return m.substr(q + 2);
    }
    p = m.find("] ");
    return p == std::string::npos ? m : m.substr(p + 2);
}

// Offset of the first place nesting exceeds max_depth, or the end of the text.
size_t too_deep_at(std::string_view t, int max_depth) {
    int depth = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '"') {
            for (++i; i < t.size() && t[i] != '"'; ++i)
                if (t[i] == '\\') ++i;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return t.size();
}

}  // namespace

void JsonDoc::clear() {
    text_ = {};
    nodes_.clear();
    kids_.clear();
    chars_.clear();
}

bool JsonDoc::parse(std::string_view text, int max_depth, JsonError& err) {
    clear();
    // Typical datasets: a node per ~12 bytes of text; most strings stay in the text.
    text_ = text;
    nodes_.reserve(text.size() / 12 + 16);
    kids_.reserve(text.size() / 12 + 16);
    chars_.reserve(4096);
    {
        // Fast path. RapidJSON is as strict as nlohmann_json except that it stops at a NUL byte
        // (so success also requires having read the whole text) and that UTF-8 is checked by
        // valid_utf8 above rather than by its slower kParseValidateEncodingFlag.
        JsonDocBuilder b(*this, max_depth);
        rapidjson::MemoryStream ms(text.data(), text.size());
        RapidEvents h{b, ms};
        rapidjson::Reader reader;
        constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag;
        if (valid_utf8(text.data(), text.size()) && !reader.Parse<kFlags>(ms, h).IsError() && ms.Tell() == text.size())
            return fast_ = true;
    }
    // Slow path, for the diagnostic: nlohmann_json is the reference for what is valid JSON and
    // for the message (it also builds the document, should the two parsers ever disagree).
    clear();
    text_ = text;
    JsonDocBuilder b(*this, max_depth);
    NlohmannEvents h{b};
    nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &h, nlohmann::detail::input_format_t::json, true, false);
    fast_ = false;
    if (!h.failed && !b.too_deep) return true;
    err = JsonError{};
    if (b.too_deep) {
        err.too_deep = true;
        err.offset = too_deep_at(text, max_depth);
    } else {
        err.message = clean_parse_message(h.err_msg);
        err.offset = h.err_pos > 0 ? h.err_pos - 1 : 0;
    }
    clear();
    return false;
}

bool json_reference_accepts(std::string_view text) {
    return nlohmann::json::accept(text.data(), text.data() + text.size());
}

JType JValue::type() const { return d_ ? d_->nodes_[i_].type : JType::Null; }

std::string_view JValue::str() const {
    if (type() != JType::String) return {};
    const auto& n = d_->nodes_[i_];
    return (n.in_text ? d_->text_ : std::string_view(d_->chars_)).substr(n.s.off, n.s.len);
}

double JValue::number() const {
    switch (type()) {
        case JType::Int: return static_cast<double>(d_->nodes_[i_].i);
        case JType::UInt: return static_cast<double>(d_->nodes_[i_].u);
        case JType::Float: return d_->nodes_[i_].f;
        default: return 0;
    }
}

long long JValue::integer() const {
    switch (type()) {
        case JType::Int: return d_->nodes_[i_].i;
        case JType::UInt: return static_cast<long long>(d_->nodes_[i_].u);
        case JType::Float: return static_cast<long long>(d_->nodes_[i_].f);
        default: return 0;
    }
}

bool JValue::boolean() const { return type() == JType::Bool && d_->nodes_[i_].b; }

size_t JValue::size() const {
    JType t = type();
    return (t == JType::Array || t == JType::Object) ? d_->nodes_[i_].s.len : 0;
}

JValue JValue::operator[](size_t i) const {
    if (i >= size()) return {};
    return JValue(d_, d_->kids_[d_->nodes_[i_].s.off + i]);
}

std::string_view JValue::key(size_t i) const {
    if (type() != JType::Object || i >= size()) return {};
    const auto& n = d_->nodes_[d_->kids_[d_->nodes_[i_].s.off + i]];
    return std::string_view(d_->chars_).substr(n.key_off, n.key_len());
}

JValue JValue::find(std::string_view k) const {
    if (type() != JType::Object) return {};
    const auto& n = d_->nodes_[i_];
    for (size_t i = n.s.len; i-- > 0;) {
        const uint32_t c = d_->kids_[n.s.off + i];
        const auto& m = d_->nodes_[c];
        if (m.key_len() == k.size() && std::string_view(d_->chars_).substr(m.key_off, k.size()) == k) return JValue(d_, c);
    }
    return {};
}

}  // namespace ca
