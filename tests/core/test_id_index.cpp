// IdIndex against std::unordered_map: random inserts, overwrites and lookups, full-hash and
// home-slot collisions, empty and long keys, growth, copies, clear, and absent keys.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/id_index.h"
#include "core/model.h"

using namespace ca;

namespace {

// Every entry of idx, checked against the reference map in both directions.
void require_same(const IdIndex& idx, const std::unordered_map<std::string, int>& ref) {
    REQUIRE(idx.size() == ref.size());
    REQUIRE(idx.empty() == ref.empty());
    for (const auto& [k, v] : ref) REQUIRE(idx.find(k) == v);
    std::map<std::string, int> seen;
    idx.for_each([&](std::string_view k, int v) { REQUIRE(seen.emplace(std::string(k), v).second); });
    REQUIRE(seen.size() == ref.size());
    for (const auto& [k, v] : seen) {
        auto it = ref.find(k);
        REQUIRE(it != ref.end());
        REQUIRE(it->second == v);
    }
}

std::string random_key(std::mt19937& rng) {
    // Mostly short keys over a small alphabet (many repeats), sometimes long ones, sometimes "".
    const int kind = static_cast<int>(rng() % 20);
    size_t len = kind == 0 ? 0 : kind == 1 ? 64 + rng() % 400 : 1 + rng() % 4;
    std::string s(len, 'a');
    for (char& c : s) c = static_cast<char>(kind == 1 ? 'a' + rng() % 26 : "ab_.\0"[rng() % 5]);
    return s;
}

// Keys "c<i>" grouped by full 32-bit hash; returns the groups with more than one key.
std::vector<std::vector<std::string>> full_hash_collisions() {
    std::vector<std::pair<uint32_t, std::string>> all;
    const int n = 400000;  // about n^2 / 2^33 = 18 colliding pairs expected
    all.reserve(n);
    for (int i = 0; i < n; ++i) {
        std::string k = "c";
        k += std::to_string(i);  // not "c" + ...: GCC 12 warns falsely (-Wrestrict)
        all.emplace_back(IdIndex::hash(k), std::move(k));
    }
    std::sort(all.begin(), all.end());
    std::vector<std::vector<std::string>> groups;
    for (size_t i = 0; i < all.size();) {
        size_t j = i + 1;
        while (j < all.size() && all[j].first == all[i].first) ++j;
        if (j - i > 1) {
            groups.emplace_back();
            for (size_t t = i; t < j; ++t) groups.back().push_back(all[t].second);
        }
        i = j;
    }
    return groups;
}

}  // namespace

TEST_CASE("id index: an empty index finds nothing") {
    IdIndex idx;
    CHECK(idx.size() == 0);
    CHECK(idx.empty());
    CHECK(idx.find("") == -1);
    CHECK(idx.find("a") == -1);
    CHECK_FALSE(idx.contains("a"));
    int calls = 0;
    idx.for_each([&](std::string_view, int) { ++calls; });
    CHECK(calls == 0);
    IdIndex copy = idx;
    CHECK(copy.find("a") == -1);
    idx.clear();
    CHECK(idx.find("a") == -1);
}

TEST_CASE("id index: insert keeps the first value and reports it, assign overwrites") {
    IdIndex idx;
    auto r = idx.insert("org_a", 7);
    CHECK(r.inserted);
    CHECK(r.value == 7);
    r = idx.insert("org_a", 9);
    CHECK_FALSE(r.inserted);
    CHECK(r.value == 7);
    CHECK(idx.find("org_a") == 7);
    CHECK(idx.size() == 1);
    idx.assign("org_a", 11);
    CHECK(idx.find("org_a") == 11);
    idx.assign("org_b", 12);
    CHECK(idx.find("org_b") == 12);
    CHECK(idx.size() == 2);
    CHECK(idx.find("org_") == -1);
    CHECK(idx.find("org_ab") == -1);
    CHECK(idx.find("ORG_A") == -1);
}

TEST_CASE("id index: empty keys and keys with NUL bytes are ordinary keys") {
    IdIndex idx;
    CHECK(idx.insert("", 1).inserted);
    CHECK(idx.find("") == 1);
    const std::string nul1(1, '\0'), nul2(2, '\0');
    CHECK(idx.find(nul1) == -1);
    CHECK(idx.insert(nul1, 2).inserted);
    CHECK(idx.insert(nul2, 3).inserted);
    CHECK_FALSE(idx.insert("", 4).inserted);
    CHECK(idx.find("") == 1);
    CHECK(idx.find(nul1) == 2);
    CHECK(idx.find(nul2) == 3);
    CHECK(idx.find(std::string_view("\0\0\0", 3)) == -1);
    CHECK(idx.size() == 3);
}

