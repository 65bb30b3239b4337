#!/usr/bin/env python3
"""chipatlas --validate from the command line: the quote check with --sources on a temporary
copy whose quote is altered, and the teaching messages (syntax errors stop the run, ids lead,
did-you-mean, allowed enum values, schema.json skipped) on copies of the bundled data; story
files checked against the dataset.

Usage: test_validate_cli.py CHIPATLAS_BINARY [unittest options]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
QUOTES = os.path.join(REPO, "tests", "data", "quotes")
DATA = os.path.join(REPO, "data")
BIN = None


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def line_col(text, offset):
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def data_files(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".json"))


class QuoteCheck(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="chipatlas_quotes_")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.data = os.path.join(self.tmp, "dataset.json")
        shutil.copy(os.path.join(QUOTES, "dataset.json"), self.data)
        self.sources = os.path.join(QUOTES, "sources")

    def test_all_quotes_found(self):
        rc, out, err = run("--validate", "--sources", self.sources, self.data)
        self.assertEqual(rc, 0, err)
        self.assertIn("quotes: all 3 found in their source texts", out)

    def test_altered_quote_is_reported_at_its_place(self):
        with open(self.data, encoding="utf-8") as f:
            text = f.read()
        old = "share a pilot line for packaging research."
        text = text.replace(old, "share a pilot line for packing research.")
        with open(self.data, "w", encoding="utf-8") as f:
            f.write(text)
        rc, out, err = run("--validate", "--sources", self.sources, self.data)
        self.assertEqual(rc, 1, err)
        lines = [l for l in err.splitlines() if ": error: " in l]
        self.assertEqual(len(lines), 1, err)
        m = re.match(r"(.*):(\d+):(\d+): error: collaboration \"harbour_lantern_mou\" \(/collaborations/0/evidence/0/quote\): "
                     r"quote differs from (.*harbour_note\.txt) at character (\d+): quote has '(.*)' where (.*):(\d+):(\d+) has '(.*)'$",
                     lines[0])
        self.assertIsNotNone(m, lines[0])
        self.assertEqual(m.group(1), self.data)
        # FILE:LINE:COL is the quote's value in the data file.
        quote_at = text.index('"Harbour Labs and the Lantern Institute signed')
        self.assertEqual((int(m.group(2)), int(m.group(3))), line_col(text, quote_at))
        # The difference: "packing" against "packaging", at the 'i' (the quote's 111th character).
        quote = "Harbour Labs and the Lantern Institute signed a memorandum of understanding on 3 March 2024 to share a pilot line for packing research."
        self.assertEqual(int(m.group(5)), quote.index("packing") + 5)
        self.assertIn("packing", m.group(6))
        self.assertIn("packaging", m.group(10))
        # ... and where it is in the source text (line 4, the 'a' after "pack").
        self.assertEqual(m.group(7), m.group(4))
        with open(os.path.join(self.sources, "harbour_note.txt"), encoding="utf-8") as f:
            src = f.read()
        self.assertEqual((int(m.group(8)), int(m.group(9))), line_col(src, src.index("packaging") + 4))

    def test_missing_source_file_is_an_error_at_its_file_field(self):
        empty = os.path.join(self.tmp, "empty_sources")
        os.mkdir(empty)
        rc, out, err = run("--validate", "--sources", empty, self.data)
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"dataset\.json:3:\d+: error: source \"harbour_note\" \(/sources/0/file\): "
                              r"file \"harbour_note.txt\" not found in the sources folder ")

    def test_sources_folder_that_does_not_exist(self):
        rc, out, err = run("--validate", "--sources", os.path.join(self.tmp, "nowhere"), self.data)
        self.assertEqual(rc, 2)
        self.assertIn("sources folder not found", err)

    def test_without_sources_quotes_are_not_checked(self):
        rc, out, err = run("--validate", self.data)
        self.assertEqual(rc, 0, err)
        self.assertIn("quotes not checked", out)


class Messages(unittest.TestCase):
    """On a copy of the bundled data, one edit at a time."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="chipatlas_msgs_")
        self.addCleanup(shutil.rmtree, self.tmp)
        for f in data_files(DATA):
            shutil.copy(f, self.tmp)

    def edit(self, name, old, new):
        path = os.path.join(self.tmp, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        return text

    def test_bundled_data_with_schema_json_is_valid_without_warnings(self):
        rc, out, err = run("--validate", *data_files(self.tmp))  # the README's data/*.json, schema.json included
        self.assertEqual(rc, 0, err)
        self.assertIn("valid:", out)
        self.assertIn("(0 warnings)", out)
        self.assertNotIn("warning:", err)
        notes = [l for l in err.splitlines() if ": note: " in l]
        self.assertEqual(len(notes), 1, err)
        self.assertIn("schema.json:1:1: note: (document): skipped: a JSON Schema", notes[0])

    def test_trailing_comma_is_one_error_that_names_it(self):
        # The last organisation's closing brace gets a comma after it (before the array's ']').
        path = os.path.join(self.tmp, "organisations.json")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        end = text.rindex("}", 0, text.rindex("]"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:end + 1] + "," + text[end + 1:])
        rc, out, err = run("--validate", *data_files(self.tmp))
        self.assertEqual(rc, 1)
        errors = [l for l in err.splitlines() if ": error: " in l]
        self.assertEqual(len(errors), 1, err)  # before: 1 syntax error + 82 "unknown organisation"
        line, col = line_col(text, end + 1)
        self.assertTrue(errors[0].startswith(f"{path}:{line}:{col}: error: (document): syntax error: trailing comma: "
                                             "remove the ',' before ']'"), errors[0])

    def test_unknown_reference_suggests_and_names_the_element(self):
        self.edit("collaborations.json", '"org": "astri"', '"org": "astr"')
        rc, out, err = run("--validate", *data_files(self.tmp))
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"collaborations\.json:\d+:\d+: error: collaboration \"[a-z0-9_.]+\" \(/collaborations/\d+/participants/\d+/org\): "
                              r"unknown organisation \"astr\"; did you mean \"astri\"\?")

    def test_unknown_enum_lists_the_allowed_values(self):
        self.edit("collaborations.json", '"talent"', '"ai"')
        self.edit("organisations.json", '"kind": "university"', '"kind": "univrsity"')
        rc, out, err = run("--validate", *data_files(self.tmp))
        self.assertEqual(rc, 1)
        self.assertRegex(err, r"warning: collaboration \"[a-z0-9_.]+\" \(/collaborations/\d+/topics/\d+\): unknown topic \"ai\"; "
                              r"allowed: advanced_packaging, 3d_ic, .*talent")
        self.assertRegex(err, r"error: organisation \"[a-z0-9_]+\" \(/organisations/\d+/kind\): unknown kind \"univrsity\"; "
                              r"did you mean \"university\"\? allowed: government, research_institute, university")


