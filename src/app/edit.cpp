// Edit mode in the app (issue 16): opens an EditSession on the files shown, draws the edit panel,
// applies its intents (a map click places a new organisation, a drag moves one), shows every valid
// edit at once on the map, timeline and details (the view is kept), and saves the files in place
// natively, with the pasted source texts beside them (data/sources/<file>), or hands them to the
// web page (an "editfiles" event) to download or copy.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/app.h"
#include "app/format_cli.h"
#include "app/validate.h"
#include "core/chrome_layout.h"
#include "core/commands.h"
#include "core/edit_model.h"
#include "core/embedded.h"
#include "core/glyph_coverage.h"
#include "core/i18n.h"
#include "core/json_out.h"
#include "core/quote_check.h"
#include "imgui.h"
#include "ui/edit_view.h"
#include "ui/story_edit_view.h"
#include "ui/ui.h"

namespace ca {

struct EditMode {
    EditSession session;
    ui::EditState state;
    std::string sources_dir;                     // natively: the pasted texts' folder (data/sources)
    std::map<std::string, std::string> on_disk;  // pasted texts as last read or written, by source id
    std::string last_event;                      // the page's last "editstate" event (web), sent again only when it changes
    // The live validation's quote check: each pasted text by its source's file, as --validate
    // --sources reads them (a source with no text is not checked).
    std::map<std::string, std::string> quote_texts;
    bool quote_options_set = false;
    // Fonts follow the edit, valid or not: the code points of the texts the atlas was last built
    // for (sorted), and the data version they were taken at.
    std::vector<char32_t> glyph_cps;
    unsigned glyph_version = ~0u;
    std::vector<std::string> published;  // the files' texts as opened: the page keeps what differs (web)
    ui::StoryDraft story;                // the story editor's draft (issue 19)
    EditorLayout place;                  // where the two panels go this frame (core/chrome_layout.h)
};
void EditModeDelete::operator()(EditMode* e) const { delete e; }
EditSession* App::editor() { return edit_ ? &edit_->session : nullptr; }
ui::EditState* App::edit_state() { return edit_ ? &edit_->state : nullptr; }
ui::StoryDraft* App::story_draft() { return edit_ ? &edit_->story : nullptr; }

namespace {

bool inside(const Rect& r, ImVec2 p) { return p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1; }

constexpr size_t kMaxSourceText = 4u << 20;

// The source texts kept beside the data (data/sources/<file>), read into the editor's memory.
void read_source_texts(EditMode& m) {
    for (const Source& src : m.session.validation().dataset.sources) {
        if (!plain_file_name(src.file)) continue;
        std::ifstream f(m.sources_dir + "/" + src.file, std::ios::binary);
        if (!f) continue;
        std::string text(kMaxSourceText, '\0');
        f.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<size_t>(f.gcount()));
        m.state.pasted[src.id] = text;
        m.on_disk[src.id] = std::move(text);
    }
}

// Pasted texts that changed are written beside the data; false with why on a failure.
bool write_source_texts(EditMode& m, size_t& written, std::string& why) {
    for (const Source& src : m.session.validation().dataset.sources) {
        auto it = m.state.pasted.find(src.id);
        if (it == m.state.pasted.end() || m.on_disk[src.id] == it->second || !plain_file_name(src.file)) continue;
        if (it->second.size() > kMaxSourceText) {
            why = "the pasted text of " + src.id + " is over " + std::to_string(kMaxSourceText) + " bytes";
            return false;
        }
        std::error_code ec;
        std::filesystem::create_directories(m.sources_dir, ec);
        if (!write_file_replacing(m.sources_dir + "/" + src.file, it->second, why)) return false;
        m.on_disk[src.id] = it->second;
        ++written;
    }
    return true;
}

// The live validation checks quotes against the pasted texts, with --validate --sources's
// messages (the text named by its path: data/sources/<file> natively). Re-validates only when
// the texts or the sources' files changed.
void sync_quote_texts(EditMode& m) {
    std::map<std::string, std::string> by_file;
    for (const Source& src : m.session.validation().dataset.sources) {
        auto it = m.state.pasted.find(src.id);
        if (it != m.state.pasted.end() && !it->second.empty() && !src.file.empty()) by_file[src.file] = it->second;
    }
    if (m.quote_options_set && by_file == m.quote_texts) return;
    m.quote_texts = std::move(by_file);
    m.quote_options_set = true;
    LoadOptions opt;
    const EditMode* mode = &m;
    opt.source_text = [mode](std::string_view file) {
        SourceText t;  // not ok and no error: no text pasted, its quotes are not checked
        auto it = mode->quote_texts.find(std::string(file));
        if (it == mode->quote_texts.end()) return t;
        t.ok = true;
        t.text = it->second;
        t.name = (mode->sources_dir.empty() ? std::string("sources") : mode->sources_dir) + "/" + std::string(file);
        return t;
    };
    m.session.set_load_options(std::move(opt));
}

}  // namespace

