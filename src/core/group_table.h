// GroupTable: the one hand-written hash table, for the per-frame grouping passes (arcs merged
// per pair of points, map points binned per grid cell). Kept because it measured faster in the web build.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ca {

// 64-bit keys to non-negative ints, open addressing with linear probing, at most half full.
// clear() keeps the table, so a warmed-up frame allocates nothing. docs/benchmarks.md has the
// measurement against tsl::robin_map and std::unordered_map (10k organisations: 20% of frame time).
class GroupTable {
public:
    // Empties the table, keeping (at least min_capacity) slots.
    void clear(size_t min_capacity = 1024) {
        size_t cap = keys_.empty() ? 16 : keys_.size();
        while (cap < min_capacity) cap *= 2;
        keys_.resize(cap);
        vals_.assign(cap, -1);
        size_ = 0;
    }
    // The value stored for key; when absent, value is stored first and inserted is set.
    int insert(uint64_t key, int value, bool& inserted) {
        if (keys_.empty()) clear();
        if ((size_ + 1) * 2 > keys_.size()) grow();
        size_t h = slot(key);
        inserted = vals_[h] < 0;
        if (inserted) {
            keys_[h] = key;
            vals_[h] = value;
            ++size_;
        }
        return vals_[h];
    }
    // The value stored for key, or -1 when absent.
    int find(uint64_t key) const { return keys_.empty() ? -1 : vals_[slot(key)]; }
    size_t size() const { return size_; }

private:
    size_t slot(uint64_t key) const {  // the key's slot, or the empty one where it goes
        const size_t mask = keys_.size() - 1;
        size_t h = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 29) & mask;
        while (vals_[h] >= 0 && keys_[h] != key) h = (h + 1) & mask;
        return h;
    }
    void grow() {
        std::vector<uint64_t> keys = std::move(keys_);
        std::vector<int> vals = std::move(vals_);
        keys_.assign(keys.size() * 2, 0);
        vals_.assign(keys_.size(), -1);
        for (size_t i = 0; i < keys.size(); ++i)
            if (vals[i] >= 0) {
                const size_t h = slot(keys[i]);
                keys_[h] = keys[i];
                vals_[h] = vals[i];
            }
    }
    std::vector<uint64_t> keys_;
    std::vector<int> vals_;  // -1: empty slot
    size_t size_ = 0;
};

}  // namespace ca
