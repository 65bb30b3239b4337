// The message catalogues: the .mo reader (and its refusals), Plural-Forms, the compiled
// catalogues of every language (each kind, role, topic and preset translated), and numbers and
// dates the way each language writes them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/embedded.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/projection.h"
#include "core/search.h"
#include "fixture.h"

using namespace ca;

namespace {

// The build's compiled catalogue of a language, the editor's texts added (cmake/i18n.cmake embeds them natively).
const Catalogue& catalogue(Locale l) {
    static Catalogue cats[std::size(kLocaleIds)];
    Catalogue& c = cats[static_cast<size_t>(l)];
    if (c.empty()) {
        const std::string name = std::string("i18n/") + locale_id(l) + ".mo";
        const EmbeddedFile* f = embedded_catalogues().find(name);
        REQUIRE(f != nullptr);
        std::string why;
        REQUIRE(c.load(f->text(), &why));
        if (const EmbeddedFile* e = embedded_catalogues().find(std::string("i18n/") + locale_id(l) + ".edit.mo"))
            REQUIRE(c.add(e->text(), &why));  // the editor's texts, as the native app adds them
    }
    return c;
}

// Makes l the active language for one scope, English again after it.
struct Speak {
    explicit Speak(Locale l) { set_active_catalogue(l, l == Locale::En ? nullptr : &catalogue(l)); }
    ~Speak() { set_active_catalogue(Locale::En, nullptr); }
};

Date date(int y, int m = 0, int d = 0) { return {y, m, d, d ? Precision::Day : m ? Precision::Month : Precision::Year}; }

}  // namespace

TEST_CASE("Plural-Forms rules read as gettext's C expressions") {
    PluralRule en;
    REQUIRE(en.parse("nplurals=2; plural=(n != 1);"));
    CHECK(en.count() == 2);
    CHECK(en.index(0) == 1);
    CHECK(en.index(1) == 0);
    CHECK(en.index(2) == 1);
    PluralRule one;
    REQUIRE(one.parse("nplurals=1; plural=0;"));
    CHECK(one.index(1) == 0);
    CHECK(one.index(7) == 0);
    // A three-form rule (Polish), for the next language someone adds.
    PluralRule pl;
    REQUIRE(pl.parse("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"));
    CHECK(pl.index(1) == 0);
    CHECK(pl.index(3) == 1);
    CHECK(pl.index(13) == 2);
    CHECK(pl.index(22) == 1);
    CHECK(pl.index(25) == 2);
    std::string why;
    CHECK_FALSE(PluralRule().parse("nplurals=2; plural=n +;", &why));
    CHECK_FALSE(PluralRule().parse("nplurals=1; plural=(n != 1);", &why));  // index 1 of 1 form
    CHECK_FALSE(PluralRule().parse("plural=n;", &why));
    CHECK_FALSE(PluralRule().parse("nplurals=2; plural=n / 0;", &why));
}

TEST_CASE("bytes that are not a .mo catalogue are refused, never read past their end") {
    Catalogue c;
    std::string why;
    CHECK_FALSE(c.load("", &why));
    CHECK_FALSE(c.load("not a catalogue at all, just text", &why));
    CHECK(why.find("magic") != std::string::npos);
    // A real catalogue cut short: its tables point past the end.
    const EmbeddedFile* f = embedded_catalogues().find("i18n/ko.mo");
    REQUIRE(f != nullptr);
    for (size_t cut : {size_t(28), size_t(100), f->size / 2, f->size - 1}) {
        CHECK_FALSE(c.load(f->text().substr(0, cut), &why));
        CHECK(c.empty());
    }
    CHECK(c.load(f->text(), &why));
    CHECK_FALSE(c.empty());
}

// The editor's texts are a catalogue of their own (i18n/LANG.edit.mo, fetched by an editing visit
// only), added to the language's: the texts a plain visit shows stay where they were.
TEST_CASE("the editor's texts come in a catalogue of their own, added to the language's") {
    const EmbeddedFile* main = embedded_catalogues().find("i18n/ko.mo");
    const EmbeddedFile* edit = embedded_catalogues().find("i18n/ko.edit.mo");
    REQUIRE(main != nullptr);
    REQUIRE(edit != nullptr);
    CHECK(edit->size < main->size);
    Catalogue c;
    std::string why;
    REQUIRE(c.load(main->text(), &why));
    const size_t plain = c.size();
    // The story editor's button and an edit form's field label are not in a plain visit's.
    CHECK(c.find(nullptr, "Add this view as a step") == nullptr);
    CHECK(c.find("edit field", "Summary") == nullptr);
    const char* play = c.find(nullptr, "Play");
    REQUIRE(play != nullptr);
    // Refused bytes leave it as it was.
    CHECK_FALSE(c.add("not a catalogue at all, just text", &why));
    CHECK_FALSE(c.add(edit->text().substr(0, edit->size / 2), &why));
    CHECK(c.size() == plain);
    REQUIRE(c.add(edit->text(), &why));
    CHECK(c.size() > plain);
    CHECK(c.find(nullptr, "Add this view as a step") != nullptr);
    CHECK(c.find("edit field", "Summary") != nullptr);
    CHECK(c.find(nullptr, "Play") == play);  // a text found before stays where it was
    CHECK(std::string(c.find_plural(nullptr, "%d month", 2)) == std::string(catalogue(Locale::Ko).find_plural(nullptr, "%d month", 2)));
    // Added twice: each text once.
    const size_t both = c.size();
    REQUIRE(c.add(edit->text(), &why));
    CHECK(c.size() == both);
    // No text is in both; together they are every text of the language.
    Catalogue only_edit;
    REQUIRE(only_edit.load(edit->text(), &why));
    CHECK(both == plain + only_edit.size());
}

