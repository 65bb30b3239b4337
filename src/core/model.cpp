// Enumeration tables of the data model and small Dataset helpers (look-ups, time extent).
// The tables are the single place where a kind's id and label are spelt.
#include "core/model.h"

#include "core/i18n.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>

namespace ca {

const EnumInfo<OrgKind>* org_kind_table() {
    static const EnumInfo<OrgKind> t[] = {{"government", NC_("organisation kind", "Government body")},
                                          {"research_institute", NC_("organisation kind", "Research institute")},
                                          {"university", NC_("organisation kind", "University")},
                                          {"company", NC_("organisation kind", "Company")},
                                          {"association", NC_("organisation kind", "Association")},
                                          {"consortium", NC_("organisation kind", "Consortium")},
                                          {"group", NC_("organisation kind", "Group of organisations")}};
    return t;
}
const EnumInfo<Industry>* industry_table() {
    static const EnumInfo<Industry> t[] = {{"none", ""},
                                           {"idm", NC_("industry", "IDM")},
                                           {"foundry", NC_("industry", "Foundry")},
                                           {"osat", NC_("industry", "OSAT")},
                                           {"equipment", NC_("industry", "Equipment")},
                                           {"materials", NC_("industry", "Materials")},
                                           {"fabless", NC_("industry", "Fabless")},
                                           {"ems", NC_("industry", "EMS")},
                                           {"electronics", NC_("industry", "Electronics")},
                                           {"machinery", NC_("industry", "Machinery")},
                                           {"automation", NC_("industry", "Automation")},
                                           {"it_services", NC_("industry", "IT services")},
                                           {"display", NC_("industry", "Display")},
                                           {"property", NC_("industry", "Property")},
                                           {"other", NC_("industry", "Other")}};
    return t;
}
const EnumInfo<Region>* region_table() {
    static const EnumInfo<Region> t[] = {{"hong_kong", NC_("region", "Hong Kong")}, {"gba", NC_("region", "GBA (mainland)")},
                                         {"korea", NC_("region", "South Korea")},   {"taiwan", NC_("region", "Taiwan")},
                                         {"japan", NC_("region", "Japan")},         {"us", NC_("region", "United States")},
                                         {"eu", NC_("region", "European Union")},   {"other", NC_("region", "Elsewhere")}};
    return t;
}
const EnumInfo<CollabKind>* collab_kind_table() {
    static const EnumInfo<CollabKind> t[] = {{"consortium", NC_("collaboration kind", "Consortium")},
                                             {"mou", NC_("collaboration kind", "MoU")},
                                             {"forum", NC_("collaboration kind", "Forum")},
                                             {"joint_research", NC_("collaboration kind", "Joint research")},
                                             {"course", NC_("collaboration kind", "Course / college")},
                                             {"internship", NC_("collaboration kind", "Internship")},
                                             {"scholarship", NC_("collaboration kind", "Scholarship")},
                                             {"mentorship", NC_("collaboration kind", "Mentorship")},
                                             {"alliance", NC_("collaboration kind", "Alliance")}};
    return t;
}
const EnumInfo<Role>* role_table() {
    static const EnumInfo<Role> t[] = {{"lead", NC_("role", "Lead")},           {"member", NC_("role", "Member")},
                                       {"sponsor", NC_("role", "Sponsor")},     {"signatory", NC_("role", "Signatory")},
                                       {"host", NC_("role", "Host")},           {"partner", NC_("role", "Partner")},
                                       {"organiser", NC_("role", "Organiser")}, {"speaker", NC_("role", "Speaker")},
                                       {"supporter", NC_("role", "Supporter")}, {"witness", NC_("role", "Witness")}};
    return t;
}
const EnumInfo<EventKind>* event_kind_table() {
    static const EnumInfo<EventKind> t[] = {{"signing", NC_("event kind", "Signing")},       {"launch", NC_("event kind", "Launch")},
                                            {"conference", NC_("event kind", "Conference")}, {"forum", NC_("event kind", "Forum")},
                                            {"graduation", NC_("event kind", "Graduation")}, {"milestone", NC_("event kind", "Milestone")},
                                            {"report", NC_("event kind", "Report")}};
    return t;
}
const EnumInfo<Lang>* lang_table() {
    static const EnumInfo<Lang> t[] = {{"zh-Hant", "繁體中文"}, {"zh-Hans", "简体中文"}, {"ko", "한국어"}, {"ja", "日本語"}};
    return t;
}

bool region_on_map(Region r) { return r <= Region::Japan; }

namespace {
const char* const kTopics[][2] = {{"advanced_packaging", NC_("topic", "Advanced packaging")},
                                  {"3d_ic", NC_("topic", "3D IC")},
                                  {"third_gen_semiconductors", NC_("topic", "Third-generation semiconductors")},
                                  {"smart_manufacturing", NC_("topic", "Smart manufacturing")},
                                  {"ai_iiot", NC_("topic", "AI / IIoT")},
                                  {"talent", NC_("topic", "Talent")},
                                  {"net_zero", NC_("topic", "Net zero")},
                                  {"sustainability", NC_("topic", "Sustainability")},
                                  {"wireless_chips", NC_("topic", "Wireless chips")},
                                  {"automation", NC_("topic", "Automation")},
                                  {"5g_mmwave", NC_("topic", "5G mmWave")},
                                  {"optoelectronics", NC_("topic", "Optoelectronics")},
                                  {"materials", NC_("topic", "Materials")},
                                  {"equipment", NC_("topic", "Equipment")},
                                  {"reindustrialisation", NC_("topic", "Re-industrialisation")},
                                  {"commercialisation", NC_("topic", "Commercialisation")}};
const char* const kUnits[][2] = {
    {"USD", NC_("unit", "US$")},         {"TWD", NC_("unit", "NT$")},         {"students", NC_("unit", "students")},
    {"interns", NC_("unit", "interns")}, {"hours", NC_("unit", "hours")},     {"projects", NC_("unit", "projects")},
    {"courses", NC_("unit", "courses")}, {"schools", NC_("unit", "schools")}, {"people", NC_("unit", "people")},
    {"percent", NC_("unit", "%")},       {"years", NC_("unit", "years")}};
const char* const kQualifiers[] = {"over", "about", "almost", "nearly", "at_least", "per_year"};
}  // namespace

const char* topic_label(std::string_view topic) {
    for (auto& e : kTopics)
        if (topic == e[0]) return trc("topic", e[1]);
    return nullptr;
}

const char* unit_label(std::string_view unit) {
    for (auto& e : kUnits)
        if (unit == e[0]) return trc("unit", e[1]);
    return nullptr;
}

bool known_qualifier(std::string_view q) {
    for (const char* k : kQualifiers)
        if (q == k) return true;
    return false;
}

bool is_web_url(std::string_view url) {
    if (url.size() > kMaxUrlLength) return false;
    auto lower_prefix = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    const size_t n = lower_prefix("https://") ? 8 : lower_prefix("http://") ? 7 : 0;
    if (n == 0 || url.size() == n || url[n] == '/') return false;  // no host
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    }
    return true;
}

