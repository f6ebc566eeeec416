"""The Pyodide runtime the site serves: the npm package's files, its wasm made lean.

``served_runtime`` makes (once, cached) the runtime with its ``pyodide.asm.wasm`` cut by
``lean_wasm`` (no function exports that nothing calls: a faster start), named
``<version>-<hash>`` by the npm files and the lean script, so that hosts may cache it forever
and a snapshot made on it is never restored onto another one. When the lean module cannot be
made (another Pyodide layout), the npm folder itself is served, named ``<version>``, after a
warning.
"""

import json
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

from .cache import BundleError, cache_root, ensure, move_in, sha256
from .lean_wasm import LayoutError, lean_js, lean_wasm

ROOT = Path(__file__).resolve().parents[2]
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches for a bare interpreter (no packages): entry module, Emscripten
# module, the wasm binary, the standard library and the lock file it always reads.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
WASM_NAME = "pyodide.asm.wasm"
JS_RUNTIME = ("pyodide.asm.mjs", "pyodide.mjs")  # what calls into the wasm
MODULE_JS = "pyodide.asm.mjs"  # binds every export to a variable (lean_js)
RUNTIME_CACHE_DIR = cache_root() / "runtime"
LEAN_SCRIPT = Path(__file__).resolve().parent / "lean_wasm.py"


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
    target = ensure(Path(out_dir) / name)
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
    exports that nothing calls, a faster start) and ``pyodide.asm.mjs`` without their bindings
    (``lean_js``: fewer bytes), cached (``_cache_root``/runtime) and named
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
        key.update(source.name.encode() + b"\0" + sha256(source.read_bytes()).encode())
    name = f"{version}-{key.hexdigest()[:12]}"
    cached = Path(runtime_cache_dir or RUNTIME_CACHE_DIR) / name
    if not (cached / WASM_NAME).is_file():
        try:
            wasm = lean_wasm((NODE_PYODIDE / WASM_NAME).read_bytes(),
                             [(NODE_PYODIDE / f).read_text(encoding="utf-8") for f in JS_RUNTIME])
            module_js = lean_js((NODE_PYODIDE / MODULE_JS).read_text(encoding="utf-8"), wasm)
        except LayoutError as exc:
            warn_once(f"the Pyodide runtime is served as npm ships it ({exc}): slower start-up")
            _served_runtimes[stamp] = NODE_PYODIDE, version
            return _served_runtimes[stamp]
        staging = Path(tempfile.mkdtemp(prefix=".runtime-", dir=ensure(cached.parent)))
        for file in RUNTIME_FILES:
            if file not in (WASM_NAME, MODULE_JS):
                shutil.copyfile(NODE_PYODIDE / file, staging / file)
        (staging / MODULE_JS).write_text(module_js, encoding="utf-8")
        (staging / WASM_NAME).write_bytes(wasm)  # last: its presence marks a complete folder
        move_in(staging, cached)
    _served_runtimes[stamp] = cached, name
    return cached, name


_served_runtimes = {}  # served_runtime's answers by the stat of its sources
_warned = set()


def warn_once(message):
    if message not in _warned:
        _warned.add(message)
        print(f"WARNING: {message}", file=sys.stderr)