TEST_CASE("English needs no catalogue: tr gives the msgid, trn English plurals") {
    set_active_catalogue(Locale::En, nullptr);
    CHECK(std::string(tr("Play")) == "Play");
    CHECK(std::string(trn("%d month", "%d months", 1)) == "%d month");
    CHECK(std::string(trn("%d month", "%d months", 0)) == "%d months");
    CHECK(std::string(enum_label(CollabKind::Mou)) == "MoU");
}

TEST_CASE("each language's catalogue translates, by context where one English word has two meanings") {
    {
        Speak s(Locale::ZhHant);
        CHECK(std::string(tr("Play")) == "播放");
        CHECK(std::string(enum_label(CollabKind::Forum)) == "論壇");
        CHECK(std::string(enum_label(OrgKind::Consortium)) == "聯盟");
        CHECK(std::string(enum_label(Role::Lead)) == "牽頭機構");
        CHECK(std::string(topic_label("advanced_packaging")) == "先進封裝");
        CHECK(std::string(preset_label(RegionPreset::Gba)) == "香港＋大灣區");
        CHECK(std::string(tr("a string no catalogue has")) == "a string no catalogue has");
    }
    {
        Speak s(Locale::Ko);
        CHECK(std::string(enum_label(Region::Korea)) == "대한민국");
        CHECK(std::string(trc("time mode", "Window")) == "기간");
        CHECK(std::string(enum_label(EventKind::Signing)) == "서명");
    }
    {
        Speak s(Locale::Ja);
        CHECK(std::string(enum_label(CollabKind::JointResearch)) == "共同研究");
    }
    // Every label of every kind, role, topic, unit and preset has an entry in every catalogue.
    for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja, Locale::EnXA}) {
        const Catalogue& c = catalogue(l);
        INFO(locale_id(l));
        for (int k = 0; k < enum_count<OrgKind>(); ++k) CHECK(c.find("organisation kind", enum_label_en(static_cast<OrgKind>(k))));
        for (int k = 0; k < enum_count<CollabKind>(); ++k) CHECK(c.find("collaboration kind", enum_label_en(static_cast<CollabKind>(k))));
        for (int k = 0; k < enum_count<Role>(); ++k) CHECK(c.find("role", enum_label_en(static_cast<Role>(k))));
        for (int k = 0; k < enum_count<EventKind>(); ++k) CHECK(c.find("event kind", enum_label_en(static_cast<EventKind>(k))));
        for (int k = 0; k < enum_count<Region>(); ++k) CHECK(c.find("region", enum_label_en(static_cast<Region>(k))));
        for (int k = 1; k < enum_count<Industry>(); ++k) CHECK(c.find("industry", enum_label_en(static_cast<Industry>(k))));
        for (std::string_view id : topic_ids()) {
            set_active_catalogue(Locale::En, nullptr);
            const std::string en = topic_label(id);
            CHECK(c.find("topic", en));
        }
    }
}

TEST_CASE("plurals follow each language's Plural-Forms") {
    {
        Speak s(Locale::En);
        CHECK(std::string(trn("%d month", "%d months", 1)) == "%d month");
        CHECK(std::string(trn("%d month", "%d months", 5)) == "%d months");
    }
    for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
        Speak s(l);
        CHECK(catalogue(l).plural().count() == 1);
        CHECK(std::string(trn("%d month", "%d months", 1)) == trn("%d month", "%d months", 5));
    }
    Speak s(Locale::Ja);
    CHECK(strf(trn("%d month", "%d months", 3), 3) == "3 か月");
    Speak x(Locale::EnXA);
    CHECK(catalogue(Locale::EnXA).plural().count() == 2);
    CHECK(std::string(trn("%d month", "%d months", 1)) != trn("%d month", "%d months", 2));
}

