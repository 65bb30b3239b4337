// The edit model: the dataset files as mutable nlohmann_json trees, every change written back
// through the canonical writer, undo/redo by the changed files' before/after texts, and the
// loader run over the texts after every change (live validation).
#include "core/edit_model.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "core/json_canonical.h"
#include "core/json_doc.h"
#include "core/json_writer.h"

namespace ca {

namespace {

constexpr int kMaxEditDepth = 16;

// A file's text before and after a step; consecutive steps share the text between them.
using Text = std::shared_ptr<const std::string>;
struct FileStep {
    size_t file;
    Text before, after;
};
using Step = std::vector<FileStep>;

EditResult fail(std::string why) {
    EditResult r;
    r.error = std::move(why);
    return r;
}

std::string dq(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Parses a value given as text: capped, nesting bounded, no exceptions.
bool parse_value(std::string_view text, OJson& out, std::string& why) {
    if (text.size() > EditSession::kMaxEditText) {
        why = "value is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(EditSession::kMaxEditText);
        return false;
    }
    if (json_too_deep_at(text, kMaxEditDepth) != text.size()) {
        why = "value nests deeper than " + std::to_string(kMaxEditDepth) + " levels";
        return false;
    }
    if (!parse_ojson(text, out)) {
        JsonDoc doc;
        JsonError err;
        doc.parse(text, kMaxEditDepth, err);
        why = "value is not valid JSON at byte " + std::to_string(err.offset) + ": " + err.message;
        return false;
    }
    return true;
}

// An array index token: digits only, no leading zero, below limit.
bool index_token(const std::string& t, size_t limit, size_t& out) {
    if (t.empty() || t.size() > 9 || (t.size() > 1 && t[0] == '0')) return false;
    out = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<size_t>(c - '0');
    }
    return out < limit;
}

struct RefRule {
    const char* array;  // where the referring elements are
    const char* list;   // their list holding the reference (nullptr: a field of the element itself)
    const char* field;  // the field naming the id (nullptr: the list's entries are the ids)
};

const std::vector<RefRule>& ref_rules(EditKind k) {
    static const std::vector<RefRule> org = {{"collaborations", "participants", "org"}, {"organisations", nullptr, "parent"}};
    static const std::vector<RefRule> src = {{"organisations", "sources", nullptr},
                                             {"collaborations", "evidence", "source"},
                                             {"collaborations", "facts", "source"},
                                             {"events", nullptr, "source"}};
    static const std::vector<RefRule> col = {{"events", nullptr, "collaboration"}, {"collaborations", nullptr, "parent"}};
    static const std::vector<RefRule> none;
    return k == EditKind::Organisation ? org : k == EditKind::Source ? src : k == EditKind::Collaboration ? col : none;
}

bool names(const OJson& v, std::string_view id) { return v.is_string() && v.get_ref<const std::string&>() == id; }

std::string element_label(const char* array, const OJson& e, size_t index) {
    std::string kind = array;
    kind.pop_back();  // "organisations" -> "organisation"
    auto it = e.find("id");
    if (it != e.end() && it->is_string()) return kind + " " + dq(it->get_ref<const std::string&>());
    return kind + " #" + std::to_string(index);
}

}  // namespace

bool split_pointer(std::string_view ptr, std::vector<std::string>& out) {
    out.clear();
    if (ptr.empty()) return true;
    if (ptr[0] != '/') return false;
    std::string tok;
    for (size_t i = 1; i <= ptr.size(); ++i) {
        if (i == ptr.size() || ptr[i] == '/') {
            out.push_back(tok);
            tok.clear();
        } else if (ptr[i] == '~') {
            if (i + 1 >= ptr.size() || (ptr[i + 1] != '0' && ptr[i + 1] != '1')) return false;
            tok += ptr[++i] == '0' ? '~' : '/';
        } else {
            tok += ptr[i];
        }
    }
    return true;
}

const char* edit_kind_array(EditKind k) {
    static const char* const a[] = {"sources", "organisations", "collaborations", "events"};
    return a[static_cast<int>(k)];
}
const char* edit_kind_name(EditKind k) {
    static const char* const a[] = {"source", "organisation", "collaboration", "event"};
    return a[static_cast<int>(k)];
}

bool edit_kind_from_name(std::string_view name, EditKind& kind) {
    for (const EditKind k : {EditKind::Source, EditKind::Organisation, EditKind::Collaboration, EditKind::Event})
        if (name == edit_kind_name(k)) {
            kind = k;
            return true;
        }
    return false;
}

struct EditSession::Impl {
    std::vector<EditFile> files;
    std::vector<OJson> trees;
    std::vector<std::string> saved;
    std::vector<Text> shared;  // each file's current text, as the undo steps hold it
    std::vector<Step> undo, redo;
    LoadOptions options;
    LoadResult result;

