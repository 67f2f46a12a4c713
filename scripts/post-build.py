#!/usr/bin/env python3
"""Trunk's post_build hook (see Trunk.toml): finishes the site in trunk's staging
directory before trunk moves it to dist/. Two jobs:

1. Content-Security-Policy. Adds a <meta http-equiv="Content-Security-Policy"> to
   index.html, right after <meta charset>, allowing nothing but the site's own
   origin. Trunk writes the app's start-up code as an inline <script>; its sha256
   is computed here from the built file and allowed by hash, so every inline
   script trunk writes (also trunk serve's reload script) keeps working and no
   other inline script can run.
2. Offline use. Writes sw.js from the template web/sw.js: the list of every file
   in the site (with its sha256, checked when the worker downloads it) and a
   cache name "doudi-" + the first 16 hex digits of a sha256 over the template
   and every file's path and sha256. Any change to the site therefore installs a
   new cache, and the worker deletes the old one when it activates.

3. The first screen. Puts the markup that web/src/bin/prerender.rs rendered
   (target/prerender.html, written by scripts/build-web.sh just before trunk runs)
   into index.html's empty <div id="app">, marked data-prerendered, which the app
   takes over (web/src/takeover.rs). Done before the policy, whose hashes cover
   the page as served.
4. The style sheet, minified: comments, indentation and the spaces around { } ; ,
   taken out (never inside a quoted string), its integrity hash in index.html
   recomputed. web/style.css stays commented; about 1.3 KB gzip off the first load.
   (Trunk's own minify would also rewrite index.html, which the steps above read.)
   Likewise the inline scripts lose their whole-line // comments (web/index.html keeps
   them), before their hashes are taken for the policy: about 0.8 KB gzip.
5. The wasm modules' imports renamed: wasm-bindgen names each function a module
   imports from its JS glue `__wbg_<name>_<16 hex digits>`, written once in the wasm's
   import section and once as a key of the glue's `import0` object. Both take short
   names instead ("a", "b", ... "ba", in the wasm's order), in the .wasm and its .js
   together; nothing else refers to them (exports keep their names). The hex digits
   are what gzip cannot shrink: about 5.9 KB gzip off a resident's app, 2.3 KB off the
   first load. A pair whose glue does not hold each name exactly once as a key is left
   as it is, with a note. Done before sw.js, whose hashes cover the files as served.
6. Compression. Runs scripts/compress.mjs (node), which writes NAME.gz and NAME.br
   beside every compressible file, for scripts/serve.py, the browser tests' server
   and any static host that serves precompressed files.

It also checks that every local file index.html refers to exists.

Trunk runs it with TRUNK_STAGING_DIR and TRUNK_SOURCE_DIR set. By hand, on a
built dist/ (it is idempotent):

    python3 scripts/post-build.py [DIST_DIR]
"""

import base64
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from urllib.parse import quote, urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The policy, less the hashes of inline scripts (and styles), which are added.
#   'wasm-unsafe-eval'  lets the page compile its own WebAssembly (and nothing
#                       else: eval() stays blocked).
#   style-src 'self'    the app sets no style attributes and has no inline
#                       <style>; if it ever needs style attributes, add
#                       'unsafe-inline' to style-src only.
#   img-src data: blob: the empty data: favicon, and images the app may make.
#   frame-ancestors cannot be set from a <meta>; a host that can send headers
#   should add `frame-ancestors 'none'` there.
POLICY = [
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:", "blob:"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("frame-src", ["'none'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'none'"]),
]

SW_TEMPLATE_LINE = re.compile(r"^const BUILD = .*; // filled in by scripts/post-build\.py$", re.M)
CSP_META = re.compile(r'[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?', re.I)
CHARSET_META = re.compile(r"^([ \t]*)<meta charset=[^>]*>\n", re.I | re.M)
INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
LOCAL_REF = re.compile(r"""\s(?:src|href)\s*=\s*["']([^"']+)["']""", re.I)


def fail(message: str) -> None:
    print(f"post-build: error: {message}", file=sys.stderr)
    sys.exit(1)


