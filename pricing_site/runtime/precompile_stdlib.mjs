// Build time: the standard library the calculator's worker passes to loadPyodide as stdLibURL:
// only the modules Python's start and the engine import, precompiled to .pyc by Pyodide's own
// Python, and the engine itself.
//   node pricing_site/runtime/precompile_stdlib.mjs <engine.whl> <catalog.json> <out.zip>
// Boots the npm-pinned Pyodide (node_modules/pyodide), does what the worker can do (unpack the
// wheel, import calculator, then warm_up.mjs: every plan quoted and charted, every kind of
// refused request), then writes a zip holding, as sourceless .pyc (unchecked-hash, so the bytes
// do not depend on the time), every module then in sys.modules that came from the stock stdlib
// zip (/lib/python3XY.zip; not the frozen ones, which the wasm holds), and the engine's modules
// (calculator/): the closure of what the
// engine can import, since it imports only at the top of its modules (tests/engine/
// test_stdlib_only.py) and the warm-up takes every way through its door. Nothing else: the
// stock zip's other ~450 modules are never read, and a first visit downloads what is used.
// The .pyc hold no column ranges (PYTHONNODEBUGRANGES: a traceback names the line but draws no
// carets under it), a quarter of their compressed bytes; and the stdlib's docstrings are left
// out (a sixth more; `__doc__` is None, which nothing on the calculator's path reads: Pyodide's
// docstring helpers take None), the engine's are kept. Entries are stored, not deflated: the zip is served gzipped as a whole
// (bundle.py).
// Prints {"python": "3.14.x", "magic": hex, "compiled": [zip entry names]} on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { WARM_UP } from "./warm_up.mjs";

const [wheelPath, catalogPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node precompile_stdlib.mjs <engine.whl> <catalog.json> <out.zip>");
  process.exit(2);
}
const pyodide = await loadPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.runPython("import sys; BOOTED = set(sys.modules)");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
// what unpacking the wheel imported (zipfile's cp437 names): the worker never unpacks it
pyodide.runPython("UNPACKING = set(sys.modules) - BOOTED");
pyodide.FS.writeFile("/tmp/catalog.json", readFileSync(catalogPath, "utf8"));
const report = pyodide.runPython(`
${WARM_UP}
import sys
if any(column is not None for *_, column in compile("x", "", "eval").co_positions()):
    raise SystemExit("PYTHONNODEBUGRANGES was not read")
warm_up("/tmp/catalog.json")
ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
used = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    frozen = getattr(getattr(module, "__spec__", None), "origin", None) == "frozen"  # in the wasm
    if path.startswith(ZIP + "/") and path.endswith(".py") and not frozen \
            and module.__name__ not in UNPACKING:
        used.add(path[len(ZIP) + 1:])

import ast, importlib.util, marshal, zipfile  # after the census: the build's own needs are not counted

def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                node.body = node.body[1:] or [ast.copy_location(ast.Pass(), first)]
    return tree

def pyc(name, source, docstrings=False):
    tree = ast.parse(source, f"{ZIP}/{name}")
    if not docstrings:
        tree = without_docstrings(tree)
    code = compile(tree, f"{ZIP}/{name}", "exec", dont_inherit=True)
    # PEP 552 header: magic, flags=0b01 (hash-based, unchecked), source hash, then the code
    return (importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))

def stored(name):
    return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))

compiled = []
with zipfile.ZipFile(ZIP) as stock, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for name in sorted(used):
        out.writestr(stored(name + "c"), pyc(name, stock.read(name)))
        compiled.append(name + "c")
    # The engine, every module of it (a package found in the zip is looked for only there), from
    # the wheel's sources: the zip comes before site-packages on sys.path, so no wheel is needed.
    import calculator, pathlib
    package = pathlib.Path(calculator.__file__).parent
    for source in sorted(package.rglob("*.py")):
        name = source.relative_to(package.parent).as_posix()
        out.writestr(stored(name + "c"), pyc(name, source.read_bytes(), docstrings=True))
        compiled.append(name + "c")
json.dumps({"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(),
            "compiled": sorted(compiled)})
`);
writeFileSync(outPath, pyodide.FS.readFile("/tmp/out.zip"));
process.stdout.write(report);
