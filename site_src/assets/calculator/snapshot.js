// The memory snapshot's bytes (?snapshot=, made by pricing_site/runtime/make_snapshot.mjs), read
// as they arrive, for boot.js: `memory` resolves once the sparse file's header is in (a zeroed
// array of the memory's size, all loadPyodide needs to make the module), `filled` (the same
// array) once sparse.js has copied every byte into place; both reject for a damaged or missing
// snapshot, and boot.js then starts Python from the stdlib.
// The bytes come from the copy kept (decoded) in the Cache API: Chromium's HTTP cache keeps
// what the host sent (brotli, when it compresses) and gives it back more slowly, so a returning
// visitor's calculator is ready sooner with them kept here (bench/HISTORY.md). A copy is kept
// once it has unpacked whole; a damaged one is dropped for the network's. One entry: the
// snapshot's URL is content-addressed, so any other is an older build's and goes. Without the
// Cache API, or when it fails, the network.
import { unsparse } from "./sparse.js";

const SNAPSHOT_CACHE = "pricing-calculator-snapshot";

export function snapshotMemory(href) {
  let sized;
  const size = new Promise((resolve) => (sized = resolve));
  const filled = readSnapshot(href, sized), memory = Promise.race([size, filled]);
  for (const read of [filled, memory]) read.catch(() => {}); // awaited in boot.js (loadPyodide)
  return { memory, filled };
}

async function readSnapshot(href, sized) {
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
  const response = await fetch(href);
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status} for ${response.url}`);
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
