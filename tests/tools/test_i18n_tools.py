#!/usr/bin/env python3
"""tools/i18n: the pseudo-locale keeps every printf directive and ImGui id and is about 40%
longer; the catalogue check fails on an untranslated message, a string src/ uses that the POs
lack, and a PO msgfmt --check refuses (on a small tree of its own)."""
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


if __name__ == "__main__":
    unittest.main()
