// The web page's stand-in for app/glyph_note.cpp: the page never validates from a command line,
// so it carries neither the note nor the coverage table (a smaller wasm).
#include "app/validate.h"

namespace ca {

void note_missing_glyphs(const Dataset&) {}

}  // namespace ca