bool App::open_editor() {
    if (cfg_.embed) return false;
    if (edit_) return true;
    std::vector<EditFile> files;
    if (!cfg_.data_files.empty()) {
        std::vector<FileText> texts;
        std::vector<Diagnostic> errors;
        if (!read_files(cfg_.data_files, texts, errors)) return false;
        for (size_t i = 0; i < texts.size(); ++i) files.push_back({cfg_.data_files[i], std::string(texts[i].text())});
    } else {
        for (const EmbeddedFile& f : embedded_dataset()) files.push_back({f.name, std::string(f.text())});
    }
    std::unique_ptr<EditMode, EditModeDelete> mode(new EditMode());
    std::vector<Diagnostic> errors;
    if (!mode->session.open(std::move(files), errors)) {
        for (auto& d : errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        return false;
    }
    edit_ = std::move(mode);
    ui::EditState& st = edit_->state;
    st.web = platform_ && platform_->browser();
    st.can_save = !cfg_.data_files.empty() || st.web;
    if (st.web) st.status = tr("Editing in this page: nothing leaves the browser unless you download or copy it.");
    if (!st.can_save) st.status = tr("Editing the bundled data: start with --data data/*.json to save the files in place.");
    if (st.can_save && !cfg_.data_files.empty()) {  // natively (the web keeps pasted texts in memory)
        edit_->sources_dir = cfg_.sources_dir.empty() ? (std::filesystem::path(cfg_.data_files.front()).parent_path() / "sources").string()
                                                      : cfg_.sources_dir;
        read_source_texts(*edit_);
    }
    sync_quote_texts(*edit_);
    for (size_t i = 0; i < edit_->session.file_count(); ++i) edit_->published.push_back(edit_->session.file(i).text);
    return true;
}

namespace {

std::string_view base_name(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

// Files loaded while editing whose names are the edited files' (the page's kept edits after a
// reload): they replace those files' texts as one undo step, valid or not, shown at once.
// False (nothing changed) when a name is not an edited file's, or a text is not JSON.
bool App::edit_load_files(const std::vector<DatasetText>& files) {
    if (!edit_ || files.empty()) return false;
    EditSession& s = edit_->session;
    std::vector<EditFile> in;
    for (const DatasetText& f : files) {
        size_t i = 0;
        while (i < s.file_count() && base_name(s.file(i).name) != base_name(f.name)) ++i;
        if (i == s.file_count()) return false;
        in.push_back({s.file(i).name, std::string(f.text)});
    }
    const EditResult r = s.replace_files(in);
    edit_->state.status = r.ok ? tr("The edits kept in this page are back (Undo returns to the data as published).") : r.error;
    if (r.ok) apply_edit_intents(true);
    return r.ok;
}

// Web: the edited files that differ from the data as published, for the page to keep across a
// reload (an "editkeep" event; no files: nothing to keep).
void App::keep_edit_files() {
    if (!listened()) return;
    const EditSession& s = edit_->session;
    std::vector<NamedText> files;
    for (size_t i = 0; i < s.file_count() && i < edit_->published.size(); ++i)
        if (s.file(i).text != edit_->published[i]) files.push_back({s.file(i).name, s.file(i).text});
    emit("editkeep", edit_files_event_json("keep", files, count_errors(s.validation().diagnostics)));
}

namespace {

// Applies one intent to the session; returns whether the data changed.
bool apply_intent(EditSession& s, ui::EditState& st, const ui::EditIntent& in) {
    using Op = ui::EditIntent::Op;
    EditResult r;
    switch (in.op) {
        case Op::Add:
            r = s.add(in.kind, in.value);
            break;
        case Op::Update:
            r = s.update(in.kind, in.id, in.value);
            break;
        case Op::Remove:
            r = s.remove(in.kind, in.id, false);
            break;
        case Op::RemoveWithReferences:
            r = s.remove(in.kind, in.id, true);
            break;
        case Op::SetField:
            r = s.set_field(in.kind, in.id, in.pointer, in.value);
            break;
        case Op::AddItem:
            r = s.add_item(in.kind, in.id, in.pointer, in.value);
            break;
        case Op::RemoveItem:
            r = s.remove_item(in.kind, in.id, in.pointer, in.index);
            break;
        case Op::Undo:
            return s.undo();
        case Op::Redo:
            return s.redo();
        default:
            return false;
    }
    st.blocked = r.references;
    st.status = r.ok ? "" : r.error;
    if (!r.ok) return false;
    if (in.op == Op::Add) {
        st.selected = in.id;
        st.kind = in.kind;
        st.select_tab = static_cast<int>(in.kind);
        st.new_id[0] = 0;
    }
    if (in.op == Op::Remove || in.op == Op::RemoveWithReferences) st.selected.clear();
    if (in.op == Op::Update) st.text_dirty = false;
    return true;
}

// Dragging an organisation on the map moves it: one change (lat and lon together) on release.
// Returns whether the data changed.
bool drag_org(EditSession& session, ui::EditState& st, AppModel& model, ui::UiContext& ui, bool on_panel) {
    const ImGuiIO& io = ImGui::GetIO();
    if (st.dragging.empty()) {
        ui.map_held = false;
        if (st.placing || on_panel || !ImGui::IsMouseClicked(0)) return false;
        const HitTarget h = ui.map_scene.scene().hit({io.MousePos.x, io.MousePos.y}, ui.map_tuning.hit_radius_mouse);
        const auto& orgs = model.data().organisations;
        if (h.kind != HitTarget::Org || h.index < 0 || static_cast<size_t>(h.index) >= orgs.size()) return false;
        st.dragging = orgs[static_cast<size_t>(h.index)].id;
        ui.map_held = true;
        return false;
    }
    if (io.MouseDown[0]) {
        ImGui::GetForegroundDrawList()->AddCircle(io.MousePos, 9, IM_COL32(230, 120, 20, 255), 16, 2.5f);
        return false;
    }
    const std::string id = std::move(st.dragging);
    st.dragging.clear();
    ui.map_held = false;
    const float dx = io.MousePos.x - io.MouseClickedPos[0].x, dy = io.MousePos.y - io.MouseClickedPos[0].y;
    if (dx * dx + dy * dy < ui.map_tuning.drag_threshold * ui.map_tuning.drag_threshold) return false;  // a click, not a drag
    const LatLon ll = unproject(model.camera().screen_to_world({io.MousePos.x, io.MousePos.y}));
    char lat[32], lon[32];
    std::snprintf(lat, sizeof lat, "%.4f", ll.lat);
    std::snprintf(lon, sizeof lon, "%.4f", ll.lon);
    const EditResult r = session.set_fields(EditKind::Organisation, id, {{"/lat", lat}, {"/lon", lon}});
    st.status = r.ok ? "" : r.error;
    if (!r.ok) return false;
    st.kind = EditKind::Organisation;
    st.select_tab = 1;
    st.selected = id;
    return true;
}

}  // namespace

void App::edit_glyph_texts(std::vector<std::string_view>& out) {
    if (!edit_) return;
    const size_t first = out.size();
    for (size_t i = 0; i < edit_->session.file_count(); ++i) out.push_back(edit_->session.file(i).text);
    out.push_back(edit_->state.typing);
    edit_->glyph_cps = code_points(std::vector<std::string_view>(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()));
    edit_->glyph_version = edit_->state.version;
}

size_t App::edit_extra_faces(size_t n) {
    if (!edit_) return n;
    // On the web, i18n/translations.otf (cmake/i18n.cmake); natively none (the system's Noto Sans CJK).
    if (const EmbeddedFile* f = embedded_edit_fonts().find("i18n/translations.otf"); f && f->size && n < std::size(extra_))
        extra_[n++] = {f->data, f->size, 0, -1};
    return n;
}

namespace {

// Whether `text` has a character the fonts were not built for (sorted `built`).
bool new_characters(std::string_view text, const std::vector<char32_t>& built) {
    for (char32_t cp : code_points({text}))
        if (!std::binary_search(built.begin(), built.end(), cp)) return true;
    return false;
}

}  // namespace

void App::edit_frame() {
    ui::EditState& st = edit_->state;
    EditSession& session = edit_->session;
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<Rect> obstacles = model_.page_chrome();
    // Until the page reports its chrome (after the first frame): where its search row will be, so
    // that the panels do not jump down when it comes (clicks aimed at them would miss).
    if (obstacles.empty() && st.web) obstacles.push_back({8, 8, std::min(io.DisplaySize.x - 8.0, 560.0), 40});
    if (ui_.toolbar_rect.x1 > ui_.toolbar_rect.x0) obstacles.push_back(ui_.toolbar_rect);
    const float timeline_top = ui_.timeline_top > 0 ? ui_.timeline_top : io.DisplaySize.y;
    edit_->place = editor_layout(io.DisplaySize.x, io.DisplaySize.y, timeline_top - kEditorMargin, obstacles);
    st.dark = model_.dark();
    ui::draw_edit(session, st, edit_->place.edit);
    // A panel like the others: labels keep off it and the selection is kept clear of it.
    ui_.panels.push_back(st.panel);
    ui_.last_panels.push_back(st.panel);
    bool on_panel = inside(st.panel, io.MousePos);
    for (const Rect& r : ui_.last_panels) on_panel = on_panel || inside(r, io.MousePos);
    bool changed = drag_org(session, st, model_, ui_, on_panel);
    if (st.placing && ImGui::IsMouseClicked(0)) {
        if (!on_panel) {
            const LatLon ll = unproject(model_.camera().screen_to_world({io.MousePos.x, io.MousePos.y}));
            ui::EditIntent in;
            in.op = ui::EditIntent::Op::Add;
            in.kind = EditKind::Organisation;
            in.id = st.new_id;
            in.value = ui::new_element_json(EditKind::Organisation, st.new_id, ll.lat, ll.lon);
            st.intents.push_back(std::move(in));
            st.placing = false;
        }
    }
    apply_edit_intents(changed);
    // A name typed in a script the fonts lack draws at once (the atlas is rebuilt before the next
    // frame), while it is typed and whether or not the data is valid.
    bool more_glyphs = new_characters(st.typing, edit_->glyph_cps);
    for (size_t i = 0; !more_glyphs && st.version != edit_->glyph_version && i < session.file_count(); ++i)
        more_glyphs = new_characters(session.file(i).text, edit_->glyph_cps);
    if (more_glyphs) {
        fonts_dirty_ = true;
        glyphs_requested_ = false;  // web: the page is asked again for what is missing
    }
    edit_->glyph_version = st.version;
    story_editor_frame();
    emit_edit_state();  // after the story editor: its draft as this frame left it
}

// The story editor (ui/story_edit_view.h): its Save writes stories/ID.json natively (the folder
// of the data's stories/ sibling when there is one) or downloads it on the web, once the
// canonical text loads back valid against the data shown.
void App::story_editor_frame() {
    ui::StoryDraft& d = edit_->story;
    ui::draw_story_editor(model_, d, edit_->place);
    ui_.panels.push_back(d.panel);  // labels keep off it, as off the edit panel
    ui_.last_panels.push_back(d.panel);
    if (d.save) save_story_draft();
}

// Saves the story editor's draft (its Save, or the page's layer): checked against the data shown
// first, then written beside the data natively or handed to the page to download.
void App::save_story_draft() {
    ui::StoryDraft& d = edit_->story;
    const std::string name = d.story.id + ".json", text = story_file_text(d.story, model_.data());
    const StoryLoad check = load_story(name, text, model_.data());
    d.saved = d.refused = false;
    if (!check.ok()) {
        d.status = trf("Not saved: %s", check.diagnostics.front().to_string().c_str());
        d.refused = true;
        return;
    }
    if (edit_->state.web) {
        emit("editfiles", edit_files_event_json("download", {{name, text}}, 0));
        d.status = trf("Downloading %s.", name.c_str());
        d.saved = true;
        return;
    }
    std::string dir = "stories", why;
    if (!cfg_.data_files.empty()) dir = std::filesystem::path(cfg_.data_files.front()).parent_path().parent_path() / "stories";
    const std::string path = std::filesystem::is_directory(dir) ? dir + "/" + name : name;
    d.saved = write_file_replacing(path, text, why);
    d.status = d.saved ? trf("Saved %s.", path.c_str()) : trf("Not saved: %s", why.c_str());
}

void App::apply_edit_intents(bool changed) {
    ui::EditState& st = edit_->state;
    EditSession& session = edit_->session;
    std::vector<ui::EditIntent> intents = std::move(st.intents);
    st.intents.clear();
    for (const ui::EditIntent& in : intents) {
        using Op = ui::EditIntent::Op;
        if (in.op == Op::Select) {
            std::string field;
            EditKind kind = in.kind;
            std::string id = in.id;
            if (!in.pointer.empty() && !session.element_at(in.value, in.pointer, kind, id, field)) continue;
            st.kind = kind;
            st.select_tab = static_cast<int>(kind);
            st.selected = id;
            st.text_dirty = false;
            st.blocked.clear();
            st.focus_pointer = field;  // the form outlines it and gives it the keyboard
            st.focus_pending = !field.empty();
            st.typing_pointer.clear();
            if (kind == EditKind::Organisation || kind == EditKind::Collaboration) model_.select(id);
            continue;
        }
        if (in.op == Op::Save || in.op == Op::SaveAnyway) {
            save_edits(in.op == Op::SaveAnyway);
            continue;
        }
        if (in.op == Op::Download || in.op == Op::Copy) {
            hand_edit_files(in.op == Op::Copy ? "copy" : "download", in.index);
            continue;
        }
        changed = apply_intent(session, st, in) || changed;
    }
    if (changed || st.pasted_changed) sync_quote_texts(*edit_);  // quotes checked against the pasted texts
    st.pasted_changed = false;
    if (changed) {
        ++st.version;
        animating_ = true;  // a frame soon, to show it (an invalid edit changes no view state: the web skips frames)
        keep_edit_files();
        const LoadResult& v = session.validation();
        // Else flagged in the panel, and the map keeps the last valid data; a quote not found in
        // a pasted text is listed but is not kept off the map.
        if (v.showable) {
            model_.set_dataset(v.dataset, model_.dataset_name());
            data_embedded_ = false;  // the editor's data has every translation it keeps
            ui::dataset_changed(ui_);
            fonts_dirty_ = true;  // names in other scripts are drawn at once
        }
    }
}

namespace {

std::string rect_json(const Rect& r) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "[%.1f,%.1f,%.1f,%.1f]", r.x0, r.y0, r.x1, r.y1);
    return buf;
}

std::string rects_json(const std::vector<Rect>& rs) {
    std::string out = "[";
    for (size_t i = 0; i < rs.size(); ++i) {
        if (i) out += ',';
        out += rect_json(rs[i]);
    }
    return out + "]";
}

}  // namespace

// The story editor's draft in the editstate event (tests drive it): its steps, the step whose
// caption is edited, and where its controls are.
std::string App::story_editor_json() const {
    const ui::StoryDraft& d = edit_->story;
    std::string titles;
    for (const StoryStep& st : d.story.steps) {
        std::string t = st.caption.title;
        for (char& c : t)
            if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';
        titles += std::string(titles.empty() ? "" : ",") + "\"" + t + "\"";
    }
    return ",\"story\":{\"titles\":[" + titles + "],\"step\":" + std::to_string(d.step) + ",\"panel\":" + rect_json(d.panel) +
           ",\"add\":" + rect_json(d.add_at) + ",\"up\":" + rects_json(d.up_at) + ",\"captionTitle\":" + rect_json(d.caption_title_at) +
           ",\"captionText\":" + rect_json(d.caption_text_at) + ",\"save\":" + rect_json(d.save_at) +
           ",\"saved\":" + (d.saved ? "true" : "false") + "}";
}

// The page's dataset bar says the data is edited; the buttons' places are for tests (window points).
void App::emit_edit_state() {
    if (!listened()) return;
    const ui::EditState& st = edit_->state;
    const EditSession& s = edit_->session;
    bool modified = false;
    std::string names;
    for (size_t i = 0; i < s.file_count(); ++i) {
        modified = modified || s.modified(i);
        std::string name(base_name(s.file(i).name));
        for (char& c : name)
            if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '_';  // a JSON string as it is
        names += std::string(i ? "," : "") + "\"" + name + "\"";
    }
    std::string ev = "{\"open\":true,\"modified\":" + std::string(modified ? "true" : "false") +
                     ",\"errors\":" + std::to_string(count_errors(s.validation().diagnostics)) +
                     ",\"undo\":" + std::to_string(s.undo_steps()) + ",\"placing\":" + (st.placing ? "true" : "false") +
                     ",\"panel\":" + rect_json(st.panel) + ",\"place\":" + rect_json(st.place_button) +
                     ",\"undoButton\":" + rect_json(st.undo_button) + ",\"redoButton\":" + rect_json(st.redo_button) +
                     ",\"save\":" + rect_json(st.save_button) + ",\"filesHeader\":" + rect_json(st.files_header) +
                     ",\"download\":" + rects_json(st.download_buttons) + ",\"copy\":" + rects_json(st.copy_buttons) + ",\"kind\":\"" +
                     edit_kind_name(st.kind) + "\",\"selected\":" + JsonOut(st.selected).dump() +
                     ",\"version\":" + std::to_string(st.version) + ",\"glyphsMissing\":" + std::to_string(glyphs_missing_) +
                     ",\"files\":[" + names + "]" + story_editor_json() + ",\"locale\":\"" + locale_id(model_.shown_locale()) +
                     "\"}";  // the labels' language: the page's layer draws them again when it changes
    if (ev == edit_->last_event) return;
    edit_->last_event = ev;
    emit("editstate", ev);
}

// The `editField` command: what the panel's field does, as one undoable edit shown at once.
std::string App::edit_field_command(const EditFieldCommand& f) {
    if (!edit_) return "{\"ok\":false,\"error\":\"edit mode is not open\"}";
    EditKind kind;
    if (!edit_kind_from_name(f.kind, kind)) return "{\"ok\":false,\"error\":\"kind must be source, organisation, collaboration or event\"}";
    ui::EditIntent in;
    in.op = ui::EditIntent::Op::SetField;
    in.kind = kind;
    in.id = f.id;
    in.pointer = f.pointer;
    in.value = f.value;
    edit_->state.intents.push_back(std::move(in));
    apply_edit_intents();
    const std::string& err = edit_->state.status;
    return err.empty() ? "{\"ok\":true}" : error_reply_json(err);
}

// Web: hands file `index` (or every file when index is past the last) to the page, which
// downloads or copies it. Nothing leaves the browser otherwise.
void App::hand_edit_files(const char* action, size_t index) {
    const EditSession& s = edit_->session;
    std::vector<NamedText> files;
    for (size_t i = 0; i < s.file_count(); ++i)
        if (index >= s.file_count() || i == index) files.push_back({s.file(i).name, s.file(i).text});
    if (files.empty() || !listened()) return;
    emit("editfiles", edit_files_event_json(action, files, count_errors(s.validation().diagnostics)));
    const std::string what =
        files.size() == 1 ? std::string(files[0].name) : strf(trn("%zu file", "%zu files", files.size()), files.size());
    edit_->state.status = strf(std::string_view(action) == "copy" ? tr("Copied %s.") : tr("Downloading %s."), what.c_str());
}

bool App::save_edits(bool anyway) {
    if (!edit_) return false;
    ui::EditState& st = edit_->state;
    EditSession& s = edit_->session;
    if (!st.can_save) return false;
    if (!anyway && !s.validation().ok()) {
        st.confirm_save = true;
        return false;
    }
    st.confirm_save = false;
    if (st.web) {
        hand_edit_files("download", s.file_count());
        s.mark_saved();
        return true;
    }
    size_t written = 0;
    for (size_t i = 0; i < s.file_count(); ++i) {
        if (!s.modified(i)) continue;
        std::string why;
        if (!write_file_replacing(s.file(i).name, s.file(i).text, why)) {
            st.status = why;
            return false;
        }
        ++written;
    }
    std::string why;
    if (!write_source_texts(*edit_, written, why)) {
        st.status = why;
        return false;
    }
    s.mark_saved();
    st.status = strf(trn("Saved %zu file.", "Saved %zu files.", written), written);
    return true;
}

}  // namespace ca
