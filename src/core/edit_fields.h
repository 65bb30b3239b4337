// The edit forms' rules (issue 16): which fields each kind has and how they are edited (from
// data/schema.json), what a typed value becomes in JSON, a diagnostic's pointer -> form field.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit_model.h"
#include "core/model.h"

namespace ca {

enum class FieldType {
    Text,      // a string ("" removes an optional field)
    LongText,  // a string drawn on several lines (summary, note, quote)
    Enum,      // one of choices (schema enum)
    Date,      // YYYY, YYYY-MM or YYYY-MM-DD: its precision is what is given
    Id,        // the id of an element of ref, picked by search
    Number,    // a JSON number (text that is not one is kept as a string and flagged)
    Integer,
    List,  // a list of items, each with the sub-fields `items` (or one value of item_type)
};

struct FormField {
    std::string key;         // member name in the element ("name", "participants")
    std::string label;       // shown, in English: field_label() gives it in the interface language
    std::string item_label;  // a list's one item ("Participant"), likewise
    FieldType type = FieldType::Text;
    std::vector<std::string> choices;       // Enum (or a List of enums)
    EditKind ref = EditKind::Organisation;  // Id
    bool required = false;
    FieldType item_type = FieldType::Text;  // List of plain values: their type
    std::vector<FormField> items;           // List of objects: their fields
};

// The form of each kind, in the order drawn.
const std::vector<FormField>& form_fields(EditKind kind);
// A field's label and a list's item label in the interface language (catalogue context "edit field").
const char* field_label(const FormField& f);
const char* item_label(const FormField& f);
// A kind of element in the interface language: one ("organisation") or the tab's ("Organisations").
const char* edit_kind_label(EditKind kind);
const char* edit_kinds_label(EditKind kind);
// The schema's enum values by $defs name ("orgKind", "role", ...), as the forms use them.
const std::vector<std::string>& schema_enum(std::string_view def);

// The JSON text a typed value becomes for a field of this type; "" (remove the field) for an
// empty optional value. Numbers that do not parse stay strings, so the validator flags them.
std::string form_value_json(FieldType type, std::string_view typed, bool required);
std::string json_string(std::string_view s);  // a JSON string literal, escaped
// A new item of a list of objects: its required fields, empty (an enum's first choice, 0).
std::string new_item_json(const FormField& list);

// A date field typed as its parts with its precision chosen (0 year, 1 month, 2 day; the parts
// past it are ignored): the date's text ("2024", "2024-05", "2024-05-02"), or "" with `why`
// (a year of four digits, a month 1..12, a day the month has).
std::string date_from_parts(int precision, std::string_view year, std::string_view month, std::string_view day, std::string& why);

// An element's values flattened by pointer ("/name", "/participants/1/role"): strings unquoted,
// numbers as written; lists' lengths in `lists` ("/participants" -> 2).
struct FormValues {
    std::map<std::string, std::string> leaf;
    std::map<std::string, size_t> lists;
    std::string get(const std::string& pointer) const;
    size_t count(const std::string& pointer) const;
};
FormValues form_values(const EditSession& s, EditKind kind, std::string_view id);

// Where a field pointer inside an element ("/participants/1/role") is in the form: the field's
// index in form_fields(kind) (-1 when none), the list item (-1 when not in a list) and the
// sub-field's key within the item ("" when none).
struct FormFocus {
    int field = -1;
    int item = -1;
    std::string sub;
};
FormFocus form_focus(EditKind kind, std::string_view field_pointer);

// The field a pointer inside an element names, however deep ("/name", "/participants/1/role",
// "/topics/0", "/facts/0/translations/1/label"): null when the form has none; plain_item when it
// is one value of a list of plain values (its List field is returned).
const FormField* form_field_at(EditKind kind, std::string_view pointer, bool& plain_item);

// The field a message about a missing required member names ('missing required field "summary"'
// -> "/summary"), whose pointer is its element's: where the editors take the keyboard; else "".
std::string missing_field(std::string_view message);

// Ids of kind whose id or name/title contains query (case-insensitive ASCII), up to max, as
// "id — name" labels in `labels` (same order).
std::vector<std::string> pick_ids(const Dataset& d, EditKind kind, std::string_view query, size_t max,
                                  std::vector<std::string>* labels = nullptr);

// A quote checked against a pasted source text as it is typed: "" when it is found, else why
// ("quote differs from the source text at character 12: ..."); "" too when the text is empty.
std::string quote_status(std::string_view source_text, std::string_view quote, std::string_view text_name);
// The sentences of a source text (split after . ! ? 。 ！ ？ and at blank lines), trimmed, for
// picking a quote; at most max of them, each at most 400 bytes.
std::vector<std::string> source_sentences(std::string_view text, size_t max = 200);

}  // namespace ca