std::string count_in_words(size_t n) {
    static const char* const kWords[] = {"no",    "one",   "two",  "three", "four",   "five",  "six",
                                         "seven", "eight", "nine", "ten",   "eleven", "twelve"};
    return n < std::size(kWords) ? kWords[n] : std::to_string(n);
}

std::string provenance_sentence(const Dataset& ds) {
    const size_t n = ds.sources.size();
    const Locale l = active_locale();
    const std::string count = l == Locale::En || l == Locale::EnXA ? count_in_words(n) : format_count(static_cast<long long>(n));
    return strf(trn("Every fact comes from %s public text (see each item's sources).",
                    "Every fact comes from %s public texts (see each item's sources).", n),
                count.c_str());
}
std::vector<std::string_view> topic_ids() {
    std::vector<std::string_view> v;
    for (auto& e : kTopics) v.emplace_back(e[0]);
    return v;
}
std::vector<std::string_view> unit_ids() {
    std::vector<std::string_view> v;
    for (auto& e : kUnits) v.emplace_back(e[0]);
    return v;
}
std::vector<std::string_view> qualifier_ids() { return {std::begin(kQualifiers), std::end(kQualifiers)}; }

static bool contains(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }
bool Organisation::is_inferred(std::string_view f) const { return contains(inferred, f); }
Lang lang_of(Locale l) {
    return l == Locale::ZhHant   ? Lang::ZhHant
           : l == Locale::ZhHans ? Lang::ZhHans
           : l == Locale::Ko     ? Lang::Ko
           : l == Locale::Ja     ? Lang::Ja
                                 : Lang::Count;
}
// Gives `translations` the catalogue's texts for lang (msgid key in contexts a, b and n, into
// title, summary and third_into, by default note; b and n may be null) unless it has that
// language already; whether one was added.
static bool add_from_catalogue(std::vector<LocalText>& translations, Lang lang, const Catalogue& c, const std::string& key, const char* a,
                               const char* b, const char* n = nullptr, std::string LocalText::*third_into = &LocalText::note) {
    if (std::any_of(translations.begin(), translations.end(), [&](const LocalText& t) { return t.lang == lang; })) return false;
    const char* first = c.find(a, key);
    const char* second = b ? c.find(b, key) : nullptr;
    const char* third = n ? c.find(n, key) : nullptr;
    if (!first && !second && !third) return false;
    LocalText t{lang, first ? first : "", second ? second : ""};
    if (third) t.*third_into = third;
    translations.push_back(std::move(t));
    return true;
}

