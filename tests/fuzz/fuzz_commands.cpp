// libFuzzer target for the JSON command interface (handle_command), which takes text from
// hostile places: a host page's postMessage, the URL hash, the in-page API.
// The bundled dataset is loaded once; each input runs on a fresh copy of that model (so a
// crash reproduces from its input alone). The first byte picks the mode:
//   under 0xF0 (any JSON text, so the seed corpus is plain commands): the input is the
//         command text, as it is;
//   0xF0 and over: the remaining bytes drive a generator of JSON commands: known and garbage command
//         names, known and garbage fields, values of every type (strings of any size up to
//         megabytes, numbers such as 1e308, -0, 4294967297, literals such as 1e999, bools,
//         null, arrays and objects up to ~100 deep), URL hashes for setHash; then serialised.
// After each command: the reply is JSON with a boolean "ok"; the page's events (state,
// active, selection) are valid JSON; getState answers ok:true; the app's own URL hash goes
// back through setHash without warnings; CSV and JSON exports run (the JSON one must parse).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/app_model.h"
#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/embedded.h"
#include "core/json_doc.h"

namespace {
using json = nlohmann::json;

const ca::AppModel& pristine() {
    static const ca::AppModel* m = [] {
        std::vector<ca::InputFile> in;
        for (auto& f : ca::embedded_dataset()) in.push_back({f.name, f.text()});
        ca::LoadResult r = ca::load_dataset(in);
        if (!r.ok()) std::abort();
        auto* model = new ca::AppModel();
        model->set_dataset(std::move(r.dataset), "bundled");
        model->set_viewport({0, 0}, {1280, 800});
        return model;
    }();
    return *m;
}

// The input bytes, consumed front to back; zeros once they run out.
struct Bytes {
    const uint8_t* p;
    size_t n;
    uint8_t byte() {
        if (!n) return 0;
        --n;
        return *p++;
    }
    uint64_t u64() {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = v << 8 | byte();
        return v;
    }
    template <class T, size_t N>
    const T& pick(const T (&a)[N]) {
        return a[byte() % N];
    }
    std::string take(size_t len) {
        len = std::min(len, n);
        std::string s(reinterpret_cast<const char*>(p), len);
        p += len;
        n -= len;
        return s;
    }
};

const char* const kCommands[] = {"getState", "setState", "setHash", "play",   "pause",  "togglePlay", "step",
                                 "select",   "flyTo",    "search",  "export", "locate", "exportPng"};
const char* const kFields[] = {"cmd", "state", "hash", "dir", "id", "region", "text", "format", "bogus", ""};
const char* const kStateKeys[] = {"t",          "mode",  "window", "hiddenKinds", "hiddenOrgKinds", "hiddenRegions", "selected",
                                  "camera",     "lang",  "theme",  "systemTheme", "embed",          "playing",       "reducedMotion",
                                  "background", "speed", "dark",   "dataset",     "frameMs",        "Window",        "t "};
const char* const kWords[] = {"",
                              "snapshot",
                              "window",
                              "cumulative",
                              "mou",
                              "forum",
                              "consortium",
                              "japan",
                              "korea",
                              "taiwan",
                              "gba",
                              "all",
                              "astri",
                              "cnt",
                              "skhynix",
                              "samsung",
                              "csv",
                              "json",
                              "png",
                              "en",
                              "native",
                              "both",
                              "dark",
                              "light",
                              "auto",
                              "theme",
                              "transparent",
                              "2023-08-30",
                              "2023",
                              "2023-02-29",
                              "0000-01-01",
                              "9999-12-31",
                              "-2023",
                              "2023-13-01",
                              "SK",
                              "삼성",
                              "中山大學",
                              "ＡＳＴＲＩ",
                              "\xff\xfe",
                              "\xed\xa0\x80",
                              "lat",
                              "=1+1",
                              "\"",
                              "\\",
                              "[",
                              "{\"cmd\":\"getState\"}"};
// Literal number tokens nlohmann would not produce (placed through a marker string).
const char* const kLiterals[] = {"1e999",
                                 "-1e999",
                                 "-0",
                                 "-0.0",
                                 "4294967297",
                                 "-4294967295",
                                 "18446744073709551616",
                                 "-9223372036854775809",
                                 "1e-400",
                                 "123456789012345678901234567890",
                                 "1E+2",
                                 "0.25",
                                 "16.0000001"};
const double kNumbers[] = {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           0.5,
                           12.5,
                           360,
                           361,
                           1e308,
                           -1e308,
                           5e-324,
                           4294967297.0,
                           -4294967295.0,
                           2147483648.0,
                           0.25,
                           16,
                           85,
                           85.0001,
                           180,
                           2000,
                           0.05,
                           std::numeric_limits<double>::max(),
                           std::numeric_limits<double>::lowest(),
                           std::numeric_limits<double>::infinity(),
                           std::nan("")};
const int64_t kIntegers[] = {0, 1, -1, 24, 360, 361, 4294967297LL, -4294967295LL, INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN};
const char* const kHashKeys[] = {"t",     "mode", "win",  "hk",    "ho", "hr",      "sel",  "c", "lang", "theme",
                                 "embed", "bg",   "play", "speed", "rm", "origins", "data", "",  "%",    "c%3D"};

const std::string kLiteralMark = "@@literal:";

json value(Bytes& b, int depth);

std::string any_string(Bytes& b) {
    switch (b.byte() % 5) {
        case 0:
            return b.pick(kWords);
        case 1:
            return b.take(b.byte() % 64);
        case 2:
            return std::string(size_t(b.byte()) * 4096 + b.byte(), static_cast<char>(b.byte()));  // up to ~1 MB
        case 3:
            return std::string(b.pick(kWords)) + b.take(b.byte() % 8);
        default:
            return kLiteralMark + std::to_string(b.byte() % std::size(kLiterals));
    }
}

std::string url_hash(Bytes& b) {
    std::string h = b.byte() & 1 ? "#" : "";
    for (int i = 0, n = b.byte() % 8; i < n; ++i) {
        if (i) h += '&';
        h += b.pick(kHashKeys);
        if (b.byte() % 8 == 0) continue;
        h += '=';
        switch (b.byte() % 4) {
            case 0:
                h += b.pick(kWords);
                break;
            case 1:
                h += std::to_string(b.pick(kNumbers));
                break;
            case 2:
                h += std::to_string(b.pick(kNumbers)) + "," + std::to_string(b.pick(kNumbers)) + "," + std::to_string(b.pick(kNumbers));
                break;
            default:
                h += b.take(b.byte() % 16);
                break;
        }
    }
    return h;
}

json container(Bytes& b, int depth, bool object) {
    json c = object ? json::object() : json::array();
    for (int i = 0, n = b.byte() % 9; i < n && b.n; ++i) {
        if (object)
            c[b.byte() & 1 ? std::string(b.pick(kStateKeys)) : any_string(b)] = value(b, depth + 1);
        else
            c.push_back(value(b, depth + 1));
    }
    return c;
}

json value(Bytes& b, int depth) {
    if (depth > 100) return nullptr;
    switch (b.byte() % 14) {
        case 0:
            return nullptr;
        case 1:
            return (b.byte() & 1) != 0;
        case 2:
            return static_cast<int8_t>(b.byte());
        case 3:
            return b.pick(kNumbers);
        case 4:
            return b.pick(kIntegers);
        case 5: {
            uint64_t bits = b.u64();
            double d;
            std::memcpy(&d, &bits, sizeof d);
            return d;  // inf and NaN serialise as null
        }
        case 6:
            return static_cast<int64_t>(b.u64());
        case 7:
            return b.u64();
        case 8:
        case 9:
            return any_string(b);
        case 10:
            return container(b, depth, false);
        case 11:
            return container(b, depth, true);
        case 12: {  // a narrow, deep nest around a value
            int levels = b.byte() % 101;
            json v = value(b, 101);
            for (int i = 0; i < levels && depth + i < 100; ++i) v = (i & 1) ? json::array({std::move(v)}) : json{{"a", std::move(v)}};
            return v;
        }
        default:
            return url_hash(b);
    }
}

// A setState "state" object: mostly known keys with values near what they expect.
json state_object(Bytes& b) {
    json s = json::object();
    for (int i = 0, n = b.byte() % 6; i < n; ++i) s[b.pick(kStateKeys)] = b.byte() & 1 ? value(b, 1) : json(b.pick(kWords));
    if (b.byte() % 4 == 0)
        s["camera"] = {{"lat", value(b, 3)}, {"lon", value(b, 3)}, {"zoom", b.byte() & 1 ? json(b.pick(kNumbers)) : value(b, 3)}};
    return s;
}

std::string generated_command(Bytes& b) {
    json c;
    if (b.byte() % 16 == 0)
        c = value(b, 0);  // not an object, or no cmd
    else {
        c = json::object();
        const uint8_t k = b.byte();
        c["cmd"] = k % 8 == 0 ? value(b, 1) : k % 8 == 1 ? json(any_string(b)) : json(b.pick(kCommands));
        const std::string cmd = c["cmd"].is_string() ? c["cmd"].get<std::string>() : "";
        if (cmd == "setState" && b.byte() % 4) c["state"] = state_object(b);
        if (cmd == "setHash" && b.byte() % 4) c["hash"] = url_hash(b);
        for (int i = 0, n = b.byte() % 5; i < n; ++i) c[b.pick(kFields)] = value(b, 1);
    }
    std::string text = c.dump(-1, ' ', false, json::error_handler_t::replace);
    // Markers to literal tokens.
    for (size_t at; (at = text.find("\"" + kLiteralMark)) != std::string::npos;) {
        size_t end = text.find('"', at + 1);
        int i = std::atoi(text.c_str() + at + 1 + kLiteralMark.size());
        text.replace(at, end + 1 - at, kLiterals[static_cast<size_t>(i) % std::size(kLiterals)]);
    }
    return text;
}

// A reply: JSON object with a boolean "ok"; returns it parsed.
json checked_reply(const std::string& reply) {
    json j = json::parse(reply, nullptr, false);
    if (j.is_discarded() || !j.is_object()) std::abort();
    auto ok = j.find("ok");
    if (ok == j.end() || !ok->is_boolean()) std::abort();
    if (!*ok && !j.value("error", json()).is_string()) std::abort();
    return j;
}

void check_event(const std::string& event) {
    if (!ca::json_reference_accepts(event)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ca::AppModel m = pristine();
    Bytes b{data, size};
    const bool generate = size > 0 && data[0] >= 0xF0;
    if (generate) b.byte();
    const std::string text = generate ? generated_command(b) : b.take(b.n);

    ca::CommandResult r = ca::handle_command(m, text);
    checked_reply(r.reply);
    m.tick(size & 1 ? 0.5 : 1.0 / 60);  // playback and flights under whatever state it set
    m.tick(1.0 / 60);

    // What the page sends after a change.
    check_event(ca::state_event_json(m));
    check_event(ca::active_event_json(m));
    check_event(ca::selection_event_json(m));

    json g = checked_reply(ca::handle_command(m, R"({"cmd":"getState"})").reply);
    if (g["ok"] != true || !g["state"].is_object() || !g["hash"].is_string()) std::abort();

    // The app's own URL hash (the page puts it in the address bar) goes back in cleanly.
    const std::string hash = g["hash"].get<std::string>();
    const std::string set_hash = json{{"cmd", "setHash"}, {"hash", hash}}.dump(-1, ' ', false, json::error_handler_t::replace);
    json h = checked_reply(ca::handle_command(m, set_hash).reply);
    if (h["ok"] != true || h.contains("warnings")) std::abort();

    // Exports of whatever is visible now (on one input in 8: the JSON export of the whole
    // dataset and its check are most of an input's time; "export" commands run them too).
    if (size % 8 == 0) {
        ca::export_csv(m);
        if (!ca::json_reference_accepts(ca::export_json(m))) std::abort();
    }
    return 0;
}