def csp_hash(text: str) -> str:
    # Browsers hash the element's text as parsed, where CRLF has become LF.
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def add_csp(page: str) -> tuple[str, str, int]:
    """index.html with the policy added (an earlier one removed), the policy, and
    the number of inline scripts allowed by hash."""
    page = CSP_META.sub("", page)
    if EVENT_HANDLER.search(page):
        fail("index.html has an inline event handler (on…=), which the policy forbids")
    if STYLE_ATTRIBUTE.search(page):
        fail("index.html has a style attribute, which the policy forbids; use style.css")
    script_hashes = []
    for attributes, body in INLINE_SCRIPT.findall(page):
        if re.search(r"\ssrc\s*=", attributes, re.I):
            if body.strip():
                fail("a <script src> with content")
            continue
        if re.search(r"""\stype\s*=\s*["']?application/(ld\+)?json""", attributes, re.I):
            continue  # data, not code
        script_hashes.append(csp_hash(body))
    style_hashes = [csp_hash(body) for body in INLINE_STYLE.findall(page)]
    directives = []
    for name, sources in POLICY:
        sources = list(sources)
        if name == "script-src":
            sources += sorted(set(script_hashes), key=script_hashes.index)
        if name == "style-src":
            sources += sorted(set(style_hashes), key=style_hashes.index)
        directives.append(" ".join([name, *sources]))
    policy = "; ".join(directives)
    match = CHARSET_META.search(page)
    if not match:
        fail('index.html has no <meta charset> line to put the policy after')
    meta = f'{match.group(1)}<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}" />\n'
    page = page[: match.end()] + meta + page[match.end():]
    return page, policy, len(script_hashes)


def check_references(page: str, site: str) -> None:
    """Every relative or root-relative src/href in index.html names a file of the site."""
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    for ref in LOCAL_REF.findall(page):
        parts = urlsplit(html.unescape(ref))
        if parts.scheme or parts.netloc or not parts.path:
            continue  # data:, other origins (the policy blocks those), fragments
        path = parts.path
        if path.startswith("/"):
            path = path[len(public_url):] if path.startswith(public_url) else path.lstrip("/")
        if not os.path.isfile(os.path.join(site, *path.split("/"))):
            fail(f"index.html refers to {ref}, which is not in the site")


APP_ROOT = '<div id="app"></div>'


def add_first_screen(page: str) -> tuple[str, int]:
    """index.html with the prerendered first screen in its app root, and its size."""
    path = os.path.join(ROOT, "target", "prerender.html")
    if not os.path.isfile(path):
        fail(f"{path} is missing: scripts/build-web.sh renders it before trunk runs")
    with open(path, encoding="utf-8") as f:
        screen = f.read().strip()
    if not screen.startswith('<div data-step="1"') or "<main>" not in screen:
        fail(f"{path} is not the app's first screen")
    if page.count(APP_ROOT) != 1:
        fail(f"index.html must have exactly one empty {APP_ROOT}")
    return page.replace(APP_ROOT, f'<div id="app" data-prerendered>{screen}</div>'), len(screen.encode("utf-8"))


def site_files(site: str) -> list[tuple[str, str]]:
    """(path relative to the site root, sha256 hex) of every file but sw.js, sorted."""
    files = []
    for directory, subdirectories, names in os.walk(site):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in names:
            path = os.path.relpath(os.path.join(directory, name), site).replace(os.sep, "/")
            if path == "sw.js" or name.startswith(".") or name.endswith((".gz", ".br")):
                continue
            with open(os.path.join(directory, name), "rb") as f:
                files.append((path, hashlib.sha256(f.read()).hexdigest()))
    return sorted(files)


