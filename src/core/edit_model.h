// The edit model of issue 16: edit operations on the dataset files, each undoable (snapshots of the
// changed files' canonical text), and live validation with the loader after every change.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset_json.h"
#include "core/diagnostics.h"

namespace ca {

enum class EditKind { Source, Organisation, Collaboration, Event };

struct EditFile {
    std::string name;  // shown in diagnostics; where a native save writes it
    std::string text;
};

// A place in the data that refers to an element by id, e.g. collaboration "metc"'s participant 1.
struct EditReference {
    size_t file = 0;
    std::string pointer;  // RFC 6901, in that file: "/collaborations/0/participants/1"
    std::string what;     // 'collaboration "metc" participants/1 (org)'
};

struct EditResult {
    bool ok = false;
    std::string error;                      // why nothing changed, when !ok
    std::vector<EditReference> references;  // remove() refused: what still refers to the element
};

// Every operation either changes the data (one undo step; nothing when the result is the same
// text) or refuses with a reason and changes nothing. A change that makes the data invalid is
// allowed (the editor may be halfway): validation() then lists the errors.
class EditSession {
public:
    EditSession();
    ~EditSession();
    EditSession(const EditSession&) = delete;
    EditSession& operator=(const EditSession&) = delete;

    // Opens dataset files (a JSON Schema among them is skipped with a note); each must be valid
    // JSON, else false with FILE:LINE:COL errors. The texts are rewritten canonically at once.
    bool open(std::vector<EditFile> files, std::vector<Diagnostic>& errors);
    size_t file_count() const;
    const EditFile& file(size_t i) const;  // the current canonical text
    bool modified(size_t i) const;         // differs from the text last opened or marked saved
    void mark_saved();

    // Elements are JSON objects given as text (at most kMaxEditText bytes, nesting 16 deep).
    EditResult add(EditKind kind, std::string_view element_json);  // needs a string "id"
    EditResult update(EditKind kind, std::string_view id, std::string_view element_json);
    // Refused while other elements refer to it (result.references says which) unless
    // also_references, which removes those references too (list entries, or the field).
    EditResult remove(EditKind kind, std::string_view id, bool also_references = false);
    // pointer is relative to the element ("/name", "/participants/0/role"); an empty value_json
    // removes that member or array element. The element's "id" is set like any field.
    EditResult set_field(EditKind kind, std::string_view id, std::string_view pointer, std::string_view value_json);
    // Several fields as one change (one undo step, e.g. a drag's lat and lon); all or nothing.
    EditResult set_fields(EditKind kind, std::string_view id, const std::vector<std::pair<std::string, std::string>>& values);
    // Appends to a list field (participants, evidence, facts, names, sources, topics, inferred...),
    // created when missing; remove_item takes element index out of it. `list` is the member's name
    // or a pointer inside the element to a list deeper in ("/facts/0/translations").
    EditResult add_item(EditKind kind, std::string_view id, std::string_view list, std::string_view value_json);
    EditResult remove_item(EditKind kind, std::string_view id, std::string_view list, size_t index);

    // Replaces whole files' texts, named as opened (e.g. a web page's kept edits after a reload),
    // as one change; each must be JSON (rewritten canonically), else nothing changes.
    EditResult replace_files(const std::vector<EditFile>& files);

    std::vector<EditReference> references_to(EditKind kind, std::string_view id) const;
    // Where an element is: its file and pointer ("/organisations/3"); false when no such id.
    bool locate(EditKind kind, std::string_view id, size_t& file, std::string& pointer) const;

    // The element's canonical JSON text (its lines as in the file, unindented); "" when no such id.
    std::string element_text(EditKind kind, std::string_view id) const;
    // The element a diagnostic's file name and pointer fall in ("/organisations/3/lat"): its kind
    // and id (which may be ""), so the editor can focus it; false when the pointer is not in one.
    bool element_at(std::string_view file_name, std::string_view pointer, EditKind& kind, std::string& id, std::string& field) const;

    bool can_undo() const;
    bool can_redo() const;
    bool undo();
    bool redo();
    size_t undo_steps() const;
    size_t history_bytes() const;  // text held by the undo and redo stacks (shared texts once)

    // The loader's verdict on the current data: the same diagnostics as --validate.
    const LoadResult& validation() const;
    void set_load_options(LoadOptions opt);  // e.g. source_text for the quote check

    static constexpr size_t kMaxEditText = 1u << 20;
    static constexpr size_t kMaxFileText = 64u << 20;  // replace_files: one file's text

private:
    struct Impl;
    std::unique_ptr<Impl> p_;
};

const char* edit_kind_array(EditKind kind);                       // "organisations", ...
const char* edit_kind_name(EditKind kind);                        // "organisation", ...
bool edit_kind_from_name(std::string_view name, EditKind& kind);  // its inverse; false for another name
// The tokens of an RFC 6901 pointer ("" is the value itself: none); false when it is malformed.
bool split_pointer(std::string_view ptr, std::vector<std::string>& out);

}  // namespace ca
