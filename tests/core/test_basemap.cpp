// The basemap assets (src/core/basemap.cpp): the Natural Earth files parse, with the focus areas
// present and land around the frame; v2's varint deltas decode to what they encode; v3 (projected
// by the build) holds what v2 does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/basemap.h"
#include "core/camera.h"
#include "core/embedded.h"

using namespace ca;

namespace {

// An embedded basemap file, parsed (the test stops when it is missing or does not parse).
Basemap parsed_asset(const char* name) {
    const EmbeddedFile* f = embedded_assets().find(name);
    REQUIRE(f != nullptr);
    Basemap bm;
    std::string err;
    INFO(name);
    REQUIRE(parse_basemap(f->data, f->size, bm, err));
    return bm;
}

}  // namespace

TEST_CASE("basemap: the Natural Earth asset parses with the focus areas present") {
    Basemap bm = parsed_asset("assets/basemap.bin");
    const EmbeddedFile* f = embedded_assets().find("assets/basemap.bin");
    std::string err;
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

namespace {

// A CABM v2 file with one triangle feature and one line, coordinates and indices as the zigzag
// varint deltas the format stores (tools/basemap/README.md).
std::vector<uint8_t> tiny_v2(std::vector<uint8_t> index_bytes) {
    std::vector<uint8_t> b = {'C', 'A', 'B', 'M', 2, 0, 0, 0};
    auto f32 = [&](float v) {
        uint8_t x[4];
        std::memcpy(x, &v, 4);
        b.insert(b.end(), x, x + 4);
    };
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
    };
    f32(100), f32(0), f32(165.535f), f32(65.535f);  // 0.001 degrees a step
    u32(1);
    b.insert(b.end(), {4, 2, 'T', 'W'});
    // (lon, lat) steps (1000, 23000), (3000, 23000), (1000, 25000): deltas (+1000, +23000),
    // (+2000, 0), (-2000, +2000) as zigzag LEB128.
    u32(3);
    b.insert(b.end(), {0xD0, 0x0F, 0xB0, 0xE7, 0x02, 0xA0, 0x1F, 0x00, 0x9F, 0x1F, 0xA0, 0x1F});
    u32(static_cast<uint32_t>(index_bytes.size()));
    b.insert(b.end(), index_bytes.begin(), index_bytes.end());
    u32(1);
    b.insert(b.end(), {0, 4});
    u32(2);
    b.insert(b.end(), {0xD0, 0x0F, 0xB0, 0xE7, 0x02, 0x01, 0x01});  // (1000, 23000), then (-1, -1) from it
    return b;
}

}  // namespace

TEST_CASE("basemap: v2 stores coordinates and indices as varint deltas") {
    Basemap bm;
    std::string err;
    const std::vector<uint8_t> ok = tiny_v2({0x00, 0x04, 0x01});  // indices 0, 2, 1: deltas 0, +2, -1
    REQUIRE(parse_basemap(ok.data(), ok.size(), bm, err));
    REQUIRE(bm.land.size() == 1);
    const LandFeature& f = bm.land[0];
    CHECK(f.category == LandCategory::Taiwan);
    CHECK(f.name == "TW");
    REQUIRE(f.vertices.size() == 3);
    const LatLon expected[] = {{23.0, 101.0}, {23.0, 103.0}, {25.0, 101.0}};
    for (size_t i = 0; i < 3; ++i) {
        const LatLon v = unproject(f.vertices[i]);
        CHECK(v.lat == Approx(expected[i].lat).margin(1e-4));
        CHECK(v.lon == Approx(expected[i].lon).margin(1e-4));
    }
    CHECK(f.indices == std::vector<uint16_t>{0, 2, 1});
    REQUIRE(bm.lines.size() == 1);
    CHECK(bm.lines[0].category == LandCategory::Taiwan);
    REQUIRE(bm.lines[0].points.size() == 2);
    CHECK(unproject(bm.lines[0].points[1]).lon == Approx(100.999).margin(1e-4));
    CHECK(unproject(bm.lines[0].points[1]).lat == Approx(22.999).margin(1e-4));

    const std::vector<uint8_t> out_of_range = tiny_v2({0x00, 0x06, 0x01});  // 0, 3, 2: 3 is no vertex
    CHECK_FALSE(parse_basemap(out_of_range.data(), out_of_range.size(), bm, err));
    CHECK(err == "basemap index out of range");
    std::vector<uint8_t> cut = ok;
    cut.resize(cut.size() - 1);  // the last varint's byte gone
    CHECK_FALSE(parse_basemap(cut.data(), cut.size(), bm, err));
    CHECK(err == "truncated basemap");
}