TEST_CASE("numbers are grouped by thousands") {
    CHECK(format_count(0) == "0");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1,000");
    CHECK(format_count(1234567) == "1,234,567");
    CHECK(format_count(-45000) == "-45,000");
    Speak s(Locale::Ko);
    CHECK(format_count(12345) == "12,345");
}

TEST_CASE("dates the local way, in the dataset's precisions, with 'by' starts") {
    Interval by;
    by.start = date(2022);
    by.start_by = true;
    Interval span;
    span.start = date(2016, 3);
    span.has_end = true;
    span.end = date(2023, 8, 29);
    Interval open;
    open.start = date(2023, 8, 29);
    {
        Speak s(Locale::En);
        CHECK(format_date_local(date(2023, 8, 29)) == "29 Aug 2023");
        CHECK(format_date_local(date(2023, 8)) == "Aug 2023");
        CHECK(format_date_local(date(2023)) == "2023");
        CHECK(format_start_human(by) == "by 2022");
        CHECK(format_interval_human(span) == "Mar 2016 – 29 Aug 2023");
        CHECK(format_interval_human(open) == "29 Aug 2023 – ongoing");
    }
    for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ja}) {
        Speak s(l);
        CHECK(format_date_local(date(2023, 8, 29)) == "2023年8月29日");
        CHECK(format_date_local(date(2023, 8)) == "2023年8月");
        CHECK(format_date_local(date(2023)) == "2023年");
    }
    {
        Speak s(Locale::ZhHant);
        CHECK(format_start_human(by) == "2022年或之前");
        CHECK(format_interval_human(open) == "2023年8月29日 – 至今");
    }
    {
        Speak s(Locale::Ja);
        CHECK(format_start_human(by) == "2022年以前");
    }
    {
        Speak s(Locale::Ko);
        CHECK(format_date_local(date(2023, 8, 29)) == "2023년 8월 29일");
        CHECK(format_date_local(date(2023, 8)) == "2023년 8월");
        CHECK(format_date_local(date(2023)) == "2023년");
        CHECK(format_start_human(by) == "2022년 이전");
        CHECK(format_interval_human(span) == "2016년 3월 – 2023년 8월 29일");
    }
}

TEST_CASE("the pseudo-locale keeps placeholders and is longer") {
    Speak s(Locale::EnXA);
    const std::string t = tr("%d shown at this date, %d in all.");
    CHECK(t.find("%d") != std::string::npos);
    CHECK(t.size() > std::strlen("%d shown at this date, %d in all.") * 13 / 10);
    CHECK(strf(t.c_str(), 3, 9).find('3') != std::string::npos);
}

namespace {

// The fixture dataset with `translations` set on its first collaboration ("metc").
LoadResult load_with_translations(const std::string& translations) {
    std::string json = test::fixture_json();
    const std::string anchor = R"("summary": "S", "evidence": [{"source": "s1", "quote": "Q1"}]})";
    const size_t at = json.find(anchor);
    REQUIRE(at != std::string::npos);
    json.insert(at + std::string(R"("summary": "S",)").size(), "\n  \"translations\": " + translations + ",");
    std::vector<InputFile> in{{"collabs.json", json}};
    return load_dataset(in);
}

// The fixture dataset with a fact on "metc" whose `translations` are fact_tr, and event "e4"'s
// `translations` set to event_tr (either left out when empty).
LoadResult load_with_fact_and_event(const std::string& fact_tr, const std::string& event_tr) {
    std::string json = test::fixture_json();
    const std::string summary = R"("summary": "S", "evidence": [{"source": "s1", "quote": "Q1"}]})";
    const size_t at = json.find(summary);
    REQUIRE(at != std::string::npos);
    json.insert(at, std::string(R"("facts": [{"label": "Members", )") + (fact_tr.empty() ? "" : "\"translations\": " + fact_tr + ", ") +
                        R"("value": 12, "unit": "people", "year": 2022, "source": "s1", "quote": "Q1"}],)" + "\n  ");
    const std::string event = R"("title": "Consortium launched",)";
    const size_t ev = json.find(event);
    REQUIRE(ev != std::string::npos);
    if (!event_tr.empty()) json.insert(ev + event.size(), "\n  \"translations\": " + event_tr + ",");
    std::vector<InputFile> in{{"collabs.json", json}};
    return load_dataset(in);
}

}  // namespace

