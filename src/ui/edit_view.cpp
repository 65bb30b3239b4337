// The edit panel: tabs per kind with a filtered list of ids, the selected element's form (its raw
// JSON under an Advanced fold: Apply, Delete, with "remove references too" when refused), a new
// element from an id or a map click, undo/redo/save, and the validation messages (choosing one
// selects its element and focuses the field).
#include "ui/edit_view.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

Rect last_item_rect() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x, b.y};
}

// "2 errors, 1 warning" in the interface language.
std::string edit_counts(size_t errors, size_t warnings) {
    return strf(trn("%zu error", "%zu errors", errors), errors) + ", " + strf(trn("%zu warning", "%zu warnings", warnings), warnings);
}

void push(EditState& st, EditIntent::Op op, std::string id = "", std::string value = "") {
    EditIntent in;
    in.op = op;
    in.kind = st.kind;
    in.id = std::move(id);
    in.value = std::move(value);
    st.intents.push_back(std::move(in));
}

// ImGui 1.86 has no std::string InputText: grow the string through the resize callback.
int resize_callback(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(d->UserData);
        s->resize(static_cast<size_t>(d->BufTextLen));
        d->Buf = s->data();
    }
    return 0;
}

}  // namespace

std::string new_element_json(EditKind k, const std::string& id, double lat, double lon) {
    const std::string head = "{\"id\": \"" + id + "\"";
    switch (k) {
        case EditKind::Organisation: {
            char ll[64];
            std::snprintf(ll, sizeof ll, "\"lat\": %.4f, \"lon\": %.4f}", lat, lon);
            return head + ", \"name\": \"\", \"kind\": \"company\", \"region\": \"taiwan\", " + ll;
        }
        case EditKind::Collaboration:
            return head + ", \"title\": \"\", \"kind\": \"mou\", \"participants\": [], \"start\": \"\"}";
        case EditKind::Event:
            return head + ", \"collaboration\": \"\", \"date\": \"\", \"kind\": \"signing\", \"title\": \"\"}";
        default:
            return head + ", \"title\": \"\", \"publisher\": \"\", \"file\": \"\", \"url\": \"https://\"}";
    }
}

namespace {

bool valid_id(const char* id) {
    if (!*id) return false;
    for (const char* c = id; *c; ++c)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '.' || *c == '-')) return false;
    return true;
}

void draw_toolbar(const EditSession& s, EditState& st) {
    ImGui::BeginDisabled(!s.can_undo());
    if (ImGui::Button(tr("Undo"))) push(st, EditIntent::Op::Undo);
    st.undo_button = last_item_rect();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.can_redo());
    if (ImGui::Button(tr("Redo"))) push(st, EditIntent::Op::Redo);
    st.redo_button = last_item_rect();
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool modified = false;
    for (size_t i = 0; i < s.file_count(); ++i) modified = modified || s.modified(i);
    ImGui::BeginDisabled(!st.can_save || !modified);
    if (ImGui::Button(st.web ? tr("Download all") : tr("Save"))) push(st, EditIntent::Op::Save);
    st.save_button = last_item_rect();
    ImGui::EndDisabled();
    if (st.confirm_save) {
        const size_t errors = count_errors(s.validation().diagnostics);
        text_wrapped(
            strf(trn("The data has %zu error (listed below). Save anyway?", "The data has %zu errors (listed below). Save anyway?", errors),
                 errors));
        if (ImGui::Button(tr("Save anyway"))) push(st, EditIntent::Op::SaveAnyway);
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) st.confirm_save = false;
    }
    if (st.web) draw_edit_files(s, st);
    // Keys: only when no text field is being typed into (it has its own undo).
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
        push(st, io.KeyShift ? EditIntent::Op::Redo : EditIntent::Op::Undo);
}

void draw_new(EditState& st) {
    ImGui::SetNextItemWidth(160);
    ImGui::InputTextWithHint("##newid", tr("new id (snake_case)"), st.new_id, sizeof st.new_id);
    ImGui::SameLine();
    ImGui::BeginDisabled(!valid_id(st.new_id));
    if (ImGui::Button(trc("edit", "Add"))) push(st, EditIntent::Op::Add, st.new_id, new_element_json(st.kind, st.new_id));
    if (st.kind == EditKind::Organisation) {
        ImGui::SameLine();
        if (ImGui::Button(with_id(st.placing ? tr("Click the map…") : tr("Place on map"), "###place"))) st.placing = !st.placing;
        st.place_button = last_item_rect();
    }
    ImGui::EndDisabled();
}

void draw_list(const EditSession& s, EditState& st) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr("filter ids"), st.filter, sizeof st.filter);
    ImGui::BeginChild("##ids", ImVec2(0, 140), true);
    const LoadResult& v = s.validation();
    auto row = [&](const std::string& id) {
        if (*st.filter && id.find(st.filter) == std::string::npos) return;
        if (ImGui::Selectable(id.c_str(), id == st.selected)) push(st, EditIntent::Op::Select, id);
    };
    switch (st.kind) {
        case EditKind::Organisation:
            for (auto& o : v.dataset.organisations) row(o.id);
            break;
        case EditKind::Collaboration:
            for (auto& c : v.dataset.collaborations) row(c.id);
            break;
        case EditKind::Event:
            for (auto& e : v.dataset.events) row(e.id);
            break;
        default:
            for (auto& src : v.dataset.sources) row(src.id);
    }
    ImGui::EndChild();
}

