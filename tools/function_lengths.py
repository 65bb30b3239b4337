#!/usr/bin/env python3
# Lists C++ function definitions longer than a limit (lines from the signature to the closing
# brace), longest first. A brace-matching scan, not a parser: comments, strings and character
# literals are skipped; a brace opened outside any function body after a ')' (maybe followed by
# const, noexcept, override, a trailing return type or a constructor's initialiser list) starts a
# function; namespaces, classes, enums and initialisers do not.
# Usage: function_lengths.py [--max N] [--top K] FILES_OR_DIRS...   (exit 1 if any is over N)
import argparse, os, re, sys


def strip(src):
    """The source with comments, strings and char literals blanked (newlines kept)."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j
        elif c == 'R' and src.startswith('R"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == '_')):
            k = src.find("(", i)
            delim = src[i + 2:k]
            j = src.find(")" + delim + '"', k)
            j = n if j < 0 else j + len(delim) + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j
        elif c in "\"'":
            if c == "'" and i > 0 and src[i - 1].isalnum() and i + 1 < n and src[i + 1].isalnum():
                out.append(c); i += 1; continue  # digit separator 1'000
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(c + " " * (j - i - 1) + c); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


def functions(path):
    s = strip(open(path, encoding="utf-8").read())
    res, stack, start = [], [], 0  # stack of (kind, line of signature); start: offset of the statement
    for i, c in enumerate(s):
        if c in ";":
            if not any(k == "fn" for k, _ in stack): start = i + 1
        elif c == "{":
            in_fn = any(k == "fn" for k, _ in stack)
            head = s[start:i]
            kind = "block"
            if not in_fn:
                h = re.sub(r"\s+", " ", head).strip()
                if re.search(r"\b(namespace|class|struct|union|enum)\b[^()]*$", h) or h.endswith("=") or h.startswith("extern"):
                    kind = "scope"
                elif ")" in h:
                    kind = "fn"
            if kind == "fn":
                first = len(head) - len(head.lstrip())
                line = s.count("\n", 0, start + first) + 1
                name = re.findall(r"([~\w:]+(?:operator\s*\S+)?)\s*\(", head)
                stack.append(("fn", (line, name[0] if name else "?")))
            else:
                stack.append((kind, None))
            if not any(k == "fn" for k, _ in stack): start = i + 1
        elif c == "}":
            if not stack: continue
            kind, info = stack.pop()
            if kind == "fn":
                end = s.count("\n", 0, i) + 1
                res.append((end - info[0] + 1, path, info[0], info[1]))
            if not any(k == "fn" for k, _ in stack): start = i + 1
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=120)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        if os.path.isdir(p):
            for d, _, fs in os.walk(p):
                files += [os.path.join(d, f) for f in fs if f.endswith((".cpp", ".h", ".hpp", ".cc"))]
        else:
            files.append(p)
    fns = sorted((f for p in sorted(files) for f in functions(p)), reverse=True)
    for n, path, line, name in fns[:a.top]:
        print("%5d  %s:%d  %s%s" % (n, path, line, name, "   OVER %d" % a.max if n > a.max else ""))
    over = [f for f in fns if f[0] > a.max]
    print("%d functions, %d longer than %d lines" % (len(fns), len(over), a.max))
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
