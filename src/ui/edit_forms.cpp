// The edit forms: the selected element drawn field by field from core's form tables (combos for
// enums, date fields, ids picked by search, lists with add/remove), quotes checked as typed.
#include <cstdio>

#include "core/dates.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/edit_view.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

constexpr size_t kMaxPicks = 8;

void intent(EditState& st, EditIntent::Op op, std::string pointer, std::string value, size_t index = 0) {
    EditIntent in;
    in.op = op;
    in.kind = st.kind;
    in.id = st.selected;
    in.pointer = std::move(pointer);
    in.value = std::move(value);
    in.index = index;
    st.intents.push_back(std::move(in));
}

int resize_cb(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(d->UserData);
        s->resize(static_cast<size_t>(d->BufTextLen));
        d->Buf = s->data();
    }
    return 0;
}

void note_rect(EditState& st, const std::string& ptr) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    st.field_rects[ptr] = {a.x, a.y, b.x, b.y};
}

// A chosen message's field: the keyboard goes to it once, and it stays outlined.
void focus_before(EditState& st, const std::string& ptr) {
    if (st.focus_pointer != ptr || !st.focus_pending) return;
    ImGui::SetKeyboardFocusHere();
    ImGui::SetScrollHereY(0.3f);
    st.focus_pending = false;
    st.focused = ptr;
}
void focus_after(const EditState& st, const std::string& ptr) {
    if (st.focus_pointer != ptr) return;
    ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), palette(st.dark).warn_text, 2, 0, 2);
}

// A text input over the field's value; returns true with `out` the typed text when it is
// committed (the field loses the keyboard after a change, or Enter).
bool text_input(EditState& st, const std::string& ptr, const char* label, const std::string& value, bool multiline, std::string& out,
                bool commit_on_leave = true) {
    std::string& buf = st.typing_pointer == ptr ? st.typing : out;
    if (st.typing_pointer != ptr) {
        buf = value;
        let_go_if_changed_under(label, value);  // typed in the panel, its text is kept until left
    }
    buf.reserve(buf.size() + 1);
    focus_before(st, ptr);
    ImGui::SetNextItemWidth(-1);
    bool changed;
    if (multiline)
        changed = ImGui::InputTextMultiline(label, buf.data(), buf.capacity() + 1, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f),
                                            ImGuiInputTextFlags_CallbackResize, resize_cb, &buf);
    else
        changed = ImGui::InputText(label, buf.data(), buf.capacity() + 1, ImGuiInputTextFlags_CallbackResize, resize_cb, &buf);
    note_rect(st, ptr);
    focus_after(st, ptr);
    if (changed && st.typing_pointer != ptr) {
        st.typing_pointer = ptr;
        st.typing = buf;
    }
    if (commit_on_leave && st.typing_pointer == ptr && ImGui::IsItemDeactivated()) {
        out = st.typing;
        st.typing_pointer.clear();
        return out != value;
    }
    return false;
}

void enum_combo(EditState& st, const std::string& ptr, const char* label, const std::vector<std::string>& choices, const std::string& value,
                bool required) {
    focus_before(st, ptr);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(label, value.empty() ? tr("(none)") : value.c_str())) {
        if (!required && ImGui::Selectable(tr("(none)"), value.empty()) && !value.empty()) intent(st, EditIntent::Op::SetField, ptr, "");
        for (const std::string& c : choices)
            if (ImGui::Selectable(c.c_str(), c == value) && c != value) intent(st, EditIntent::Op::SetField, ptr, json_string(c));
        ImGui::EndCombo();
    }
    note_rect(st, ptr);
    focus_after(st, ptr);
}

// An id typed as a search: the matches (by id or name) are listed under it until one is chosen.
void id_picker(const EditSession& s, EditState& st, const std::string& ptr, const char* label, EditKind ref, const std::string& value,
               EditIntent::Op op = EditIntent::Op::SetField, const std::string& list = "") {
    std::string typed;
    text_input(st, ptr, label, value, false, typed, false);  // an id is set by choosing a match, not by typing
    if (st.typing_pointer != ptr || st.typing == value) return;
    std::vector<std::string> labels;
    const std::vector<std::string> ids = pick_ids(s.validation().dataset, ref, st.typing, kMaxPicks, &labels);
    ImGui::Indent();
    for (size_t i = 0; i < ids.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(labels[i].c_str())) {
            if (op == EditIntent::Op::AddItem)
                intent(st, op, list, json_string(ids[i]));
            else
                intent(st, op, ptr, json_string(ids[i]));
            st.typing_pointer.clear();
        }
        st.field_rects[ptr + "#" + std::to_string(i)] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                                                         ImGui::GetItemRectMax().y};
        ImGui::PopID();
    }
    if (ids.empty()) ImGui::TextDisabled("%s", tr("no match"));
    ImGui::Unindent();
}

