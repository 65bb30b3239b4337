// --validate's note on characters the bundled fonts lack: a note, not an error (the app loads
// them at run time), with the table of what the bundled UI font draws (assets/fonts/coverage.txt).
#include <cstdio>

#include "app/validate.h"
#include "core/embedded.h"
#include "core/glyph_coverage.h"

namespace ca {

void note_missing_glyphs(const Dataset& ds) {
    const EmbeddedFile* f = embedded_font_coverage().find("assets/fonts/coverage.txt");
    if (!f) return;
    std::vector<char32_t> missing = missing_code_points(ds, GlyphCoverage::parse(f->text()));
    if (missing.empty()) return;
    std::printf(
        "note: %s; the app fetches them at run time (web: font slices from the site; native: the system's Noto Sans CJK). "
        "Put the data in data/ and rebuild to bundle them.\n",
        describe_missing(missing).c_str());
}

}  // namespace ca
