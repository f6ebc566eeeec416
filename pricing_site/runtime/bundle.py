"""The calculator's browser bundle: the engine wheel, catalog.json, the Pyodide runtime, the JS.

Build-time only. ``emit_browser_bundle(site_dir, catalog)`` writes into a built site

    assets/v/<hash>/calculator/client.js, worker.js, sparse.js
                                                main-thread module and module Web Worker
                                                (pricing_site/build/assets.py names the folder)
    assets/calculator/catalog/<hash>/catalog.json
                                                ``catalog.to_dict()``, read back by ``load_catalog``
    assets/calculator/engine/<hash>/*.whl       the ``calculator`` package only, as a wheel
    assets/pyodide/<version>-<hash>/            the Pyodide core runtime from node_modules, its
                                                pyodide.asm.wasm made lean (lean_wasm.py)
    assets/calculator/stdlib/<hash>/python_stdlib.zip
                                                the stock stdlib zip with the modules the engine
                                                uses precompiled to .pyc (see below)
    assets/calculator/snapshot/<hash>/snapshot.bin, python_stdlib.zip
                                                a Pyodide memory snapshot made on that zip,
                                                and that zip without what the snapshot holds

and returns the URLs (relative to the site root) the page template puts in its
``<script type="application/json" id="calculator-config">`` block; ``bundle_urls(catalog)``
gives the same dict without writing anything, for templates rendered before the files exist.

The wheel is a plain pure-Python wheel made by a standard PEP 517 backend (hatchling): that is
all pyodide-build would produce for a package without compiled code, and it needs no
cross-build environment. It is reproducible (fixed SOURCE_DATE_EPOCH), cached outside the source tree (``_cache_root``) by
the hash of its sources, and served under the hash of its bytes, so hosts can cache it forever.
The runtime sits under its version and the hash of its making for the same reason (a snapshot
is only ever restored onto the module it was made on), the scripts and catalog.json
under their content hash (so the catalog of an A/B variation is found whichever variation's
folder the edge router looks in first).

Start-up speed: stock ``loadPyodide`` spends most of its time compiling the standard library's
``.py`` files inside WebAssembly. ``precompile_stdlib.mjs`` runs Pyodide's own Python 3.14 in
Node at build time, does what the worker does (wheel, ``import calculator``, catalog, a warm-up
quote and a curve), and rewrites the stock ``python_stdlib.zip`` with every module then in
``sys.modules`` as a sourceless .pyc (stored; hosts compress over HTTP). All other entries stay
as they are, so a module imported lazily later still works exactly as with the stock zip. The
worker passes the zip as ``stdLibURL`` (the ``stdlib`` URL) and falls back to the stock zip if
it cannot. The zip is cached (``_cache_root``/stdlib) under the Pyodide version, the stock zip, the
script, warm_up.mjs and the engine wheel (the .pyc set is a speed hint: any catalog gives a correct zip).
Without Node the build prints a warning and the page uses the stock runtime (no ``stdlib``).

Faster still: ``make_snapshot.mjs`` boots Pyodide in Node from that same precompiled zip, imports
json and the engine (from the zip), warms them up and writes a memory snapshot
(``makeMemorySnapshot``, an underscore API: same Pyodide build and stdlib zip only). It is
cached (``_cache_root``/snapshot) under the Pyodide version, the zip, the scripts and the wheel,
and served sparse as ``assets/calculator/snapshot/<hash>/snapshot.bin`` (the ``snapshot`` URL,
present only when the snapshot was made), with ``python_stdlib.zip`` beside it: the precompiled
zip without the files of the modules the snapshot holds in memory (2 MB instead of 5.5 MB;
Python reads the zip after a restore only for a module imported for the first time). The worker
restores the snapshot (``_loadSnapshot``) with that zip as ``stdLibURL``, loads catalog.json, and
falls back to booting from the full precompiled zip, then the stock one.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

from . import sparse_snapshot
from .lean_wasm import LayoutError, lean_wasm
from pricing_site.build.assets import asset_url

ROOT = Path(__file__).resolve().parents[2]
ENGINE_DIR = ROOT / "calculator"
JS_DIR = ROOT / "site_src" / "assets" / "calculator"
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
def _cache_root():
    """Build caches live outside the source tree (a build never writes into it):
    $PRICING_SITE_CACHE, else $XDG_CACHE_HOME/pricing-site, else ~/.cache/pricing-site."""
    if os.environ.get("PRICING_SITE_CACHE"):
        return Path(os.environ["PRICING_SITE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pricing-site"


CACHE_DIR = _cache_root() / "engine-wheels"
STDLIB_CACHE_DIR = _cache_root() / "stdlib"
STDLIB_SCRIPT = Path(__file__).resolve().parent / "precompile_stdlib.mjs"
STDLIB_NAME = "python_stdlib.zip"
SNAPSHOT_CACHE_DIR = _cache_root() / "snapshot"
SNAPSHOT_SCRIPT = Path(__file__).resolve().parent / "make_snapshot.mjs"
SNAPSHOT_NAME = "snapshot.bin"
RESTORE_ZIP = "python_stdlib.zip"  # served beside it: the zip mounted at restore
WARM_UP_SCRIPT = Path(__file__).resolve().parent / "warm_up.mjs"  # imported by both scripts

JS_FILES = ("client.js", "worker.js", "sparse.js")
# What loadPyodide() fetches for a bare interpreter (no packages): entry module, Emscripten
# module, the wasm binary, the standard library and the lock file it always reads.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
WASM_NAME = "pyodide.asm.wasm"
JS_RUNTIME = ("pyodide.asm.mjs", "pyodide.mjs")  # what calls into the wasm
RUNTIME_CACHE_DIR = _cache_root() / "runtime"
LEAN_SCRIPT = Path(__file__).resolve().parent / "lean_wasm.py"
WHEEL_PROJECT = "pricing-site-calculator"
SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip can hold

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "{name}"
version = "{version}"
description = "The pricing-site rating engine, as the browser runs it (standard library only)"
requires-python = ">=3.11"
license = "MIT"

[tool.hatch.build.targets.wheel]
packages = ["calculator"]
"""