// The land around the region's frame (assets/basemap_outer.bin, tools/basemap): the default view
// of every window shape, and the farthest zoom out, show land where there is land, not the frame's
// edge (a 700x800 window showed China cut along the 95th meridian and the 55th parallel).
TEST_CASE("basemap: the outer land covers the views around the region frame") {
    Basemap outer = parsed_asset("assets/basemap_outer.bin");
    CHECK(outer.triangle_count() > 500);
    bool russia = false, other = false;
    for (const LandFeature& l : outer.land) {
        russia |= l.category == LandCategory::Russia;
        other |= l.category == LandCategory::Other;
        // Outside the region frame (lon 95-160, lat 0-55), which the detailed file holds.
        for (const Vec2& v : l.vertices) {
            const LatLon ll = unproject(v);
            const bool inside = ll.lon > 95.01 && ll.lon < 159.99 && ll.lat > 0.01 && ll.lat < 54.99;
            if (inside) FAIL("outer vertex inside the frame: " << ll.lat << ", " << ll.lon << " (" << l.name << ")");
            CHECK((ll.lon >= 59.99 && ll.lon <= 180.01 && ll.lat >= -30.01 && ll.lat <= 82.01));
        }
    }
    CHECK(russia);
    CHECK(other);
    // Every corner and edge midpoint of the "All" view (the default one) at every window shape,
    // and zoomed out to 0.75 on desktops, lies within the two files' area (zoomed out further,
    // down to 0.5, a view can reach past the antimeridian or the pole: the edge shows there).
    for (const Vec2 size : {Vec2{320, 568}, Vec2{390, 844}, Vec2{700, 800}, Vec2{768, 1024}, Vec2{1280, 800}, Vec2{1920, 1080}})
        for (const double zoom : {1.0, 0.75}) {
            if (zoom < 1 && size.x < 1000) continue;
            Camera c;
            c.viewport = size;
            c.fit(preset_box(RegionPreset::All));
            c.scale *= zoom;
            for (const double u : {0.0, 0.5, 1.0})
                for (const double v : {0.0, 0.5, 1.0}) {
                    const LatLon ll = unproject(c.screen_to_world({u * size.x, v * size.y}));
                    INFO(size.x << "x" << size.y << " zoom " << zoom << " at (" << u << ", " << v << "): " << ll.lat << ", " << ll.lon);
                    CHECK((ll.lon >= 60 && ll.lon <= 180 && ll.lat >= -30 && ll.lat <= 82));
                }
        }
    // Appended under the detailed file's land, with its lines after.
    Basemap inner = parsed_asset("assets/basemap.bin");
    const size_t land = inner.land.size(), lines = inner.lines.size();
    const std::string first_inner = inner.land.front().name;
    const size_t outer_land = outer.land.size(), outer_lines = outer.lines.size();
    append_basemap(inner, std::move(outer));
    CHECK(inner.land.size() == land + outer_land);
    CHECK(inner.lines.size() == lines + outer_lines);
    CHECK(inner.land[outer_land].name == first_inner);
}

namespace {

std::vector<uint8_t> read_source_asset(const std::string& name) {
    const std::string path = std::string(CHIPATLAS_SOURCE_DIR) + "/assets/" + name;
    std::vector<uint8_t> out;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
        uint8_t buf[65536];
        size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
        std::fclose(f);
    }
    return out;
}

double max_distance(const std::vector<Vec2>& a, const std::vector<Vec2>& b) {
    double d = 0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) d = std::max(d, std::hypot(a[i].x - b[i].x, a[i].y - b[i].y));
    return d;
}

}  // namespace