size_t add_catalogue_translations(Dataset& ds, Locale l, const Catalogue& c) {
    const Lang lang = lang_of(l);
    if (lang == Lang::Count) return 0;
    size_t added = 0;
    for (Collaboration& co : ds.collaborations) {
        added += add_from_catalogue(co.translations, lang, c, co.id, kDataTitleContext, kDataSummaryContext, kDataCollabNoteContext);
        for (size_t i = 0; i < co.facts.size(); ++i)
            added += add_from_catalogue(co.facts[i].translations, lang, c, fact_key(co.id, i), kDataFactLabelContext, nullptr);
    }
    for (Event& e : ds.events) added += add_from_catalogue(e.translations, lang, c, e.id, kDataEventTitleContext, nullptr);
    for (Organisation& o : ds.organisations)
        added += add_from_catalogue(o.translations, lang, c, o.id, kDataOrgCityContext, kDataOrgNoteContext, kDataOrgNameContext,
                                    &LocalText::name);
    return added;
}

std::string fact_key(std::string_view collaboration_id, size_t index) {
    return std::string(collaboration_id) + "/" + std::to_string(index);
}

const std::string& Collaboration::title_in(Locale l) const { return translated(translations, &LocalText::title, l, title); }
const std::string& Collaboration::summary_in(Locale l) const { return translated(translations, &LocalText::summary, l, summary); }
const std::string& Collaboration::note_in(Locale l) const { return translated(translations, &LocalText::note, l, note); }
const std::string& Fact::label_in(Locale l) const { return translated(translations, &LocalText::title, l, label); }
const std::string& Event::title_in(Locale l) const { return translated(translations, &LocalText::title, l, title); }
const std::string& Organisation::city_in(Locale l) const { return translated(translations, &LocalText::title, l, city); }
const std::string& Organisation::note_in(Locale l) const { return translated(translations, &LocalText::summary, l, note); }
const std::string& Organisation::shown_name(Locale l) const {
    return kind == OrgKind::Group ? translated(translations, &LocalText::name, l, name) : name;
}
const LocalName* Organisation::name_in(Locale l) const {
    const Lang want = lang_of(l);
    for (const LocalName& n : names)
        if (n.lang == want) return &n;
    return nullptr;
}
bool Collaboration::is_inferred(std::string_view f) const { return contains(inferred, f); }

int Dataset::find_org(std::string_view id) const { return org_ids.find(id); }
int Dataset::find_collab(std::string_view id) const { return collab_ids.find(id); }

void Dataset::finalise() {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (auto& c : collaborations) {
        c.hub = -1;
        for (auto& p : c.participants)
            if (p.role == Role::Lead) {
                c.hub = p.org;
                break;
            }
        if (c.hub < 0 && !c.participants.empty()) c.hub = c.participants.front().org;
        lo = std::min(lo, c.interval.lo());
        hi = std::max(hi, c.interval.has_end ? c.interval.hi() : c.interval.lo() + 1);
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return first_day(a.date) < first_day(b.date); });
    event_ids.clear();
    event_ids.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) event_ids.assign(events[i].id, static_cast<int>(i));
    for (auto& e : events) {
        lo = std::min(lo, static_cast<double>(first_day(e.date)));
        hi = std::max(hi, static_cast<double>(last_day(e.date)) + 1);
    }
    if (!(lo < hi)) {
        lo = days_from_civil(2000, 1, 1);
        hi = days_from_civil(2025, 1, 1);
    }
    time_min = lo;
    time_max = hi;
    build_flat_index();
}

void Dataset::build_flat_index() { flat = make_flat_index(*this); }

const FlatIndex& flat_index(const Dataset& ds, FlatIndex& scratch) {
    if (ds.flat.matches(ds.organisations.size(), ds.collaborations.size())) return ds.flat;
    scratch = make_flat_index(ds);  // a dataset built by hand, without finalise()
    return scratch;
}

FlatIndex make_flat_index(const Dataset& ds) {
    const auto& collaborations = ds.collaborations;
    const auto& organisations = ds.organisations;
    FlatIndex f;
    const size_t nc = collaborations.size(), no = organisations.size();
    size_t parts = 0;
    for (auto& c : collaborations) parts += c.participants.size();
    f.part_begin.reserve(nc + 1);
    f.part_org.reserve(parts);
    f.lo.reserve(nc);
    f.hi.reserve(nc);
    f.kind.reserve(nc);
    f.hub.reserve(nc);
    f.facts.reserve(nc);
    for (auto& c : collaborations) {
        f.part_begin.push_back(static_cast<uint32_t>(f.part_org.size()));
        for (auto& p : c.participants) f.part_org.push_back(p.org);
        f.lo.push_back(c.interval.lo());
        f.hi.push_back(c.interval.hi());
        f.kind.push_back(c.kind);
        f.hub.push_back(c.hub);
        f.facts.push_back(static_cast<int>(c.facts.size()));
        ++f.collab_kind_total[static_cast<int>(c.kind)];
    }
    f.part_begin.push_back(static_cast<uint32_t>(f.part_org.size()));
    f.org_region.reserve(no);
    f.org_kind.reserve(no);
    f.org_has_coords.reserve(no);
    for (auto& o : organisations) {
        f.org_region.push_back(o.region);
        f.org_kind.push_back(o.kind);
        f.org_has_coords.push_back(o.has_coords ? 1 : 0);
        ++f.org_kind_total[static_cast<int>(o.kind)];
        ++f.org_region_total[static_cast<int>(o.region)];
    }
    return f;
}

}  // namespace ca
