"""What makes Python start fast in the browser, made in Node at build time: a precompiled
standard library and a memory snapshot.

Stock ``loadPyodide`` spends most of its time compiling the standard library's ``.py`` files
inside WebAssembly, and a first visit downloads all of them. ``precompile_stdlib.mjs`` runs
Pyodide's own Python in Node, does what the worker can do (wheel, ``import calculator``, every
plan quoted and charted, every kind of refused request: warm_up.mjs) and writes a zip of only
the modules then in ``sys.modules``, as sourceless .pyc, with the engine's own: what a first
visit boots from. ``make_snapshot.mjs`` boots Pyodide in Node from that zip, imports the engine,
warms it up and writes a memory snapshot (an underscore API: the same Pyodide build only),
served sparse (``sparse_snapshot``) beside the zip without the modules it holds in memory
(what the restored Python may still import), both fetched after a first visit is ready, for
the next one. Beside the zip, ``pyodide-lock.json`` with no packages
(the runtime's own lists 300 of them, which the calculator never loads). Each is cached by
everything it is made from; without Node, or when a script fails, the build warns and the page
falls back (snapshot -> precompiled stdlib -> stock). docs/architecture.md tells the whole path.
"""

import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from . import sparse_snapshot
from .cache import cache_root, ensure, move_in, sha256
from .pyodide import NODE_PYODIDE, pyodide_version, served_runtime, warn_once
from .wheel import CACHE_DIR, ROOT, cached_wheel

HERE = Path(__file__).resolve().parent
STDLIB_CACHE_DIR = cache_root() / "stdlib"
STDLIB_SCRIPT = HERE / "precompile_stdlib.mjs"
STDLIB_NAME = "python_stdlib.zip"
SNAPSHOT_CACHE_DIR = cache_root() / "snapshot"
SNAPSHOT_SCRIPT = HERE / "make_snapshot.mjs"
SNAPSHOT_NAME = "snapshot.bin"
LOCK_NAME = "pyodide-lock.json"  # served beside the stdlib: no packages to index
RESTORE_ZIP = "python_stdlib.zip"  # served beside the snapshot: the zip mounted at restore
WARM_UP_SCRIPT = HERE / "warm_up.mjs"  # imported by both scripts


def precompiled_stdlib(catalog_json, *, cache_dir=CACHE_DIR, stdlib_cache_dir=None):
    """The cached precompiled stdlib zip (built on first use), or None with a printed warning
    when it cannot be built (no Node, or the script failed): the page then uses the stock zip.

    Beside the zip, ``report.json`` holds what the script printed (Python version, magic
    number, the .pyc entries).
    """
    wheel = cached_wheel(cache_dir)
    key_parts = (pyodide_version().encode(), (NODE_PYODIDE / STDLIB_NAME).read_bytes(),
                 STDLIB_SCRIPT.read_bytes(), WARM_UP_SCRIPT.read_bytes(), wheel.read_bytes())
    return _node_made(STDLIB_SCRIPT, wheel, catalog_json, STDLIB_NAME, key_parts,
                      Path(stdlib_cache_dir or STDLIB_CACHE_DIR), no_node=(
                          "node is not installed: the calculator uses the stock Python standard "
                          "library (slower start-up)"), failed=(
                          "precompiling the standard library failed, the calculator uses the "
                          "stock one (slower start-up)"))


def memory_snapshot(catalog_json, *, cache_dir=CACHE_DIR, snapshot_cache_dir=None):
    """The cached Pyodide memory snapshot (made on first use) for the precompiled stdlib, or
    None (with a printed warning when the script failed) when there is no precompiled stdlib or
    the snapshot cannot be made: the worker then boots Python from the precompiled stdlib.

    The path returned is the sparse copy the site serves (``sparse_snapshot``); beside the
    raw snapshot, ``report.json`` holds what the script printed (Python version, engine file).
    """
    stdlib = precompiled_stdlib(catalog_json, cache_dir=cache_dir)
    if stdlib is None:
        return None  # precompiled_stdlib has warned
    return snapshot_on(catalog_json, stdlib, cache_dir, snapshot_cache_dir)


