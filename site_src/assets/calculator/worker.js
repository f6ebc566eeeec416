// The calculator's module worker: Python (the `calculator` wheel in Pyodide) prices every quote;
// this file only carries messages, as Pyodide's own webworker example does. How Python starts
// lives beside it, one module a strategy (boot.js says which way, and what it falls back to).
// Started by client.js as
//   new Worker("worker.js?pyodide=<runtime dir/>&wheel=<url>&catalog=<url>[&stdlib=<url>
//              [&snapshot=<url>]][&wasm=<runtime dir/>pyodide.asm.wasm]", {type: "module"})
// In:  {id, op: "quote", payload: request}                    calculator.browser.quote_json
//      {id, op: "curve", payload: {request, metric, points}}  calculator.browser.curve_json
//      {id, op: "forecast", payload: {request, growth, months}}  calculator.browser.forecast_json
//      {op: "wasm", payload: WebAssembly.Module | null}       once, when the URL names the
//                    wasm: the page's compiled runtime, or null (page-wasm.js); not answered
// Out: {id, result} | {id, error, field} for a QuoteError
//                   | {id, error, field: null, name} for anything else (one answer each)
// Once: {type: "ready", timings, stdlib, engine} after a warm-up quote (boot.js says what they
//       hold), or {type: "failed", error}; then {type: "warmed", rounds, after} when the
//       warming after ready is over (warm-up.js), and {type: "next-visit", cached} when what
//       the next visit starts from has been fetched (next-visit.js).
// Requests wait for Python's start; a fatal Pyodide error starts Python again.
// Every module Python's start needs is named here, those boot.js imports too: the browser
// fetches them side by side once this file is in, not one level of imports after the other,
// and each one more costs the start a little (bench/HISTORY.md, tenth session); warm-up.js
// and next-visit.js, needed only once Python is ready, are imported then.
import { nextVisit, pageWasm, start } from "./boot.js";
import "./gunzip.js";
import "./page-wasm.js";
import "./snapshot.js";
import "./sparse.js";

const takePageWasm = pageWasm(); // before Python starts: Pyodide asks for the wasm first
let askedAt = -Infinity; // when the visitor last asked: the warming pauses (warm-up.js)

// Python started, then warmed up in the background (again after a fatal error there)
function begin() {
  const starting = start();
  starting.then(warm, () => {}); // a failed start is answered below, and to each request
  return starting;
}

async function warm({ engine, plans }) {
  const readyAt = performance.now();
  const { rounds, after, fatal } = await import("./warm-up.js").then(({ warmUp }) =>
    warmUp(engine, plans, { readyAt, askedAt: () => askedAt }), () => ({ rounds: 0, after: null }));
  if (fatal) started = begin();
  self.postMessage({ type: "warmed", rounds, after });
}

let started = begin();
started.then(({ report }) => self.postMessage({ type: "ready", ...report }),
  (err) => self.postMessage({ type: "failed", error: String(err?.message ?? err) }));
started.then(() => import("./next-visit.js"))
  .then(({ prepareNextVisit }) => prepareNextVisit(nextVisit()))
  .then((cached) => self.postMessage({ type: "next-visit", cached }), () => {});

// A request is a few levels deep; nesting in the thousands overflows the wasm stack inside
// json.loads, which Pyodide cannot survive (client.js applies the same limit before sending).
const tooDeep = (value, depth = 0) => depth > MAX_DEPTH || (typeof value === "object" &&
  value !== null && Object.values(value).some((item) => tooDeep(item, depth + 1)));
const MAX_DEPTH = 16;

self.onmessage = async ({ data }) => {
  if (data?.op === "wasm") return takePageWasm?.(data.payload);
  askedAt = performance.now();
  const id = data?.id ?? null;
  try {
    const { engine } = await started;
    const op = data?.op; // the engine's calls are the ops: quote, curve and forecast
    if (!Object.hasOwn(engine, op)) throw new TypeError(`No such operation: ${JSON.stringify(op)}.`);
    const payload = data.payload ?? null;
    if (tooDeep(payload)) throw new RangeError(`A quote request is nested more than ${MAX_DEPTH} levels deep.`);
    const answer = engine[op](JSON.stringify(payload) ?? "null");
    self.postMessage("ok" in answer ? { id, result: answer.ok } : { id, ...answer });
  } catch (err) {
    if (err?.pyodide_fatal_error) started = begin(); // Python is gone: answer, then start afresh
    self.postMessage({ id, error: String(err?.message ?? err), field: null, name: err?.name ?? "Error" });
  }
};
// A message that could not be deserialised here (its id is lost with it) still gets an answer.
self.onmessageerror = () => self.postMessage({ id: null, error: "The message could not be read.",
  field: null, name: "DataCloneError" });