class BundleError(RuntimeError):
    """The bundle cannot be built (a missing runtime or a failed wheel build)."""


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _engine_sources():
    """The engine's modules, as (path inside the wheel, bytes), in a stable order."""
    files = sorted(p for p in ENGINE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in files]


def _project_version():
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def build_engine_wheel(out_dir, *, cache_dir=CACHE_DIR):
    """Build (or take from the cache) the engine wheel; copy it to ``out_dir/<hash>/``.

    The wheel holds every ``.py`` file of ``calculator/`` and nothing else. The same sources
    give the same bytes; ``<hash>`` is the start of the wheel's SHA-256.
    """
    cached = _cached_wheel(cache_dir)
    target = Path(out_dir) / _served_path(cached)
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return target


def _served_path(file, *companions):
    """``<hash>/<file name>``: where a file is served, in a folder named by its bytes (and the
    bytes of the files served beside it)."""
    digest = hashlib.sha256(file.read_bytes())
    for companion in companions:
        digest.update(companion.read_bytes())
    return f"{digest.hexdigest()[:16]}/{file.name}"


def _cached_wheel(cache_dir):
    """The engine wheel for the current sources, built into ``cache_dir`` on first use."""
    sources = _engine_sources()
    pyproject = _PYPROJECT.format(name=WHEEL_PROJECT, version=_project_version())
    recipe = [pyproject, installed_version("hatchling"), SOURCE_DATE_EPOCH]
    key = hashlib.sha256()
    for part in recipe:
        key.update(part.encode() + b"\0")
    for name, data in sources:
        key.update(name.encode() + b"\0" + _sha256(data).encode() + b"\0")
    cached_dir = Path(cache_dir) / key.hexdigest()[:20]
    cached = next(cached_dir.glob("*.whl"), None) if cached_dir.is_dir() else None
    return cached or _build_wheel(sources, pyproject, cached_dir)


