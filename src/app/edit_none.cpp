// The web build's edit mode, for now: not built, so the editor's code stays out of the wasm (the
// page's first visit is near its size cap); the native build links app/edit.cpp instead.
#include "app/app.h"

namespace ca {

struct EditMode {};
void EditModeDelete::operator()(EditMode*) const {}  // never made here
EditSession* App::editor() { return nullptr; }
ui::EditState* App::edit_state() { return nullptr; }
bool App::open_editor() { return false; }
void App::edit_frame() {}
bool App::save_edits(bool) { return false; }

}  // namespace ca