// The build projects the committed v2 assets (degrees) to v3 (world km): the same features,
// lines, names and triangles, each point within a step of where v2 projects it, and the app's
// embedded copies are those v3 files (no projection at start: docs/benchmarks.md, "Session 17").
TEST_CASE("basemap: v3 holds the v2 asset projected at build time") {
    for (const char* name : {"basemap.bin", "basemap_outer.bin"}) {
        INFO(name);
        const std::vector<uint8_t> v2 = read_source_asset(name);
        REQUIRE(v2.size() > 8);
        CHECK(v2[4] == 2);
        Basemap a, b;
        std::string err;
        REQUIRE(parse_basemap(v2.data(), v2.size(), a, err));
        std::vector<uint8_t> v3;
        REQUIRE(project_basemap(v2.data(), v2.size(), v3, err));
        CHECK(v3[4] == 3);
        REQUIRE(parse_basemap(v3.data(), v3.size(), b, err));
        REQUIRE(a.land.size() == b.land.size());
        REQUIRE(a.lines.size() == b.lines.size());
        double worst = 0;
        for (size_t i = 0; i < a.land.size(); ++i) {
            CHECK(a.land[i].name == b.land[i].name);
            CHECK(a.land[i].category == b.land[i].category);
            CHECK(a.land[i].indices == b.land[i].indices);
            REQUIRE(a.land[i].vertices.size() == b.land[i].vertices.size());
            worst = std::max(worst, max_distance(a.land[i].vertices, b.land[i].vertices));
        }
        for (size_t i = 0; i < a.lines.size(); ++i) {
            CHECK(a.lines[i].kind == b.lines[i].kind);
            CHECK(a.lines[i].category == b.lines[i].category);
            REQUIRE(a.lines[i].points.size() == b.lines[i].points.size());
            worst = std::max(worst, max_distance(a.lines[i].points, b.lines[i].points));
        }
        // Within one v3 step of the box (its width or height / its steps) of where v2 projects it.
        float box[4];
        uint32_t steps = 0;
        std::memcpy(box, v3.data() + 8, sizeof box);
        std::memcpy(&steps, v3.data() + 24, sizeof steps);
        REQUIRE(steps > 0);
        const double step = std::max(box[2] - box[0], box[3] - box[1]) / steps;
        INFO("step " << step * 1000 << " m, worst " << worst * 1000 << " m");
        CHECK(worst <= step);
        CHECK(step < 0.25);  // km
        // What the app embeds is this v3 file.
        const EmbeddedFile* f = embedded_assets().find((std::string("assets/") + name).c_str());
        REQUIRE(f != nullptr);
        CHECK(std::vector<uint8_t>(f->data, f->data + f->size) == v3);
    }
    // What does not parse is not written.
    std::vector<uint8_t> out;
    std::string err;
    CHECK_FALSE(project_basemap(reinterpret_cast<const uint8_t*>("NOPE0000"), 8, out, err));
    CHECK(err == "not a CABM basemap");
    CHECK(out.empty());
}

TEST_CASE("basemap: a v3 file's points are world km, not projected again") {
    const std::vector<uint8_t> v2 = tiny_v2({0x00, 0x04, 0x01});
    std::vector<uint8_t> v3;
    std::string err;
    REQUIRE(project_basemap(v2.data(), v2.size(), v3, err));
    Basemap bm;
    REQUIRE(parse_basemap(v3.data(), v3.size(), bm, err));
    REQUIRE(bm.land.size() == 1);
    const LatLon expected[] = {{23.0, 101.0}, {23.0, 103.0}, {25.0, 101.0}};
    for (size_t i = 0; i < 3; ++i) {
        const LatLon v = unproject(bm.land[0].vertices[i]);
        CHECK(v.lat == Approx(expected[i].lat).margin(1e-5));
        CHECK(v.lon == Approx(expected[i].lon).margin(1e-5));
    }
    // A cut v3 file is refused like a cut v2 one.
    v3.resize(v3.size() - 1);
    CHECK_FALSE(parse_basemap(v3.data(), v3.size(), bm, err));
    CHECK(err == "truncated basemap");
    // And an unknown version is named.
    std::vector<uint8_t> v4 = v2;
    v4[4] = 4;
    CHECK_FALSE(parse_basemap(v4.data(), v4.size(), bm, err));
    CHECK(err == "unsupported basemap version 4");
}
