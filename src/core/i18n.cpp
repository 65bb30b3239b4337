// Message catalogues: the .mo reader, the Plural-Forms evaluator, the active language's
// look-ups, and its numbers and dates.
#include "core/i18n.h"

#include <algorithm>
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace ca {

// --- Plural-Forms: a recursive-descent evaluator of gettext's C subset on n.
namespace {

struct PluralEval {
    std::string_view s;
    unsigned long n;
    size_t i = 0;
    bool ok = true;

    void skip() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }
    bool eat(std::string_view op) {
        skip();
        if (s.substr(i, op.size()) != op) return false;
        // "<" must not take the first half of "<=", nor "!" of "!=", nor "|" of "||".
        if (op.size() == 1 && i + 1 < s.size() && s[i + 1] == '=' && (op == "<" || op == ">" || op == "!" || op == "=")) return false;
        i += op.size();
        return true;
    }
    unsigned long primary() {
        skip();
        if (eat("(")) {
            unsigned long v = ternary();
            if (!eat(")")) ok = false;
            return v;
        }
        if (eat("!")) return !primary();
        if (i < s.size() && s[i] == 'n') {
            ++i;
            return n;
        }
        if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            unsigned long v = 0;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) v = v * 10 + static_cast<unsigned long>(s[i++] - '0');
            return v;
        }
        ok = false;
        return 0;
    }
    unsigned long mul() {
        unsigned long v = primary();
        for (;;) {
            if (eat("*"))
                v *= primary();
            else if (eat("/") || eat("%")) {
                const bool div = s[i - 1] == '/';
                unsigned long d = primary();
                if (d == 0) {
                    ok = false;
                    return 0;
                }
                v = div ? v / d : v % d;
            } else
                return v;
        }
    }
    unsigned long add() {
        unsigned long v = mul();
        for (;;) {
            if (eat("+"))
                v += mul();
            else if (eat("-"))
                v -= mul();
            else
                return v;
        }
    }
    unsigned long rel() {
        unsigned long v = add();
        for (;;) {
            if (eat("<="))
                v = v <= add();
            else if (eat(">="))
                v = v >= add();
            else if (eat("<"))
                v = v < add();
            else if (eat(">"))
                v = v > add();
            else
                return v;
        }
    }
    unsigned long eq() {
        unsigned long v = rel();
        for (;;) {
            if (eat("=="))
                v = v == rel();
            else if (eat("!="))
                v = v != rel();
            else
                return v;
        }
    }
    unsigned long conj() {
        unsigned long v = eq();
        while (eat("&&")) v = eq() && v;
        return v;
    }
    unsigned long disj() {
        unsigned long v = conj();
        while (eat("||")) v = conj() || v;
        return v;
    }
    unsigned long ternary() {
        unsigned long c = disj();
        if (!eat("?")) return c;
        unsigned long a = ternary();
        if (!eat(":")) ok = false;
        unsigned long b = ternary();
        return c ? a : b;
    }
};

// The value after "key=" in "nplurals=2; plural=...;", up to the ';' (or the end).
// (A whole word: "plural" is not the end of "nplurals".)
bool field_of(std::string_view text, std::string_view key, std::string_view& out) {
    for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) continue;
        size_t p = at + key.size();
        while (p < text.size() && text[p] == ' ') ++p;
        if (p >= text.size() || text[p] != '=') continue;
        const size_t e = text.find(';', ++p);
        out = text.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p);
        return true;
    }
    return false;
}

}  // namespace

bool PluralRule::parse(std::string_view text, std::string* why) {
    std::string_view np, expr;
    if (!field_of(text, "nplurals", np) || !field_of(text, "plural", expr)) {
        if (why) *why = "Plural-Forms needs nplurals=N; plural=EXPR;";
        return false;
    }
    int count = 0;
    for (char c : np)
        if (c >= '0' && c <= '9') count = count * 10 + (c - '0');
    // Try the rule on a few numbers: it must read to its end and give indices below nplurals.
    for (unsigned long n : {0ul, 1ul, 2ul, 5ul, 11ul, 21ul, 101ul, 1000000ul}) {
        PluralEval e{expr, n};
        unsigned long v = e.ternary();
        e.skip();
        if (!e.ok || e.i != expr.size() || count < 1 || count > 6 || v >= static_cast<unsigned long>(count)) {
            if (why) *why = "cannot read Plural-Forms \"" + std::string(text) + "\"";
            return false;
        }
    }
    nplurals_ = count;
    expr_ = std::string(expr);
    return true;
}

