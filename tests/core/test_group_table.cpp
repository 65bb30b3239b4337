// GroupTable (the per-frame grouping table) against std::unordered_map: random keys with
// collisions in the low and high bits, growth, and clear() between frames.
#include <catch2/catch.hpp>

#include <random>
#include <unordered_map>

#include "core/group_table.h"

using namespace ca;

TEST_CASE("group table: insert-or-find agrees with std::unordered_map over many frames") {
    GroupTable t;
    std::mt19937_64 rng(42);
    for (int frame = 0; frame < 40; ++frame) {
        t.clear();
        std::unordered_map<uint64_t, int> ref;
        const int n = static_cast<int>(rng() % 5000);
        for (int i = 0; i < n; ++i) {
            // Keys shaped like arc keys (point ids shifted up) and like grid cells, plus a few
            // raw ones: many share their low bits.
            const uint64_t r = rng();
            const uint64_t key = (r % 3 == 0) ? (rng() % 300) << 34 ^ (rng() % 300) << 5 : (r % 3 == 1) ? rng() % 64 : r;
            bool inserted;
            const int got = t.insert(key, static_cast<int>(ref.size()), inserted);
            auto [it, fresh] = ref.try_emplace(key, static_cast<int>(ref.size()));
            REQUIRE(inserted == fresh);
            REQUIRE(got == it->second);
        }
        CHECK(t.size() == ref.size());
    }
}

TEST_CASE("group table: clear forgets every key but keeps working at the grown size") {
    GroupTable t;
    bool inserted;
    for (uint64_t k = 0; k < 10000; ++k) t.insert(k << 20, static_cast<int>(k), inserted);
    CHECK(t.size() == 10000);
    t.clear();
    CHECK(t.size() == 0);
    CHECK(t.insert(5ull << 20, 7, inserted) == 7);
    CHECK(inserted);
    CHECK(t.insert(5ull << 20, 9, inserted) == 7);
    CHECK_FALSE(inserted);
}
