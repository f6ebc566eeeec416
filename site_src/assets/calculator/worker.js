// The calculator's module worker: Python (the `calculator` wheel in Pyodide) prices every quote;
// this file only carries messages. Started by client.js as
//   new Worker("worker.js?pyodide=<runtime dir/>&wheel=<url>&catalog=<url>[&stdlib=<url>
//              [&snapshot=<url>]][&wasm=<runtime dir/>pyodide.asm.wasm]", {type: "module"})
// wasm: the page compiles the runtime's wasm and posts it, {wasm: WebAssembly.Module | null}
// (client.js): Pyodide's instantiation then takes that module instead of compiling the bytes
// it fetched itself (see usePageWasm); null, and it compiles them as without the parameter.
// stdlib: the standard library zip with the engine's modules precompiled to .pyc (built by
// pricing_site/runtime/precompile_stdlib.mjs), given to loadPyodide as stdLibURL; without it, or if
// Pyodide cannot start from it, the runtime's stock python_stdlib.zip is used.
// snapshot: a Pyodide memory snapshot made on that stdlib zip with json and the engine imported
// (pricing_site/runtime/make_snapshot.mjs), served sparse (read by sparse.js), kept in the Cache API
// once read and unpacked as it streams in (see snapshotMemory), given as _loadSnapshot with, as
// stdLibURL, the lean python_stdlib.zip served beside it (what Python may still import
// lazily); the catalog is loaded after the restore. If it fails in any way, Python boots from
// the stdlib.
// In:  {id, request}                    a quote: calculator.browser.quote_json
//      {id, curve: {request, metric, points}}   chart data: calculator.browser.curve_json
// Out: {id, result} | {id, error, field} for a QuoteError
//                   | {id, error, field: null, name} for anything else (one answer each)
// Once: {type: "ready", timings, stdlib} after a warm-up quote, or {type: "failed", error};
//       then {type: "warmed", rounds, after} when the warming after ready (see warmUp) is over;
//       stdlib is "precompiled" when json came from a .pyc, else "stock" (or "stock (fallback)");
//       engine is calculator.__file__ (in the zip, as .pyc, or the wheel's source);
//       timings.start is how Python started: "snapshot", "precompiled", "stock" or
//       "stock (fallback)"; timings.wasm is "page" when the page's compiled module was used.
import { unsparse } from "./sparse.js";

const t0 = performance.now();
const timings = {};
const lap = (name) => (timings[name] = Math.round(performance.now() - t0));
const params = new URL(self.location.href).searchParams;
const url = (name) => {
  const u = new URL(params.get(name) ?? "", self.location.href);
  if (u.origin !== self.location.origin) throw new Error(`${name} must be same-origin: ${u}`);
  return u.href;
};
let stdlib = "stock";
const useSnapshot = Boolean(params.get("snapshot") && params.get("stdlib"));
let engineFile = null;
const indexURL = url("pyodide"); // the runtime's folder
let gotPageWasm;
const wasmURL = new URL("pyodide.asm.wasm", indexURL).href;
const pageWasm = params.get("wasm") === wasmURL
  ? new Promise((resolve) => (gotPageWasm = resolve)) : null;
