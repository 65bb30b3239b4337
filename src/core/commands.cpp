// Implementation of the JSON command interface: commands read with JsonDoc (RapidJSON), replies
// and events written with JsonOut; malformed input is answered with {"ok":false,...}.
#include "core/commands.h"

#include <algorithm>
#include <cmath>

#include "core/about_text.h"
#include "core/chrome_layout.h"
#include "core/details_text.h"
#include "core/i18n.h"
#include "core/json_doc.h"
#include "core/json_out.h"
#include "core/search.h"
#include "core/view_json.h"
#include "core/view_state.h"

namespace ca {
namespace {
using json = JsonOut;

// The reply's text; bytes that are not UTF-8 became U+FFFD when the strings went in (parser
// messages quote the text they stopped at, which can be half a character or a file's bad byte).
std::string to_text(const json& j, int indent = -1) { return j.dump(indent); }
json diagnostics_value(const std::vector<Diagnostic>& d);  // {"errors": [...], "text": "FILE:LINE:COL: ..."}

// Numbers from commands are checked as the doubles they are (JsonDoc keeps integers as
// int64/uint64 and converts them exactly enough for any range test here), never after a
// narrowing cast to int: 4294967297 must not pass as 1. (The parser refuses 1e999, so no inf or
// NaN arrives from text; Range::contains refuses them all the same, for values built in code.)
template <class T>
bool number_in(const JValue& v, const Range<T>& range, T& out) {
    if (!v.is_number()) return false;
    const double d = v.number();
    if (!std::isfinite(d) || !range.contains(d)) return false;
    out = static_cast<T>(d);
    return true;
}

double round_to(double x, int decimals) {
    double scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    return std::round(x * scale) / scale;
}

// --- Each value type of view_state.h as getState's JSON.
json json_of(const DayField&, double t) { return format_day(static_cast<DayNum>(std::floor(t))); }
template <class E>
json json_of(const ChoiceField<E>& f, E e) {
    return f.ids[static_cast<size_t>(e)];
}
template <class T>
json json_of(const NumberField<T>&, T x) {
    return x;
}
template <class E>
json json_of(const MaskField<E>&, uint32_t mask) {
    json a = json::array();
    for (int i = 0; i < enum_count<E>(); ++i)
        if (mask >> i & 1) a.push_back(enum_id(static_cast<E>(i)));
    return a;
}
json json_of(const IdField&, const std::string& id) { return id; }
json json_of(const CameraField& f, const ViewState& v) {
    return {{"lat", round_to(v.cam_centre.lat, f.latlon_decimals)},
            {"lon", round_to(v.cam_centre.lon, f.latlon_decimals)},
            {"zoom", round_to(v.zoom, f.zoom_decimals)}};
}
json json_of(const FlagField&, bool b) { return b; }
json json_of(const SwitchField& f, bool b) { return b ? f.on : f.off; }

// --- setState's JSON back into the value, or why not into why (the value then stays as it
// was; a list takes its known values and names each unknown one).
using Why = std::vector<std::string>;
void read_json(const DayField&, const JValue& j, double& t, Why& why, const Dataset&) {
    Date d;
    if (j.is_string() && parse_date(j.str(), d))
        t = first_day(d);
    else
        why.push_back("expected a date YYYY[-MM[-DD]]");
}
template <class E>
void read_json(const ChoiceField<E>& f, const JValue& j, E& e, Why& why, const Dataset&) {
    if (!j.is_string() || !parse_choice(f.ids, j.str(), e)) why.push_back(expected(f));
}
template <class T>
void read_json(const NumberField<T>& f, const JValue& j, T& x, Why& why, const Dataset&) {
    if (!number_in(j, f.range, x)) why.push_back(expected(f));
}
template <class E>
void read_json(const MaskField<E>&, const JValue& j, uint32_t& mask, Why& why, const Dataset&) {
    if (!j.is_array()) {
        why.push_back("expected an array");
        return;
    }
    uint32_t m = 0;
    for (size_t i = 0; i < j.size(); ++i) {
        E e;
        if (j[i].is_string() && parse_enum(j[i].str(), e))
            m |= 1u << static_cast<int>(e);
        else
            why.push_back("unknown value " + to_text(json::copy_of(j[i])));
    }
    mask = m;
}
void read_json(const IdField&, const JValue& j, std::string& id, Why& why, const Dataset& ds) {
    if (!j.is_string())
        why.push_back("expected a string");
    else if (const std::string s(j.str()); s.empty() || ds.find_org(s) >= 0 || ds.find_collab(s) >= 0)
        id = s;
    else
        why.push_back("no such organisation or collaboration");
}
void read_json(const StoryField&, const JValue& j, std::string& id, Why& why, const Dataset&) {
    if (j.is_string() && j.str().size() <= kStoryIdMax)
        id = j.str();  // AppModel::apply_view checks that such a story is loaded
    else
        why.push_back("expected a story id (a string of at most " + std::to_string(kStoryIdMax) + " bytes)");
}
void read_json(const CameraField& f, const JValue& j, ViewState& v, Why& why, const Dataset&) {
    auto field = [&](const char* name, const Range<double>& range, double& out) { return number_in(j.find(name), range, out); };
    double lat, lon, zoom;
    if (j.is_object() && field("lat", f.lat, lat) && field("lon", f.lon, lon) && field("zoom", f.zoom, zoom)) {
        v.has_camera = true;
        v.cam_centre = {lat, lon};
        v.zoom = zoom;
    } else {
        why.push_back("expected {lat " + f.lat.text() + ", lon " + f.lon.text() + ", zoom " + f.zoom.text() + "}");
    }
}
void read_json(const FlagField&, const JValue& j, bool& b, Why& why, const Dataset&) {
    if (j.type() == JType::Bool)
        b = j.boolean();
    else
        why.push_back("expected true or false");
}
void read_json(const SwitchField& f, const JValue& j, bool& b, Why& why, const Dataset&) {
    if (j.is_string() && (j.str() == f.on || j.str() == f.off))
        b = j.str() == f.on;
    else
        why.push_back(expected(f));
}

}  // namespace

bool read_view_field(std::string_view key, const JValue& value, ViewState& v, std::vector<std::string>& why, const Dataset& ds) {
    bool field = false;
    for_each_field(
        [&](const auto& f, auto& member) {
            if (key != f.json) return;
            field = true;
            read_json(f, value, member, why, ds);
        },
        v);
    return field;
}

namespace {

json state_json(const AppModel& m) {
    const ViewState v = m.current_view();
    json s;
    for_each_field([&](const auto& f, const auto& value) { s[f.json] = json_of(f, value); }, v);
    s["dark"] = m.dark();
    s["forcedColours"] = m.forced_colours() ? json(system_colours_list(*m.forced_colours())) : json(nullptr);
    s["dataset"] = m.dataset_name();
    s["frameMs"] = std::round(m.frame_ms_median() * 1000) / 1000;
    s["about"] = m.about_open();
    s["loop"] = m.loop();
    s["localeShown"] = locale_id(m.shown_locale());
    s["storyAway"] = m.away_from_step();
    return s;
}

// setState's fields in the order of their keys, each key once (its last value), as the page
// has always had them applied and warned about.
std::vector<std::pair<std::string_view, JValue>> sorted_members(const JValue& s) {
    std::vector<std::pair<std::string_view, JValue>> out;
    for (size_t i = 0; i < s.size(); ++i) out.emplace_back(s.key(i), s[i]);
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::pair<std::string_view, JValue>> last;
    for (size_t i = 0; i < out.size(); ++i)
        if (i + 1 == out.size() || out[i + 1].first != out[i].first) last.push_back(out[i]);
    return last;
}

void apply_state(AppModel& m, const JValue& s, std::vector<std::string>& warn) {
    ViewState v = m.current_view();
    for (const auto& [key, val] : sorted_members(s)) {
        const std::string k(key);
        Why why;
        const bool field = read_view_field(k, val, v, why, m.data());
        for (const std::string& w : why) warn.push_back(k + ": " + w);
        if (field) continue;
        if (k == "systemTheme") {
            if (val.is_string())
                m.set_system_dark(val.str() == "dark");
            else
                warn.push_back(k + ": expected dark or light");
        } else if (k == "systemColours") {
            // The page's forced colours (web/js/dom.js systemColours), "" or null when none.
            SystemColours c;
            std::string why;
            if (val.is_null() || (val.is_string() && val.str().empty()))
                m.set_forced_colours(std::nullopt);
            else if (!val.is_string())
                warn.push_back(k + ": expected a list of 8 colours #rrggbb, or null");
            else if (parse_system_colours(val.str(), c, why))
                m.set_forced_colours(c);
            else
                warn.push_back(k + ": " + why);
        } else if (k == "about" || k == "loop") {
            if (val.type() != JType::Bool)
                warn.push_back(k + ": expected true or false");
            else if (k == "about")
                m.set_about_open(val.boolean());
            else
                m.set_loop(val.boolean());
        } else if (k == "dark" || k == "forcedColours" || k == "dataset" || k == "frameMs" || k == "localeShown" || k == "storyAway") {
            // read-only, ignored
        } else {
            warn.push_back("unknown field " + k);
        }
    }
    m.apply_view(v);
}

json reply_ok() { return json{{"ok", true}}; }
json reply_err(const std::string& e) { return json{{"ok", false}, {"error", e}}; }

}  // namespace

std::string participant_names(const Dataset& ds, const Collaboration& c) {
    std::string s;
    for (auto& p : c.participants) {
        if (!s.empty()) s += ", ";
        s += ds.organisations[p.org].short_name();  // the export is the data, in English as its titles
    }
    return s;
}

std::vector<int> visible_collaborations(AppModel& m, size_t max) {
    const Visibility& vis = m.visibility();
    std::vector<int> out;
    for (size_t i = 0; i < vis.collab.size() && out.size() < max; ++i)
        if (vis.collab[i] != Vis::Hidden) out.push_back(static_cast<int>(i));
    return out;
}

// One CSV cell of free text (data from a dataset anyone can load with ?data=). A cell that
// starts with = + - @ tab or CR is a formula to a spreadsheet (OWASP "CSV injection"): it gets
// a leading ' so it reads as text. Cells holding , " CR or LF are quoted, quotes doubled.
static std::string csv_text(std::string_view s) {
    std::string v;
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) v = "'";
    v += s;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string o = "\"";
    for (char c : v) {
        if (c == '"') o += '"';
        o += c;
    }
    return o + "\"";
}

