// Golden vectors under Python 3.14: the engine in Pyodide (from node_modules), headless.
//   node tests/node/golden.mjs <engine.whl> [cases.json] [python_stdlib.zip]
// (cases on stdin without a file). With a stdlib zip, Python boots from it alone, as the worker's
// first visit does (the precompiled zip, which holds the engine: no wheel), so any module the
// engine needs and the zip lacks fails the case.
// cases.json: {"catalogs": {name: catalog.to_dict()}, "cases": [{"catalog": name, "request": ...,
//   "op": "quote" (the default) or "forecast" (the request is then forecast_json's payload)}],
//   "curves": [{"catalog": name, "payload": {request, metric, points}}]}
// Prints {"version": [major, minor, micro], "results": [quote_json or forecast_json output, parsed,
//         per case], "curves": [curve_json output, parsed, per curve], "engine": calculator.__file__}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath, stdlibPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(casesPath ?? 0, "utf8"));
const pyodide = await loadPyodide(stdlibPath ? { stdLibURL: stdlibPath } : {});
if (!stdlibPath) pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel"); // not a Buffer
const calculator = pyodide.pyimport("calculator");
const door = pyodide.pyimport("calculator.browser");
const json = pyodide.pyimport("json");
const version = pyodide.runPython("import sys; list(sys.version_info[:3])").toJs();
const catalogs = {};
for (const [name, data] of Object.entries(input.catalogs)) {
  catalogs[name] = calculator.load_catalog(json.loads(JSON.stringify(data)));
}
const results = input.cases.map(({ catalog, request, op }) =>
  JSON.parse(door[op === "forecast" ? "forecast_json" : "quote_json"](catalogs[catalog], JSON.stringify(request))));
const curves = (input.curves ?? []).map(({ catalog, payload }) =>
  JSON.parse(door.curve_json(catalogs[catalog], JSON.stringify(payload))));
process.stdout.write(JSON.stringify({ version, results, curves, engine: calculator.__file__ }));
