// The routing decision both flavours share (pasted after assign.mjs by pricing_site/experiments/edge.py).
// EXPERIMENT is the variants.json object, COOKIE the first-party visitor cookie's name,
// SECURITY the site's security headers and SHARED the path prefixes whose files never change
// under their URL (pricing_site/build/headers.py), IMMUTABLE their Cache-Control.

const KEYS = EXPERIMENT.variations.map((v) => v.key); // control first
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
const SITE_WIDE = new Set(["/robots.txt", "/sitemap.xml", "/sitemap.xml.gz"]);

function readCookie(request, name) {
  for (const part of (request.headers.get("cookie") || "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

// A preview lasts for the browser session: a session cookie, so that the previewed page's
// links lead to the same variation. `?<experiment>=` with no known variation ends it.
const PREVIEW_COOKIE = `${COOKIE}_preview`;
const COOKIE_FLAGS = "Path=/; SameSite=Lax; Secure; HttpOnly";

// Where the build keeps a shared file (content-addressed, or the runtime under its version:
// the same bytes for every variation), asked for at `pathname` or under a variation's folder:
// once, at its own path at dist's root. null for every other path.
function storedPath(pathname) {
  const [, first, ...rest] = pathname.split("/");
  const path = KEYS.includes(first) ? `/${rest.join("/")}` : pathname;
  return SHARED.some((prefix) => path.startsWith(prefix)) ? path : null;
}

// {path, variant, preview, shared, setCookies}: the file to serve and why. A shared
// file comes from the one copy at dist's root, whichever variation the visitor has, so a page's
// own files are found even when no cookie came with them.
function decide(request) {
  const url = new URL(request.url);
  const stored = storedPath(url.pathname);
  const shared = stored !== null;
  const setCookies = [];
  let id = readCookie(request, COOKIE);
  if (!id || !VISITOR_ID.test(id)) {
    id = crypto.randomUUID().replace(/-/g, "");
    if (!shared) setCookies.push(`${COOKIE}=${id}; Max-Age=31536000; ${COOKIE_FLAGS}`);
  }
  const asked = shared ? null : url.searchParams.get(EXPERIMENT.key);
  let preview = null;
  if (asked !== null) {
    preview = KEYS.includes(asked) ? asked : null;
    setCookies.push(preview ? `${PREVIEW_COOKIE}=${preview}; ${COOKIE_FLAGS}`
                            : `${PREVIEW_COOKIE}=; Max-Age=0; ${COOKIE_FLAGS}`);
  } else {
    const kept = readCookie(request, PREVIEW_COOKIE);
    preview = KEYS.includes(kept) ? kept : null;
  }
  const variant = preview || assign(EXPERIMENT, id) || KEYS[0];
  const first = SITE_WIDE.has(url.pathname) ? KEYS[0] : variant;
  return { path: shared ? stored : `/${first}${url.pathname}`, variant,
           preview: preview !== null, shared, setCookies };
}

// What the visitor gets for a request the router owns. `fetchFile(path)` is the host's static
// file at `path` (`/<variation><path><query>`, or a shared file's own path); the answer is a
// rewrite, never a redirect to a variation's folder.
async function route(request, fetchFile) {
  const decision = decide(request);
  const upstream = await fetchFile(`${decision.path}${new URL(request.url).search}`);
  return finish(upstream, decision, request);
}

// The variation's response with the site's security headers: a shared file cached for good by
// anyone, anything else kept out of shared caches and varying by cookie; a redirect the host
// made inside a variation's folder (".../pricing" -> ".../pricing/") points at the public path.
function finish(upstream, decision, request) {
  const response = secure(upstream, request, true);
  if (decision.shared) {
    if (response.ok) response.headers.set("Cache-Control", IMMUTABLE);
  } else {
    response.headers.append("Vary", "Cookie");
    response.headers.set("Cache-Control", decision.preview ? "private, no-store" : "private, no-cache");
    response.headers.set("CDN-Cache-Control", "no-store");
  }
  response.headers.set("X-Experiment-Variant", decision.variant);
  for (const cookie of decision.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}

// A copy of `upstream` (whose headers may be immutable) carrying the security headers and a
// Location on the site's own origin (the public path when `unfold`).
function secure(upstream, request, unfold = false) {
  const response = new Response(upstream.body, upstream);
  for (const [name, value] of Object.entries(SECURITY)) response.headers.set(name, value);
  const location = response.headers.get("Location");
  if (location) response.headers.set("Location", siteLocation(location, request, unfold));
  return response;
}

// Where a redirect of the host's sends the visitor, always on the site's own origin: a target
// on another origin (or one the URL parser cannot read) becomes the site's root. With `unfold`
// a target inside a variation's folder loses the folder ("/<key>/pricing/" -> "/pricing/").
// The path keeps one leading slash: "//evil.example/" (what "/<key>//evil.example/" unfolds
// to, from a request for "//evil.example") is another host to a browser.
function siteLocation(location, request, unfold) {
  const site = new URL(request.url);
  let target;
  try { target = new URL(location, site); } catch { return "/"; }
  if (target.origin !== site.origin) return "/";
  let path = target.pathname;
  const [, first, ...rest] = path.split("/");
  if (unfold && KEYS.includes(first)) path = rest.join("/");
  return `/${path.replace(/^\/+/, "")}${target.search}${target.hash}`;
}

// A request already aimed at a variant's folder (or the router's own files) passes through,
// but for a shared file, which the folder no longer holds.
function alreadyRouted(request) {
  const { pathname } = new URL(request.url);
  const first = pathname.split("/")[1];
  if (storedPath(pathname) !== null) return false;
  return KEYS.includes(first) || first === "edge" || first === "variants.json";
}
