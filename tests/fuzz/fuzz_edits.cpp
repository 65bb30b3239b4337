// libFuzzer target for the edit model (core/edit_model.h): the input drives a sequence of edit
// operations (add, update, remove with or without references, set a field, add and remove list
// items, undo, redo) on the bundled dataset, with ids, pointers and values drawn from pools of
// good and bad ones or taken raw from the input. After every operation the data is either valid
// or the validation lists its errors; at the end every file is in the canonical format, undo all
// returns the start byte for byte and redo all returns the end.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/edit_model.h"
#include "core/embedded.h"
#include "core/json_writer.h"

namespace {

struct Input {
    const uint8_t* p;
    size_t n;
    uint8_t byte() {
        if (!n) return 0;
        --n;
        return *p++;
    }
    std::string raw() {  // up to 64 bytes of the input as they are
        size_t len = byte() % 64;
        if (len > n) len = n;
        std::string s(reinterpret_cast<const char*>(p), len);
        p += len;
        n -= len;
        return s;
    }
};

const char* const kIds[] = {"astri", "metc", "hk_astri_polyu", "tsmc", "new0", "new1", "", "x/y", "ase_academia", "metc.launch"};
const char* const kPointers[] = {"/name",
                                 "/lat",
                                 "/lon",
                                 "/id",
                                 "/participants/0/org",
                                 "/participants/1",
                                 "/names/0",
                                 "/kind",
                                 "/start",
                                 "/end",
                                 "/parent",
                                 "/evidence/0/quote",
                                 "/sources/0",
                                 "/facts/0/value",
                                 "/a~1b",
                                 "/participants",
                                 "/inferred",
                                 "/x/y/z",
                                 "",
                                 "/",
                                 "/names/00"};
const char* const kLists[] = {"participants", "evidence", "facts", "names", "sources", "topics", "inferred", "name", "x"};
const char* const kValues[] = {
    "",
    "1",
    "123.5",
    "-1e308",
    "1e999",
    "null",
    "true",
    "\"astri\"",
    "\"new0\"",
    "\"\"",
    "\"2024-05-02\"",
    "\"2024-13-40\"",
    "[]",
    "{}",
    "[\"hk_astri_polyu\"]",
    R"({"org": "astri", "role": "lead"})",
    R"({"org": "new0", "role": "partner"})",
    R"({"source": "hk_astri_polyu", "quote": "q"})",
    R"({"id": "new0", "name": "N", "kind": "company", "region": "taiwan", "lat": 23, "lon": 120, "sources": []})",
    R"({"id": "new1", "title": "T", "kind": "mou", "participants": [], "start": "2024"})",
    R"({"id": "metc", "title": "dup"})",
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    "{\"a\":",
    "\"\\ud800\""};

template <size_t N>
const char* pick(Input& in, const char* const (&pool)[N]) {
    return pool[in.byte() % N];
}

std::string value(Input& in) { return in.byte() % 8 == 0 ? in.raw() : std::string(pick(in, kValues)); }
std::string id(Input& in) { return in.byte() % 16 == 0 ? in.raw() : std::string(pick(in, kIds)); }

std::vector<std::string> texts(const ca::EditSession& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.file_count(); ++i) out.push_back(s.file(i).text);
    return out;
}

void step(ca::EditSession& s, Input& in) {
    const auto kind = static_cast<ca::EditKind>(in.byte() % 4);
    switch (in.byte() % 9) {
        case 0:
            s.add(kind, value(in));
            break;
        case 1:
            s.update(kind, id(in), value(in));
            break;
        case 2:
            s.remove(kind, id(in), in.byte() & 1);
            break;
        case 3:
            s.set_field(kind, id(in), in.byte() % 8 == 0 ? in.raw() : pick(in, kPointers), value(in));
            break;
        case 4:
            s.add_item(kind, id(in), pick(in, kLists), value(in));
            break;
        case 5:
            s.remove_item(kind, id(in), pick(in, kLists), in.byte() % 4);
            break;
        case 6:
            s.undo();
            break;
        case 7:
            s.redo();
            break;
        default:
            s.references_to(kind, id(in));
            break;
    }
    const ca::LoadResult& v = s.validation();
    if (!v.ok() && ca::count_errors(v.diagnostics) == 0) std::abort();  // invalid data always says why
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<ca::EditFile> start = [] {
        std::vector<ca::EditFile> files;
        for (auto& f : ca::embedded_dataset()) files.push_back({f.name, std::string(f.text())});
        return files;
    }();
    ca::EditSession s;
    std::vector<ca::Diagnostic> errors;
    if (!s.open(start, errors)) std::abort();
    const std::vector<std::string> first = texts(s);
    Input in{data, size};
    for (int i = 0; i < 32 && in.n; ++i) step(s, in);
    const std::vector<std::string> last = texts(s);
    for (const std::string& t : last) {
        ca::FormatOutcome r = ca::format_dataset_text(t);
        if (r.status != ca::FormatStatus::Ok || r.text != t) std::abort();  // every file stays canonical
    }
    size_t undone = 0;
    while (s.undo()) ++undone;
    if (texts(s) != first) std::abort();
    for (size_t i = 0; i < undone; ++i) s.redo();
    if (texts(s) != last) std::abort();
    return 0;
}
