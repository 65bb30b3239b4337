// JsonOut: output JSON built as small trees of ready-made scalar texts; numbers in RapidJSON's
// shortest round-trip form (its Grisu2 dtoa, already in the wasm for the dataset loader).
#include "core/json_out.h"

#include <rapidjson/internal/dtoa.h>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/json_doc.h"

namespace ca {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0 with bad set to how many bytes its ill-formed
// start takes (the lead byte and the continuation bytes that fit it).
size_t utf8_length(std::string_view s, size_t i, size_t& bad) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
    }
    size_t k = 1;
    for (; k < len && i + k < s.size(); ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
    }
    if (len != 0 && k == len) return len;
    bad = k;
    return 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            size_t bad = 0;
            const size_t n = utf8_length(s, i, bad);
            if (n == 0) {
                out += "\xEF\xBF\xBD";  // U+FFFD
                i += bad;
            } else {
                out.append(s.data() + i, n);
                i += n;
            }
            continue;
        }
        ++i;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

JsonOut::JsonOut(double v) {
    if (!std::isfinite(v)) {
        text_ = "null";
        return;
    }
    char buf[32];
    text_.assign(buf, rapidjson::internal::dtoa(v, buf));
}

JsonOut::JsonOut(std::string_view s) { append_json_string(text_, s); }

JsonOut::JsonOut(std::initializer_list<std::pair<std::string_view, JsonOut>> members) : kind_(Kind::Object) {
    for (const auto& m : members) (*this)[m.first] = m.second;
}

JsonOut JsonOut::array(std::initializer_list<JsonOut> items) {
    JsonOut a(Kind::Array);
    a.items_.assign(items.begin(), items.end());
    return a;
}

JsonOut JsonOut::copy_of(const JValue& v) {
    if (v.is_array()) {
        JsonOut a(Kind::Array);
        for (size_t i = 0; i < v.size(); ++i) a.items_.push_back(copy_of(v[i]));
        return a;
    }
    if (v.is_object()) {
        JsonOut o(Kind::Object);
        for (size_t i = 0; i < v.size(); ++i) o[v.key(i)] = copy_of(v[i]);
        return o;
    }
    switch (v.type()) {
        case JType::Bool:
            return JsonOut(v.boolean());
        case JType::Int:
            return JsonOut(v.integer());
        case JType::UInt:
            return JsonOut(static_cast<unsigned long long>(v.integer()));
        case JType::Float:
            return JsonOut(v.number());
        case JType::String:
            return JsonOut(v.str());
        default:
            return JsonOut();
    }
}

JsonOut& JsonOut::operator[](std::string_view key) {
    if (kind_ == Kind::Scalar) *this = object();
    for (size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) return items_[i];
    keys_.emplace_back(key);
    return items_.emplace_back();
}

void JsonOut::push_back(JsonOut v) {
    if (kind_ == Kind::Scalar) *this = array();
    items_.push_back(std::move(v));
}

bool JsonOut::operator==(const JsonOut& o) const { return dump() == o.dump(); }

void JsonOut::write(std::string& out, int indent, int level) const {
    if (kind_ == Kind::Scalar) {
        out += text_;
        return;
    }
    const bool obj = kind_ == Kind::Object;
    if (items_.empty()) {
        out += obj ? "{}" : "[]";
        return;
    }
    std::vector<size_t> order(items_.size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (obj) std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
    out += obj ? '{' : '[';
    for (size_t n = 0; n < order.size(); ++n) {
        if (n) out += ',';
        if (indent >= 0) {
            out += '\n';
            out.append(static_cast<size_t>(indent * (level + 1)), ' ');
        }
        if (obj) {
            append_json_string(out, keys_[order[n]]);
            out += indent >= 0 ? ": " : ":";
        }
        items_[order[n]].write(out, indent, level + 1);
    }
    if (indent >= 0) {
        out += '\n';
        out.append(static_cast<size_t>(indent * level), ' ');
    }
    out += obj ? '}' : ']';
}

std::string JsonOut::dump(int indent) const {
    std::string out;
    write(out, indent, 0);
    return out;
}

}  // namespace ca
