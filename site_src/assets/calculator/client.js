// The calculator's main-thread side: starts the Python worker after the page has loaded and
// carries requests to it. It never computes a price: every result is the `to_dict()` that the
// `calculator` package made in the worker.
//
//   <script type="application/json" id="calculator-config">{"worker": ..., "wheel": ...,
//     "catalog": ..., "pyodide": ..., "stdlib": ..., "snapshot": ..., "wasm": ...}</script>
//     (URLs relative to the site root; stdlib, the precompiled standard library, snapshot, a
//     Pyodide memory snapshot made on it, and wasm, the runtime's pyodide.asm.wasm that the
//     page compiles for the worker, are optional)
//   <script type="module" src=".../assets/calculator/client.js"></script>
//
//   await window.pricingCalculator.ready;                     // Python answered a warm-up quote
//   await window.pricingCalculator.warmed;  // {rounds, after, at}: the worker's warming after
//                                           // ready is over (it pauses while requests come;
//                                           // after: ms from ready to its first round; warm-up.js)
//   await window.pricingCalculator.nextVisit;  // {cached, at}: what the next visit starts from
//                                              // is in the browser's caches (next-visit.js)
//   const q = await window.pricingCalculator.quote(request);  // rejects with Error(message).field
//   pricingCalculator.quoteLatest(request)  // for a form: only the newest waiting request is sent;
//                                           // older waiting ones reject with err.superseded = true
//   pricingCalculator.curve(request, metric, points)  // chart data from calculator.browser.curve_json
//   pricingCalculator.curveLatest(request, metric, points)  // the same, newest only
// The site root is four levels above this file (assets/v/<hash>/calculator/client.js) unless
// the config names it as "root".
import { fetchDecoded } from "./gunzip.js";

const here = new URL(import.meta.url);
let worker = null;
let nextId = 1;
const waiting = new Map(); // id -> {resolve, reject}
let failure = null; // why the worker cannot answer (it never started, or it died)
let started;
const whenStarted = new Promise((resolve) => (started = resolve));
let warmedUp, notWarmed;
const warmed = new Promise((resolve, reject) => ([warmedUp, notWarmed] = [resolve, reject]));
let preparedNext, notPrepared;
const nextVisit = new Promise((resolve, reject) => ([preparedNext, notPrepared] = [resolve, reject]));

function readConfig() {
  const block = document.getElementById("calculator-config");
  if (!block) throw new Error("calculator: no <script id=\"calculator-config\"> block on the page");
  const config = JSON.parse(block.textContent);
  const root = new URL(config.root ?? "../../../../", here);
  const workerURL = new URL(config.worker, root);
  for (const name of ["pyodide", "wheel", "catalog", "stdlib", "snapshot", "wasm"]) {
    if (config[name] != null) workerURL.searchParams.set(name, new URL(config[name], root).href);
  }
  return workerURL;
}

