// The edit forms' rules: the field tables per kind (enums as in data/schema.json, checked by a
// test), typed text -> JSON, element values by pointer, pointer -> field, id search, quote check.
#include "core/edit_fields.h"

#include "core/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/i18n.h"
#include "core/json_canonical.h"
#include "core/quote_check.h"

namespace ca {

namespace {

using Enums = std::map<std::string, std::vector<std::string>, std::less<>>;

const Enums& enums() {
    static const Enums e = {
        {"lang", {"zh-Hant", "zh-Hans", "ko", "ja"}},
        {"orgKind", {"government", "research_institute", "university", "company", "association", "consortium", "group"}},
        {"industry",
         {"idm", "foundry", "osat", "equipment", "materials", "fabless", "ems", "electronics", "machinery", "automation", "it_services",
          "display", "property", "other"}},
        {"region", {"hong_kong", "gba", "korea", "taiwan", "japan", "us", "eu", "other"}},
        {"collabKind", {"consortium", "mou", "forum", "joint_research", "course", "internship", "scholarship", "mentorship", "alliance"}},
        {"role", {"lead", "member", "sponsor", "signatory", "host", "partner", "organiser", "speaker", "supporter", "witness"}},
        {"unit", {"USD", "TWD", "students", "interns", "hours", "projects", "courses", "schools", "people", "percent", "years"}},
        {"qualifier", {"over", "about", "almost", "nearly", "at_least", "per_year"}},
        {"start_bound", {"on", "by"}},
        {"eventKind", {"signing", "launch", "conference", "forum", "graduation", "milestone", "report"}},
        {"orgInferred", {"id", "name", "abbr", "names", "kind", "industry", "region", "city", "lat", "lon", "parent", "sources", "note"}},
        {"collabInferred",
         {"id", "title", "kind", "participants", "start", "end", "topics", "facts", "summary", "evidence", "parent", "note"}},
        {"eventInferred", {"id", "collaboration", "date", "kind", "title", "source", "quote"}},
        {"topic",
         {"advanced_packaging", "3d_ic", "third_gen_semiconductors", "smart_manufacturing", "ai_iiot", "talent", "net_zero",
          "sustainability", "wireless_chips", "automation", "5g_mmwave", "optoelectronics", "materials", "equipment", "reindustrialisation",
          "commercialisation"}},
    };
    return e;
}

FormField F(std::string key, std::string label, FieldType t, bool required = false) {
    FormField f;
    f.key = std::move(key);
    f.label = std::move(label);
    f.type = t;
    f.required = required;
    return f;
}
FormField E(std::string key, std::string label, std::string_view def, bool required = false) {
    FormField f = F(std::move(key), std::move(label), FieldType::Enum, required);
    f.choices = schema_enum(def);
    return f;
}
FormField I(std::string key, std::string label, EditKind ref, bool required = false) {
    FormField f = F(std::move(key), std::move(label), FieldType::Id, required);
    f.ref = ref;
    return f;
}
FormField L(std::string key, std::string label, std::string item_label, std::vector<FormField> items, bool required = false) {
    FormField f = F(std::move(key), std::move(label), FieldType::List, required);
    f.item_label = std::move(item_label);
    f.items = std::move(items);
    return f;
}
FormField LV(std::string key, std::string label, std::string item_label, FieldType item, std::string_view def_or_empty,
             EditKind ref = EditKind::Source) {
    FormField f = F(std::move(key), std::move(label), FieldType::List);
    f.item_label = std::move(item_label);
    f.item_type = item;
    f.ref = ref;
    if (!def_or_empty.empty()) f.choices = schema_enum(def_or_empty);
    return f;
}

std::vector<FormField> make(EditKind k) {
    using T = FieldType;
    switch (k) {
        case EditKind::Source:
            return {F("title", NC_("edit field", "Title"), T::Text, true),   F("publisher", NC_("edit field", "Publisher"), T::Text, true),
                    F("url", NC_("edit field", "URL"), T::Text, true),       F("archived_url", NC_("edit field", "Archived URL"), T::Text),
                    F("published", NC_("edit field", "Published"), T::Date), F("file", NC_("edit field", "Text file"), T::Text, true),
                    F("note", NC_("edit field", "Note"), T::LongText)};
        case EditKind::Organisation:
            return {F("name", NC_("edit field", "Name"), T::Text, true),
                    F("abbr", NC_("edit field", "Abbreviation"), T::Text),
                    L("names", NC_("edit field", "Other scripts"), NC_("edit field", "Other script"),
                      {E("lang", NC_("edit field", "Language"), "lang", true), F("text", NC_("edit field", "Name"), T::Text, true)}),
                    E("kind", NC_("edit field", "Kind"), "orgKind", true),
                    E("industry", NC_("edit field", "Industry"), "industry"),
                    E("region", NC_("edit field", "Region"), "region", true),
                    F("city", NC_("edit field", "City"), T::Text),
                    F("lat", NC_("edit field", "Latitude"), T::Number),
                    F("lon", NC_("edit field", "Longitude"), T::Number),
                    I("parent", NC_("edit field", "Parent"), EditKind::Organisation),
                    LV("sources", NC_("edit field", "Sources"), NC_("edit field", "Source"), T::Id, "", EditKind::Source),
                    LV("inferred", NC_("edit field", "Inferred fields"), NC_("edit field", "Inferred field"), T::Enum, "orgInferred"),
                    F("note", NC_("edit field", "Note"), T::LongText),
                    L("translations", NC_("edit field", "Translations"), NC_("edit field", "Translation"),
                      {E("lang", NC_("edit field", "Language"), "lang", true), F("city", NC_("edit field", "City"), T::Text),
                       F("note", NC_("edit field", "Note"), T::LongText), F("name", NC_("edit field", "Name (groups only)"), T::Text)})};
        case EditKind::Collaboration:
            return {
                F("title", NC_("edit field", "Title"), T::Text, true),
                E("kind", NC_("edit field", "Kind"), "collabKind", true),
                LV("topics", NC_("edit field", "Topics"), NC_("edit field", "Topic"), T::Enum, "topic"),
                F("start", NC_("edit field", "Start"), T::Date, true),
                E("start_bound", NC_("edit field", "Start is"), "start_bound"),
                F("end", NC_("edit field", "End"), T::Date),
                L("participants", NC_("edit field", "Participants"), NC_("edit field", "Participant"),
                  {I("org", NC_("edit field", "Organisation"), EditKind::Organisation, true),
                   E("role", NC_("edit field", "Role"), "role", true), F("note", NC_("edit field", "Note"), T::LongText)},
                  true),
                F("summary", NC_("edit field", "Summary"), T::LongText, true),
                L("translations", NC_("edit field", "Translations"), NC_("edit field", "Translation"),
                  {E("lang", NC_("edit field", "Language"), "lang", true), F("title", NC_("edit field", "Title"), T::Text),
                   F("summary", NC_("edit field", "Summary"), T::LongText), F("note", NC_("edit field", "Note"), T::LongText)}),
                L("facts", NC_("edit field", "Facts"), NC_("edit field", "Fact"),
                  {F("label", NC_("edit field", "Label"), T::Text, true), F("value", NC_("edit field", "Value"), T::Number, true),
                   E("unit", NC_("edit field", "Unit"), "unit", true), E("qualifier", NC_("edit field", "Qualifier"), "qualifier"),
                   F("year", NC_("edit field", "Year"), T::Integer, true), I("source", NC_("edit field", "Source"), EditKind::Source, true),
                   F("quote", NC_("edit field", "Quote"), T::LongText, true),
                   L("translations", NC_("edit field", "Translations"), NC_("edit field", "Translation"),
                     {E("lang", NC_("edit field", "Language"), "lang", true), F("label", NC_("edit field", "Label"), T::Text, true)})}),
                L("evidence", NC_("edit field", "Evidence"), NC_("edit field", "Evidence"),
                  {I("source", NC_("edit field", "Source"), EditKind::Source, true),
                   F("quote", NC_("edit field", "Quote"), T::LongText, true)},
                  true),
                I("parent", NC_("edit field", "Parent"), EditKind::Collaboration),
                LV("inferred", NC_("edit field", "Inferred fields"), NC_("edit field", "Inferred field"), T::Enum, "collabInferred"),
                F("note", NC_("edit field", "Note"), T::LongText)};
        default:
            return {F("title", NC_("edit field", "Title"), T::Text, true),
                    L("translations", NC_("edit field", "Translations"), NC_("edit field", "Translation"),
                      {E("lang", NC_("edit field", "Language"), "lang", true), F("title", NC_("edit field", "Title"), T::Text, true)}),
                    I("collaboration", NC_("edit field", "Collaboration"), EditKind::Collaboration, true),
                    F("date", NC_("edit field", "Date"), T::Date, true),
                    E("kind", NC_("edit field", "Kind"), "eventKind", true),
                    I("source", NC_("edit field", "Source"), EditKind::Source, true),
                    F("quote", NC_("edit field", "Quote"), T::LongText, true),
                    LV("inferred", NC_("edit field", "Inferred fields"), NC_("edit field", "Inferred field"), T::Enum, "eventInferred"),
                    F("note", NC_("edit field", "Note"), T::LongText)};
    }
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

void flatten(const OJson& v, const std::string& at, FormValues& out) {
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) flatten(it.value(), at + "/" + it.key(), out);
    } else if (v.is_array()) {
        out.lists[at] = v.size();
        for (size_t i = 0; i < v.size(); ++i) flatten(v[i], at + "/" + std::to_string(i), out);
    } else if (v.is_string()) {
        out.leaf[at] = v.get<std::string>();
    } else if (!v.is_null()) {
        out.leaf[at] = v.dump();
    }
}

}  // namespace

