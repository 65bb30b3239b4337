// The interface language's catalogue (and the editor's texts, added to it): natively compiled into
// the binary, on the web fetched by the page ("catalogueneeded", then ca_add_catalogue).
#include <cstdio>

#include "app/app.h"
#include "core/embedded.h"
#include "core/i18n.h"

namespace ca {
namespace {
constexpr size_t kMaxCatalogueBytes = 1u << 20;  // a catalogue is a few dozen KB
}

// Makes the view's locale the active one once its catalogue is there (English meanwhile), and
// asks the page for it once when it is not (web).
void App::sync_locale() {
    const Locale want = model_.view().locale;
    const size_t i = static_cast<size_t>(want);
    Catalogue& c = catalogues_[i];
    if (want != Locale::En && c.empty() && !catalogue_asked_[i]) {
        catalogue_asked_[i] = true;
        const std::string name = std::string("i18n/") + locale_id(want) + ".mo";
        const EmbeddedSet set = embedded_catalogues();
        if (const EmbeddedFile* f = set.find(name)) {
            // Its glyphs that ui.otf lacks first (i18n/LANG.otf), then its strings.
            if (const EmbeddedFile* font = set.find(std::string("i18n/") + locale_id(want) + ".otf")) add_font_data(font->text());
            std::string why;
            if (!c.load(f->text(), &why)) std::fprintf(stderr, "chipatlas: %s: %s\n", name.c_str(), why.c_str());
            // The editor's texts (i18n/LANG.edit.mo): natively the editor is always there.
            const std::string edit = std::string("i18n/") + locale_id(want) + ".edit.mo";
            if (const EmbeddedFile* e = set.find(edit); e && !c.empty() && !c.add(e->text(), &why))
                std::fprintf(stderr, "chipatlas: %s: %s\n", edit.c_str(), why.c_str());
            add_data_translations();
        } else if (listened()) {
            // The page fetches i18n/LANG.otf and i18n/LANG.mo (web/js/catalogues.js).
            emit("catalogueneeded", std::string("{\"locale\":\"") + locale_id(want) + "\"}");
        }
    }
    const Locale shown = want == Locale::En || !c.empty() ? want : Locale::En;
    if (shown != model_.shown_locale() || active_locale() != shown) {
        set_active_catalogue(shown, shown == Locale::En ? nullptr : &c);
        model_.set_shown_locale(shown);
        fonts_dirty_ = true;  // the new strings' characters
    }
}

bool App::add_catalogue_data(std::string_view locale, std::string_view bytes) {
    Locale l;
    if (bytes.size() > kMaxCatalogueBytes || !match_locale(locale, l) || locale != locale_id(l)) return false;
    // The first is the language's catalogue; one after it (an editing visit's i18n/LANG.edit.mo,
    // web/js/catalogues.js) adds its texts to it.
    Catalogue& c = catalogues_[static_cast<size_t>(l)];
    std::string why;
    if (!(c.empty() ? c.load(bytes, &why) : c.add(bytes, &why))) {
        std::fprintf(stderr, "chipatlas: catalogue %s: %s\n", locale_id(l), why.c_str());
        return false;
    }
    add_data_translations();
    fonts_dirty_ = true;  // an added catalogue's characters too (sync_locale marks only a new language)
    sync_locale();
    return true;
}

void App::add_data_translations() {
    if (!data_embedded_) return;
    for (size_t i = 0; i < catalogues_.size(); ++i)
        if (!catalogues_[i].empty()) model_.add_translations(static_cast<Locale>(i), catalogues_[i]);
}

}  // namespace ca
