// JSON → Dataset: syntax into a compact JsonDoc (errors carry byte offsets), then a schema
// walk that checks types, required fields, enums, ids, references, dates and ranges.
#include "core/dataset_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <span>

#include "core/json_doc.h"
#include "core/quote_check.h"
#include "core/suggest.h"

namespace ca {
namespace {

bool valid_id(std::string_view s) {
    if (s.empty()) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(s[0])) return false;
    for (char c : s)
        if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
    return true;
}

class Ctx {
public:
    Ctx(const std::vector<InputFile>& files, const LoadOptions& opt, std::vector<Diagnostic>& out)
        : files_(files), opt_(opt), out_(out), roots_(files.size()) {
        for (const InputFile& f : files) locators_.emplace_back(f.text);
    }
    void set_root(int file, JValue root) { roots_[static_cast<size_t>(file)] = root; }
    const LoadOptions& options() const { return opt_; }
    // Whether an error may carry a "did you mean": only listed ones, and at most 64 per load
    // (each suggestion compares the word with every id).
    bool may_suggest() { return out_.size() < opt_.max_diagnostics && suggestions_++ < 64; }
    std::vector<SourceText> source_texts;                 // by source index, with LoadOptions::source_text
    std::vector<std::unique_ptr<QuoteText>> quote_texts;  // the same, prepared for searching when first needed

    void add(int file, std::string ptr, std::string msg, Severity sev, size_t offset = std::string::npos) {
        if (sev == Severity::Error) ++errors_;
        if (out_.size() >= opt_.max_diagnostics) {
            ++dropped_;
            return;
        }
        Diagnostic d;
        d.file = files_[file].name;
        d.pointer = std::move(ptr);
        d.message = std::move(msg);
        d.severity = sev;
        d.subject = subject(file, d.pointer);
        TextLocator& loc = locators_[static_cast<size_t>(file)];
        size_t off = offset != std::string::npos ? offset : loc.locate(d.pointer);
        loc.line_col(off, d.line, d.col);
        out_.push_back(std::move(d));
    }
    void error(int file, std::string ptr, std::string msg) { add(file, std::move(ptr), std::move(msg), Severity::Error); }
    void warn(int file, std::string ptr, std::string msg) { add(file, std::move(ptr), std::move(msg), Severity::Warning); }
    std::string where(int file, const std::string& ptr) {
        int l, c;
        TextLocator& loc = locators_[static_cast<size_t>(file)];
        loc.line_col(loc.locate(ptr), l, c);
        return files_[file].name + ":" + std::to_string(l) + ":" + std::to_string(c);
    }
    size_t dropped() const { return dropped_; }
    size_t errors() const { return errors_; }  // listed or not

private:
    // 'organisation "astri"' for a pointer into /organisations/N when that element has a valid id.
    std::string subject(int file, std::string_view ptr) const {
        static const char* const kArrays[][2] = {
            {"sources", "source"}, {"organisations", "organisation"}, {"collaborations", "collaboration"}, {"events", "event"}};
        const JValue root = roots_[static_cast<size_t>(file)];
        for (auto& a : kArrays) {
            const std::string_view name = a[0];
            if (ptr.size() < name.size() + 3 || ptr[0] != '/' || ptr.substr(1, name.size()) != name || ptr[name.size() + 1] != '/')
                continue;
            size_t i = 0, k = name.size() + 2;
            if (k >= ptr.size() || ptr[k] < '0' || ptr[k] > '9') return {};
            for (; k < ptr.size() && ptr[k] >= '0' && ptr[k] <= '9' && i < (1u << 30); ++k) i = i * 10 + static_cast<size_t>(ptr[k] - '0');
            const JValue arr = root.find(name);
            if (!arr.is_array() || i >= arr.size() || !arr[i].is_object()) return {};
            const JValue id = arr[i].find("id");
            if (!id.is_string() || id.str().size() > 120 || !valid_id(id.str())) return {};
            return std::string(a[1]) + " \"" + std::string(id.str()) + "\"";
        }
        return {};
    }

    const std::vector<InputFile>& files_;
    std::vector<TextLocator> locators_;  // per file
    const LoadOptions& opt_;
    std::vector<Diagnostic>& out_;
    std::vector<JValue> roots_;  // per file, for the ids of elements
    size_t errors_ = 0, dropped_ = 0, suggestions_ = 0;
};

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
}

// A value quoted in a message, cut at 80 bytes (on a UTF-8 boundary) so that a long bad value
// does not flood the output.
std::string dq(std::string_view s) {
    if (s.size() <= 80) return "\"" + std::string(s) + "\"";
    size_t n = 80;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return "\"" + std::string(s.substr(0, n)) + "\xE2\x80\xA6\"";
}

// "a, b, c".
std::string join(const std::vector<std::string_view>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::string(v[i]);
    return s;
}

// "a, b or c".
std::string choices(const std::vector<std::string_view>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) s += (i + 1 == v.size()) ? " or " : ", ";
        s += v[i];
    }
    return s;
}

// 'unknown topic "talnet"; did you mean "talent"? allowed: a, b or c'.
std::string unknown_value(std::string_view what, std::string_view s, const std::vector<std::string_view>& allowed) {
    Suggester sg(s);
    for (std::string_view a : allowed) sg.offer(a);
    const std::string dym = did_you_mean(sg);
    return "unknown " + std::string(what) + " " + dq(s) + (dym.empty() ? ";" : dym) + " allowed: " + choices(allowed);
}

