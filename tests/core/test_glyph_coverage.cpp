// The bundled fonts' coverage table and the missing-character computation: the bundled data
// draws entirely from the embedded fonts (the build remade them), a new name's characters do not.
#include <catch2/catch.hpp>

#include "core/embedded.h"
#include "core/glyph_coverage.h"
#include "fixture.h"

using namespace ca;

namespace {
GlyphCoverage bundled_coverage() {
    const EmbeddedFile* f = embedded_font_coverage().find("assets/fonts/coverage.txt");
    REQUIRE(f != nullptr);
    return GlyphCoverage::parse(f->text());
}
}  // namespace

TEST_CASE("coverage table: ranges are inclusive, comments and bad lines are skipped") {
    GlyphCoverage c = GlyphCoverage::parse("# comment\n0020 007E\nzz 12\n4E00 4E00\r\n9000 8FFF\n");
    CHECK(c.has(U' '));
    CHECK(c.has(U'~'));
    CHECK_FALSE(c.has(0x7F));
    CHECK(c.has(0x4E00));
    CHECK_FALSE(c.has(0x4E01));
    CHECK_FALSE(c.has(0x9000));  // LAST < FIRST: skipped
    CHECK(c.size() == 95 + 1);
    CHECK(GlyphCoverage::parse("").empty());
}

TEST_CASE("code points: distinct, sorted, control characters and bad UTF-8 skipped") {
    std::vector<std::string_view> texts = {"ba\n", "\xE5\x8F\xB0\xE7\x81\xA3",
                                           "a\xFF"
                                           "c",
                                           "\xC0\x80"};  // 台灣
    CHECK(code_points(texts) == std::vector<char32_t>{U'a', U'b', U'c', 0x53F0, 0x7063});
}

TEST_CASE("code points: the whole range in order, the planes beyond the first after it, each once") {
    std::string a, b;
    for (char32_t cp : {0x1F600u, 0x10FFFFu, 0xFFFDu, 0x20u, 0x7Eu, 0x7Fu, 0x9Fu, 0xA0u, 0xFFFFu, 0x10000u, 0x1F600u, 0x4E00u})
        append_utf8(a, cp);
    append_utf8(b, 0x4E00);
    append_utf8(b, 0x10000);
    CHECK(code_points({a, b}) == std::vector<char32_t>{0x20, 0x7E, 0xA0, 0x4E00, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF});
    CHECK(code_points({}).empty());
    CHECK(code_points({"\x01\x1F"}).empty());
}

TEST_CASE("the bundled data draws entirely from the bundled fonts") {
    // The fonts are made from data/*.json by the build; were they stale, this lists the characters.
    std::vector<InputFile> in;
    for (auto& f : embedded_dataset()) in.push_back({f.name, f.text()});
    LoadResult r = load_dataset(in);
    REQUIRE(r.ok());
    GlyphCoverage cov = bundled_coverage();
    REQUIRE(cov.size() > 300);
    std::vector<char32_t> missing = missing_code_points(r.dataset, cov);
    INFO(describe_missing(missing));
    CHECK(missing.empty());
}

TEST_CASE("a name with characters the bundled fonts lack is reported, once each") {
    Dataset ds = test::fixture_dataset();
    GlyphCoverage cov = bundled_coverage();
    // 龘 (U+9F98) and 䲜 (U+4C9C) are in no bundled name; 뷁 (U+BDC1) is a rare Hangul syllable.
    ds.organisations[0].names.push_back({Lang::ZhHant, "龘䲜龘"});
    ds.organisations[3].names.push_back({Lang::Ko, "뷁"});
    std::vector<char32_t> missing = missing_code_points(ds, cov);
    CHECK(missing == std::vector<char32_t>{0x4C9C, 0x9F98, 0xBDC1});
    CHECK(describe_missing(missing) == "3 characters are not in the bundled fonts (䲜 龘 뷁)");
    CHECK(describe_missing(missing, 1) == "3 characters are not in the bundled fonts (䲜 …)");
    CHECK(describe_missing({0x9F98}) == "1 character is not in the bundled fonts (龘)");
}
