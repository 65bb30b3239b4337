"""cmake/mirror_site.cmake (the web build's dist/ step) makes DEST an exact mirror of the union
of its SOURCES: stale files and emptied folders go, a later source wins, dotfiles are skipped,
unchanged files are left untouched, EXCLUDE's folders are left out (web/js: the site has its bundle).

    python3 tests/tools/test_mirror_site.py -v      (also run by ctest; needs cmake)
"""
import os
import shutil
import subprocess
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cmake", "mirror_site.cmake")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def tree(root):
    out = {}
    for d, _, files in os.walk(root):
        for name in files:
            p = os.path.join(d, name)
            with open(p, encoding="utf-8") as f:
                out[os.path.relpath(p, root).replace(os.sep, "/")] = f.read()
    return out


class MirrorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="chipatlas-mirror-")
        self.gen = os.path.join(self.tmp, "site")  # what the build generates
        self.web = os.path.join(self.tmp, "web")
        self.dest = os.path.join(self.tmp, "dist")
        write(os.path.join(self.gen, "chipatlas.wasm"), "wasm")
        write(os.path.join(self.gen, "licenses", "sdl2.txt"), "zlib")
        write(os.path.join(self.gen, "index.html"), "generated index")
        write(os.path.join(self.web, "index.html"), "web index")
        write(os.path.join(self.web, "js", "boot.js"), "boot")
        write(os.path.join(self.web, "licenses", "index.html"), "notices")
        write(os.path.join(self.web, ".editorconfig"), "dotfile")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def mirror(self):
        r = subprocess.run(["cmake", "-DDEST=" + self.dest, "-DSOURCES=%s;%s" % (self.gen, self.web), "-P", SCRIPT],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_union_later_source_wins_no_dotfiles(self):
        self.mirror()
        self.assertEqual(tree(self.dest), {
            "chipatlas.wasm": "wasm", "licenses/sdl2.txt": "zlib", "index.html": "web index",
            "js/boot.js": "boot", "licenses/index.html": "notices"})

    def test_stale_files_and_folders_removed(self):
        # dist/ from an earlier build: a test dataset, a module since deleted from web/, build files.
        for rel in ("testdata/bad.json", "js/old.js", "CMakeCache.txt", "deep/a/b/c.txt", ".DS_Store"):
            write(os.path.join(self.dest, rel), "stale")
        self.mirror()
        self.assertEqual(sorted(tree(self.dest)), ["chipatlas.wasm", "index.html", "js/boot.js",
                                                   "licenses/index.html", "licenses/sdl2.txt"])
        for gone in ("testdata", "deep"):
            self.assertFalse(os.path.exists(os.path.join(self.dest, gone)), gone)
        # A file removed from a source goes on the next run.
        os.remove(os.path.join(self.web, "js", "boot.js"))
        self.mirror()
        self.assertNotIn("js/boot.js", tree(self.dest))
        self.assertFalse(os.path.exists(os.path.join(self.dest, "js")))

    def test_unchanged_files_untouched_changed_ones_copied(self):
        self.mirror()
        wasm = os.path.join(self.dest, "chipatlas.wasm")
        os.utime(wasm, (1000000000, 1000000000))
        write(os.path.join(self.web, "js", "boot.js"), "boot v2")
        self.mirror()
        self.assertEqual(os.stat(wasm).st_mtime, 1000000000)
        self.assertEqual(tree(self.dest)["js/boot.js"], "boot v2")

    def test_excluded_folder_left_out_bundle_in_its_place(self):
        # The web build: web/js/'s sources are left out, the bundle's js/ is mirrored instead.
        bundle = os.path.join(self.tmp, "bundle")
        write(os.path.join(bundle, "js", "boot.js"), "bundled")
        write(os.path.join(self.web, "js", "mirror.js"), "source module")
        write(os.path.join(self.web, "jsx", "keep.txt"), "a folder whose name starts like js")
        r = subprocess.run(["cmake", "-DDEST=" + self.dest, "-DSOURCES=%s;%s;%s" % (self.gen, self.web, bundle),
                            "-DEXCLUDE=" + os.path.join(self.web, "js"), "-P", SCRIPT],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(tree(self.dest), {
            "chipatlas.wasm": "wasm", "licenses/sdl2.txt": "zlib", "index.html": "web index",
            "js/boot.js": "bundled", "licenses/index.html": "notices", "jsx/keep.txt": "a folder whose name starts like js"})

    def test_missing_source_fails(self):
        r = subprocess.run(["cmake", "-DDEST=" + self.dest, "-DSOURCES=" + os.path.join(self.tmp, "nope"), "-P", SCRIPT],
                           capture_output=True, text=True, timeout=60)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("is not a folder", r.stderr)


if __name__ == "__main__":
    unittest.main()
