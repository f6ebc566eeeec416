"""The calculator's browser bundle: what a build serves for the live calculator, and where.

``prepare_bundle(catalog)`` makes (or takes from the cache) everything once per build and says
where each piece will be served; the pricing page names those URLs, and ``emit_bundle`` writes
the pieces into the built site:

    assets/v/<hash>/calculator/*.js              the page's module and the worker's modules
                                                 (pricing_site/build/assets.py names the folder)
    assets/calculator/catalog/<hash>/catalog.json   ``catalog.to_dict()``, read back by
                                                 ``calculator.load_catalog``
    assets/calculator/engine/<hash>/*.whl        the ``calculator`` package (``wheel``)
    assets/pyodide/<version>-<hash>/             the Pyodide runtime, its wasm lean (``pyodide``)
    assets/calculator/stdlib/<hash>/python_stdlib.zip, pyodide-lock.json   the modules Python
                                                 and the engine import, precompiled, and a lock
                                                 file without packages (``startup``)
    assets/calculator/snapshot/<hash>/snapshot.bin, python_stdlib.zip   a memory snapshot made on
                                                 that zip, and the zip without what it holds

The runtime's wasm and second module, the stdlib zip and the snapshot get their ``.gz`` siblings
here (as the build's precompression writes them: pricing_site/build/precompress.py), since the
worker fetches those by name and decodes them itself (gunzip.js): a first visit downloads a
third of the bytes from any host, one that compresses nothing too.

Everything is served under a hash of its bytes (or, for the runtime, of its making), so hosts
may cache it for good, and an A/B variation's catalog is found whichever variation's folder the
edge router looks in first.
"""

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from pricing_site.build.assets import asset_url
from pricing_site.build.precompress import write_siblings
from pricing_site.build.sources import ASSETS

from .cache import BundleError, ensure, served_path, sha256
from .pyodide import MODULE_JS, copy_runtime, served_runtime
from .startup import RESTORE_ZIP, empty_lock, precompiled_stdlib, snapshot_on
from .wheel import CACHE_DIR, build_engine_wheel, cached_wheel

JS_DIR = ASSETS / "calculator"
JS_FILES = ("client.js", "start-when.js", "worker.js", "boot.js", "snapshot.js", "sparse.js",
            "page-wasm.js", "gunzip.js", "warm-up.js", "next-visit.js")
DECODED_HERE = ("wasm", "stdlib", "snapshot")  # the pieces fetched as their .gz (gunzip.js)


@dataclass(frozen=True)
class Bundle:
    """Where each piece is served (``urls``, relative to the site root) and, for the stdlib
    and the snapshot when they were made, the cached files served in that URL's folder.

    ``urls["client"]`` is the module the page loads; the rest goes, as it is, into the page's
    ``calculator-config`` JSON block that client.js reads. ``wasm`` is the runtime's wasm,
    which the page compiles and hands to the worker; ``stdlib`` is missing when it could not
    be built, ``snapshot`` when either could not be made."""

    urls: dict
    served: dict = field(default_factory=dict)


def catalog_json_bytes(catalog):
    """catalog.json as the browser gets it: ``catalog.to_dict()``, which ``load_catalog`` reads
    back (metric names, units, max, step and default, plan names, custom plans and tiers, seat
    kinds and add-ons: what the form needs too)."""
    return json.dumps(catalog.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()


def prepare_bundle(catalog, *, cache_dir=CACHE_DIR):
    """The ``Bundle`` for ``catalog``: each piece made (or found in the cache) once, here."""
    catalog_json = catalog_json_bytes(catalog)
    urls = {
        "client": asset_url("calculator/client.js"),
        "worker": asset_url("calculator/worker.js"),
        "wheel": f"assets/calculator/engine/{served_path(cached_wheel(cache_dir))}",
        "catalog": f"assets/calculator/catalog/{sha256(catalog_json)[:16]}/catalog.json",
        "pyodide": f"assets/pyodide/{served_runtime()[1]}/",
    }
    urls["wasm"] = f"{urls['pyodide']}pyodide.asm.wasm"  # compiled by the page (client.js)
    served = {}
    stdlib = precompiled_stdlib(catalog_json, cache_dir=cache_dir)
    if stdlib is not None:
        served["stdlib"] = (stdlib, empty_lock(stdlib.parent))
        snapshot = snapshot_on(catalog_json, stdlib, cache_dir)
        if snapshot is not None:
            served["snapshot"] = (snapshot, snapshot.with_name(RESTORE_ZIP))
    for key, files in served.items():
        urls[key] = f"assets/calculator/{key}/{served_path(*files)}"
    return Bundle(urls, served)


def emit_bundle(site_dir, catalog, bundle, *, cache_dir=CACHE_DIR):
    """Write ``bundle`` (``prepare_bundle(catalog)``'s) into the built site ``site_dir``."""
    site = Path(site_dir)
    assets = site / "assets"
    build_engine_wheel(ensure(assets / "calculator") / "engine", cache_dir=cache_dir)
    copy_runtime(assets / "pyodide")
    catalog_json = ensure((site / bundle.urls["catalog"]).parent) / "catalog.json"
    catalog_json.write_bytes(catalog_json_bytes(catalog))
    for key, files in bundle.served.items():
        _publish(site / bundle.urls[key], *files)
    for name in JS_FILES:  # as the site build publishes them (for pages made without MkDocs)
        target = ensure((site / asset_url(f"calculator/{name}")).parent) / name
        shutil.copyfile(JS_DIR / name, target)
    for key in DECODED_HERE:
        if key in bundle.urls:
            write_siblings(site / bundle.urls[key], site)
    write_siblings(site / bundle.urls["pyodide"] / MODULE_JS, site)  # a first visit's, gzipped
    for key, url in bundle.urls.items():
        if not (site / url.split("?")[0]).exists():
            raise BundleError(f"the bundle's {key} ({url}) was not written")


def _publish(target, *files):
    """Copy ``files`` into the folder of ``target`` (a served path) unless already there."""
    for file in files:
        if not (ensure(target.parent) / file.name).is_file():
            shutil.copyfile(file, target.parent / file.name)
