// IdIndex: the Dataset's id maps (id string -> index), a tsl::robin_map (Debian's
// robin-map-dev) with transparent hashing, so lookups by std::string_view allocate nothing.
#pragma once
#include <tsl/robin_map.h>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace ca {

class IdIndex {
public:
    struct InsertResult {
        bool inserted;  // false when the key was already there
        int value;      // the value now stored for the key (the existing one when !inserted)
    };

    void reserve(size_t n) { map_.reserve(n); }
    // Adds key -> value unless key is present; never overwrites.
    InsertResult insert(std::string_view key, int value) {
        auto [it, inserted] = map_.try_emplace(std::string(key), value);
        return {inserted, it->second};
    }
    // Adds key -> value, or overwrites the value of a present key.
    void assign(std::string_view key, int value) { map_.insert_or_assign(std::string(key), value); }
    int find(std::string_view key) const {  // -1 when absent
        auto it = map_.find(key);
        return it == map_.end() ? -1 : it->second;
    }
    bool contains(std::string_view key) const { return map_.find(key) != map_.end(); }
    size_t size() const { return map_.size(); }
    bool empty() const { return map_.empty(); }
    void clear() { map_.clear(); }
    template <class F>
    void for_each_key(F&& f) const {  // in no particular order
        for (const auto& kv : map_) f(std::string_view(kv.first));
    }

private:
    // FNV-1a, inline: ids are short ("o588", "c12345"), where it costs a third of std::hash's
    // out-of-line MurmurHash (docs/benchmarks.md, "Runtime datasets sooner, fourth pass").
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const {
            uint64_t h = 14695981039346656037ull;
            for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
            return static_cast<size_t>(h ^ (h >> 32));
        }
    };
    // StoreHash: each bucket keeps its key's hash, so probes and growth rarely compare strings.
    tsl::robin_map<std::string, int, Hash, std::equal_to<>, std::allocator<std::pair<std::string, int>>, true> map_;
};

}  // namespace ca
