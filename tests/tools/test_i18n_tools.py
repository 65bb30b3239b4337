#!/usr/bin/env python3
"""tools/i18n: the pseudo-locale keeps every printf directive and ImGui id and is about 40%
longer; the editor's own texts are split from the rest by the files they are used in; the
catalogue check fails on an untranslated message, a string src/ uses that the POs lack, and a
PO msgfmt --check refuses (on a small tree of its own); the data's translations leave
the site's dataset (data_translations.py --strip) whole, every other value in its place, and
come back as each language's catalogue entries."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "i18n"))
os.environ.setdefault("I18N_REEXEC", "")
import build_catalogues  # noqa: E402  (re-runs under /usr/bin/python3 when polib is elsewhere)
import data_translations  # noqa: E402

CHECK = os.path.join(ROOT, "tools", "i18n", "check_catalogues.py")

PO = '''msgid ""
msgstr ""
"Language: ko\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

msgid "Play"
msgstr "{play}"

#, c-format
msgid "%d month"
msgid_plural "%d months"
msgstr[0] "{months}"
'''
SRC = '''// A source file of the test tree.
const char* a = tr("Play");
const char* b = trn("%d month", "%d months", 2);
{extra}
'''


class Pseudo(unittest.TestCase):
    def test_placeholders_and_ids_kept_and_longer(self):
        for text in ["%d shown at this date, %d in all.", "Sources (%zu)", "%2$d of %1$d", "Loop##loop", "50%% done"]:
            out = build_catalogues.pseudo(text)
            for d in ["%d", "%zu", "%2$d", "%1$d", "##loop", "%%"]:
                self.assertEqual(text.count(d), out.count(d), (text, out))
            self.assertGreaterEqual(len(out), len(text) * 1.3, out)
            self.assertNotEqual(out, text)


EDITOR_TEXTS = '''
#: src/ui/edit_view.cpp src/core/edit_fields.cpp
msgid "Undo"
msgstr "실행 취소"

#: src/ui/story_edit_view.cpp src/ui/details_view.cpp
msgid "Remove"
msgstr "제거"

#: src/app/edit.cpp
msgctxt "edit field"
msgid "Title"
msgstr "제목"
'''


class SplitEditing(unittest.TestCase):
    """The editor's own texts (used only in its files) go to LANG.edit.po; a text it shares with
    the rest of the interface stays in LANG.po; each keeps the PO's header (its Plural-Forms)."""

    def test_by_the_files_a_text_is_used_in(self):
        out = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, out)
        po = os.path.join(out, "in.po")
        with open(po, "w", encoding="utf-8") as f:
            text = PO.format(play="재생", months="%d개월").replace('msgid "Play"', '#: src/ui/timeline_view.cpp\nmsgid "Play"')
            f.write(text + EDITOR_TEXTS)
        main, edit = build_catalogues.split_editing(po, "ko", out)
        polib = build_catalogues.polib

        def ids(path):
            return sorted((e.msgctxt or "") + "|" + e.msgid for e in polib.pofile(path))
        self.assertEqual(ids(edit), ["edit field|Title", "|Undo"])
        self.assertEqual(ids(main), ["|%d month", "|Play", "|Remove"])
        for path in (main, edit):
            self.assertEqual(polib.pofile(path).metadata["Plural-Forms"], "nplurals=1; plural=0;")
            self.assertEqual(subprocess.run(["msgfmt", "--check", "-o", os.devnull, path]).returncode, 0)


