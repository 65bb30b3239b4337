// Search: abbreviations, English, native scripts (Chinese, Korean, Japanese) and full-width
// letters, organisations and collaborations (src/core/search.cpp), on the tests' dataset.
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "core/search.h"
#include "fixture.h"

using namespace ca;

namespace {
using test::fixture_dataset;
std::string first_org(const Dataset& ds, const char* q) {
    auto h = search(ds, q);
    for (auto& x : h)
        if (x.is_org) return ds.organisations[x.index].id;
    return "";
}
}  // namespace

TEST_CASE("search: abbreviations, English, native scripts and full-width letters") {
    Dataset ds = fixture_dataset();
    CHECK(first_org(ds, "ASTRI") == "astri");
    CHECK(first_org(ds, "astri") == "astri");
    CHECK(first_org(ds, "ＡＳＴＲＩ") == "astri");
    CHECK(first_org(ds, "Sun Yat-sen") == "nsysu");
    CHECK(first_org(ds, "中山大學") == "nsysu");
    CHECK(first_org(ds, "삼성") == "samsung");
    CHECK(first_org(ds, "香港應用科技研究院") == "astri");
    CHECK(first_org(ds, "三菱") == "mitsubishi_electric");
    CHECK(search(ds, "").empty());
    CHECK(search(ds, "zzzzqqq").empty());
    // Collaborations are found by title.
    bool metc = false;
    for (auto& h : search(ds, "Microelectronics Technology Consortium")) metc |= !h.is_org;
    CHECK(metc);
}