template <class E>
std::vector<std::string_view> enum_ids() {
    std::vector<std::string_view> v;
    for (int i = 0; i < enum_count<E>(); ++i) v.emplace_back(enum_table<E>()[i].id);
    return v;
}

// parse_enum (model.h) with the first byte compared before the whole id: the loader reads a
// kind or role for every record and participant.
template <class E>
bool parse_enum_fast(std::string_view s, E& out) {
    const EnumInfo<E>* t = enum_table<E>();
    for (int i = 0; i < enum_count<E>(); ++i)
        if (!s.empty() && t[i].id[0] == s[0] && s == t[i].id) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

// 'unknown organisation "astr"; did you mean "astri"?' (the suggestion only while cx allows it).
std::string unknown_id(Ctx& cx, const char* what, std::string_view s, const IdIndex& ids) {
    std::string m = std::string("unknown ") + what + " " + dq(s);
    if (!cx.may_suggest()) return m;
    Suggester sg(s);
    ids.for_each_key([&](std::string_view k) { sg.offer(k); });
    return m + did_you_mean(sg);
}

// A JSON pointer kept as a chain of (parent, key or index) and spelt out only when a
// diagnostic needs it: loading a valid file allocates no pointer strings.
struct Ptr {
    const Ptr* parent = nullptr;
    const char* key = nullptr;  // an object member, or
    long index = -1;            // an array element
    Ptr child(const char* k) const { return {this, k, -1}; }
    Ptr at(size_t i) const { return {this, nullptr, static_cast<long>(i)}; }
    std::string str() const {
        std::string s = parent ? parent->str() : std::string();
        if (key) return s + "/" + pointer_escape(key);
        if (index >= 0) return s + "/" + std::to_string(index);
        return s;
    }
};

// The keys one kind of record allows, with a 64-slot table from a key to its index (open
// addressing on the length and the first and last bytes): matching a member's key costs one
// string comparison, not one per allowed key. Made once per kind (a function's static).
class Keys {
public:
    Keys(std::initializer_list<std::string_view> keys) {
        for (std::string_view k : keys) {
            if (n_ == kMax) break;
            size_t h = slot(k);
            while (table_[h]) h = (h + 1) & (kSlots - 1);
            keys_[n_] = k;
            table_[h] = static_cast<uint8_t>(++n_);
            size_t a = addr_slot(k.data());
            while (by_addr_[a]) a = (a + 1) & (kSlots - 1);
            by_addr_[a] = static_cast<uint8_t>(n_);
        }
    }
    size_t size() const { return n_; }
    std::string_view operator[](size_t i) const { return keys_[i]; }
    // The index of k, or size() when it is not one of the keys.
    size_t index(std::string_view k) const {
        for (size_t h = slot(k);; h = (h + 1) & (kSlots - 1)) {
            const uint8_t e = table_[h];
            if (!e) return n_;
            if (same(keys_[e - 1], k)) return e - 1u;
        }
    }
    // The same for a key the caller spells with a literal: the loader's getters pass the very
    // literals the tables were made from (one copy per translation unit), found by address
    // without reading the text; any other string is looked up by its text.
    size_t index(const char* key) const {
        for (size_t a = addr_slot(key);; a = (a + 1) & (kSlots - 1)) {
            const uint8_t e = by_addr_[a];
            if (!e) return index(std::string_view(key));
            if (keys_[e - 1].data() == key) return e - 1u;
        }
    }
    static constexpr size_t kMax = 16;

private:
    static constexpr size_t kSlots = 64;  // over 4 slots per key: short probes
    static size_t addr_slot(const char* p) { return (reinterpret_cast<uintptr_t>(p) * 0x9E3779B97F4A7C15ull) >> 58; }
    // Keys are short: a plain loop beats a call to memcmp.
    static bool same(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    static size_t slot(std::string_view k) {
        if (k.empty()) return 0;
        return (k.size() * 37u + static_cast<unsigned char>(k[0]) * 5u + static_cast<unsigned char>(k.back())) & (kSlots - 1);
    }
    std::string_view keys_[kMax] = {};
    uint8_t table_[kSlots] = {};    // index + 1 by the key's text, 0 for an empty slot
    uint8_t by_addr_[kSlots] = {};  // index + 1 by the address of the key's first byte
    size_t n_ = 0;
};

// Reads the fields of one JSON object, reporting problems against its pointer. The members
// are matched to the allowed keys once, here (in one pass over the object); get() then looks
// a key up in the same table instead of scanning the members again.
class Obj {
public:
    Obj(Ctx& cx, int file, const Ptr& ptr, JValue j, const Keys& allowed) : cx_(cx), file_(file), ptr_(ptr), j_(j), allowed_(allowed) {
        j_.each_member(
            [](void* self, std::string_view k, JValue v) {
                Obj& o = *static_cast<Obj*>(self);
                const size_t a = o.allowed_.index(k);
                if (a < o.allowed_.size())
                    o.member_[a] = v;  // a repeated key: the last one wins
                else
                    o.unknown_ = true;
            },
            this);
    }
    ~Obj() {
        if (!unknown_) return;
        for (size_t i = 0, n = j_.size(); i < n; ++i) {
            const std::string_view k = j_.key(i);
            if (allowed_.index(k) == allowed_.size()) cx_.warn(file_, field(k), "unknown field " + dq(k) + " (ignored)");
        }
    }
    std::string field(std::string_view k) const { return ptr_.str() + "/" + pointer_escape(k); }
    const Ptr& ptr() const { return ptr_; }
    int file() const { return file_; }
    Ctx& cx() { return cx_; }

    // The member `key`; absent (after reporting, when required) if missing, or null and optional.
    JValue get(const char* key, bool required) {
        JValue v = member(key);
        if (!v || (v.is_null() && !required)) {
            if (required) cx_.error(file_, ptr_.str(), "missing required field " + dq(key));
            return {};
        }
        return v;
    }
    // A non-blank string member, as a view into the document.
    bool text(const char* key, std::string_view& out, bool required) {
        JValue v = get(key, required);
        if (!v) return false;
        if (!v.is_string()) {
            cx_.error(file_, field(key), "expected a string");
            return false;
        }
        const std::string_view s = v.str();
        if (std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; })) {
            cx_.error(file_, field(key), "must not be empty");
            return false;
        }
        out = s;
        return true;
    }
    bool str(const char* key, std::string& out, bool required) {
        std::string_view s;
        if (!text(key, s, required)) return false;
        out.assign(s);
        return true;
    }
    bool number(const char* key, double& out, bool required) {
        JValue v = get(key, required);
        if (!v) return false;
        if (!v.is_number()) {
            cx_.error(file_, field(key), "expected a number");
            return false;
        }
        out = v.number();
        return true;
    }
    // An integer in [lo, hi], checked on the full value before it narrows to int (as a plain
    // cast, 4294967297 would load as 1).
    bool integer(const char* key, int& out, bool required, int lo, int hi) {
        JValue v = get(key, required);
        if (!v) return false;
        if (!v.is_number_integer()) {
            cx_.error(file_, field(key), "expected an integer");
            return false;
        }
        const double d = v.number();
        if (d < lo || d > hi) {
            cx_.error(file_, field(key), "integer " + num(d) + " out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
            return false;
        }
        out = static_cast<int>(v.integer());
        return true;
    }
    bool date(const char* key, Date& out, bool required) {
        JValue v = get(key, required);
        if (!v) return false;
        if (!v.is_string()) {
            cx_.error(file_, field(key), "expected a date string");
            return false;
        }
        const std::string_view s = v.str();
        std::string why;
        if (!parse_date(s, out, &why)) {
            cx_.error(file_, field(key), "invalid date " + dq(s) + ": " + why);
            return false;
        }
        return true;
    }
    template <class E>
    bool enm(const char* key, E& out, bool required, const char* what = "kind") {
        std::string_view s;
        if (!text(key, s, required)) return false;
        if (!parse_enum_fast(s, out)) {
            cx_.error(file_, field(key), unknown_value(what, s, enum_ids<E>()));
            return false;
        }
        return true;
    }
    // An array field; absent (after reporting) when missing or of the wrong type.
    JValue array(const char* key, bool required, bool nonempty = false) {
        JValue v = get(key, required);
        if (!v) return {};
        if (!v.is_array()) {
            cx_.error(file_, field(key), "expected an array");
            return {};
        }
        if (nonempty && v.empty()) {
            cx_.error(file_, field(key), "must list at least one item");
            return {};
        }
        return v;
    }
    void strings(const char* key, std::vector<std::string>& out) {
        JValue a = array(key, false);
        out.reserve(out.size() + a.size());
        for (size_t i = 0; i < a.size(); ++i) {
            if (!a[i].is_string()) {
                cx_.error(file_, field(key) + "/" + std::to_string(i), "expected a string");
                continue;
            }
            out.emplace_back(a[i].str());
        }
    }
    bool ref(const char* key, const IdIndex& ids, int& out, bool required, const char* what) {
        std::string_view s;
        if (!text(key, s, required)) return false;
        return resolve(key, s, ids, out, what);
    }
    // Looks s up in ids; an unknown id is reported against this object's field key.
    bool resolve(const char* key, std::string_view s, const IdIndex& ids, int& out, const char* what) {
        const int i = ids.find(s);
        if (i < 0) {
            cx_.error(file_, field(key), unknown_id(cx_, what, s, ids));
            return false;
        }
        out = i;
        return true;
    }

    // The keys of the object, in order.
    std::vector<std::string_view> keys() const {
        std::vector<std::string_view> k;
        for (size_t i = 0, n = j_.size(); i < n; ++i) k.push_back(j_.key(i));
        return k;
    }
    // The member named key (which need not be an allowed one), else absent.
    JValue member(const char* key) const {
        const size_t a = allowed_.index(key);
        return a < allowed_.size() ? member_[a] : j_.find(key);
    }

private:
    Ctx& cx_;
    int file_;
    Ptr ptr_;
    JValue j_;
    const Keys& allowed_;
    JValue member_[Keys::kMax];
    bool unknown_ = false;
};

// The roots of the four arrays ("/organisations" ...), for pointers of their elements.
const Ptr kRootPtrs[] = {
    {nullptr, "sources", -1}, {nullptr, "organisations", -1}, {nullptr, "collaborations", -1}, {nullptr, "events", -1}};

struct Item {
    int file;
    Ptr ptr;  // parent is one of kRootPtrs
    JValue j;
};

struct Parsed {
    std::vector<JsonDoc> docs;
    std::vector<Item> sources, orgs, collabs, events;
};

// `inferred` lists fields of this record: each must be one it sets.
void check_inferred(Obj& o, std::vector<std::string>& inferred, const char* what) {
    o.strings("inferred", inferred);
    for (size_t i = 0; i < inferred.size(); ++i) {
        if (o.member(inferred[i].c_str())) continue;
        std::vector<std::string_view> keys = o.keys();
        keys.erase(std::remove(keys.begin(), keys.end(), std::string_view("inferred")), keys.end());
        Suggester sg(inferred[i]);
        for (std::string_view k : keys) sg.offer(k);
        o.cx().error(o.file(), o.field("inferred") + "/" + std::to_string(i),
                     "inferred lists " + dq(inferred[i]) + ", which this " + what + " does not set" + did_you_mean(sg) +
                         " (its fields: " + join(keys) + ")");
    }
}

// A quote must occur in its source's text (when the texts were given).
void check_quote(Obj& o, int source, std::string_view quote, LoadResult& r) {
    Ctx& cx = o.cx();
    if (static_cast<size_t>(source) >= cx.source_texts.size()) return;
    const SourceText& st = cx.source_texts[static_cast<size_t>(source)];
    if (!st.ok) return;  // the source's file was reported
    std::unique_ptr<QuoteText>& qt = cx.quote_texts[static_cast<size_t>(source)];
    if (!qt) qt = std::make_unique<QuoteText>(st.text);
    const QuoteMatch m = qt->find(quote);
    if (m.found)
        ++r.quotes_checked;
    else {
        ++r.quote_errors;
        cx.error(o.file(), o.field("quote"), quote_mismatch_message(m, st.text, st.name));
    }
}

// Registers the ids of one array; reports invalid and duplicate ids.
void register_ids(Ctx& cx, std::vector<Item>& items, IdIndex& ids) {
    std::vector<Item> kept;
    kept.reserve(items.size());
    ids.reserve(ids.size() + items.size());
    for (auto& it : items) {
        if (!it.j.is_object()) {
            cx.error(it.file, it.ptr.str(), "expected an object");
            continue;
        }
        JValue f = it.j.find("id");
        if (!f) {
            cx.error(it.file, it.ptr.str(), "missing required field \"id\"");
            continue;
        }
        if (!f.is_string()) {
            cx.error(it.file, it.ptr.str() + "/id", "expected a string");
            continue;
        }
        const std::string_view id = f.str();
        if (!valid_id(id)) {
            cx.error(it.file, it.ptr.str() + "/id",
                     "invalid id " + dq(id) + " (use a-z, 0-9, '_', '.', '-', starting with a letter or digit)");
            continue;
        }
        const auto [inserted, first] = ids.insert(id, static_cast<int>(kept.size()));
        if (!inserted) {
            const Item& a = kept[static_cast<size_t>(first)];
            cx.error(it.file, it.ptr.str() + "/id",
                     "duplicate id " + dq(id) + " (first defined at " + cx.where(a.file, a.ptr.str() + "/id") + ")");
            continue;
        }
        kept.push_back(it);
    }
    items = std::move(kept);
}

// A source's url or archived_url: http(s) only (a javascript: or data: URL must never reach a
// link), at most kMaxUrlLength bytes. The message quotes at most the first 80 bytes.
void read_url(Obj& o, const char* key, std::string& out, bool required) {
    std::string_view s;
    if (!o.text(key, s, required)) return;
    if (s.size() > kMaxUrlLength) {
        o.cx().error(o.file(), o.field(key), std::to_string(s.size()) + " bytes long, over the limit of " + std::to_string(kMaxUrlLength));
        return;
    }
    if (!is_web_url(s)) {
        std::string shown(s.substr(0, 80));
        if (s.size() > 80) shown += "…";
        o.cx().error(o.file(), o.field(key),
                     "not a web address: " + dq(shown) +
                         " (expected an absolute http:// or https:// URL with a host, without spaces, quotes or < >)");
        return;
    }
    out.assign(s);
}

void read_source(Ctx& cx, const Item& it, Source& s) {
    static const Keys kKeys{"id", "title", "publisher", "published", "file", "note", "url", "archived_url"};
    Obj o(cx, it.file, it.ptr, it.j, kKeys);
    o.str("title", s.title, true);
    o.str("publisher", s.publisher, true);
    s.has_published = o.date("published", s.published, false);
    o.str("file", s.file, true);
    read_url(o, "url", s.url, true);
    read_url(o, "archived_url", s.archived_url, false);
    o.str("note", s.note, false);
}

void read_sources_list(Obj& o, const char* key, const Dataset& ds, std::vector<int>& out) {
    const JValue a = o.array(key, true, true);
    out.reserve(out.size() + a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        auto at = [&] { return o.field(key) + "/" + std::to_string(i); };  // only for diagnostics
        if (!a[i].is_string()) {
            o.cx().error(o.file(), at(), "expected a string");
            continue;
        }
        const std::string_view name = a[i].str();
        const int f = ds.source_ids.find(name);
        if (f < 0)
            o.cx().error(o.file(), at(), unknown_id(o.cx(), "source", name, ds.source_ids));
        else
            out.push_back(f);
    }
}

using TextField = std::string LocalText::*;
constexpr TextField kTitleSummaryNote[] = {&LocalText::title, &LocalText::summary, &LocalText::note};

// "translations": [{"lang": "ko", "title": "…", "summary": "…"}]: texts per language, each
// language once. keys: "lang", then the translated fields, at least one of them given, into
// `into` in that order (by default LocalText::title, ::summary and ::note): a collaboration's title,
// summary and note, an event's title, a fact's label, an organisation's city, note and name.
// `refused`, when given, is a key this record may not translate: `why` says so at that field.
void read_translations(Ctx& cx, const Item& it, Obj& o, std::vector<LocalText>& out, const Keys& keys,
                       std::span<const TextField> into = kTitleSummaryNote, const char* refused = nullptr, const char* why = nullptr) {
    // The keys are string literals: their views end where the literals' NULs are.
    const size_t fields = std::min(keys.size() - 1, into.size());
    const JValue tr = o.array("translations", false);
    if (!tr) return;
    out.reserve(tr.size());
    for (size_t i = 0; i < tr.size(); ++i) {
        const Ptr arr = o.ptr().child("translations"), p = arr.at(i);  // p refers to arr
        const JValue tj = tr[i];
        if (!tj.is_object()) {
            cx.error(it.file, p.str(), "expected an object");
            continue;
        }
        Obj to(cx, it.file, p, tj, keys);
        LocalText t;
        bool ok = to.enm("lang", t.lang, true, "language");
        bool any_read = false, any_given = false;
        for (size_t k = 0; k < fields; ++k) {
            any_read = to.str(keys[k + 1].data(), t.*into[k], false) || any_read;
            any_given = any_given || to.member(keys[k + 1].data());
        }
        ok = any_read && ok;
        if (refused && to.member(refused)) {
            cx.error(it.file, to.field(refused), why);
            ok = false;
        }
        if (!any_given) {
            std::string want = std::string("\"") + keys[1].data() + "\"";
            for (size_t k = 2; k <= fields; ++k) want += std::string(k == fields ? " or \"" : ", \"") + keys[k].data() + "\"";
            cx.error(it.file, p.str(), "a translation needs " + want + (fields > 1 ? (fields > 2 ? " (or several)" : " (or both)") : ""));
            ok = false;
        }
        for (const LocalText& before : out)
            if (ok && before.lang == t.lang) {
                cx.error(it.file, to.field("lang"), std::string("language ") + enum_id(t.lang) + " is translated twice");
                ok = false;
            }
        if (ok) out.push_back(std::move(t));
    }
}

void read_org(Ctx& cx, const Item& it, const Dataset& ds, Organisation& g) {
    static const Keys kKeys{"id",  "name", "abbr",   "names",   "kind",     "industry", "region",      "city",
                            "lat", "lon",  "parent", "sources", "inferred", "note",     "translations"};
    Obj o(cx, it.file, it.ptr, it.j, kKeys);
    o.str("name", g.name, true);
    o.str("abbr", g.abbr, false);
    if (const JValue names = o.array("names", false)) {
        g.names.reserve(names.size());
        for (size_t i = 0; i < names.size(); ++i) {
            const Ptr arr = o.ptr().child("names"), p = arr.at(i);
            const JValue n = names[i];
            if (!n.is_object()) {
                cx.error(it.file, p.str(), "expected an object");
                continue;
            }
            static const Keys kNameKeys{"lang", "text"};
            Obj no(cx, it.file, p, n, kNameKeys);
            LocalName ln;
            bool ok = no.enm("lang", ln.lang, true, "language");
            ok = no.str("text", ln.text, true) && ok;
            if (ok) g.names.push_back(std::move(ln));
        }
    }
    o.enm("kind", g.kind, true);
    o.enm("industry", g.industry, false, "industry");
    o.enm("region", g.region, true, "region");
    o.str("city", g.city, false);
    bool has_lat = o.number("lat", g.lat, false), has_lon = o.number("lon", g.lon, false);
    if (has_lat && !(g.lat >= -90 && g.lat <= 90)) {
        cx.error(it.file, o.field("lat"), "latitude " + num(g.lat) + " out of range [-90, 90]");
        has_lat = false;
    }
    if (has_lon && !(g.lon >= -180 && g.lon <= 180)) {
        cx.error(it.file, o.field("lon"), "longitude " + num(g.lon) + " out of range [-180, 180]");
        has_lon = false;
    }
    g.has_coords = has_lat && has_lon;
    const bool lat_given = static_cast<bool>(o.member("lat")), lon_given = static_cast<bool>(o.member("lon"));
    if (region_on_map(g.region) && !g.has_coords && !lat_given && !lon_given)
        cx.error(it.file, it.ptr.str(),
                 std::string("missing required fields \"lat\" and \"lon\" (required in region ") + enum_id(g.region) + ")");
    else if (lat_given != lon_given)
        cx.error(it.file, it.ptr.str(), "\"lat\" and \"lon\" must be given together");
    if (o.str("parent", g.parent_id, false)) o.resolve("parent", g.parent_id, ds.org_ids, g.parent, "organisation");
    read_sources_list(o, "sources", ds, g.sources);
    check_inferred(o, g.inferred, "organisation");
    o.str("note", g.note, false);
    // A group's descriptive name is text to translate; an organisation's own name in another
    // script is one of its `names`.
    static const Keys kOrgTranslation{"lang", "city", "note", "name"};
    static constexpr TextField kOrgFields[] = {&LocalText::title, &LocalText::summary, &LocalText::name};
    read_translations(cx, it, o, g.translations, kOrgTranslation, kOrgFields, g.kind == OrgKind::Group ? nullptr : "name",
                      "only a group's descriptive name is translated (kind \"group\"); an organisation's own name in "
                      "another script goes in its \"names\", e.g. {\"lang\": \"ko\", \"text\": \"…\"}");
}

void read_collab(Ctx& cx, const Item& it, const Dataset& ds, Collaboration& c, LoadResult& r) {
    static const Keys kKeys{"id",    "title",   "kind",         "participants", "start",  "start_bound", "end", "topics",
                            "facts", "summary", "translations", "evidence",     "parent", "inferred",    "note"};
    Obj o(cx, it.file, it.ptr, it.j, kKeys);
    o.str("title", c.title, true);
    o.enm("kind", c.kind, true);
    if (const JValue ps = o.array("participants", true, true)) {
        c.participants.reserve(ps.size());
        for (size_t i = 0; i < ps.size(); ++i) {
            const Ptr arr = o.ptr().child("participants"), p = arr.at(i);
            const JValue pj = ps[i];
            if (!pj.is_object()) {
                cx.error(it.file, p.str(), "expected an object");
                continue;
            }
            static const Keys kPartKeys{"org", "role", "note"};
            Obj po(cx, it.file, p, pj, kPartKeys);
            Participant part;
            bool ok = po.ref("org", ds.org_ids, part.org, true, "organisation");
            ok = po.enm("role", part.role, true, "role") && ok;
            if (!ok) continue;
            if (std::any_of(c.participants.begin(), c.participants.end(), [&](const Participant& q) { return q.org == part.org; })) {
                cx.error(it.file, po.field("org"), "organisation " + dq(ds.organisations[part.org].id) + " is listed twice");
                continue;
            }
            c.participants.push_back(part);
        }
    }
    bool has_start = o.date("start", c.interval.start, true);
    if (std::string_view b; o.text("start_bound", b, false)) {
        if (b == "by")
            c.interval.start_by = true;
        else if (b != "on")
            cx.error(it.file, o.field("start_bound"), "unknown start_bound " + dq(b) + " (expected on or by)");
    }
    c.interval.has_end = o.date("end", c.interval.end, false);
    if (has_start && c.interval.has_end && last_day(c.interval.end) < first_day(c.interval.start))
        cx.error(it.file, o.field("end"), "end " + format_date(c.interval.end) + " is before start " + format_date(c.interval.start));
    o.strings("topics", c.topics);
    if (const JValue tj = o.get("topics", false); tj.is_array())
        for (size_t i = 0; i < c.topics.size(); ++i)
            if (!topic_label(c.topics[i]))
                cx.warn(it.file, o.field("topics") + "/" + std::to_string(i), unknown_value("topic", c.topics[i], topic_ids()));
    if (const JValue fs = o.array("facts", false)) {
        c.facts.reserve(fs.size());
        for (size_t i = 0; i < fs.size(); ++i) {
            const Ptr arr = o.ptr().child("facts"), p = arr.at(i);
            const JValue fj = fs[i];
            if (!fj.is_object()) {
                cx.error(it.file, p.str(), "expected an object");
                continue;
            }
            static const Keys kFactKeys{"label", "translations", "value", "unit", "year", "qualifier", "source", "quote", "note"};
            Obj fo(cx, it.file, p, fj, kFactKeys);
            Fact f;
            bool ok = fo.str("label", f.label, true);
            static const Keys kFactTranslation{"lang", "label"};
            read_translations(cx, it, fo, f.translations, kFactTranslation);
            ok = fo.number("value", f.value, true) && ok;
            if (fo.str("unit", f.unit, true) && !unit_label(f.unit)) {
                cx.error(it.file, fo.field("unit"), unknown_value("unit", f.unit, unit_ids()));
                ok = false;
            }
            ok = fo.integer("year", f.year, true, 1, 9999) && ok;
            if (fo.str("qualifier", f.qualifier, false) && !known_qualifier(f.qualifier)) {
                cx.error(it.file, fo.field("qualifier"), unknown_value("qualifier", f.qualifier, qualifier_ids()));
                ok = false;
            }
            ok = fo.ref("source", ds.source_ids, f.source, true, "source") && ok;
            ok = fo.str("quote", f.quote, true) && ok;
            if (ok) check_quote(fo, f.source, f.quote, r);
            if (ok) c.facts.push_back(std::move(f));
        }
    }
    o.str("summary", c.summary, true);
    static const Keys kCollabTranslation{"lang", "title", "summary", "note"};
    read_translations(cx, it, o, c.translations, kCollabTranslation);
    if (const JValue ev = o.array("evidence", true, true)) {
        c.evidence.reserve(ev.size());
        for (size_t i = 0; i < ev.size(); ++i) {
            const Ptr arr = o.ptr().child("evidence"), p = arr.at(i);
            const JValue ej = ev[i];
            if (!ej.is_object()) {
                cx.error(it.file, p.str(), "expected an object");
                continue;
            }
            static const Keys kEvidenceKeys{"source", "quote"};
            Obj eo(cx, it.file, p, ej, kEvidenceKeys);
            Evidence e;
            bool ok = eo.ref("source", ds.source_ids, e.source, true, "source");
            ok = eo.str("quote", e.quote, true) && ok;
            if (ok) check_quote(eo, e.source, e.quote, r);
            if (ok) c.evidence.push_back(std::move(e));
        }
    }
    if (o.str("parent", c.parent_id, false)) o.resolve("parent", c.parent_id, ds.collab_ids, c.parent, "collaboration");
    check_inferred(o, c.inferred, "collaboration");
    o.str("note", c.note, false);
}

void read_event(Ctx& cx, const Item& it, const Dataset& ds, Event& e, LoadResult& r) {
    static const Keys kKeys{"id", "collaboration", "date", "kind", "title", "translations", "source", "quote", "inferred", "note"};
    Obj o(cx, it.file, it.ptr, it.j, kKeys);
    o.ref("collaboration", ds.collab_ids, e.collaboration, true, "collaboration");
    o.date("date", e.date, true);
    o.enm("kind", e.kind, true);
    o.str("title", e.title, true);
    static const Keys kEventTranslation{"lang", "title"};
    read_translations(cx, it, o, e.translations, kEventTranslation);
    const bool has_source = o.ref("source", ds.source_ids, e.source, true, "source");
    if (o.str("quote", e.quote, true) && has_source) check_quote(o, e.source, e.quote, r);
    check_inferred(o, e.inferred, "event");
}

// A JSON Schema (schema.json beside the data, passed along by `data/*.json`), recognised by its
// "$schema" naming a json-schema.org meta-schema, or by "$id" with schema keywords, and by holding
// none of the dataset's arrays.
bool is_json_schema(JValue doc) {
    for (const char* k : {"sources", "organisations", "collaborations", "events"})
        if (doc.contains(k)) return false;
    const std::string_view meta = doc.find("$schema").str();
    if (meta.rfind("https://json-schema.org/", 0) == 0 || meta.rfind("http://json-schema.org/", 0) == 0) return true;
    return doc.find("$id").is_string() && (doc.contains("$defs") || doc.contains("definitions") || doc.contains("properties"));
}

// Parses every file and collects the elements of the four arrays. Returns false when a file
// could not be read as a dataset at all (too large, too deep, a syntax error, not an object).
bool parse_files(Ctx& cx, const std::vector<InputFile>& files, Parsed& p) {
    const LoadOptions& opt = cx.options();
    bool ok = true;
    p.docs.resize(files.size());
    for (size_t fi = 0; fi < files.size(); ++fi) {
        const int f = static_cast<int>(fi);
        std::string_view text = files[fi].text;
        if (text.size() > opt.max_bytes) {
            cx.add(f, "",
                   "file is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(opt.max_bytes) + " bytes",
                   Severity::Error, 0);
            ok = false;
            continue;
        }
        if (files[fi].scratch) {
            // Not taken in place: the load asks for the texts (load_dataset), no message needed.
            if (!p.docs[fi].parse_in_place(files[fi].scratch, text.size(), opt.max_depth)) return false;
        } else if (JsonError err; !p.docs[fi].parse(text, opt.max_depth, err)) {
            cx.add(f, "", err.too_deep ? "nesting deeper than " + std::to_string(opt.max_depth) + " levels" : err.message, Severity::Error,
                   err.offset);
            ok = false;
            continue;
        }
        const JValue doc = p.docs[fi].root();
        if (!doc.is_object()) {
            cx.add(f, "", "expected an object with the arrays \"sources\", \"organisations\", \"collaborations\" and \"events\"",
                   Severity::Error, 0);
            ok = false;
            continue;
        }
        if (is_json_schema(doc)) {
            cx.add(f, "", "skipped: a JSON Schema (for editors), not a dataset file", Severity::Note, 0);
            continue;
        }
        cx.set_root(f, doc);
        for (size_t m = 0; m < doc.size(); ++m) {
            const std::string_view k = doc.key(m);
            const JValue arr = doc[m];
            std::vector<Item>* dst = k == "sources"          ? &p.sources
                                     : k == "organisations"  ? &p.orgs
                                     : k == "collaborations" ? &p.collabs
                                     : k == "events"         ? &p.events
                                                             : nullptr;
            std::string ptr = "/" + pointer_escape(k);
            const Ptr* root = k == "sources"          ? &kRootPtrs[0]
                              : k == "organisations"  ? &kRootPtrs[1]
                              : k == "collaborations" ? &kRootPtrs[2]
                                                      : &kRootPtrs[3];
            if (!dst) {
                if (k != "$schema" && k != "version" && k != "note") cx.warn(f, ptr, "unknown field " + dq(k) + " (ignored)");
                continue;
            }
            if (!arr.is_array()) {
                cx.error(f, ptr, "expected an array");
                continue;
            }
            dst->reserve(dst->size() + arr.size());
            for (size_t i = 0; i < arr.size(); ++i) dst->push_back({f, root->at(i), arr[i]});
        }
    }
    return ok;
}

// With LoadOptions::source_text: each source's file must be a plain name that it can read.
void read_source_texts(Ctx& cx, const std::vector<Item>& items, const Dataset& ds) {
    const SourceTextFn& get = cx.options().source_text;
    if (!get) return;
    cx.source_texts.resize(ds.sources.size());
    cx.quote_texts.resize(ds.sources.size());
    for (size_t i = 0; i < ds.sources.size(); ++i) {
        const std::string& file = ds.sources[i].file;
        if (file.empty()) continue;  // reported as missing
        const std::string ptr = items[i].ptr.str() + "/file";
        if (!plain_file_name(file)) {
            cx.error(items[i].file, ptr,
                     "file " + dq(file) + " must name a file directly in the sources folder (no '/', '\\' or leading '.')");
            continue;
        }
        SourceText st = get(file);
        if (!st.ok && !st.error.empty()) cx.error(items[i].file, ptr, st.error);
        cx.source_texts[i] = std::move(st);
    }
}

// Parent links must not loop: each cycle is reported once, at the parent field that closes it.
template <class T>
void check_parent_cycles(Ctx& cx, const std::vector<Item>& items, const std::vector<T>& v, const char* what) {
    std::vector<char> state(v.size(), 0);  // 0 unseen, 1 on the current path, 2 done
    std::vector<int> path;
    for (size_t start = 0; start < v.size(); ++start) {
        path.clear();
        int k = static_cast<int>(start);
        while (k >= 0 && state[static_cast<size_t>(k)] == 0) {
            state[static_cast<size_t>(k)] = 1;
            path.push_back(k);
            k = v[static_cast<size_t>(k)].parent;
        }
        if (k >= 0 && state[static_cast<size_t>(k)] == 1) {
            const auto from = std::find(path.begin(), path.end(), k);
            std::string loop;
            for (auto it = from; it != path.end() && it - from < 12; ++it) loop += dq(v[static_cast<size_t>(*it)].id) + " \xE2\x86\x92 ";
            loop += from + 12 < path.end() ? "\xE2\x80\xA6" : dq(v[static_cast<size_t>(k)].id);
            const Item& last = items[static_cast<size_t>(path.back())];
            cx.error(last.file, last.ptr.str() + "/parent",
                     std::string("parent cycle: ") + loop + " (a " + what + " cannot be its own ancestor)");
        }
        for (int q : path) state[static_cast<size_t>(q)] = 2;
    }
}

void add_dropped_note(const Ctx& cx, const std::vector<InputFile>& files, LoadResult& r) {
    if (!cx.dropped()) return;
    Diagnostic d;
    d.file = files.empty() ? std::string("(none)") : files[0].name;
    d.line = d.col = 1;
    d.message = std::to_string(cx.dropped()) + " more problems not listed";
    r.diagnostics.push_back(d);
}

}  // namespace

