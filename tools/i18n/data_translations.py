#!/usr/bin/env python3
"""The bundled data's translations (the `translations` of each organisation, collaboration, fact
and event) for
the web site: the site's wasm embeds the data without them (--strip), and each language's
i18n/LANG.mo carries that language's (entries()), so a visit fetches only the language it shows.

    python3 tools/i18n/data_translations.py --strip data/collaborations.json OUT.json

--strip blanks the `translations` member of each organisation, collaboration, fact and event (and the comma
before it) with spaces, newlines kept: every other value stays on its line and column, so a
diagnostic about the embedded data names the same place in the committed file.
"""
import argparse
import glob
import json
import os
import sys

# The catalogue contexts of the data's entries (src/core/i18n.h): a collaboration's title,
# summary and note (msgid its id), a fact's label (msgid "COLLABORATION/INDEX", core/model.h fact_key), an
# event's title (msgid its id), an organisation's city and note and a group's descriptive name
# (msgid its id).
TITLE_CONTEXT = "data: collaboration title"
SUMMARY_CONTEXT = "data: collaboration summary"
COLLAB_NOTE_CONTEXT = "data: collaboration note"
FACT_LABEL_CONTEXT = "data: fact label"
EVENT_TITLE_CONTEXT = "data: event title"
ORG_CITY_CONTEXT = "data: organisation city"
ORG_NOTE_CONTEXT = "data: organisation note"
ORG_NAME_CONTEXT = "data: organisation name"


def _string_end(text, i):
    """The index just past the JSON string that opens at text[i] (a quote)."""
    i += 1
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        i += 1
    raise ValueError("unterminated string")


def _value_end(text, i):
    """The index just past the JSON value that starts at text[i] (whitespace skipped first)."""
    while text[i] in " \t\r\n":
        i += 1
    if text[i] == '"':
        return _string_end(text, i)
    if text[i] in "[{":
        depth = 0
        while True:
            c = text[i]
            if c == '"':
                i = _string_end(text, i)
                continue
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
    while i < len(text) and text[i] not in ",]} \t\r\n":
        i += 1
    return i


def _blank(text, start, end):
    """What text[start:end] becomes: its newlines, and spaces after the last one up to end (so
    that what follows on that line keeps its column); nothing at a line's end."""
    part = text[start:end]
    nl = part.rfind("\n")
    if nl < 0:
        return " " * len(part) if end < len(text) and text[end] not in "\r\n" else ""
    return "\n" * part.count("\n") + " " * (len(part) - nl - 1)


def _translated(stack):
    """Whether the object open at the top of `stack` (its containers, outermost first) is a
    organisation, a collaboration, a collaboration's fact or an event: the objects whose
    `translations` go."""
    if len(stack) < 3 or stack[-1][0] != "{":
        return False
    if len(stack) == 3:
        return stack[1] in (("[", "organisations"), ("[", "collaborations"), ("[", "events"))
    return len(stack) == 5 and stack[1] == ("[", "collaborations") and stack[3] == ("[", "facts")


def strip(text):
    """text with the `translations` member of each organisation, collaboration, fact and event (the
    top-level `organisations`, `collaborations` and `events` arrays' objects, the collaborations'
    `facts`) blanked (the same
    lines, every other value on its column); the JSON stays valid."""
    cuts = []  # (start, end) of each member blanked, in order
    # The containers open at i: ("{" or "[", the key it is the value of).
    stack = []
    key = None  # the last key read in the innermost object
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            end = _string_end(text, i)
            j = end
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            if stack and stack[-1][0] == "{" and j < len(text) and text[j] == ":":
                key = json.loads(text[i:end])
                if key == "translations" and _translated(stack):
                    vend = _value_end(text, j + 1)
                    # The comma before the key (or, when it is the first member, the one after).
                    k = i - 1
                    while text[k] in " \t\r\n":
                        k -= 1
                    if text[k] == ",":
                        cuts.append((k, vend))
                    else:
                        m = vend
                        while text[m] in " \t\r\n":
                            m += 1
                        cuts.append((i, m + 1 if text[m] == "," else vend))
                    i = vend
                    continue
            i = end
            continue
        if c in "[{":
            stack.append((c, key if stack and stack[-1][0] == "{" else None))
            key = None
        elif c in "]}":
            stack.pop()
        i += 1
    out, last = [], 0
    for start, end in cuts:
        out += [text[last:start], _blank(text, start, end)]
        last = end
    return "".join(out + [text[last:]])


def entries(data_dir):
    """{lang: [(context, msgid, text)]} for every translation in DIR/*.json, in the files' order;
    empty texts left out (the English shows for them)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        if os.path.basename(path) == "schema.json":
            continue
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if not isinstance(doc, dict):
            continue

        def add(item, msgid, fields):
            for t in item.get("translations", []):
                for ctx, field in fields:
                    if t.get(field):
                        out.setdefault(t["lang"], []).append((ctx, msgid, t[field]))

        for c in doc.get("collaborations", []):
            add(c, c["id"], ((TITLE_CONTEXT, "title"), (SUMMARY_CONTEXT, "summary"), (COLLAB_NOTE_CONTEXT, "note")))
            for i, f in enumerate(c.get("facts", [])):
                add(f, "%s/%d" % (c["id"], i), ((FACT_LABEL_CONTEXT, "label"),))
        for e in doc.get("events", []):
            add(e, e["id"], ((EVENT_TITLE_CONTEXT, "title"),))
        for o in doc.get("organisations", []):
            add(o, o["id"], ((ORG_CITY_CONTEXT, "city"), (ORG_NOTE_CONTEXT, "note"), (ORG_NAME_CONTEXT, "name")))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strip", nargs=2, metavar=("IN", "OUT"), required=True)
    a = ap.parse_args()
    with open(a.strip[0], encoding="utf-8") as f:
        text = f.read()
    out = strip(text)
    os.makedirs(os.path.dirname(os.path.abspath(a.strip[1])), exist_ok=True)
    with open(a.strip[1], "w", encoding="utf-8") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
