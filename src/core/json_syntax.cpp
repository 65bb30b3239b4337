// The error path's reader: nlohmann_json 3.11's lexer and strict SAX parser, step for step (what
// each reads, its "last read" text and its byte count), so the messages users see stay the same.
#include "core/json_syntax.h"

#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

namespace ca {

namespace {

enum class Tok {
    Uninitialized,
    True,
    False,
    Null,
    String,
    Number,
    BeginArray,
    BeginObject,
    EndArray,
    EndObject,
    NameSep,
    ValueSep,
    Error,
    End,
    LiteralOrValue
};

const char* token_name(Tok t) {
    switch (t) {
        case Tok::True:
            return "true literal";
        case Tok::False:
            return "false literal";
        case Tok::Null:
            return "null literal";
        case Tok::String:
            return "string literal";
        case Tok::Number:
            return "number literal";
        case Tok::BeginArray:
            return "'['";
        case Tok::BeginObject:
            return "'{'";
        case Tok::EndArray:
            return "']'";
        case Tok::EndObject:
            return "'}'";
        case Tok::NameSep:
            return "':'";
        case Tok::ValueSep:
            return "','";
        case Tok::Error:
            return "<parse error>";
        case Tok::End:
            return "end of input";
        case Tok::LiteralOrValue:
            return "'[', '{', or a literal";
        default:
            return "<uninitialized>";
    }
}

constexpr char kHexUpper[] = "0123456789ABCDEF";

// "invalid string: control character U+000A (LF) must be escaped to \u000A or \n".
std::string control_message(int c) {
    static constexpr const char* kNames[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT",  "LF",
                                               "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                               "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    const std::string hex = std::string("00") + kHexUpper[c >> 4] + kHexUpper[c & 15];
    std::string m = "invalid string: control character U+" + hex + " (" + kNames[c] + ") must be escaped to \\u" + hex;
    const char* shorter = c == 8 ? "b" : c == 9 ? "t" : c == 10 ? "n" : c == 12 ? "f" : c == 13 ? "r" : nullptr;
    if (shorter) m += std::string(" or \\") + shorter;
    return m;
}

// nlohmann::detail::lexer over a string: the same reads, ungets and token text.
class Lexer {
public:
    explicit Lexer(std::string_view t) : t_(t) {}

    Tok scan() {
        if (total_ == 0 && !skip_bom()) {
            error_ = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
            return Tok::Error;
        }
        do get();
        while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
        switch (current_) {
            case '[':
                return Tok::BeginArray;
            case ']':
                return Tok::EndArray;
            case '{':
                return Tok::BeginObject;
            case '}':
                return Tok::EndObject;
            case ':':
                return Tok::NameSep;
            case ',':
                return Tok::ValueSep;
            case 't':
                return literal("true", Tok::True);
            case 'f':
                return literal("false", Tok::False);
            case 'n':
                return literal("null", Tok::Null);
            case '"':
                return string();
            case 0:
            case kEof:
                return Tok::End;
            default:
                if (current_ == '-' || (current_ >= '0' && current_ <= '9')) return number();
                error_ = "invalid literal";
                return Tok::Error;
        }
    }

    size_t position() const { return total_; }  // bytes read, the end of input counted as one
    const std::string& error() const { return error_; }
    bool overflow() const { return overflow_; }
    // Where the input ends for the parser: at a NUL byte or the text's end.
    size_t end() const { return current_ == 0 && next_ > 0 ? next_ - 1 : t_.size(); }
    size_t bom() const { return bom_; }

    // The token's text as nlohmann quotes it ("last read"), control characters as <U+XXXX>.
    std::string token_string() const {
        std::string r;
        for (char ch : tok_) {
            const auto c = static_cast<unsigned char>(ch);
            if (c <= 0x1F)
                r += std::string("<U+00") + kHexUpper[c >> 4] + kHexUpper[c & 15] + ">";
            else
                r += ch;
        }
        return r;
    }

private:
    static constexpr int kEof = -1;

    int get() {
        ++total_;
        if (unget_)
            unget_ = false;
        else
            current_ = next_ < t_.size() ? static_cast<unsigned char>(t_[next_++]) : kEof;
        if (current_ != kEof) tok_ += static_cast<char>(current_);
        return current_;
    }
    void unget() {
        unget_ = true;
        --total_;
        if (current_ != kEof) tok_.pop_back();
    }
    void reset() { tok_.assign(1, static_cast<char>(current_)); }

    bool skip_bom() {
        if (get() == 0xEF) {
            const bool ok = get() == 0xBB && get() == 0xBF;
            bom_ = ok ? 3 : 0;
            return ok;
        }
        unget();
        return true;
    }

    bool bad(const char* message) {
        error_ = message;
        return false;
    }
    Tok bad_token(const char* message) {
        error_ = message;
        return Tok::Error;
    }

    Tok literal(const char* word, Tok t) {
        for (const char* p = word + 1; *p; ++p)
            if (get() != *p) {
                error_ = "invalid literal";
                return Tok::Error;
            }
        return t;
    }

    // Reads bytes whose values lie in the given ranges (pairs of bounds), one byte a range.
    bool in_ranges(std::initializer_list<int> ranges) {
        for (auto r = ranges.begin(); r != ranges.end(); r += 2)
            if (get() < r[0] || current_ > r[1]) {
                error_ = "invalid string: ill-formed UTF-8 byte";
                return false;
            }
        return true;
    }

    int codepoint() {
        int cp = 0;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int c = get();
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return -1;
            cp += d << shift;
        }
        return cp;
    }

    bool escape() {
        switch (get()) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                return true;
            case 'u':
                break;
            default:
                error_ = "invalid string: forbidden character after backslash";
                return false;
        }
        const char* const kHex4 = "invalid string: '\\u' must be followed by 4 hex digits";
        const char* const kHigh = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
        const int cp1 = codepoint();
        if (cp1 < 0) return bad(kHex4);
        if (cp1 >= 0xDC00 && cp1 <= 0xDFFF) return bad("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
        if (cp1 < 0xD800 || cp1 > 0xDBFF) return true;
        if (get() != '\\' || get() != 'u') return bad(kHigh);
        const int cp2 = codepoint();
        if (cp2 < 0) return bad(kHex4);
        return cp2 >= 0xDC00 && cp2 <= 0xDFFF ? true : bad(kHigh);
    }

    Tok string() {
        reset();
        for (;;) {
            const int c = get();
            bool ok = true;
            if (c == kEof) {
                error_ = "invalid string: missing closing quote";
                return Tok::Error;
            } else if (c == '"') {
                return Tok::String;
            } else if (c == '\\') {
                ok = escape();
            } else if (c < 0x20) {
                error_ = control_message(c);
                ok = false;
            } else if (c < 0x80) {
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                ok = in_ranges({0x80, 0xBF});
            } else if (c == 0xE0) {
                ok = in_ranges({0xA0, 0xBF, 0x80, 0xBF});
            } else if (c == 0xED) {
                ok = in_ranges({0x80, 0x9F, 0x80, 0xBF});
            } else if (c >= 0xE1 && c <= 0xEF) {
                ok = in_ranges({0x80, 0xBF, 0x80, 0xBF});
            } else if (c == 0xF0) {
                ok = in_ranges({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
            } else if (c >= 0xF1 && c <= 0xF3) {
                ok = in_ranges({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
            } else if (c == 0xF4) {
                ok = in_ranges({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
            } else {
                error_ = "invalid string: ill-formed UTF-8 byte";
                ok = false;
            }
            if (!ok) return Tok::Error;
        }
    }

    static bool digit(int c) { return c >= '0' && c <= '9'; }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, then whether it overflows a double.
    Tok number() {
        reset();
        std::string buf(1, static_cast<char>(current_));
        auto take = [&] { buf += static_cast<char>(current_); };
        int c = current_;
        if (c == '-') {
            c = get();
            if (!digit(c)) return bad_token("invalid number; expected digit after '-'");
            take();
        }
        if (c != '0')
            while (digit(get())) take();
        else
            get();
        if (current_ == '.') {
            take();
            if (!digit(get())) return bad_token("invalid number; expected digit after '.'");
            take();
            while (digit(get())) take();
        }
        if (current_ == 'e' || current_ == 'E') {
            take();
            if (get() == '+' || current_ == '-') {
                take();
                if (!digit(get())) return bad_token("invalid number; expected digit after exponent sign");
            } else if (!digit(current_)) {
                return bad_token("invalid number; expected '+', '-', or digit after exponent");
            }
            take();
            while (digit(get())) take();
        }
        unget();
        overflow_ = !std::isfinite(std::strtod(buf.c_str(), nullptr));
        return Tok::Number;
    }

    std::string_view t_;
    size_t next_ = 0, total_ = 0, bom_ = 0;
    int current_ = kEof;
    bool unget_ = false, overflow_ = false;
    std::string tok_, error_;
};

// nlohmann::detail::parser::sax_parse (strict), with JsonDoc's depth limit where its handler
// refused to open a container.
class Parser {
public:
    Parser(std::string_view text, int max_depth, JsonError& err) : lx_(text), max_depth_(max_depth), err_(err) {}

    bool run() {
        next();
        if (!values()) return false;
        if (next() != Tok::End) return fail(Tok::End, "value");
        return true;
    }
    const Lexer& lexer() const { return lx_; }

private:
    Tok next() { return last_ = lx_.scan(); }

    bool fail(Tok expected, const char* context) {
        std::string m = std::string("syntax error while parsing ") + context + " - ";
        if (last_ == Tok::Error)
            m += lx_.error() + "; last read: '" + lx_.token_string() + "'";
        else
            m += std::string("unexpected ") + token_name(last_);
        if (expected != Tok::Uninitialized) m += std::string("; expected ") + token_name(expected);
        return stop(m);
    }
    bool stop(std::string message) {
        err_ = JsonError{};
        err_.message = std::move(message);
        err_.offset = lx_.position() > 0 ? lx_.position() - 1 : 0;
        return false;
    }
    bool open() {
        if (depth_ >= max_depth_) {
            err_ = JsonError{};
            err_.too_deep = true;
            return false;
        }
        ++depth_;
        return true;
    }

    // The value whose first token was read last, nested containers without recursion.
    bool values() {
        std::vector<bool> in_array;  // the open containers: true for an array
        bool closed = false;         // a container just closed: go on in its parent
        for (;;) {
            if (!closed) {
                switch (last_) {
                    case Tok::BeginObject:
                        if (!open()) return false;
                        if (next() == Tok::EndObject) {
                            --depth_;
                            break;
                        }
                        if (!key(false)) return false;
                        in_array.push_back(false);
                        continue;
                    case Tok::BeginArray:
                        if (!open()) return false;
                        if (next() == Tok::EndArray) {
                            --depth_;
                            break;
                        }
                        in_array.push_back(true);
                        continue;
                    case Tok::Number:
                        if (lx_.overflow()) return stop("number overflow parsing '" + lx_.token_string() + "'");
                        break;
                    case Tok::True:
                    case Tok::False:
                    case Tok::Null:
                    case Tok::String:
                        break;
                    case Tok::Error:
                        return fail(Tok::Uninitialized, "value");
                    default:
                        return fail(Tok::LiteralOrValue, "value");
                }
            }
            closed = false;
            if (in_array.empty()) return true;
            const bool array = in_array.back();
            if (next() == Tok::ValueSep) {
                if (array)
                    next();
                else if (!key(true))
                    return false;
                continue;
            }
            if (last_ != (array ? Tok::EndArray : Tok::EndObject))
                return fail(array ? Tok::EndArray : Tok::EndObject, array ? "array" : "object");
            --depth_;
            in_array.pop_back();
            closed = true;
        }
    }

    // An object's key (the last token, or the next one when after a ','), its ':' and the token after.
    bool key(bool read) {
        if ((read ? next() : last_) != Tok::String) return fail(Tok::String, "object key");
        if (next() != Tok::NameSep) return fail(Tok::NameSep, "object separator");
        next();
        return true;
    }

    Lexer lx_;
    int max_depth_, depth_ = 0;
    JsonError& err_;
    Tok last_ = Tok::Uninitialized;
};

}  // namespace

bool json_syntax_check(std::string_view text, int max_depth, JsonError& err, size_t& begin, size_t& end) {
    Parser p(text, max_depth, err);
    if (!p.run()) return false;
    begin = p.lexer().bom();
    end = p.lexer().end();
    return true;
}

}  // namespace ca
