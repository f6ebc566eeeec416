// The routing decision both flavours share (pasted after assign.mjs by pricing_site/edge.py).
// EXPERIMENT is the variants.json object, COOKIE the first-party visitor cookie's name.

const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
const SITE_WIDE = new Set(["/robots.txt", "/sitemap.xml", "/sitemap.xml.gz"]);

function readCookie(request, name) {
  for (const part of (request.headers.get("cookie") || "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

// A preview lasts for the browser session: a session cookie, so that the previewed page's own
// files (above all the calculator's catalog.json, which its Web Worker fetches without the
// query) come from the same variation. `?<experiment>=` with no known variation ends it.
const PREVIEW_COOKIE = `${COOKIE}_preview`;
const COOKIE_FLAGS = "Path=/; SameSite=Lax; Secure; HttpOnly";

// {path, variant, preview, setCookies}: which file to serve for this request, and why.
function decide(request) {
  const url = new URL(request.url);
  const keys = EXPERIMENT.variations.map((v) => v.key);
  const setCookies = [];
  let id = readCookie(request, COOKIE);
  if (!id || !VISITOR_ID.test(id)) {
    id = crypto.randomUUID().replace(/-/g, "");
    setCookies.push(`${COOKIE}=${id}; Max-Age=31536000; ${COOKIE_FLAGS}`);
  }
  const asked = url.searchParams.get(EXPERIMENT.key);
  let preview = null;
  if (asked !== null) {
    preview = keys.includes(asked) ? asked : null;
    setCookies.push(preview ? `${PREVIEW_COOKIE}=${preview}; ${COOKIE_FLAGS}`
                            : `${PREVIEW_COOKIE}=; Max-Age=0; ${COOKIE_FLAGS}`);
  } else {
    const kept = readCookie(request, PREVIEW_COOKIE);
    preview = keys.includes(kept) ? kept : null;
  }
  const variant = preview || assign(EXPERIMENT, id) || keys[0];
  const folder = SITE_WIDE.has(url.pathname) ? keys[0] : variant;
  return { path: `/${folder}${url.pathname}${url.search}`, variant, preview: preview !== null,
           setCookies };
}

// The variant's response, marked uncacheable by shared caches and varying by cookie.
function finish(upstream, decision) {
  const response = new Response(upstream.body, upstream);
  response.headers.append("Vary", "Cookie");
  response.headers.set("Cache-Control", decision.preview ? "private, no-store" : "private, no-cache");
  response.headers.set("CDN-Cache-Control", "no-store");
  response.headers.set("X-Experiment-Variant", decision.variant);
  for (const cookie of decision.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}

// A request already aimed at a variant's folder (or the router's own files) passes through.
function alreadyRouted(request) {
  const first = new URL(request.url).pathname.split("/")[1];
  return EXPERIMENT.variations.some((v) => v.key === first) || first === "edge" || first === "variants.json";
}
