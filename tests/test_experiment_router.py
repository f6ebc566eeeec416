"""The emitted routers (the Cloudflare Worker and the Netlify Edge Function), run under Node
with the host emulated (Cloudflare's ASSETS binding; Netlify's static files and its same-site
subrequest, which runs the function again): cookie set when absent, sticky assignment equal to
Python's, preview override (kept for the browser session by a session cookie, so the page's own
files follow it), rewrite (not redirect) into the variant's folder, cache headers."""

import json
import shutil
import subprocess

import pytest

from pricing_site.edge import router_source
from pricing_site.experiment import assign

from .test_experiment import spec

NODE = shutil.which("node")

# How each host calls its router; both define `run(path, cookie)`, which returns what the
# visitor gets. Only the platform is emulated: the static files answer "served <path>".
HOSTS = {
    "cloudflare-worker.mjs": """
import worker from "./router.mjs";
const env = { ASSETS: { fetch: async (req) => new Response("served " + new URL(req.url).pathname,
  { status: 200, headers: { "Cache-Control": "public, max-age=600" } }) } };
const call = (request) => worker.fetch(request, env);
""",
    # Netlify runs the edge function for every path, its own same-site subrequest included;
    # a function that returns nothing hands the request to the static files.
    "netlify-edge-function.mjs": """
import handler, { config } from "./router.mjs";
const files = (request) => new Response("served " + new URL(request.url).pathname,
  { status: 200, headers: { "Cache-Control": "public, max-age=600" } });
const call = async (request) => (await handler(request)) ?? files(request);
globalThis.fetch = async (url, init) => {  // the subrequest: through the function again
  const request = new Request(url, init);
  if (await handler(request) !== undefined) throw new Error("the subrequest was routed again");
  return files(request);
};
if (config.path !== "/*" || !config.excludedPath.includes("/edge/*")) throw new Error("config");
""",
}

VISITS = """
const run = async (path, cookie) => {
  const headers = cookie ? { cookie } : {};
  const res = await call(new Request("https://relaykit.example" + path, { headers }));
  return { status: res.status, body: await res.text(), vary: res.headers.get("vary"),
           cache: res.headers.get("cache-control"), cookie: res.headers.get("set-cookie"),
           variant: res.headers.get("x-experiment-variant") };
};
const out = {};
out.fresh = await run("/pricing/");
out.sticky = await run("/pricing/", "rk_visitor=abcdef123456");
out.again = await run("/about/", "other=1; rk_visitor=abcdef123456");
out.preview = await run("/pricing/?pricing-page-dec-2026=business-first", "rk_visitor=abcdef123456");
out.previewAsset = await run("/assets/calculator/catalog.json?v=1",
                             "rk_visitor=abcdef123456; rk_visitor_preview=business-first");
out.previewEnd = await run("/pricing/?pricing-page-dec-2026=", "rk_visitor=abcdef123456; rk_visitor_preview=business-first");
out.sitemap = await run("/sitemap.xml", "rk_visitor=abcdef123456");
out.direct = await run("/yearly-push/pricing/", "rk_visitor=abcdef123456");
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("flavour", sorted(HOSTS))
def test_router_routes_by_cookie_with_preview(tmp_path, flavour):
    experiment = spec()
    (tmp_path / "router.mjs").write_text(router_source(experiment, flavour))
    (tmp_path / "run.mjs").write_text(HOSTS[flavour] + VISITS)
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
    assert out["previewAsset"]["body"] == "served /business-first/assets/calculator/catalog.json"
    assert out["previewAsset"]["cache"] == "private, no-store" and out["previewAsset"]["cookie"] is None
    # An empty (or unknown) preview value ends the preview: back to the visitor's assignment.
    assert out["previewEnd"]["body"] == f"served /{expected}/pricing/"
    assert out["previewEnd"]["cookie"].startswith("rk_visitor_preview=; Max-Age=0;")
    assert out["sitemap"]["body"] == "served /control/sitemap.xml"
    assert out["direct"]["body"] == "served /yearly-push/pricing/"  # a variant's own path