const ready = new Promise((resolve, reject) => {
  function start() {
    let workerURL;
    try {
      workerURL = readConfig();
      worker = new Worker(workerURL, { type: "module" }); // first: its start is the longer wait
      const wasm = workerURL.searchParams.has("wasm") ? compiled(workerURL.searchParams.get("wasm")) : null;
      wasm?.then((module) => worker.postMessage({ op: "wasm", payload: module }))
        .catch(() => worker.postMessage({ op: "wasm", payload: null })); // the worker waits for either
    } catch (err) {
      fail(err);
      return started();
    }
    worker.onmessage = ({ data }) => {
      if (data?.type === "ready") return resolve({ timings: data.timings, stdlib: data.stdlib, engine: data.engine, at: performance.now() });
      if (data?.type === "failed") return fail(new Error(`calculator failed to start: ${data.error}`));
      if (data?.type === "warmed") return warmedUp({ rounds: data.rounds, after: data.after, at: performance.now() });
      if (data?.type === "next-visit") {
        if (data.cached?.wasm === true) stored(WASM_KEPT, workerURL.searchParams.get("wasm"));
        return preparedNext({ cached: data.cached, at: performance.now() });
      }
      const call = waiting.get(data?.id);
      if (!call) return;
      waiting.delete(data.id);
      if ("result" in data) call.resolve(data.result);
      else call.reject(Object.assign(new Error(data.error), { name: data.name ?? "QuoteError", field: data.field }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`calculator worker error: ${event.message ?? "could not load"}`));
    };
    started();
  }
  function fail(err) {
    failure ??= err;
    reject(err);
    notWarmed(err); // nothing to warm or to prepare: they reject as ready does
    notPrepared(err);
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
});
// The runtime's wasm, compiled here while the worker's thread and modules start (a time in which
// nothing of Pyodide could run yet; the worker used to fetch and compile it after), and posted
// to the worker compiled (page-wasm.js), for a sooner warm start (bench/HISTORY.md, ninth
// session); null if it cannot be compiled here, and the worker compiles the bytes it fetches.
function compiled(href) {
  if (typeof globalThis.WebAssembly?.compileStreaming !== "function") return Promise.resolve(null);
  return WebAssembly.compileStreaming(wasmResponse(href)).catch(() => null);
}
// A returning visitor's browser holds the wasm by its own name (next-visit.js put it there and
// said so: WASM_KEPT), and V8 its compiled code beside it: that copy. A first visit downloads its
// gzip, decoded here (gunzip.js): a third of the bytes (bench/HISTORY.md, eleventh session).
function wasmResponse(href) {
  return stored(WASM_KEPT) === href ? fetch(href) : fetchDecoded(href, "application/wasm");
}
const WASM_KEPT = "pricing-calculator-wasm"; // localStorage: the wasm URL in the HTTP cache
const stored = (key, value) => { // localStorage may be refused (then each visit is a first)
  try {
    return value === undefined ? localStorage.getItem(key) : localStorage.setItem(key, value);
  } catch {
    return null;
  }
};
// a page without a calculator must not log an unhandled rejection
ready.catch(() => {});
warmed.catch(() => {});
nextVisit.catch(() => {});

// The worker's limit (see worker.js): a deeper value may not even survive the trip there.
const MAX_DEPTH = 16;
const tooDeep = (value, depth = 0) => depth > MAX_DEPTH || (typeof value === "object" &&
  value !== null && Object.values(value).some((item) => tooDeep(item, depth + 1)));

// {id, op, payload} to the worker (worker.js), which answers {id, result} or {id, error, ...}
async function ask(op, payload) {
  await whenStarted;
  if (failure) throw failure;
  if (tooDeep(payload)) throw new RangeError(`A quote request is nested more than ${MAX_DEPTH} levels deep.`);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    try {
      worker.postMessage({ id, op, payload });
    } catch (err) { // e.g. a request holding a function: it cannot cross to the worker
      waiting.delete(id);
      reject(err);
    }
  });
}

const quote = (request) => ask("quote", request);
const curve = (request, metric, points = 100) => ask("curve", { request, metric, points });

// Latest only: while one call of `send` is in the worker, newer calls wait, and each newer one
// replaces the one waiting (which rejects with err.superseded = true). Edits that outrun the
// worker are never computed one by one: only the newest is.
function latestOnly(send) {
  let waiting = null;
  let busy = false;
  const pump = () => {
    if (busy || !waiting) return;
    const { args, resolve, reject } = waiting;
    waiting = null;
    busy = true;
    send(...args).then(resolve, reject).finally(() => {
      busy = false;
      pump();
    });
  };
  return (...args) => new Promise((resolve, reject) => {
    waiting?.reject(Object.assign(new Error("superseded by a newer request"),
      { name: "SupersededError", superseded: true }));
    waiting = { args, resolve, reject };
    pump();
  });
}

const quoteLatest = latestOnly(quote);
const curveLatest = latestOnly(curve);

const api = { ready, warmed, nextVisit, quote, quoteLatest, curve, curveLatest, get worker() { return worker; } };
window.pricingCalculator ??= api;
export { ready, warmed, nextVisit, quote, quoteLatest, curve, curveLatest };
