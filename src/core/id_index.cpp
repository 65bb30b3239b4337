// IdIndex: linear probing over a power-of-two slot table kept at most half full; the key
// bytes are appended to one arena and never moved within it (offsets, not pointers).
#include "core/id_index.h"

#include <cstdlib>
#include <cstring>

namespace ca {

namespace {

uint64_t load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

constexpr uint64_t kMul = 0xFF51AFD7ED558CCDull;

}  // namespace

uint32_t IdIndex::hash(std::string_view key) {
    const char* p = key.data();
    size_t n = key.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(n) * 0xC2B2AE3D27D4EB4Full);
    for (; n >= 8; p += 8, n -= 8) {
        h = (h ^ load64(p)) * kMul;
        h ^= h >> 32;
    }
    if (n) {
        uint64_t t = 0;
        std::memcpy(&t, p, n);
        h = (h ^ t) * kMul;
        h ^= h >> 32;
    }
    // MurmurHash3's 64-bit finaliser: every input bit reaches the low 32 bits used below.
    h ^= h >> 33;
    h *= kMul;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return static_cast<uint32_t>(h);
}

const IdIndex::Slot* IdIndex::find_slot(std::string_view key, uint32_t h) const {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    const char* arena = arena_.data();
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.len == kEmpty) return nullptr;
        if (s.hash == h && s.len == key.size() && std::memcmp(arena + s.off, key.data(), key.size()) == 0) return &s;
    }
}

IdIndex::Slot* IdIndex::probe(std::string_view key, uint32_t h, bool& found) {
    const size_t mask = slots_.size() - 1;
    const char* arena = arena_.data();
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.len == kEmpty) { found = false; return &s; }
        if (s.hash == h && s.len == key.size() && std::memcmp(arena + s.off, key.data(), key.size()) == 0) {
            found = true;
            return &s;
        }
    }
}

int IdIndex::find(std::string_view key) const {
    const Slot* s = find_slot(key, hash(key));
    return s ? s->value : -1;
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
        if (s.len == kEmpty) continue;
        size_t i = s.hash & mask;
        while (slots_[i].len != kEmpty) i = (i + 1) & mask;
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
    if (key.size() >= kEmpty || arena_.size() > kEmpty - 1 - key.size()) std::abort();
    s->hash = h;
    s->value = value;
    s->off = static_cast<uint32_t>(arena_.size());
    s->len = static_cast<uint32_t>(key.size());
    arena_.append(key.data(), key.size());
    ++size_;
    inserted = true;
    return s;
}

IdIndex::InsertResult IdIndex::insert(std::string_view key, int value) {
    bool inserted = false;
    const Slot* s = emplace(key, value, inserted);
    return {inserted, s->value};
}

void IdIndex::assign(std::string_view key, int value) {
    bool inserted = false;
    emplace(key, value, inserted)->value = value;
}

void IdIndex::clear() {
    for (Slot& s : slots_) s = Slot{};
    arena_.clear();
    size_ = 0;
}

}  // namespace ca
