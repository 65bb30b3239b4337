// Diagnostics with file, line, column, the element's id and JSON pointer, formatted compiler-style:
// "FILE:LINE:COL: error: organisation \"astri\" (/organisations/3/name): must not be empty".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ca {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    std::string file;
    int line = 0, col = 0;  // 1-based; col counts UTF-8 code points
    std::string pointer;    // RFC 6901 JSON pointer; "" is the whole document
    std::string subject;    // the element it concerns, by id (organisation "astri"), or ""
    std::string message;
    Severity severity = Severity::Error;
    std::string to_string() const;
};

std::string format_diagnostics(const std::vector<Diagnostic>& d);
size_t count_errors(const std::vector<Diagnostic>& d);
size_t count_warnings(const std::vector<Diagnostic>& d);

// Line and column (1-based, columns in code points) of a byte offset in text.
void line_col(std::string_view text, size_t offset, int& line, int& col);

// Byte offset in a syntactically valid JSON text of the value a pointer designates, or of the
// deepest existing ancestor when part of the path is missing.
size_t locate_pointer(std::string_view json, std::string_view pointer);

// locate_pointer and line_col for many diagnostics in one text, in time proportional to the
// text rather than to text × diagnostics: it keeps checkpoints (every 256th element of each
// top-level array, and every 64 KiB of line counting) and resumes from the nearest one.
class TextLocator {
public:
    explicit TextLocator(std::string_view text) : text_(text) {}
    size_t locate(std::string_view pointer);
    void line_col(size_t offset, int& line, int& col);

private:
    struct Mark {
        long index;
        size_t offset;
    };  // element index -> its offset
    struct LineMark {
        size_t offset;
        int line, col;
    };  // offset -> line and column there
    std::string_view text_;
    std::vector<std::pair<std::string, std::vector<Mark>>> arrays_;  // per top-level array, by index
    std::vector<LineMark> lines_{{0, 1, 1}};                         // by offset
};

// Escapes a key or index for use in a JSON pointer.
std::string pointer_escape(std::string_view key);

}  // namespace ca
