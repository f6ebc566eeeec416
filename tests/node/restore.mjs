// The memory snapshot as the worker restores it (the sparse file rebuilt, the lean zip mounted),
// headless: then imports that were not in the snapshot, read from the lean zip.
//   node tests/node/restore.mjs <memory.bin (raw)> <lean python_stdlib.zip> <catalog.json>
//        <the site's runtime folder/> (the snapshot restores onto the module it was made on)
// Prints {"quote": quote_json output, "imported": [module names new after the restore]}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [memoryPath, zipPath, catalogPath, indexURL] = process.argv.slice(2);
const pyodide = await loadPyodide({ indexURL, stdLibURL: zipPath,
  _loadSnapshot: readFileSync(memoryPath) });
const calculator = pyodide.pyimport("calculator");
const catalog = calculator.load_catalog(pyodide.pyimport("json").loads(readFileSync(catalogPath, "utf8")));
const quote = JSON.parse(pyodide.pyimport("calculator.browser").quote_json(catalog, JSON.stringify({ plan: "team", seats: 49 })));
const imported = pyodide.runPython(`
import sys
before = set(sys.modules)
import xml.dom.minidom, statistics, fractions
assert xml.dom.minidom.parseString("<a>ok</a>").documentElement.firstChild.data == "ok"
assert statistics.mean([1, 2, 3]) == 2 and fractions.Fraction(1, 3) * 3 == 1
sorted(set(sys.modules) - before)
`).toJs();
process.stdout.write(JSON.stringify({ quote, imported }));
