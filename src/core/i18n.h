// Message catalogues: compiled gettext catalogues (GNU .mo, made by msgfmt from po/app/*.po at
// build time), the active language's look-ups tr / trc / trn, and numbers and dates as it writes them.
#pragma once
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/locale.h"

// Marks a string for xgettext where it is defined but translated later, at its use (tables of
// labels): the text stays English here, and trc(ctx, text) looks it up.
#define N_(s) s
#define NC_(ctx, s) s

namespace ca {

// A gettext plural rule: "nplurals=2; plural=(n != 1);" (the PO header's Plural-Forms), with
// C's operators on n (?:, ||, &&, comparisons, + - * / %, !, parentheses).
class PluralRule {
public:
    // False, and why, when the text is not a rule this evaluator reads.
    bool parse(std::string_view plural_forms, std::string* why = nullptr);
    int count() const { return nplurals_; }
    int index(unsigned long n) const;  // 0..count()-1
private:
    int nplurals_ = 2;
    std::string expr_ = "n != 1";
};

// The catalogue contexts of the bundled data's translations (core/model.h,
// add_catalogue_translations; tools/i18n/data_translations.py writes them).
inline constexpr const char* kDataTitleContext = "data: collaboration title";
inline constexpr const char* kDataSummaryContext = "data: collaboration summary";
inline constexpr const char* kDataCollabNoteContext = "data: collaboration note";
inline constexpr const char* kDataFactLabelContext = "data: fact label";       // msgid: core/model.h fact_key
inline constexpr const char* kDataEventTitleContext = "data: event title";     // msgid: the event's id
inline constexpr const char* kDataOrgCityContext = "data: organisation city";  // msgid: the organisation's id
inline constexpr const char* kDataOrgNoteContext = "data: organisation note";  // msgid: the organisation's id
inline constexpr const char* kDataOrgNameContext = "data: organisation name";  // msgid: a group's id
// Every data context begins so (Catalogue::for_each_translation leaves them out).
inline constexpr std::string_view kDataContextPrefix = "data: ";

// One language's compiled catalogue, parsed from GNU .mo bytes (copied).
class Catalogue {
public:
    // False, and why, for bytes that are not a .mo file (bad magic, offsets outside the file,
    // a Plural-Forms the evaluator cannot read). The catalogue is then empty.
    bool load(std::string_view mo, std::string* why = nullptr);
    // Adds another catalogue of the same language (the editor's texts, i18n/LANG.edit.mo) to this
    // one; a text in both keeps the added one's translation. False, and why, for bytes that are
    // not a .mo file: this catalogue is then unchanged.
    bool add(std::string_view mo, std::string* why = nullptr);
    bool empty() const { return entries_.empty(); }
    size_t size() const { return entries_.size(); }
    // The translation of msgid in context ctx (null or "" for none), or null when there is none.
    const char* find(const char* ctx, std::string_view msgid) const;
    // Plural form n of msgid's translation, or null.
    const char* find_plural(const char* ctx, std::string_view msgid, unsigned long n) const;
    const PluralRule& plural() const { return plural_; }
    // Calls f(text) for each translation of the interface (each plural form), for the fonts'
    // glyph ranges; not the data's (a dataset's texts count once added to it).
    template <class F>
    void for_each_translation(F&& f) const {
        for (const Entry& e : entries_) {
            if (data_key(e.key)) continue;
            std::string_view v = e.value;
            while (!v.empty()) {
                const size_t z = v.find('\0');
                f(v.substr(0, z));
                if (z == std::string_view::npos) break;
                v.remove_prefix(z + 1);
            }
        }
    }

private:
    static bool data_key(std::string_view key) {  // in a data context (kDataContextPrefix)
        const size_t eot = key.find('\x04');
        return eot != std::string_view::npos && key.compare(0, kDataContextPrefix.size(), kDataContextPrefix) == 0;
    }
    struct Entry {
        std::string_view key;    // ctx "\x04" msgid (the msgid part before any plural's NUL)
        std::string_view value;  // forms separated by NUL, each NUL-terminated in its blob
    };
    const Entry* lookup(const char* ctx, std::string_view msgid) const;
    std::deque<std::string> blobs_;  // each added .mo file's bytes, which the entries point into
    std::vector<Entry> entries_;     // sorted by key
    PluralRule plural_;
};

// The language the interface speaks now and its catalogue (null: English, the msgids
// themselves). The catalogue must outlive its use; the app keeps one per language.
void set_active_catalogue(Locale locale, const Catalogue* catalogue);
Locale active_locale();
const Catalogue* active_catalogue();  // null for English
// The active catalogue's translation of msgid (in context ctx), or msgid itself. The pointer
// stays valid while the catalogue does.
const char* tr(const char* msgid);
const char* trc(const char* ctx, const char* msgid);
// The plural form for n: English (no catalogue): singular when n == 1, else plural.
const char* trn(const char* singular, const char* plural, unsigned long n);
const char* trcn(const char* ctx, const char* singular, const char* plural, unsigned long n);
// printf with a translated format: tr's result is the format ("%d shown" -> "%d 件を表示").
std::string trf(const char* format, ...);
// printf into a std::string with a format already translated (trn's result).
std::string strf(const char* format, ...);

// A whole number with the active language's digit grouping ("12,345"; all five group by
// thousands with a comma).
std::string format_count(long long n);
// A date in its precision the active language's way: "29 Aug 2023", "Aug 2023", "2023";
// "2023年8月29日", "2023年8月", "2023年"; "2023년 8월 29일", "2023년 8월", "2023년".
std::string format_date_local(const Date& d);

}  // namespace ca
