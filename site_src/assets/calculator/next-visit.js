// What the next visit starts from, fetched once this one's calculator is ready (a first visit
// does not wait for it: bench/HISTORY.md, eleventh session): the memory snapshot, decoded and kept
// in the Cache API (snapshot.js), the small zip it restores on, and the runtime's wasm and its
// second module by their own names, into the HTTP cache, where V8 keeps its compiled code beside
// them: for the page's compile of the wasm (client.js, which the ready answer tells that it is
// there), for the module's import (a first visit may have imported it from its gzip: gunzip.js).
// Nothing is downloaded twice: a kept snapshot is not fetched, and the HTTP cache answers for a
// file it holds (cached for good). Skipped when the visitor's browser asks to save data.
// Imported by worker.js once Python is ready, not before.
import { networkFetch } from "./gunzip.js";
import { keepSnapshot } from "./snapshot.js";

// Resolves {snapshot, restoreZip, wasm, module}: true for what is in the caches now, false for
// what had no URL or was kept already (the snapshot), an error's message for what failed; or
// {skipped} when the browser asks to save data.
export async function prepareNextVisit({ snapshot, restoreZip, wasm, module }) {
  if (globalThis.navigator?.connection?.saveData) return { skipped: "save-data" };
  const outcome = (step) => step.catch((err) => String(err?.message ?? err));
  return {
    snapshot: await outcome(snapshot ? keepSnapshot(snapshot) : Promise.resolve(false)),
    restoreZip: await outcome(restoreZip ? intoHttpCache(restoreZip) : Promise.resolve(false)),
    wasm: await outcome(wasm ? intoHttpCache(wasm) : Promise.resolve(false)),
    module: await outcome(module ? intoHttpCache(module) : Promise.resolve(false)),
  };
}

async function intoHttpCache(href) {
  const response = await networkFetch(href); // not page-wasm.js's answer to Pyodide
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${href}`);
  await response.body?.pipeTo(new WritableStream()); // read to the end: the cache keeps it whole
  return true;
}
