// bench/engine.py's Pyodide half: the engine's browser calls timed in Pyodide under Node, the
// runtime the visitor's browser runs it in, so engine.py can print them beside CPython's.
//   node bench/engine_pyodide.mjs < catalog.json
// Boots the npm-pinned Pyodide (node_modules/pyodide), copies calculator/ and bench/engine.py
// into its file system (under /repo, as in the checkout), loads the catalog from stdin and runs
// engine.browser_calls: the same requests, timeit repeats and medians as in CPython.
// Prints {"pyodide", "node", "python", "quote_us", ..., "curve_ms", ...} on stdout.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = fileURLToPath(new URL("..", import.meta.url));
const catalog = readFileSync(0, "utf8");
const pyodide = await loadPyodide();
const sources = readdirSync(join(root, "calculator"), { recursive: true })
  .filter((name) => name.endsWith(".py")).map((name) => join("calculator", name));
for (const name of [...sources, join("bench", "engine.py")]) {
  const target = `/repo/${name}`;
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, readFileSync(join(root, name), "utf8"));
}
pyodide.globals.set("catalog_json", catalog);
let figures;
try {
  figures = JSON.parse(pyodide.runPython(`
import json, sys
sys.path.insert(0, "/repo/bench")
import engine
json.dumps(engine.browser_calls(engine.load_catalog(json.loads(catalog_json))))
`));
} catch (err) {  // one line for engine.py's "failed: ...", not Pyodide's minified stack
  console.error(err.message.trim().split("\n").pop());
  process.exit(1);
}
const versions = { pyodide: pyodide.version, node: process.version };
process.stdout.write(JSON.stringify({ ...versions, ...figures }) + "\n");