TEST_CASE("facts and events may carry translated labels and titles, shown in their language") {
    LoadResult r = load_with_fact_and_event(R"([{"lang": "ko", "label": "회원"}, {"lang": "zh-Hant", "label": "成員"}])",
                                            R"([{"lang": "ja", "title": "コンソーシアム発足"}])");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const Collaboration& c = r.dataset.collaborations[static_cast<size_t>(r.dataset.find_collab("metc"))];
    REQUIRE(c.facts.size() == 1);
    CHECK(c.facts[0].label_in(Locale::Ko) == "회원");
    CHECK(c.facts[0].label_in(Locale::ZhHant) == "成員");
    CHECK(c.facts[0].label_in(Locale::ZhHans) == "Members");  // none in that language: the English one
    CHECK(c.facts[0].label_in(Locale::En) == "Members");
    const auto e4 = std::find_if(r.dataset.events.begin(), r.dataset.events.end(), [](const Event& e) { return e.id == "e4"; });
    REQUIRE(e4 != r.dataset.events.end());
    CHECK(e4->title_in(Locale::Ja) == "コンソーシアム発足");
    CHECK(e4->title_in(Locale::Ko) == "Consortium launched");
    CHECK(e4->title_in(Locale::EnXA) == "Consortium launched");
}

// The page's details region (the `selection` event) has the figures and events the map's panel
// shows, in the interface language: keyboard and screen-reader visitors read them too.
TEST_CASE("the selection event carries a collaboration's figures and events, in the interface language") {
    LoadResult r = load_with_fact_and_event(R"([{"lang": "ko", "label": "회원"}])", R"([{"lang": "ko", "title": "컨소시엄 출범"}])");
    REQUIRE(r.ok());
    AppModel m;
    m.set_dataset(std::move(r.dataset), "t");
    REQUIRE(m.select("metc"));
    const std::string en = selection_event_json(m);
    INFO(en);
    CHECK(en.find(R"x("facts":[{"quote":"Q1","source":"Source one","text":"Members: 12 people (2022)"}])x") != std::string::npos);
    CHECK(en.find(R"("events":[{"date":"9 Nov 2022","id":"e4","t":"2022-11-09","title":"Consortium launched"}])") != std::string::npos);
    CHECK(en.find(R"("topics":"")") != std::string::npos);
    CHECK(en.find(R"("parent")") == std::string::npos);
    Speak s(Locale::Ko);
    const std::string ko = selection_event_json(m);
    INFO(ko);
    CHECK(ko.find(R"("text":"회원: )") != std::string::npos);
    CHECK(ko.find(R"("date":"2022년 11월 9일","id":"e4")") != std::string::npos);
    CHECK(ko.find(R"("title":"컨소시엄 출범")") != std::string::npos);
}

TEST_CASE("bad fact and event translations are errors with FILE:LINE:COL, the field and why") {
    struct Case {
        const char* fact;
        const char* event;
        const char* where;
        const char* message;
    } cases[] = {
        {R"([{"lang": "ko"}])", "", "/facts/0/translations/0", "a translation needs \"label\""},
        {R"([{"lang": "ko", "title": "회원"}])", "", "/facts/0/translations/0", "a translation needs \"label\""},
        {R"([{"lang": "ko", "label": ""}])", "", "/facts/0/translations/0/label", "must not be empty"},
        {R"([{"lang": "ja", "label": "a"}, {"lang": "ja", "label": "b"}])", "", "/facts/0/translations/1/lang",
         "language ja is translated twice"},
        {R"([{"lang": "xx", "label": "a"}])", "", "/facts/0/translations/0/lang", "unknown language"},
        {"", R"([{"lang": "ko", "summary": "요약"}])", "/translations/0", "a translation needs \"title\""},
        {"", R"([{"lang": "ko", "title": "가"}, {"lang": "ko", "title": "나"}])", "/translations/1/lang",
         "language ko is translated twice"},
        {"", R"({"lang": "ko", "title": "가"})", "/translations", "expected an array"},
    };
    for (const Case& k : cases) {
        INFO(k.fact << " | " << k.event);
        LoadResult r = load_with_fact_and_event(k.fact, k.event);
        REQUIRE_FALSE(r.diagnostics.empty());
        bool found = false;
        for (const Diagnostic& d : r.diagnostics) {
            const std::string text = d.to_string();
            INFO(text);
            if (text.find(k.where) != std::string::npos && text.find(k.message) != std::string::npos) {
                CHECK(text.rfind("collabs.json:", 0) == 0);
                found = true;
            }
        }
        CHECK(found);
    }
    // A summary on an event's or a fact's translation is not a field of theirs: a warning.
    LoadResult r = load_with_fact_and_event(R"([{"lang": "ko", "label": "회원", "summary": "x"}])", "");
    CHECK(r.ok());
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].to_string().find("/facts/0/translations/0/summary") != std::string::npos);
}