const std::vector<std::string>& schema_enum(std::string_view def) {
    static const std::vector<std::string> none;
    auto it = enums().find(def);
    return it == enums().end() ? none : it->second;
}

const std::vector<FormField>& form_fields(EditKind k) {
    static const std::vector<FormField> forms[4] = {make(EditKind::Source), make(EditKind::Organisation), make(EditKind::Collaboration),
                                                    make(EditKind::Event)};
    return forms[static_cast<int>(k)];
}

const char* edit_kind_label(EditKind k) {
    static const char* const kOne[] = {NC_("edit kind", "source"), NC_("edit kind", "organisation"), NC_("edit kind", "collaboration"),
                                       NC_("edit kind", "event")};
    return trc("edit kind", kOne[static_cast<int>(k)]);
}
const char* edit_kinds_label(EditKind k) {
    static const char* const kMany[] = {NC_("edit kind", "Sources"), NC_("edit kind", "Organisations"), NC_("edit kind", "Collaborations"),
                                        NC_("edit kind", "Events")};
    return trc("edit kind", kMany[static_cast<int>(k)]);
}
const char* field_label(const FormField& f) { return trc("edit field", f.label.c_str()); }
const char* item_label(const FormField& f) { return trc("edit field", f.item_label.empty() ? f.label.c_str() : f.item_label.c_str()); }

