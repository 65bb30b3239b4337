// Formatting of diagnostics and the JSON-text locator that maps a JSON pointer back to the
// line and column of its value (run only when there is an error to report).
#include "core/diagnostics.h"

#include <cstdlib>

namespace ca {

std::string Diagnostic::to_string() const {
    std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
    s += severity == Severity::Error ? "error: " : "warning: ";
    s += pointer.empty() ? std::string("(document)") : pointer;
    s += ": ";
    s += message;
    return s;
}

std::string format_diagnostics(const std::vector<Diagnostic>& d) {
    std::string s;
    for (auto& x : d) { s += x.to_string(); s += '\n'; }
    return s;
}

size_t count_errors(const std::vector<Diagnostic>& d) {
    size_t n = 0;
    for (auto& x : d) n += x.severity == Severity::Error;
    return n;
}

void line_col(std::string_view text, size_t offset, int& line, int& col) {
    line = 1;
    col = 1;
    if (offset > text.size()) offset = text.size();
    for (size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++line; col = 1; }
        else if ((c & 0xC0) != 0x80) ++col;  // count code points, not continuation bytes
    }
}

std::string pointer_escape(std::string_view key) {
    std::string s;
    for (char c : key) {
        if (c == '~') s += "~0";
        else if (c == '/') s += "~1";
        else s += c;
    }
    return s;
}

namespace {

struct Scanner {
    std::string_view t;
    size_t p = 0;
    void ws() {
        while (p < t.size() && (t[p] == ' ' || t[p] == '\n' || t[p] == '\r' || t[p] == '\t')) ++p;
    }
    // Reads a string at p (which is at '"'); returns its raw (still escaped) content.
    std::string_view str() {
        size_t b = ++p;
        while (p < t.size() && t[p] != '"') p += (t[p] == '\\') ? 2 : 1;
        std::string_view s = t.substr(b, (p < t.size() ? p : t.size()) - b);
        if (p < t.size()) ++p;
        return s;
    }
    void value() {
        ws();
        if (p >= t.size()) return;
        char c = t[p];
        if (c == '"') { str(); return; }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < t.size()) {
                char d = t[p];
                if (d == '"') { str(); continue; }
                if (d == '{' || d == '[') ++depth;
                else if (d == '}' || d == ']') { if (--depth == 0) { ++p; return; } }
                ++p;
            }
            return;
        }
        while (p < t.size() && t[p] != ',' && t[p] != '}' && t[p] != ']' && t[p] != ' ' && t[p] != '\n' &&
               t[p] != '\r' && t[p] != '\t')
            ++p;
    }
};

std::string unescape_token(std::string_view tok) {
    std::string s;
    for (size_t i = 0; i < tok.size(); ++i) {
        if (tok[i] == '~' && i + 1 < tok.size()) { s += tok[i + 1] == '1' ? '/' : '~'; ++i; }
        else s += tok[i];
    }
    return s;
}

}  // namespace

size_t locate_pointer(std::string_view json, std::string_view pointer) {
    Scanner sc{json};
    sc.ws();
    size_t best = sc.p;
    size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        size_t j = pointer.find('/', i + 1);
        if (j == std::string_view::npos) j = pointer.size();
        std::string tok = unescape_token(pointer.substr(i + 1, j - i - 1));
        i = j;
        sc.ws();
        if (sc.p >= json.size()) return best;
        if (json[sc.p] == '{') {
            ++sc.p;
            bool found = false;
            while (true) {
                sc.ws();
                if (sc.p >= json.size() || json[sc.p] != '"') return best;
                std::string_view key = sc.str();  // keys with escapes compare raw; fine for ids
                sc.ws();
                if (sc.p < json.size() && json[sc.p] == ':') ++sc.p;
                sc.ws();
                if (key == tok) { found = true; break; }
                sc.value();
                sc.ws();
                if (sc.p < json.size() && json[sc.p] == ',') { ++sc.p; continue; }
                return best;
            }
            if (!found) return best;
            best = sc.p;
        } else if (json[sc.p] == '[') {
            ++sc.p;
            char* end = nullptr;
            long idx = std::strtol(tok.c_str(), &end, 10);
            if (tok.empty() || *end) return best;
            for (long k = 0; k < idx; ++k) {
                sc.value();
                sc.ws();
                if (sc.p < json.size() && json[sc.p] == ',') ++sc.p;
                else return best;
            }
            sc.ws();
            if (sc.p >= json.size() || json[sc.p] == ']') return best;
            best = sc.p;
        } else {
            return best;
        }
    }
    return best;
}

}  // namespace ca
