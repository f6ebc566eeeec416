// Golden vectors under Python 3.14: the engine wheel in Pyodide (from node_modules), headless.
//   node tests/node/golden.mjs <engine.whl> [cases.json]        (cases on stdin without a file)
// cases.json: {"catalogs": {name: catalog.to_dict()}, "cases": [{"catalog": name, "request": ...,
//   "op": "quote" (the default) or "forecast" (the request is then forecast_json's payload)}]}
// Prints {"version": [major, minor, micro], "results": [quote_json or forecast_json output, parsed]}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(casesPath ?? 0, "utf8"));
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel"); // not a Buffer
const calculator = pyodide.pyimport("calculator");
const json = pyodide.pyimport("json");
const version = pyodide.runPython("import sys; list(sys.version_info[:3])").toJs();
const catalogs = {};
for (const [name, data] of Object.entries(input.catalogs)) {
  catalogs[name] = calculator.load_catalog(json.loads(JSON.stringify(data)));
}
const door = pyodide.pyimport("calculator.browser");
const results = input.cases.map(({ catalog, request, op }) =>
  JSON.parse(door[op === "forecast" ? "forecast_json" : "quote_json"](catalogs[catalog], JSON.stringify(request))));
process.stdout.write(JSON.stringify({ version, results }));
