// How Python starts, and the engine on it. Three ways, the fastest first; when one fails in any
// way (a warning in the console), the next:
//   "snapshot"     ?snapshot= and ?stdlib=, a returning visitor: a Pyodide memory snapshot made
//                  at build time on the precompiled stdlib with json and the engine imported,
//                  kept in the Cache API after an earlier visit (snapshot.js), restored with the
//                  zip served beside it as stdLibURL (that stdlib without what the snapshot
//                  holds: what Python may still import lazily)
//   "precompiled"  ?stdlib=, a first visit: the zip of the modules Python and the engine import,
//                  precompiled to .pyc, the engine's among them
//                  (pricing_site/runtime/precompile_stdlib.mjs) as stdLibURL
//   "stock"        the runtime's own python_stdlib.zip and the engine's wheel ("stock
//                  (fallback)" when the precompiled zip failed)
// Then the engine: the wheel unpacked (stock only), `calculator` imported, catalog.json loaded,
// a warm-up quote: ready. A first visit's stdlib zip comes as its gzip, decoded here (gunzip.js);
// a lock file of no packages is served beside it. The order of the requests is the start's speed: the snapshot
// and the stdlib first, the runtime's two modules side by side, the catalog meanwhile
// (bench/HISTORY.md, eighth and eleventh sessions). The strategies get their URLs from here: this
// module alone reads the worker's URL (client.js sets its parameters).
import { answerDecoded, importDecoded } from "./gunzip.js";
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
const moduleURL = new URL("pyodide.asm.mjs", indexURL).href; // the runtime's second module
const fetchOk = async (name, as) => { // the response's body `as` text or arrayBuffer, or itself
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} for ${response.url}`);
  return as ? response[as]() : response;
};
const useSnapshot = Boolean(params.get("snapshot") && params.get("stdlib"));
const stdlib = params.get("stdlib") ? { stdLibURL: url("stdlib"),
  lockFileURL: new URL("pyodide-lock.json", url("stdlib")).href } : null;
const restoreZip = useSnapshot ? new URL("python_stdlib.zip", url("snapshot")).href : null;
let decoding = false; // Pyodide's request for the stdlib zip answered with its decoded gzip, once
const decodeStdlib = () => {
  if (stdlib && !decoding) answerDecoded(stdlib.stdLibURL, "application/zip");
  decoding = true;
};

// What next-visit.js fetches once Python is ready, for the next visit to start sooner.
export const nextVisit = () => ({ snapshot: useSnapshot ? url("snapshot") : null, restoreZip,
  wasm: params.get("wasm") ? url("wasm") : null, module: moduleURL });

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
// page-wasm.js gave Pyodide the page's module; module: "gzip" when pyodide.asm.mjs came as
// its gzip), stdlib ("precompiled" when json came from a
// .pyc, else "stock" or "stock (fallback)") and engine, calculator.__file__ (in the zip, as
// .pyc, or the wheel's source).
export async function start() {
  const timings = {};
  const lap = (name) => (timings[name] = Math.round(performance.now() - t0));
  // a kept snapshot streams in while the runtime loads; without one (a first visit), the stdlib
  // zip's download starts as soon as that is known
  const kept = useSnapshot ? snapshotMemory(url("snapshot")).catch(() => null) : Promise.resolve(null);
  kept.then((snapshot) => snapshot || decodeStdlib());
  // the runtime's second module loads beside the first (loadPyodide would import it only once
  // it runs, after starting the wasm's and the zip's downloads, which it still does first)
  // (on a first visit from a plain host, from its gzip: gunzip.js)
  const factory = importDecoded(moduleURL).then(([module, how]) => {
    if (how === "gzip") timings.module = "gzip";
    return module;
  });
  factory.catch(() => {}); // awaited by loadPyodide, through createPyodideModule
  const createPyodideModule = async (settings) => (await factory).default(settings);
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  lap("runtime imported");
  const snapshot = await kept;
  snapshot?.filled.then(() => lap("snapshot read"), () => {});
  const [{ pyodide, way, stdlib: compiled }, catalogText] = await Promise.all([
    boot(loadPyodide, { indexURL, createPyodideModule }, snapshot, lap), fetchOk("catalog", "text")]);
  timings.start = way;
  if (pageWasmUsed) timings.wasm = "page";
  lap("pyodide");
  if (way.startsWith("stock")) { // the precompiled zip holds the engine; the stock one does not
    const sitePackages = pyodide.runPython(
      "import sys; '/lib/python%d.%d/site-packages' % sys.version_info[:2]");
    pyodide.unpackArchive(await fetchOk("wheel", "arrayBuffer"), "wheel", { extractDir: sitePackages });
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
  return { engine, plans, report: { timings, stdlib: compiled, engine: engineFile } };
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
        ...stdlib, stdLibURL: restoreZip });
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
  if (!stdlib) return { pyodide: await loadPyodide(runtime), way: "stock", stdlib: "stock" };
  decodeStdlib();
  try {
    const pyodide = await loadPyodide({ ...runtime, ...stdlib });
    const compiled = pyodide.runPython("import json; json.__file__.endswith('.pyc')");
    const kind = compiled ? "precompiled" : "stock";
    return { pyodide, way: kind, stdlib: kind };
  } catch (err) {
    console.warn(`calculator: the precompiled stdlib failed (${err?.message ?? err}); using the stock one`);
    return { pyodide: await loadPyodide(runtime), way: "stock (fallback)", stdlib: "stock (fallback)" };
  }
}
