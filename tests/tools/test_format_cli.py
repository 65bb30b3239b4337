#!/usr/bin/env python3
"""chipatlas --format [--check] FILE... on temporary copies of the committed data: it is already
canonical, minified and re-ordered copies come back to the committed bytes, a second run changes
nothing, adding one collaboration changes only that object in the diff, and invalid JSON is a
FILE:LINE:COL error.

Usage: test_format_cli.py CHIPATLAS_BINARY [unittest options]
"""
import difflib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(REPO, "data")
NAMES = ["organisations.json", "collaborations.json", "events.json", "sources.json"]
BIN = None


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def shuffled(v, rnd):
    if isinstance(v, dict):
        items = list(v.items())
        rnd.shuffle(items)
        return {k: shuffled(x, rnd) for k, x in items}
    if isinstance(v, list):
        return [shuffled(x, rnd) for x in v]
    return v


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


class Format(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="chipatlas_format_")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def copy(self, name):
        dst = os.path.join(self.tmp, name)
        shutil.copyfile(os.path.join(DATA, name), dst)
        return dst

    def test_committed_data_is_canonical(self):
        paths = [self.copy(n) for n in NAMES + ["schema.json"]]
        code, out, err = run("--format", "--check", *paths)
        self.assertEqual(code, 0, out + err)
        code, out, err = run("--format", *paths)
        self.assertEqual(code, 0, err)
        for n in NAMES + ["schema.json"]:
            self.assertEqual(read(os.path.join(self.tmp, n)), read(os.path.join(DATA, n)), n)

    def test_minified_and_reordered_copies_come_back(self):
        rnd = random.Random(16)
        for n in NAMES:
            committed = read(os.path.join(DATA, n))
            value = json.loads(committed)
            for kind, text in (("min", json.dumps(value, ensure_ascii=False, separators=(",", ":"))),
                               ("shuffled", json.dumps(shuffled(value, rnd), ensure_ascii=True, indent=3))):
                path = os.path.join(self.tmp, kind + "_" + n)
                write(path, text)
                code, out, _ = run("--format", "--check", path)
                self.assertEqual(code, 1)
                self.assertIn(path + ": not in the canonical format", out)
                code, _, err = run("--format", path)
                self.assertEqual(code, 0, err)
                self.assertEqual(read(path), committed, kind + " " + n)
                code, out, _ = run("--format", "--check", path)  # idempotent: nothing left to change
                self.assertEqual(code, 0, out)

    def test_adding_one_collaboration_changes_only_that_object(self):
        path = self.copy("collaborations.json")
        before = read(path)
        value = json.loads(before)
        new = {"summary": "One sentence.", "id": "new_mou", "kind": "mou", "title": "A new MoU", "start": "2024-05-02",
               "participants": [{"role": "signatory", "org": "tsmc"}, {"role": "signatory", "org": "astri"}],
               "evidence": [{"quote": "Some quote.", "source": "hk_astri_polyu"}]}
        value["collaborations"].insert(3, new)
        write(path, json.dumps(value, ensure_ascii=False))
        code, _, err = run("--format", path)
        self.assertEqual(code, 0, err)
        after = read(path)
        diff = [l for l in difflib.ndiff(before.splitlines(), after.splitlines()) if l[:2] in ("- ", "+ ")]
        self.assertFalse([l for l in diff if l.startswith("- ")], "no line removed")
        # The new object is one block of lines; without it the file is the committed one.
        lines = after.splitlines(keepends=True)
        start = lines.index('      "id": "new_mou",\n') - 1
        end = lines.index("    },\n", start)
        self.assertEqual(lines[start], "    {\n")
        self.assertEqual(json.loads("".join(lines[start:end]) + "}"), new)
        self.assertEqual("".join(lines[:start] + lines[end + 1:]), before)
        self.assertEqual(len([l for l in diff if l.startswith("+ ")]), end + 1 - start)

    def test_invalid_json_is_file_line_col(self):
        path = os.path.join(self.tmp, "bad.json")
        write(path, '{\n  "sources": [\n    {"id": "a",}\n  ]\n}\n')
        for args in (("--format", path), ("--format", "--check", path)):
            code, _, err = run(*args)
            self.assertEqual(code, 1)
            self.assertIn(path + ":3:15: error: ", err)
            self.assertIn("trailing comma", err)
        self.assertEqual(read(path), '{\n  "sources": [\n    {"id": "a",}\n  ]\n}\n')  # left as it was
        code, _, err = run("--format", os.path.join(self.tmp, "missing.json"))
        self.assertEqual(code, 1)
        self.assertIn("missing.json:1:1: error: cannot open file", err)
        code, _, err = run("--format")
        self.assertEqual(code, 2)
        code, _, err = run("--check", path)
        self.assertEqual(code, 2)


if __name__ == "__main__":
    BIN = sys.argv.pop(1)
    unittest.main()
