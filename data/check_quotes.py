#!/usr/bin/env python3
"""Check the chipatlas dataset in data/ against its source texts.

Usage: python3 data/check_quotes.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/sources relative to the repository root (the parent of this
script's folder), i.e. /work/shared/sources in the usual checkout.

Checks (errors make the exit status 1):
  * every data/*.json file (except schema.json) parses and holds only the known top-level keys;
  * every source `file` exists in SOURCE_DIR;
  * every collaboration evidence quote, fact quote and event quote is a substring of the file of
    the source it names, after collapsing whitespace runs to single spaces (exact matches are
    counted separately; a quote that only matches after collapsing is reported as a note);
  * ids are unique and well-formed, and every reference (source, org, collaboration, parent)
    resolves; parents have no cycles;
  * dates have the form YYYY, YYYY-MM or YYYY-MM-DD, and `end` is not before `start`.
If the `jsonschema` package is importable, each file is also validated against data/schema.json
(skipped with a note otherwise; nothing is installed).
Standard library only.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ARRAYS = ("sources", "organisations", "collaborations", "events")
TOP_KEYS = set(ARRAYS) | {"$schema", "version"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def date_key(s):
    """(first day, last day) of a date string as comparable tuples, or None if malformed."""
    m = DATE_RE.match(s or "")
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None:
        mdays = [31, 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if not 1 <= d <= mdays[mo - 1]:
            return None
    lo = (y, mo or 1, d or 1)
    hi = (y, mo or 12, d or 31)
    return lo, hi


def main():
    src_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "sources")
    src_dir = os.path.normpath(src_dir)
    errors, notes = [], []

    def err(msg):
        errors.append(msg)

    # ---- load
    files = sorted(f for f in glob.glob(os.path.join(HERE, "*.json")) if os.path.basename(f) != "schema.json")
    data = {k: [] for k in ARRAYS}
    docs = {}
    for path in files:
        name = os.path.basename(path)
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            err(f"{name}: cannot parse: {e}")
            continue
        if not isinstance(doc, dict):
            err(f"{name}: top level is not an object")
            continue
        docs[name] = doc
        for k in doc:
            if k not in TOP_KEYS:
                err(f"{name}: unknown top-level key {k!r}")
        for k in ARRAYS:
            if k in doc:
                if not isinstance(doc[k], list):
                    err(f"{name}: {k} is not an array")
                    continue
                for item in doc[k]:
                    data[k].append((name, item))

    # ---- optional JSON Schema validation
    schema_path = os.path.join(HERE, "schema.json")
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        jsonschema = None
        notes.append("jsonschema not importable: schema validation skipped")
    if jsonschema is not None:
        try:
            with open(schema_path, encoding="utf-8") as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = cls(schema)
            for name, doc in docs.items():
                for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                    ptr = "/" + "/".join(str(p) for p in e.absolute_path)
                    err(f"{name}: schema: {ptr}: {e.message[:300]}")
        except Exception as e:  # a broken schema is an error, not a crash
            err(f"schema.json: {e}")

    # ---- ids
    ids = {}
    for k in ARRAYS:
        seen = {}
        for name, item in data[k]:
            if not isinstance(item, dict):
                err(f"{name}: {k}: item is not an object")
                continue
            i = item.get("id")
            if not isinstance(i, str) or not ID_RE.match(i):
                err(f"{name}: {k}: bad id {i!r}")
                continue
            if i in seen:
                err(f"{name}: {k}: duplicate id {i!r} (also in {seen[i]})")
            seen[i] = name
        ids[k] = {item["id"]: item for _, item in data[k] if isinstance(item, dict) and isinstance(item.get("id"), str)}

    # ---- sources and their texts
    texts = {}
    if not os.path.isdir(src_dir):
        err(f"source directory not found: {src_dir}")
    for name, s in data["sources"]:
        f = s.get("file")
        p = os.path.join(src_dir, f) if isinstance(f, str) else None
        if not p or not os.path.isfile(p):
            err(f"{name}: source {s.get('id')!r}: file not found: {f!r} in {src_dir}")
            continue
        with open(p, encoding="utf-8") as fh:
            raw = fh.read()
        texts[s["id"]] = (raw, norm(raw))
        if "published" in s and date_key(s["published"]) is None:
            err(f"{name}: source {s['id']}: bad date {s['published']!r}")

    # ---- quotes
    n_quotes = n_exact = n_normalised = n_failed = 0
    per_source = {}
    unreadable = set()

    def check_quote(where, src, quote):
        nonlocal n_quotes, n_exact, n_normalised, n_failed
        n_quotes += 1
        if src not in ids["sources"]:
            n_failed += 1
            err(f"{where}: unknown source {src!r}")
            return
        if src not in texts:
            n_failed += 1
            if src not in unreadable:
                unreadable.add(src)
                err(f"source {src!r} has no readable file: its quotes cannot be checked")
            return
        if not isinstance(quote, str) or not quote.strip():
            n_failed += 1
            err(f"{where}: empty quote")
            return
        raw, normed = texts[src]
        per_source[src] = per_source.get(src, 0) + 1
        if quote in raw:
            n_exact += 1
        elif norm(quote) in normed:
            n_normalised += 1
            notes.append(f"{where}: quote matches only after collapsing whitespace: {quote[:60]!r}")
        else:
            n_failed += 1
            err(f"{where}: quote not found in {ids['sources'][src].get('file')}: {quote[:100]!r}")

    # ---- organisations
    for name, o in data["organisations"]:
        oid = o.get("id")
        for s in o.get("sources", []):
            if s not in ids["sources"]:
                err(f"{name}: organisation {oid}: unknown source {s!r}")
        if o.get("parent") and o["parent"] not in ids["organisations"]:
            err(f"{name}: organisation {oid}: unknown parent {o['parent']!r}")
        for f in o.get("inferred", []):
            if f not in o:
                err(f"{name}: organisation {oid}: inferred field {f!r} is not set")

    # ---- collaborations
    n_facts = 0
    for name, c in data["collaborations"]:
        cid = c.get("id")
        where = f"{name}: collaboration {cid}"
        for p in c.get("participants", []):
            if p.get("org") not in ids["organisations"]:
                err(f"{where}: unknown participant org {p.get('org')!r}")
        start, end = date_key(c.get("start")), None
        if start is None:
            err(f"{where}: bad start {c.get('start')!r}")
        if "end" in c:
            end = date_key(c["end"])
            if end is None:
                err(f"{where}: bad end {c['end']!r}")
            elif start and end[1] < start[0]:
                err(f"{where}: end {c['end']} before start {c['start']}")
        if c.get("parent") and c["parent"] not in ids["collaborations"]:
            err(f"{where}: unknown parent {c['parent']!r}")
        for i, e in enumerate(c.get("evidence", [])):
            check_quote(f"{where} evidence[{i}]", e.get("source"), e.get("quote"))
        for i, f in enumerate(c.get("facts", [])):
            n_facts += 1
            check_quote(f"{where} facts[{i}]", f.get("source"), f.get("quote"))
        for f in c.get("inferred", []):
            if f not in c:
                err(f"{where}: inferred field {f!r} is not set")
    # parent cycles
    for kind in ("organisations", "collaborations"):
        for i, item in ids[kind].items():
            seen, cur = set(), item
            while cur is not None and cur.get("parent"):
                if cur["id"] in seen:
                    err(f"{kind}: parent cycle through {i!r}")
                    break
                seen.add(cur["id"])
                cur = ids[kind].get(cur["parent"])

    # ---- events
    for name, e in data["events"]:
        where = f"{name}: event {e.get('id')}"
        if e.get("collaboration") not in ids["collaborations"]:
            err(f"{where}: unknown collaboration {e.get('collaboration')!r}")
        if date_key(e.get("date")) is None:
            err(f"{where}: bad date {e.get('date')!r}")
        check_quote(where, e.get("source"), e.get("quote"))
        for f in e.get("inferred", []):
            if f not in e:
                err(f"{where}: inferred field {f!r} is not set")

    # ---- report
    print(f"source dir: {src_dir}")
    print(f"files: {', '.join(os.path.basename(f) for f in files)}")
    print(f"sources {len(data['sources'])}, organisations {len(data['organisations'])}, "
          f"collaborations {len(data['collaborations'])}, events {len(data['events'])}, facts {n_facts}")
    print(f"quotes checked: {n_quotes}: {n_exact} exact, {n_normalised} only after whitespace normalisation, "
          f"{n_failed} not verified")
    for s, n in sorted(per_source.items()):
        print(f"  {s}: {n} quotes")
    for n in notes:
        print(f"note: {n}")
    for e in errors:
        print(f"error: {e}")
    print("FAILED" if errors else "OK", f"({len(errors)} errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
