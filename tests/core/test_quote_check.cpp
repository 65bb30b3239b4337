// The quote check (whitespace-normalised search and where a quote first differs), on small
// texts of the tests' own.
#include <catch2/catch.hpp>

#include <string>

#include "core/quote_check.h"

using namespace ca;

namespace {

const char* kText =
    "First line of the article.\n"
    "The consortium was formed in 2022 and\n"
    "   a pilot line will follow.\n"
    "\xE6\x9C\x80\xE5\xBE\x8C\xE3\x80\x80\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82\n";  // "最後　です。" (U+3000 between)

}  // namespace

TEST_CASE("quotes: found when equal up to whitespace runs") {
    CHECK(find_quote(kText, "First line of the article.").found);
    CHECK(find_quote(kText, "formed in 2022 and a pilot line").found);                    // newline + indent = one space
    CHECK(find_quote(kText, "  formed  in\t2022\nand   a pilot line  ").found);           // quote's own runs and ends
    CHECK(find_quote(kText, "\xE6\x9C\x80\xE5\xBE\x8C \xE3\x81\xA7\xE3\x81\x99").found);  // U+3000 is whitespace
    CHECK_FALSE(find_quote(kText, "").found);
    CHECK_FALSE(find_quote(kText, "formed in 2022 anda pilot").found);  // whitespace cannot vanish
}

TEST_CASE("quotes: a quote that differs says where, in the quote and in the text") {
    const QuoteMatch m = find_quote(kText, "The consortium was formed in 2023 and a pilot line");
    REQUIRE_FALSE(m.found);
    CHECK_FALSE(m.from_end);
    CHECK(m.at == 33);  // the '3' of 2023
    CHECK(m.matched == 32);
    CHECK(std::string(kText).substr(m.text_offset, 1) == "2");  // the last '2' of 2022
    const std::string msg = quote_mismatch_message(m, kText, "src.txt");
    CHECK(msg ==
          "quote differs from src.txt at character 33: quote has '\xE2\x80\xA6med in 2023 and a pilot\xE2\x80\xA6' where src.txt:2:33 has "
          "'\xE2\x80\xA6med in 2022 and a pilot\xE2\x80\xA6'");
}

TEST_CASE("quotes: a quote whose start differs is placed by its end") {
    const QuoteMatch m = find_quote(kText, "XYZ consortium was formed in 2022");
    REQUIRE_FALSE(m.found);
    CHECK(m.from_end);
    CHECK(m.at == 3);  // the 'Z', last character before the matching end
    const std::string msg = quote_mismatch_message(m, kText, "src.txt");
    CHECK(msg.rfind("quote differs from src.txt at character 3 (its last 30 characters match): quote has 'XYZ consortiu\xE2\x80\xA6'", 0) ==
          0);
    CHECK(msg.find("where src.txt:2:3 has '\xE2\x80\xA6"
                   "e article. The consortiu\xE2\x80\xA6'") != std::string::npos);  // 'e' of "The"
}

TEST_CASE("quotes: a quote of which nothing matches is not found") {
    const QuoteMatch m = find_quote(kText, "qqqq zzzz");
    REQUIRE_FALSE(m.found);
    CHECK(quote_mismatch_message(m, kText, "src.txt") == "quote not found in src.txt (no passage of it starts or ends like the quote)");
}

TEST_CASE("quotes: the character position counts code points of the quote as written") {
    // Two CJK characters (3 bytes each) and a double space before the difference.
    const std::string text = "\xE5\x8F\xB0\xE7\x81\xA3 semiconductor packaging";
    const QuoteMatch m = find_quote(text, "\xE5\x8F\xB0\xE7\x81\xA3  semiconductor packing");
    REQUIRE_FALSE(m.found);
    CHECK(m.at == 23);  // 2 + 2 spaces + "semiconductor " (14) + "pack" (4) + 1
}

TEST_CASE("quotes: source file names must be plain names") {
    CHECK(plain_file_name("000_08aab43c31a89dcb.txt"));
    CHECK_FALSE(plain_file_name("../secret.txt"));
    CHECK_FALSE(plain_file_name("a/b.txt"));
    CHECK_FALSE(plain_file_name("a\\b.txt"));
    CHECK_FALSE(plain_file_name(".hidden"));
    CHECK_FALSE(plain_file_name(""));
    CHECK_FALSE(plain_file_name(std::string(300, 'a')));
    CHECK_FALSE(plain_file_name("a\nb"));
}

TEST_CASE("quotes: a difference after a long matching start is placed by the start") {
    // A lost space: the end ("provide a pilot ...") matches for longer, but the quote first
    // differs right after "formed in 2022 and".
    const QuoteMatch m = find_quote(kText, "formed in 2022 anda pilot line will follow.");
    REQUIRE_FALSE(m.found);
    CHECK_FALSE(m.from_end);
    CHECK(m.at == 19);  // the 'a' that should have been a space
}

TEST_CASE("quotes: repeated patterns are matched exactly (one linear pass over the text)") {
    CHECK(find_quote("abababac", "ababac").found);  // the match starts inside an earlier partial one
    const QuoteMatch m = find_quote("xx abababac yy", "abababacz");
    REQUIRE_FALSE(m.found);
    CHECK(m.matched == 8);
    CHECK(m.at == 9);
    // A long run of one letter: the longest prefix, placed at its first occurrence.
    const std::string text = std::string(5000, 'a') + " end";
    const QuoteMatch r = find_quote(text, std::string(3000, 'a') + "b");
    REQUIRE_FALSE(r.found);
    CHECK(r.matched == 3000);
    CHECK(r.text_offset == 3000);
    // One prepared text, many quotes.
    const QuoteText qt(kText);
    CHECK(qt.find("pilot line will follow.").found);
    CHECK_FALSE(qt.find("pilot line will not follow.").found);
}