int PluralRule::index(unsigned long n) const {
    PluralEval e{expr_, n};
    const unsigned long v = e.ternary();
    return e.ok && v < static_cast<unsigned long>(nplurals_) ? static_cast<int>(v) : 0;
}

// --- The .mo reader (GNU gettext's format: magic, revision, count, two tables of
// (length, offset) pairs for the originals and translations; strings NUL-terminated).
bool Catalogue::load(std::string_view mo, std::string* why) {
    blobs_.clear();
    entries_.clear();
    plural_ = PluralRule();
    return add(mo, why);
}

bool Catalogue::add(std::string_view mo, std::string* why) {
    const std::string& bytes = blobs_.emplace_back(mo);  // a deque: the others' strings stay put
    std::vector<Entry> found;
    PluralRule plural = plural_;
    auto fail = [&](const char* what) {
        blobs_.pop_back();
        if (why) *why = what;
        return false;
    };
    auto u32 = [&](size_t at, bool swap) -> uint32_t {
        const auto* b = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        return swap ? uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | b[3]
                    : uint32_t(b[3]) << 24 | uint32_t(b[2]) << 16 | uint32_t(b[1]) << 8 | b[0];
    };
    if (bytes.size() < 28) return fail("not a .mo catalogue: too short");
    const bool swap = u32(0, false) != 0x950412de;
    if (swap && u32(0, true) != 0x950412de) return fail("not a .mo catalogue: bad magic number");
    const uint32_t count = u32(8, swap), orig = u32(12, swap), trans = u32(16, swap);
    if (count > bytes.size() / 16 || orig > bytes.size() - count * 8ull || trans > bytes.size() - count * 8ull)
        return fail("bad .mo catalogue: its tables pass its end");
    auto str = [&](uint32_t table, uint32_t i, std::string_view& out) {
        const uint32_t len = u32(table + i * 8, swap), off = u32(table + i * 8 + 4, swap);
        if (off > bytes.size() || len >= bytes.size() - off || bytes[off + len] != '\0') return false;
        out = std::string_view(bytes.data() + off, len);
        return true;
    };
    for (uint32_t i = 0; i < count; ++i) {
        Entry e;
        if (!str(orig, i, e.key) || !str(trans, i, e.value)) return fail("bad .mo catalogue: a string passes its end");
        e.key = e.key.substr(0, e.key.find('\0'));  // a plural's msgid_plural follows a NUL
        if (e.key.empty()) {                        // the header
            size_t p = e.value.find("Plural-Forms:");
            if (p != std::string_view::npos) {
                std::string_view line = e.value.substr(p + 13);
                line = line.substr(0, line.find('\n'));
                if (!plural.parse(line, why)) return fail("bad .mo catalogue: unreadable Plural-Forms");
            }
            continue;
        }
        found.push_back(e);
    }
    // msgfmt writes the originals sorted (GNU gettext's readers rely on it): checked, not sorted.
    for (size_t i = 1; i < found.size(); ++i)
        if (!(found[i - 1].key < found[i].key)) return fail("bad .mo catalogue: its originals are not sorted");
    // Merged, still sorted; a key in both keeps the added catalogue's translation.
    std::vector<Entry> merged;
    merged.reserve(entries_.size() + found.size());
    size_t a = 0, b = 0;
    while (a < entries_.size() || b < found.size()) {
        if (b == found.size() || (a < entries_.size() && entries_[a].key < found[b].key)) {
            merged.push_back(entries_[a++]);
        } else {
            if (a < entries_.size() && entries_[a].key == found[b].key) ++a;
            merged.push_back(found[b++]);
        }
    }
    entries_ = std::move(merged);
    plural_ = std::move(plural);
    return true;
}

