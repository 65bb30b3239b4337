// The edit panel (issue 16): element lists by kind, the selected element's JSON, the validation
// messages, undo/redo/save. It draws from an EditSession and only emits intents (EditIntent).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/edit_fields.h"
#include "core/edit_model.h"
#include "core/label_layout.h"

namespace ca::ui {

struct EditIntent {
    enum class Op {
        Add,
        Update,
        Remove,
        RemoveWithReferences,
        SetField,
        AddItem,
        RemoveItem,
        Undo,
        Redo,
        Save,
        SaveAnyway,
        Select,
        Download,
        Copy
    };
    Op op = Op::Select;
    EditKind kind = EditKind::Organisation;
    std::string id, pointer, value;  // pointer: SetField's field, AddItem/RemoveItem's list
    size_t index = 0;                // RemoveItem's item; Download/Copy's file (web)
};

struct EditState {
    EditKind kind = EditKind::Organisation;
    int select_tab = 1;                  // the tab to bring forward (the app's choice, e.g. a message's element)
    std::string selected;                // id of the element being edited ("" none)
    std::string text;                    // its JSON as being edited
    std::string text_for;                // kind/id/version the text was taken from
    bool text_dirty = false;             // typed into since it was taken
    char new_id[64] = "";                // id for the next new element
    char filter[64] = "";                // narrows the element list
    bool placing = false;                // the next click on the map places a new organisation there
    std::string status;                  // the last operation's outcome, shown under the buttons
    std::vector<EditReference> blocked;  // a delete refused: what still refers to the element
    bool confirm_save = false;           // saving invalid data asks first
    bool can_save = true;                // natively: the files have paths to write to
    bool web = false;                    // in a web page: Save downloads, and files can be copied
    bool dark = false;                   // the theme: the forms' messages take its colours (ui/theme.h)
    unsigned version = 0;                // bumped by the app after each change (the view retakes its text)
    std::vector<EditIntent> intents;     // this frame's, for the app to apply
    // The forms (ui/edit_forms.cpp): the selected element's values (retaken each version), the
    // field being typed into and its text, the field a chosen message names (highlighted and
    // given the keyboard once), pasted source texts by source id, where each field was drawn.
    FormValues values;
    std::string values_for;
    std::string typing_pointer, typing;
    std::string focus_pointer;
    bool focus_pending = false;
    std::string focused;                              // the field the form last gave the keyboard to
    std::map<std::string, std::string> quote_checks;  // by quote field: "" found, else why (this frame)
    // Date fields as typed: the precision chosen (0 year, 1 month, 2 day) and the parts, by
    // pointer (retaken with the values), and "" or why the parts are no date yet (this frame).
    struct DateDraft {
        int precision = 0;
        char year[8] = "", month[4] = "", day[4] = "";
    };
    std::map<std::string, DateDraft> date_drafts;
    std::map<std::string, std::string> date_checks;
    std::map<std::string, std::string> pasted;
    bool pasted_changed = false;              // a pasted text was typed into this frame (the app re-checks quotes)
    std::map<std::string, Rect> field_rects;  // by pointer ("/name", "/participants/+" the add search)
    bool show_json = false;                   // the Advanced fold: the element's raw JSON
    // Dragging an organisation on the map (edit mode only): its id, while the button is held.
    std::string dragging;
    // Where the panel and its buttons were drawn last frame (map clicks outside it; tests click).
    Rect panel{0, 0, 0, 0}, undo_button{0, 0, 0, 0}, redo_button{0, 0, 0, 0}, save_button{0, 0, 0, 0}, place_button{0, 0, 0, 0};
    Rect files_header{0, 0, 0, 0};                     // web: the "Files" fold
    std::vector<Rect> download_buttons, copy_buttons;  // web: per file, while the fold is open (else empty)
};

// A new element of kind with this id: the fields the loader requires, empty for the editor to fill.
std::string new_element_json(EditKind kind, const std::string& id, double lat = 0, double lon = 0);

// The selected element's form, one field per schema property (ui/edit_forms.cpp); each change is
// one SetField/AddItem/RemoveItem intent.
void draw_form(const EditSession& s, EditState& st);

// Draws the edit panel at `place` (core/chrome_layout.h, editor_layout); Ctrl+Z undoes and
// Ctrl+Shift+Z redoes when no text field has the keyboard.
void draw_edit(const EditSession& s, EditState& st, const Rect& place);
// The web page's file row (edit_files_view.cpp): Download or Copy each file, when st.web.
void draw_edit_files(const EditSession& s, EditState& st);

}  // namespace ca::ui
