#!/usr/bin/env python3
"""Development server for the chipatlas web build (Python 3 standard library only).

    python3 tools/serve.py [--dir dist] [--port 8080] [--host 127.0.0.1] [--quiet]
                           [--csp POLICY] [--allow-host NAME]... [--mount NAME=DIR]...

It serves the site and nothing else:
- Only the folder given (default dist/, the site the web build writes: chipatlas.js,
  chipatlas.wasm, web/'s files and licenses/; the build tree, with CMakeCache.txt, build.ninja
  and compile_commands.json, is never reachable), and the folders mounted with --mount. Every path is walked one component at a time from that folder with
  O_NOFOLLOW: a path that leaves the folder ("..", "%2e%2e"), names a dotfile or dot-directory,
  goes through a symbolic link anywhere (links are never followed), or ends at anything but a
  regular file is answered 404.
- No directory listings: "/dir/" serves dir/index.html when it is a regular file, otherwise 404
  ("/dir" without the slash is redirected to "/dir/" first).
- Only GET, HEAD and OPTIONS; only origin-form request targets ("/path?query").
- --mount NAME=DIR (repeatable; for tests): "/NAME/..." is served from DIR instead of the
  site, under the same rules; several DIRs for one NAME are searched in the order given. The
  browser tests mount their datasets as testdata/, which the site itself never holds.

Headers:
- Correct MIME types for .wasm (application/wasm, needed for streaming compilation), .js,
  .mjs, .json, .otf/.ttf/.woff2, .svg, .csv, .map; X-Content-Type-Options: nosniff and
  Cache-Control: no-cache on every response but favicon.svg's (max-age=3600): Chromium asks for
  the icon again at each history.replaceState, and with no-cache each ask reached the server.
- CORS (Access-Control-Allow-Origin: *) only where embedding needs it: responses for .wasm,
  .json, .otf and .js/.mjs paths, and the OPTIONS preflight for them. A sandboxed iframe has an
  opaque origin, so everything it fetches in CORS mode is cross-origin: chipatlas.wasm,
  ?data= datasets and the glyph slices in fonts/ (fetch), and the page's scripts in js/ (module scripts, and the modules they
  import, are always fetched in CORS mode). chipatlas.js is a classic <script> and would do
  without, but the rule is by extension, as a static host would configure it. The pages and
  style.css are loaded by navigation and plain <link> (no CORS mode) and get no CORS header.
- Every HTML response (error pages too) carries the Content-Security-Policy
      default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none';
      base-uri 'none'; form-action 'none'
  so every page (and every browser test) runs under the policy the app must meet.
  --csp replaces it (a host page embedding another origin needs a frame-src for it);
  --csp '' sends none (to try web/csp.html's <meta> policy on its own).
  No Referrer-Policy: the app reads document.referrer to find the page that embeds it.

Host check (against DNS rebinding: a hostile page whose name resolves to 127.0.0.1 must not be
able to read this server): a request is answered only when its Host header names the bound
address and port: 127.0.0.1:PORT, localhost:PORT, [::1]:PORT or the --host value with :PORT
(and the name alone when PORT is 80). Any other Host gets 421 Misdirected Request with a short
plain-text body; a missing or repeated Host gets 400. For deliberate use from other machines,
bind --host 0.0.0.0 and name the address or host name they use with --allow-host NAME
(repeatable; accepted as NAME:PORT, and NAME alone when PORT is 80).

- --port 0 picks a free port. The first line on stdout is always
      serving DIR at http://HOST:PORT/
  so scripts can read the port.
- Ctrl-C (or SIGTERM) stops it cleanly with exit status 0.
"""
import argparse
import email.utils
import http.server
import os
import posixpath
import signal
import stat
import sys
import urllib.parse

DEFAULT_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; "
               "base-uri 'none'; form-action 'none'")

MIME = {
    ".wasm": "application/wasm",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".ttc": "font/collection",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}

# Paths whose responses may be read cross-origin (see the module docstring).
CORS_EXTENSIONS = (".wasm", ".json", ".js", ".mjs", ".otf")