TEST_CASE("id index: long keys differing in one byte") {
    IdIndex idx;
    std::unordered_map<std::string, int> ref;
    const std::string base(10000, 'x');
    int v = 0;
    for (size_t pos : {size_t(0), size_t(1), size_t(7), size_t(8), size_t(4999), size_t(9991), size_t(9999)}) {
        std::string k = base;
        k[pos] = 'y';
        ref.emplace(k, v);
        CHECK(idx.insert(k, v++).inserted);
    }
    ref.emplace(base, v);
    CHECK(idx.insert(base, v++).inserted);
    for (size_t len : {size_t(9999), size_t(10001), size_t(8), size_t(9)}) {
        std::string k(len, 'x');
        CHECK(idx.find(k) == -1);
        ref.emplace(k, v);
        CHECK(idx.insert(k, v++).inserted);
    }
    require_same(idx, ref);
}

TEST_CASE("id index: keys with the same full hash are told apart by their bytes") {
    const auto groups = full_hash_collisions();
    REQUIRE(groups.size() >= 3);
    IdIndex idx;
    std::unordered_map<std::string, int> ref;
    int v = 0;
    for (const auto& g : groups) {
        // Only the first of each group goes in: the others must stay absent despite the hash.
        ref.emplace(g[0], v);
        CHECK(idx.insert(g[0], v++).inserted);
        for (size_t i = 1; i < g.size(); ++i) {
            CHECK(IdIndex::hash(g[i]) == IdIndex::hash(g[0]));
            CHECK(idx.find(g[i]) == -1);
        }
    }
    for (const auto& g : groups)
        for (size_t i = 1; i < g.size(); ++i) {
            ref.emplace(g[i], v);
            CHECK(idx.insert(g[i], v++).inserted);
        }
    require_same(idx, ref);
    for (const auto& g : groups) CHECK_FALSE(idx.insert(g[0], -5).inserted);
    require_same(idx, ref);
}

TEST_CASE("id index: keys sharing a home slot probe past each other") {
    IdIndex idx;
    idx.reserve(8);
    const size_t cap = idx.capacity();
    REQUIRE(cap >= 16);
    std::vector<std::string> same_home, other;
    for (int i = 0; same_home.size() < cap / 2 - 1 || other.size() < 100; ++i) {
        std::string k = "s";
        k += std::to_string(i);  // not "s" + ...: GCC 12 warns falsely (-Wrestrict)
        if (IdIndex::hash(k) % cap != 3) other.push_back(k);
        else if (same_home.size() < cap / 2 - 1) same_home.push_back(k);
    }
    std::unordered_map<std::string, int> ref;
    for (size_t i = 0; i < same_home.size(); ++i) {
        ref.emplace(same_home[i], static_cast<int>(i));
        CHECK(idx.insert(same_home[i], static_cast<int>(i)).inserted);
    }
    CHECK(idx.capacity() == cap);  // a full cluster, no growth yet
    require_same(idx, ref);
    for (size_t i = 0; i < 50 && i < other.size(); ++i) CHECK(idx.find(other[i]) == -1);
    // Growing splits the cluster; everything is still found.
    for (size_t i = 0; i < 100; ++i) {
        ref.emplace(other[i], 1000 + static_cast<int>(i));
        CHECK(idx.insert(other[i], 1000 + static_cast<int>(i)).inserted);
    }
    CHECK(idx.capacity() > cap);
    require_same(idx, ref);
}

TEST_CASE("id index: growth from empty and after reserve") {
    IdIndex grown, reserved;
    const int n = 100000;
    reserved.reserve(n);
    const size_t cap = reserved.capacity();
    std::unordered_map<std::string, int> ref;
    size_t last_cap = 0, growths = 0;
    for (int i = 0; i < n; ++i) {
        std::string k = "org_" + std::to_string(i * 7919 % 1000003);
        ref.emplace(k, i);
        CHECK(grown.insert(k, i).inserted);
        CHECK(reserved.insert(k, i).inserted);
        if (grown.capacity() != last_cap) { ++growths; last_cap = grown.capacity(); }
        CHECK(grown.capacity() >= 2 * grown.size());
    }
    CHECK(growths > 10);
    CHECK(reserved.capacity() == cap);
    require_same(grown, ref);
    require_same(reserved, ref);
    CHECK(grown.find("org_") == -1);
    CHECK(grown.find("org_1000003") == -1);
    // reserve never shrinks and keeps entries.
    grown.reserve(10);
    CHECK(grown.capacity() == last_cap);
    grown.reserve(3 * n);
    require_same(grown, ref);
}