const Catalogue::Entry* Catalogue::lookup(const char* ctx, std::string_view msgid) const {
    std::string key;
    if (ctx && *ctx) {
        key = ctx;
        key += '\x04';
    }
    key += msgid;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key, [](const Entry& e, const std::string& k) { return e.key < k; });
    return it != entries_.end() && it->key == key ? &*it : nullptr;
}

const char* Catalogue::find(const char* ctx, std::string_view msgid) const {
    const Entry* e = lookup(ctx, msgid);
    return e && !e->value.empty() ? e->value.data() : nullptr;
}

const char* Catalogue::find_plural(const char* ctx, std::string_view msgid, unsigned long n) const {
    const Entry* e = lookup(ctx, msgid);
    if (!e) return nullptr;
    int k = plural_.index(n);
    std::string_view v = e->value;
    for (; k > 0; --k) {
        size_t z = v.find('\0');
        if (z == std::string_view::npos) return nullptr;
        v.remove_prefix(z + 1);
    }
    return v.empty() ? nullptr : v.data();
}

// --- The active language.
namespace {
Locale g_locale = Locale::En;
const Catalogue* g_catalogue = nullptr;
}  // namespace

void set_active_catalogue(Locale locale, const Catalogue* catalogue) {
    g_locale = locale;
    g_catalogue = catalogue;
}
Locale active_locale() { return g_locale; }
const Catalogue* active_catalogue() { return g_catalogue; }

const char* trc(const char* ctx, const char* msgid) {
    const char* t = g_catalogue ? g_catalogue->find(ctx, msgid) : nullptr;
    return t ? t : msgid;
}
const char* tr(const char* msgid) { return trc(nullptr, msgid); }
const char* trcn(const char* ctx, const char* singular, const char* plural, unsigned long n) {
    const char* t = g_catalogue ? g_catalogue->find_plural(ctx, singular, n) : nullptr;
    return t ? t : n == 1 ? singular : plural;
}
const char* trn(const char* singular, const char* plural, unsigned long n) { return trcn(nullptr, singular, plural, n); }

// vsnprintf into a string of the length it asks for (a note or a caption may be kilobytes; a
// fixed 512-byte buffer once cut them).
static std::string vformat(const char* format, va_list ap) {
    char small[256];
    va_list again;
    va_copy(again, ap);
    const int n = std::vsnprintf(small, sizeof small, format, ap);
    std::string out;
    if (n < 0) {
        va_end(again);
        return out;
    }
    if (static_cast<size_t>(n) < sizeof small) {
        out.assign(small, static_cast<size_t>(n));
    } else {
        out.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, again);
        out.resize(static_cast<size_t>(n));
    }
    va_end(again);
    return out;
}

std::string trf(const char* format, ...) {
    va_list ap;
    va_start(ap, format);
    std::string out = vformat(tr(format), ap);
    va_end(ap);
    return out;
}

std::string strf(const char* format, ...) {
    va_list ap;
    va_start(ap, format);
    std::string out = vformat(format, ap);
    va_end(ap);
    return out;
}

std::string format_count(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string format_date_local(const Date& d) {
    char buf[64];
    const char* y = "年";
    const char *m = "月", *dd = "日", *sep = "";
    switch (g_locale) {
        case Locale::Ko:
            y = "년", m = "월", dd = "일", sep = " ";
            [[fallthrough]];
        case Locale::ZhHant:
        case Locale::ZhHans:
        case Locale::Ja:
            if (d.precision == Precision::Year)
                std::snprintf(buf, sizeof buf, "%d%s", d.year, y);
            else if (d.precision == Precision::Month)
                std::snprintf(buf, sizeof buf, "%d%s%s%d%s", d.year, y, sep, d.month, m);
            else
                std::snprintf(buf, sizeof buf, "%d%s%s%d%s%s%d%s", d.year, y, sep, d.month, m, sep, d.day, dd);
            return buf;
        default:
            return format_date_human(d);
    }
}

}  // namespace ca
