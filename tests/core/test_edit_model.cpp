// The edit model (core/edit_model.h) on the committed data: each operation is one undo step,
// undo/redo return the texts byte for byte, live validation reports what the edit broke with the
// loader's own messages, references block a delete unless removed too, bad input changes nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/edit_model.h"

using namespace ca;

namespace {

std::vector<EditFile> committed() {
    std::vector<EditFile> out;
    for (const char* name : {"sources", "organisations", "collaborations", "events"}) {
        const std::string path = std::string(CHIPATLAS_SOURCE_DIR) + "/data/" + name + ".json";
        std::ifstream f(path, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        out.push_back({std::string(name) + ".json", ss.str()});
    }
    return out;
}

std::vector<std::string> texts(const EditSession& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.file_count(); ++i) out.push_back(s.file(i).text);
    return out;
}

void open_committed(EditSession& s) {
    std::vector<Diagnostic> errors;
    REQUIRE(s.open(committed(), errors));
    REQUIRE(errors.empty());
    REQUIRE(s.validation().ok());
}

const char* kNewOrg =
    R"({"id": "new_fab", "name": "New Fab", "kind": "company", "region": "taiwan", "city": "Tainan", "lat": 23.0, "lon": 120.2,)"
    R"( "sources": ["hk_astri_polyu"]})";

}  // namespace

TEST_CASE("edit: opening the committed data changes nothing and it validates") {
    EditSession s;
    open_committed(s);
    const auto start = committed();
    for (size_t i = 0; i < s.file_count(); ++i) {
        CHECK(s.file(i).text == start[i].text);
        CHECK_FALSE(s.modified(i));
    }
    CHECK_FALSE(s.can_undo());
    CHECK_FALSE(s.undo());
}

TEST_CASE("edit: add an organisation, undo, redo") {
    EditSession s;
    open_committed(s);
    const auto start = texts(s);
    EditResult r = s.add(EditKind::Organisation, kNewOrg);
    REQUIRE(r.ok);
    CHECK(s.validation().ok());
    CHECK(s.modified(1));
    CHECK_FALSE(s.modified(2));
    size_t file;
    std::string ptr;
    REQUIRE(s.locate(EditKind::Organisation, "new_fab", file, ptr));
    CHECK(file == 1);
    CHECK(s.file(1).text.find(R"(      "id": "new_fab",)") != std::string::npos);
    const auto after = texts(s);
    REQUIRE(s.undo());
    CHECK(texts(s) == start);
    CHECK_FALSE(s.locate(EditKind::Organisation, "new_fab", file, ptr));
    REQUIRE(s.redo());
    CHECK(texts(s) == after);
    CHECK_FALSE(s.redo());
}

TEST_CASE("edit: a collaboration with two participants and a quote, then undo all") {
    EditSession s;
    open_committed(s);
    const auto start = texts(s);
    REQUIRE(s.add(EditKind::Organisation, kNewOrg).ok);
    REQUIRE(s.add(EditKind::Collaboration,
                  R"({"id": "new_mou", "title": "A new MoU", "kind": "mou", "start": "2024-05-02", "summary": "One sentence."})")
                .ok);
    REQUIRE(s.add_item(EditKind::Collaboration, "new_mou", "participants", R"({"org": "new_fab", "role": "signatory"})").ok);
    REQUIRE(s.add_item(EditKind::Collaboration, "new_mou", "participants", R"({"org": "astri", "role": "signatory"})").ok);
    REQUIRE(s.add_item(EditKind::Collaboration, "new_mou", "evidence", R"({"source": "hk_astri_polyu", "quote": "A quote."})").ok);
    CHECK(s.validation().ok());
    CHECK(s.undo_steps() == 5);
    CHECK(s.references_to(EditKind::Organisation, "new_fab").size() == 1);
    REQUIRE(s.remove_item(EditKind::Collaboration, "new_mou", "participants", 0).ok);
    CHECK(s.references_to(EditKind::Organisation, "new_fab").empty());
    while (s.undo()) {}
    CHECK(texts(s) == start);
    CHECK(s.history_bytes() > 0);
}

