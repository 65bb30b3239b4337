// Files compiled into the binary by tools/embed.py (dataset, stories, basemap, fonts): the same bytes
// in the native app, the web app and the tests.
#pragma once
#include <cstddef>
#include <string_view>

namespace ca {

struct EmbeddedFile {
    const char* name;
    const unsigned char* data;
    size_t size;
    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct EmbeddedSet {
    const EmbeddedFile* files;
    size_t count;
    const EmbeddedFile* begin() const { return files; }
    const EmbeddedFile* end() const { return files + count; }
    const EmbeddedFile* find(std::string_view name) const {
        for (auto& f : *this)
            if (name == f.name) return &f;
        return nullptr;
    }
};

EmbeddedSet embedded_dataset();        // data/*.json
EmbeddedSet embedded_stories();        // stories/*.json (core/story.h)
EmbeddedSet embedded_assets();         // assets/basemap.bin, assets/fonts/*.otf
EmbeddedSet embedded_font_coverage();  // assets/fonts/coverage.txt (what ui.otf + symbols.otf draw)
EmbeddedSet embedded_catalogues();     // i18n/LANG.mo (native only: the web fetches them, cmake/i18n.cmake)
EmbeddedSet embedded_edit_fonts();     // i18n/translations.otf: the web editor's (none natively)

}  // namespace ca
