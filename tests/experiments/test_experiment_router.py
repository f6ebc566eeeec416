"""The emitted routers (the Cloudflare Worker and the Netlify Edge Function), run under Node
with the host emulated (Cloudflare's ASSETS binding; Netlify's static files, `context.next`
and its same-site fetch, which runs the function again): cookie set when absent, sticky
assignment equal to Python's, preview override (kept for the browser session by a session
cookie), rewrite (not redirect) into the variant's folder, content-addressed files from the one copy
at dist's root, security and cache headers, no bypass a visitor can ask for,
and every Location on the site's own origin."""

import json
import shutil
import subprocess
from urllib.parse import quote

import pytest

from pricing_site.experiments.edge import router_source
from pricing_site.experiments.assignment import assign
from pricing_site.build.headers import CSP, IMMUTABLE

from tests.experiments.test_experiment import spec

NODE = shutil.which("node")

# The static files both hosts serve: "served <path>", but a shared file inside a variation's
# folder (a 404: the build keeps those once, at dist's root), a folder asked for without its
# slash (the host's redirect to the slash) and, for `?location=<value>`, a redirect of the
# host's own (a rule of its config) to that value.
FILES = """
const files = (request) => {
  const url = new URL(request.url);
  const path = url.pathname;
  const to = url.searchParams.get("location");
  if (to !== null) return new Response(null, { status: 302, headers: { Location: to } });
  if (/^\\/[^/]+\\/assets\\/(v|pyodide|calculator)\\//.test(path)) {
    return new Response("not found", { status: 404 });
  }
  if (path.endsWith("/pricing")) return new Response(null, { status: 307, headers: { Location: path + "/" } });
  return new Response("served " + path, { status: 200, headers: { "Cache-Control": "public, max-age=600" } });
};
"""

# How each host calls its router; both define `call(request)`, which returns what the visitor
# gets. Only the platform is emulated.
HOSTS = {
    "cloudflare-worker.mjs": """
import worker from "./router.mjs";
const env = { ASSETS: { fetch: async (request) => files(request) } };
const call = (request) => worker.fetch(request, env);
""",
    # Netlify runs the edge function for every path, a same-site fetch from the function
    # included; a function that returns nothing hands the request to the static files, and
    # `context.next(request)` hands a same-origin request to the rest of the chain (here the
    # static files) without running the function again.
    "netlify-edge-function.mjs": """
import handler, { config } from "./router.mjs";
const contextFor = (original) => ({
  next: async (request) => {
    if (!(request instanceof Request)) request = original;
    if (new URL(request.url).origin !== new URL(original.url).origin) {
      throw new Error("Edge functions can only rewrite requests to the same host.");
    }
    return files(request);
  },
});
const call = async (request) => (await handler(request, contextFor(request))) ?? files(request);
globalThis.fetch = async (url, init) => call(new Request(url, init));
if (config.path !== "/*" || !config.excludedPath.includes("/edge/*")) throw new Error("config");
""",
}