# os.open flags for walking the served tree: never follow a link, never block on a FIFO.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def allowed_hosts(bound_host, port, extra=()):
    """The Host header values (lower case) this server answers."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    for name in (bound_host, *extra):
        name = name.strip().lower()
        if not name:
            continue
        if ":" in name and not name.startswith("["):
            name = "[%s]" % name  # IPv6 literal
        names.add(name)
    hosts = {"%s:%d" % (n, port) for n in names}
    if port == 80:
        hosts |= names
    return frozenset(hosts)


class NotFound(Exception):
    pass


def open_in_site(root_fd, segments):
    """Opens root/segments[0]/.../segments[-1] without following links.
    Returns (fd, stat) of a directory or regular file; raises NotFound otherwise."""
    fd = os.dup(root_fd)
    try:
        for i, name in enumerate(segments):
            if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
                raise NotFound()
            last = i == len(segments) - 1
            try:
                nfd = os.open(name, _FILE_FLAGS if last else _DIR_FLAGS, dir_fd=fd)
            except OSError:  # missing, a link (ELOOP), not a directory, no permission
                raise NotFound()
            os.close(fd)
            fd = nfd
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
            raise NotFound()
        return fd, st
    except BaseException:
        os.close(fd)
        raise


class Handler(http.server.BaseHTTPRequestHandler):
    # Set per server by make_handler().
    root_fd = -1
    mounts = {}  # NAME -> [fd of each DIR mounted there, in order]
    csp = DEFAULT_CSP
    quiet = False
    hosts = frozenset()

    protocol_version = "HTTP/1.1"  # keep-alive: fewer connections for the browser tests
    def version_string(self):
        return "chipatlas-serve"

    # --- headers -------------------------------------------------------------------------
    def send_response(self, code, message=None):
        self._ca_ctype = ""
        super().send_response(code, message)

    def send_header(self, keyword, value):
        if keyword.lower() == "content-type":
            self._ca_ctype = value
        super().send_header(keyword, value)

    def end_headers(self):
        # The icon may be kept (tests/browser/favicon.test.mjs): Chromium asks for it again each
        # time the page writes its view state to the URL.
        icon = self.path.split("?", 1)[0].endswith("/favicon.svg")
        self.send_header("Cache-Control", "max-age=3600" if icon else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "_ca_cors", False):
            self.send_header("Access-Control-Allow-Origin", "*")
        if self.csp and getattr(self, "_ca_ctype", "").startswith("text/html"):
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def send_plain(self, code, text):
        body = (text + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # --- request checks ------------------------------------------------------------------
    def check_request(self):
        """Host check and path parsing; returns the path's segments, or None when answered."""
        self._ca_cors = False
        values = self.headers.get_all("Host") or []
        if len(values) != 1:
            self.close_connection = True
            self.send_plain(400, "Bad Request: exactly one Host header is required.")
            return None
        if values[0].strip().lower() not in self.hosts:
            self.close_connection = True
            self.send_plain(421, "Misdirected Request: this server does not answer for that host name "
                                 "(tools/serve.py --allow-host NAME to allow it).")
            return None
        if not self.path.startswith("/"):
            self.send_error(400, "Bad Request")
            return None
        path = self.path.split("?", 1)[0].split("#", 1)[0]  # not urlsplit: "//x" is no host here
        self._ca_cors = path.lower().endswith(CORS_EXTENSIONS)
        try:
            decoded = urllib.parse.unquote(path, errors="strict")
        except UnicodeDecodeError:
            self.send_error(404, "File not found")
            return None
        return decoded

    # --- methods -------------------------------------------------------------------------
    def do_GET(self):
        self.serve(body=True)

    def do_HEAD(self):
        self.serve(body=False)

    def do_OPTIONS(self):  # CORS preflight; grants it only for CORS_EXTENSIONS paths
        if self.check_request() is None:
            return
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, OPTIONS")
        if self._ca_cors:
            self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "*")
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def serve(self, body):
        path = self.check_request()
        if path is None:
            return
        segments = path.split("/")[1:]  # "/a/b/" -> ["a", "b", ""]
        is_dir_request = segments[-1] == ""
        if is_dir_request:
            segments = segments[:-1]
        try:
            fd, st = self.open_path(segments)
        except NotFound:
            self.send_error(404, "File not found")
            return
        try:
            if stat.S_ISDIR(st.st_mode):
                if not is_dir_request:  # relative links in index.html need the trailing slash
                    raw, sep, query = self.path.partition("?")
                    self.send_response(301)
                    self.send_header("Location", raw.split("#", 1)[0] + "/" + sep + query)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                try:
                    ifd = os.open("index.html", _FILE_FLAGS, dir_fd=fd)
                except OSError:
                    self.send_error(404, "File not found")
                    return
                os.close(fd)
                fd, st = ifd, os.fstat(ifd)
                if not stat.S_ISREG(st.st_mode):
                    self.send_error(404, "File not found")
                    return
                name = "index.html"
            elif is_dir_request:  # "/file.html/"
                self.send_error(404, "File not found")
                return
            else:
                name = segments[-1]
            self.send_file(fd, st, name, body)
        finally:
            os.close(fd)

    def open_path(self, segments):
        """The site's file or folder at segments, or a mounted folder's (see --mount)."""
        roots = self.mounts.get(segments[0]) if segments else None
        if roots is None:
            return open_in_site(self.root_fd, segments)
        for root in roots:
            try:
                return open_in_site(root, segments[1:])
            except NotFound:
                pass
        raise NotFound()

    def send_file(self, fd, st, name, body):
        ctype = MIME.get(posixpath.splitext(name)[1].lower(), "application/octet-stream")
        ims = self.headers.get("If-Modified-Since")
        if ims and not self.headers.get("If-None-Match"):
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                since = None
            if since is not None and int(st.st_mtime) <= since:
                self.send_response(304)
                self.send_header("Content-Type", ctype)
                self.send_header("Last-Modified", self.date_time_string(st.st_mtime))
                self.end_headers()
                return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(st.st_size))
        self.send_header("Last-Modified", self.date_time_string(st.st_mtime))
        self.end_headers()
        if not body:
            return
        with os.fdopen(os.dup(fd), "rb") as f:
            remaining = st.st_size
            while remaining > 0:
                chunk = f.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                self.wfile.write(chunk)
                remaining -= len(chunk)

    # --- misc ----------------------------------------------------------------------------
    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="Serve the chipatlas web build (the site folder only).")
    ap.add_argument("--dir", default=os.path.join(root, "dist"),
                    help="the site folder to serve (default: dist, written by the web build)")
    ap.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 = any free port)")
    ap.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ap.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                    help="also answer requests whose Host header is NAME:PORT (repeatable; for deliberate LAN use)")
    ap.add_argument("--quiet", "-q", action="store_true", help="do not log requests")
    ap.add_argument("--csp", default=DEFAULT_CSP,
                    help="Content-Security-Policy for HTML responses ('' for none; default: %(default)s)")
    ap.add_argument("--mount", action="append", default=[], metavar="NAME=DIR",
                    help="serve /NAME/... from DIR (repeatable; several DIRs for one NAME are searched in order)")
    args = ap.parse_args(argv)

    directory = os.path.realpath(args.dir)
    if not os.path.isdir(directory):
        print("serve.py: %s is not a directory (build the web app first: cmake --preset web && cmake --build --preset web, or run tools/serve.sh)" % directory,
              file=sys.stderr)
        return 2
    mounts = {}
    for spec in args.mount:
        name, sep, mdir = spec.partition("=")
        if not sep or not name or name.startswith(".") or "/" in name or not os.path.isdir(mdir):
            print("serve.py: --mount %s: expected NAME=DIR, NAME one path segment and DIR a folder" % spec,
                  file=sys.stderr)
            return 2
        mounts.setdefault(name, []).append(os.open(os.path.realpath(mdir), _DIR_FLAGS))
    root_fd = os.open(directory, _DIR_FLAGS)

    try:
        httpd = Server((args.host, args.port), Handler)
    except OSError as e:
        print("serve.py: cannot listen on %s:%d: %s" % (args.host, args.port, e), file=sys.stderr)
        return 1
    host, port = httpd.server_address[:2]
    httpd.RequestHandlerClass = type("SiteHandler", (Handler,), {
        "root_fd": root_fd, "mounts": mounts, "csp": args.csp, "quiet": args.quiet,
        "hosts": allowed_hosts(args.host, port, args.allow_host)})
    shown = "[%s]" % host if ":" in host else host
    print("serving %s at http://%s:%d/" % (directory, shown, port), flush=True)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    try:
        httpd.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        os.close(root_fd)
        for fds in mounts.values():
            for fd in fds:
                os.close(fd)
    if not args.quiet:
        print("serve.py: stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
