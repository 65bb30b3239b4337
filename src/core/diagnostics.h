// Diagnostics with file, line, column and JSON pointer, formatted compiler-style:
// "FILE:LINE:COL: error: /organisations/3/name: must not be empty".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ca {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;
    int line = 0, col = 0;  // 1-based; col counts UTF-8 code points
    std::string pointer;    // RFC 6901 JSON pointer; "" is the whole document
    std::string message;
    Severity severity = Severity::Error;
    std::string to_string() const;
};

std::string format_diagnostics(const std::vector<Diagnostic>& d);
size_t count_errors(const std::vector<Diagnostic>& d);

// Line and column (1-based, columns in code points) of a byte offset in text.
void line_col(std::string_view text, size_t offset, int& line, int& col);

// Byte offset in a syntactically valid JSON text of the value a pointer designates, or of the
// deepest existing ancestor when part of the path is missing.
size_t locate_pointer(std::string_view json, std::string_view pointer);

// Escapes a key or index for use in a JSON pointer.
std::string pointer_escape(std::string_view key);

}  // namespace ca
