// The runtime's wasm as the page compiled it (client.js `compiled`, while the worker's thread
// and modules start). Pyodide fetches its wasm (`fetch`) and instantiates the response
// (`WebAssembly.instantiateStreaming`): with the page's module on its way, its fetch of that URL
// gets an empty response (not a second download of the bytes the page fetched) and its
// instantiation takes the module, so nothing is compiled in the worker (why the page does it:
// bench/HISTORY.md, ninth session).
// Falls back: if the page hands over null (it could not compile), Pyodide's fetch gets the wasm
// as the page would have (gunzip.js: its gzip, decoded here, on a first visit) and compiles it.
// Set up by boot.js only when the worker's URL names the runtime's own wasm (?wasm=).
import { fetchDecoded } from "./gunzip.js";

export let pageWasmUsed = false; // Pyodide was given the page's module (boot.js reports it)

// Replaces both for the wasm at `href`; returns the function taking the hand-over (the module,
// or null).
export function usePageWasm(href) {
  let handOver;
  const compiled = new Promise((resolve) => (handOver = resolve));
  const networkFetch = self.fetch.bind(self), streaming = WebAssembly.instantiateStreaming;
  self.fetch = async (input, init) => {
    if (String(input?.url ?? input) !== href) return networkFetch(input, init);
    return await compiled ? new Response(null) : fetchDecoded(href, "application/wasm");
  };
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await compiled;
    if (!module) return streaming(source, imports);
    pageWasmUsed = true;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  return handOver;
}
