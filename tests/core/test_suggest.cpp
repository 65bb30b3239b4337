// "Did you mean": the edit distance (insertions, deletions, substitutions, adjacent swaps)
// and the choice of the closest candidate.
#include <catch2/catch.hpp>

#include <string>

#include "core/suggest.h"

using namespace ca;

TEST_CASE("suggest: edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("astri", "astri", 5) == 0);
    CHECK(edit_distance("astr", "astri", 5) == 1);
    CHECK(edit_distance("atsri", "astri", 5) == 1);  // adjacent swap
    CHECK(edit_distance("ASTRI", "astri", 5) == 0);  // ASCII case ignored
    CHECK(edit_distance("kitten", "sitting", 5) == 3);
    CHECK(edit_distance("a", "abcdefgh", 2) == 3);  // over the limit: limit + 1
}

TEST_CASE("suggest: the closest candidate within reach, ties broken by name") {
    Suggester s("astr");
    for (const char* c : {"polyu", "astri", "asti", "samsung"}) s.offer(c);
    CHECK(s.best() == "asti");  // distance 1 both; "asti" < "astri"
    Suggester far("ai");
    for (const char* c : {"talent", "3d_ic", "ai_iiot"}) far.offer(c);
    CHECK(far.best().empty());
    CHECK(did_you_mean(far).empty());
    Suggester longer(std::string(65, 'a'));
    longer.offer(std::string(64, 'a'));
    CHECK(longer.best().empty());  // over 64 bytes: no suggestion
    Suggester t("talnet");
    t.offer("talent");
    CHECK(did_you_mean(t) == "; did you mean \"talent\"?");
}
