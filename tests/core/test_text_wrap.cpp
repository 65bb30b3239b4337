// Line breaking for the region's scripts (core/text_wrap.h): Chinese and Japanese break between
// their characters, never before closing or after opening punctuation; Latin text at spaces.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text_wrap.h"

namespace {

// Every character 1 wide (a space too): widths are character counts.
std::vector<std::string> wrap(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const ca::TextLine& l : ca::wrap_lines(text, width, [](char32_t) { return 1.0f; }))
        out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
using V = std::vector<std::string>;

}  // namespace

TEST_CASE("text wrap: Latin text breaks at spaces, a word too long for a line is cut") {
    CHECK(wrap("the tropical fish", 9) == V{"the", "tropical", "fish"});
    CHECK(wrap("the tropical fish", 12) == V{"the tropical", "fish"});
    CHECK(wrap("abcdefghij", 4) == V{"abcd", "efgh", "ij"});
    CHECK(wrap("one\ntwo three", 20) == V{"one", "two three"});
    CHECK(wrap("", 5) == V{""});
    CHECK(wrap("   spaced   out  ", 6) == V{"spaced", "out"});
}

TEST_CASE("text wrap: Chinese and Japanese break between characters, filling each line") {
    // Before: Dear ImGui broke only at the spaces around "4", leaving short lines.
    CHECK(wrap("すべての事実は 4 件の公開文書に基づいています", 8) == V{"すべての事実は", "4 件の公開文書", "に基づいています"});
    CHECK(wrap("chipatlas は香港と粤港澳大湾区", 12) == V{"chipatlas は香", "港と粤港澳大湾区"});  // not "chipatlas" alone
    CHECK(wrap("韓國產業通商資源部", 4) == V{"韓國產業", "通商資源", "部"});
}

TEST_CASE("text wrap: kinsoku: no stop or closing bracket starts a line, no opening bracket ends one") {
    // 。 would start the second line: the line before gives up its last character.
    CHECK(wrap("あいうえ。かき", 4) == V{"あいう", "え。かき"});
    CHECK(wrap("あいう「えお」", 4) == V{"あいう", "「えお」"});
    CHECK(wrap("技術、人材。", 2) == V{"技", "術、", "人", "材。"});
    CHECK(wrap("ツアーを見る", 2) == V{"ツ", "アー", "を見", "る"});
}

TEST_CASE("text wrap: Korean (spaces between words) and mixed texts keep to the width") {
    CHECK(wrap("스토리 종료 버튼", 6) == V{"스토리 종료", "버튼"});
    for (const std::string t : {"先進半導體封裝技術公私合作備忘錄（MOU）由韓國產業通商資源部主持。",
                                "Joo Young-joon 主持合作備忘錄簽署儀式，三星電子、SK 海力士"}) {
        for (float w : {3.0f, 5.0f, 8.0f, 13.0f}) {
            size_t total = 0;
            for (const ca::TextLine& l : ca::wrap_lines(t, w, [](char32_t) { return 1.0f; })) {
                size_t chars = 0;
                for (size_t i = l.begin; i < l.end; ++i) chars += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
                CHECK(chars <= static_cast<size_t>(w) + 1);  // at most one closing mark past the width, never more
                total += l.end - l.begin;
            }
            CHECK(total <= t.size());
        }
    }
}
