// The memory snapshot (?snapshot=, made by pricing_site/runtime/make_snapshot.mjs), for a
// returning visitor: its copy kept (decoded) in the Cache API, read as it streams for boot.js:
// `memory` resolves once the sparse file's header is in (a zeroed array of the memory's size, all
// loadPyodide needs to make the module), `filled` (the same array) once sparse.js has copied every
// byte into place; both reject for a damaged snapshot, and boot.js then starts Python from the
// stdlib. A first visit has no kept copy and starts from the stdlib: the snapshot's 4-5 MB (as
// gzip) would double its download (bench/HISTORY.md, eleventh session); once it is ready,
// next-visit.js has `keepSnapshot` fetch the snapshot's gzip (gunzip.js) and keep it decoded.
// The Cache API rather than the HTTP cache: Chromium's HTTP cache keeps what the host sent
// (brotli, when it compresses, or the gzip sibling gunzip.js decodes) and gives it back more
// slowly. One entry: the snapshot's URL is content-addressed, so any other is an older build's
// and goes. Without the Cache API, every visit starts from the stdlib.
import { fetchDecoded } from "./gunzip.js";
import { unsparse } from "./sparse.js";

const SNAPSHOT_CACHE = "pricing-calculator-snapshot";

// Resolves {memory, filled} when a copy is kept, else null.
export async function snapshotMemory(href) {
  const cache = await openCache(SNAPSHOT_CACHE);
  const kept = await cache?.match(href).catch(() => null);
  if (!kept) return null;
  let sized;
  const size = new Promise((resolve) => (sized = resolve));
  const filled = readKept(cache, href, kept, sized), memory = Promise.race([size, filled]);
  for (const read of [filled, memory]) read.catch(() => {}); // awaited in boot.js (loadPyodide)
  return { memory, filled };
}

// Resolves true once the snapshot is kept (fetched whole and checked), false if a copy was kept
// already or there is no Cache API here; rejects if it could not be fetched or is damaged.
export async function keepSnapshot(href) {
  const cache = await openCache(SNAPSHOT_CACHE);
  if (!cache || await cache.match(href).catch(() => null)) return false;
  await (await fetchAndKeep(cache, href, (length) => new Uint8Array(length))).kept;
  return true;
}

async function readKept(cache, href, kept, sized) {
  let memory = null;
  const memoryOf = (length) => { // the network's copy unpacks into the array the kept one sized
    if (!memory) sized(memory = new Uint8Array(length));
    else if (memory.length === length) memory.fill(0);
    else throw new Error("the snapshot is not the size its kept copy said");
    return memory;
  };
  try {
    return await unsparse(kept.body, memoryOf);
  } catch {
    await cache.delete(href).catch(() => {});
  }
  return (await fetchAndKeep(cache, href, memoryOf)).memory; // a damaged copy: the network's
}

// {memory, kept}: the network's copy unpacked as it streams in, and then kept (a promise) once it
// has unpacked whole
async function fetchAndKeep(cache, href, memoryOf) {
  const response = await fetchDecoded(href, "application/octet-stream");
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status} for ${href}`);
  const [unpacked, copied] = response.body?.tee() ?? [null, null]; // no body: damaged
  const copy = new Response(copied).blob();
  copy.catch(() => {}); // a damaged file is not kept
  const memory = await unsparse(unpacked, memoryOf);
  return { memory, kept: copy.then((blob) => keep(cache, href, new Response(blob))) };
}

async function openCache(name) {
  try {
    return await caches.open(name);
  } catch { // none here: not a secure context, an opaque origin, storage refused
    return null;
  }
}

async function keep(cache, href, response) {
  try {
    await cache.put(href, response);
    for (const request of await cache.keys()) if (request.url !== href) await cache.delete(request);
  } catch { /* no room, or storage refused: the next visit starts from the stdlib again */ }
}