// The sources c's evidence cites, each once, in the order first cited.
static std::vector<int> cited_sources(const Collaboration& c) {
    std::vector<int> out;
    for (auto& e : c.evidence)
        if (std::find(out.begin(), out.end(), e.source) == out.end()) out.push_back(e.source);
    return out;
}

std::string export_csv(AppModel& m) {
    const Dataset& ds = m.data();
    const Visibility& vis = m.visibility();
    std::string s = "id,title,kind,start,start_bound,end,status,participants,sources,source_urls\n";
    for (int i : visible_collaborations(m)) {
        const Collaboration& c = ds.collaborations[i];
        // Each source once, in the order the evidence first cites it; its url in the same place.
        std::string srcs, urls;
        for (int si : cited_sources(c)) {
            const Source& src = ds.sources[si];
            if (!srcs.empty()) srcs += ";";
            if (!urls.empty()) urls += " ";
            srcs += src.file;
            urls += src.url;
        }
        s += csv_text(c.id) + "," + csv_text(c.title) + "," + enum_id(c.kind) + "," + format_date(c.interval.start) + "," +
             (c.interval.start_by ? "by" : "") + "," + (c.interval.has_end ? format_date(c.interval.end) : std::string()) + "," +
             (vis.collab[i] == Vis::Active ? "active" : "ended") + "," + csv_text(participant_names(ds, c)) + "," + csv_text(srcs) + "," +
             csv_text(urls) + "\n";
    }
    return s;
}

