"""The A/B build in Chromium, behind the generated edge router, under the site's strict CSP.

All variations are built once (``build_site(..., all_variants=True)``) and served by
``tests/node/edge_server.mjs``, which imports the generated ``dist/edge/cloudflare-worker.mjs``
and calls it for every request the browser makes: the cookie reading, the assignment, the
preview override and the rewrite into ``/<variant>/`` are the real router's code, unchanged.
Emulated is only the platform around it: Node's HTTP server instead of Cloudflare's, and the
Worker's static-assets binding (``env.ASSETS``), which serves the files of the build folder.
It adds no header of its own: the strict CSP and the other security headers come from the
router, as on the real host.

Proved here, for a forced visitor cookie and for the ``?<experiment>=<variant>`` preview:
the routed page (at control's URL, no redirect) is that variation's: its headline, CTAs and
card prices equal the built variation's HTML and ``calculator.quote`` for the patched
catalog, and the live calculator (Python in a Web Worker, loading its catalog through the
router) quotes the patched catalog too. ``experiment_viewed`` fires once per visit, in the
DOM and in ``window.dataLayer`` (a reload or a second page in the same tab: not again);
``cta_click`` and ``calculator_used`` reach both once; no CSP violation, no console error.
The build keeps the files every variation shares once, at dist's root: the router serves them
from there, and a variation deployed alone (its folder with those files copied over it) still
has its live calculator.
"""

import json
import shutil
import subprocess

import pytest

from pricing_site.build.site import build_site
from pricing_site.catalog import read_catalog
from pricing_site.experiments.assignment import assign
from pricing_site.build.headers import SECURITY
from pricing_site.pages.cards import BILLINGS
from pricing_site.catalog.variants import variant_documents
from tests.catalogs import card_price
from tests.site_support import DEMO, ROOT, parse
from tests.support.http_server import StaticServer
from tests.support.processes import stop
from tests.support.pricing_page import live as wait_live
from tests.support.pricing_page import shown as total
from tests.support.pricing_page import wait_total
from tests.support.page_problems import watch_problems

pytestmark = pytest.mark.e2e  # builds every variant, drives Chromium

NODE = shutil.which("node")
SERVER = ROOT / "tests" / "node" / "edge_server.mjs"

# Runs before any page script: records our DOM events and CSP violations, gives the page a
# dataLayer (as a tag manager's snippet would), and keeps CTA clicks on the page (their
# links leave the site; experiment.js has seen the click by the time it bubbles to document).
RECORD = """
window.__events = [];
window.__violations = [];
window.dataLayer = [];
for (const name of ["experiment_viewed", "cta_click", "calculator_used"]) {
  document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
}
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
window.addEventListener("click", (e) => {
  if (e.target.closest && e.target.closest("a.md-button")) e.preventDefault();
});
"""

# What tells the variations apart on the pricing page, read from the live DOM.
SIGNATURE_JS = """() => {
  const text = (el) => el.textContent.replace(/\\s+/g, " ").trim();
  const prices = {};
  for (const el of document.querySelectorAll("[data-testid^=price-], [data-testid^=saving-]")) {
    prices[el.dataset.testid] = text(el);
  }
  return { h1: text(document.querySelector("h1")), prices,
           ctas: [...document.querySelectorAll(".rk-card__cta a")].map(text) };
}"""


def _walk(node):
    for child in node.children:
        yield child
        yield from _walk(child)


def built_signature(html_file):
    """The same signature, read from the built variation's HTML file."""
    nodes = list(_walk(parse(html_file)))
    prices = {n.attrs["data-testid"]: n.text for n in nodes
              if n.attrs.get("data-testid", "").startswith(("price-", "saving-"))}
    ctas = [a.text for n in nodes if n.has_class("rk-card__cta") for a in n.find_all("a")]
    return {"h1": next(n for n in nodes if n.tag == "h1").text, "prices": prices, "ctas": ctas}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("ab") / "dist"
    assert build_site(str(DEMO), out=str(out), all_variants=True) == 0
    return out