namespace {

// The fixture dataset with Samsung's city "Suwon", a note, and `translations` (left out when empty).
LoadResult load_with_org_translations(const std::string& translations) {
    std::string json = test::fixture_json();
    const std::string anchor = R"("region": "korea", "lat": 37.26,)";
    const size_t at = json.find(anchor);
    REQUIRE(at != std::string::npos);
    json.insert(at + std::string(R"("region": "korea",)").size(),
                std::string(R"( "city": "Suwon", "note": "Head office.",)") +
                    (translations.empty() ? "" : " \"translations\": " + translations + ","));
    std::vector<InputFile> in{{"orgs.json", json}};
    return load_dataset(in);
}

}  // namespace

// An organisation's city and note in the interface language: its details (the map's panel, the
// page's region through the selection event) and search.
TEST_CASE("organisations may carry their city and note translated, shown in their language") {
    LoadResult r = load_with_org_translations(R"([{"lang": "ko", "city": "수원", "note": "본사."}, {"lang": "ja", "city": "水原"}])");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const Organisation& o = r.dataset.organisations[static_cast<size_t>(r.dataset.find_org("samsung"))];
    CHECK(o.city_in(Locale::Ko) == "수원");
    CHECK(o.note_in(Locale::Ko) == "본사.");
    CHECK(o.city_in(Locale::Ja) == "水原");
    CHECK(o.note_in(Locale::Ja) == "Head office.");  // none in that language: the English one
    CHECK(o.city_in(Locale::En) == "Suwon");
    CHECK(o.city_in(Locale::ZhHans) == "Suwon");
    AppModel m;
    m.set_dataset(std::move(r.dataset), "t");
    REQUIRE(m.select("samsung"));
    CHECK(selection_event_json(m).find("Suwon") != std::string::npos);
    {
        Speak s(Locale::Ko);
        const std::string ko = selection_event_json(m);
        INFO(ko);
        CHECK(ko.find(" · 수원 · ") != std::string::npos);
        CHECK(ko.find(R"("note":"본사.")") != std::string::npos);
        CHECK(ko.find("Suwon") == std::string::npos);
        // Found by its city in the language shown, as by the English one.
        const auto hits = search(m.data(), "수원", 10, Locale::Ko);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front().is_org);
        CHECK(m.data().organisations[static_cast<size_t>(hits.front().index)].id == "samsung");
        CHECK_FALSE(search(m.data(), "Suwon", 10, Locale::Ko).empty());
    }
    CHECK(search(m.data(), "수원", 10, Locale::En).empty());  // another language's city: not searched in English
}

// A group's descriptive name ("Korean fabless firms (unnamed)") is text, not a name: it is shown
// in the interface language on the map's labels, its tooltip, the details, the legend, search and
// the page's events; a named organisation keeps its own name there.
TEST_CASE("a group's descriptive name is translated and shown in the interface language") {
    std::string json = test::fixture_json();
    const std::string anchor = R"("id": "samsung")";
    const size_t at = json.find(anchor);
    REQUIRE(at != std::string::npos);
    // A group before Samsung.
    json.insert(json.rfind('{', at),
                R"x({"id": "fabless", "name": "Korean fabless firms (unnamed)", "kind": "group", "region": "korea", "lat": 37.4, )x"
                R"x("lon": 127.1, "sources": ["s2"], "translations": [{"lang": "ko", "name": "한국 팹리스 기업(이름 없음)"}, )x"
                R"x({"lang": "ja", "note": "名前のないグループ。"}]}, )x");
    std::vector<InputFile> in{{"orgs.json", json}};
    LoadResult r = load_dataset(in);
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    const Organisation& g = r.dataset.organisations[static_cast<size_t>(r.dataset.find_org("fabless"))];
    CHECK(g.shown_name(Locale::Ko) == "한국 팹리스 기업(이름 없음)");
    CHECK(g.shown_short_name(Locale::Ko) == "한국 팹리스 기업(이름 없음)");
    CHECK(g.shown_name(Locale::Ja) == g.name);  // none in that language: the English one
    CHECK(g.shown_name(Locale::En) == g.name);
    CHECK(&r.dataset.organisations[static_cast<size_t>(r.dataset.find_org("samsung"))].shown_name(Locale::Ko) ==
          &r.dataset.organisations[static_cast<size_t>(r.dataset.find_org("samsung"))].name);
    AppModel m;
    m.set_dataset(std::move(r.dataset), "t");
    REQUIRE(m.select("fabless"));
    {
        Speak s(Locale::Ko);
        for (NameLang lang : {NameLang::En, NameLang::Native, NameLang::Both})
            CHECK(display_name(m.data().organisations[static_cast<size_t>(m.data().find_org("fabless"))], lang) ==
                  "한국 팹리스 기업(이름 없음)");
        const std::string ko = selection_event_json(m);
        INFO(ko);
        CHECK(ko.find(R"x("label":"한국 팹리스 기업(이름 없음)")x") != std::string::npos);
        CHECK(ko.find("Korean fabless") == std::string::npos);
        const auto hits = search(m.data(), "팹리스", 10, Locale::Ko);
        REQUIRE_FALSE(hits.empty());
        CHECK(m.data().organisations[static_cast<size_t>(hits.front().index)].id == "fabless");
        CHECK_FALSE(search(m.data(), "fabless", 10, Locale::Ko).empty());  // the English one too
    }
    CHECK(search(m.data(), "팹리스", 10, Locale::En).empty());
    CHECK(selection_event_json(m).find(R"x("label":"Korean fabless firms (unnamed)")x") != std::string::npos);
}