// A source as exports and events describe it: its url once, the archived copy's when known.
static json source_json(const Source& s) {
    json j = {{"id", s.id}, {"title", s.title}, {"publisher", s.publisher}, {"file", s.file}, {"url", s.url}};
    if (s.has_published) j["published"] = format_date(s.published);
    if (!s.archived_url.empty()) j["archived_url"] = s.archived_url;
    return j;
}

std::string export_json(AppModel& m) {
    const Dataset& ds = m.data();
    const Visibility& vis = m.visibility();
    json items = json::array();
    std::vector<int> used;  // sources cited by the exported collaborations, each once
    for (int i : visible_collaborations(m)) {
        const Collaboration& c = ds.collaborations[i];
        for (int si : cited_sources(c))
            if (std::find(used.begin(), used.end(), si) == used.end()) used.push_back(si);
        json parts = json::array();
        for (auto& p : c.participants)
            parts.push_back({{"org", ds.organisations[p.org].id}, {"name", ds.organisations[p.org].name}, {"role", enum_id(p.role)}});
        json ev = json::array();
        for (auto& e : c.evidence) ev.push_back({{"source", ds.sources[e.source].file}, {"quote", e.quote}});
        json item = {{"id", c.id},
                     {"title", c.title},
                     {"kind", enum_id(c.kind)},
                     {"start", format_date(c.interval.start)},
                     {"end", c.interval.has_end ? json(format_date(c.interval.end)) : json(nullptr)},
                     {"status", vis.collab[i] == Vis::Active ? "active" : "ended"},
                     {"participants", parts},
                     {"summary", c.summary},
                     {"evidence", ev}};
        if (c.interval.start_by) item["start_bound"] = "by";
        items.push_back(std::move(item));
    }
    // Evidence names its source by file; the sources, with their urls, are listed once here.
    std::sort(used.begin(), used.end());
    json sources = json::array();
    for (int si : used) sources.push_back(source_json(ds.sources[si]));
    json out = {{"generator", "chipatlas"}, {"state", state_json(m)}, {"sources", sources}, {"collaborations", items}};
    return to_text(out, 2);
}

std::string state_event_json(AppModel& m) { return to_text(json{{"state", state_json(m)}, {"hash", m.hash()}}); }

std::string active_event_json(AppModel& m) { return active_event_json(m, visible_collaborations(m, kActiveEventMax)); }