def _build_wheel(sources, pyproject, cached_dir):
    """Run hatchling's PEP 517 ``build_wheel`` hook on a throwaway project holding the engine."""
    with tempfile.TemporaryDirectory(prefix="engine-wheel-") as tmp:
        project = Path(tmp) / "project"
        for name, data in sources:
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_bytes(data)
        (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
        dist = Path(tmp) / "dist"
        dist.mkdir()
        env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        hook = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
        run = subprocess.run([sys.executable, "-c", hook, str(dist)], cwd=project, env=env,
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise BundleError(f"building the engine wheel failed:\n{run.stderr.strip()}")
        built = dist / run.stdout.strip().splitlines()[-1]
        staging = Path(tempfile.mkdtemp(prefix="wheel-", dir=_ensure(cached_dir.parent)))
        shutil.copyfile(built, staging / built.name)
        try:
            staging.replace(cached_dir)  # atomic: a concurrent build may have won; both are equal
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    return next(cached_dir.glob("*.whl"))


def _ensure(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def catalog_json_bytes(catalog):
    """catalog.json as the browser gets it: ``catalog.to_dict()``, which ``load_catalog`` reads.

    It carries what the form needs too: metric names, units, max, step and default; plan
    names; ``custom`` plans and tiers; seat kinds and add-ons.
    """
    return json.dumps(catalog.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()


def write_catalog_json(catalog, out_dir):
    """Write ``out_dir/catalog.json`` and return its path."""
    path = _ensure(Path(out_dir)) / "catalog.json"
    path.write_bytes(catalog_json_bytes(catalog))
    return path


def pyodide_version():
    """The installed npm ``pyodide`` version; an error unless it is the one package-lock.json pins."""
    try:
        installed = json.loads((NODE_PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise BundleError(f"the Pyodide runtime is missing ({NODE_PYODIDE}): run npm ci") from None
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/pyodide"]["version"]
    if installed != pinned:
        raise BundleError(f"node_modules has pyodide {installed} but package-lock.json pins "
                          f"{pinned}: run npm ci")
    return installed


def copy_runtime(out_dir):
    """Copy the served Pyodide runtime (``served_runtime``) to ``out_dir/<name>/``; return that."""
    source, name = served_runtime()
    target = _ensure(Path(out_dir) / name)
    for file in RUNTIME_FILES:
        stat, dest = (source / file).stat(), target / file
        if dest.is_file() and dest.stat().st_size == stat.st_size \
                and dest.stat().st_mtime_ns == stat.st_mtime_ns:
            continue  # same file from an earlier build
        shutil.copy2(source / file, dest)
    return target


def served_runtime(*, runtime_cache_dir=None):
    """``(folder, name)``: the Pyodide runtime the site serves under ``assets/pyodide/<name>/``.

    The npm package's files with its ``pyodide.asm.wasm`` made lean (``lean_wasm``: no function
    exports that nothing calls, a faster start), cached (``_cache_root``/runtime) and named
    ``<version>-<hash>`` by the npm files and the lean script, so that hosts may cache it
    forever and a snapshot made on it is never restored onto another one. When the lean module
    cannot be made (another Pyodide layout), the npm folder itself, named ``<version>``, after a
    warning.
    """
    version = pyodide_version()
    sources = [LEAN_SCRIPT, *(NODE_PYODIDE / file for file in RUNTIME_FILES)]
    for source in sources:
        if not source.is_file():
            raise BundleError(f"{source} is missing: run npm ci")
    # a build asks several times: the files are hashed once while they stay as they are
    stamp = (str(runtime_cache_dir), *((str(s), s.stat().st_size, s.stat().st_mtime_ns)
                                       for s in sources))
    if stamp in _served_runtimes and (_served_runtimes[stamp][0] / WASM_NAME).is_file():
        return _served_runtimes[stamp]
    key = hashlib.sha256()
    for source in sources:
        key.update(source.name.encode() + b"\0" + _sha256(source.read_bytes()).encode())
    name = f"{version}-{key.hexdigest()[:12]}"
    cached = Path(runtime_cache_dir or RUNTIME_CACHE_DIR) / name
    if not (cached / WASM_NAME).is_file():
        try:
            wasm = lean_wasm((NODE_PYODIDE / WASM_NAME).read_bytes(),
                             [(NODE_PYODIDE / f).read_text(encoding="utf-8") for f in JS_RUNTIME])
        except LayoutError as exc:
            _warn_once(f"the Pyodide runtime is served as npm ships it ({exc}): slower start-up")
            _served_runtimes[stamp] = NODE_PYODIDE, version
            return _served_runtimes[stamp]
        staging = Path(tempfile.mkdtemp(prefix=".runtime-", dir=_ensure(cached.parent)))
        for file in RUNTIME_FILES:
            if file != WASM_NAME:
                shutil.copyfile(NODE_PYODIDE / file, staging / file)
        (staging / WASM_NAME).write_bytes(wasm)  # last: its presence marks a complete folder
        try:
            staging.replace(cached)  # atomic, as for the wheel
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    _served_runtimes[stamp] = cached, name
    return cached, name


_served_runtimes = {}  # served_runtime's answers by the stat of its sources


_warned = set()


def _warn_once(message):
    if message not in _warned:
        _warned.add(message)
        print(f"WARNING: {message}", file=sys.stderr)


def precompiled_stdlib(catalog, *, cache_dir=CACHE_DIR, stdlib_cache_dir=None):
    """The cached precompiled stdlib zip (built on first use), or None with a printed warning
    when it cannot be built (no Node, or the script failed): the page then uses the stock zip.

    Beside the zip, ``report.json`` holds what the script printed (Python version, magic
    number, the .pyc entries).
    """
    wheel = _cached_wheel(cache_dir)
    key_parts = (pyodide_version().encode(), (NODE_PYODIDE / STDLIB_NAME).read_bytes(),
                 STDLIB_SCRIPT.read_bytes(), WARM_UP_SCRIPT.read_bytes(), wheel.read_bytes())
    return _node_made(STDLIB_SCRIPT, wheel, catalog, STDLIB_NAME, key_parts,
                      Path(stdlib_cache_dir or STDLIB_CACHE_DIR), no_node=(
                          "node is not installed: the calculator uses the stock Python standard "
                          "library (slower start-up)"), failed=(
                          "precompiling the standard library failed, the calculator uses the "
                          "stock one (slower start-up)"))


def memory_snapshot(catalog, *, cache_dir=CACHE_DIR, snapshot_cache_dir=None):
    """The cached Pyodide memory snapshot (made on first use) for the precompiled stdlib, or
    None (with a printed warning when the script failed) when there is no precompiled stdlib or
    the snapshot cannot be made: the worker then boots Python from the precompiled stdlib.

    The path returned is the sparse copy the site serves (``sparse_snapshot``); beside the
    raw snapshot, ``report.json`` holds what the script printed (Python version, engine file).
    """
    stdlib = precompiled_stdlib(catalog, cache_dir=cache_dir)
    if stdlib is None:
        return None  # precompiled_stdlib has warned
    return _memory_snapshot(catalog, stdlib, cache_dir, snapshot_cache_dir)


def _memory_snapshot(catalog, stdlib, cache_dir, snapshot_cache_dir=None):
    runtime, runtime_name = served_runtime()  # a snapshot restores onto this runtime only
    key_parts = (runtime_name.encode(), stdlib.read_bytes(), SNAPSHOT_SCRIPT.read_bytes(),
                 WARM_UP_SCRIPT.read_bytes(), _cached_wheel(cache_dir).read_bytes())
    raw = _node_made(SNAPSHOT_SCRIPT, stdlib, catalog, SNAPSHOT_NAME, key_parts,
                     Path(snapshot_cache_dir or SNAPSHOT_CACHE_DIR), no_node=None, failed=(
                         "making the Pyodide memory snapshot failed, the calculator boots "
                         "Python from the precompiled stdlib (slower start-up)"),
                     extra_args=(f"{runtime}/",))
    return None if raw is None else _served_snapshot(raw, stdlib)


def _served_snapshot(raw, stdlib):
    """``served/snapshot.bin`` beside the cached snapshot ``raw``: the same memory in the
    sparse layout the worker reads (pricing_site/runtime/sparse_snapshot.py), with the zip the worker
    mounts at restore beside it (``RESTORE_ZIP``: ``stdlib`` without the files of the modules
    already in memory, which Python never reads again); made on first use."""
    served = raw.parent / "served"
    if not (served / raw.name).is_file():
        in_memory = set(json.loads((raw.parent / "report.json").read_text())["in_memory"])
        staging = Path(tempfile.mkdtemp(prefix=".served-", dir=raw.parent))
        (staging / raw.name).write_bytes(sparse_snapshot.encode(raw.read_bytes()))
        with zipfile.ZipFile(stdlib) as full, zipfile.ZipFile(staging / RESTORE_ZIP, "w") as lean:
            for entry in full.infolist():
                if entry.filename not in in_memory:
                    lean.writestr(entry, full.read(entry), compresslevel=9)
        try:
            staging.replace(served)  # atomic: a concurrent build sees both files or none
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    return served / raw.name


def _node_made(script, input_file, catalog, out_name, key_parts, cache_root, *, no_node, failed,
               extra_args=()):
    """``cache_root/<key>/out_name`` as ``node script input_file catalog.json out [extra_args]``
    writes it (made on first use; ``report.json`` beside it holds the JSON the script printed),
    or None after warning ``no_node`` (if given) or ``failed`` with the script's error output."""
    key = hashlib.sha256()
    for part in key_parts:
        key.update(_sha256(part).encode() + b"\0")
    cached_dir = cache_root / key.hexdigest()[:20]
    if (cached_dir / out_name).is_file():
        return cached_dir / out_name
    node = shutil.which("node")
    if node is None:
        if no_node:
            _warn_once(no_node)
        return None
    with tempfile.TemporaryDirectory(prefix="node-made-") as tmp:
        catalog_file = Path(tmp) / "catalog.json"
        catalog_file.write_bytes(catalog_json_bytes(catalog))
        out = Path(tmp) / out_name
        try:
            run = subprocess.run([node, str(script), str(input_file), str(catalog_file), str(out),
                                  *extra_args],
                                 cwd=ROOT, capture_output=True, text=True, timeout=300)
            report = json.loads(run.stdout) if run.returncode == 0 else None
        except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
            run, report = None, None
            detail = str(exc)
        else:
            detail = run.stderr.strip()[-2000:]
        if report is None or not out.is_file():
            _warn_once(f"{failed}:\n{detail}")
            return None
        staging = Path(tempfile.mkdtemp(prefix="node-made-", dir=_ensure(cache_root)))
        shutil.copyfile(out, staging / out_name)
        (staging / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        try:
            staging.replace(cached_dir)  # atomic, as for the wheel
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    return cached_dir / out_name


def bundle_urls(catalog, *, cache_dir=CACHE_DIR):
    """The bundle's URLs, relative to the site root, as ``emit_browser_bundle`` will write them.

    ``client`` is the module the page loads (``<script type="module" src=...>``); the rest
    goes, as it is, into the page's ``calculator-config`` JSON block that client.js reads.
    ``wasm`` is the runtime's wasm, which the page compiles and hands to the worker;
    ``stdlib`` (the precompiled standard library) is missing when it could not be built,
    ``snapshot`` (the memory snapshot made on it) when either could not be made.
    """
    return _bundle(catalog, cache_dir)[0]


def _bundle(catalog, cache_dir):
    """``(urls, served)``: ``bundle_urls``'s dict, and for ``stdlib`` and ``snapshot`` (when
    made) the cached files served in the folder of that URL."""
    catalog_hash = _sha256(catalog_json_bytes(catalog))[:16]
    urls = {
        "client": asset_url("calculator/client.js"),
        "worker": asset_url("calculator/worker.js"),
        "wheel": f"assets/calculator/engine/{_served_path(_cached_wheel(cache_dir))}",
        "catalog": f"assets/calculator/catalog/{catalog_hash}/catalog.json",
        "pyodide": f"assets/pyodide/{served_runtime()[1]}/",
    }
    urls["wasm"] = f"{urls['pyodide']}pyodide.asm.wasm"  # compiled by the page (client.js)
    served = {}
    stdlib = precompiled_stdlib(catalog, cache_dir=cache_dir)
    if stdlib is not None:
        served["stdlib"] = (stdlib,)
        snapshot = _memory_snapshot(catalog, stdlib, cache_dir)
        if snapshot is not None:
            served["snapshot"] = (snapshot, snapshot.with_name(RESTORE_ZIP))
    for key, files in served.items():
        urls[key] = f"assets/calculator/{key}/{_served_path(*files)}"
    return urls, served


def _publish(target, *files):
    """Copy ``files`` into the folder of ``target`` (a served path) unless already there."""
    for file in files:
        if not (_ensure(target.parent) / file.name).is_file():
            shutil.copyfile(file, target.parent / file.name)


def emit_browser_bundle(site_dir, catalog, *, cache_dir=CACHE_DIR):
    """Write the whole bundle into the built site ``site_dir``; return ``bundle_urls(catalog)``."""
    site = Path(site_dir)
    assets = site / "assets"
    calc = _ensure(assets / "calculator")
    build_engine_wheel(calc / "engine", cache_dir=cache_dir)
    copy_runtime(assets / "pyodide")
    urls, served = _bundle(catalog, cache_dir)
    write_catalog_json(catalog, (site / urls["catalog"]).parent)
    for key, files in served.items():
        _publish(site / urls[key], *files)
    for name in JS_FILES:  # as the site build publishes them (for pages made without MkDocs)
        target = _ensure((site / asset_url(f"calculator/{name}")).parent) / name
        shutil.copyfile(JS_DIR / name, target)
    for key, url in urls.items():
        if not (site / url.split("?")[0]).exists():
            raise BundleError(f"the bundle's {key} ({url}) was not written")
    return urls
