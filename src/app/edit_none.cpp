// The web page's default wasm has no editor, so its first visit stays under the size cap;
// #edit=1 loads the other one, chipatlas_edit, linked with app/edit.cpp (as the native build).
#include "app/app.h"

namespace ca {

struct EditMode {};
void EditModeDelete::operator()(EditMode*) const {}  // never made here
EditSession* App::editor() { return nullptr; }
ui::EditState* App::edit_state() { return nullptr; }
ui::StoryDraft* App::story_draft() { return nullptr; }
bool App::open_editor() { return false; }
void App::edit_frame() {}
bool App::save_edits(bool) { return false; }
void App::apply_edit_intents(bool) {}
void App::emit_edit_state() {}
void App::hand_edit_files(const char*, size_t) {}
void App::edit_glyph_texts(std::vector<std::string_view>&) {}
size_t App::edit_extra_faces(size_t n) { return n; }
void App::keep_edit_files() {}
bool App::edit_load_files(const std::vector<DatasetText>&) { return false; }
std::string App::edit_field_command(const EditFieldCommand&) { return "{\"ok\":false,\"error\":\"edit mode is not open\"}"; }
std::string App::edit_command(std::string_view) { return "{\"ok\":false,\"error\":\"edit mode is not open\"}"; }

}  // namespace ca
