// URL-hash codec of ViewState: each value type of view_state.h as hash text and back, and the
// hash walked through the field table.
#include "core/url_hash.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ca {

std::string url_decode(std::string_view s) {
    auto hex = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    std::string o;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int a = hex(s[i + 1]), b = hex(s[i + 2]);
            if (a >= 0 && b >= 0) {
                o += static_cast<char>(a * 16 + b);
                i += 2;
                continue;
            }
        }
        o += s[i] == '+' ? ' ' : s[i];
    }
    return o;
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string o;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' ||
            c == ',')
            o += static_cast<char>(c);
        else {
            o += '%';
            o += hex[c >> 4];
            o += hex[c & 15];
        }
    }
    return o;
}

namespace {

// Hash keys that belong to the page, passed over silently: "origins" (web/js/url_state.js,
// PAGE_KEYS, the page's table of its keys; it never passes this one on) and "data" (the page's
// ?data= query, should a hash carry it). Every other key is a field of for_each_field.
constexpr std::string_view kPageKeys[] = {"origins", "data"};

bool parse_double(std::string_view s, double& out) {
    std::string tmp(s);
    char* end = nullptr;
    double v = std::strtod(tmp.c_str(), &end);
    if (tmp.empty() || *end || !std::isfinite(v)) return false;
    out = v;
    return true;
}

template <class E>
std::string mask_list(uint32_t mask) {
    std::string s;
    for (int i = 0; i < enum_count<E>(); ++i)
        if (mask >> i & 1) {
            if (!s.empty()) s += ',';
            s += enum_id(static_cast<E>(i));
        }
    return s;
}

// --- Each value type as hash text (before %-encoding, which only ids need).
std::string hash_text(const DayField&, double t) { return format_day(static_cast<DayNum>(std::floor(t))); }
template <class E>
std::string hash_text(const ChoiceField<E>& f, E e) {
    return f.ids[static_cast<size_t>(e)];
}
std::string hash_text(const NumberField<int>&, int n) { return std::to_string(n); }
std::string hash_text(const NumberField<double>&, double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}
template <class E>
std::string hash_text(const MaskField<E>&, uint32_t mask) {
    return mask_list<E>(mask);
}
std::string hash_text(const IdField&, const std::string& id) { return url_encode(id); }
std::string hash_text(const CameraField& f, const ViewState& v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*f,%.*f,%.*f", f.latlon_decimals, v.cam_centre.lat, f.latlon_decimals, v.cam_centre.lon,
                  f.zoom_decimals, v.zoom);
    return buf;
}
std::string hash_text(const FlagField&, bool b) { return b ? "1" : "0"; }
std::string hash_text(const SwitchField& f, bool b) { return b ? f.on : f.off; }

// --- Hash text back into the value: false, and why, when the text is not one (the value is
// then left as it was).
bool parse_text(const DayField&, const std::string& s, double& t, std::string& why) {
    Date d;
    if (!parse_date(s, d, &why)) return false;
    t = first_day(d);
    return true;
}
template <class E>
bool parse_text(const ChoiceField<E>& f, const std::string& s, E& e, std::string& why) {
    if (parse_choice(f.ids, s, e)) return true;
    why = expected(f);
    return false;
}
template <class T>
bool parse_text(const NumberField<T>& f, const std::string& s, T& x, std::string& why) {
    double d;
    if (parse_double(s, d) && f.range.contains(d)) {
        x = static_cast<T>(d);
        return true;
    }
    why = expected(f);
    return false;
}
template <class E>
bool parse_text(const MaskField<E>&, const std::string& s, uint32_t& mask, std::string& why) {
    uint32_t m = 0;
    size_t i = 0;
    while (i <= s.size()) {
        size_t j = s.find(',', i);
        if (j == std::string::npos) j = s.size();
        const std::string_view tok = std::string_view(s).substr(i, j - i);
        if (!tok.empty()) {
            E e;
            if (!parse_enum(tok, e)) {
                why = "unknown value " + std::string(tok);
                return false;
            }
            m |= 1u << static_cast<int>(e);
        }
        i = j + 1;
    }
    mask = m;
    return true;
}
bool parse_text(const IdField&, const std::string& s, std::string& id, std::string&) {
    id = s;  // AppModel::apply_hash checks that the dataset has it
    return true;
}
bool parse_text(const CameraField& f, const std::string& s, ViewState& v, std::string& why) {
    double a[3];
    size_t p = 0;
    int n = 0;
    bool ok = true;
    while (ok && n < 3) {
        size_t q = s.find(',', p);
        ok = parse_double(s.substr(p, q == std::string::npos ? std::string::npos : q - p), a[n++]);
        if (q == std::string::npos) break;
        p = q + 1;
    }
    if (!ok || n != 3 || !f.lat.contains(a[0]) || !f.lon.contains(a[1]) || !f.zoom.contains(a[2])) {
        why = "expected lat,lon,zoom";
        return false;
    }
    v.has_camera = true;
    v.cam_centre = {a[0], a[1]};
    v.zoom = a[2];
    return true;
}
bool parse_text(const FlagField&, const std::string& s, bool& b, std::string& why) {
    if (s == "1" || s == "true" || s.empty())
        b = true;
    else if (s == "0" || s == "false")
        b = false;
    else {
        why = "expected 1 or 0";
        return false;
    }
    return true;
}
bool parse_text(const SwitchField& f, const std::string& s, bool& b, std::string& why) {
    if (s == f.on)
        b = true;
    else if (s == f.off)
        b = false;
    else {
        why = expected(f);
        return false;
    }
    return true;
}

// Whether encode_hash writes a field of v (value; def: the same field of a default ViewState).
template <class F, class T>
bool written(const F& f, const T& value, const T& def, const ViewState& v) {
    return f.write == Write::Always || !(value == def) || (f.write == Write::IfChangedOrWindowMode && v.mode == TimeMode::Window);
}
bool written(const CameraField&, const ViewState&, const ViewState&, const ViewState& v) { return v.has_camera; }

}  // namespace

std::string encode_hash(const ViewState& v, const ViewState& def_in) {
    ViewState def = def_in;  // for_each_field passes its states by non-const reference
    std::string s;
    for_each_field(
        [&](const auto& f, const auto& value, const auto& value_def) {
            if (!written(f, value, value_def, v)) return;
            s += s.empty() ? "#" : "&";
            s += f.hash;
            s += '=';
            s += hash_text(f, value);
        },
        v, def);
    return s;
}

void decode_hash(std::string_view hash, ViewState& v, std::vector<std::string>& warnings) {
    if (!hash.empty() && (hash[0] == '#' || hash[0] == '?')) hash.remove_prefix(1);
    size_t i = 0;
    while (i < hash.size()) {
        size_t j = hash.find('&', i);
        if (j == std::string_view::npos) j = hash.size();
        std::string_view kv = hash.substr(i, j - i);
        i = j + 1;
        if (kv.empty()) continue;
        size_t eq = kv.find('=');
        const std::string key = url_decode(kv.substr(0, eq));
        const std::string val = eq == std::string_view::npos ? std::string() : url_decode(kv.substr(eq + 1));
        bool known = false;
        for_each_field(
            [&](const auto& f, auto& value) {
                if (key != f.hash) return;
                known = true;
                std::string why;
                if (!parse_text(f, val, value, why)) warnings.push_back("ignoring " + key + "=" + val + ": " + why);
            },
            v);
        for (std::string_view page_key : kPageKeys) known |= key == page_key;
        if (!known) warnings.push_back("ignoring unknown key " + key);
    }
}

}  // namespace ca
