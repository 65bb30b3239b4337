// IdIndex: an open-addressing hash table from id strings to ints for the Dataset's id maps.
// Keys live in one owned byte arena (copies stay valid); each slot keeps the key's hash.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
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

    // Makes room for n keys in all without growing the slot table (key bytes still grow).
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

    // Calls f(std::string_view key, int value) for every entry, in insertion order.
    template <class F> void for_each(F&& f) const {
        for (size_t off = 0; off < arena_.size();) {
            const Record r = record(static_cast<uint32_t>(off));
            f(std::string_view(arena_.data() + off + kHeader, r.len), r.value);
            off += padded(r.len);
        }
    }

    static uint32_t hash(std::string_view key);

private:
    // A slot is {hash, ref}: ref 0 is empty, else 1 + the arena offset of the key's record,
    // [int32 value][uint32 length][key bytes] padded to 4 bytes. Slots stay 8 bytes, so the
    // table is small; a matching hash leads to one record holding the length, value and key.
    struct Slot {
        uint32_t hash = 0;
        uint32_t ref = 0;
    };
    struct Record {
        int value;
        uint32_t len;
    };
    static constexpr size_t kHeader = sizeof(Record);
    static size_t padded(size_t len) { return kHeader + ((len + 3) & ~size_t(3)); }
    Record record(uint32_t off) const {
        Record r;
        std::memcpy(&r, arena_.data() + off, sizeof r);
        return r;
    }
    const Slot* find_slot(std::string_view key, uint32_t h) const;
    Slot* probe(std::string_view key, uint32_t h, bool& found);  // the key's slot, or the empty slot for it
    Slot* emplace(std::string_view key, int value, bool& inserted);  // the key's slot, filled when new
    bool same_key(const Slot& s, uint32_t h, std::string_view key) const;
    void set_value(const Slot& s, int value);
    void rehash(size_t new_capacity);

    std::vector<Slot> slots_;  // power-of-two count, or none; linear probing; at most half full
    std::string arena_;        // the records, in insertion order
    size_t size_ = 0;
};

}  // namespace ca
