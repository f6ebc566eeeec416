"""The engine imports only the standard library, so Pyodide can run it unchanged."""

import ast
import subprocess
import sys

from tests.support.paths import ROOT

ENGINE = ROOT / "calculator"


def top_level_imports(path):
    """Top-level packages ``path`` imports, anywhere in it: inside a function too (the engine
    imports nothing but the standard library, not even lazily)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_modules_import_only_the_standard_library():
    stdlib = sys.stdlib_module_names
    for path in ENGINE.rglob("*.py"):
        outside = {name for name in top_level_imports(path) if name not in stdlib}
        assert not outside, f"{path.relative_to(ROOT)} imports {outside}"


def test_engine_runs_with_third_party_packages_blocked():
    """Import the engine and price a quote in a process where yaml, jsonschema, mkdocs and
    jinja2 cannot be imported at all."""
    script = (
        "import sys\n"
        "sys.path.insert(0, '.')\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in {'yaml', 'jsonschema', 'mkdocs', 'jinja2', 'pricing_site', 'markdown'}:\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import json, calculator\n"
        "cat = calculator.load_catalog({'currency': 'USD', 'plans': [{'id': 't', 'name': 'T',"
        " 'price': {'seats': {'pricing': 'graduated', 'tiers': [{'up_to': 10, 'unit': 50},"
        " {'unit': 40}]}}}]})\n"
        "print(calculator.quote(cat, {'plan': 't', 'seats': 49}).total)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] not in sys.stdlib_module_names"
        " and m.split('.')[0] not in ('calculator', '__main__')))\n"
    )
    result = subprocess.run([sys.executable, "-S", "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    total, modules = result.stdout.splitlines()
    assert total == "2060.00"
    assert modules == "[]"
