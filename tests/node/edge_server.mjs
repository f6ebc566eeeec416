// A local stand-in for Cloudflare's platform around the generated Worker, for browser tests.
//
//   node tests/node/edge_server.mjs DIST WORKER_MODULE
//
// The Worker module (DIST/edge/cloudflare-worker.mjs as the build wrote it) is imported and
// called unchanged: every request the browser makes goes through its fetch(request, env), so
// the cookie reading, assignment, preview override and rewrite are the real router's. What is
// emulated is only the platform: Node's http server instead of Cloudflare's, the request
// adapted to a WHATWG Request (Node 20 has Request/Response globals), and env.ASSETS, the static
// assets binding (assets.directory = DIST), served from the files in DIST with Cloudflare's
// default html_handling (".../" serves ".../index.html"). No header is added: the security
// headers are the router's own.
// Prints {"port": N} on its first stdout line once listening; stops on SIGTERM.
import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [distArg, workerArg] = process.argv.slice(2);
const DIST = path.resolve(distArg);
const worker = (await import(pathToFileURL(path.resolve(workerArg)).href)).default;

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".json": "application/json", ".map": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png",
  ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml",
  ".gz": "application/gzip", ".zip": "application/zip", ".whl": "application/octet-stream",
  ".woff2": "font/woff2",
};

async function isFile(file) {
  try { return (await stat(file)).isFile(); } catch { return false; }
}

async function isDir(file) {
  try { return (await stat(file)).isDirectory(); } catch { return false; }
}

// env.ASSETS: the file at the request's path inside DIST (never outside it).
const ASSETS = {
  async fetch(input) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    let pathname;
    try { pathname = decodeURIComponent(url.pathname); } catch { return new Response(null, { status: 400 }); }
    let file = path.join(DIST, pathname);
    if (file !== DIST && !file.startsWith(DIST + path.sep)) return new Response(null, { status: 404 });
    if (pathname.endsWith("/")) {
      file = path.join(file, "index.html");
    } else if (await isDir(file)) {
      return new Response(null, { status: 307, headers: { Location: `${url.pathname}/${url.search}` } });
    }
    if (!(await isFile(file))) return new Response("Not found", { status: 404 });
    const type = TYPES[path.extname(file)] || "application/octet-stream";
    return new Response(await readFile(file), { status: 200, headers: { "Content-Type": type } });
  },
};

const server = http.createServer(async (req, res) => {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers });
    const response = await worker.fetch(request, { ASSETS });
    const out = {};
    for (const [name, value] of response.headers) if (name !== "set-cookie") out[name] = value;
    const cookies = response.headers.getSetCookie();
    if (cookies.length) out["set-cookie"] = cookies;
    const body = Buffer.from(await response.arrayBuffer());
    out["content-length"] = String(body.length);
    res.writeHead(response.status, out);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (err) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(err && err.stack || err));
  }
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + "\n");
});
process.on("SIGTERM", () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