std::string json_string(std::string_view s) { return OJson(std::string(s)).dump(-1, ' ', false, OJson::error_handler_t::replace); }

std::string form_value_json(FieldType type, std::string_view typed, bool required) {
    if (typed.empty() && !required) return "";
    if (type == FieldType::Number || type == FieldType::Integer) {
        const std::string t(typed);
        char* end = nullptr;
        const double v = std::strtod(t.c_str(), &end);
        const bool whole = !t.empty() && end == t.c_str() + t.size();
        if (whole && type == FieldType::Integer && v == static_cast<double>(static_cast<long long>(v)) && v > -1e15 && v < 1e15)
            return std::to_string(static_cast<long long>(v));
        if (whole && type == FieldType::Number && v == v && v - v == 0) {
            OJson n = v;
            return n.dump();
        }
    }
    return json_string(typed);
}

std::string date_from_parts(int precision, std::string_view year, std::string_view month, std::string_view day, std::string& why) {
    auto digits = [](std::string_view t) { return !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos; };
    why.clear();
    if (year.size() != 4 || !digits(year)) {
        why = year.empty() ? "type the year" : "the year is four digits";
        return "";
    }
    std::string text(year);
    const std::string_view parts[] = {month, day};
    static const char* const kNames[] = {"month", "day"};
    for (int i = 0; i < precision && i < 2; ++i) {
        std::string_view t = parts[i];
        if (t.empty() || t.size() > 2 || !digits(t)) {
            why = t.empty() ? std::string("type the ") + kNames[i] : std::string("the ") + kNames[i] + " is a number";
            return "";
        }
        text += "-" + std::string(t.size() == 1 ? "0" : "") + std::string(t);
    }
    Date d;
    if (!parse_date(text, d, &why)) return "";
    return text;
}

std::string new_item_json(const FormField& list) {
    std::string out = "{";
    for (const FormField& f : list.items) {
        if (!f.required) continue;
        if (out.size() > 1) out += ", ";
        out += json_string(f.key);
        if (f.type == FieldType::Enum && !f.choices.empty())
            out += ": " + json_string(f.choices.front());
        else
            out += f.type == FieldType::Number || f.type == FieldType::Integer ? ": 0" : ": \"\"";
    }
    return out + "}";
}

std::string FormValues::get(const std::string& pointer) const {
    auto it = leaf.find(pointer);
    return it == leaf.end() ? std::string() : it->second;
}
size_t FormValues::count(const std::string& pointer) const {
    auto it = lists.find(pointer);
    return it == lists.end() ? 0 : it->second;
}

FormValues form_values(const EditSession& s, EditKind kind, std::string_view id) {
    FormValues out;
    OJson e;
    const std::string text = s.element_text(kind, id);
    if (text.empty() || !parse_ojson(text, e)) return out;
    flatten(e, "", out);
    return out;
}

