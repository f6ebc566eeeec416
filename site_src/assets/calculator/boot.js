// How Python starts, and the engine on it. Three ways, the fastest first; when one fails in any
// way (a warning in the console), the next:
//   "snapshot"     ?snapshot= and ?stdlib=: a Pyodide memory snapshot made at build time on the
//                  precompiled stdlib with json and the engine imported (its bytes come from
//                  snapshot.js), restored with the lean python_stdlib.zip served beside it as
//                  stdLibURL (what Python may still import lazily)
//   "precompiled"  ?stdlib=: the stdlib zip with the engine's modules precompiled to .pyc
//                  (pricing_site/runtime/precompile_stdlib.mjs) as stdLibURL
//   "stock"        the runtime's own python_stdlib.zip ("stock (fallback)" when the precompiled
//                  zip failed)
// Then the engine: the wheel unpacked (unless the snapshot holds it), `calculator` imported,
// catalog.json loaded, a warm-up quote: ready. The order of the requests is the start's speed:
// the snapshot's download first, the runtime's two modules side by side, the wheel and the
// catalog meanwhile (bench/HISTORY.md, eighth session). The strategies get their URLs from here:
// this module alone reads the worker's URL (client.js sets its parameters).
import { pageWasmUsed, usePageWasm } from "./page-wasm.js";
import { snapshotMemory } from "./snapshot.js";

const t0 = performance.now();
const params = new URL(self.location.href).searchParams;
// a parameter's URL, taken only on the worker's own origin: the worker runs the code and reads
// the data it names
const url = (name) => {
  const u = new URL(params.get(name) ?? "", self.location.href);
  if (u.origin !== self.location.origin) throw new Error(`${name} must be same-origin: ${u}`);
  return u.href;
};
const indexURL = url("pyodide"); // the runtime's folder
const fetchOk = async (name, as) => { // the response's body `as` text or arrayBuffer, or itself
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} for ${response.url}`);
  return as ? response[as]() : response;
};
const useSnapshot = Boolean(params.get("snapshot") && params.get("stdlib"));

// Once, before Python first starts: when the worker's URL names the runtime's own wasm, the
// page hands it over compiled (page-wasm.js); the function taking the hand-over, else null.
export function pageWasm() {
  const href = new URL("pyodide.asm.wasm", indexURL).href;
  return params.get("wasm") === href ? usePageWasm(href) : null;
}

// Resolves {engine: {quote, curve, forecast}, plans, report} once Python has answered a warm-up quote;
// engine's calls take a request as JSON text and give {ok} or {error, field}; plans are the
// catalog's priced plans; report is what the ready message says (worker.js): timings (ms
// since the worker's start at each lap; start: the way Python started; wasm: "page" when
// page-wasm.js gave Pyodide the page's module), stdlib ("precompiled" when json came from a
// .pyc, else "stock" or "stock (fallback)") and engine, calculator.__file__ (in the zip, as
// .pyc, or the wheel's source).
export async function start() {
  const timings = {};
  const lap = (name) => (timings[name] = Math.round(performance.now() - t0));
  const snapshot = useSnapshot ? snapshotMemory(url("snapshot")) : null; // streams in while the runtime loads
  snapshot?.filled.then(() => lap("snapshot read"), () => {});
  // the runtime's second module loads beside the first (loadPyodide would import it only once
  // it runs, after starting the wasm's and the zip's downloads, which it still does first)
  const factory = import(new URL("pyodide.asm.mjs", indexURL).href);
  factory.catch(() => {}); // awaited by loadPyodide, through createPyodideModule
  const createPyodideModule = async (settings) => (await factory).default(settings);
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  lap("runtime imported");
  // the wheel is not needed when the snapshot holds the engine (imported from the zip)
  const wheel = useSnapshot ? null : fetchOk("wheel", "arrayBuffer");
  wheel?.catch(() => {}); // awaited below; a failure is reported there
  const [{ pyodide, way, stdlib }, catalogText] = await Promise.all([
    boot(loadPyodide, { indexURL, createPyodideModule }, snapshot, lap), fetchOk("catalog", "text")]);
  timings.start = way;
  if (pageWasmUsed) timings.wasm = "page";
  lap("pyodide");
  if (way !== "snapshot") {
    // into site-packages, which comes after the stdlib zip on sys.path (the cwd comes before
    // it): when the zip holds the engine precompiled, that copy is the one imported
    const sitePackages = pyodide.runPython(
      "import sys; '/lib/python%d.%d/site-packages' % sys.version_info[:2]");
    pyodide.unpackArchive(await (wheel ?? fetchOk("wheel", "arrayBuffer")), "wheel",
      { extractDir: sitePackages });
  }
  const calculator = pyodide.pyimport("calculator"), door = pyodide.pyimport("calculator.browser");
  const engineFile = calculator.__file__; // a .pyc in the stdlib zip when that holds the engine too
  const catalog = calculator.load_catalog(pyodide.pyimport("json").loads(catalogText));
  lap("engine");
  const engine = {
    quote: (text) => JSON.parse(door.quote_json(catalog, text)),
    curve: (text) => JSON.parse(door.curve_json(catalog, text)),
    forecast: (text) => JSON.parse(door.forecast_json(catalog, text)),
  };
  const plans = JSON.parse(catalogText).plans.filter((plan) => !plan.custom);
  engine.quote(JSON.stringify({ plan: plans[0]?.id }));
  lap("ready");
  return { engine, plans, report: { timings, stdlib, engine: engineFile } };
}

// {pyodide, way, stdlib}: Python started the first of the three ways that works
async function boot(loadPyodide, runtime, snapshot, lap) {
  if (snapshot) {
    try {
      // Pyodide awaits _loadSnapshot only to size the memory, and restores it once the module
      // is made: the module is made while the snapshot's bytes still arrive
      const pyodide = await loadPyodide({ ...runtime, _loadSnapshot: snapshot.memory,
        createPyodideModule: async (settings) => {
          const module = await runtime.createPyodideModule(settings);
          lap("module made");
          await snapshot.filled;
          return module;
        },
        stdLibURL: new URL("python_stdlib.zip", url("snapshot")).href });
      // what the snapshot must hold, checked through proxies (no Python source to compile);
      // `random` (if anything imported it) is reseeded, as the snapshot froze its state
      const modules = pyodide.pyimport("sys").modules;
      if (modules.has("random")) modules.get("random").seed();
      if (!modules.has("calculator") || !modules.get("json").__file__.endsWith(".pyc")) {
        throw new Error("the snapshot does not hold the engine");
      }
      return { pyodide, way: "snapshot", stdlib: "precompiled" };
    } catch (err) {
      console.warn(`calculator: the memory snapshot failed (${err?.message ?? err}); booting Python`);
    }
  }
  if (!params.get("stdlib")) return { pyodide: await loadPyodide(runtime), way: "stock", stdlib: "stock" };
  try {
    const pyodide = await loadPyodide({ ...runtime, stdLibURL: url("stdlib") });
    const compiled = pyodide.runPython("import json; json.__file__.endswith('.pyc')");
    const stdlib = compiled ? "precompiled" : "stock";
    return { pyodide, way: stdlib, stdlib };
  } catch (err) {
    console.warn(`calculator: the precompiled stdlib failed (${err?.message ?? err}); using the stock one`);
    return { pyodide: await loadPyodide(runtime), way: "stock (fallback)", stdlib: "stock (fallback)" };
  }
}