TEST_CASE("edit: live validation points at the field an edit broke, with --validate's message") {
    EditSession s;
    open_committed(s);
    REQUIRE(s.add(EditKind::Organisation, kNewOrg).ok);
    REQUIRE(s.set_field(EditKind::Organisation, "new_fab", "/lat", "123").ok);
    const LoadResult& v = s.validation();
    REQUIRE_FALSE(v.ok());
    size_t file;
    std::string ptr;
    REQUIRE(s.locate(EditKind::Organisation, "new_fab", file, ptr));
    bool found = false;
    for (const Diagnostic& d : v.diagnostics)
        if (d.severity == Severity::Error) {
            found = true;
            CHECK(d.pointer == ptr + "/lat");
            CHECK(d.file == "organisations.json");
            CHECK(d.to_string().find("organisation \"new_fab\" (" + ptr + "/lat): latitude 123 out of range") != std::string::npos);
            CHECK(d.line > 1);
        }
    CHECK(found);
    // Halfway edits are allowed: an unknown reference is flagged, then fixed.
    REQUIRE(s.set_field(EditKind::Organisation, "new_fab", "/lat", "23.1").ok);
    REQUIRE(s.set_field(EditKind::Organisation, "new_fab", "/parent", R"("no_such_org")").ok);
    CHECK_FALSE(s.validation().ok());
    REQUIRE(s.set_field(EditKind::Organisation, "new_fab", "/parent", "").ok);
    CHECK(s.validation().ok());
}

TEST_CASE("edit: deleting a referenced organisation says by what, and removes the references when asked") {
    EditSession s;
    open_committed(s);
    const auto start = texts(s);
    const auto refs = s.references_to(EditKind::Organisation, "astri");
    REQUIRE_FALSE(refs.empty());
    EditResult r = s.remove(EditKind::Organisation, "astri");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("organisation \"astri\" is still referenced by") != std::string::npos);
    CHECK(r.error.find("collaboration \"metc\" participants/0") != std::string::npos);
    CHECK(r.references.size() == refs.size());
    CHECK(texts(s) == start);
    CHECK_FALSE(s.can_undo());
    r = s.remove(EditKind::Organisation, "astri", true);
    REQUIRE(r.ok);
    size_t file;
    std::string ptr;
    CHECK_FALSE(s.locate(EditKind::Organisation, "astri", file, ptr));
    CHECK(s.references_to(EditKind::Organisation, "astri").empty());
    for (const Diagnostic& d : s.validation().diagnostics) CHECK(d.message.find("astri") == std::string::npos);
    CHECK(s.undo_steps() == 1);
    REQUIRE(s.undo());
    CHECK(texts(s) == start);
    // A source referenced from lists and fields alike.
    REQUIRE(s.remove(EditKind::Source, "hk_astri_polyu", true).ok);
    CHECK(s.references_to(EditKind::Source, "hk_astri_polyu").empty());
    REQUIRE(s.undo());
    CHECK(texts(s) == start);
}