std::string active_event_json(AppModel& m, const std::vector<int>& visible) {
    const Dataset& ds = m.data();
    const Visibility& vis = m.visibility();
    json items = json::array();
    for (int i : visible) {  // not all 100k at 10k: the first kActiveEventMax
        const Collaboration& c = ds.collaborations[i];
        json parts = json::array();
        for (auto& p : c.participants) parts.push_back(ds.organisations[p.org].shown_name(active_locale()));
        items.push_back({{"id", c.id},
                         {"title", c.title_in(active_locale())},
                         {"kind", enum_label(c.kind)},
                         {"start", (c.interval.start_by ? "by " : "") + format_date(c.interval.start)},
                         {"end", c.interval.has_end ? format_date(c.interval.end) : std::string()},
                         {"status", vis.collab[i] == Vis::Active ? "active" : "ended"},
                         {"participants", parts}});
    }
    return to_text(
        json{{"t", format_day(static_cast<DayNum>(std::floor(m.view().t)))}, {"total", vis.active + vis.faded}, {"items", items}});
}

std::string selection_event_json(AppModel& m) {
    Selection s = m.selection();
    json j = {{"id", m.view().selected}, {"type", s.valid() ? (s.is_org ? "organisation" : "collaboration") : ""}, {"label", ""}};
    if (s.valid()) {
        const Dataset& ds = m.data();
        if (s.is_org) {
            const Organisation& o = ds.organisations[s.index];
            int n = 0;
            for (auto& c : ds.collaborations)
                for (auto& p : c.participants) n += p.org == s.index;
            j["label"] = o.shown_name(active_locale());
            j["native"] = o.native() ? o.native()->text : "";
            const std::string& city = o.city_in(active_locale());
            j["details"] = std::string(enum_label(o.kind)) + " · " + (city.empty() ? enum_label(o.region) : city) + " · " +
                           strf(trn("%s collaboration", "%s collaborations", static_cast<unsigned long>(n)), format_count(n).c_str());
            json srcs = json::array(), collabs = json::array();
            for (int si : o.sources) srcs.push_back(source_json(ds.sources[si]));
            j["sources"] = std::move(srcs);
            // What else the map's panel shows: its abbreviation, the organisation it is part of,
            // its note.
            j["abbr"] = o.abbr;
            if (o.parent >= 0)
                j["parent"] = {{"id", ds.organisations[o.parent].id}, {"title", ds.organisations[o.parent].shown_name(active_locale())}};
            j["note"] = o.note_in(active_locale());
            // Its collaborations, for the page's details region (each one a way on), with its role.
            for (auto& c : ds.collaborations)
                for (auto& p : c.participants)
                    if (p.org == s.index && collabs.size() < kActiveEventMax) {
                        collabs.push_back({{"id", c.id},
                                           {"title", c.title_in(active_locale())},
                                           {"when", format_interval_human(c.interval)},
                                           {"role", enum_label(p.role)}});
                        break;
                    }
            j["collaborations"] = std::move(collabs);
        } else {
            const Collaboration& c = ds.collaborations[s.index];
            j["label"] = c.title_in(active_locale());
            j["native"] = "";
            j["details"] =
                std::string(enum_label(c.kind)) + " · " + format_interval_human(c.interval) + " · " + c.summary_in(active_locale());
            json srcs = json::array();
            for (int si : cited_sources(c)) srcs.push_back(source_json(ds.sources[si]));
            j["sources"] = std::move(srcs);
            // Participants and the quotes that back the collaboration (the page's details region).
            json parts = json::array(), quotes = json::array();
            for (auto& p : c.participants)
                parts.push_back({{"id", ds.organisations[p.org].id},
                                 {"name", ds.organisations[p.org].name},
                                 {"label", display_name(ds.organisations[p.org], m.view().lang)},  // as the map's panel shows it
                                 {"role", enum_label(p.role)}});
            for (auto& e : c.evidence) quotes.push_back({{"text", e.quote}, {"source", ds.sources[e.source].title}});
            j["participants"] = std::move(parts);
            j["quotes"] = std::move(quotes);
            // What else the map's panel shows: the collaboration it is part of, its topics, its
            // figures (each with the quote it comes from) and its events (each a date to go to).
            if (c.parent >= 0)
                j["parent"] = {{"id", ds.collaborations[c.parent].id}, {"title", ds.collaborations[c.parent].title_in(active_locale())}};
            j["topics"] = topics_text(c);
            j["note"] = c.note_in(active_locale());  // where its dates and roles come from
            json facts = json::array(), events = json::array();
            for (const Fact& f : c.facts)
                if (facts.size() < kActiveEventMax)
                    facts.push_back(
                        {{"text", fact_text(f)}, {"quote", f.quote}, {"source", f.source >= 0 ? ds.sources[f.source].title : ""}});
            for (const Event& e : ds.events)
                if (e.collaboration == s.index && events.size() < kActiveEventMax)
                    events.push_back({{"id", e.id},
                                      {"t", format_day(first_day(e.date))},
                                      {"date", format_date_local(e.date)},
                                      {"title", e.title_in(active_locale())}});
            j["facts"] = std::move(facts);
            j["events"] = std::move(events);
        }
    }
    return to_text(j);
}

