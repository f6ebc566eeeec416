// The calculator's main-thread side: starts the Python worker once the page has painted and
// the visitor may want it (start-when.js), and carries requests to it. It never computes a price: every result is the `to_dict()` that the
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
//   await window.pricingCalculator.started; // {reason, at}: why and when (ms) the worker started:
//                                           // "idle", "in view", "used" or "asked" (start-when.js)
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
//   pricingCalculator.forecast({request, growth, months})  // the budget planner:
//                                           // calculator.browser.forecast_json; forecastLatest too
// The site root is four levels above this file (assets/v/<hash>/calculator/client.js) unless
// the config names it as "root".
import { loaded, whenToStart } from "./start-when.js";

const here = new URL(import.meta.url);
let worker = null;
let nextId = 1;
const waiting = new Map(); // id -> {resolve, reject}
let failure = null; // why the worker cannot answer (it never started, or it died)
let started;
const whenStarted = new Promise((resolve) => (started = resolve));
let markAsked; // a quote or a curve asked for starts the worker, whatever start-when.js waits for
const asked = new Promise((resolve) => (markAsked = resolve));
let startedFor;
const startedWhy = new Promise((resolve) => (startedFor = resolve));
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

// The wasm's URL once next-visit.js has put it, by its own name, in the HTTP cache (where V8
// keeps its compiled code beside it); localStorage may be refused (then each visit is a first).
const WASM_KEPT = "pricing-calculator-wasm";
function stored(key, value) {
  try {
    return value === undefined ? localStorage.getItem(key) : localStorage.setItem(key, value);
  } catch {
    return null;
  }
}
const ready = new Promise((resolve, reject) => {
  let workerURL;
  try {
    workerURL = readConfig();
  } catch (err) {
    fail(err);
    return started();
  }
  const wasm = workerURL.searchParams.get("wasm");
  // a returning visitor: next-visit.js put this wasm, by its own name, in the HTTP cache (said
  // so: WASM_KEPT), so the page asks the cache for it; a first visit makes no request for it at
  // all before the runtime starts
  const kept = wasm && stored(WASM_KEPT) === wasm ? loaded().then(() => keptFile(wasm)) : Promise.resolve(null);
  whenToStart(document.querySelector("[data-calculator]"), asked, kept.then(Boolean))
    .then((reason) => kept.then((response) => start(reason, response)));

  function start(reason, keptWasm) {
    startedFor({ reason, at: performance.now() });
    try {
      worker = new Worker(workerURL, { type: "module" }); // first: its start is the longer wait
      if (wasm) compiled(keptWasm).then((module) => worker.postMessage({ op: "wasm", payload: module }));
    } catch (err) {
      fail(err);
      return started();
    }
    worker.onmessage = ({ data }) => {
      if (data?.type === "ready") {
        return resolve({ timings: data.timings, stdlib: data.stdlib, engine: data.engine, at: performance.now() });
      }
      if (data?.type === "failed") return fail(new Error(`calculator failed to start: ${data.error}`));
      if (data?.type === "warmed") return warmedUp({ rounds: data.rounds, after: data.after, at: performance.now() });
      if (data?.type === "next-visit") {
        if (data.cached?.wasm === true) stored(WASM_KEPT, wasm);
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
});
// The file at `href` when the browser's HTTP cache holds it (asking the cache only: no request
// goes out), else null. The runtime's wasm kept there means a returning visitor: the runtime
// starts at once, its downloads compete with nothing.
async function keptFile(href) {
  try {
    const response = await fetch(href, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null; // not in the cache: a network error, by definition
  }
}
// The runtime's wasm, compiled here while the worker's thread and modules start (a time in which
// nothing of Pyodide could run yet; the worker used to fetch and compile it after), from the
// browser's code cache, and posted to the worker compiled (page-wasm.js), for a sooner warm
// start (bench/HISTORY.md, ninth session). Only when the browser already holds the file: on a
// first visit its megabytes arrive over the network and compiling them as they come keeps the
// page's main thread busy while the visitor reads or scrolls (bench/HISTORY.md, eleventh
// session). null if it is not kept or cannot be compiled here: the worker fetches and compiles
// it (the worker waits for this answer either way).
async function compiled(keptWasm) {
  if (!keptWasm || typeof globalThis.WebAssembly?.compileStreaming !== "function") return null;
  return WebAssembly.compileStreaming(keptWasm).catch(() => null);
}
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
  markAsked();
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
const forecast = (payload) => ask("forecast", payload);

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
const forecastLatest = latestOnly(forecast);

const api = { ready, warmed, nextVisit, started: startedWhy, quote, quoteLatest, curve,
  curveLatest, forecast, forecastLatest, get worker() { return worker; } };
window.pricingCalculator ??= api;
export { ready, warmed, nextVisit, startedWhy as started, quote, quoteLatest, curve, curveLatest,
  forecast, forecastLatest };
