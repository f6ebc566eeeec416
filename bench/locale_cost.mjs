// bench/locale_cost.py's Pyodide half: the same rounds, in Pyodide under Node.
//   node bench/locale_cost.mjs < spec.json   ({"rounds", "engines": {variant: {folder, catalog}}})
// Copies each engine's calculator/ and bench/locale_cost.py into Pyodide's file system and runs
// locale_cost.measure there; prints {variant: {call: µs}} as JSON.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = fileURLToPath(new URL("..", import.meta.url));
const spec = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide();
const put = (source, target) => {
  pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
  pyodide.FS.writeFile(target, readFileSync(source, "utf8"));
};
const engines = {};
for (const [variant, { folder, catalog }] of Object.entries(spec.engines)) {
  const inside = `/engines/${Object.keys(engines).length}`;
  for (const name of readdirSync(join(folder, "calculator"), { recursive: true })) {
    if (name.endsWith(".py")) put(join(folder, "calculator", name), `${inside}/calculator/${name}`);
  }
  engines[variant] = [inside, catalog];
}
put(join(root, "bench", "locale_cost.py"), "/bench/locale_cost.py");
pyodide.globals.set("spec", JSON.stringify({ rounds: spec.rounds, engines }));
process.stdout.write(pyodide.runPython(`
import json, sys
sys.path.insert(0, "/bench")
import locale_cost
given = json.loads(spec)
json.dumps(locale_cost.measure({v: tuple(e) for v, e in given["engines"].items()}, given["rounds"]))
`) + "\n");