std::string fatal_event_json(std::string_view message) { return to_text(json{{"message", std::string(message)}}); }

std::string error_reply_json(std::string_view message) { return to_text(reply_err(std::string(message))); }

std::string edit_files_event_json(std::string_view action, const std::vector<NamedText>& files, size_t errors) {
    json list = json::array();
    for (const NamedText& f : files) {
        const size_t slash = f.name.find_last_of('/');
        list.push_back(
            {{"name", std::string(f.name.substr(slash == std::string_view::npos ? 0 : slash + 1))}, {"text", std::string(f.text)}});
    }
    return to_text(json{{"action", std::string(action)}, {"errors", errors}, {"files", std::move(list)}});
}

std::string diagnostics_json(const std::vector<Diagnostic>& d) { return to_text(diagnostics_value(d)); }

namespace {

json diagnostics_value(const std::vector<Diagnostic>& d) {
    json errs = json::array();
    for (auto& x : d)
        errs.push_back({{"file", x.file},
                        {"line", x.line},
                        {"col", x.col},
                        {"pointer", x.pointer},
                        {"subject", x.subject},
                        {"message", x.message},
                        {"severity", x.severity == Severity::Error     ? "error"
                                     : x.severity == Severity::Warning ? "warning"
                                                                       : "note"}});
    return json{{"errors", errs}, {"text", format_diagnostics(d)}};
}

}  // namespace

