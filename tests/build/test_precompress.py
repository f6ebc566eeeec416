"""Precompressed siblings: written for text assets and the runtime, equal to their source once
decompressed, left out for small or incompressible files."""

import gzip
import os
import socket
import struct
import time

import brotli
import pytest

from pricing_site.build.assets import asset_url
from pricing_site.build.precompress import MIN_SIZE, precompress_site
from tests.site_support import demo_site
from tests.support.http_server import StaticServer


def test_siblings_decompress_to_the_same_bytes(tmp_path):
    text = ("<p>Seats from $12 a month, billed yearly.</p>\n" * 200).encode()
    (tmp_path / "pricing").mkdir()
    (tmp_path / "pricing" / "index.html").write_bytes(text)
    (tmp_path / "app.wasm").write_bytes(b"\0asm" + bytes(4000))
    written = precompress_site(tmp_path)
    assert sorted(written) == ["app.wasm", "pricing/index.html"]
    for name in written:
        source = (tmp_path / name).read_bytes()
        assert gzip.decompress((tmp_path / f"{name}.gz").read_bytes()) == source
        assert brotli.decompress((tmp_path / f"{name}.br").read_bytes()) == source
        assert written[name] == {".gz": os.path.getsize(tmp_path / f"{name}.gz"),
                                 ".br": os.path.getsize(tmp_path / f"{name}.br")}


def test_small_incompressible_and_other_files_are_skipped(tmp_path):
    (tmp_path / "small.css").write_bytes(b"a{color:red}" * ((MIN_SIZE - 1) // 12))
    (tmp_path / "noise.js").write_bytes(os.urandom(5000))      # would not get 5% smaller
    (tmp_path / "engine.whl").write_bytes(b"x" * 5000)          # not a text asset
    (tmp_path / "noise.js.br").write_bytes(b"stale")             # an old sibling goes
    assert precompress_site(tmp_path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["engine.whl", "noise.js", "small.css"]


def test_the_output_is_reproducible(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "site.css").write_bytes(b"body{margin:0}\n" * 100)
        precompress_site(tmp_path / folder)
    for suffix in (".gz", ".br"):
        assert (tmp_path / "a" / f"site.css{suffix}").read_bytes() == \
            (tmp_path / "b" / f"site.css{suffix}").read_bytes()


@pytest.mark.e2e
def test_the_built_site_has_siblings_for_pages_and_the_runtime():
    site = demo_site()
    catalog = next(site.glob("assets/calculator/catalog/*/catalog.json")).relative_to(site)
    source_map = next(site.glob("assets/javascripts/bundle.*.js.map")).relative_to(site)
    for name in ("index.html", "pricing/index.html", str(catalog), str(source_map),
                 asset_url("calculator/worker.js"), "search/search_index.json"):
        source = (site / name).read_bytes()
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == source, name
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == source, name
    wasm = next(site.glob("assets/pyodide/*/pyodide.asm.wasm"))
    assert brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes()) == wasm.read_bytes()


def test_big_assets_come_from_the_cache_the_second_time(tmp_path, monkeypatch):
    from pricing_site.build import precompress
    monkeypatch.setenv("PRICING_SITE_CACHE", str(tmp_path / "cache"))
    big = b"var seats = 10; // the runtime\n" * 1000      # 31 KB: cached under assets/
    for site in ("a", "b"):
        (tmp_path / site / "assets").mkdir(parents=True)
        (tmp_path / site / "assets" / "runtime.js").write_bytes(big)
        (tmp_path / site / "page.html").write_bytes(big)           # a page: never cached
    precompress_site(tmp_path / "a")
    assert len(list((tmp_path / "cache" / "precompressed").iterdir())) == 1
    calls = []
    real = precompress.compressed
    monkeypatch.setattr(precompress, "compressed", lambda data: calls.append(data) or real(data))
    precompress_site(tmp_path / "b")
    assert calls == [big]                                           # only the page, again
    for name in ("assets/runtime.js.br", "assets/runtime.js.gz", "page.html.br"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()


def test_the_test_server_sends_the_siblings_as_a_host_does(tmp_path, browser):
    """bench/browser.py times warm starts served this way: the browser asks for the file,
    gets its .br sibling with Content-Encoding, and reads the file's own bytes."""
    text = "Seats from $12 a month, billed yearly. " * 200
    (tmp_path / "notes.txt").write_text(text)
    (tmp_path / "notes.txt.br").write_bytes(brotli.compress(text.encode()))
    for precompressed, sent in ((True, [("/notes.txt", "br")]), (False, [])):
        with StaticServer(tmp_path, precompressed=precompressed) as server:
            page = browser.new_page()
            page.goto(server.url)
            assert page.evaluate("(u) => fetch(u).then((r) => r.text())", server.url + "notes.txt") == text
            assert server.encodings == sent
            page.close()


def test_the_test_server_lets_a_visitor_leave_mid_body_quietly(tmp_path, capfd):
    """A page closed while a held response sleeps mid-body is a host's everyday event: the
    server counts what it wrote and prints no traceback over the test run's output."""
    (tmp_path / "big.bin").write_bytes(os.urandom(1 << 20))
    with StaticServer(tmp_path, hold=("/big.bin", 1024, 0.3)) as server:
        host, port = server.url.split("//")[1].rstrip("/").split(":")
        with socket.create_connection((host, int(port))) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            assert client.recv(512).startswith(b"HTTP/1.0 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(0.6)  # the hold ends; the rest of the body meets a closed connection
        # (the first 1024 bytes too, when the reset came first: nothing counted then)
        assert server.sent_by_path.get("/big.bin", 0) < 1 << 20
    assert "Traceback" not in capfd.readouterr().err