TEST_CASE("bad organisation translations are errors with FILE:LINE:COL, the field and why") {
    struct Case {
        const char* translations;
        const char* where;
        const char* message;
    } cases[] = {
        {R"([{"lang": "ko"}])", "/translations/0", "a translation needs \"city\", \"note\" or \"name\" (or several)"},
        {R"([{"lang": "ko", "title": "수원"}])", "/translations/0", "a translation needs \"city\", \"note\" or \"name\""},
        {R"([{"lang": "ko", "city": ""}])", "/translations/0/city", "must not be empty"},
        {R"([{"lang": "ja", "city": "a"}, {"lang": "ja", "note": "b"}])", "/translations/1/lang", "language ja is translated twice"},
        {R"([{"lang": "xx", "city": "a"}])", "/translations/0/lang", "unknown language"},
        // Samsung is a company: its name in another script is one of its `names`.
        {R"([{"lang": "ko", "name": "삼성전자"}])", "/translations/0/name",
         "only a group's descriptive name is translated (kind \"group\"); an organisation's own name in another script goes in its "
         "\"names\""},
        {R"({"lang": "ko", "city": "a"})", "/translations", "expected an array"},
    };
    for (const Case& k : cases) {
        INFO(k.translations);
        LoadResult r = load_with_org_translations(k.translations);
        REQUIRE_FALSE(r.diagnostics.empty());
        bool found = false;
        for (const Diagnostic& d : r.diagnostics) {
            const std::string text = d.to_string();
            INFO(text);
            if (text.find("/organisations/3" + std::string(k.where)) != std::string::npos && text.find(k.message) != std::string::npos) {
                CHECK(text.rfind("orgs.json:", 0) == 0);
                found = true;
            }
        }
        CHECK(found);
    }
}

TEST_CASE("collaborations may carry translated titles and summaries, shown in their language") {
    LoadResult r = load_with_translations(
        R"([{"lang": "zh-Hant", "title": "微電子技術聯盟", "summary": "摘要"}, {"lang": "ko", "title": "마이크로전자 기술 컨소시엄"}])");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    const Collaboration& c = r.dataset.collaborations[static_cast<size_t>(r.dataset.find_collab("metc"))];
    REQUIRE(c.translations.size() == 2);
    CHECK(c.title_in(Locale::ZhHant) == "微電子技術聯盟");
    CHECK(c.summary_in(Locale::ZhHant) == "摘要");
    CHECK(c.title_in(Locale::Ko) == "마이크로전자 기술 컨소시엄");
    CHECK(c.summary_in(Locale::Ko) == "S");  // no Korean summary: the English one
    CHECK(c.title_in(Locale::Ja) == "Microelectronics Technology Consortium");
    CHECK(c.title_in(Locale::En) == "Microelectronics Technology Consortium");
    CHECK(c.title_in(Locale::EnXA) == "Microelectronics Technology Consortium");
}

// A visitor reads a collaboration's title in the interface language: they find it by that title
// too (and by the English one), and the search command (the page's search box) lists it so.
TEST_CASE("search finds a collaboration by its title in the interface language, as the search command lists it") {
    LoadResult r =
        load_with_translations(R"([{"lang": "ko", "title": "마이크로전자 기술 컨소시엄"}, {"lang": "ja", "title": "微細電子技術協議会"}])");
    REQUIRE(r.ok());
    const int metc = r.dataset.find_collab("metc");
    auto found = [&](const char* q, Locale l) {
        for (const SearchHit& h : search(r.dataset, q, 20, l))
            if (!h.is_org && h.index == metc) return true;
        return false;
    };
    CHECK(found("기술 컨소시엄", Locale::Ko));
    CHECK(found("technology consortium", Locale::Ko));  // the English title still
    CHECK(found("微細電子", Locale::Ja));
    CHECK_FALSE(found("기술 컨소시엄", Locale::Ja));  // another language's title is not the one shown
    CHECK_FALSE(found("기술 컨소시엄", Locale::En));
    AppModel m;
    m.set_dataset(std::move(r.dataset), "t");
    {
        Speak s(Locale::Ko);
        const std::string reply = handle_command(m, R"({"cmd":"search","text":"컨소시엄"})").reply;
        CHECK(reply.find(R"("id":"metc")") != std::string::npos);
        CHECK(reply.find(R"("label":"마이크로전자 기술 컨소시엄")") != std::string::npos);
    }
    const std::string en = handle_command(m, R"({"cmd":"search","text":"Microelectronics Technology"})").reply;
    CHECK(en.find(R"("label":"Microelectronics Technology Consortium")") != std::string::npos);
}