TEST_CASE("edit: bad input is refused with a reason and changes nothing") {
    EditSession s;
    open_committed(s);
    const auto start = texts(s);
    CHECK_FALSE(s.add(EditKind::Organisation, "{\"id\": \"x\",").ok);
    CHECK(s.add(EditKind::Organisation, "{\"id\": \"x\",").error.find("not valid JSON") != std::string::npos);
    CHECK_FALSE(s.add(EditKind::Organisation, "[1]").ok);
    CHECK_FALSE(s.add(EditKind::Organisation, R"({"name": "no id"})").ok);
    CHECK_FALSE(s.add(EditKind::Organisation, std::string(40, '[') + std::string(40, ']')).ok);
    CHECK_FALSE(s.add(EditKind::Organisation, "\"" + std::string(EditSession::kMaxEditText, 'a') + "\"").ok);
    CHECK_FALSE(s.update(EditKind::Event, "no_such_event", "{}").ok);
    CHECK_FALSE(s.set_field(EditKind::Organisation, "astri", "lat", "1").ok);
    CHECK_FALSE(s.set_field(EditKind::Organisation, "astri", "/names/9/text", "\"x\"").ok);
    CHECK_FALSE(s.set_field(EditKind::Organisation, "astri", "/names/01", "").ok);
    CHECK_FALSE(s.set_field(EditKind::Organisation, "astri", "/a~2b", "1").ok);
    CHECK_FALSE(s.remove_item(EditKind::Collaboration, "metc", "participants", 99).ok);
    CHECK_FALSE(s.add_item(EditKind::Organisation, "astri", "name", "\"x\"").ok);
    CHECK_FALSE(s.remove(EditKind::Collaboration, "no_such").ok);
    CHECK(texts(s) == start);
    CHECK_FALSE(s.can_undo());
    // An edit that leaves the text as it was is no step either.
    REQUIRE(s.set_field(EditKind::Organisation, "astri", "/abbr", "\"ASTRI\"").ok);
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("edit: a file that is not JSON does not open, a schema is skipped") {
    EditSession s;
    std::vector<Diagnostic> errors;
    CHECK_FALSE(s.open({{"bad.json", "{\n  \"sources\": [1,]\n}"}}, errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].to_string().rfind("bad.json:2:16: error: ", 0) == 0);
    CHECK(errors[0].message.find("trailing comma") != std::string::npos);
    errors.clear();
    std::vector<EditFile> files = committed();
    files.push_back({"schema.json", R"({"$schema": "https://json-schema.org/draft/2020-12/schema"})"});
    CHECK(s.open(files, errors));
    CHECK(s.file_count() == 4);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].severity == Severity::Note);
}

TEST_CASE("edit: live validation checks quotes against the texts given, a source without one is not checked") {
    EditSession s;
    open_committed(s);
    const std::string text = "Semiconductor technology is the core of the entire manufacturing industry.";
    LoadOptions opt;
    opt.source_text = [&](std::string_view file) {
        SourceText t;  // not ok, no error: no text for this source
        if (file == "000_08aab43c31a89dcb.txt") t.ok = true, t.text = text, t.name = "sources/000_08aab43c31a89dcb.txt";
        return t;
    };
    s.set_load_options(opt);
    const LoadResult& v = s.validation();
    REQUIRE_FALSE(v.ok());
    CHECK(v.quotes_checked >= 1);  // the one sentence given is found
    size_t errors = 0;
    for (const Diagnostic& d : v.diagnostics) {
        if (d.severity != Severity::Error) continue;
        ++errors;
        INFO(d.to_string());
        CHECK(d.pointer.size() > 6);
        CHECK(d.pointer.substr(d.pointer.size() - 6) == "/quote");
        CHECK(d.message.find("sources/000_08aab43c31a89dcb.txt") != std::string::npos);
    }
    CHECK(errors == v.quote_errors);
    CHECK(errors > 3);
    CHECK(v.showable);  // only quotes not found: the dataset is complete, an editor's map shows it
    CHECK(v.dataset.find_org("astri") >= 0);

    // The same messages as the loader gives with those texts (what --validate --sources prints).
    std::vector<InputFile> in;
    for (size_t i = 0; i < s.file_count(); ++i) in.push_back({s.file(i).name, s.file(i).text});
    const LoadResult again = load_dataset(in, opt);
    REQUIRE(again.diagnostics.size() == v.diagnostics.size());
    for (size_t i = 0; i < v.diagnostics.size(); ++i) CHECK(again.diagnostics[i].to_string() == v.diagnostics[i].to_string());

    // Another error keeps the dataset off the map.
    REQUIRE(s.set_field(EditKind::Organisation, "astri", "/region", "\"atlantis\"").ok);
    CHECK_FALSE(s.validation().showable);
}

// The map's form edits a fact's scalar fields; the fact's translations and an event's stay as they are.
TEST_CASE("edit: a fact's value edited keeps the fact's translations") {
    EditSession s;
    open_committed(s);
    REQUIRE(s.set_field(EditKind::Collaboration, "metc", "/facts/0/value", "11").ok);
    REQUIRE(s.set_field(EditKind::Event, "metc.launch", "/title", R"("ASTRI launches the consortium")").ok);
    std::vector<InputFile> in;
    for (size_t i = 0; i < s.file_count(); ++i) in.push_back({s.file(i).name, s.file(i).text});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    const Collaboration& c = r.dataset.collaborations[static_cast<size_t>(r.dataset.find_collab("metc"))];
    CHECK(c.facts[0].value == 11);
    CHECK(c.facts[0].translations.size() == 4);
    CHECK(c.facts[0].label_in(Locale::Ko) != c.facts[0].label);
    const auto e = std::find_if(r.dataset.events.begin(), r.dataset.events.end(), [](const Event& x) { return x.id == "metc.launch"; });
    REQUIRE(e != r.dataset.events.end());
    CHECK(e->title == "ASTRI launches the consortium");
    CHECK(e->translations.size() == 4);
}

// A list inside a list's item (a fact's translations) is added to and taken from by its pointer,
// as the forms do; a pointer to nothing, or to what is not a list, changes nothing.
TEST_CASE("edit: a fact's translations added and removed by their list's pointer") {
    EditSession s;
    open_committed(s);
    auto fact_labels = [&] {
        std::vector<InputFile> in;
        for (size_t i = 0; i < s.file_count(); ++i) in.push_back({s.file(i).name, s.file(i).text});
        LoadResult r = load_dataset(in);
        REQUIRE(r.ok());
        return r.dataset.collaborations[static_cast<size_t>(r.dataset.find_collab("metc"))].facts;
    };
    const size_t before = fact_labels()[0].translations.size();
    REQUIRE(before == 4);
    // Take the Korean label out, then add it back with another text.
    size_t ko = 0;
    while (fact_labels()[0].translations[ko].lang != Lang::Ko) ++ko;
    REQUIRE(s.remove_item(EditKind::Collaboration, "metc", "/facts/0/translations", ko).ok);
    CHECK(fact_labels()[0].translations.size() == before - 1);
    CHECK(fact_labels()[0].label_in(Locale::Ko) == fact_labels()[0].label);  // English, as the fallback
    REQUIRE(s.add_item(EditKind::Collaboration, "metc", "/facts/0/translations", R"({"lang": "ko", "label": "회원 수"})").ok);
    CHECK(fact_labels()[0].label_in(Locale::Ko) == "회원 수");
    // Refused, with nothing changed.
    const std::string kept = s.file(0).text;
    CHECK(s.add_item(EditKind::Collaboration, "metc", "/facts/99/translations", "{}").error == "no list \"/facts/99/translations\"");
    CHECK(s.add_item(EditKind::Collaboration, "metc", "/facts/0/label", "{}").error == "\"/facts/0/label\" is not a list");
    CHECK(s.add_item(EditKind::Collaboration, "metc", "/facts/x/translations", "{}").error.find("no list") == 0);
    CHECK(s.remove_item(EditKind::Collaboration, "metc", "/facts/0/translations", 9).error == "no item 9 in \"/facts/0/translations\"");
    CHECK(s.remove_item(EditKind::Collaboration, "metc", "/facts/0/nothing", 0).error == "no item 0 in \"/facts/0/nothing\"");
    CHECK(s.file(0).text == kept);
    REQUIRE(s.undo());  // the addition
    CHECK(fact_labels()[0].translations.size() == before - 1);
    // Member names, as before.
    REQUIRE(s.add_item(EditKind::Collaboration, "metc", "topics", R"("talent")").ok);
}
