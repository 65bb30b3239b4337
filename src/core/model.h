// The chipatlas data model: sources, organisations, collaborations and events, with the
// enumerations the dataset uses and their id <-> label tables. Indices are stable ints.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/dates.h"
#include "core/i18n.h"
#include "core/id_index.h"

namespace ca {

enum class OrgKind : uint8_t { Government, ResearchInstitute, University, Company, Association, Consortium, Group, Count };
enum class Industry : uint8_t {
    None,
    Idm,
    Foundry,
    Osat,
    Equipment,
    Materials,
    Fabless,
    Ems,
    Electronics,
    Machinery,
    Automation,
    ItServices,
    Display,
    Property,
    Other,
    Count
};
enum class Region : uint8_t { HongKong, Gba, Korea, Taiwan, Japan, Us, Eu, Other, Count };
enum class CollabKind : uint8_t { Consortium, Mou, Forum, JointResearch, Course, Internship, Scholarship, Mentorship, Alliance, Count };
enum class Role : uint8_t { Lead, Member, Sponsor, Signatory, Host, Partner, Organiser, Speaker, Supporter, Witness, Count };
enum class EventKind : uint8_t { Signing, Launch, Conference, Forum, Graduation, Milestone, Report, Count };
enum class Lang : uint8_t { ZhHant, ZhHans, Ko, Ja, Count };

// Stable machine ids ("research_institute") and human labels ("Research institute").
template <class E>
struct EnumInfo {
    const char* id;
    const char* label;
};
const EnumInfo<OrgKind>* org_kind_table();
const EnumInfo<Industry>* industry_table();
const EnumInfo<Region>* region_table();
const EnumInfo<CollabKind>* collab_kind_table();
const EnumInfo<Role>* role_table();
const EnumInfo<EventKind>* event_kind_table();
const EnumInfo<Lang>* lang_table();

template <class E>
const EnumInfo<E>* enum_table();
template <>
inline const EnumInfo<OrgKind>* enum_table<OrgKind>() {
    return org_kind_table();
}
template <>
inline const EnumInfo<Industry>* enum_table<Industry>() {
    return industry_table();
}
template <>
inline const EnumInfo<Region>* enum_table<Region>() {
    return region_table();
}
template <>
inline const EnumInfo<CollabKind>* enum_table<CollabKind>() {
    return collab_kind_table();
}
template <>
inline const EnumInfo<Role>* enum_table<Role>() {
    return role_table();
}
template <>
inline const EnumInfo<EventKind>* enum_table<EventKind>() {
    return event_kind_table();
}
template <>
inline const EnumInfo<Lang>* enum_table<Lang>() {
    return lang_table();
}

template <class E>
constexpr int enum_count() {
    return static_cast<int>(E::Count);
}
template <class E>
const char* enum_id(E e) {
    return enum_table<E>()[static_cast<int>(e)].id;
}
// The msgctxt of an enumeration's labels in the catalogues (core/i18n.h): one English word
// ("Forum") can be a collaboration kind and an event kind, translated apart.
template <class E>
constexpr const char* enum_context() {
    if constexpr (std::is_same_v<E, OrgKind>)
        return "organisation kind";
    else if constexpr (std::is_same_v<E, Industry>)
        return "industry";
    else if constexpr (std::is_same_v<E, Region>)
        return "region";
    else if constexpr (std::is_same_v<E, CollabKind>)
        return "collaboration kind";
    else if constexpr (std::is_same_v<E, Role>)
        return "role";
    else if constexpr (std::is_same_v<E, EventKind>)
        return "event kind";
    else
        return nullptr;  // Lang: the languages' own names
}
// The label in the interface language; enum_label_en: as the table spells it (English).
template <class E>
const char* enum_label_en(E e) {
    return enum_table<E>()[static_cast<int>(e)].label;
}
template <class E>
const char* enum_label(E e) {
    return trc(enum_context<E>(), enum_label_en(e));
}
template <class E>
bool parse_enum(std::string_view s, E& out) {
    for (int i = 0; i < enum_count<E>(); ++i)
        if (s == enum_table<E>()[i].id) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}
// "a, b or c" list of the valid ids, for error messages.
template <class E>
std::string enum_choices() {
    std::string s;
    for (int i = 0; i < enum_count<E>(); ++i) {
        if (i) s += (i + 1 == enum_count<E>()) ? " or " : ", ";
        s += enum_table<E>()[i].id;
    }
    return s;
}

bool region_on_map(Region r);
const char* topic_label(std::string_view topic);  // translated; nullptr for an unknown topic
const char* unit_label(std::string_view unit);    // translated; nullptr for an unknown unit
bool known_qualifier(std::string_view q);
// The known topic, unit and qualifier ids, in table order (for "allowed: ..." in messages).
std::vector<std::string_view> topic_ids();
std::vector<std::string_view> unit_ids();
std::vector<std::string_view> qualifier_ids();

// The longest url or archived_url a source may have (the loader refuses longer ones).
inline constexpr size_t kMaxUrlLength = 2048;
// An absolute http:// or https:// URL (scheme in any case) with a host, at most kMaxUrlLength
// bytes, no spaces or control characters: the only URLs the atlas opens or links to.
bool is_web_url(std::string_view url);

struct Source {
    std::string id, title, publisher, file, note;
    std::string url;           // the original article (http or https)
    std::string archived_url;  // an archived copy of it, or empty
    bool has_published = false;
    Date published;
};

struct LocalName {
    Lang lang;
    std::string text;
};

// A text or two in one language (`translations` in the data): a collaboration's title and
// summary (either may be empty: then the English one shows), an event's title, a fact's label
// (in `title`), an organisation's city (in `title`), note (in `summary`) and, for a group, its
// descriptive name (in `name`).
struct LocalText {
    Lang lang = Lang::ZhHant;
    std::string title, summary;
    std::string note;  // a collaboration's note
    std::string name;  // a group's descriptive name ("Korean fabless firms (unnamed)")
};

struct Organisation {
    std::string id, name, abbr, city, note, parent_id;
    std::vector<LocalName> names;
    std::vector<LocalText> translations;  // its city (`title`), note (`summary`), a group's name (`name`), per language
    OrgKind kind = OrgKind::Company;
    Industry industry = Industry::None;
    Region region = Region::Other;
    bool has_coords = false;
    double lat = 0, lon = 0;
    int parent = -1;
    std::vector<int> sources;
    std::vector<std::string> inferred;
    bool is_inferred(std::string_view field) const;
    const std::string& short_name() const { return abbr.empty() ? name : abbr; }
    const LocalName* native() const { return names.empty() ? nullptr : &names.front(); }
    // Its name in the script of an interface language (zh-Hant, zh-Hans, ko, ja), or null.
    const LocalName* name_in(Locale l) const;
    // Its city and note in an interface language (the English when that language has none).
    const std::string& city_in(Locale l) const;
    const std::string& note_in(Locale l) const;
    // Its name as the interface language shows it: a group's descriptive name ("Korean fabless
    // firms (unnamed)") is text, translated when the data has it; any other organisation's name
    // is its own (in every language; name_in gives it in that language's script).
    const std::string& shown_name(Locale l) const;
    const std::string& shown_short_name(Locale l) const { return abbr.empty() ? shown_name(l) : abbr; }
};

struct Participant {
    int org = -1;
    Role role = Role::Member;
};

struct Evidence {
    int source = -1;
    std::string quote;
};

struct Fact {
    std::string label, unit, qualifier, quote;
    std::vector<LocalText> translations;  // its label (in `title`), at most one per language
    double value = 0;
    int year = 0;
    int source = -1;
    const std::string& label_in(Locale l) const;  // the label in an interface language, else English
};

// The data language an interface language reads (Lang::Count for English and en-XA).
Lang lang_of(Locale l);
// A text in the interface language: the field of the first translation in l's language that has
// it, else the original (Collaboration's title and summary, a story caption's title and text).
template <class Translation>
const std::string& translated(const std::vector<Translation>& translations, std::string Translation::*field, Locale l,
                              const std::string& original) {
    const Lang want = lang_of(l);
    for (const Translation& t : translations)
        if (t.lang == want && !(t.*field).empty()) return t.*field;
    return original;
}

struct Collaboration {
    std::string id, title, summary, note, parent_id;
    std::vector<LocalText> translations;  // at most one per language
    CollabKind kind = CollabKind::Mou;
    std::vector<Participant> participants;
    Interval interval;
    std::vector<std::string> topics;
    std::vector<Fact> facts;
    std::vector<Evidence> evidence;
    std::vector<std::string> inferred;
    int parent = -1;
    int hub = -1;  // organisation at the centre of the drawing (the lead, else the first participant)
    bool is_inferred(std::string_view field) const;
    // The title and summary in an interface language when the data has them, else English.
    const std::string& title_in(Locale l) const;
    const std::string& summary_in(Locale l) const;
    const std::string& note_in(Locale l) const;  // where its values come from, in l's language, else English
};

struct Event {
    std::string id, title, quote;
    std::vector<LocalText> translations;          // its title, at most one per language
    const std::string& title_in(Locale l) const;  // the title in an interface language, else English
    int collaboration = -1;
    Date date;
    EventKind kind = EventKind::Milestone;
    int source = -1;
    std::vector<std::string> inferred;
};

// Flat copies of what the per-frame passes (visibility, the map's arc grouping, legend totals)
// read, built by Dataset::finalise: contiguous arrays instead of 100k heap-allocated
// participant lists. Participants of collaboration i: part_org[part_begin[i] .. part_begin[i+1]).
struct FlatIndex {
    std::vector<uint32_t> part_begin;  // collaborations + 1 entries
    std::vector<int> part_org;
    std::vector<double> lo, hi;  // Interval::lo() / hi() of each collaboration (hi: +inf when open)
    std::vector<CollabKind> kind;
    std::vector<int> hub;            // Collaboration::hub
    std::vector<int> facts;          // number of facts of each collaboration
    std::vector<Region> org_region;  // per organisation
    std::vector<OrgKind> org_kind;
    std::vector<uint8_t> org_has_coords;
    int collab_kind_total[static_cast<int>(CollabKind::Count)] = {};
    int org_kind_total[static_cast<int>(OrgKind::Count)] = {};
    int org_region_total[static_cast<int>(Region::Count)] = {};
    // Built for exactly these sizes (a dataset edited after finalise must call it again).
    bool matches(size_t organisations, size_t collaborations) const {
        return part_begin.size() == collaborations + 1 && org_region.size() == organisations;
    }
};

struct Dataset;
// "no", "one", "two" ... "twelve", then digits ("13"): small counts in running text.
std::string count_in_words(size_t n);
// The About dialog's provenance sentence, counted from the data: "Every fact comes from four
// public texts (see each item's sources)." ("one public text" for one source).
std::string provenance_sentence(const Dataset& ds);
FlatIndex make_flat_index(const Dataset& ds);
// ds.flat when it is current, else a fresh index built into scratch (datasets made by hand).
const FlatIndex& flat_index(const Dataset& ds, FlatIndex& scratch);

struct Dataset {
    std::vector<Source> sources;
    std::vector<Organisation> organisations;
    std::vector<Collaboration> collaborations;
    std::vector<Event> events;                           // sorted by date after loading
    IdIndex source_ids, org_ids, collab_ids, event_ids;  // id -> index into the vector above

    int find_org(std::string_view id) const;
    int find_collab(std::string_view id) const;
    // Earliest start and latest end/start (day numbers) over collaborations and events.
    double time_min = 0, time_max = 0;
    FlatIndex flat;
    void finalise();          // computes hubs, time extent, the flat index; sorts events
    void build_flat_index();  // the flat index alone (part of finalise)
};

// The web site's wasm embeds the bundled data without its translations; each language's
// catalogue carries them (tools/i18n/data_translations.py: msgctxt kDataTitleContext,
// kDataSummaryContext or kDataCollabNoteContext with the collaboration's id, kDataFactLabelContext with fact_key,
// kDataEventTitleContext with the event's id). Gives each collaboration, fact and event that has
// no translation into l's language the catalogue's; the number given.
size_t add_catalogue_translations(Dataset& ds, Locale l, const Catalogue& c);
// A fact's msgid in the catalogues: its collaboration's id, "/", its index among the
// collaboration's facts ("metc/0").
std::string fact_key(std::string_view collaboration_id, size_t index);

}  // namespace ca
