// URL-hash codec of ViewState. Keys: t mode win hk ho hr sel c lang theme embed play speed rm;
// "origins" and "data" belong to the page and are passed over silently.
#include "core/view_state.h"

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
            if (a >= 0 && b >= 0) { o += static_cast<char>(a * 16 + b); i += 2; continue; }
        }
        o += s[i] == '+' ? ' ' : s[i];
    }
    return o;
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string o;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' || c == ',')
            o += static_cast<char>(c);
        else { o += '%'; o += hex[c >> 4]; o += hex[c & 15]; }
    }
    return o;
}

namespace {

template <class E> std::string mask_list(uint32_t mask) {
    std::string s;
    for (int i = 0; i < enum_count<E>(); ++i)
        if (mask >> i & 1) { if (!s.empty()) s += ','; s += enum_id(static_cast<E>(i)); }
    return s;
}

template <class E> bool parse_mask(std::string_view s, uint32_t& mask, std::string& bad) {
    uint32_t m = 0;
    size_t i = 0;
    while (i <= s.size()) {
        size_t j = s.find(',', i);
        if (j == std::string_view::npos) j = s.size();
        std::string_view tok = s.substr(i, j - i);
        if (!tok.empty()) {
            E e;
            if (!parse_enum(tok, e)) { bad = std::string(tok); return false; }
            m |= 1u << static_cast<int>(e);
        }
        i = j + 1;
    }
    mask = m;
    return true;
}

bool parse_double(std::string_view s, double& out) {
    std::string tmp(s);
    char* end = nullptr;
    double v = std::strtod(tmp.c_str(), &end);
    if (tmp.empty() || *end || !std::isfinite(v)) return false;
    out = v;
    return true;
}

}  // namespace

std::string encode_hash(const ViewState& v) {
    const ViewState def;
    std::string s = "#t=" + format_day(static_cast<DayNum>(std::floor(v.t)));
    s += "&mode=";
    s += time_mode_id(v.mode);
    if (v.mode == TimeMode::Window || v.window_months != def.window_months) s += "&win=" + std::to_string(v.window_months);
    if (v.filters.hidden_collab_kinds) s += "&hk=" + mask_list<CollabKind>(v.filters.hidden_collab_kinds);
    if (v.filters.hidden_org_kinds) s += "&ho=" + mask_list<OrgKind>(v.filters.hidden_org_kinds);
    if (v.filters.hidden_regions) s += "&hr=" + mask_list<Region>(v.filters.hidden_regions);
    if (!v.selected.empty()) s += "&sel=" + url_encode(v.selected);
    if (v.has_camera) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "&c=%.4f,%.4f,%.2f", v.cam_centre.lat, v.cam_centre.lon, v.zoom);
        s += buf;
    }
    if (v.lang != def.lang) { s += "&lang="; s += name_lang_id(v.lang); }
    if (v.theme != def.theme) { s += "&theme="; s += theme_id(v.theme); }
    if (v.embed) s += "&embed=1";
    if (v.transparent) s += "&bg=transparent";
    if (v.playing) s += "&play=1";
    if (v.speed != def.speed) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "&speed=%g", v.speed);
        s += buf;
    }
    if (v.reduced_motion) s += "&rm=1";
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
        std::string key = url_decode(kv.substr(0, eq));
        std::string val = eq == std::string_view::npos ? std::string() : url_decode(kv.substr(eq + 1));
        auto bad = [&](const std::string& why) { warnings.push_back("ignoring " + key + "=" + val + ": " + why); };
        auto flag = [&](bool& b) {
            if (val == "1" || val == "true" || val.empty()) b = true;
            else if (val == "0" || val == "false") b = false;
            else bad("expected 1 or 0");
        };
        if (key == "t") {
            Date d;
            std::string why;
            if (parse_date(val, d, &why)) v.t = first_day(d);
            else bad(why);
        } else if (key == "mode") {
            if (!parse_time_mode(val, v.mode)) bad("expected snapshot, window or cumulative");
        } else if (key == "win") {
            double w;
            if (parse_double(val, w) && w >= 1 && w <= 360 && w == std::floor(w)) v.window_months = static_cast<int>(w);
            else bad("expected a whole number of months 1..360");
        } else if (key == "hk" || key == "ho" || key == "hr") {
            std::string tok;
            uint32_t* m = key == "hk" ? &v.filters.hidden_collab_kinds : key == "ho" ? &v.filters.hidden_org_kinds : &v.filters.hidden_regions;
            bool ok = key == "hk" ? parse_mask<CollabKind>(val, *m, tok) : key == "ho" ? parse_mask<OrgKind>(val, *m, tok)
                                                                                   : parse_mask<Region>(val, *m, tok);
            if (!ok) bad("unknown value " + tok);
        } else if (key == "sel") {
            v.selected = val;
        } else if (key == "c") {
            double a[3];
            size_t p = 0;
            int n = 0;
            bool ok = true;
            while (ok && n < 3) {
                size_t q = val.find(',', p);
                std::string part = val.substr(p, q == std::string::npos ? std::string::npos : q - p);
                ok = parse_double(part, a[n++]);
                if (q == std::string::npos) break;
                p = q + 1;
            }
            if (ok && n == 3 && std::abs(a[0]) <= kCamLatMax && std::abs(a[1]) <= kCamLonMax && a[2] > kCamZoomMin &&
                a[2] <= kCamZoomMax) {
                v.has_camera = true;
                v.cam_centre = {a[0], a[1]};
                v.zoom = a[2];
            } else {
                bad("expected lat,lon,zoom");
            }
        } else if (key == "lang") {
            if (!parse_name_lang(val, v.lang)) bad("expected en, native or both");
        } else if (key == "theme") {
            if (!parse_theme(val, v.theme)) bad("expected auto, light or dark");
        } else if (key == "embed") {
            flag(v.embed);
        } else if (key == "bg") {
            if (val == "transparent") v.transparent = true;
            else if (val == "theme") v.transparent = false;
            else bad("expected transparent or theme");
        } else if (key == "play") {
            flag(v.playing);
        } else if (key == "rm") {
            flag(v.reduced_motion);
        } else if (key == "speed") {
            double s;
            if (parse_double(val, s) && s >= 0.25 && s <= 16) v.speed = s;
            else bad("expected 0.25..16");
        } else if (key == "origins" || key == "data") {
            // read by the page, not the app
        } else {
            warnings.push_back("ignoring unknown key " + key);
        }
    }
}

}  // namespace ca
