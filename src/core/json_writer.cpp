// The canonical writer: key order from data/schema.json, 2-space indentation, and a container on
// one line ({"a": 1, "b": [2, 3]}) when that whole line, indentation and comma included, fits.
#include "core/json_writer.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>
#include <vector>

#include "core/json_canonical.h"

namespace ca {

namespace {

// What a value is, for the order of its members (data/schema.json's property order).
enum class Ctx { Top, Source, Org, OrgName, Collab, Participant, Fact, Evidence, Event, Translation, Other };

const std::vector<std::string_view>& key_order(Ctx c) {
    static const std::array<std::vector<std::string_view>, 11> k = {{
        {"$schema", "version", "sources", "organisations", "collaborations", "events", "note"},
        {"id", "title", "publisher", "published", "file", "url", "archived_url", "note"},
        {"id", "name", "abbr", "names", "kind", "industry", "region", "city", "lat", "lon", "parent", "sources", "inferred", "note",
         "translations"},
        {"lang", "text"},
        {"id", "title", "kind", "participants", "start", "start_bound", "end", "topics", "facts", "summary", "translations", "evidence",
         "parent", "inferred", "note"},
        {"org", "role", "note"},
        {"label", "translations", "value", "unit", "year", "qualifier", "source", "quote", "note"},
        {"source", "quote"},
        {"id", "collaboration", "date", "kind", "title", "translations", "source", "quote", "inferred", "note"},
        {"lang", "title", "label", "summary", "city", "note"},
        {},
    }};
    return k[static_cast<size_t>(c)];
}

// The context of the elements (arrays) or the value (objects) under member key of a c.
Ctx child_ctx(Ctx c, std::string_view key) {
    switch (c) {
        case Ctx::Top:
            return key == "sources"          ? Ctx::Source
                   : key == "organisations"  ? Ctx::Org
                   : key == "collaborations" ? Ctx::Collab
                   : key == "events"         ? Ctx::Event
                                             : Ctx::Other;
        case Ctx::Org:
            return key == "names" ? Ctx::OrgName : key == "translations" ? Ctx::Translation : Ctx::Other;
        case Ctx::Collab:
            return key == "participants"   ? Ctx::Participant
                   : key == "facts"        ? Ctx::Fact
                   : key == "evidence"     ? Ctx::Evidence
                   : key == "translations" ? Ctx::Translation
                                           : Ctx::Other;
        case Ctx::Fact:
        case Ctx::Event:
            return key == "translations" ? Ctx::Translation : Ctx::Other;
        default:
            return Ctx::Other;
    }
}

// The members of an object in canonical order: known keys by their rank, then the others as given.
std::vector<std::pair<const std::string*, const OJson*>> ordered_members(const OJson& obj, Ctx c) {
    const auto& order = key_order(c);
    std::vector<std::pair<size_t, std::pair<const std::string*, const OJson*>>> ranked;
    size_t i = 0;
    for (auto it = obj.begin(); it != obj.end(); ++it, ++i) {
        auto pos = std::find(order.begin(), order.end(), std::string_view(it.key()));
        const size_t rank = pos != order.end() ? static_cast<size_t>(pos - order.begin()) : order.size() + i;
        ranked.push_back({rank, {&it.key(), &it.value()}});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<const std::string*, const OJson*>> out;
    out.reserve(ranked.size());
    for (auto& r : ranked) out.push_back(r.second);
    return out;
}

void put_scalar(const OJson& v, std::string& out) { out += v.dump(-1, ' ', false, OJson::error_handler_t::replace); }

void put_key(const std::string& k, std::string& out) {
    put_scalar(OJson(k), out);
    out += ": ";
}

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// Appends v on one line; false (out then holds a cut-off prefix) as soon as out would pass limit.
bool one_line(const OJson& v, Ctx c, size_t limit, std::string& out) {
    if (!v.is_structured()) {
        put_scalar(v, out);
        return out.size() <= limit || code_points(out) <= limit;
    }
    const bool obj = v.is_object();
    out += obj ? '{' : '[';
    bool first = true;
    if (obj) {
        for (auto& m : ordered_members(v, c)) {
            if (!first) out += ", ";
            first = false;
            put_key(*m.first, out);
            if (!one_line(*m.second, child_ctx(c, *m.first), limit, out)) return false;
        }
    } else {
        for (const OJson& e : v) {
            if (!first) out += ", ";
            first = false;
            if (!one_line(e, c, limit, out)) return false;
        }
    }
    out += obj ? '}' : ']';
    return out.size() <= limit || code_points(out) <= limit;
}

// Writes head (indentation and key) then v, then tail ("," or ""), over as many lines as needed.
void write_value(const OJson& v, Ctx c, int indent, const std::string& head, const char* tail, std::string& out) {
    const size_t tail_len = std::char_traits<char>::length(tail);
    if (v.is_structured() && !v.empty()) {
        std::string line = head;
        if (one_line(v, c, kCanonicalWidth - tail_len, line)) {
            out += line;
            out += tail;
            out += '\n';
            return;
        }
        const bool obj = v.is_object();
        out += head;
        out += obj ? "{\n" : "[\n";
        const std::string pad(static_cast<size_t>(indent + 2), ' ');
        const size_t n = v.size();
        size_t i = 0;
        if (obj) {
            for (auto& m : ordered_members(v, c)) {
                std::string h = pad;
                put_key(*m.first, h);
                write_value(*m.second, child_ctx(c, *m.first), indent + 2, h, ++i < n ? "," : "", out);
            }
        } else {
            for (const OJson& e : v) write_value(e, c, indent + 2, pad, ++i < n ? "," : "", out);
        }
        out.append(static_cast<size_t>(indent), ' ');
        out += obj ? '}' : ']';
        out += tail;
        out += '\n';
        return;
    }
    out += head;
    if (v.is_structured())
        out += v.is_object() ? "{}" : "[]";
    else
        put_scalar(v, out);
    out += tail;
    out += '\n';
}

bool is_schema_doc(const OJson& root) {
    if (!root.is_object()) return false;
    for (const char* k : {"sources", "organisations", "collaborations", "events"})
        if (root.contains(k)) return false;
    auto it = root.find("$schema");
    if (it == root.end() || !it->is_string()) return false;
    const std::string& s = it->get_ref<const std::string&>();
    return s.rfind("https://json-schema.org/", 0) == 0 || s.rfind("http://json-schema.org/", 0) == 0;
}

}  // namespace

std::string write_canonical(const OJson& root) {
    std::string out;
    write_value(root, Ctx::Top, 0, "", "", out);
    return out;
}

bool parse_ojson(std::string_view text, OJson& out) {
    out = OJson::parse(text.begin(), text.end(), nullptr, false);
    return !out.is_discarded();
}

FormatOutcome format_dataset_text(std::string_view text, int max_depth) {
    FormatOutcome r;
    JsonDoc doc;
    if (!doc.parse(text, max_depth, r.error)) {
        if (r.error.too_deep) r.error.message = "nesting deeper than " + std::to_string(max_depth) + " levels";
        r.status = FormatStatus::Invalid;
        return r;
    }
    doc.clear();
    OJson root;
    if (!parse_ojson(text, root)) {
        r.status = FormatStatus::Invalid;
        r.error.message = "invalid JSON";
        return r;
    }
    if (is_schema_doc(root)) {
        r.status = FormatStatus::Schema;
        return r;
    }
    r.text = write_canonical(root);
    return r;
}

}  // namespace ca
