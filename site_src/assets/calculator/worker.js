// The calculator's module worker: Python (the `calculator` wheel in Pyodide) prices every quote;
// this file only carries messages. Started by client.js as
//   new Worker("worker.js?pyodide=<runtime dir/>&wheel=<url>&catalog=<url>[&stdlib=<url>]",
//              {type: "module"})
// stdlib: the standard library zip with the engine's modules precompiled to .pyc (built by
// pricing_site/precompile_stdlib.mjs), given to loadPyodide as stdLibURL; without it, or if
// Pyodide cannot start from it, the runtime's stock python_stdlib.zip is used.
// In:  {id, request}                    a quote: calculator.quote_json
//      {id, curve: {request, metric, points}}   chart data: calculator.curve_json
// Out: {id, result} | {id, error, field} for a QuoteError
//                   | {id, error, field: null, name} for anything else (one answer each)
// Once: {type: "ready", timings, stdlib} after a warm-up quote, or {type: "failed", error};
//       stdlib is "precompiled" when json came from a .pyc, else "stock" (or "stock (fallback)");
//       engine is calculator.__file__ (in the zip, as .pyc, or the wheel's source).
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
let engineFile = null;
const fetchOk = async (name, as) => {
  const response = await fetch(url(name));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} for ${response.url}`);
  return response[as]();
};

async function start() {
  const indexURL = url("pyodide");
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const [pyodide, wheel, catalogText] = await Promise.all([
    boot(loadPyodide, indexURL), fetchOk("wheel", "arrayBuffer"), fetchOk("catalog", "text")]);
  lap("pyodide");
  // into site-packages, which comes after the stdlib zip on sys.path (the cwd comes before it):
  // when the zip holds the engine precompiled, that copy is the one imported
  const sitePackages = pyodide.runPython(
    "import sys; '/lib/python%d.%d/site-packages' % sys.version_info[:2]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  const calculator = pyodide.pyimport("calculator");
  engineFile = calculator.__file__; // a .pyc in the stdlib zip when that holds the engine too
  const catalog = calculator.load_catalog(pyodide.pyimport("json").loads(catalogText));
  lap("engine");
  const engine = {
    quote: (text) => JSON.parse(calculator.quote_json(catalog, text)),
    curve: (text) => JSON.parse(calculator.curve_json(catalog, text)),
  };
  const warmPlan = JSON.parse(catalogText).plans.find((plan) => !plan.custom);
  engine.quote(JSON.stringify({ plan: warmPlan?.id }));
  lap("ready");
  return engine;
}

// loadPyodide from the precompiled stdlib when there is one; the stock zip if that fails.
async function boot(loadPyodide, indexURL) {
  if (!params.get("stdlib")) return loadPyodide({ indexURL });
  try {
    const pyodide = await loadPyodide({ indexURL, stdLibURL: url("stdlib") });
    const compiled = pyodide.runPython("import json; json.__file__.endswith('.pyc')");
    stdlib = compiled ? "precompiled" : "stock";
    return pyodide;
  } catch (err) {
    stdlib = "stock (fallback)";
    console.warn(`calculator: the precompiled stdlib failed (${err?.message ?? err}); using the stock one`);
    return loadPyodide({ indexURL });
  }
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