void draw_blocked(EditState& st) {
    if (st.blocked.empty()) return;
    text_wrapped(tr("Still referenced by:"));
    for (size_t i = 0; i < st.blocked.size() && i < 8; ++i) ImGui::BulletText("%s", st.blocked[i].what.c_str());
    if (st.blocked.size() > 8) ImGui::BulletText(tr("and %zu more"), st.blocked.size() - 8);
    if (ImGui::Button(tr("Delete and remove these references"))) push(st, EditIntent::Op::RemoveWithReferences, st.selected);
}

void draw_element(const EditSession& s, EditState& st) {
    if (st.selected.empty()) {
        ImGui::TextDisabled("%s", tr("Choose an element, or add one."));
        return;
    }
    const std::string key = std::to_string(static_cast<int>(st.kind)) + "/" + st.selected + "/" + std::to_string(st.version);
    if (st.text_for != key && !st.text_dirty) {
        st.text = s.element_text(st.kind, st.selected);
        st.text_for = key;
    }
    ImGui::Text("%s \"%s\"", edit_kind_label(st.kind), st.selected.c_str());
    ImGui::BeginChild("##form", ImVec2(0, std::max(160.0f, ImGui::GetContentRegionAvail().y * 0.6f)), true);
    draw_form(s, st);
    ImGui::EndChild();
    if (!ImGui::CollapsingHeader(with_id(tr("Advanced: the element's JSON"), "###json"))) {
        if (ImGui::Button(tr("Delete"))) push(st, EditIntent::Op::Remove, st.selected);
        draw_blocked(st);
        return;
    }
    st.text.reserve(st.text.size() + 1);
    if (!st.text_dirty) let_go_if_changed_under("##json", st.text);  // the element changed elsewhere
    if (ImGui::InputTextMultiline("##json", st.text.data(), st.text.capacity() + 1, ImVec2(-1, 200), ImGuiInputTextFlags_CallbackResize,
                                  resize_callback, &st.text))
        st.text_dirty = true;
    st.field_rects["#json"] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
    ImGui::BeginDisabled(!st.text_dirty);
    if (ImGui::Button(tr("Apply"))) push(st, EditIntent::Op::Update, st.selected, st.text);
    ImGui::SameLine();
    if (ImGui::Button(tr("Revert"))) {
        st.text_dirty = false;
        st.text_for.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete"))) push(st, EditIntent::Op::Remove, st.selected);
    draw_blocked(st);
}

void draw_messages(const EditSession& s, EditState& st) {
    const auto& d = s.validation().diagnostics;
    const size_t errors = count_errors(d), warnings = count_warnings(d);
    ImGui::TextUnformatted(edit_counts(errors, warnings).c_str());
    ImGui::BeginChild("##messages", ImVec2(0, 0), true);
    for (size_t i = 0; i < d.size(); ++i) {
        const Diagnostic& m = d[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(m.to_string().c_str(), false)) {
            EditIntent in;
            in.op = EditIntent::Op::Select;
            in.pointer = m.pointer;
            in.value = m.file;  // the app finds the element from the file and pointer
            st.intents.push_back(std::move(in));
        }
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace

void draw_edit(const EditSession& s, EditState& st, const Rect& place) {
    // Placed like the map's other panels, clear of the page's chrome, the toolbar, the timeline
    // and the story editor (before, it started over the story editor and, on a phone, under the
    // page's dataset bar).
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(place.x0), static_cast<float>(place.y0)));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(place.x1 - place.x0), static_cast<float>(place.y1 - place.y0)));
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque over the legend it covers
    ImGui::Begin(with_id(tr("Edit data"), "###Edit"), nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    st.panel = {pos.x, pos.y, pos.x + size.x, pos.y + size.y};
    draw_toolbar(s, st);
    if (ImGui::BeginTabBar("##kinds")) {
        for (int k = 0; k < 4; ++k) {
            const bool forced = st.select_tab == k;
            if (ImGui::BeginTabItem(with_id(edit_kinds_label(static_cast<EditKind>(k)), ("###kind" + std::to_string(k)).c_str()), nullptr,
                                    forced ? ImGuiTabItemFlags_SetSelected : 0)) {
                if (forced) st.select_tab = -1;
                if (st.select_tab < 0 && st.kind != static_cast<EditKind>(k)) {
                    st.kind = static_cast<EditKind>(k);
                    st.selected.clear();
                    st.blocked.clear();
                    st.placing = false;
                }
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    draw_new(st);
    draw_list(s, st);
    draw_element(s, st);
    if (!st.status.empty()) ImGui::TextWrapped("%s", st.status.c_str());
    ImGui::Separator();
    draw_messages(s, st);
    ImGui::End();
}

}  // namespace ca::ui
