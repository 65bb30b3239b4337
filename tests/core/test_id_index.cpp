// IdIndex (the Dataset's id maps): insert never overwrites, assign does, empty keys and NUL
// bytes are ordinary keys, lookups by string_view, copies own their keys.
#include <catch2/catch.hpp>

#include <string>

#include "core/id_index.h"
#include "core/model.h"

using namespace ca;
TEST_CASE("id index: an empty index finds nothing") {
    IdIndex idx;
    CHECK(idx.size() == 0);
    CHECK(idx.empty());
    CHECK(idx.find("") == -1);
    CHECK(idx.find("a") == -1);
    CHECK_FALSE(idx.contains("a"));
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