const FormField* form_field_at(EditKind kind, std::string_view pointer, bool& plain_item) {
    plain_item = false;
    std::vector<std::string> tok;
    if (!split_pointer(pointer, tok) || tok.empty()) return nullptr;
    const std::vector<FormField>* fields = &form_fields(kind);
    const FormField* f = nullptr;
    for (size_t t = 0; t < tok.size(); ++t) {
        const auto it = std::find_if(fields->begin(), fields->end(), [&](const FormField& x) { return x.key == tok[t]; });
        if (it == fields->end()) return nullptr;
        f = &*it;
        if (t + 1 == tok.size()) return f;
        // A list's item: its index, then (a list of objects) the sub-field's key.
        const std::string& index = tok[t + 1];
        if (f->type != FieldType::List || index.empty() || index.size() > 6 || index.find_first_not_of("0123456789") != std::string::npos)
            return nullptr;
        ++t;
        if (f->items.empty()) {
            plain_item = t + 1 == tok.size();
            return plain_item ? f : nullptr;
        }
        if (t + 1 == tok.size()) return nullptr;  // a whole item of objects: no one field
        fields = &f->items;
    }
    return f;
}

FormFocus form_focus(EditKind kind, std::string_view p) {
    FormFocus f;
    if (p.size() < 2 || p[0] != '/') return f;
    auto next = [&](size_t from) { return p.find('/', from) == std::string_view::npos ? p.size() : p.find('/', from); };
    const size_t e1 = next(1);
    const std::string_view key = p.substr(1, e1 - 1);
    const auto& fields = form_fields(kind);
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].key == key) f.field = static_cast<int>(i);
    if (f.field < 0 || e1 >= p.size() || fields[static_cast<size_t>(f.field)].type != FieldType::List) return f;
    const size_t e2 = next(e1 + 1);
    const std::string item(p.substr(e1 + 1, e2 - e1 - 1));
    if (item.empty() || item.size() > 6 || item.find_first_not_of("0123456789") != std::string::npos) return f;
    f.item = std::atoi(item.c_str());
    if (e2 < p.size()) {
        const size_t e3 = next(e2 + 1);
        f.sub = std::string(p.substr(e2 + 1, e3 - e2 - 1));
    }
    return f;
}

std::string missing_field(std::string_view message) {
    constexpr std::string_view kHead = "missing required field \"";
    if (message.substr(0, kHead.size()) != kHead) return "";
    const std::string_view rest = message.substr(kHead.size());
    const size_t end = rest.find('"');
    if (end == std::string_view::npos || end == 0 || rest.substr(0, end).find_first_of("/~") != std::string_view::npos) return "";
    return "/" + std::string(rest.substr(0, end));
}

std::vector<std::string> pick_ids(const Dataset& d, EditKind kind, std::string_view query, size_t max, std::vector<std::string>* labels) {
    std::vector<std::string> out;
    const std::string q = lower(query);
    auto consider = [&](const std::string& id, const std::string& name) {
        if (out.size() >= max) return;
        if (!q.empty() && lower(id).find(q) == std::string::npos && lower(name).find(q) == std::string::npos) return;
        out.push_back(id);
        if (labels) labels->push_back(name.empty() ? id : id + " \xE2\x80\x94 " + name);
    };
    switch (kind) {
        case EditKind::Source:
            for (auto& x : d.sources) consider(x.id, x.title);
            break;
        case EditKind::Organisation:
            for (auto& x : d.organisations) consider(x.id, x.abbr.empty() ? x.name : x.name + " (" + x.abbr + ")");
            break;
        case EditKind::Collaboration:
            for (auto& x : d.collaborations) consider(x.id, x.title);
            break;
        default:
            for (auto& x : d.events) consider(x.id, x.title);
    }
    return out;
}

std::string quote_status(std::string_view text, std::string_view quote, std::string_view text_name) {
    if (text.empty() || quote.empty()) return "";
    const QuoteMatch m = find_quote(text, quote);
    return m.found ? "" : quote_mismatch_message(m, text, text_name);
}

std::vector<std::string> source_sentences(std::string_view text, size_t max) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const size_t a = cur.find_first_not_of(" \t\r\n"), b = cur.find_last_not_of(" \t\r\n");
        if (a != std::string::npos && out.size() < max) out.push_back(cur.substr(a, std::min<size_t>(b - a + 1, 400)));
        cur.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
            flush();
            continue;
        }
        cur += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
        const bool ascii_end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
        // 。！？ end a sentence in CJK text (their UTF-8 ends in these bytes after E3 80 / EF BC)
        const bool cjk_end =
            i >= 2 && ((static_cast<unsigned char>(text[i - 2]) == 0xE3 && static_cast<unsigned char>(text[i - 1]) == 0x80 &&
                        static_cast<unsigned char>(c) == 0x82) ||
                       (static_cast<unsigned char>(text[i - 2]) == 0xEF && static_cast<unsigned char>(text[i - 1]) == 0xBC &&
                        (static_cast<unsigned char>(c) == 0x81 || static_cast<unsigned char>(c) == 0x9F)));
        if (ascii_end || cjk_end) flush();
    }
    flush();
    return out;
}

}  // namespace ca
