"""The calculator worker's module graph, read from the sources: worker.js and the modules it
imports, relative imports only (its dynamic imports are of the Pyodide runtime)."""

import re
from pathlib import Path

CALCULATOR_JS = Path(__file__).resolve().parents[2] / "site_src" / "assets" / "calculator"
_IMPORT = re.compile(r"""^import\s+(?:[^"';]*?\s+from\s+)?["']\./([^"']+)["'];""", re.M)


def imports(name):
    """The modules that ``name`` imports statically, as file names beside it."""
    return set(_IMPORT.findall((CALCULATOR_JS / name).read_text(encoding="utf-8")))


def worker_modules():
    """worker.js and every module it reaches through static imports."""
    seen, todo = set(), ["worker.js"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imports(name))
    return seen