VISITS = """
const run = async (path, cookie, extra = {}) => {
  const headers = cookie ? { cookie, ...extra } : extra;
  const res = await call(new Request("https://relaykit.example" + path, { headers }));
  return { status: res.status, body: await res.text(), vary: res.headers.get("vary"),
           cache: res.headers.get("cache-control"), cookie: res.headers.get("set-cookie"),
           variant: res.headers.get("x-experiment-variant"),
           csp: res.headers.get("content-security-policy"), location: res.headers.get("location") };
};
const out = {};
out.fresh = await run("/pricing/");
out.sticky = await run("/pricing/", "rk_visitor=abcdef123456");
out.again = await run("/about/", "other=1; rk_visitor=abcdef123456");
out.preview = await run("/pricing/?pricing-page-dec-2026=business-first", "rk_visitor=abcdef123456");
out.previewPage = await run("/about/", "rk_visitor=abcdef123456; rk_visitor_preview=business-first");
out.previewEnd = await run("/pricing/?pricing-page-dec-2026=", "rk_visitor=abcdef123456; rk_visitor_preview=business-first");
out.sitemap = await run("/sitemap.xml", "rk_visitor=abcdef123456");
out.direct = await run("/yearly-push/pricing/", "rk_visitor=abcdef123456");
out.shared = await run("/assets/v/0123abcd/calculator/worker.js", "rk_visitor=abcdef123456");
out.sharedUnrouted = await run("/assets/calculator/catalog/0123abcd/catalog.json");
out.sharedInFolder = await run("/yearly-push/assets/pyodide/314.0.7-abc/pyodide.asm.wasm?x=1");
out.slash = await run("/pricing", "rk_visitor=abcdef123456");
out.forged = await run("/pricing/", "rk_visitor=abcdef123456", { "x-experiment-routed": "1" });
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("flavour", sorted(HOSTS))
def test_router_routes_by_cookie_with_preview(tmp_path, flavour):
    experiment = spec()
    (tmp_path / "router.mjs").write_text(router_source(experiment, flavour))
    (tmp_path / "run.mjs").write_text(FILES + HOSTS[flavour] + VISITS)
    done = subprocess.run([NODE, str(tmp_path / "run.mjs")], capture_output=True, text=True,
                          timeout=60, check=True)
    out = json.loads(done.stdout)
    fresh = out["fresh"]
    assert fresh["status"] == 200 and fresh["cookie"].startswith("rk_visitor=")
    assert "HttpOnly" in fresh["cookie"] and "SameSite=Lax" in fresh["cookie"]
    visitor = fresh["cookie"].split(";")[0].split("=")[1]
    assert fresh["body"] == f"served /{assign(experiment, visitor)}/pricing/"
    expected = assign(experiment, "abcdef123456")
    assert out["sticky"]["body"] == f"served /{expected}/pricing/" and out["sticky"]["cookie"] is None
    assert out["again"]["body"] == f"served /{expected}/about/"
    for response in (out["fresh"], out["sticky"]):
        assert response["vary"] == "Cookie" and response["cache"] == "private, no-cache"
    assert out["preview"]["body"].startswith("served /business-first/pricing/")
    assert out["preview"]["cache"] == "private, no-store"
    # A session cookie (no Max-Age) keeps the preview for the files the page loads itself.
    assert out["preview"]["cookie"].startswith("rk_visitor_preview=business-first; Path=/;")
    assert "Max-Age" not in out["preview"]["cookie"] and "HttpOnly" in out["preview"]["cookie"]
    assert out["previewPage"]["body"] == "served /business-first/about/"
    assert out["previewPage"]["cache"] == "private, no-store" and out["previewPage"]["cookie"] is None
    # An empty (or unknown) preview value ends the preview: back to the visitor's assignment.
    assert out["previewEnd"]["body"] == f"served /{expected}/pricing/"
    assert out["previewEnd"]["cookie"].startswith("rk_visitor_preview=; Max-Age=0;")
    assert out["sitemap"]["body"] == "served /control/sitemap.xml"
    assert out["direct"]["body"] == "served /yearly-push/pricing/"  # a variant's own path
    # every routed answer carries the site's security headers itself (a host's _headers may not
    # reach a router's responses); Netlify's own static files get them from dist/_headers
    for name in ("fresh", "preview", "sitemap", "shared", "sharedUnrouted", "sharedInFolder",
                 "slash") + (
            ("direct",) if flavour.startswith("cloudflare") else ()):
        assert out[name]["csp"] == CSP, name
    # a content-addressed file is the same in every variation: kept once at dist's root and
    # served from there, cached for good, with no cookie, whether a cookie came with the request
    # or not, and when asked for inside a variation's folder (a page browsed at /<key>/...)
    assert out["shared"]["body"] == "served /assets/v/0123abcd/calculator/worker.js"
    assert out["sharedUnrouted"]["body"] == "served /assets/calculator/catalog/0123abcd/catalog.json"
    assert out["sharedInFolder"]["body"] == "served /assets/pyodide/314.0.7-abc/pyodide.asm.wasm"
    for name in ("shared", "sharedUnrouted", "sharedInFolder"):
        assert out[name]["status"] == 200, name
        assert out[name]["cache"] == IMMUTABLE and out[name]["vary"] is None, name
        assert out[name]["cookie"] is None, name
    # the host's redirect to a folder's slash stays on the public path
    assert out["slash"]["status"] == 307 and out["slash"]["location"] == "/pricing/"
    # a header a visitor can send (the marker an earlier router put on its own subrequest)
    # routes like any other request
    assert out["forged"]["body"] == f"served /{expected}/pricing/", out["forged"]
    assert out["forged"]["variant"] == expected and out["forged"]["csp"] == CSP


SITE = "https://relaykit.example"

# Request targets a visitor can send, each ending in a folder without its slash, so that the
# host redirects; and what the router's Location must be. A path that a browser would read as
# another host ("//evil.example/...", once the variation's folder is taken off) keeps one
# leading slash. The URL parser drops tabs and newlines, reads "\\" as "/" and resolves dot
# segments before the router sees the path; "%2F" and "%5C" stay data.
HOSTILE_PATHS = {
    "//evil.example/pricing": "/evil.example/pricing/",
    "//pricing": "/pricing/",
    "///evil.example/pricing": "/evil.example/pricing/",
    "/\\evil.example/pricing": "/evil.example/pricing/",
    "\\\\evil.example/pricing": "/evil.example/pricing/",
    "/\\/evil.example/pricing": "/evil.example/pricing/",
    "/\t/evil.example/pricing": "/evil.example/pricing/",
    "/\n/evil.example/pricing": "/evil.example/pricing/",
    "/..//evil.example/pricing": "/evil.example/pricing/",
    "/.//evil.example/pricing": "/evil.example/pricing/",
    "/%2e%2e//evil.example/pricing": "/evil.example/pricing/",
    "/%2F%2Fevil.example/pricing": "/%2F%2Fevil.example/pricing/",
    "/%5C%5Cevil.example/pricing": "/%5C%5Cevil.example/pricing/",
    "//evil.example/pricing?a=1": "/evil.example/pricing/",
}

# Location values the host itself may send (a redirect rule of the deployer's, a host's
# quirk): one on another origin, or one the URL parser cannot read, becomes the site's root.
HOSTILE_LOCATIONS = {
    "https://evil.example/pricing/": "/",
    "//evil.example/pricing/": "/",
    "/\\evil.example/pricing/": "/",
    "\\\\evil.example/pricing/": "/",
    "/\t/evil.example/pricing/": "/",
    "http://relaykit.example/pricing/": "/",
    "https://relaykit.example:8443/pricing/": "/",
    "https://relaykit.example@evil.example/": "/",
    "https://relaykit.example.evil.example/": "/",
    "javascript:alert(1)": "/",
    "data:text/html,hi": "/",
    "http://[::1": "/",
    "/control//evil.example/pricing/": "/evil.example/pricing/",
    "https://relaykit.example/business-first//evil.example/": "/evil.example/",
    "https://relaykit.example/business-first/pricing/?a=1#top": "/pricing/?a=1#top",
    "/%2F%2Fevil.example/": "/%2F%2Fevil.example/",
}

# Each target's answer, and where a browser goes with its Location (the WHATWG URL parser,
# as browsers have it, resolving against the URL the visitor asked for).
LOCATIONS = """
const targets = JSON.parse(process.argv[2]);
const out = {};
for (const target of targets) {
  try {
    const url = "https://relaykit.example" + target;
    const res = await call(new Request(url, { headers: { cookie: "rk_visitor=abcdef123456" } }));
    const location = res.headers.get("location");
    out[target] = { status: res.status, location, variant: res.headers.get("x-experiment-variant"),
                    origin: location === null ? null : new URL(location, url).origin };
  } catch (err) {
    out[target] = { error: String(err) };
  }
}
console.log(JSON.stringify(out));
"""


def locations(tmp_path, flavour, targets):
    (tmp_path / "router.mjs").write_text(router_source(spec(), flavour))
    (tmp_path / "locations.mjs").write_text(FILES + HOSTS[flavour] + LOCATIONS)
    done = subprocess.run([NODE, str(tmp_path / "locations.mjs"), json.dumps(targets)],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


# What the Worker answers for a variation's own path (Netlify serves those itself): the host's
# Location kept as it is when it stays on the site, the root when it does not.
DIRECT = {
    "/control//evil.example/pricing": "/control//evil.example/pricing/",
    "/control/pricing/?location=%2F%2Fevil.example%2F": "/",
    "/control/pricing/?location=https%3A%2F%2Fevil.example%2F": "/",
    "/control/pricing/?location=%2F%5Cevil.example%2F": "/",
    "/control/pricing/?location=%2Fcontrol%2Fpricing%2F": "/control/pricing/",
}


def assert_on_site(answers, table):
    for target, expected in table.items():
        answer = answers[target]
        assert "error" not in answer, (target, answer)
        assert answer["status"] in (302, 307), (target, answer)
        assert answer["origin"] == SITE, (target, answer)
        assert answer["location"] == expected, (target, answer)


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("flavour", sorted(HOSTS))
def test_every_location_stays_on_the_site(tmp_path, flavour):
    from_host = {f"/pricing/?location={quote(value, safe='')}": expected
                 for value, expected in HOSTILE_LOCATIONS.items()}
    routed = {**HOSTILE_PATHS, **from_host}
    direct = DIRECT if flavour.startswith("cloudflare") else {}
    answers = locations(tmp_path, flavour, list(routed) + list(direct))
    assert_on_site(answers, routed)
    assert all(answers[target]["variant"] for target in routed)
    assert_on_site(answers, direct)
