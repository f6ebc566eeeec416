// The runtime's wasm as the page compiled it (client.js `compiled`, while the worker's thread
// and modules start). Pyodide fetches its wasm (`fetch`) and instantiates the response
// (`WebAssembly.instantiateStreaming`): with the page's module on its way, its fetch of that URL
// gets an empty response (not a second download of the bytes the page fetched) and its
// instantiation takes the module, so nothing is compiled in the worker (why the page does it:
// bench/HISTORY.md, ninth session).
// Falls back: if the page hands over null (it could not compile), both go to the network as
// without it; unless the worker's URL names the runtime's own wasm (?wasm=), nothing is
// replaced.
import { indexURL, params } from "./params.js";

export let pageWasmUsed = false; // Pyodide was given the page's module (boot.js reports it)

// Replaces both before Python first starts; returns the function taking the hand-over (the
// module, or null), or null when no module is to come.
export function usePageWasm() {
  const href = new URL("pyodide.asm.wasm", indexURL).href;
  if (params.get("wasm") !== href) return null;
  let handOver;
  const compiled = new Promise((resolve) => (handOver = resolve));
  const networkFetch = self.fetch.bind(self), streaming = WebAssembly.instantiateStreaming;
  self.fetch = async (input, init) => (String(input?.url ?? input) === href && await compiled)
    ? new Response(null) : networkFetch(input, init);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await compiled;
    if (!module) return streaming(source, imports);
    pageWasmUsed = true;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  return handOver;
}