namespace {

// The search command's results: organisations and collaborations matching text, each saying
// whether it shows at the current time.
json search_results(AppModel& m, const JValue& tj) {
    json res = json::array();
    if (tj && !tj.is_string()) return res;  // absent: as ""

    const Dataset& ds = m.data();
    const Visibility& vis = m.visibility();
    for (auto& h : search(ds, std::string(tj.str()), 20, active_locale())) {
        if (h.is_org) {
            const Organisation& o = ds.organisations[h.index];
            res.push_back({{"id", o.id},
                           {"type", "organisation"},
                           {"label", o.abbr.empty() ? o.shown_name(active_locale()) : o.name + " (" + o.abbr + ")"},
                           {"native", o.native() ? o.native()->text : ""},
                           {"region", enum_label(o.region)},
                           {"active", vis.org[h.index] == Vis::Active}});
        } else {
            const Collaboration& cc = ds.collaborations[h.index];
            res.push_back({{"id", cc.id},
                           {"type", "collaboration"},
                           {"label", cc.title_in(active_locale())},
                           {"native", ""},
                           {"region", format_date(cc.interval.start)},
                           {"active", vis.collab[h.index] == Vis::Active}});
        }
    }
    return res;
}

// The locate command: an organisation's screen position (CSS pixels), so tests and hosts can
// point at it: where the map drew it last frame (its node, a spread cluster's leg or its
// collapsed cluster) if nothing has moved since, else its projected point.
json locate_reply(AppModel& m, const JValue& id) {
    const int o = id.is_string() ? m.data().find_org(id.str()) : -1;
    if (o < 0 || !m.data().organisations[o].has_coords) return reply_err("no such organisation on the map");
    const Organisation& org = m.data().organisations[o];
    const Camera& cam = m.camera();
    const Vec2 projected = cam.world_to_screen(project({org.lat, org.lon}));
    Vec2 p = projected;
    if (m.drawn_at && m.drawn_version == m.version() && static_cast<size_t>(o) < m.drawn_at->size() &&
        (*m.drawn_at)[static_cast<size_t>(o)].x > -1e5f)
        p = {(*m.drawn_at)[static_cast<size_t>(o)].x, (*m.drawn_at)[static_cast<size_t>(o)].y};
    json out = reply_ok();
    out["x"] = p.x;
    out["y"] = p.y;
    out["onScreen"] =
        p.x >= cam.origin.x && p.y >= cam.origin.y && p.x <= cam.origin.x + cam.viewport.x && p.y <= cam.origin.y + cam.viewport.y;
    out["covered"] = m.is_covered(p);                             // under a panel drawn last frame (details, sheet, legend…)
    out["projected"] = {{"x", projected.x}, {"y", projected.y}};  // its geographic point, wherever drawn
    return out;
}

// One legend entry: {id, label, hidden, total, count}.
template <class E>
json legend_entry(E e, bool hidden, int total, int count) {
    return {{"id", enum_id(e)}, {"label", enum_label(e)}, {"hidden", hidden}, {"total", total}, {"count", count}};
}

// The legend command: what the ImGui legend lists, with the same counts (ui/legend_view.cpp),
// the region presets, the speed choices and the most connected organisations, so the page's
// controls can list them too.
json legend_reply(AppModel& m) {
    const Dataset& ds = m.data();
    const Visibility& vis = m.visibility();
    const Filters& f = m.view().filters;
    FlatIndex scratch;
    const FlatIndex& fi = flat_index(ds, scratch);
    json out = reply_ok(), kinds = json::array(), orgs = json::array(), regions = json::array(), presets = json::array();
    for (int k = 0; k < enum_count<CollabKind>(); ++k) {
        const CollabKind e = static_cast<CollabKind>(k);
        if (fi.collab_kind_total[k] || f.collab_kind_hidden(e))
            kinds.push_back(legend_entry(e, f.collab_kind_hidden(e), fi.collab_kind_total[k], vis.kind_count[k]));
    }
    int org_active[enum_count<OrgKind>()] = {};
    for (size_t i = 0; i < fi.org_kind.size() && i < vis.org.size(); ++i)
        org_active[static_cast<int>(fi.org_kind[i])] += vis.org[i] == Vis::Active;
    for (int k = 0; k < enum_count<OrgKind>(); ++k)
        if (fi.org_kind_total[k])
            orgs.push_back(
                legend_entry(static_cast<OrgKind>(k), f.org_kind_hidden(static_cast<OrgKind>(k)), fi.org_kind_total[k], org_active[k]));
    for (int r = 0; r < enum_count<Region>(); ++r)
        if (fi.org_region_total[r])
            regions.push_back(
                legend_entry(static_cast<Region>(r), f.region_hidden(static_cast<Region>(r)), fi.org_region_total[r], vis.region_count[r]));
    for (int p = 0; p < static_cast<int>(RegionPreset::Count); ++p)
        presets.push_back({{"id", preset_id(static_cast<RegionPreset>(p))}, {"label", preset_label(static_cast<RegionPreset>(p))}});
    out["kinds"] = kinds;
    out["orgKinds"] = orgs;
    out["regions"] = regions;
    out["presets"] = presets;
    out["speeds"] = std::vector<double>(std::begin(kSpeedPresets), std::end(kSpeedPresets));
    json top = json::array();  // the legend's "Most connected" quick-select
    for (const int o : top_organisations(ds, vis, 3))
        top.push_back({{"id", ds.organisations[o].id},
                       {"label", ds.organisations[o].shown_short_name(active_locale())},
                       {"count", vis.org_degree[o]}});
    out["top"] = top;
    out["active"] = vis.active;
    out["ended"] = vis.faded;
    out["from"] = format_day(static_cast<DayNum>(std::floor(m.axis().t0)));
    out["to"] = format_day(static_cast<DayNum>(std::floor(m.axis().t1)));
    return out;
}

json about_reply(const AppModel& m) {
    const AboutText a = about_text(m.data());
    json out = reply_ok();
    out["open"] = m.about_open();
    out["title"] = a.title;
    out["intro"] = a.intro;
    out["bullets"] = a.bullets;
    out["provenance"] = a.provenance;
    out["credits"] = a.credits;
    out["close"] = a.close;
    out["tour"] = m.view().embed ? std::string() : a.tour;  // an embed's host tells its own stories
    return out;
}

// setChrome: {rects: [[x0, y0, x1, y1], ...]}, the page's chrome in CSS pixels.
json set_chrome_reply(AppModel& m, const JValue& rects) {
    if (!rects.is_array() || rects.size() > kPageChromeMaxRects)
        return reply_err("setChrome needs \"rects\": an array of at most " + std::to_string(kPageChromeMaxRects) + " [x0, y0, x1, y1]");
    std::vector<Rect> out;
    const Range<double> px{-1e5, 1e5};
    for (size_t i = 0; i < rects.size(); ++i) {
        const JValue r = rects[i];
        double v[4];
        if (!r.is_array() || r.size() != 4 || !number_in(r[0], px, v[0]) || !number_in(r[1], px, v[1]) || !number_in(r[2], px, v[2]) ||
            !number_in(r[3], px, v[3]) || v[2] < v[0] || v[3] < v[1])
            return reply_err("setChrome: each rect must be [x0, y0, x1, y1], numbers within " + px.text() + ", x0 <= x1, y0 <= y1");
        out.push_back({v[0], v[1], v[2], v[3]});
    }
    m.set_page_chrome(std::move(out));
    return reply_ok();
}

// Commands for the page's own controls (web/js/controls.js, about.js, page_chrome.js); false
// for any other cmd.
bool page_command(AppModel& m, const std::string& cmd, const JValue& c, json& out) {
    if (cmd == "legend")
        out = legend_reply(m);
    else if (cmd == "about")
        out = about_reply(m);
    else if (cmd == "setChrome")
        out = set_chrome_reply(m, c.find("rects"));
    else
        return false;
    return true;
}

// A story as the host API and the page's caption see it: id, title, summary, every step's caption
// (sources with their links) and the step told (0 when it is not the story told).
json caption_json(const AppModel& m, const StoryStep& s) {
    const Dataset& ds = m.data();
    json srcs = json::array();
    for (int i : s.caption.sources)
        if (i >= 0 && static_cast<size_t>(i) < ds.sources.size()) srcs.push_back(source_json(ds.sources[static_cast<size_t>(i)]));
    const Locale l = m.shown_locale();  // the interface language's caption when translated
    return {{"title", s.caption.title_in(l)}, {"text", s.caption.text_in(l)}, {"sources", std::move(srcs)}};
}

json story_json(const AppModel& m, const Story& st) {
    json steps = json::array();
    for (const StoryStep& s : st.steps) steps.push_back(caption_json(m, s));
    const bool told = m.view().story == st.id;
    const Locale l = m.shown_locale();  // the interface language's title and summary when translated
    return {{"id", st.id},
            {"title", st.title_in(l)},
            {"summary", st.summary_in(l)},
            {"steps", std::move(steps)},
            {"step", told ? m.view().step : 0}};
}

// loadStory {name, text}: a story file's text (the page's ?story=), validated against the data.
json load_story_reply(AppModel& m, const JValue& c) {
    const JValue name = c.find("name"), text = c.find("text");
    if ((name && !name.is_string()) || !text.is_string() || name.str().size() > 200)
        return reply_err("loadStory needs strings name (at most 200 bytes) and text");
    StoryLoad r = load_story(name ? std::string(name.str()) : std::string("story.json"), std::string(text.str()), m.data());
    if (!r.ok()) {
        json out = diagnostics_value(r.diagnostics);
        out["ok"] = false;
        out["error"] = "the story has errors";
        return out;
    }
    json out = reply_ok();
    out["id"] = r.story.id;
    out["steps"] = r.story.steps.size();
    m.add_story(std::move(r.story), name ? std::string(name.str()) : std::string("story.json"), std::string(text.str()));
    return out;
}

// The story commands (issue 19): listStories, story, storyStep, exitStory, loadStory; false for
// any other command.
bool story_command(AppModel& m, const std::string& cmd, const JValue& c, json& out) {
    if (cmd == "listStories") {
        json list = json::array();
        for (const Story& s : m.stories())
            list.push_back({{"id", s.id},
                            {"title", s.title_in(m.shown_locale())},
                            {"summary", s.summary_in(m.shown_locale())},
                            {"steps", s.steps.size()}});
        out["stories"] = std::move(list);
    } else if (cmd == "story" || cmd == "storyStep") {
        // "story" names it (over postMessage "id" is the message's id); in-page "id" works too.
        JValue given = c.find("story");
        if (!given) given = c.find("id");
        const bool is_string = !given || given.is_string();  // absent: the story told, if any
        const std::string id = given ? std::string(given.str()) : m.view().story;
        const Story* st = is_string ? m.find_story(id) : nullptr;
        if (!st) {
            out = reply_err(is_string && id.empty() ? "no story is told (give \"story\": listStories lists them)" : "no such story");
            return true;
        }
        if (cmd == "storyStep") {
            const JValue step = c.find("step");
            const Range<int> steps{1, static_cast<int>(st->steps.size())};
            int n = m.view().story == st->id ? m.view().step : 1;  // no "step": the step told, or the first
            if (step ? !number_in(step, steps, n) : !steps.contains(n)) {
                out = reply_err("step must be 1.." + std::to_string(st->steps.size()));
                return true;
            }
            m.go_to_step(st->id, n);
        }
        out["story"] = story_json(m, *st);
    } else if (cmd == "exitStory") {
        m.exit_story();
    } else if (cmd == "loadStory") {
        out = load_story_reply(m, c);
    } else {
        return false;
    }
    return true;
}

// The edit mode's commands (issue 16): openEditor, editField, editView, editDo, editStory; false for any other command.
bool edit_command(const std::string& cmd, const JValue& c, CommandResult& r, json& out) {
    if (cmd == "openEditor") {
        r.open_editor = true;
        return true;
    }
    if (cmd == "editView" || cmd == "editDo" || cmd == "editStory") {
        r.edit_command = true;
        return true;
    }
    if (cmd != "editField") return false;
    const JValue kind = c.find("kind"), id = c.find("id"), field = c.find("field");  // absent: ""
    if ((kind && !kind.is_string()) || (id && !id.is_string()) || (field && !field.is_string())) {
        out = reply_err("editField needs strings kind, id and field");
        return true;
    }
    const JValue value = c.find("value");
    r.edit_field = {true, std::string(kind.str()), std::string(id.str()), std::string(field.str()),
                    value ? to_text(json::copy_of(value)) : std::string()};
    return true;
}

}  // namespace

