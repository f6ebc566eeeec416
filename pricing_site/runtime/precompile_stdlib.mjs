// Build time: the standard library zip the calculator's worker passes to loadPyodide as stdLibURL,
// with the modules the engine really uses precompiled to .pyc by Pyodide's own Python.
//   node pricing_site/runtime/precompile_stdlib.mjs <engine.whl> <catalog.json> <out.zip>
// Boots the npm-pinned Pyodide (node_modules/pyodide), does what the worker (boot.js) does
// (unpack the wheel, import calculator and json, load the catalog, a warm-up quote, and a cost
// curve), then takes every module in sys.modules that came from the stock stdlib zip
// (/lib/python3XY.zip) and writes a copy of that zip in which those modules are sourceless .pyc
// files (unchecked-hash, so the bytes do not depend on the time; stored, as hosts compress over
// HTTP). Every other entry stays as it was (a .py source, deflated), so any module the engine
// might import lazily still imports, just compiled at that moment as with the stock zip. The engine's own modules
// (calculator/) are added as .pyc as well.
// Prints {"python": "3.14.x", "magic": hex, "compiled": [zip entry names]} on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { WARM_UP } from "./warm_up.mjs";
// the npm package the build uses (a checkout's node_modules or the cache): startup.py says
const { loadPyodide } = await import(process.env.PRICING_SITE_PYODIDE ?? "pyodide");

const [wheelPath, catalogPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node precompile_stdlib.mjs <engine.whl> <catalog.json> <out.zip>");
  process.exit(2);
}
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.FS.writeFile("/tmp/catalog.json", readFileSync(catalogPath, "utf8"));
const report = pyodide.runPython(`
${WARM_UP}
import sys
warm_up("/tmp/catalog.json")
ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
used = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if path.startswith(ZIP + "/") and path.endswith(".py"):
        used.add(path[len(ZIP) + 1:])

import importlib.util, marshal, zipfile  # after the census: the build's own needs are not counted

def pyc(name, source):
    code = compile(source, f"{ZIP}/{name}", "exec", dont_inherit=True)
    # PEP 552 header: magic, flags=0b01 (hash-based, unchecked), source hash, then the code
    return (importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))

compiled = []
with zipfile.ZipFile(ZIP) as stock, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for info in stock.infolist():
        data = stock.read(info)
        if info.filename in used:
            entry = zipfile.ZipInfo(info.filename + "c", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_STORED
            out.writestr(entry, pyc(info.filename, data))
            compiled.append(entry.filename)
        else:
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
            out.writestr(entry, data, compresslevel=9)
    # The engine too, every module of it (a package found in the zip is looked for only there).
    # The zip comes before site-packages on sys.path, so these win over the wheel's sources:
    # the same sources (the cache key holds the wheel), without compiling them at start-up.
    import calculator, pathlib
    package = pathlib.Path(calculator.__file__).parent
    for source in sorted(package.rglob("*.py")):
        name = source.relative_to(package.parent).as_posix()
        entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
        out.writestr(entry, pyc(name, source.read_bytes()))
        compiled.append(entry.filename)
json.dumps({"python": sys.version.split()[0], "magic": importlib.util.MAGIC_NUMBER.hex(),
            "compiled": sorted(compiled)})
`);
writeFileSync(outPath, pyodide.FS.readFile("/tmp/out.zip"));
process.stdout.write(report);