// A collaboration's note (where its dates and roles come from) in the region's languages, alone
// or beside its title and summary; English where a language has none.
TEST_CASE("a collaboration's note is translated too") {
    LoadResult r = load_with_translations(
        R"([{"lang": "ko", "note": "날짜는 보도자료에서."}, {"lang": "ja", "title": "コンソーシアム", "note": "日付は報道発表から。"}])");
    REQUIRE(r.ok());
    const Collaboration& c = r.dataset.collaborations[static_cast<size_t>(r.dataset.find_collab("metc"))];
    CHECK(c.note_in(Locale::Ko) == "날짜는 보도자료에서.");
    CHECK(c.title_in(Locale::Ko) == c.title);  // none given: the English
    CHECK(c.note_in(Locale::Ja) == "日付は報道発表から。");
    CHECK(c.title_in(Locale::Ja) == "コンソーシアム");
    CHECK(c.note_in(Locale::ZhHant) == c.note);
    CHECK(c.note_in(Locale::En) == c.note);
}

TEST_CASE("bad translations are errors with FILE:LINE:COL, the field and why") {
    struct Case {
        const char* translations;
        const char* message;
    } cases[] = {
        {R"([{"lang": "fr", "title": "Consortium"}])", "unknown language"},
        {R"([{"lang": "ko"}])", "needs \"title\", \"summary\" or \"note\" (or several)"},
        {R"([{"lang": "ko", "note": ""}])", "must not be empty"},
        {R"([{"lang": "ko", "title": ""}])", "must not be empty"},
        {R"([{"lang": "ko", "title": "가"}, {"lang": "ko", "summary": "나"}])", "language ko is translated twice"},
        {R"(["ko"])", "expected an object"},
    };
    for (const Case& k : cases) {
        INFO(k.translations);
        LoadResult r = load_with_translations(k.translations);
        REQUIRE_FALSE(r.ok());
        REQUIRE_FALSE(r.diagnostics.empty());
        const std::string text = r.diagnostics[0].to_string();
        INFO(text);
        CHECK(text.rfind("collabs.json:", 0) == 0);
        CHECK(text.find("/translations/") != std::string::npos);
        CHECK(text.find(k.message) != std::string::npos);
    }
    // An unknown key is a warning, as everywhere in the data.
    LoadResult r = load_with_translations(R"([{"lang": "ja", "title": "x", "subtitle": "y"}])");
    CHECK(r.ok());
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].to_string().find("/translations/0/subtitle") != std::string::npos);
    CHECK(r.diagnostics[0].to_string().find("unknown field \"subtitle\" (ignored)") != std::string::npos);
}

