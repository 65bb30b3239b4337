// The edit panel as commands (`editView`, `editDo`), for the web page's editing layer of real
// controls (web/js/edit_layer.js): what the ImGui panel shows and does, for keyboard and screen readers.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/app.h"
#include "core/edit_fields.h"
#include "core/edit_model.h"
#include "core/json_doc.h"
#include "core/json_out.h"
#include "core/story.h"
#include "ui/edit_view.h"
#include "ui/story_edit_view.h"

namespace ca {

namespace {

using json = JsonOut;

constexpr size_t kMaxListed = 50;     // elements listed for a query (the layer's list and id suggestions)
constexpr size_t kMaxMessages = 200;  // validation messages in a reply (their count is always whole)

const char* type_name(FieldType t) {
    switch (t) {
        case FieldType::LongText:
            return "longtext";
        case FieldType::Enum:
            return "enum";
        case FieldType::Date:
            return "date";
        case FieldType::Id:
            return "id";
        case FieldType::Number:
            return "number";
        case FieldType::Integer:
            return "integer";
        case FieldType::List:
            return "list";
        default:
            return "text";
    }
}

json field_json(const FormField& f) {
    json o{{"key", f.key}, {"label", field_label(f)}, {"type", type_name(f.type)}, {"required", f.required}};
    if (f.type == FieldType::List) o["itemLabel"] = item_label(f);  // "Participant", in the interface language
    if (!f.choices.empty()) o["choices"] = json(f.choices);
    if (f.type == FieldType::Id || (f.type == FieldType::List && f.item_type == FieldType::Id)) o["ref"] = edit_kind_name(f.ref);
    if (f.type == FieldType::List) {
        if (f.items.empty()) o["itemType"] = type_name(f.item_type);
        json items = json::array();
        for (const FormField& sub : f.items) items.push_back(field_json(sub));
        o["items"] = std::move(items);
    }
    return o;
}

std::string str_of(const JValue& c, std::string_view key) { return std::string(c.find(key).str()); }

}  // namespace

// `editView` and `editDo` (core/commands.cpp has checked the text's size and depth).
std::string App::edit_command(std::string_view text) {
    if (!edit_) return error_reply_json("edit mode is not open");
    JsonDoc doc;
    JsonError err;
    if (!doc.parse(text, 16, err) || !doc.root().is_object()) return error_reply_json("command is not a JSON object");
    const JValue c = doc.root();
    const std::string_view cmd = c.find("cmd").str();
    return cmd == "editView" ? edit_view_reply(c) : cmd == "editStory" ? edit_story_reply(c) : edit_do_reply(c);
}

// `editView` {list: {kind, query}}: the panel's state (kind, selection, undo, files, messages,
// the selected element's form and values) and, when asked, up to 50 elements matching a query.
std::string App::edit_view_reply(const JValue& c) {
    const EditSession& s = *editor();
    const ui::EditState& st = *edit_state();
    json out{{"ok", true}};
    out["kind"] = edit_kind_name(st.kind);
    out["selected"] = st.selected;
    out["version"] = st.version;
    out["status"] = st.status;
    out["canUndo"] = s.can_undo();
    out["canRedo"] = s.can_redo();
    out["confirmSave"] = st.confirm_save;
    // Each kind's names in the wasm's language, as its forms' labels: [many, one].
    json kinds = json::object();
    for (const EditKind k : {EditKind::Source, EditKind::Organisation, EditKind::Collaboration, EditKind::Event})
        kinds[edit_kind_name(k)] = json::array({edit_kinds_label(k), edit_kind_label(k)});
    out["kinds"] = std::move(kinds);
    json files = json::array();
    for (size_t i = 0; i < s.file_count(); ++i) files.push_back({{"name", s.file(i).name}, {"modified", s.modified(i)}});
    out["files"] = std::move(files);
    json blocked = json::array();
    for (const EditReference& r : st.blocked) blocked.push_back(r.what);
    out["blocked"] = std::move(blocked);
    const auto& d = s.validation().diagnostics;
    out["errors"] = count_errors(d);
    out["warnings"] = count_warnings(d);
    json messages = json::array();
    for (size_t i = 0; i < d.size() && i < kMaxMessages; ++i) {
        EditKind kind;
        std::string id, field;
        json m{{"text", d[i].to_string()},
               {"message", d[i].message},
               {"severity", d[i].severity == Severity::Error ? "error" : "warning"},
               {"file", d[i].file},
               {"pointer", d[i].pointer}};
        if (s.element_at(d[i].file, d[i].pointer, kind, id, field)) {
            m["kind"] = edit_kind_name(kind);
            m["id"] = id;
            m["field"] = field.empty() ? missing_field(d[i].message) : field;
        }
        messages.push_back(std::move(m));
    }
    out["messages"] = std::move(messages);
    if (!st.selected.empty() && !s.element_text(st.kind, st.selected).empty()) {
        json fields = json::array();
        for (const FormField& f : form_fields(st.kind)) fields.push_back(field_json(f));
        const FormValues v = form_values(s, st.kind, st.selected);
        json values = json::object(), lists = json::object();
        for (const auto& [k, x] : v.leaf) values[k] = x;
        for (const auto& [k, n] : v.lists) lists[k] = n;
        out["form"] = json{{"fields", std::move(fields)}, {"values", std::move(values)}, {"lists", std::move(lists)}};
        if (st.kind == EditKind::Source) {
            const auto it = st.pasted.find(st.selected);
            out["pasted"] = it == st.pasted.end() ? std::string() : it->second;
        }
    }
    if (const JValue l = c.find("list"); l.is_object()) {
        EditKind kind = st.kind;
        if (l.find("kind") && !edit_kind_from_name(l.find("kind").str(), kind))
            return error_reply_json("list.kind must be source, organisation, collaboration or event");
        std::vector<std::string> labels;
        const std::vector<std::string> ids = pick_ids(s.validation().dataset, kind, l.find("query").str(), kMaxListed, &labels);
        json list = json::array();
        for (size_t i = 0; i < ids.size(); ++i) list.push_back({{"id", ids[i]}, {"label", i < labels.size() ? labels[i] : ids[i]}});
        out["list"] = std::move(list);
    }
    return out.dump();
}

// `editDo` {op, kind, id, field, value | text, index, references, anyway, file, pointer}: one of
// the panel's actions as an intent, applied at once. value is the field's JSON; text is what was
// typed, made JSON by the field's type as the panel's form does (a number, or "" to remove).
std::string App::edit_do_reply(const JValue& c) {
    using Op = ui::EditIntent::Op;
    ui::EditState& st = *edit_state();
    const std::string op = str_of(c, "op");
    ui::EditIntent in;
    in.kind = st.kind;
    if (c.find("kind") && !edit_kind_from_name(c.find("kind").str(), in.kind))
        return error_reply_json("kind must be source, organisation, collaboration or event");
    in.id = str_of(c, "id");
    in.pointer = str_of(c, "field");
    const JValue value = c.find("value"), text = c.find("text"), index = c.find("index");
    if (text && !text.is_string()) return error_reply_json("text must be a string");
    if (index && !(index.is_number_integer() && index.integer() >= 0)) return error_reply_json("index must be a whole number, 0 or more");
    in.index = index ? static_cast<size_t>(index.integer()) : 0;
    auto field_value = [&](bool item) -> bool {
        if (value) {
            in.value = json::copy_of(value).dump();
            return true;
        }
        bool plain = false;
        const FormField* f = form_field_at(in.kind, in.pointer, plain);
        if (!f || (item && f->type != FieldType::List)) return false;
        const std::string typed(text.str());
        if (item) {  // a list's new item: an object's required fields, or the typed value
            in.value = f->items.empty() ? form_value_json(f->item_type, typed, true) : new_item_json(*f);
            return true;
        }
        in.value = form_value_json(plain ? f->item_type : f->type, typed, plain || f->required);
        return true;
    };
    if (op == "select") {
        in.op = Op::Select;
        if (c.find("pointer")) {  // a message's place: the app finds its element
            in.pointer = str_of(c, "pointer");
            in.value = str_of(c, "file");
        } else if (in.id.empty()) {  // another kind's list, nothing chosen (the panel's tab)
            st.kind = in.kind;
            st.select_tab = static_cast<int>(in.kind);
            st.selected.clear();
            st.blocked.clear();
            st.placing = false;
            return "{\"ok\":true}";
        }
    } else if (op == "add") {
        in.op = Op::Add;
        in.value = ui::new_element_json(in.kind, in.id);
    } else if (op == "set") {
        in.op = Op::SetField;
        if (!field_value(false)) return error_reply_json("no field " + in.pointer + " in a " + edit_kind_name(in.kind) + "'s form");
    } else if (op == "addItem" || op == "removeItem") {  // the list by its pointer ("/participants", "/facts/0/translations")
        in.op = op == "addItem" ? Op::AddItem : Op::RemoveItem;
        if (in.op == Op::AddItem && !field_value(true))
            return error_reply_json("no list " + in.pointer + " in a " + edit_kind_name(in.kind) + "'s form");
    } else if (op == "remove") {
        in.op = c.find("references").boolean() ? Op::RemoveWithReferences : Op::Remove;
    } else if (op == "undo" || op == "redo") {
        in.op = op == "undo" ? Op::Undo : Op::Redo;
    } else if (op == "save") {
        in.op = c.find("anyway").boolean() ? Op::SaveAnyway : Op::Save;
    } else if (op == "paste") {  // a source's text, which the quotes citing it are checked against (kept in memory)
        if (in.kind != EditKind::Source || in.id.empty()) return error_reply_json("paste needs kind source and its id");
        st.pasted[in.id] = std::string(text.str());
        st.pasted_changed = true;
        apply_edit_intents();
        return "{\"ok\":true}";
    } else if (op == "cancelSave") {
        st.confirm_save = false;
        return "{\"ok\":true}";
    } else if (op == "download" || op == "copy") {
        in.op = op == "copy" ? Op::Copy : Op::Download;
        if (!index) in.index = ~size_t{0};  // every file
    } else {
        return error_reply_json(
            "op must be select, add, set, addItem, removeItem, remove, undo, redo, save, cancelSave, download, copy or paste");
    }
    st.status.clear();
    st.intents.push_back(std::move(in));
    apply_edit_intents();
    return st.status.empty() || op == "download" || op == "copy" || op == "save" ? "{\"ok\":true}" : error_reply_json(st.status);
}

// `editStory` {op, index, text}: the story editor's draft and what its window does (id, title,
// "Add this view as a step", choose, up, down, remove, a caption's title and text, "Tell it",
// "Save"); every reply is the draft as then: {id, title, step, steps: [{title, text}], status}.
std::string App::edit_story_reply(const JValue& c) {
    ui::StoryDraft& d = *story_draft();
    const std::string op(c.find("op").str());
    const JValue text = c.find("text"), index = c.find("index");
    if (text && !text.is_string()) return error_reply_json("text must be a string");
    if (index && !(index.is_number_integer() && index.integer() >= 0)) return error_reply_json("index must be a whole number, 0 or more");
    const std::string t(text.str());
    const size_t n = d.story.steps.size(), i = index ? static_cast<size_t>(index.integer()) : static_cast<size_t>(std::max(d.step, 0));
    const bool needs_step = op == "choose" || op == "up" || op == "down" || op == "remove" || op == "captionTitle" || op == "captionText";
    if (needs_step && i >= n) return error_reply_json("no step " + std::to_string(i + 1) + ": the story has " + std::to_string(n));
    auto too_long = [&](size_t cap, const char* what) {
        return t.size() > cap ? error_reply_json(std::string(what) + " is " + std::to_string(t.size()) + " bytes long: the limit is " +
                                                 std::to_string(cap))
                              : std::string();
    };
    std::string refused;
    if (op == "id" || op == "title") {
        char* buf = op == "id" ? d.id : d.title;
        const size_t cap = op == "id" ? sizeof d.id - 1 : sizeof d.title - 1;
        if ((refused = too_long(cap, op == "id" ? "the id" : "the title")).empty()) std::snprintf(buf, cap + 1, "%s", t.c_str());
        d.story.id = d.id;
        d.story.title = d.title;
    } else if (op == "add") {
        if (n >= static_cast<size_t>(kStorySteps.hi))
            return error_reply_json("a story has at most " + std::to_string(kStorySteps.hi) + " steps");
        d.story.steps.push_back(step_from_view(model_.current_view()));
        d.step = static_cast<int>(n);
    } else if (op == "choose") {
        d.step = static_cast<int>(i);
    } else if (op == "up" || op == "down") {
        if (move_step(d.story, i, op == "up" ? -1 : 1)) d.step = static_cast<int>(i) + (op == "up" ? -1 : 1);
    } else if (op == "remove") {
        d.story.steps.erase(d.story.steps.begin() + static_cast<long>(i));
        d.step = std::min(d.step, static_cast<int>(d.story.steps.size()) - 1);
    } else if (op == "captionTitle" || op == "captionText") {
        StoryCaption& cap = d.story.steps[i].caption;
        const bool title = op == "captionTitle";
        if ((refused = too_long(title ? kStoryTitleMax * 4 : kStoryTextMax * 4, title ? "the caption's title" : "the caption's text"))
                .empty())
            (title ? cap.title : cap.text) = t;
    } else if (op == "tell" || op == "save") {
        if (d.story.steps.empty()) return error_reply_json("the story has no step yet: add the view as a step first");
        d.story.id = d.id;
        d.story.title = d.title;
        if (op == "tell") {
            model_.add_story(d.story);
            model_.go_to_step(d.story.id, d.step >= 0 ? d.step + 1 : 1);
        } else {
            save_story_draft();
            if (d.refused) return error_reply_json(d.status);
        }
    } else if (op != "view") {
        return error_reply_json("op must be view, id, title, add, choose, up, down, remove, captionTitle, captionText, tell or save");
    }
    if (!refused.empty()) return refused;
    json steps = json::array();
    for (const StoryStep& s : d.story.steps) steps.push_back({{"title", s.caption.title}, {"text", s.caption.text}});
    json out{{"ok", true}, {"id", std::string(d.id)}, {"title", std::string(d.title)}, {"step", d.step}, {"status", d.status}};
    out["steps"] = std::move(steps);
    out["maxSteps"] = kStorySteps.hi;
    return out.dump();
}

}  // namespace ca