class Check(unittest.TestCase):
    def tree(self, play="재생", months="%d개월", extra=""):
        root = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, root)
        os.makedirs(os.path.join(root, "po", "app"))
        os.makedirs(os.path.join(root, "src", "ui"))
        with open(os.path.join(root, "src", "ui", "v.cpp"), "w", encoding="utf-8") as f:
            f.write(SRC.format(extra=extra))
        with open(os.path.join(root, "po", "app", "ko.po"), "w", encoding="utf-8") as f:
            f.write(PO.format(play=play, months=months))
        shutil.copy(os.path.join(root, "po", "app", "ko.po"), os.path.join(root, "po", "app", "chipatlas.pot"))
        return root

    def run_check(self, root):
        r = subprocess.run([sys.executable, CHECK, "--root", root], capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr

    def test_complete_tree_passes(self):
        rc, out = self.run_check(self.tree())
        self.assertEqual(rc, 0, out)
        self.assertIn("po/app/ko.po: 2/2 translated (100.0%)", out)

    def test_untranslated_fails(self):
        rc, out = self.run_check(self.tree(play=""))
        self.assertEqual(rc, 1, out)
        self.assertIn("1 of 2 messages not translated (50.0%", out)

    def test_string_missing_from_the_po_fails(self):
        rc, out = self.run_check(self.tree(extra='const char* c = tr("Pause");'))
        self.assertEqual(rc, 1, out)
        self.assertIn("lacks 'Pause', which src/ uses", out)

    def test_bad_format_fails_msgfmt_check(self):
        rc, out = self.run_check(self.tree(months="%s개월"))
        self.assertEqual(rc, 1, out)
        self.assertIn("msgfmt --check", out)


# Translations first, last and alone in their object (a collaboration's, a fact's, an event's, an
# organisation's), a
# "translations" key elsewhere (a source's, a nested object's, an evidence item's), strings with
# brackets, escapes and commas.
DATA = """{
  "$schema": "schema.json",
  "collaborations": [
    {"translations": [{"lang": "ko", "title": "\\"가\\" [x]", "summary": "요약, {y}"}], "id": "a", "title": "A"},
    {
      "id": "b",
      "title": "B, \\"quoted\\" ]",
      "translations": [
        {"lang": "ja", "title": "ビー"},
        {"lang": "zh-Hant", "summary": "乙}", "note": "註"}
      ],
      "topics": ["translations"],
      "facts": [
        {"label": "L0", "value": 1},
        {"label": "L1", "translations": [{"lang": "ko", "label": "라벨, ]"}], "value": 2}
      ],
      "evidence": [{"quote": "q", "translations": "kept"}],
      "extra": {"translations": 1}
    },
    {"id": "c", "translations": []}
  ],
  "events": [
    {"id": "e1", "title": "E", "translations": [{"lang": "ja", "title": "イベント"}]},
    {"id": "e2", "title": "F"}
  ],
  "sources": [{"id": "s", "translations": "kept"}],
  "organisations": [
    {"id": "o1", "name": "O", "city": "Tainan", "translations": [{"lang": "ja", "city": "台南"}, {"lang": "ko", "note": "메모", "name": "그룹"}],
     "names": [{"lang": "zh-Hant", "text": "名"}]}
  ]
}
"""


class DataTranslations(unittest.TestCase):
    def test_strip_removes_only_the_organisations_collaborations_facts_and_events_translations(self):
        out = data_translations.strip(DATA)
        want = json.loads(DATA)
        for c in want["collaborations"]:
            c.pop("translations", None)
            for f in c.get("facts", []):
                f.pop("translations", None)
        for e in want["events"] + want["organisations"]:
            e.pop("translations", None)
        self.assertEqual(json.loads(out), want)
        self.assertEqual(json.loads(out)["organisations"][0]["names"], [{"lang": "zh-Hant", "text": "名"}])  # not a translation

    def test_strip_keeps_every_other_value_on_its_line_and_column(self):
        out = data_translations.strip(DATA)
        self.assertEqual(out.count("\n"), DATA.count("\n"))
        for needle in ['"id": "a"', '"title": "A"', '"title": "B, ', '"topics"', '"extra"', '"sources"', '"kept"', '"id": "c"',
                       '"value": 2', '"events"', '"id": "e2"', '"id": "o1"', '"names"']:
            before, after = DATA.index(needle), out.index(needle)
            self.assertEqual(DATA[:before].count("\n"), out[:after].count("\n"), needle)
            self.assertEqual(before - DATA.rfind("\n", 0, before), after - out.rfind("\n", 0, after), needle)
        for gone in ("\uadf8\ub8f9", "\u30d3\u30fc", "\ub77c\ubca8", "\u30a4\u30d9\u30f3\u30c8", "\u53f0\u5357", "\u8a3b"):  # ビー, 라벨, イベント, 台南, 註
            self.assertNotIn(gone, out)
        self.assertFalse(any(line.endswith(" ") for line in out.split("\n")), "trailing spaces")

    def test_entries_per_language(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "collaborations.json"), "w", encoding="utf-8") as f:
                f.write(DATA)
            with open(os.path.join(d, "schema.json"), "w", encoding="utf-8") as f:
                f.write('{"collaborations": [{"id": "x", "translations": [{"lang": "ko", "title": "no"}]}]}')
            got = data_translations.entries(d)
        T, S = data_translations.TITLE_CONTEXT, data_translations.SUMMARY_CONTEXT
        F, E = data_translations.FACT_LABEL_CONTEXT, data_translations.EVENT_TITLE_CONTEXT
        C, N = data_translations.ORG_CITY_CONTEXT, data_translations.ORG_NOTE_CONTEXT
        self.assertEqual(got, {"ko": [(T, "a", '"가" [x]'), (S, "a", "요약, {y}"), (F, "b/1", "라벨, ]"), (N, "o1", "메모"), (data_translations.ORG_NAME_CONTEXT, "o1", "그룹")],
                               "ja": [(T, "b", "ビー"), (E, "e1", "イベント"), (C, "o1", "台南")],
                               "zh-Hant": [(S, "b", "乙}"), (data_translations.COLLAB_NOTE_CONTEXT, "b", "註")]})

    def test_committed_data_round_trip(self):
        for name, key in (("collaborations.json", "collaborations"), ("events.json", "events"), ("organisations.json", "organisations")):
            path = os.path.join(ROOT, "data", name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            want = json.loads(text)
            items = want[key]
            facts = [f for c in items for f in c.get("facts", [])]
            self.assertGreater(sum(len(x.get("translations", [])) for x in items + facts), 0, name)
            for x in items + facts:
                x.pop("translations", None)
            self.assertEqual(json.loads(data_translations.strip(text)), want, name)


if __name__ == "__main__":
    unittest.main()
