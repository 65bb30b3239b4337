"""tools/serve.py serves the site folder and nothing else (Python standard library only).

    python3 -m unittest discover -s tests/tools -v      (also run by ctest)

Starts serve.py on port 0 against a temporary tree:
    tmp/CMakeCache.txt, tmp/outside.txt          beside the site: must never be reachable
    tmp/site/index.html, app.js, app.wasm, data.json, .secret, .hidden/x.txt
    tmp/site/js/mod.js, js/mod.mjs               ES modules (CORS, like the page's js/)
    tmp/site/sub/page.txt                        a directory without index.html
    tmp/site/docs/index.html                     a directory with one
    tmp/site/link.txt -> ../outside.txt, tmp/site/linkdir -> ..   symbolic links
    tmp/data1/, tmp/data2/                       mounted as testdata/ (--mount, in that order);
    tmp/site/testdata/inside.json                the site's own testdata/, hidden by the mount
"""
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

SERVE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools", "serve.py")


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="chipatlas-serve-")
        site = os.path.join(cls.tmp, "site")
        files = {
            "CMakeCache.txt": "CMAKE_BUILD_TYPE:STRING=MinSizeRel\n",
            "outside.txt": "outside the site\n",
            "site/index.html": "<!doctype html><title>site</title>\n",
            "site/app.js": "console.log(1);\n",
            "site/app.wasm": "\0asm\1\0\0\0",
            "site/data.json": '{"ok": true}\n',
            "site/style.css": "body{}\n",
            "site/js/mod.js": "export const x = 1;\n",
            "site/js/mod.mjs": "export const y = 2;\n",
            "site/fonts/slice-4e00.otf": "OTTO\0\0\0\0",
            "site/.secret": "dotfile\n",
            "site/.hidden/x.txt": "in a dot-directory\n",
            "site/sub/page.txt": "in sub\n",
            "site/docs/index.html": "<!doctype html><title>docs</title>\n",
            "site/testdata/inside.json": '{"site": true}\n',
            "data1/a.json": '{"a": 1}\n',
            "data1/shared.json": '{"from": "data1"}\n',
            "data1/.hidden.json": '{"dotfile": 1}\n',
            "data2/b.json": '{"b": 2}\n',
            "data2/shared.json": '{"from": "data2"}\n',
        }
        for rel, text in files.items():
            path = os.path.join(cls.tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="latin-1") as f:
                f.write(text)
        os.symlink(os.path.join(cls.tmp, "outside.txt"), os.path.join(site, "link.txt"))
        os.symlink("..", os.path.join(site, "linkdir"))
        os.symlink("index.html", os.path.join(site, "alias.html"))  # a link inside the site: still refused
        os.mkfifo(os.path.join(site, "fifo.txt"))
        os.symlink(os.path.join(cls.tmp, "outside.txt"), os.path.join(cls.tmp, "data1", "link.json"))
        mounts = ["--mount", "testdata=" + os.path.join(cls.tmp, "data1"),
                  "--mount", "testdata=" + os.path.join(cls.tmp, "data2")]
        cls.proc = subprocess.Popen([sys.executable, SERVE, "--dir", site, "--port", "0", "--quiet"] + mounts,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = cls.proc.stdout.readline()
        m = re.match(r"serving (.+) at http://127\.0\.0\.1:(\d+)/$", line.strip())
        if not m:
            cls.proc.kill()
            raise RuntimeError("serve.py did not start: %r %s" % (line, cls.proc.stderr.read()))
        cls.port = int(m.group(2))

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        try:
            cls.rc = cls.proc.wait(10)
        finally:
            cls.proc.stdout.close()
            cls.proc.stderr.close()
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def request(self, path, host=None, method="GET", headers=None):
        """Sends the request target exactly as given (no client-side normalisation)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host if host is not None else "127.0.0.1:%d" % self.port)
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            conn.endheaders()
            r = conn.getresponse()
            body = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, body
        finally:
            conn.close()

    def assertNotFound(self, path):
        status, _, body = self.request(path)
        self.assertEqual(status, 404, "%s: %s" % (path, body[:200]))
        for leak in (b"outside the site", b"CMAKE_BUILD_TYPE", b"dotfile", b"in a dot-directory", b"in sub"):
            self.assertNotIn(leak, body, path)

    # --- what is served --------------------------------------------------------------------
    def test_index_for_root(self):
        status, h, body = self.request("/")
        self.assertEqual(status, 200)
        self.assertIn(b"<title>site</title>", body)
        self.assertTrue(h["content-type"].startswith("text/html"))
        self.assertEqual(h["x-content-type-options"], "nosniff")
        self.assertEqual(h["cache-control"], "no-cache")

    def test_subdirectory_index_and_redirect(self):
        status, _, body = self.request("/docs/")
        self.assertEqual(status, 200)
        self.assertIn(b"<title>docs</title>", body)
        status, h, _ = self.request("/docs?x=1")
        self.assertEqual(status, 301)
        self.assertEqual(h["location"], "/docs/?x=1")

    def test_mime_types(self):
        for path, ctype in (("/app.wasm", "application/wasm"), ("/app.js", "text/javascript"),
                            ("/data.json", "application/json"), ("/style.css", "text/css")):
            status, h, _ = self.request(path)
            self.assertEqual(status, 200, path)
            self.assertTrue(h["content-type"].startswith(ctype), "%s: %s" % (path, h["content-type"]))

    def test_query_string_ignored(self):
        status, _, body = self.request("/data.json?v=2")
        self.assertEqual((status, body), (200, b'{"ok": true}\n'))

    def test_head(self):
        status, h, body = self.request("/app.js", method="HEAD")
        self.assertEqual((status, body), (200, b""))
        self.assertEqual(h["content-length"], str(len("console.log(1);\n")))

    def test_mounted_folders(self):
        # --mount testdata=data1 --mount testdata=data2: searched in order, the site's own
        # testdata/ hidden; the same rules (CORS for .json, no dotfiles, links or escapes).
        for path, want in (("/testdata/a.json", b'{"a": 1}\n'), ("/testdata/b.json", b'{"b": 2}\n'),
                           ("/testdata/shared.json", b'{"from": "data1"}\n')):
            status, h, body = self.request(path)
            self.assertEqual((status, body), (200, want), path)
            self.assertEqual(h.get("access-control-allow-origin"), "*", path)
        for path in ("/testdata/inside.json", "/testdata/.hidden.json", "/testdata/link.json",
                     "/testdata/../CMakeCache.txt", "/testdata/%2e%2e/outside.txt", "/testdata/"):
            self.assertNotFound(path)
        status, h, _ = self.request("/testdata")
        self.assertEqual((status, h.get("location")), (301, "/testdata/"))

    def test_bad_mount_refused(self):
        for spec in ("testdata", "=" + self.tmp, "a/b=" + self.tmp, ".x=" + self.tmp, "x=/does/not/exist"):
            r = subprocess.run([sys.executable, SERVE, "--dir", self.tmp, "--port", "0", "--mount", spec],
                               capture_output=True, text=True, timeout=30)
            self.assertEqual(r.returncode, 2, spec)
            self.assertIn("--mount", r.stderr, spec)

    # --- what is refused ---------------------------------------------------------------------
    def test_files_beside_the_site(self):
        for path in ("/CMakeCache.txt", "/outside.txt", "/../CMakeCache.txt", "/../outside.txt"):
            self.assertNotFound(path)

    def test_path_traversal(self):
        for path in ("/../x", "/%2e%2e/x", "/%2E%2E/outside.txt", "/sub/../../outside.txt",
                     "/sub/%2e%2e/%2e%2e/CMakeCache.txt", "/..%2fCMakeCache.txt", "/%2e%2e%2fCMakeCache.txt",
                     "/./index.html", "//outside.txt", "/sub//page.txt", "/%00", "/index.html%00.txt",
                     "/..\\CMakeCache.txt"):
            self.assertNotFound(path)

    def test_symlinks_not_followed(self):
        for path in ("/link.txt", "/linkdir/outside.txt", "/linkdir/CMakeCache.txt", "/linkdir/",
                     "/linkdir", "/alias.html"):
            self.assertNotFound(path)

    def test_dotfiles(self):
        for path in ("/.secret", "/.hidden/x.txt", "/.hidden/", "/%2esecret"):
            self.assertNotFound(path)

    def test_not_regular_files(self):
        self.assertNotFound("/fifo.txt")
        self.assertNotFound("/index.html/")

    def test_no_directory_listing(self):
        status, h, body = self.request("/sub/")
        self.assertEqual(status, 404)
        self.assertNotIn(b"page.txt", body)
        self.assertNotIn(b"Directory listing", body)
        status, _, body = self.request("/sub/page.txt")
        self.assertEqual((status, body), (200, b"in sub\n"))

    def test_other_methods_and_targets(self):
        self.assertEqual(self.request("/index.html", method="POST")[0], 501)
        self.assertEqual(self.request("/index.html", method="PUT")[0], 501)
        self.assertEqual(self.request("http://evil.example/index.html")[0], 400)

    # --- CORS: only what a sandboxed (opaque-origin) embed fetches ---------------------------
    def test_cors_only_on_wasm_json_js_and_font_slices(self):
        # .js: the page's ES modules (js/boot.js and its imports) are fetched in CORS mode;
        # .otf: the glyph slices web/js/glyphs.js fetches for a run-time dataset's names.
        for path in ("/app.wasm", "/data.json", "/app.js", "/js/mod.js", "/js/mod.mjs", "/fonts/slice-4e00.otf"):
            status, h, _ = self.request(path, headers={"Origin": "null"})
            self.assertEqual(status, 200, path)
            self.assertEqual(h.get("access-control-allow-origin"), "*", path)
        _, h, _ = self.request("/js/mod.js")
        self.assertTrue(h.get("content-type", "").startswith("text/javascript"), "modules need a JS MIME type")
        for path in ("/", "/index.html", "/style.css", "/docs/", "/sub/page.txt"):
            status, h, _ = self.request(path, headers={"Origin": "null"})
            self.assertEqual(status, 200, path)
            self.assertNotIn("access-control-allow-origin", h, path)

    def test_cors_preflight(self):
        status, h, _ = self.request("/app.wasm", method="OPTIONS",
                                    headers={"Origin": "null", "Access-Control-Request-Method": "GET"})
        self.assertEqual(status, 204)
        self.assertEqual(h.get("access-control-allow-origin"), "*")
        status, h, _ = self.request("/index.html", method="OPTIONS",
                                    headers={"Origin": "null", "Access-Control-Request-Method": "GET"})
        self.assertEqual(status, 204)
        self.assertNotIn("access-control-allow-origin", h)
        status, h, _ = self.request("/js/mod.js", method="OPTIONS",
                                    headers={"Origin": "null", "Access-Control-Request-Method": "GET"})
        self.assertEqual(status, 204)
        self.assertEqual(h.get("access-control-allow-origin"), "*")

    # --- CSP ---------------------------------------------------------------------------------
    def test_csp_on_html_only(self):
        _, h, _ = self.request("/index.html")
        csp = h.get("content-security-policy", "")
        for directive in ("default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'",
                          "object-src 'none'", "base-uri 'none'", "form-action 'none'"):
            self.assertIn(directive, csp)
        self.assertNotIn("referrer-policy", h, "the app reads document.referrer")
        _, h, _ = self.request("/app.js")
        self.assertNotIn("content-security-policy", h)
        status, h, _ = self.request("/missing.html")  # error pages are HTML: they get it too
        self.assertEqual(status, 404)
        self.assertIn("object-src 'none'", h.get("content-security-policy", ""))

    # --- Host check (DNS rebinding) -----------------------------------------------------------
    def test_host_header(self):
        for host in ("127.0.0.1:%d" % self.port, "localhost:%d" % self.port, "LOCALHOST:%d" % self.port,
                     "[::1]:%d" % self.port):
            status, _, body = self.request("/index.html", host=host)
            self.assertEqual(status, 200, host)
        for host in ("evil.example", "evil.example:%d" % self.port, "127.0.0.1", "localhost",
                     "127.0.0.1:%d" % (self.port + 1), "localhost.evil.example:%d" % self.port, ""):
            for path in ("/index.html", "/app.wasm"):
                status, h, body = self.request(path, host=host)
                self.assertIn(status, (421, 403) if host else (400, 421, 403), "%r %s" % (host, path))
                self.assertNotIn(b"<title>site</title>", body)
                self.assertNotIn(b"asm", body)
                self.assertNotIn("access-control-allow-origin", h)
        status, h, body = self.request("/index.html", host="evil.example")
        self.assertEqual(status, 421)
        self.assertTrue(h["content-type"].startswith("text/plain"))
        self.assertLess(len(body), 300)

    def test_allow_host_option(self):
        proc = subprocess.Popen([sys.executable, SERVE, "--dir", os.path.join(self.tmp, "site"), "--port", "0",
                                 "--quiet", "--allow-host", "atlas.lan", "--allow-host", "10.0.0.5"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = int(re.search(r":(\d+)/$", proc.stdout.readline().strip()).group(1))

            def status(host):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    conn.putrequest("GET", "/", skip_host=True)
                    conn.putheader("Host", host)
                    conn.endheaders()
                    return conn.getresponse().status
                finally:
                    conn.close()

            self.assertEqual(status("atlas.lan:%d" % port), 200)
            self.assertEqual(status("10.0.0.5:%d" % port), 200)
            self.assertEqual(status("localhost:%d" % port), 200)
            self.assertEqual(status("other.lan:%d" % port), 421)
        finally:
            proc.terminate()
            self.assertEqual(proc.wait(10), 0, "SIGTERM stops serve.py cleanly")
            proc.stdout.close()


if __name__ == "__main__":
    unittest.main()