@pytest.fixture(scope="module")
def spec(dist):
    return json.loads((dist / "variants.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogs():
    """Each variation's catalog, patched exactly as the build patches it."""
    read = read_catalog(DEMO, lint=False)
    return {key: read.variant(key)[0] for key in variant_documents(read.data)}


@pytest.fixture(scope="module")
def edge(dist):
    if NODE is None:
        pytest.skip("node not installed")
    process = subprocess.Popen(
        [NODE, str(SERVER), str(dist), str(dist / "edge" / "cloudflare-worker.mjs")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield f"http://127.0.0.1:{json.loads(line)['port']}"
    finally:
        stop(process)


def visitor_for(spec, variant):
    """A visitor id that the router's hashing assigns to ``variant``."""
    for n in range(10000):
        visitor = f"visitor{n:05d}"
        if assign(spec, visitor) == variant:
            return visitor
    raise AssertionError(f"no visitor id lands in {variant}")


@pytest.fixture
def open_context(browser, edge, spec):
    """A fresh browser (cookies, sessionStorage) with the recorder; optional visitor cookie."""
    contexts = []

    def make(cookie_variant=None):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        if cookie_variant:
            context.add_cookies([{"name": spec["cookie"], "value": visitor_for(spec, cookie_variant),
                                  "url": edge + "/"}])
        context.add_init_script(RECORD)
        page = context.new_page()
        page.problems = watch_problems(page)
        return page

    yield make
    for context in contexts:
        context.close()


def events(page, name):
    return [e["detail"] for e in page.evaluate("() => window.__events") if e["name"] == name]


def pushed(page, name):
    return [{k: v for k, v in e.items() if k != "event"}
            for e in page.evaluate("() => window.dataLayer") if e.get("event") == name]


def test_the_variations_are_told_apart_by_their_pricing_page(dist, spec):
    signatures = [built_signature(dist / v["key"] / "pricing/index.html")
                  for v in spec["variations"]]
    assert all(a != b for i, a in enumerate(signatures) for b in signatures[i + 1:])


# (how the variation is chosen, the variation, the variation the visitor's cookie would give)
CASES = [("cookie", "control", "control"), ("cookie", "yearly-push", "yearly-push"),
         ("cookie", "business-first", "business-first"),
         ("preview", "yearly-push", "control"), ("preview", "business-first", "yearly-push"),
         ("preview", "control", "business-first")]


@pytest.mark.parametrize("how, variant, cookie_variant", CASES)
def test_routed_page_is_the_variation_and_reports_it_once(open_context, edge, dist, spec,
                                                          catalogs, how, variant, cookie_variant):
    page = open_context(cookie_variant)
    query = f"?{spec['key']}={variant}" if how == "preview" else ""
    response = page.goto(f"{edge}/pricing/{query}")
    # Rewritten, not redirected: control's URL, the variation's page.
    assert response.status == 200 and response.request.redirected_from is None
    assert page.url == f"{edge}/pricing/{query}"
    assert response.headers["x-experiment-variant"] == variant
    assert response.headers["content-security-policy"] == SECURITY["Content-Security-Policy"]
    assert page.get_attribute("html", "data-variant") == variant

    # What the visitor sees is the built variation's page ...
    shown = page.evaluate(SIGNATURE_JS)
    assert shown == built_signature(dist / variant / "pricing/index.html")
    # ... and its prices are the patched catalog's quotes.
    catalog = catalogs[variant]
    priced = [(plan, billing) for plan in catalog.plans if not plan.custom for billing in BILLINGS]
    assert len(priced) >= 6
    for plan, billing in priced:
        assert shown["prices"][f"price-{plan.id}-{billing}"] == card_price(catalog, plan, billing)
    default = json.loads(page.text_content("#calculator-default"))
    assert page.text_content("[data-testid=calculator-total]") == total(catalog, default)

    # The live calculator (its catalog fetched through the router too) quotes the same catalog.
    wait_live(page)
    request = {**default, "seats": 12}
    page.fill("[data-testid=calc-seats]", "12")
    wait_total(page, total(catalog, request))

    marker = {"experiment": spec["key"], "variant": variant, "page": "/pricing/"}
    assert events(page, "experiment_viewed") == [marker]
    assert pushed(page, "experiment_viewed") == [marker]

    page.reload()                      # the same visit: not reported again
    assert page.get_attribute("html", "data-variant") == variant
    assert events(page, "experiment_viewed") == [] and pushed(page, "experiment_viewed") == []
    if how == "cookie":                # another page of the same visit, same variation
        page.goto(f"{edge}/about/")
        assert page.get_attribute("html", "data-variant") == variant
        assert events(page, "experiment_viewed") == [] and pushed(page, "experiment_viewed") == []

    assert page.evaluate("() => window.__violations") == []
    assert page.problems == []


def test_cta_click_and_calculator_used_reach_dom_and_datalayer_once(open_context, edge, spec,
                                                                     catalogs):
    page = open_context("business-first")
    page.goto(f"{edge}/pricing/")
    assert page.get_attribute("html", "data-variant") == "business-first"
    ours = {"experiment": spec["key"], "variant": "business-first"}

    cta = page.locator("#plan-business .rk-card__cta a")
    label, href = cta.text_content().strip(), cta.get_attribute("href")
    assert label == "Try Business free for 14 days"        # the variation's own CTA
    cta.click()
    assert page.url == f"{edge}/pricing/"                  # (the recorder kept us here)
    click = {**ours, "label": label, "href": href}
    assert events(page, "cta_click") == [click]
    assert pushed(page, "cta_click") == [click]

    wait_live(page)
    assert events(page, "calculator_used") == [] and pushed(page, "calculator_used") == []
    page.select_option("[data-testid=calc-plan]", "business")
    page.wait_for_function("() => document.querySelector('[data-testid=calculator-result]')"
                           ".dataset.plan === 'business'", timeout=15000)
    page.wait_for_function("() => window.__events.some((e) => e.name === 'calculator_used')",
                           timeout=15000)
    page.fill("[data-testid=calc-seats]", "12")
    default = json.loads(page.text_content("#calculator-default"))
    request = {"plan": "business", "seats": 12, "billing": default["billing"],
               "usage": {"api_calls": "150000", "storage_gb": "20"}}
    wait_total(page, total(catalogs["business-first"], request))
    used = events(page, "calculator_used")
    # Once per page view, however many edits (a use, not a keystroke count), labelled with
    # the experiment; one dataLayer entry (the calculator's own push, no second copy from
    # experiment.js).
    assert used == [{**ours, "plan": "business", "billing": default["billing"]}]
    assert pushed(page, "calculator_used") == used
    assert page.evaluate("() => window.__violations") == []
    assert page.problems == []


def test_a_new_visitor_gets_the_routers_cookie_and_keeps_its_variation(open_context, edge, spec):
    page = open_context()
    page.goto(f"{edge}/pricing/")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    variant = assign(spec, cookies[spec["cookie"]])
    assert page.get_attribute("html", "data-variant") == variant
    assert len(events(page, "experiment_viewed")) == 1
    page.goto(f"{edge}/docs/")
    assert page.get_attribute("html", "data-variant") == variant
    assert events(page, "experiment_viewed") == []
    assert {c["name"]: c["value"] for c in page.context.cookies()} == cookies
    assert page.evaluate("() => window.__violations") == [] and page.problems == []


def test_a_variation_deployed_alone_has_its_calculator(browser, dist, catalogs, tmp_path):
    """One variation's folder with dist's shared files copied over it, as docs/variants.md
    says, on a plain static host with the site's own _headers: the page is the variation's
    and its calculator quotes the variation's catalog, every file from that one folder."""
    site = tmp_path / "site"
    subprocess.run(["cp", "-R", str(dist / "yearly-push"), str(site)], check=True)
    subprocess.run(["cp", "-R", str(dist / "assets"), f"{site}/"], check=True)
    with StaticServer(site, host_rules=True) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            missing = []
            page.on("response", lambda r: r.status >= 400 and missing.append(r.url))
            page.goto(server.url + "pricing/")
            assert page.get_attribute("html", "data-variant") == "yearly-push"
            wait_live(page)
            default = json.loads(page.text_content("#calculator-default"))
            page.fill("[data-testid=calc-seats]", "12")
            wait_total(page, total(catalogs["yearly-push"], {**default, "seats": 12}))
            assert missing == []
        finally:
            context.close()