def write_service_worker(site: str, template_path: str) -> tuple[str, int, int]:
    """Writes sw.js; returns its cache name, the number of files and their bytes."""
    with open(template_path, encoding="utf-8") as f:
        template = f.read()
    if len(SW_TEMPLATE_LINE.findall(template)) != 1:
        fail(f"{template_path} must have exactly one line matching {SW_TEMPLATE_LINE.pattern}")
    files = site_files(site)
    digest = hashlib.sha256(template.encode("utf-8"))
    for path, sha in files:
        digest.update(f"{path}\0{sha}\n".encode("utf-8"))
    cache = "doudi-" + digest.hexdigest()[:16]
    entries = []
    for path, sha in files:
        url = "./" if path == "index.html" else quote(path)
        integrity = "sha256-" + base64.b64encode(bytes.fromhex(sha)).decode("ascii")
        entries.append([url, integrity])
    build = {"cache": cache, "page": "./", "files": entries}
    line = f"const BUILD = {json.dumps(build, ensure_ascii=False)}; // filled in by scripts/post-build.py"
    code = SW_TEMPLATE_LINE.sub(lambda _match: line, template)
    # The template's comments stay in web/sw.js: drop whole-line comments and
    # blank lines from the copy the browsers download.
    kept = [text for text in code.splitlines() if text.strip() and not text.lstrip().startswith("//")]
    header = "// doudi's service worker, built from web/sw.js (see there) by scripts/post-build.py.\n"
    with open(os.path.join(site, "sw.js"), "w", encoding="utf-8") as f:
        f.write(header + "\n".join(kept) + "\n")
    size = sum(os.path.getsize(os.path.join(site, *path.split("/"))) for path, _ in files)
    return cache, len(files), size


STYLESHEET = re.compile(r'(<link rel="stylesheet" href="/?)([^"/]+\.css)(" integrity=")(sha384-[A-Za-z0-9+/=]+)(")')
CSS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")


def minify_css(text: str) -> str:
    """Comments and the whitespace that carries no meaning, outside quoted strings."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    pieces = CSS_STRING.split(text)
    for at in range(0, len(pieces), 2):
        piece = re.sub(r"\s*\n\s*", "\n", pieces[at])
        piece = re.sub(r"\s*([{};,])\s*", r"\1", piece)
        pieces[at] = piece.replace(";}", "}")
    return "".join(pieces).strip() + "\n"


def minify_stylesheets(page: str, site: str) -> tuple[str, int, int]:
    """Minifies every style sheet index.html links, with its new integrity hash."""
    before = after = 0

    def one(match: re.Match) -> str:
        nonlocal before, after
        path = os.path.join(site, match.group(2))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        small = minify_css(text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(small)
        before += len(text.encode("utf-8"))
        after += len(small.encode("utf-8"))
        digest = base64.b64encode(hashlib.sha384(small.encode("utf-8")).digest()).decode("ascii")
        return f"{match.group(1)}{match.group(2)}{match.group(3)}sha384-{digest}{match.group(5)}"

    page = STYLESHEET.sub(one, page)
    return page, before, after


def strip_script_comments(page: str) -> tuple[str, int]:
    """Takes the whole-line // comments out of every inline script."""
    removed = 0

    def one(match: re.Match) -> str:
        nonlocal removed
        attributes, body = match.group(1), match.group(2)
        if re.search(r"\ssrc\s*=", attributes):
            return match.group(0)
        kept = re.sub(r"(?m)^[ \t]*//[^\n]*\n", "", body)
        removed += len(body) - len(kept)
        return f"<script{attributes}>{kept}</script>"

    return INLINE_SCRIPT.sub(one, page), removed