if (pageWasm) usePageWasm(pageWasm, wasmURL);
const fetchOk = async (name, as) => { // the response's body `as` text or arrayBuffer, or itself
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} for ${response.url}`);
  return as ? response[as]() : response;
};

async function start() {
  // the snapshot (~12 MB sparse) streams into Python's memory while the runtime loads
  const snapshot = useSnapshot ? snapshotMemory() : null;
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
  const [pyodide, catalogText] = await Promise.all([
    boot(loadPyodide, { indexURL, createPyodideModule }, snapshot), fetchOk("catalog", "text")]);
  lap("pyodide");
  if (timings.start !== "snapshot") {
    // into site-packages, which comes after the stdlib zip on sys.path (the cwd comes before
    // it): when the zip holds the engine precompiled, that copy is the one imported
    const sitePackages = pyodide.runPython(
      "import sys; '/lib/python%d.%d/site-packages' % sys.version_info[:2]");
    pyodide.unpackArchive(await (wheel ?? fetchOk("wheel", "arrayBuffer")), "wheel",
      { extractDir: sitePackages });
  }
  const calculator = pyodide.pyimport("calculator"), door = pyodide.pyimport("calculator.browser");
  engineFile = calculator.__file__; // a .pyc in the stdlib zip when that holds the engine too
  const catalog = calculator.load_catalog(pyodide.pyimport("json").loads(catalogText));
  lap("engine");
  const engine = {
    quote: (text) => JSON.parse(door.quote_json(catalog, text)),
    curve: (text) => JSON.parse(door.curve_json(catalog, text)),
  };
  const plans = JSON.parse(catalogText).plans.filter((plan) => !plan.custom);
  engine.quote(JSON.stringify({ plan: plans[0]?.id }));
  lap("ready");
  askedAt = readyAt = performance.now(); // the first round waits for quiet too (see warmUp)
  setTimeout(() => warmUp(engine, plans, 0)); // after the ready message
  return engine;
}

// V8 runs wasm first as quickly compiled baseline code and optimises a function only once it
// has run for a while, so on a fresh start the visitor's first hundred edits took twice as long
// as later ones (a storage edit, new cost curves from Python: p50 14 ms, p95 28; after 120
// rounds of this, 7 and 15; bench/HISTORY.md). So once ready, the worker quotes and charts the
// catalog's plans WARM_ROUNDS times in the background, one round (~5-10 ms) per task, and
// none while the visitor is asking (their edits warm it too): a request waits for one round
// at most, and none right after ready (a first round then took 20-40 ms), when a visitor may
// be typing already. "warmed" says how long after ready the first round ran (`after`, ms).
const WARM_ROUNDS = 120;
const QUIET_MS = 200; // no warming until the visitor's last request (or ready) is this old
const WARM_POINTS = 40; // a curve's points, as the chart asks (pricing_site/pages/calculator_chart.py)
let askedAt = -Infinity, readyAt = null, warmingFrom = null;
function warmUp(engine, plans, round) {
  if (round >= WARM_ROUNDS || !plans.length) return warmed(round);
  const wait = askedAt + QUIET_MS - performance.now();
  if (wait > 0) return setTimeout(() => warmUp(engine, plans, round), wait);
  warmingFrom ??= performance.now();
  const plan = plans[round % plans.length];
  const metrics = Object.keys(plan.price?.usage ?? {});
  const request = { plan: plan.id, seats: 1 + (round % 10) };
  const metric = round % 2 && metrics.length ? metrics[round % metrics.length] : "seats";
  try {
    engine.quote(JSON.stringify(request));
    engine.curve(JSON.stringify({ request, metric, points: WARM_POINTS }));
  } catch (err) {
    if (err?.pyodide_fatal_error) started = start(); // as for a visitor's request below
    return warmed(round);
  }
  setTimeout(() => warmUp(engine, plans, round + 1));
}
const warmed = (rounds) => self.postMessage({ type: "warmed", rounds,
  after: warmingFrom === null ? null : Math.round(warmingFrom - readyAt) });

// Python from the memory snapshot when there is one (with the zip it was made on), else from the
// precompiled stdlib; on any failure the next way down, ending with the stock runtime.
async function boot(loadPyodide, runtime, snapshot) {
  if (snapshot) {
    try {
      // Pyodide awaits _loadSnapshot only to size the memory, and restores it once the module
      // is made: the module is made while the snapshot's bytes still arrive. The zip mounted at
      // restore is the snapshot's own lean one (the stdlib minus the modules already in
      // memory), served beside it.
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
      stdlib = "precompiled";
      timings.start = "snapshot";
      return pyodide;
    } catch (err) {
      console.warn(`calculator: the memory snapshot failed (${err?.message ?? err}); booting Python`);
    }
  }
  if (!params.get("stdlib")) {
    timings.start = "stock";
    return loadPyodide(runtime);
  }
  try {
    const pyodide = await loadPyodide({ ...runtime, stdLibURL: url("stdlib") });
    const compiled = pyodide.runPython("import json; json.__file__.endswith('.pyc')");
    stdlib = compiled ? "precompiled" : "stock";
    timings.start = stdlib;
    return pyodide;
  } catch (err) {
    stdlib = timings.start = "stock (fallback)";
    console.warn(`calculator: the precompiled stdlib failed (${err?.message ?? err}); using the stock one`);
    return loadPyodide(runtime);
  }
}

// Pyodide fetches its wasm (`fetch`) and instantiates the response
// (`WebAssembly.instantiateStreaming`). With the page's compiled module on its way, its fetch
// of that URL gets an empty response (not a second download of the bytes the page fetched),
// and its instantiation takes the module; if the page sends none, both go to the network as
// before.
function usePageWasm(compiled, href) {
  const networkFetch = self.fetch.bind(self), streaming = WebAssembly.instantiateStreaming;
  self.fetch = async (input, init) => (String(input?.url ?? input) === href && await compiled)
    ? new Response(null) : networkFetch(input, init);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await compiled;
    if (!module) return streaming(source, imports);
    timings.wasm = "page";
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

// The snapshot's memory, read as its bytes arrive: `memory` resolves once the header is in (a
// zeroed array of the memory's size, all loadPyodide needs to make the module), `filled` (the
// same array) once every byte is in place; both reject for a damaged or missing snapshot.
// The bytes come from the copy kept (decoded) in the Cache API: Chromium's HTTP cache keeps
// what the host sent (brotli, when it compresses) and gives it back more slowly: a returning
// visitor's calculator was ready 77 ms (served raw) to 144 ms (brotli) sooner with them kept
// here (bench/HISTORY.md). A copy is kept once it has unpacked whole; a damaged one is
// dropped for the network's. One entry: the snapshot's URL is content-addressed, so any other
// is an older build's and goes. Without the Cache API, or when it fails, the network.
const SNAPSHOT_CACHE = "pricing-calculator-snapshot";
function snapshotMemory() {
  let sized;
  const size = new Promise((resolve) => (sized = resolve));
  const filled = readSnapshot(sized), memory = Promise.race([size, filled]);
  for (const read of [filled, memory]) read.catch(() => {}); // awaited in boot (loadPyodide)
  return { memory, filled };
}

async function readSnapshot(sized) {
  const href = url("snapshot");
  let memory = null;
  const memoryOf = (length) => { // the network's copy unpacks into the array a kept one sized
    if (!memory) sized(memory = new Uint8Array(length));
    else if (memory.length === length) memory.fill(0);
    else throw new Error("the snapshot is not the size its kept copy said");
    return memory;
  };
  const cache = await openCache();
  const kept = await cache?.match(href).catch(() => null);
  if (kept) {
    try {
      return await unsparse(kept.body, memoryOf);
    } catch {
      await cache.delete(href).catch(() => {});
    }
  }
  const response = await fetchOk("snapshot");
  const copy = cache ? response.clone() : null;
  await unsparse(response.body, memoryOf);
  if (copy) keep(cache, href, copy); // in the background
  return memory;
}

async function openCache() {
  try {
    return await caches.open(SNAPSHOT_CACHE);
  } catch { // none here: not a secure context, an opaque origin, storage refused
    return null;
  }
}

async function keep(cache, href, response) {
  try {
    await cache.put(href, response);
    for (const request of await cache.keys()) if (request.url !== href) await cache.delete(request);
  } catch { /* no room, or storage refused: the next start fetches it again */ }
}

let started = start();
started.then(() => self.postMessage({ type: "ready", timings, stdlib, engine: engineFile }),
  (err) => self.postMessage({ type: "failed", error: String(err?.message ?? err) }));

// A request is a few levels deep; nesting in the thousands overflows the wasm stack inside
// json.loads, which Pyodide cannot survive (client.js applies the same limit before sending).
const tooDeep = (value, depth = 0) => depth > MAX_DEPTH || (typeof value === "object" &&
  value !== null && Object.values(value).some((item) => tooDeep(item, depth + 1)));
const MAX_DEPTH = 16;

self.onmessage = async (event) => {
  if (event.data?.wasm !== undefined) return gotPageWasm?.(event.data.wasm); // usePageWasm
  askedAt = performance.now();
  const id = event.data?.id ?? null;
  try {
    const engine = await started;
    const kind = event.data?.curve === undefined ? "quote" : "curve";
    const payload = event.data?.[kind === "quote" ? "request" : "curve"] ?? null;
    if (tooDeep(payload)) throw new RangeError(`A quote request is nested more than ${MAX_DEPTH} levels deep.`);
    const answer = engine[kind](JSON.stringify(payload) ?? "null");
    self.postMessage("ok" in answer ? { id, result: answer.ok } : { id, ...answer });
  } catch (err) {
    if (err?.pyodide_fatal_error) started = start(); // Python is gone: answer, then start afresh
    self.postMessage({ id, error: String(err?.message ?? err), field: null, name: err?.name ?? "Error" });
  }
};
// A message that could not be deserialised here (its id is lost with it) still gets an answer.
self.onmessageerror = () => self.postMessage({ id: null, error: "The message could not be read.",
  field: null, name: "DataCloneError" });
