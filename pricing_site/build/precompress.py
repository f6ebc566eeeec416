"""Precompressed siblings for a built site: ``name.gz`` and ``name.br`` beside each text asset.

Static servers that serve precompressed files (nginx ``gzip_static``/``brotli_static``, Caddy
``precompressed``, ``tests/support/http_server.py`` does not) then send them without compressing
on each request, and at a higher level than on-the-fly compression affords. Hosts that compress
by themselves (Netlify, Cloudflare Pages) ignore the siblings.

Which files: text assets and the runtime's binaries (``SUFFIXES``: HTML, CSS, JS, JSON, SVG,
XML, text, ``.wasm``, ``.zip`` for the precompiled stdlib, whose .pyc entries are stored, and
``.bin`` for the Pyodide memory snapshot, mostly zeros),
1 KB or more; a sibling that saves less than 5% (the stock stdlib zip is deflated already)
is not written. The output is reproducible (gzip header mtime 0, no file name).

Levels, chosen by measurement (bench/HISTORY.md): brotli 11 and gzip 9 below 256 KiB, where
they cost little (pages, CSS, the site's JS); brotli 5 and gzip 6 from 256 KiB up, where the
highest levels take many times longer on the runtime's wasm for a slightly smaller output. Files are compressed on a thread per core (zlib and brotli release
the GIL). Siblings of files under ``assets/`` of 16 KiB or more (the Pyodide runtime, the
precompiled stdlib, Material's scripts and styles: the same bytes build after build) are kept
in a cache outside the source tree (``<cache root>/precompressed``, see runtime/cache.py), under
the SHA-256 of the source and the levels, so a rebuild copies them instead.
"""

import gzip
import hashlib
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

from pricing_site.runtime.cache import cache_root

SUFFIXES = frozenset((".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".md",
                      ".wasm", ".zip", ".bin", ".map"))
MIN_SIZE = 1024
BIG = 256 << 10
MIN_SAVING = 0.05
CACHE_MIN = 16 << 10
LEVELS = "gz9-6 br11-5 256KiB"   # part of the cache key: change it with the levels


def cache_dir():
    return cache_root() / "precompressed"


def compressed(data):
    """``{".gz": bytes, ".br": bytes}`` for ``data``, at the levels for its size."""
    big = len(data) >= BIG
    return {
        ".gz": gzip.compress(data, compresslevel=6 if big else 9, mtime=0),
        ".br": brotli.compress(data, quality=5 if big else 11),
    }


def wanted(path):
    return path.suffix.lower() in SUFFIXES and path.stat().st_size >= MIN_SIZE


def precompress_site(site_dir, folders=None):
    """Write the ``.gz`` and ``.br`` siblings under ``site_dir`` (only under its ``folders``,
    site-relative, when given); return ``{relative path: {suffix: compressed size}}`` for the
    files that got at least one."""
    site = Path(site_dir)
    roots = [site / folder for folder in folders] if folders is not None else [site]
    paths = sorted((p for root in roots for p in root.rglob("*") if p.is_file() and wanted(p)),
                   key=lambda p: -p.stat().st_size)  # the biggest first: the threads end together
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sizes = dict(zip(paths, pool.map(write_siblings, paths, [site] * len(paths))))
    return {path.relative_to(site).as_posix(): sizes[path] for path in sorted(paths) if sizes[path]}


def _cached(data):
    """``compressed(data)`` from the cache, or computed and stored there."""
    key = hashlib.sha256(LEVELS.encode() + b"\0" + data).hexdigest()[:32]
    folder = cache_dir() / key
    try:
        return {suffix: (folder / suffix[1:]).read_bytes() for suffix in (".gz", ".br")}
    except OSError:
        pass
    result = compressed(data)
    staging = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="siblings-", dir=folder.parent))
        for suffix, packed in result.items():
            (staging / suffix[1:]).write_bytes(packed)
        staging.replace(folder)  # atomic; a concurrent build may have won: the same bytes
    except OSError:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return result


def write_siblings(path, site):
    """Write ``path``'s siblings (``site``: the built site's folder); return their sizes."""
    data = path.read_bytes()
    cacheable = len(data) >= CACHE_MIN and path.relative_to(site).parts[0] == "assets"
    sizes = {}
    for suffix, packed in (_cached(data) if cacheable else compressed(data)).items():
        sibling = path.with_name(path.name + suffix)
        if len(packed) > len(data) * (1 - MIN_SAVING):
            sibling.unlink(missing_ok=True)  # never a stale sibling of an incompressible file
            continue
        tmp = sibling.with_name(f".{sibling.name}.tmp-{os.getpid()}")
        tmp.write_bytes(packed)
        tmp.replace(sibling)
        sizes[suffix] = len(packed)
    return sizes
