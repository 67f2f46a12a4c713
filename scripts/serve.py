#!/usr/bin/env python3
"""Serves the built site (dist/) as a static host should, with nothing but Python's
standard library:

- the precompressed copies the build writes (NAME.br, NAME.gz: scripts/compress.mjs)
  when the browser accepts them, with Content-Encoding and Vary: Accept-Encoding, so
  that what a person downloads here is what a static host gives;
- the Content-Security-Policy of index.html's <meta> as a header too, with
  `frame-ancestors 'none'`, which a <meta> cannot set;
- caching: files whose names carry trunk's content hash (doudi-web-<hash>.js) are
  immutable for a year; everything else (index.html, sw.js, the worker's files, the
  manifest, icons) is revalidated on every visit (`no-cache`);
- X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, and the right
  Content-Type (application/wasm for .wasm, which streaming compilation requires).

README's "Hosting" section names the same headers for any host.

    python3 scripts/serve.py [--port 8080] [--bind 127.0.0.1] [--no-brotli] [DIST_DIR]

--no-brotli sends gzip even to a browser that accepts brotli (scripts/lighthouse.sh
measures the site as a gzip-only host serves it, the worse of the two).
"""

import argparse
import html
import os
import re
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}

# trunk's hashed names: doudi-web-2f43cb9952a56463.js, style-323c4c8acb785564.css.
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.[a-z]+$")
META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.I)


def encodings(header: str) -> set[str]:
    """The codings an Accept-Encoding header accepts (q=0 refuses one)."""
    accepted = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        if re.search(r"q\s*=\s*0(\.0*)?\s*$", params):
            continue
        if name.strip():
            accepted.add(name.strip().lower())
    return accepted


class Handler(SimpleHTTPRequestHandler):
    server_version = "doudi-serve"
    protocol_version = "HTTP/1.1"  # keep-alive: Content-Length is always sent
    sys_version = ""

    def send_head(self):  # noqa: D102 (SimpleHTTPRequestHandler's hook)
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to "dir/"
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(HTTPStatus.NOT_FOUND, "not found")
            return None
        extension = os.path.splitext(path)[1].lower()
        accepted = encodings(self.headers.get("Accept-Encoding", ""))
        body_path, coding = path, None
        for name, suffix in (("br", ".br"), ("gzip", ".gz")):
            if name == "br" and not self.server.brotli:
                continue
            if name in accepted and os.path.isfile(path + suffix):
                body_path, coding = path + suffix, name
                break
        with open(body_path, "rb") as f:
            body = f.read()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", TYPES.get(extension, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        if coding:
            self.send_header("Content-Encoding", coding)
        if os.path.isfile(path + ".gz") or os.path.isfile(path + ".br"):
            self.send_header("Vary", "Accept-Encoding")
        immutable = HASHED.search(os.path.basename(path))
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if extension == ".html":
            with open(path, encoding="utf-8") as f:
                match = META_POLICY.search(f.read())
            if match:
                policy = html.unescape(match.group(1))
                self.send_header("Content-Security-Policy", policy + "; frame-ancestors 'none'")
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        sys.stderr.write("%s %s\n" % (self.log_date_time_string(), format % args))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", default=os.path.join(ROOT, "dist"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--no-brotli", action="store_true", help="send gzip, never brotli")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.dist, "index.html")):
        print(f"serve: {args.dist}/index.html is missing (build first: bash scripts/build-web.sh)", file=sys.stderr)
        return 2
    directory = os.path.abspath(args.dist)

    def handler(*handler_args, **kwargs):
        return Handler(*handler_args, directory=directory, **kwargs)

    with ThreadingHTTPServer((args.bind, args.port), handler) as server:
        server.brotli = not args.no_brotli
        print(f"Serving {directory} at http://{args.bind}:{server.server_address[1]}/  (Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