def _leb(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _short_name(index: int) -> str:
    """a, b, ... z, A, ... Z, aa, ab, ...: the index-th name."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    name = ""
    index += 1
    while index:
        index -= 1
        name = letters[index % len(letters)] + name
        index //= len(letters)
    return name


def _rename_imports(wasm: bytes) -> tuple[bytes, dict[str, str]]:
    """The module with its imported functions renamed, and the renaming (old → new)."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        return wasm, {}
    out = bytearray(wasm[:8])
    renaming: dict[str, str] = {}
    at = 8
    while at < len(wasm):
        start = at
        section = wasm[at]
        size, at = _leb(wasm, at + 1)
        body, at = wasm[at:at + size], at + size
        if section != 2:
            out += wasm[start:at]
            continue
        count, i = _leb(body, 0)
        entries = []
        for _ in range(count):
            length, i = _leb(body, i)
            module, i = body[i:i + length], i + length
            length, i = _leb(body, i)
            name, i = body[i:i + length].decode("utf-8"), i + length
            kind, i = body[i], i + 1
            described = i
            if kind == 0:  # function: its type's index
                _, i = _leb(body, i)
            elif kind in (1, 2):  # table (reference type, limits), memory (limits)
                if kind == 1:
                    i += 1
                flags, i = _leb(body, i)
                _, i = _leb(body, i)
                if flags & 1:
                    _, i = _leb(body, i)
            elif kind == 3:  # global: value type, mutability
                i += 2
            else:
                return wasm, {}
            entries.append((module, name, kind, body[described:i]))
        kept = {name for _, name, kind, _ in entries if kind != 0}
        new_body = bytearray(_uleb(count))
        for module, name, kind, description in entries:
            if kind == 0:
                if name not in renaming:
                    renaming[name] = _short_name(len(renaming))
                    if renaming[name] in kept:
                        return wasm, {}
                name = renaming[name]
            encoded = name.encode("utf-8")
            new_body += _uleb(len(module)) + module + _uleb(len(encoded)) + encoded + bytes([kind]) + description
        out += bytes([2]) + _uleb(len(new_body)) + new_body
    return bytes(out), renaming


def shorten_wasm_imports(site: str) -> tuple[int, int, list[str]]:
    """Renames every NAME_bg.wasm's imported functions, and the keys of NAME.js that
    give them, to short names. Returns the bytes before and after (wasm and js) and
    the notes of the pairs left as they were."""
    before = after = 0
    notes = []
    for name in sorted(os.listdir(site)):
        if not name.endswith("_bg.wasm"):
            continue
        wasm_path = os.path.join(site, name)
        js_path = os.path.join(site, name[: -len("_bg.wasm")] + ".js")
        if not os.path.isfile(js_path):
            continue
        with open(wasm_path, "rb") as f:
            wasm = f.read()
        with open(js_path, encoding="utf-8") as f:
            js = f.read()
        small_wasm, renaming = _rename_imports(wasm)
        small_js = js
        for old, new in renaming.items():
            if old == new:
                continue
            key = re.compile(r"(?m)^([ \t]+)" + re.escape(old) + r":")
            if len(key.findall(small_js)) != 1 or len(re.findall(r"\b" + re.escape(old) + r"\b", small_js)) != 1:
                notes.append(f"{name}: {old} is not a key of {os.path.basename(js_path)} exactly once; left as it is")
                small_wasm, small_js = wasm, js
                break
            small_js = key.sub(lambda match, new=new: match.group(1) + new + ":", small_js)
        before += len(wasm) + len(js.encode("utf-8"))
        after += len(small_wasm) + len(small_js.encode("utf-8"))
        if small_wasm is not wasm:
            with open(wasm_path, "wb") as f:
                f.write(small_wasm)
            with open(js_path, "w", encoding="utf-8") as f:
                f.write(small_js)
    return before, after, notes


def main() -> int:
    site = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
    source = os.environ.get("TRUNK_SOURCE_DIR") or os.path.join(ROOT, "web")
    index_path = os.path.join(site, "index.html")
    if not os.path.isfile(index_path):
        fail(f"{index_path} is missing")
    with open(index_path, encoding="utf-8") as f:
        page = f.read()
    page, screen = add_first_screen(page)
    page, css_before, css_after = minify_stylesheets(page, site)
    page, comments = strip_script_comments(page)
    page, policy, scripts = add_csp(page)
    check_references(page, site)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(page)
    imports_before, imports_after, notes = shorten_wasm_imports(site)
    cache, count, size = write_service_worker(site, os.path.join(source, "sw.js"))
    print(f"post-build: the first screen ({screen:,} bytes of HTML) in index.html")
    print(f"post-build: the style sheet minified, {css_before:,} → {css_after:,} bytes; {comments:,} bytes of comments out of the inline scripts")
    print(f"post-build: Content-Security-Policy with {scripts} inline script hash(es): {policy}")
    print(f"post-build: the wasm modules' imports renamed, wasm and js {imports_before:,} → {imports_after:,} bytes")
    for note in notes:
        print(f"post-build: note: {note}")
    print(f"post-build: sw.js precaches {count} files ({size:,} bytes) in cache {cache}")
    compress = os.path.join(ROOT, "scripts", "compress.mjs")
    try:
        subprocess.run(["node", compress, site], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"node scripts/compress.mjs failed ({error}); scripts/setup.sh installs node")
    return 0


if __name__ == "__main__":
    sys.exit(main())
