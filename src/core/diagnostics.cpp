// Formatting of diagnostics and the JSON-text locator that maps a JSON pointer back to the
// line and column of its value (run only when there is an error to report).
#include "core/diagnostics.h"

#include <algorithm>
#include <cstdlib>

namespace ca {

std::string Diagnostic::to_string() const {
    std::string s = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
    s += severity == Severity::Error ? "error: " : severity == Severity::Warning ? "warning: " : "note: ";
    if (!subject.empty())
        s += subject + " (" + (pointer.empty() ? std::string("(document)") : pointer) + ")";
    else
        s += pointer.empty() ? std::string("(document)") : pointer;
    s += ": ";
    s += message;
    return s;
}

std::string format_diagnostics(const std::vector<Diagnostic>& d) {
    std::string s;
    for (auto& x : d) {
        s += x.to_string();
        s += '\n';
    }
    return s;
}

size_t count_errors(const std::vector<Diagnostic>& d) {
    size_t n = 0;
    for (auto& x : d) n += x.severity == Severity::Error;
    return n;
}

size_t count_warnings(const std::vector<Diagnostic>& d) {
    size_t n = 0;
    for (auto& x : d) n += x.severity == Severity::Warning;
    return n;
}

namespace {

// Advances (line, col) over text[from, to).
void count_lines(std::string_view text, size_t from, size_t to, int& line, int& col) {
    for (size_t i = from; i < to; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((c & 0xC0) != 0x80)
            ++col;  // count code points, not continuation bytes
    }
}

}  // namespace

void line_col(std::string_view text, size_t offset, int& line, int& col) {
    line = 1;
    col = 1;
    count_lines(text, 0, std::min(offset, text.size()), line, col);
}

std::string pointer_escape(std::string_view key) {
    std::string s;
    for (char c : key) {
        if (c == '~')
            s += "~0";
        else if (c == '/')
            s += "~1";
        else
            s += c;
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
        if (c == '"') {
            str();
            return;
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < t.size()) {
                char d = t[p];
                if (d == '"') {
                    str();
                    continue;
                }
                if (d == '{' || d == '[')
                    ++depth;
                else if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++p;
                        return;
                    }
                }
                ++p;
            }
            return;
        }
        while (p < t.size() && t[p] != ',' && t[p] != '}' && t[p] != ']' && t[p] != ' ' && t[p] != '\n' && t[p] != '\r' && t[p] != '\t')
            ++p;
    }
};

std::string unescape_token(std::string_view tok) {
    std::string s;
    for (size_t i = 0; i < tok.size(); ++i) {
        if (tok[i] == '~' && i + 1 < tok.size()) {
            s += tok[i + 1] == '1' ? '/' : '~';
            ++i;
        } else
            s += tok[i];
    }
    return s;
}

}  // namespace

size_t locate_pointer(std::string_view json, std::string_view pointer) { return TextLocator(json).locate(pointer); }

size_t TextLocator::locate(std::string_view pointer) {
    const std::string_view json = text_;
    Scanner sc{json};
    sc.ws();
    size_t best = sc.p;
    size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        size_t j = pointer.find('/', i + 1);
        if (j == std::string_view::npos) j = pointer.size();
        const std::string_view parent = pointer.substr(0, i);
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
                if (key == tok) {
                    found = true;
                    break;
                }
                sc.value();
                sc.ws();
                if (sc.p < json.size() && json[sc.p] == ',') {
                    ++sc.p;
                    continue;
                }
                return best;
            }
            if (!found) return best;
            best = sc.p;
        } else if (json[sc.p] == '[') {
            ++sc.p;
            char* end = nullptr;
            long idx = std::strtol(tok.c_str(), &end, 10);
            if (tok.empty() || *end || idx < 0) return best;
            // Resume from the nearest checkpoint of this array (top-level arrays only: the long ones).
            std::vector<Mark>* marks = nullptr;
            if (parent.rfind('/') == 0) {
                auto a = std::find_if(arrays_.begin(), arrays_.end(), [&](const auto& e) { return e.first == parent; });
                if (a == arrays_.end()) a = arrays_.insert(arrays_.end(), {std::string(parent), {}});
                marks = &a->second;
            }
            long k = 0;
            sc.ws();
            if (marks && !marks->empty() && marks->front().index <= idx) {
                auto m = std::upper_bound(marks->begin(), marks->end(), idx, [](long v, const Mark& e) { return v < e.index; }) - 1;
                k = m->index;
                sc.p = m->offset;
            }
            for (;;) {
                if (marks && k % 256 == 0 && (marks->empty() || marks->back().index < k)) marks->push_back({k, sc.p});
                if (k == idx) break;
                sc.value();
                sc.ws();
                if (sc.p < json.size() && json[sc.p] == ',')
                    ++sc.p;
                else
                    return best;
                sc.ws();
                ++k;
            }
            if (sc.p >= json.size() || json[sc.p] == ']') return best;
            best = sc.p;
        } else {
            return best;
        }
    }
    return best;
}

void TextLocator::line_col(size_t offset, int& line, int& col) {
    offset = std::min(offset, text_.size());
    auto m = std::upper_bound(lines_.begin(), lines_.end(), offset, [](size_t v, const LineMark& e) { return v < e.offset; }) - 1;
    LineMark at = *m;
    // Count forward, leaving a checkpoint every 64 KiB past the last one.
    constexpr size_t kStep = 64 * 1024;
    while (at.offset + kStep <= offset && m + 1 == lines_.end()) {
        count_lines(text_, at.offset, at.offset + kStep, at.line, at.col);
        at.offset += kStep;
        lines_.push_back(at);
        m = lines_.end() - 1;
    }
    count_lines(text_, at.offset, offset, at.line, at.col);
    line = at.line;
    col = at.col;
}

}  // namespace ca