def snapshot_on(catalog_json, stdlib, cache_dir, snapshot_cache_dir=None):
    runtime, runtime_name = served_runtime()  # a snapshot restores onto this runtime only
    key_parts = (runtime_name.encode(), stdlib.read_bytes(), SNAPSHOT_SCRIPT.read_bytes(),
                 WARM_UP_SCRIPT.read_bytes(), cached_wheel(cache_dir).read_bytes())
    raw = _node_made(SNAPSHOT_SCRIPT, stdlib, catalog_json, SNAPSHOT_NAME, key_parts,
                     Path(snapshot_cache_dir or SNAPSHOT_CACHE_DIR), no_node=None, failed=(
                         "making the Pyodide memory snapshot failed, the calculator boots "
                         "Python from the precompiled stdlib (slower start-up)"),
                     extra_args=(f"{runtime}/",))
    return None if raw is None else _served_snapshot(raw, stdlib)


def _served_snapshot(raw, stdlib):
    """``served/snapshot.bin`` beside the cached snapshot ``raw``: the same memory in the
    sparse layout the worker reads (pricing_site/runtime/sparse_snapshot.py), with the zip the
    worker mounts at restore beside it (``RESTORE_ZIP``: ``stdlib`` without the files of the
    modules already in memory, which Python never reads again: a few kB, so a returning visit
    reads next to nothing besides the snapshot); made on first use."""
    served = raw.parent / "served"
    if not (served / raw.name).is_file():
        in_memory = set(json.loads((raw.parent / "report.json").read_text())["in_memory"])
        staging = Path(tempfile.mkdtemp(prefix=".served-", dir=raw.parent))
        (staging / raw.name).write_bytes(sparse_snapshot.encode(raw.read_bytes()))
        with zipfile.ZipFile(stdlib) as full, zipfile.ZipFile(staging / RESTORE_ZIP, "w") as lean:
            for entry in full.infolist():
                if entry.filename not in in_memory:
                    lean.writestr(entry, full.read(entry), compresslevel=9)
        move_in(staging, served)
    return served / raw.name


def empty_lock(folder):
    """``folder/pyodide-lock.json``: the runtime's lock file without its packages (Pyodide reads
    its ``info`` at start; the calculator loads no package), written if missing."""
    lock = folder / LOCK_NAME
    if not lock.is_file():
        info = json.loads((NODE_PYODIDE / LOCK_NAME).read_text(encoding="utf-8"))["info"]
        lock.write_text(json.dumps({"info": info, "packages": {}}, sort_keys=True), encoding="utf-8")
    return lock


def _node_made(script, input_file, catalog_json, out_name, key_parts, folder, *, no_node, failed,
               extra_args=()):
    """``folder/<key>/out_name`` as ``node script input_file catalog.json out [extra_args]``
    writes it (made on first use; ``report.json`` beside it holds the JSON the script printed),
    or None after warning ``no_node`` (if given) or ``failed`` with the script's error output."""
    key = hashlib.sha256()
    for part in key_parts:
        key.update(sha256(part).encode() + b"\0")
    cached_dir = folder / key.hexdigest()[:20]
    if (cached_dir / out_name).is_file():
        return cached_dir / out_name
    node = shutil.which("node")
    if node is None:
        if no_node:
            warn_once(no_node)
        return None
    with tempfile.TemporaryDirectory(prefix="node-made-") as tmp:
        catalog_file = Path(tmp) / "catalog.json"
        catalog_file.write_bytes(catalog_json)
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
            warn_once(f"{failed}:\n{detail}")
            return None
        staging = Path(tempfile.mkdtemp(prefix="node-made-", dir=ensure(folder)))
        shutil.copyfile(out, staging / out_name)
        (staging / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        move_in(staging, cached_dir)
    return cached_dir / out_name