    void validate() {
        std::vector<InputFile> in;
        for (auto& f : files) in.push_back({f.name, f.text});
        result = load_dataset(in, options);
    }
    // Writes every tree back; the files whose text changed become one undo step.
    void commit() {
        Step step;
        for (size_t i = 0; i < files.size(); ++i) {
            std::string text = write_canonical(trees[i]);
            if (text == files[i].text) continue;
            Text after = std::make_shared<const std::string>(text);
            step.push_back({i, shared[i], after});
            shared[i] = std::move(after);
            files[i].text = std::move(text);
        }
        if (step.empty()) return;
        undo.push_back(std::move(step));
        redo.clear();
        validate();
    }
    void restore(const Step& step, bool forward) {
        for (const FileStep& s : step) {
            shared[s.file] = forward ? s.after : s.before;
            files[s.file].text = *shared[s.file];
            parse_ojson(files[s.file].text, trees[s.file]);
        }
        validate();
    }
    // The element with this id (the first when ids repeat): its file and index in its array.
    bool find(EditKind k, std::string_view id, size_t& file, size_t& index) const {
        for (size_t f = 0; f < trees.size(); ++f) {
            auto arr = trees[f].find(edit_kind_array(k));
            if (arr == trees[f].end() || !arr->is_array()) continue;
            for (size_t i = 0; i < arr->size(); ++i) {
                const OJson& e = (*arr)[i];
                if (e.is_object() && names(e.value("id", OJson()), id)) {
                    file = f;
                    index = i;
                    return true;
                }
            }
        }
        return false;
    }
    OJson* element(EditKind k, std::string_view id) {
        size_t f, i;
        if (!find(k, id, f, i)) return nullptr;
        return &trees[f][edit_kind_array(k)][i];
    }
    // The file new elements of kind k go to: the first holding its array, else the first file.
    size_t home(EditKind k) const {
        for (size_t f = 0; f < trees.size(); ++f)
            if (trees[f].contains(edit_kind_array(k))) return f;
        return 0;
    }
    std::vector<EditReference> references(EditKind k, std::string_view id) const;
    void drop_references(const std::vector<EditReference>& refs);
};

std::vector<EditReference> EditSession::Impl::references(EditKind k, std::string_view id) const {
    std::vector<EditReference> out;
    for (const RefRule& rule : ref_rules(k)) {
        for (size_t f = 0; f < trees.size(); ++f) {
            auto arr = trees[f].find(rule.array);
            if (arr == trees[f].end() || !arr->is_array()) continue;
            for (size_t i = 0; i < arr->size(); ++i) {
                const OJson& e = (*arr)[i];
                if (!e.is_object()) continue;
                const std::string base = "/" + std::string(rule.array) + "/" + std::to_string(i);
                if (!rule.list) {
                    auto v = e.find(rule.field);
                    if (v != e.end() && names(*v, id))
                        out.push_back({f, base + "/" + rule.field, element_label(rule.array, e, i) + " (" + rule.field + ")"});
                    continue;
                }
                auto list = e.find(rule.list);
                if (list == e.end() || !list->is_array()) continue;
                for (size_t j = 0; j < list->size(); ++j) {
                    const OJson& item = (*list)[j];
                    const bool hit = rule.field ? item.is_object() && names(item.value(rule.field, OJson()), id) : names(item, id);
                    if (!hit) continue;
                    std::string where = std::string(rule.list) + "/" + std::to_string(j);
                    out.push_back({f, base + "/" + where, element_label(rule.array, e, i) + " " + where});
                }
            }
        }
    }
    return out;
}

// Removes each reference: a list entry, or the field itself. Later list entries go first, so the
// indices of the others stay right.
void EditSession::Impl::drop_references(const std::vector<EditReference>& refs) {
    std::vector<EditReference> sorted = refs;
    std::sort(sorted.begin(), sorted.end(), [](const EditReference& a, const EditReference& b) {
        return a.file != b.file                       ? a.file > b.file
               : a.pointer.size() != b.pointer.size() ? a.pointer.size() > b.pointer.size()
                                                      : a.pointer > b.pointer;
    });
    for (const EditReference& r : sorted) {
        std::vector<std::string> tok;
        if (!split_pointer(r.pointer, tok) || tok.size() < 3) continue;
        OJson* v = &trees[r.file];
        for (size_t t = 0; t + 1 < tok.size(); ++t) {
            size_t idx;
            v = v->is_object() ? &(*v)[tok[t]] : index_token(tok[t], v->size(), idx) ? &(*v)[idx] : nullptr;
            if (!v) break;
        }
        if (!v) continue;
        size_t idx;
        if (v->is_object())
            v->erase(tok.back());
        else if (v->is_array() && index_token(tok.back(), v->size(), idx))
            v->erase(v->begin() + static_cast<long>(idx));
    }
}

EditSession::EditSession() : p_(std::make_unique<Impl>()) {}
EditSession::~EditSession() = default;

bool EditSession::open(std::vector<EditFile> files, std::vector<Diagnostic>& errors) {
    Impl fresh;
    fresh.options = p_->options;
    for (EditFile& f : files) {
        FormatOutcome r = format_dataset_text(f.text);
        Diagnostic d;
        d.file = f.name;
        if (r.status == FormatStatus::Invalid) {
            line_col(f.text, r.error.offset, d.line, d.col);
            d.message = r.error.message;
            errors.push_back(d);
            continue;
        }
        if (r.status == FormatStatus::Schema) {
            d.line = d.col = 1;
            d.severity = Severity::Note;
            d.message = "skipped: a JSON Schema (for editors), not a dataset file";
            errors.push_back(d);
            continue;
        }
        OJson tree;
        parse_ojson(r.text, tree);
        fresh.trees.push_back(std::move(tree));
        fresh.saved.push_back(r.text);
        fresh.shared.push_back(std::make_shared<const std::string>(r.text));
        fresh.files.push_back({std::move(f.name), std::move(r.text)});
    }
    if (count_errors(errors) || fresh.files.empty()) return false;
    *p_ = std::move(fresh);
    p_->validate();
    return true;
}

size_t EditSession::file_count() const { return p_->files.size(); }
const EditFile& EditSession::file(size_t i) const { return p_->files[i]; }
bool EditSession::modified(size_t i) const { return p_->files[i].text != p_->saved[i]; }
void EditSession::mark_saved() {
    for (size_t i = 0; i < p_->files.size(); ++i) p_->saved[i] = p_->files[i].text;
}

EditResult EditSession::replace_files(const std::vector<EditFile>& files) {
    std::vector<std::pair<size_t, OJson>> next;
    for (const EditFile& f : files) {
        size_t i = 0;
        while (i < p_->files.size() && p_->files[i].name != f.name) ++i;
        if (i == p_->files.size()) return fail("no file " + dq(f.name) + " is open");
        if (f.text.size() > kMaxFileText)
            return fail(f.name + " is " + std::to_string(f.text.size()) + " bytes, over the limit of " + std::to_string(kMaxFileText));
        FormatOutcome r = format_dataset_text(f.text);
        if (r.status != FormatStatus::Ok) {
            int line = 1, col = 1;
            line_col(f.text, r.error.offset, line, col);
            return fail(f.name + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " +
                        (r.status == FormatStatus::Schema ? std::string("a JSON Schema, not a dataset file") : r.error.message));
        }
        OJson tree;
        parse_ojson(r.text, tree);
        next.emplace_back(i, std::move(tree));
    }
    for (auto& [i, tree] : next) p_->trees[i] = std::move(tree);
    p_->commit();
    EditResult ok;
    ok.ok = true;
    return ok;
}

EditResult EditSession::add(EditKind k, std::string_view element_json) {
    OJson e;
    std::string why;
    if (!parse_value(element_json, e, why)) return fail(why);
    if (!e.is_object()) return fail(std::string("a new ") + edit_kind_name(k) + " must be a JSON object");
    auto id = e.find("id");
    if (id == e.end() || !id->is_string() || id->get_ref<const std::string&>().empty())
        return fail(std::string("a new ") + edit_kind_name(k) + " needs an \"id\" string");
    if (p_->trees.empty()) return fail("no dataset is open");
    OJson& arr = p_->trees[p_->home(k)][edit_kind_array(k)];
    if (!arr.is_array()) arr = OJson::array();
    arr.push_back(std::move(e));
    p_->commit();
    return {true, {}, {}};
}

EditResult EditSession::update(EditKind k, std::string_view id, std::string_view element_json) {
    OJson e;
    std::string why;
    if (!parse_value(element_json, e, why)) return fail(why);
    if (!e.is_object()) return fail(std::string("an ") + edit_kind_name(k) + " must be a JSON object");
    OJson* target = p_->element(k, id);
    if (!target) return fail(std::string("no ") + edit_kind_name(k) + " " + dq(id));
    *target = std::move(e);
    p_->commit();
    return {true, {}, {}};
}

EditResult EditSession::remove(EditKind k, std::string_view id, bool also_references) {
    size_t f, i;
    if (!p_->find(k, id, f, i)) return fail(std::string("no ") + edit_kind_name(k) + " " + dq(id));
    std::vector<EditReference> refs = p_->references(k, id);
    if (!refs.empty() && !also_references) {
        EditResult r = fail(std::string(edit_kind_name(k)) + " " + dq(id) + " is still referenced by " + std::to_string(refs.size()) +
                            (refs.size() == 1 ? " element: " : " elements: ") + refs.front().what + (refs.size() > 1 ? ", ..." : ""));
        r.references = std::move(refs);
        return r;
    }
    OJson& arr = p_->trees[f][edit_kind_array(k)];
    arr.erase(arr.begin() + static_cast<long>(i));
    p_->drop_references(refs);
    p_->commit();
    return {true, {}, {}};
}

namespace {

// What holds the last of a pointer's tokens inside v: the members and items its other tokens
// name, in turn; null when one of them is not there.
OJson* parent_of(OJson* v, const std::vector<std::string>& tok) {
    for (size_t t = 0; v && t + 1 < tok.size(); ++t) {
        size_t idx;
        if (v->is_object() && v->contains(tok[t]))
            v = &(*v)[tok[t]];
        else if (v->is_array() && index_token(tok[t], v->size(), idx))
            v = &(*v)[idx];
        else
            v = nullptr;
    }
    return v;
}

// Sets (or, with an empty value_json, removes) the member or item at pointer inside element e.
EditResult set_in(OJson* v, std::string_view pointer, std::string_view value_json) {
    std::vector<std::string> tok;
    if (!split_pointer(pointer, tok) || tok.empty()) return fail("bad field pointer " + dq(pointer));
    OJson value;
    std::string why;
    const bool erase = value_json.empty();
    if (!erase && !parse_value(value_json, value, why)) return fail(why);
    v = parent_of(v, tok);
    if (!v) return fail("no field " + dq(pointer));
    const std::string& last = tok.back();
    size_t idx;
    if (v->is_object()) {
        if (erase && !v->contains(last)) return fail("no field " + dq(pointer));
        if (erase)
            v->erase(last);
        else
            (*v)[last] = std::move(value);
    } else if (v->is_array() && index_token(last, v->size() + (erase ? 0 : 1), idx)) {
        if (erase)
            v->erase(v->begin() + static_cast<long>(idx));
        else if (idx == v->size())
            v->push_back(std::move(value));
        else
            (*v)[idx] = std::move(value);
    } else {
        return fail("no field " + dq(pointer));
    }
    return {true, {}, {}};
}

}  // namespace

EditResult EditSession::set_field(EditKind k, std::string_view id, std::string_view pointer, std::string_view value_json) {
    return set_fields(k, id, {{std::string(pointer), std::string(value_json)}});
}

EditResult EditSession::set_fields(EditKind k, std::string_view id, const std::vector<std::pair<std::string, std::string>>& values) {
    OJson* e = p_->element(k, id);
    if (!e) return fail(std::string("no ") + edit_kind_name(k) + " " + dq(id));
    OJson copy = *e;  // all or nothing
    for (const auto& [pointer, value] : values) {
        EditResult r = set_in(&copy, pointer, value);
        if (!r.ok) return r;
    }
    *e = std::move(copy);
    p_->commit();
    return {true, {}, {}};
}

namespace {

// The list `list` names inside element e: a member's name ("facts") or a pointer to a list
// deeper in ("/facts/0/translations"), whose last member is made an empty list when missing
// and `create`. Null, with why, when it names nothing, or something that is not a list.
OJson* list_in(OJson* e, std::string_view list, bool create, std::string& why) {
    std::vector<std::string> tok;
    if (list.empty() || list[0] != '/')
        tok.emplace_back(list);
    else if (!split_pointer(list, tok) || tok.empty())
        tok.clear();
    OJson* v = tok.empty() ? nullptr : parent_of(e, tok);
    if (tok.empty() || !v || !v->is_object() || (!create && !v->contains(tok.back()))) {
        why = "no list " + dq(list);
        return nullptr;
    }
    OJson& l = (*v)[tok.back()];
    if (l.is_null()) l = OJson::array();
    if (!l.is_array()) {
        why = dq(list) + " is not a list";
        return nullptr;
    }
    return &l;
}

}  // namespace

EditResult EditSession::add_item(EditKind k, std::string_view id, std::string_view list, std::string_view value_json) {
    OJson value;
    std::string why;
    if (!parse_value(value_json, value, why)) return fail(why);
    OJson* e = p_->element(k, id);
    if (!e) return fail(std::string("no ") + edit_kind_name(k) + " " + dq(id));
    OJson copy = *e;  // a missing list made, then refused, leaves nothing behind
    OJson* l = list_in(&copy, list, true, why);
    if (!l) return fail(why);
    l->push_back(std::move(value));
    *e = std::move(copy);
    p_->commit();
    return {true, {}, {}};
}

EditResult EditSession::remove_item(EditKind k, std::string_view id, std::string_view list, size_t index) {
    OJson* e = p_->element(k, id);
    if (!e) return fail(std::string("no ") + edit_kind_name(k) + " " + dq(id));
    std::string why;
    OJson* l = list_in(e, list, false, why);
    if (!l || index >= l->size()) return fail("no item " + std::to_string(index) + " in " + dq(list));
    l->erase(l->begin() + static_cast<long>(index));
    p_->commit();
    return {true, {}, {}};
}

std::vector<EditReference> EditSession::references_to(EditKind k, std::string_view id) const { return p_->references(k, id); }

bool EditSession::locate(EditKind k, std::string_view id, size_t& file, std::string& pointer) const {
    size_t i;
    if (!p_->find(k, id, file, i)) return false;
    pointer = "/" + std::string(edit_kind_array(k)) + "/" + std::to_string(i);
    return true;
}

std::string EditSession::element_text(EditKind k, std::string_view id) const {
    size_t f, i;
    if (!p_->find(k, id, f, i)) return "";
    std::string text = write_canonical(p_->trees[f][edit_kind_array(k)][i]);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

bool EditSession::element_at(std::string_view file_name, std::string_view pointer, EditKind& kind, std::string& id,
                             std::string& field) const {
    std::vector<std::string> tok;
    if (!split_pointer(pointer, tok) || tok.size() < 2) return false;
    for (size_t f = 0; f < p_->files.size(); ++f) {
        if (p_->files[f].name != file_name) continue;
        for (int k = 0; k < 4; ++k) {
            if (tok[0] != edit_kind_array(static_cast<EditKind>(k))) continue;
            auto arr = p_->trees[f].find(tok[0]);
            size_t idx;
            if (arr == p_->trees[f].end() || !arr->is_array() || !index_token(tok[1], arr->size(), idx)) return false;
            const OJson& e = (*arr)[idx];
            kind = static_cast<EditKind>(k);
            id = e.is_object() && e.value("id", OJson()).is_string() ? e["id"].get<std::string>() : "";
            field.clear();
            for (size_t t = 2; t < tok.size(); ++t) field += "/" + tok[t];
            return true;
        }
    }
    return false;
}

bool EditSession::can_undo() const { return !p_->undo.empty(); }
bool EditSession::can_redo() const { return !p_->redo.empty(); }
size_t EditSession::undo_steps() const { return p_->undo.size(); }

bool EditSession::undo() {
    if (p_->undo.empty()) return false;
    p_->redo.push_back(std::move(p_->undo.back()));
    p_->undo.pop_back();
    p_->restore(p_->redo.back(), false);
    return true;
}

bool EditSession::redo() {
    if (p_->redo.empty()) return false;
    p_->undo.push_back(std::move(p_->redo.back()));
    p_->redo.pop_back();
    p_->restore(p_->undo.back(), true);
    return true;
}

size_t EditSession::history_bytes() const {
    std::vector<const std::string*> seen;
    for (auto* stack : {&p_->undo, &p_->redo})
        for (const Step& s : *stack)
            for (const FileStep& f : s) seen.insert(seen.end(), {f.before.get(), f.after.get()});
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    size_t n = 0;
    for (const std::string* t : seen) n += t->size();
    return n;
}

const LoadResult& EditSession::validation() const { return p_->result; }

void EditSession::set_load_options(LoadOptions opt) {
    p_->options = std::move(opt);
    if (!p_->files.empty()) p_->validate();
}

}  // namespace ca
