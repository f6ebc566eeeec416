"""The calculator worker's module graph, read from the sources: worker.js and the modules it
imports, relative imports only (its other dynamic imports are of the Pyodide runtime)."""

import re
from pathlib import Path

CALCULATOR_JS = Path(__file__).resolve().parents[2] / "site_src" / "assets" / "calculator"
_STATIC = re.compile(r"""^import\s+(?:[^"';]*?\s+from\s+)?["']\./([^"']+)["'];""", re.M)
_DYNAMIC = re.compile(r"""\bimport\(\s*["']\./([^"']+)["']\s*\)""")


def imports(name, dynamic=False):
    """The modules that ``name`` imports statically (or with ``import()``), as file names."""
    return set((_DYNAMIC if dynamic else _STATIC).findall(
        (CALCULATOR_JS / name).read_text(encoding="utf-8")))


def worker_modules(dynamic=True):
    """worker.js and every module it reaches through static imports (and ``import()``)."""
    seen, todo = set(), ["worker.js"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imports(name) | (imports(name, dynamic=True) if dynamic else set()))
    return seen
