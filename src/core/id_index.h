// IdIndex: an open-addressing hash table from id strings to ints for the Dataset's id maps.
// Keys live in one owned byte arena (copies stay valid); each slot keeps the key's hash.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

class IdIndex {
public:
    struct InsertResult {
        bool inserted;  // false when the key was already there
        int value;      // the value now stored for the key (the existing one when !inserted)
    };

    // Makes room for n keys in all without rehashing; key bytes still grow as needed.
    void reserve(size_t n);
    // Adds key -> value unless key is present; never overwrites.
    InsertResult insert(std::string_view key, int value);
    // Adds key -> value, or overwrites the value of a present key.
    void assign(std::string_view key, int value);
    int find(std::string_view key) const;  // -1 when absent
    bool contains(std::string_view key) const { return find_slot(key, hash(key)) != nullptr; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    size_t capacity() const { return slots_.size(); }  // slots (at most half are used)
    void clear();  // keeps the slot table's capacity

    // Calls f(std::string_view key, int value) for every entry, in no particular order.
    template <class F> void for_each(F&& f) const {
        for (const Slot& s : slots_)
            if (s.len != kEmpty) f(std::string_view(arena_.data() + s.off, s.len), s.value);
    }

    static uint32_t hash(std::string_view key);

private:
    static constexpr uint32_t kEmpty = 0xFFFFFFFFu;  // Slot::len of an unused slot
    struct Slot {
        uint32_t hash = 0;
        int value = 0;
        uint32_t off = 0;     // key bytes at arena_[off, off + len)
        uint32_t len = kEmpty;
    };
    const Slot* find_slot(std::string_view key, uint32_t h) const;
    Slot* probe(std::string_view key, uint32_t h, bool& found);  // the key's slot, or the empty slot for it
    Slot* emplace(std::string_view key, int value, bool& inserted);  // the key's slot, filled when new
    void rehash(size_t new_capacity);

    std::vector<Slot> slots_;  // power-of-two count, or empty; linear probing
    std::string arena_;
    size_t size_ = 0;
};

}  // namespace ca
