"""A real static HTTP server on 127.0.0.1 for browser tests (and benchmarks).

Serves ``.wasm`` as ``application/wasm`` (Pyodide hangs otherwise) and ``.js``/``.mjs`` as
``text/javascript``, can add headers to every response (e.g. a strict Content-Security-Policy),
or, as Netlify and Cloudflare Pages do, the ones the site's own ``_headers`` file gives each
path (``host_rules=True``: security headers, long caching), can send a file's precompressed
``.br`` or ``.gz`` sibling with its Content-Encoding when the browser accepts it
(``precompressed=True``, as a host serving the build's siblings does), and records every path
it was asked for (and the encodings it sent), and counts the body bytes it wrote (``sent``: all
responses so far; ``sent_by_path``: per path; ``sent_between(start, end)``: to the requests
made in a span of ``time.time()``), as a host's bill would. ``hold=(pattern, n,
seconds)`` sends a file matching the pattern as a slow network would: its first ``n`` bytes,
then the rest ``seconds`` later.

    with StaticServer(site_dir, headers={"Content-Security-Policy": CSP}) as server:
        page.goto(server.url + "pricing/")
"""

import collections
import fnmatch
import os
import shutil
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # preferred first: the build writes both

# What a production host must send too: scripts from the site only, wasm compilation allowed.
STRICT_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
              "object-src 'none'; base-uri 'none'")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/octet-stream",
        ".zip": "application/zip",
    }

    def end_headers(self):
        path = self.path.split("?")[0]
        for pattern, headers in self.server.rules:
            if rule_matches(pattern, path):
                for name, value in headers:
                    if name.lower() != "content-type":  # set above from the extension
                        self.send_header(name, value)
        for name, value in self.server.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def parse_request(self):
        self.asked_at = time.time()
        return super().parse_request()

    def send_head(self):
        """The file, or with ``precompressed`` its ``.br``/``.gz`` sibling as the browser's
        Accept-Encoding allows (headers as for the file itself, plus Content-Encoding)."""
        path = self.translate_path(self.path)
        sibling = self._sibling(path) if self.server.precompressed else None
        if sibling is None:
            return super().send_head()
        encoding, body = sibling[0], open(sibling[1], "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.end_headers()
        self.server.encodings.append((self.path, encoding))
        return body

    def copyfile(self, source, outputfile):
        counted = _Counted(outputfile, self.server, self.path.split("?")[0], self.asked_at)
        held = self.server.hold
        try:
            if held and rule_matches(held[0], self.path.split("?")[0]):
                counted.write(source.read(held[1]))
                outputfile.flush()
                time.sleep(held[2])
            shutil.copyfileobj(source, counted)
        except ConnectionError:  # the browser went away mid-body (a page closed): as a host, go on
            self.close_connection = True

    def _sibling(self, path):
        """``(encoding, sibling path)`` to send for ``path``, or None."""
        accepted = {part.split(";")[0].strip()
                    for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding, suffix in ENCODINGS:
            if encoding in accepted and os.path.isfile(path) and os.path.isfile(path + suffix):
                return encoding, path + suffix
        return None

    def log_message(self, format, *args):  # keep test output clean; record instead
        self.server.requests.append(self.path)
        self.server.commands.append((getattr(self, "command", None), self.path))


class _Counted:
    """A response's output stream that adds each write's bytes to the server's counts."""

    def __init__(self, stream, server, path, asked_at):
        self._stream, self._server, self._path = stream, server, path
        self._response = [asked_at, 0]  # when it was asked for, the bytes written so far
        with server.count_lock:
            server.sent_log.append(self._response)

    def write(self, data):
        written = self._stream.write(data)
        with self._server.count_lock:
            self._server.sent_total += len(data)
            self._server.sent_paths[self._path] += len(data)
            self._response[1] += len(data)
        return written


def own_origin(url, site_url):
    """Whether a URL a page asked for is the site's at ``site_url`` (its server's URL): its
    files, or a ``blob:`` URL its own scripts made of their memory (gunzip.js imports the
    runtime's module from its decoded gzip so): nothing from another origin."""
    return url.startswith((site_url, f"blob:{site_url}"))


def rule_matches(pattern, path):
    """Whether a ``_headers`` path pattern covers the URL path ``path`` (``/assets/x.js``): as
    Netlify and Cloudflare Pages read it, ``*`` matches anything, ``/`` included."""
    return fnmatch.fnmatchcase(path, pattern)


def read_headers_file(path):
    """``_headers`` (pricing_site/build/headers.py writes it) as [(path pattern, [(name, value)])]:
    a line at the margin is a pattern (``*`` matches anything, ``/`` included), the indented
    lines under it its headers; every rule matching a path applies."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class StaticServer:
    """``ThreadingHTTPServer`` over ``directory`` on a free port; a context manager."""

    def __init__(self, directory, headers=None, host_rules=False, precompressed=False, hold=None):
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                          partial(_Handler, directory=str(directory)))
        self._httpd.rules = read_headers_file(Path(directory, "_headers")) if host_rules else []
        self._httpd.extra_headers = dict(headers or {})
        self._httpd.precompressed = precompressed
        self._httpd.hold = hold
        self._httpd.requests = []
        self._httpd.commands = []
        self._httpd.encodings = []
        self._httpd.count_lock = threading.Lock()
        self._httpd.sent_total = 0
        self._httpd.sent_paths = collections.Counter()
        self._httpd.sent_log = []  # [asked at, bytes written] per response
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def requests(self):
        """Every request line's path served so far, in order."""
        return list(self._httpd.requests)

    @property
    def gets(self):
        """The paths of the GET requests served so far (``requests`` has HEAD requests too)."""
        return [path for command, path in list(self._httpd.commands) if command == "GET"]

    @property
    def encodings(self):
        """``(path, encoding)`` of each precompressed sibling sent so far, in order."""
        return list(self._httpd.encodings)

    @property
    def sent(self):
        """Body bytes written to every response so far (compressed ones as sent)."""
        return self._httpd.sent_total

    def sent_between(self, start, end):
        """Body bytes written (so far) to the responses to requests made between ``start`` and
        ``end`` (``time.time()``)."""
        with self._httpd.count_lock:
            return sum(n for asked, n in self._httpd.sent_log if start <= asked <= end)

    @property
    def sent_by_path(self):
        """``{URL path: body bytes written}`` so far."""
        with self._httpd.count_lock:
            return dict(self._httpd.sent_paths)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()
