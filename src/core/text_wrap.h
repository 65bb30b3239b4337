// Line breaking for wrapped text in the region's scripts: Dear ImGui's wrap breaks only at spaces
// and after Latin punctuation, so Chinese and Japanese broke at their odd Latin word or number.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace ca {

struct TextLine {
    size_t begin = 0, end = 0;  // a byte range of the text, without the spaces around it
};

// Breaks `text` into lines no wider than `width` (advance(c): the width of code point c): at
// spaces, as Dear ImGui does, and also between Han or kana characters and next to them, except
// before closing punctuation and after opening punctuation (、。」 never start a line, 「 never
// ends one). A piece wider than a line alone is cut where it must. '\n' ends a line.
std::vector<TextLine> wrap_lines(std::string_view text, float width, const std::function<float(char32_t)>& advance);

}  // namespace ca