CommandResult handle_command(AppModel& m, std::string_view text) {
    CommandResult r;
    // Caps first, on the bytes: nothing this large or deep is a real command.
    if (text.size() > kCommandMaxBytes) {
        r.reply = to_text(reply_err("command too large: " + std::to_string(text.size()) + " bytes (the limit is " +
                                    std::to_string(kCommandMaxBytes) + ")"));
        return r;
    }
    // Before the parser, so a hostile text never reaches recursive code (copy_of, the
    // parser's error path).
    if (json_too_deep_at(text, kCommandMaxDepth) < text.size()) {
        r.reply = to_text(reply_err("command nested too deep (the limit is " + std::to_string(kCommandMaxDepth) + " levels)"));
        return r;
    }
    JsonDoc doc;
    JsonError err;
    if (!doc.parse(text, kCommandMaxDepth, err) || !doc.root().is_object()) {
        r.reply = to_text(reply_err("command is not a JSON object"));
        return r;
    }
    const JValue c = doc.root(), cmdv = c.find("cmd");
    if (!cmdv.is_string()) {
        r.reply = to_text(reply_err("missing \"cmd\""));
        return r;
    }
    const std::string cmd(cmdv.str());
    json out = reply_ok();
    std::vector<std::string> warn;
    if (cmd == "getState") {
        out["state"] = state_json(m);
        out["hash"] = m.hash();
    } else if (cmd == "setState") {
        const JValue s = c.find("state");
        if (!s.is_object())
            out = reply_err("setState needs a \"state\" object");
        else {
            apply_state(m, s, warn);
            out["state"] = state_json(m);
        }
    } else if (cmd == "setHash") {
        const JValue h = c.find("hash");
        if (!h.is_string())
            out = reply_err("setHash needs a \"hash\" string");
        else {
            m.apply_hash(std::string(h.str()), warn);
            out["state"] = state_json(m);
        }
    } else if (cmd == "play") {
        m.play();
    } else if (cmd == "pause") {
        m.pause();
    } else if (cmd == "togglePlay") {
        m.toggle_play();
    } else if (cmd == "step") {
        const JValue d = c.find("dir");
        out["moved"] = m.step_event(d.is_number() && d.number() < 0 ? -1 : 1);  // only its sign counts
        out["t"] = format_day(static_cast<DayNum>(std::floor(m.view().t)));
    } else if (cmd == "select") {
        const JValue id = c.find("id");
        if ((id && !id.is_string()) || !m.select(std::string(id.str())))
            out = reply_err("no such organisation or collaboration");
        else {
            Selection s = m.selection();
            if (s.valid() && s.is_org) m.fly_to_org(s.index);
        }
    } else if (cmd == "flyTo") {
        const JValue rj = c.find("region");
        RegionPreset p;
        if (!rj.is_string() || !parse_preset(std::string(rj.str()).c_str(), p))
            out = reply_err("unknown region (expected all, gba, korea, taiwan or japan)");
        else
            m.fly_to(p);
    } else if (cmd == "search") {
        out["results"] = search_results(m, c.find("text"));
    } else if (cmd == "export") {
        const JValue fv = c.find("format");
        const std::string_view f = fv ? (fv.is_string() ? fv.str() : "?") : "csv";
        std::string day = format_day(static_cast<DayNum>(std::floor(m.view().t)));
        if (f == "csv") {
            out["text"] = export_csv(m);
            out["filename"] = "chipatlas-" + day + ".csv";
        } else if (f == "json") {
            out["text"] = export_json(m);
            out["filename"] = "chipatlas-" + day + ".json";
        } else
            out = reply_err("format must be csv or json");
    } else if (cmd == "locate") {
        out = locate_reply(m, c.find("id"));
    } else if (cmd == "exportPng") {
        r.export_png = true;
    } else if (cmd == "audit") {
        r.audit = true;
    } else if (!edit_command(cmd, c, r, out) && !page_command(m, cmd, c, out) && !story_command(m, cmd, c, out)) {
        out = reply_err("unknown command " + cmd);
    }
    if (!warn.empty()) out["warnings"] = warn;
    r.reply = to_text(out);
    return r;
}

std::string story_event_json(const AppModel& m) {
    const Story* st = m.story();
    if (!st) return to_text(json{{"id", ""}, {"step", 0}});
    const json cap = caption_json(m, st->steps[static_cast<size_t>(m.view().step - 1)]);
    return to_text(json{{"id", st->id},
                        {"title", st->title_in(m.shown_locale())},
                        {"step", m.view().step},
                        {"steps", st->steps.size()},
                        {"caption", cap},
                        {"hash", m.hash()}});
}

std::string audit_reply(const UiAudit& a) {
    json out = {{"ok", true}, {"clipped", a.clipped}, {"detailsScroll", a.details_scroll}, {"detailsScrollMax", a.details_scroll_max}};
    json panels = json::array();
    for (const UiAudit::Panel& p : a.panels) panels.push_back({{"name", p.name}, {"rect", json::array({p.x0, p.y0, p.x1, p.y1})}});
    out["panels"] = panels;
    out["storyCaption"] = a.story_caption;
    out["tourButton"] = json::array({a.tour.x0, a.tour.y0, a.tour.x1, a.tour.y1});
    return to_text(out);
}

}  // namespace ca
