// The memory snapshot as the worker restores it (the sparse file rebuilt, the served stdlib zip
// beside it mounted), headless: the engine answers, and modules no zip holds are not there.
//   node tests/node/restore.mjs <memory.bin (raw)> <the zip beside it> <catalog.json>
//        <the site's runtime folder/> (the snapshot restores onto the module it was made on)
// Prints {"quote": quote_json output, "missing": [module names that cannot be imported]}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [memoryPath, zipPath, catalogPath, indexURL] = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL, stdLibURL: zipPath,
  _loadSnapshot: readFileSync(memoryPath) });
const calculator = pyodide.pyimport("calculator");
const catalog = calculator.load_catalog(pyodide.pyimport("json").loads(readFileSync(catalogPath, "utf8")));
const quote = JSON.parse(pyodide.pyimport("calculator.browser").quote_json(catalog, JSON.stringify({ plan: "team", seats: 49 })));
const missing = pyodide.runPython(`
import importlib
missing = []
for name in ("statistics", "xml.dom.minidom"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        missing.append(name)
missing
`).toJs();
process.stdout.write(JSON.stringify({ quote, missing }));