LoadResult load_dataset(const std::vector<InputFile>& files, const LoadOptions& opt) {
    LoadResult r;
    Ctx cx(files, opt, r.diagnostics);
    Parsed p;
    // In place (InputFile::scratch), a load with anything to report starts again from the texts.
    const bool scratch = std::any_of(files.begin(), files.end(), [](const InputFile& f) { return f.scratch != nullptr; });
    auto text_needed = [] {
        LoadResult again;
        again.text_needed = true;
        return again;
    };
    if (!parse_files(cx, files, p)) {  // what follows would only repeat the missing data
        if (scratch) return text_needed();
        add_dropped_note(cx, files, r);
        return r;
    }
    if (opt.on_phase) opt.on_phase("ca:data-parsed");

    Dataset& ds = r.dataset;
    register_ids(cx, p.sources, ds.source_ids);
    register_ids(cx, p.orgs, ds.org_ids);
    register_ids(cx, p.collabs, ds.collab_ids);
    register_ids(cx, p.events, ds.event_ids);

    auto id_of = [](const Item& it) { return std::string(it.j.find("id").str()); };
    ds.sources.resize(p.sources.size());
    for (size_t i = 0; i < p.sources.size(); ++i) {
        ds.sources[i].id = id_of(p.sources[i]);
        read_source(cx, p.sources[i], ds.sources[i]);
    }
    read_source_texts(cx, p.sources, ds);
    ds.organisations.resize(p.orgs.size());
    for (size_t i = 0; i < p.orgs.size(); ++i) {
        ds.organisations[i].id = id_of(p.orgs[i]);
        read_org(cx, p.orgs[i], ds, ds.organisations[i]);
    }
    check_parent_cycles(cx, p.orgs, ds.organisations, "organisation");
    ds.collaborations.resize(p.collabs.size());
    for (size_t i = 0; i < p.collabs.size(); ++i) {
        ds.collaborations[i].id = id_of(p.collabs[i]);
        read_collab(cx, p.collabs[i], ds, ds.collaborations[i], r);
    }
    check_parent_cycles(cx, p.collabs, ds.collaborations, "collaboration");
    ds.events.resize(p.events.size());
    for (size_t i = 0; i < p.events.size(); ++i) {
        ds.events[i].id = id_of(p.events[i]);
        read_event(cx, p.events[i], ds, ds.events[i], r);
    }

    if (opt.on_phase) opt.on_phase("ca:data-walked");
    if (scratch && (!r.diagnostics.empty() || cx.dropped())) return text_needed();
    add_dropped_note(cx, files, r);
    r.showable = r.ok() || cx.errors() == r.quote_errors;
    if (r.showable) ds.finalise();
    return r;
}

}  // namespace ca