class Stories(unittest.TestCase):
    """Story files among the files: recognised by content, checked against the dataset."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="chipatlas_stories_")
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_bundled_stories_are_valid(self):
        stories = [f for f in data_files(os.path.join(REPO, "stories")) if not f.endswith("schema.json")]
        self.assertTrue(stories)
        rc, out, err = run("--validate", *data_files(DATA), *stories)
        self.assertEqual(rc, 0, err)
        self.assertIn("%d stories" % len(stories), out)

    def test_a_bad_story_is_reported_at_its_place(self):
        bad = os.path.join(self.tmp, "tour.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"id": "tour", "title": "T",\n "steps": [{"view": {"t": "2022", "selected": "astry"},'
                    ' "caption": {"title": "A", "text": "B"}}]}\n')
        rc, out, err = run("--validate", *data_files(DATA), bad)
        self.assertEqual(rc, 1, err)
        self.assertIn(bad + ':2:47: error: step 1 (/steps/0/view/selected): unknown organisation or collaboration "astry"; '
                      'did you mean "astri"?', err)

    def test_a_story_alone_asks_for_the_dataset(self):
        rc, out, err = run("--validate", os.path.join(REPO, "stories", "east-asia-chip-talent.json"))
        self.assertEqual(rc, 2)
        self.assertIn("give the dataset's files too", err)


if __name__ == "__main__":
    BIN = sys.argv.pop(1)
    unittest.main()
