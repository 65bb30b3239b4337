// IdIndex: linear probing over a power-of-two table of 8-byte slots kept at most half full;
// key records are appended to one arena and never move within it (offsets, not pointers).
#include "core/id_index.h"

#include <cstdlib>

namespace ca {

namespace {

uint64_t load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
uint32_t load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

constexpr uint64_t kMul = 0xFF51AFD7ED558CCDull;

// a[0, n) == b[0, n) with word loads: ids are short, a libc memcmp call would cost more.
bool bytes_equal(const char* a, const char* b, size_t n) {
    if (n >= 8) {
        for (size_t i = 0; i + 8 <= n; i += 8)
            if (load64(a + i) != load64(b + i)) return false;
        return load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

}  // namespace

uint32_t IdIndex::hash(std::string_view key) {
    const char* p = key.data();
    size_t n = key.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(n) * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) {
        h = (h ^ load64(p)) * kMul;
        h ^= h >> 32;
    }
    // The last 0..7 bytes (the length is already in h, so overlapping loads are fine).
    uint64_t t = 0;
    if (n >= 4) t = (static_cast<uint64_t>(load32(p)) << 32) | load32(p + n - 4);
    else if (n > 0)
        t = (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
            (static_cast<uint64_t>(static_cast<unsigned char>(p[n >> 1])) << 8) | static_cast<unsigned char>(p[n - 1]);
    h = (h ^ t) * kMul;
    // MurmurHash3's 64-bit finaliser: every input bit reaches the low 32 bits used below.
    h ^= h >> 33;
    h *= kMul;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return static_cast<uint32_t>(h);
}

bool IdIndex::same_key(const Slot& s, uint32_t h, std::string_view key) const {
    if (s.hash != h) return false;
    const uint32_t off = s.ref - 1;
    return record(off).len == key.size() && bytes_equal(arena_.data() + off + kHeader, key.data(), key.size());
}

void IdIndex::set_value(const Slot& s, int value) { std::memcpy(&arena_[s.ref - 1], &value, sizeof value); }

const IdIndex::Slot* IdIndex::find_slot(std::string_view key, uint32_t h) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.ref == 0) return nullptr;
        if (same_key(s, h, key)) return &s;
    }
}

IdIndex::Slot* IdIndex::probe(std::string_view key, uint32_t h, bool& found) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.ref == 0) { found = false; return &s; }
        if (same_key(s, h, key)) { found = true; return &s; }
    }
}

int IdIndex::find(std::string_view key) const {
    const Slot* s = find_slot(key, hash(key));
    return s ? record(s->ref - 1).value : -1;
}

void IdIndex::reserve(size_t n) {
    size_t cap = 16;
    while (cap / 2 < n) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
}

void IdIndex::rehash(size_t new_capacity) {
    std::vector<Slot> old(new_capacity);
    old.swap(slots_);
    const size_t mask = new_capacity - 1;
    for (const Slot& s : old) {
        if (s.ref == 0) continue;
        size_t i = s.hash & mask;
        while (slots_[i].ref != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

IdIndex::Slot* IdIndex::emplace(std::string_view key, int value, bool& inserted) {
    const uint32_t h = hash(key);
    if (slots_.empty()) rehash(16);
    bool found = false;
    Slot* s = probe(key, h, found);
    if (found) { inserted = false; return s; }
    if ((size_ + 1) * 2 > slots_.size()) {
        rehash(slots_.size() * 2);
        s = probe(key, h, found);
    }
    // Offsets and lengths are 32-bit: ids are short, so a 4 GiB arena means something is wrong.
    constexpr size_t kMaxArena = 0xFFFFFF00u;
    const size_t off = arena_.size();
    if (off > kMaxArena - 16 || key.size() > kMaxArena - 16 - off) std::abort();
    // key may lie in arena_ (a key from for_each): note where, since growing moves the bytes.
    const uintptr_t at = reinterpret_cast<uintptr_t>(key.data()), base = reinterpret_cast<uintptr_t>(arena_.data());
    const bool aliased = !key.empty() && at >= base && at < base + off;
    const size_t key_off = aliased ? static_cast<size_t>(at - base) : 0;
    const Record r{value, static_cast<uint32_t>(key.size())};
    arena_.resize(off + padded(key.size()), '\0');
    std::memcpy(&arena_[off], &r, sizeof r);
    if (!key.empty()) std::memcpy(&arena_[off + kHeader], aliased ? arena_.data() + key_off : key.data(), key.size());
    s->hash = h;
    s->ref = static_cast<uint32_t>(off + 1);
    ++size_;
    inserted = true;
    return s;
}

IdIndex::InsertResult IdIndex::insert(std::string_view key, int value) {
    bool inserted = false;
    const Slot* s = emplace(key, value, inserted);
    return {inserted, inserted ? value : record(s->ref - 1).value};
}

void IdIndex::assign(std::string_view key, int value) {
    bool inserted = false;
    const Slot* s = emplace(key, value, inserted);
    if (!inserted) set_value(*s, value);
}

void IdIndex::clear() {
    for (Slot& s : slots_) s = Slot{};
    arena_.clear();
    size_ = 0;
}

}  // namespace ca