TEST_CASE("id index: random operations agree with std::unordered_map") {
    std::mt19937 rng(12345);
    IdIndex idx;
    std::unordered_map<std::string, int> ref;
    for (int step = 0; step < 200000; ++step) {
        const std::string k = random_key(rng);
        const int v = static_cast<int>(rng() % 1000000);
        switch (rng() % 8) {
            case 0: case 1: case 2: {
                auto [it, inserted] = ref.try_emplace(k, v);
                auto r = idx.insert(k, v);
                REQUIRE(r.inserted == inserted);
                REQUIRE(r.value == it->second);
                break;
            }
            case 3: ref[k] = v; idx.assign(k, v); break;
            default: {
                auto it = ref.find(k);
                REQUIRE(idx.find(k) == (it == ref.end() ? -1 : it->second));
                REQUIRE(idx.contains(k) == (it != ref.end()));
            }
        }
        REQUIRE(idx.size() == ref.size());
        if (step == 100000) {
            // A copy is independent of the original and of later changes.
            IdIndex copy = idx;
            auto ref_copy = ref;
            require_same(copy, ref_copy);
            idx.clear();
            ref.clear();
            require_same(idx, ref);
            require_same(copy, ref_copy);
            idx = copy;
            ref = ref_copy;
        }
    }
    require_same(idx, ref);
}

TEST_CASE("id index: copies own their keys, clear keeps capacity") {
    IdIndex a;
    {
        std::string k(100, 'k');
        for (int i = 0; i < 1000; ++i) {
            k[i % 100] = static_cast<char>('a' + i % 26);
            a.assign(k, i);
        }
        k.assign(100, '?');  // the source strings change after insertion
    }
    IdIndex b = a, c;
    c = b;
    IdIndex d = std::move(c);
    std::unordered_map<std::string, int> ref;
    a.for_each([&](std::string_view k, int v) { ref.emplace(std::string(k), v); });
    a.clear();
    CHECK(a.size() == 0);
    CHECK(a.capacity() >= 2 * ref.size());
    for (const auto& [k, v] : ref) CHECK(a.find(k) == -1);
    require_same(b, ref);
    require_same(d, ref);
    a.insert("again", 1);
    CHECK(a.find("again") == 1);
    CHECK(b.find("again") == -1);
}

TEST_CASE("id index: for_each runs in insertion order, keys may come from the index itself") {
    IdIndex idx;
    std::vector<std::string> keys;
    for (int i = 0; i < 300; ++i) {
        std::string k = "k";
        k += std::to_string(i * 37 % 301);
        keys.push_back(k);
        idx.insert(k, i);
    }
    std::vector<std::string> order;
    idx.for_each([&](std::string_view k, int v) {
        CHECK(v == static_cast<int>(order.size()));
        order.emplace_back(k);
    });
    CHECK(order == keys);
    // Prefixes of a stored key, viewed inside the index's own bytes, while the bytes grow.
    const std::string long_key(500, 'p');
    idx.insert(long_key, 1000);
    std::unordered_map<std::string, int> ref;
    idx.for_each([&](std::string_view k, int v) { ref.emplace(std::string(k), v); });
    for (size_t len = 1; len < long_key.size(); ++len) {
        std::string_view inside;
        idx.for_each([&](std::string_view k, int) {
            if (k.size() == long_key.size()) inside = k.substr(0, len);
        });
        REQUIRE(idx.insert(inside, static_cast<int>(2000 + len)).inserted);
        ref.emplace(long_key.substr(0, len), static_cast<int>(2000 + len));
    }
    require_same(idx, ref);
}

TEST_CASE("id index: a copied Dataset still finds its ids after the original is gone") {
    Dataset* original = new Dataset;
    original->organisations.resize(2);
    original->organisations[0].id = "org_a";
    original->organisations[1].id = "org_b";
    for (int i = 0; i < 2; ++i) original->org_ids.insert(original->organisations[static_cast<size_t>(i)].id, i);
    original->collab_ids.insert("c_1", 0);
    Dataset copy = *original;
    delete original;
    CHECK(copy.find_org("org_a") == 0);
    CHECK(copy.find_org("org_b") == 1);
    CHECK(copy.find_org("org_c") == -1);
    CHECK(copy.find_collab("c_1") == 0);
    CHECK(copy.find_collab("org_a") == -1);
}