// A quote: checked against its source's pasted text while it is typed, or picked from its sentences.
void quote_help(EditState& st, const std::string& ptr, const std::string& source_id, const std::string& value) {
    auto it = st.pasted.find(source_id);
    if (it == st.pasted.end() || it->second.empty()) return;
    const std::string& q = st.typing_pointer == ptr ? st.typing : value;
    const std::string why = quote_status(it->second, q, source_id + " (pasted text)");
    st.quote_checks[ptr] = why;
    if (q.empty())
        ImGui::TextDisabled("%s", tr("Type a quote, or pick a sentence of the pasted text:"));
    else if (why.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette(st.dark).ok_text), "%s", tr("Found in the pasted text."));
    else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette(st.dark).warn_text), "%s", why.c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(("##pick" + ptr).c_str(), "pick a sentence...")) {
        const std::vector<std::string> sentences = source_sentences(it->second);
        for (size_t i = 0; i < sentences.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(sentences[i].c_str())) intent(st, EditIntent::Op::SetField, ptr, json_string(sentences[i]));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

EditState::DateDraft date_draft(const std::string& value) {
    EditState::DateDraft dr;
    Date d;
    if (!parse_date(value, d)) return dr;
    dr.precision = static_cast<int>(d.precision);
    std::snprintf(dr.year, sizeof dr.year, "%04d", d.year);
    if (d.month) std::snprintf(dr.month, sizeof dr.month, "%02d", d.month);
    if (d.day) std::snprintf(dr.day, sizeof dr.day, "%02d", d.day);
    return dr;
}

// One part of a date (digits only); true when it was left after a change.
bool date_part(EditState& st, const std::string& ptr, const char* label, char* buf, size_t size, float width, bool same_line = true) {
    if (same_line) ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    let_go_if_changed_under(label, buf);  // the draft is made again from the value when the data changes
    ImGui::InputTextWithHint(label, tr(label + 2), buf, size, ImGuiInputTextFlags_CharsDecimal);  // "##year": "year", translated
    note_rect(st, ptr);
    return ImGui::IsItemDeactivatedAfterEdit();
}

// A date: its precision chosen (year, month or day; a start's "by" is the start_bound field
// under it) and its parts typed, checked as typed; set when a part is left or the precision
// changes, once the parts make a date (a part left empty on an optional date removes it).
void date_field(EditState& st, const std::string& ptr, const std::string& value, bool required) {
    auto it = st.date_drafts.find(ptr);
    if (it == st.date_drafts.end()) it = st.date_drafts.emplace(ptr, date_draft(value)).first;
    EditState::DateDraft& dr = it->second;
    static const char* const kPrecision[] = {"year", "month", "day"};  // ids (the rects' names)
    static const char* const kPrecisionLabel[] = {N_("year"), N_("month"), N_("day")};
    static const char* const kTo[] = {N_("%s (to the year)"), N_("%s (to the month)"), N_("%s (to the day)")};
    bool commit = false;
    for (int p = 0; p < 3; ++p) {
        if (p) ImGui::SameLine();
        commit =
            ImGui::RadioButton(with_id(tr(kPrecisionLabel[p]), (std::string("##") + kPrecision[p]).c_str()), &dr.precision, p) || commit;
        note_rect(st, ptr + "#" + kPrecision[p]);
    }
    focus_before(st, ptr);
    const float w = ImGui::GetFontSize() * 2.6f;
    commit = date_part(st, ptr, "##year", dr.year, sizeof dr.year, w * 1.4f, false) || commit;  // under the precision
    focus_after(st, ptr);
    if (dr.precision >= 1) commit = date_part(st, ptr + "/month", "##month", dr.month, sizeof dr.month, w) || commit;
    if (dr.precision >= 2) commit = date_part(st, ptr + "/day", "##day", dr.day, sizeof dr.day, w) || commit;
    std::string why;
    const std::string text = date_from_parts(dr.precision, dr.year, dr.month, dr.day, why);
    const bool cleared = !required && !dr.year[0];
    st.date_checks[ptr] = cleared ? "" : why;
    if (commit && (cleared || why.empty()) && text != value) intent(st, EditIntent::Op::SetField, ptr, cleared ? "" : json_string(text));
    Date d;
    if (!why.empty() && !cleared)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette(st.dark).warn_text), "%s", why.c_str());
    else if (parse_date(text, d))
        ImGui::TextDisabled(tr(kTo[static_cast<int>(d.precision)]), format_date_human(d).c_str());
}

void scalar(const EditSession& s, EditState& st, const FormField& f, const std::string& ptr, const std::string& source_id) {
    const std::string value = st.values.get(ptr);
    const std::string label = "##" + ptr;
    switch (f.type) {
        case FieldType::Enum:
            enum_combo(st, ptr, label.c_str(), f.choices, value, f.required);
            return;
        case FieldType::Id:
            id_picker(s, st, ptr, label.c_str(), f.ref, value);
            return;
        default:
            break;
    }
    if (f.type == FieldType::Date) {
        date_field(st, ptr, value, f.required);
        return;
    }
    std::string typed;
    if (text_input(st, ptr, label.c_str(), value, f.type == FieldType::LongText, typed))
        intent(st, EditIntent::Op::SetField, ptr, form_value_json(f.type, typed, f.required));
    if (f.key == "quote") quote_help(st, ptr, source_id, value);
}

