"""The engine as the browser installs it: a pure-Python wheel of ``calculator/`` alone.

A plain wheel made by a standard PEP 517 backend (hatchling) is all pyodide-build would produce
for a package without compiled code, and it needs no cross-build environment. It is
reproducible (a fixed SOURCE_DATE_EPOCH), cached by the hash of its sources and served under
the hash of its bytes, so hosts can cache it forever.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version as installed_version
from pathlib import Path

from pricing_site import __version__

from .cache import BundleError, cache_root, ensure, move_in, served_path, sha256

ROOT = Path(__file__).resolve().parents[2]
ENGINE_DIR = ROOT / "calculator"
CACHE_DIR = cache_root() / "engine-wheels"
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


def _engine_sources():
    """The engine's modules, as (path inside the wheel, bytes), in a stable order."""
    files = sorted(p for p in ENGINE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in files]


def build_engine_wheel(out_dir, *, cache_dir=CACHE_DIR):
    """Build (or take from the cache) the engine wheel; copy it to ``out_dir/<hash>/``.

    The wheel holds every ``.py`` file of ``calculator/`` and nothing else. The same sources
    give the same bytes; ``<hash>`` is the start of the wheel's SHA-256.
    """
    cached = cached_wheel(cache_dir)
    target = Path(out_dir) / served_path(cached)
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return target


def cached_wheel(cache_dir):
    """The engine wheel for the current sources, built into ``cache_dir`` on first use."""
    sources = _engine_sources()
    pyproject = _PYPROJECT.format(name=WHEEL_PROJECT, version=__version__)
    recipe = [pyproject, installed_version("hatchling"), SOURCE_DATE_EPOCH]
    key = hashlib.sha256()
    for part in recipe:
        key.update(part.encode() + b"\0")
    for name, data in sources:
        key.update(name.encode() + b"\0" + sha256(data).encode() + b"\0")
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
        staging = Path(tempfile.mkdtemp(prefix="wheel-", dir=ensure(cached_dir.parent)))
        shutil.copyfile(built, staging / built.name)
        move_in(staging, cached_dir)
    return next(cached_dir.glob("*.whl"))
