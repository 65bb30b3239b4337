#!/usr/bin/env python3
"""Static server for the chipatlas web build (Python 3 standard library only).

    python3 tools/serve.py [--dir build/web] [--port 8080] [--host 127.0.0.1] [--quiet]
                           [--csp POLICY]

- Correct MIME types for .wasm (application/wasm, needed for streaming compilation), .js,
  .mjs, .json, .otf/.ttf/.woff2, .svg, .csv, .map.
- Every response: Access-Control-Allow-Origin: * (a sandboxed iframe has an opaque origin, so
  its fetch of chipatlas.wasm and ?data= files is cross-origin), Cache-Control: no-cache,
  X-Content-Type-Options: nosniff.
- Every HTML response carries the strict Content-Security-Policy
      default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
  always, so every page (and every browser test) runs under the policy the app must meet.
  --csp replaces it (a host page embedding another origin needs a frame-src for it);
  --csp '' sends none (to try web/csp.html's <meta> policy on its own).
- --port 0 picks a free port. The first line on stdout is always
      serving DIR at http://HOST:PORT/
  so scripts can read the port.
- Ctrl-C (or SIGTERM) stops it cleanly with exit status 0.
"""
import argparse
import functools
import http.server
import os
import signal
import sys

DEFAULT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"

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


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME, "": "application/octet-stream"}
    csp = DEFAULT_CSP
    quiet = False
    protocol_version = "HTTP/1.1"  # keep-alive: fewer connections for the browser tests

    def guess_type(self, path):
        ext = os.path.splitext(path)[1].lower()
        return MIME.get(ext) or super().guess_type(path)

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        ctype = getattr(self, "_ca_ctype", "")
        if self.csp and ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def send_header(self, keyword, value):
        if keyword.lower() == "content-type":
            self._ca_ctype = value
        super().send_header(keyword, value)

    def send_response(self, code, message=None):
        self._ca_ctype = ""
        super().send_response(code, message)

    def send_error(self, code, message=None, explain=None):
        # Error pages are HTML too: they get the CSP header via end_headers.
        super().send_error(code, message, explain)

    def do_OPTIONS(self):  # CORS preflight (not needed for simple GETs, harmless)
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Content-Length", "0")
        self.end_headers()

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
    ap = argparse.ArgumentParser(description="Serve the chipatlas web build.")
    ap.add_argument("--dir", default=os.path.join(root, "build", "web"), help="directory to serve (default: build/web)")
    ap.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 = any free port)")
    ap.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    ap.add_argument("--quiet", "-q", action="store_true", help="do not log requests")
    ap.add_argument("--csp", default=DEFAULT_CSP,
                    help="Content-Security-Policy for HTML responses ('' for none; default: %(default)s)")
    args = ap.parse_args(argv)

    directory = os.path.abspath(args.dir)
    if not os.path.isdir(directory):
        print("serve.py: %s is not a directory (build the web app first: cmake --preset web && cmake --build --preset web, or run tools/serve.sh)" % directory,
              file=sys.stderr)
        return 2

    handler = functools.partial(type("H", (Handler,), {"csp": args.csp, "quiet": args.quiet}), directory=directory)
    try:
        httpd = Server((args.host, args.port), handler)
    except OSError as e:
        print("serve.py: cannot listen on %s:%d: %s" % (args.host, args.port, e), file=sys.stderr)
        return 1
    host, port = httpd.server_address[:2]
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
    if not args.quiet:
        print("serve.py: stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