// A list of plain values (topics, sources, inferred fields): each with a remove button, and a
// combo (enums) or a search (ids) that adds one. Lists are named by their pointers.
void value_list(const EditSession& s, EditState& st, const FormField& f, const std::string& ptr) {
    const size_t n = st.values.count(ptr);
    for (size_t i = 0; i < n; ++i) {
        const std::string item = ptr + "/" + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("x")) intent(st, EditIntent::Op::RemoveItem, ptr, "", i);
        ImGui::SameLine();
        ImGui::TextUnformatted(st.values.get(item).c_str());
        focus_after(st, item);
        ImGui::PopID();
    }
    if (f.item_type == FieldType::Id) {
        id_picker(s, st, ptr + "/+", ("##add" + ptr).c_str(), f.ref, "", EditIntent::Op::AddItem, ptr);
        return;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(("##add" + ptr).c_str(), tr("add…"))) {
        for (const std::string& c : f.choices)
            if (ImGui::Selectable(c.c_str())) intent(st, EditIntent::Op::AddItem, ptr, json_string(c));
        ImGui::EndCombo();
    }
    note_rect(st, ptr + "/+");
}

// A list of objects (participants, facts, evidence, names): each item's fields, remove and add;
// a list inside an item (a fact's translations) is drawn within it, indented.
// "Participant" as a sentence has it ("Add participant"); a script without case as it is.
std::string lower_first(const char* s) {
    std::string o(s);
    if (!o.empty() && o[0] >= 'A' && o[0] <= 'Z') o[0] = static_cast<char>(o[0] - 'A' + 'a');
    return o;
}

void object_list(const EditSession& s, EditState& st, const FormField& f, const std::string& ptr) {
    const size_t n = st.values.count(ptr);
    for (size_t i = 0; i < n; ++i) {
        const std::string item = ptr + "/" + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("remove"))) intent(st, EditIntent::Op::RemoveItem, ptr, "", i);
        note_rect(st, item + "#remove");
        const std::string source_id = st.values.get(item + "/source");
        for (const FormField& sub : f.items) {
            ImGui::TextDisabled("%s", field_label(sub));
            if (sub.type != FieldType::List) {
                scalar(s, st, sub, item + "/" + sub.key, source_id);
                continue;
            }
            ImGui::PushID(sub.key.c_str());
            ImGui::Indent();
            if (sub.items.empty())
                value_list(s, st, sub, item + "/" + sub.key);
            else
                object_list(s, st, sub, item + "/" + sub.key);
            ImGui::Unindent();
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (ImGui::Button(trf("Add %s", lower_first(item_label(f)).c_str()).c_str()))
        intent(st, EditIntent::Op::AddItem, ptr, new_item_json(f));
    note_rect(st, ptr + "/+");
}

}  // namespace

void draw_form(const EditSession& s, EditState& st) {
    const std::string key = std::to_string(static_cast<int>(st.kind)) + "/" + st.selected + "/" + std::to_string(st.version);
    if (st.values_for != key) {
        st.values = form_values(s, st.kind, st.selected);
        st.values_for = key;
        st.date_drafts.clear();
    }
    st.field_rects.clear();
    st.quote_checks.clear();
    st.date_checks.clear();
    st.field_rects["#form"] = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                               ImGui::GetWindowPos().y + ImGui::GetWindowSize().y};
    // A message's pointer that names no single input (a list, a missing item's field): its field's label.
    const FormFocus ff = form_focus(st.kind, st.focus_pointer);
    const auto& fields = form_fields(st.kind);
    const bool whole = ff.field >= 0 && (ff.item < 0 ? fields[static_cast<size_t>(ff.field)].type == FieldType::List
                                                     : ff.sub.empty() && !fields[static_cast<size_t>(ff.field)].items.empty());
    for (size_t i = 0; i < fields.size(); ++i) {
        const FormField& f = fields[i];
        const std::string ptr = "/" + f.key;
        ImGui::PushID(f.key.c_str());
        if (whole && static_cast<int>(i) == ff.field && st.focus_pending) {
            ImGui::SetScrollHereY(0.3f);
            st.focus_pending = false;
            st.focused = ptr;
        }
        ImGui::Text("%s%s", field_label(f), f.required ? " *" : "");
        if (whole && static_cast<int>(i) == ff.field) focus_after(st, st.focus_pointer);
        if (f.type != FieldType::List)
            scalar(s, st, f, ptr, st.values.get("/source"));
        else if (f.items.empty())
            value_list(s, st, f, ptr);
        else
            object_list(s, st, f, ptr);
        ImGui::PopID();
    }
    if (st.kind == EditKind::Source) {
        ImGui::Separator();
        text_wrapped(tr("Pasted text (kept beside the data, never in the site): quotes citing this source are checked against it."));
        std::string& text = st.pasted[st.selected];
        text.reserve(text.size() + 1);
        if (ImGui::InputTextMultiline("##pasted", text.data(), text.capacity() + 1, ImVec2(-1, 120), ImGuiInputTextFlags_CallbackResize,
                                      resize_cb, &text))
            st.pasted_changed = true;
        note_rect(st, "#pasted");
    }
}

}  // namespace ca::ui