TEST_CASE("the bundled data's translations come back whole from each language's catalogue") {
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    const Dataset full = r.dataset;
    // The web site's wasm embeds the data without them (tools/i18n/data_translations.py --strip).
    Dataset site = full;
    size_t translated = 0, facts = 0, events = 0;
    for (Collaboration& c : site.collaborations) {
        translated += c.translations.empty() ? 0 : 1;
        c.translations.clear();
        for (Fact& f : c.facts) {
            facts += f.translations.empty() ? 0 : 1;
            f.translations.clear();
        }
    }
    for (Event& e : site.events) {
        events += e.translations.empty() ? 0 : 1;
        e.translations.clear();
    }
    size_t orgs = 0;
    for (Organisation& o : site.organisations) {
        orgs += o.translations.empty() ? 0 : 1;
        o.translations.clear();
    }
    REQUIRE(facts > 0);
    REQUIRE(events > 0);
    REQUIRE(orgs > 0);
    translated += facts + events + orgs;
    CHECK(add_catalogue_translations(site, Locale::En, catalogue(Locale::EnXA)) == 0);
    CHECK(add_catalogue_translations(site, Locale::EnXA, catalogue(Locale::EnXA)) == 0);  // no data language
    for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
        INFO(locale_id(l));
        CHECK(add_catalogue_translations(site, l, catalogue(l)) == translated);
        CHECK(add_catalogue_translations(site, l, catalogue(l)) == 0);  // once: a language is translated once
    }
    for (size_t i = 0; i < full.collaborations.size(); ++i) {
        const Collaboration& want = full.collaborations[i];
        const Collaboration& got = site.collaborations[i];
        INFO(want.id);
        for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
            CHECK(got.title_in(l) == want.title_in(l));
            CHECK(got.summary_in(l) == want.summary_in(l));
            CHECK(got.note_in(l) == want.note_in(l));
            if (!want.note.empty()) CHECK(want.note_in(l) != want.note);  // every bundled note is translated
            REQUIRE(got.facts.size() == want.facts.size());
            for (size_t k = 0; k < want.facts.size(); ++k) {
                CHECK(got.facts[k].label_in(l) == want.facts[k].label_in(l));
                CHECK(got.facts[k].label_in(l) != want.facts[k].label);  // every bundled fact is translated
            }
        }
    }
    for (size_t i = 0; i < full.events.size(); ++i) {
        INFO(full.events[i].id);
        for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
            CHECK(site.events[i].title_in(l) == full.events[i].title_in(l));
            CHECK(site.events[i].title_in(l) != full.events[i].title);  // every bundled event is translated
        }
    }
    for (size_t i = 0; i < full.organisations.size(); ++i) {
        const Organisation& want = full.organisations[i];
        INFO(want.id);
        for (Locale l : {Locale::ZhHant, Locale::ZhHans, Locale::Ko, Locale::Ja}) {
            CHECK(site.organisations[i].city_in(l) == want.city_in(l));
            CHECK(site.organisations[i].note_in(l) == want.note_in(l));
            if (!want.city.empty()) CHECK(want.city_in(l) != want.city);  // every bundled city is translated
            if (!want.note.empty()) CHECK(want.note_in(l) != want.note);  // and every note
            CHECK(site.organisations[i].shown_name(l) == want.shown_name(l));
            // Every group's descriptive name is translated; any other name is the organisation's own.
            CHECK((want.shown_name(l) != want.name) == (want.kind == OrgKind::Group));
        }
    }
    // A translation the data has already is kept (a dataset's own, or the bundled data's natively).
    Dataset own = full;
    Collaboration& first = own.collaborations.front();
    first.translations = {{Lang::Ko, "자체 제목", ""}};
    add_catalogue_translations(own, Locale::Ko, catalogue(Locale::Ko));
    CHECK(first.translations.size() == 1);
    CHECK(first.title_in(Locale::Ko) == "자체 제목");
    CHECK(first.summary_in(Locale::Ko) == first.summary);
}

TEST_CASE("the data's entries are not the interface's: the fonts' catalogue texts leave them out") {
    const Catalogue& ko = catalogue(Locale::Ko);
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    const Collaboration& c = r.dataset.collaborations.front();
    const char* title = ko.find(kDataTitleContext, c.id);
    REQUIRE(title != nullptr);
    CHECK(std::string(title) == c.title_in(Locale::Ko));
    const char* fact = ko.find(kDataFactLabelContext, fact_key(c.id, 0));
    REQUIRE(fact != nullptr);
    CHECK(std::string(fact) == c.facts.at(0).label_in(Locale::Ko));
    const Event& e = r.dataset.events.front();
    const char* event = ko.find(kDataEventTitleContext, e.id);
    REQUIRE(event != nullptr);
    CHECK(std::string(event) == e.title_in(Locale::Ko));
    bool seen = false;
    ko.for_each_translation([&](std::string_view t) { seen = seen || t == title || t == fact || t == event; });
    CHECK_FALSE(seen);
    bool interface_seen = false;
    ko.for_each_translation([&](std::string_view t) { interface_seen = interface_seen || t == ko.find(nullptr, "Play"); });
    CHECK(interface_seen);
}

// trf and strf wrote into 512 bytes: the details panel cut every note longer than that (found in
// session 25: a Korean note ended at "코리아헤", and so did the English notes of METC, the
// packaging MoU and ASE's programmes). Any length comes back whole.
TEST_CASE("trf and strf format texts of any length whole") {
    std::string note;
    for (int i = 0; i < 300; ++i) note += "노트 " + std::to_string(i) + ". ";
    REQUIRE(note.size() > 2000);
    CHECK(trf("Note: %s", note.c_str()) == "Note: " + note);
    CHECK(strf("%s|%s", note.c_str(), note.c_str()) == note + "|" + note);
    CHECK(strf("%d-%s", 7, "x") == "7-x");
    CHECK(trf("").empty());
    const Collaboration* longest = nullptr;
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    for (const Collaboration& c : r.dataset.collaborations)
        if (!longest || c.note.size() > longest->note.size()) longest = &c;
    REQUIRE(longest->note.size() > 512);  // the bundled data has notes that long
    CHECK(trf("Note: %s", longest->note.c_str()) == "Note: " + longest->note);
}
