// The runtime's big files as their gzip siblings, decoded here. The build writes `<file>.gz`
// beside the wasm, the precompiled stdlib and the snapshot (pricing_site/runtime/bundle.py);
// fetched by that name and decoded with DecompressionStream, a first visit downloads about a
// third of their bytes from a host that compresses nothing (bench/HISTORY.md, eleventh session).
// A host that compresses the file itself (its answer to a HEAD request names a
// Content-Encoding) sends it by its own name: no more bytes than the gzip (fewer as brotli),
// decoded by the browser, and kept in the HTTP cache under the name a returning visit asks for.
// Never decoded twice: a compressing host finds no sibling of a `.gz` and sends it as it is, and
// a host that labels `.gz` files `Content-Encoding: gzip` has the browser decode it first; what
// arrives without gzip's magic bytes is passed on as it came. Without DecompressionStream, or
// without a sibling, the file itself.
const GZIP_MAGIC = [0x1f, 0x8b];
// the browser's own fetch, before any module answers some URLs itself (page-wasm.js, below)
export const networkFetch = globalThis.fetch.bind(globalThis);

// A Response for `href` whose body is the file's bytes, of `type` (the wasm needs its own for
// WebAssembly.compileStreaming); it streams as the sibling arrives.
export async function fetchDecoded(href, type) {
  const body = await decodedSibling(href);
  return body ? new Response(body, { headers: { "Content-Type": type } }) : networkFetch(href);
}

// The decoded body of `href`'s gzip sibling, or null: without DecompressionStream, from a host
// that compresses `href` itself, without a sibling, or where `wanted` (a promise, settled
// while the host is asked) is false.
async function decodedSibling(href, wanted = true) {
  if (typeof DecompressionStream !== "function" || await hostCompresses(href) || !await wanted) {
    return null;
  }
  const packed = await networkFetch(`${href}.gz`).catch(() => null);
  return packed?.ok && packed.body ? decodedBody(packed.body) : null;
}

// The JavaScript module at `href`, imported; on a first visit from a host that compresses
// nothing, from its gzip sibling decoded into a blob: pyodide.asm.mjs is 0.83 MB, its gzip 0.19
// (bench/HISTORY.md, sixteenth session). Only where that can work and pays: the HTTP cache does
// not hold the file (a returning visit imports it by its URL, with V8's code cache beside it;
// next-visit.js puts it there), the host does not compress it, and the worker's policy allows
// blob: modules (a host sending the site's _headers policy refuses them: such hosts compress).
// Resolves [module, "gzip" | "url"]; whatever fails on the way, the module by its URL.
export async function importDecoded(href) {
  // the cache first, alone: a returning visit imports at once
  if (typeof DecompressionStream === "function" && !await httpCached(href)) {
    const body = await decodedSibling(href, blobModulesAllowed());
    const typed = body && new Response(body, { headers: { "Content-Type": "text/javascript" } });
    const source = typed && await typed.blob().catch(() => null);
    const blobURL = source && URL.createObjectURL(source);
    try {
      if (blobURL) return [await import(blobURL), "gzip"];
    } catch (err) {
      console.warn(`calculator: ${href} from its gzip failed (${err?.message ?? err}); importing it`);
    } finally {
      if (blobURL) URL.revokeObjectURL(blobURL);
    }
  }
  return [await import(href), "url"];
}

// whether this worker may import a blob: module (its Content-Security-Policy may say no)
async function blobModulesAllowed() {
  const probe = URL.createObjectURL(new Blob([""], { type: "text/javascript" }));
  try {
    await import(probe);
    return true;
  } catch {
    return false;
  } finally {
    URL.revokeObjectURL(probe);
  }
}

// whether the browser's HTTP cache holds `href` (asked of the cache alone: no request goes out)
async function httpCached(href) {
  const kept = await networkFetch(href, { cache: "only-if-cached", mode: "same-origin" })
    .catch(() => null);
  kept?.body?.cancel();
  return Boolean(kept?.ok);
}

async function hostCompresses(href) {
  const head = await networkFetch(href, { method: "HEAD" }).catch(() => null);
  return Boolean(head?.ok && head.headers.get("Content-Encoding"));
}

// Pyodide fetches the stdlib zip itself: from now, its request for `href` is answered with the
// decoded sibling, fetched at once (before Pyodide asks, after its runtime has loaded), or, if
// that fails, sent on to the network as it was.
export function answerDecoded(href, type) {
  const decoded = fetchDecoded(href, type).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
  const nextFetch = self.fetch;
  self.fetch = async (input, init) => {
    if (String(input?.url ?? input) !== href) return nextFetch(input, init);
    const bytes = await decoded;
    return bytes ? new Response(bytes, { headers: { "Content-Type": type } }) : nextFetch(input, init);
  };
}

async function decodedBody(body) {
  const reader = body.getReader();
  let head = new Uint8Array(0);
  while (head.length < GZIP_MAGIC.length) { // the first bytes say whether it is still gzip
    const { done, value } = await reader.read();
    if (done) break;
    head = joined(head, value);
  }
  const whole = new ReadableStream({
    start(controller) { if (head.length) controller.enqueue(head); },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  const gzipped = GZIP_MAGIC.every((byte, i) => head[i] === byte);
  return gzipped ? whole.pipeThrough(new DecompressionStream("gzip")) : whole;
}

// two byte arrays as one (sparse.js reads its header so too)
export const joined = (a, b) => {
  if (!a.length) return b;
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
};
