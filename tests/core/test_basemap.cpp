// The basemap asset (src/core/basemap.cpp): the Natural Earth file parses, with the focus
// areas present.
#include <catch2/catch.hpp>

#include "core/basemap.h"
#include "core/embedded.h"

using namespace ca;

TEST_CASE("basemap: the Natural Earth asset parses with the focus areas present") {
    const EmbeddedFile* f = embedded_assets().find("assets/basemap.bin");
    REQUIRE(f != nullptr);
    Basemap bm;
    std::string err;
    REQUIRE(parse_basemap(f->data, f->size, bm, err));
    CHECK(bm.triangle_count() > 1000);
    CHECK(bm.lines.size() > 10);
    for (LandCategory c :
         {LandCategory::HongKong, LandCategory::Macao, LandCategory::Taiwan, LandCategory::SouthKorea, LandCategory::Japan}) {
        bool found = false;
        for (auto& l : bm.land) found |= l.category == c;
        CHECK(found);
    }
    // Hong Kong sits where Hong Kong is.
    for (auto& l : bm.land)
        if (l.category == LandCategory::HongKong) {
            LatLon c = unproject(l.bounds.centre());
            CHECK(c.lat == Approx(22.35).margin(0.3));
            CHECK(c.lon == Approx(114.15).margin(0.4));
        }
    // Truncated input is rejected, not read out of bounds.
    CHECK_FALSE(parse_basemap(f->data, f->size / 2, bm, err));
    CHECK(err == "truncated basemap");
    CHECK_FALSE(parse_basemap(reinterpret_cast<const uint8_t*>("NOPE0000"), 8, bm, err));
}
