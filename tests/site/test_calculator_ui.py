"""The live calculator on the built pricing page, driven in Chromium like a visitor would.

Every figure the page shows is checked against CPython's ``quote()`` for the same request.
"""

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import DEMO, ROOT, build_data, demo_data, demo_site
from tests.support.chromium import ARGS, CHROMIUM
from tests.support.held_runtime import HeldRuntime
from tests.support.http_server import StaticServer
from tests.support.typed_numbers import TYPED_SEATS
from tests.support.worker_ops import RECORD_OPS
from tests.support.page_problems import watch_problems
from tests.support.pricing_page import STATUS, TOTAL, interactive, live, shown, wait_total

RESULT = "[data-testid=calculator-result]"


# The demo with its calculator opening on yearly billing, with enough storage for two tiers.
YEARLY = {"plan": "business", "seats": 12, "billing": "annual",
          "usage": {"api_calls": "150000", "storage_gb": "5000"}}


@pytest.fixture(scope="module")
def yearly_server(tmp_path_factory):
    # (without the variations: yearly-push's patched request, Team with these API calls, could
    # not be priced)
    data = demo_data()
    data["site"]["pricing"]["calculator"]["request"] = YEARLY
    site = build_data(data, tmp_path_factory.mktemp("yearly"))
    with StaticServer(site, host_rules=True) as running:
        yield running


def test_the_page_works_before_python_has_loaded(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    runtime = HeldRuntime(page)  # never answered while the test runs
    try:
        page.goto(server.url + "pricing/")
        assert page.get_attribute(STATUS, "data-state") == "prerendered"
        assert page.text_content(TOTAL).startswith("$")
        monthly, annual = page.get_by_test_id("price-team-monthly"), page.get_by_test_id("price-team-annual")
        page.click("label[for=billing-annual]")  # the plan cards' billing toggle
        assert annual.is_visible() and not monthly.is_visible()
        # the calculator follows (once the page's scripts ran, which come after its first
        # frame); its built (monthly) bill waits for Python, and says so
        interactive(page)
        assert page.is_checked("[data-testid=calc-billing-annual]")
        assert page.get_attribute(STATUS, "data-state") == "pending"
        question = page.locator("#pricing-faq details").nth(1)
        assert question.get_attribute("open") is None
        question.locator("summary").click()
        assert question.get_attribute("open") is not None
        assert runtime.requested(page) and page.get_attribute(STATUS, "data-state") == "pending"
    finally:
        page.close()  # drops the held requests


CHART = "[data-testid=calculator-chart]"
CHART_LINES = (f"() => [...document.querySelectorAll('{CHART} path[data-plan]')]"
               ".map((p) => [p.dataset.plan, p.getAttribute('d')])")


def test_the_chart_is_drawn_before_python_and_nothing_moves_when_it_arrives(browser, server):
    """The page carries the estimate's cost curves (CPython's curve_json at build time): the
    chart is drawn before Python loads, is what Python draws live for the same request, keeps
    its place on the page, and Python is not asked for curves it already gave."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    runtime = HeldRuntime(page)
    try:
        page.goto(server.url + "pricing/")
        page.wait_for_selector(f"{CHART} path[data-plan=team]", state="attached", timeout=10000)
        prerendered = page.evaluate(CHART_LINES)
        assert [plan for plan, _ in prerendered] == ["team", "business"]
        assert page.locator("[data-testid=calculator-chart-marker]").count() == 1
        below = page.locator("[data-testid=calculator-copy-link]").bounding_box()["y"]
        assert runtime.requested(page) and page.get_attribute(STATUS, "data-state") == "prerendered"
    finally:
        page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.add_init_script("""window.__curves = 0;
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (message) {
            if (message?.op === "curve") window.__curves++;
            return post.call(this, message);
          };""")
        page.goto(server.url + "pricing/")
        live(page)
        assert page.evaluate("window.__curves") == 0  # the built curves serve the built state
        assert page.locator("[data-testid=calculator-copy-link]").bounding_box()["y"] == below
        charting = json.loads(page.text_content("#calculator-chart-data"))
        live_curves = page.evaluate("""(points) => window.pricingCalculator.curve(
          JSON.parse(document.getElementById("calculator-default").textContent), "seats", points)""",
                                    charting["points"])
        assert live_curves == charting["curve"]
        assert page.evaluate(CHART_LINES) == prerendered
    finally:
        page.close()


def test_without_javascript_the_estimate_shows_and_no_empty_chart_does(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "pricing/")
    assert page.locator(TOTAL).is_visible() and page.text_content(TOTAL).startswith("$")
    assert page.locator(CHART).count() == 1 and not page.locator(CHART).is_visible()
    context.close()


# The snapshot cache once it holds exactly `urls` (`href` with `bytes`), polled for up to 10 s,
# else as it is then. (Polled here: wait_for_function does not await a promise; it is truthy.)
KEPT = """async ([name, href, urls, bytes]) => {
  const seen = async () => {
    const cache = await caches.open(name), kept = await cache.match(href);
    return { urls: (await cache.keys()).map((r) => r.url), bytes: kept && (await kept.arrayBuffer()).byteLength };
  };
  for (const until = Date.now() + 10000; Date.now() < until;) {
    const now = await seen();
    if (now.bytes === bytes && now.urls.join() === urls.join()) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return seen();
}"""


def test_the_snapshot_is_kept_in_the_cache_api_and_a_damaged_copy_is_replaced(browser, server):
    """A first visit starts without the snapshot and keeps it once ready; a returning visitor's
    worker reads it from the Cache API (faster than the HTTP cache, and decoded): kept once it
    unpacked whole, one entry (an older build's goes), and a damaged copy gives way to the
    network's."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + "pricing/")
        live(page)
        assert page.evaluate("window.pricingCalculator.ready")["timings"]["start"] == "precompiled"
        assert page.evaluate("window.pricingCalculator.nextVisit")["cached"]["snapshot"] is True
        snapshot = json.loads(page.text_content("#calculator-config"))["snapshot"]
        href, size = server.url + snapshot, (demo_site() / snapshot).stat().st_size
        kept = {"urls": [href], "bytes": size}
        args = ["pricing-calculator-snapshot", href, *kept.values()]
        assert page.evaluate(KEPT, args) == kept
        page.evaluate("""async ([name, href, older]) => {
          const cache = await caches.open(name);
          await cache.put(href, new Response("PYSPARSE, cut short"));
          await cache.put(older, new Response("an older build's"));
        }""", [*args[:2], server.url + "assets/calculator/snapshot/0000/snapshot.bin"])
        page.reload()
        assert page.evaluate("window.pricingCalculator.ready")["timings"]["start"] == "snapshot"
        assert page.evaluate(KEPT, args) == kept
    finally:
        context.close()


HOLD_S = 4


def ready_timings(browser, server, init_script=None, returning=False):
    """The worker's timings when the pricing page first opens in a new context (``returning``:
    when it opens again once the first visit has kept what the next one starts from; ``True``,
    or a function of the page to run in between), once what the next visit starts from is
    fetched."""
    context = browser.new_context()
    if init_script:
        context.add_init_script(init_script)
    try:
        page = context.new_page()
        page.goto(server.url + "pricing/")
        if returning:
            page.evaluate("window.pricingCalculator.nextVisit")
            if callable(returning):
                returning(page)
            page.reload()
        timings = page.evaluate("window.pricingCalculator.ready")["timings"]
        page.evaluate("window.pricingCalculator.nextVisit")
        return timings
    finally:
        context.close()


def damage_kept_snapshot(page):
    """The kept snapshot damaged and the HTTP cache emptied: the worker reads the network's copy."""
    page.evaluate("""async () => {
      const cache = await caches.open("pricing-calculator-snapshot");
      for (const request of await cache.keys()) await cache.put(request, new Response("PYSPARSE!"));
    }""")
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")


def test_python_is_made_while_the_snapshot_still_arrives(browser):
    """loadPyodide needs only the snapshot's size, in its header, to make the module: with the
    rest of the snapshot held back (a slow network, for a returning visitor whose kept copy is
    damaged), the runtime is made meanwhile and only the restore waits for the last byte."""
    held = ("*/snapshot.bin.gz", 64 * 1024, HOLD_S)
    with StaticServer(demo_site(), host_rules=True, hold=held) as slow:
        timings = ready_timings(browser, slow, returning=damage_kept_snapshot)
    assert timings["start"] == "snapshot"
    assert timings["snapshot read"] >= HOLD_S * 1000  # the hold took place
    assert timings["module made"] < timings["snapshot read"]


def test_a_first_visit_leaves_the_wasm_to_the_worker_and_fetches_its_gzip_once(browser):
    """On a first visit the wasm is not in the browser's cache: the page does not compile it
    (its bytes would keep the main thread busy as they arrive); the worker fetches its gzip,
    once, decodes and compiles it, and Python boots from the precompiled stdlib. The wasm by
    its own name comes after ready, once, for the next visit (next-visit.js)."""
    with StaticServer(demo_site(), host_rules=True) as fresh:  # counts what each load asked for
        timings = ready_timings(browser, fresh)
        gzipped = [path for path in fresh.gets if path.endswith("/pyodide.asm.wasm.gz")]
        wasm = [path for path in fresh.gets if path.split("?")[0].endswith(".wasm")]
    assert timings["start"] == "precompiled"
    assert timings.get("wasm") is None
    assert len(gzipped) == 1 and len(wasm) == 1


MODULE = "/pyodide.asm.mjs"


@pytest.mark.parametrize("host", ["bare", "with the site's policy"])
def test_a_first_visit_from_a_plain_host_imports_the_runtime_module_from_its_gzip(browser, host):
    """A host sending no headers (S3, a bare server) compresses nothing: a first visit fetches
    pyodide.asm.mjs as its gzip (0.19 MB, not 0.83) and imports it decoded, as a blob; the
    module by its own name comes after ready, for the next visit, which imports it from the
    HTTP cache without a request (not even the HEAD that asks whether the host compresses). Where the worker's policy refuses blob: modules (the site's _headers), it is
    imported by its name, and the calculator works all the same."""
    bare = host == "bare"
    with StaticServer(demo_site(), host_rules=not bare) as plain:
        context = browser.new_context()
        try:
            page = context.new_page()
            problems = watch_problems(page, kinds=("error", "warning"))
            page.goto(plain.url + "pricing/")
            first = page.evaluate("window.pricingCalculator.ready")["timings"]
            assert page.evaluate("window.pricingCalculator.nextVisit")["cached"]["module"] is True
            first_visit, asked_before = plain.gets, len(plain.requests)
            page.reload()
            again = page.evaluate("window.pricingCalculator.ready")["timings"]
            returning = plain.requests[asked_before:]   # HEAD requests too
            request = {"plan": "team", "seats": 12}
            total = page.evaluate("(r) => window.pricingCalculator.quote(r)", request)["total"]
        finally:
            context.close()
    # what the next visit starts from is fetched after ready, the snapshot first
    after_ready = next(i for i, path in enumerate(first_visit) if path.endswith("/snapshot.bin.gz"))
    gzipped = [i for i, path in enumerate(first_visit) if path.endswith(MODULE + ".gz")]
    named = [i for i, path in enumerate(first_visit) if path.endswith(MODULE)]
    if bare:
        assert first.get("module") == "gzip"
        assert len(gzipped) == 1 and gzipped[0] < after_ready
        assert len(named) == 1 and named[0] > after_ready  # for the next visit
    else:
        assert first.get("module") is None
        assert gzipped == [] and len(named) == 1 and named[0] < after_ready
    assert again.get("module") is None  # from the HTTP cache, by its name, asking nothing
    assert not [path for path in returning if path.endswith((MODULE, MODULE + ".gz"))]
    assert total == quote(load_catalog_file(DEMO), request).to_dict()["total"]
    assert problems == []


def test_without_the_cache_api_each_visit_starts_from_the_stdlib_and_prices(browser, server, catalog):
    """Where there is no Cache API (a page outside a secure context: plain http on a host other
    than localhost), nothing is kept: every visit boots Python from the precompiled zip, and
    the calculator works as well."""
    insecure = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*ARGS, "--host-resolver-rules=MAP calculator.test 127.0.0.1"])
    try:
        page = insecure.new_page()
        page.goto(server.url.replace("127.0.0.1", "calculator.test") + "pricing/")
        assert page.evaluate("[window.isSecureContext, typeof caches]") == [False, "undefined"]
        for _ in range(2):
            assert page.evaluate("window.pricingCalculator.ready")["timings"]["start"] == "precompiled"
            assert page.evaluate("window.pricingCalculator.nextVisit")["cached"] == {
                "snapshot": False, "restoreZip": True, "wasm": True,
        "module": True}
            request = {"plan": "team", "seats": 49}
            assert page.evaluate("(r) => window.pricingCalculator.quote(r)", request)["total"] == \
                quote(catalog, request).to_dict()["total"]
            page.reload()
    finally:
        insecure.close()


@pytest.mark.parametrize("page_compiles", [True, False])
def test_a_returning_visitor_s_page_compiles_the_kept_wasm_for_the_worker(browser, tmp_path,
                                                                          page_compiles):
    """With the wasm in the browser's cache (a profile on disk, as a returning visitor's),
    client.js compiles it while the worker starts and posts the module, which Pyodide's
    instantiation takes; nothing asks the server for it again. A page that cannot compile it
    leaves the worker to compile the kept bytes, and Python starts as well."""
    profile = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=ARGS)
    try:
        if not page_compiles:
            profile.add_init_script("WebAssembly.compileStreaming = undefined;")
        with StaticServer(demo_site(), host_rules=True) as fresh:
            page = profile.new_page()
            page.goto(fresh.url + "pricing/")
            page.evaluate("window.pricingCalculator.nextVisit")  # the first visit kept the wasm
            seen = len(fresh.requests)
            page.reload()
            timings = page.evaluate("window.pricingCalculator.ready")["timings"]
            again = [p for p in fresh.requests[seen:] if p.split("?")[0].endswith(".wasm")]
        assert page.evaluate("window.pricingCalculator.started")["reason"] == "cached"
        assert timings["start"] == "snapshot"
        assert timings.get("wasm") == ("page" if page_compiles else None)
        assert again == []
    finally:
        profile.close()


def test_a_runtime_that_cannot_load_keeps_the_estimate_and_blames_no_field(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    try:
        page.goto(server.url + "pricing/")
        first = page.text_content(TOTAL)
        page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'failed'",
                               timeout=30000)
        assert "could not start" in page.text_content(STATUS)
        page.fill("[data-testid=calc-seats]", "30")  # an edit Python cannot answer
        message = page.locator("[data-error-for=form]")
        message.wait_for(state="visible", timeout=10000)
        assert "not available in this browser" in message.text_content()
        assert "http" not in message.text_content() and "fetch" not in message.text_content()
        assert page.get_attribute(STATUS, "data-state") == "failed"  # not "fix the field"
        assert page.get_attribute("[data-testid=calc-seats]", "aria-invalid") is None
        assert "rk-stale" in page.get_attribute(RESULT, "class")  # the figures no longer follow
        assert page.text_content(TOTAL) == first
        assert page.evaluate("window.pricingCalculator.warmed.then(() => 'warmed', () => 'failed')") \
            == "failed"  # nothing to warm: it settles, as ready does
    finally:
        page.close()

SHARED = "?plan=business&seats=7&billing=annual&usage.api_calls=120000&addons=audit_log"
SHARED_REQUEST = {"plan": "business", "seats": 7, "billing": "annual", "addons": ["audit_log"],
                  "usage": {"api_calls": "120000", "storage_gb": "20"}}


def test_a_shared_link_greys_the_built_estimate_until_python_prices_it(browser, server, catalog):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    runtime = HeldRuntime(page)  # answered once the test says so
    try:
        page.goto(server.url + "pricing/" + SHARED)
        interactive(page)
        built = page.text_content(TOTAL)
        assert page.input_value("[data-testid=calc-plan]") == "business"  # the link's inputs...
        assert built != shown(catalog, SHARED_REQUEST)  # ...beside the build's bill
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        assert page.get_attribute(STATUS, "data-state") == "pending"
        # the build's chart stands greyed beside the build's bill, its marker at the build's seats
        page.wait_for_selector(f"{CHART} path[data-plan]", state="attached", timeout=10000)
        chart_opacity = f"() => getComputedStyle(document.querySelector('{CHART}')).opacity"
        assert page.evaluate(chart_opacity) == "0.45"
        marker = page.get_attribute("[data-testid=calculator-chart-marker]", "cx")
        runtime.release()
        live(page)
        assert page.text_content(TOTAL) == shown(catalog, SHARED_REQUEST)
        assert "rk-stale" not in page.get_attribute(RESULT, "class")
        assert page.evaluate(chart_opacity) == "1"
        page.wait_for_function("m => document.querySelector('[data-testid=calculator-chart-marker]')"
                               "?.getAttribute('cx') !== m", arg=marker, timeout=10000)
    finally:
        page.close()


def test_a_shared_link_stays_greyed_when_python_cannot_start(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    try:
        page.goto(server.url + "pricing/" + SHARED)
        built = page.text_content(TOTAL)
        page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'failed'",
                               timeout=30000)
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        assert "not available in this browser" in page.text_content("[data-error-for=form]")
        assert page.text_content(TOTAL) == built
    finally:
        page.close()


def test_an_edit_before_python_has_loaded_greys_the_estimate_until_undone(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    HeldRuntime(page)  # never answered while the test runs
    try:
        page.goto(server.url + "pricing/")
        interactive(page)
        assert "rk-stale" not in page.get_attribute(RESULT, "class")
        page.fill("[data-testid=calc-seats]", "30")
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        assert page.get_attribute(STATUS, "data-state") == "pending"
        page.fill("[data-testid=calc-seats]", "10")  # the request the page was built with
        assert "rk-stale" not in page.get_attribute(RESULT, "class")
        assert page.get_attribute(STATUS, "data-state") == "prerendered"
    finally:
        page.close()


# Every text the total shows from now on, in order.
TOTALS_SHOWN = """() => {
  window.totalsShown = [];
  const total = document.querySelector("[data-testid=calculator-total]");
  new MutationObserver(() => window.totalsShown.push(total.textContent))
    .observe(total, { childList: true, subtree: true, characterData: true });
}"""
PENDING = "[data-testid=calculator-pending]"
SEATS, SEAT_SLIDER = "[data-testid=calc-seats]", "[data-testid=calc-seats-slider]"


class HeldScript:
    """A page's requests for one script, held until ``release()`` (the script runs after the
    page's first frame: on a slow link, seconds after; the visitor acts meanwhile)."""

    def __init__(self, page, pattern):
        self.page, self.routes = page, []
        page.route(pattern, lambda route: self.routes.append(route))

    def asked(self):
        """The first request's url, once the page has asked for the script."""
        while not self.routes:
            self.page.wait_for_timeout(50)
        return self.routes[0].request.url

    def release(self):
        self.asked()
        for route in self.routes:
            route.continue_()


def test_an_edit_before_the_forms_script_ran_is_kept_over_the_link_and_marked(browser, server):
    """ui.js comes after the page's first frame (on a slow link, seconds after): a field the
    visitor changed before it ran keeps its value over the link's, goes into the address and
    is marked as not priced yet, as a later edit is."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)  # never answered while the test runs
    held = HeldScript(page, "**/calculator/ui.js")
    try:
        page.goto(server.url + "pricing/?plan=team&seats=12")
        page.fill("[data-testid=calc-seats]", "30")
        page.check("[data-testid=calc-billing-annual]")
        held.asked()
        assert page.locator(PENDING).count() == 0  # nothing has seen the edit yet
        held.release()
        interactive(page)
        assert page.input_value("[data-testid=calc-seats]") == "30"
        assert page.is_checked("[data-testid=calc-billing-annual]")
        for field in ("calc-seats", "calc-billing-annual"):
            assert page.locator(f".rk-field:has([data-testid={field}]) {PENDING}").count() == 1
        assert page.get_attribute(STATUS, "data-state") == "pending"
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        query = parse_qs(urlparse(page.url).query)
        assert query["seats"] == ["30"] and query["billing"] == ["annual"]
    finally:
        page.close()


# Each slider's position as the page is built, and where slider.js would place it for its
# field's value.
SLIDER_PLACES = """async (module) => {
  const { valueToSlider } = await import(module);
  return [...document.querySelectorAll("input[type=range][data-for]")].map((slider) => {
    const field = document.querySelector(`[name="${slider.dataset.for}"]`);
    const placed = slider.cloneNode();
    valueToSlider(placed, field.value);
    return [slider.dataset.for, slider.getAttribute("value"), placed.value];
  });
}"""


def test_the_sliders_stand_at_their_fields_from_the_first_frame(browser, server):
    """Before ui.js runs (seconds after the first frame on a slow link) each slider already
    stands where its script would put it for its field's value, not at its middle."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)  # never answered while the test runs
    held = HeldScript(page, "**/calculator/ui.js")
    try:
        page.goto(server.url + "pricing/")
        places = page.evaluate(SLIDER_PLACES, held.asked().replace("/ui.js", "/slider.js"))
        assert len(places) >= 3  # the seats and the demo's metrics
        assert [(name, built) for name, built, _ in places] == [
            (name, placed) for name, _, placed in places]
    finally:
        page.close()


LEGEND = """() => [...document.querySelectorAll("[data-testid=calculator-chart] [data-slot=legend] li")]
  .map((key) => [key.className, key.textContent])"""


def test_the_charts_legend_is_there_before_the_chart_is_drawn(browser, server):
    """The build writes the legend chart.js draws (drawn late, it moved the page under it on a
    phone: a link to #compare landed 24 px off)."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)  # never answered while the test runs
    held = HeldScript(page, "**/calculator/ui.js")
    try:
        page.goto(server.url + "pricing/")
        built = page.evaluate(LEGEND)
        assert [name for _, name in built] == ["Team", "Business"]
        held.release()
        interactive(page)
        page.wait_for_function("() => document.querySelector('[data-testid=calculator-chart] "
                               "svg path')")
        assert page.evaluate(LEGEND) == built
    finally:
        page.close()


def test_a_slider_moved_before_the_forms_script_ran_is_kept_and_marked(browser, server):
    """A slider moved (touched, on a phone) before ui.js ran: its field takes the slider's
    value, which goes into the address and is marked as not priced yet, as a typed edit is."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    HeldRuntime(page)  # never answered while the test runs
    held = HeldScript(page, "**/calculator/ui.js")
    try:
        page.goto(server.url + "pricing/")
        built = page.input_value(SEATS)
        slider = page.locator(SEAT_SLIDER)
        slider.scroll_into_view_if_needed()
        box = slider.bounding_box()
        slider.tap(position={"x": box["width"] * 0.8, "y": box["height"] / 2})
        moved = page.input_value(SEAT_SLIDER)
        assert moved != page.eval_on_selector(SEAT_SLIDER, "s => s.defaultValue")
        assert page.input_value(SEATS) == built  # nothing has seen the move yet
        held.release()
        interactive(page)
        assert page.input_value(SEAT_SLIDER) == moved
        assert page.input_value(SEATS) == moved  # one position a seat
        assert page.locator(f".rk-field:has({SEATS}) {PENDING}").count() == 1
        assert page.get_attribute(STATUS, "data-state") == "pending"
        assert parse_qs(urlparse(page.url).query)["seats"] == [moved]
    finally:
        context.close()


def test_a_choice_on_the_cards_before_the_pages_scripts_ran_is_kept(browser, server):
    """The cards' toggles work with CSS alone from the first frame, their scripts come after it:
    a period and a currency picked before are kept, go into the address, and the calculator
    follows them."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)  # never answered while the test runs
    held = HeldScript(page, "**/js/after-paint.js")
    try:
        page.goto(server.url + "pricing/", wait_until="commit")
        page.click("label[for=billing-annual]")
        page.click("label[for=currency-eur]")
        held.release()
        interactive(page)
        assert page.is_checked("#billing-annual") and page.is_checked("#currency-eur")
        assert page.get_by_test_id("price-team-annual-eur").is_visible()
        query = parse_qs(urlparse(page.url).query)
        assert query["period"] == ["annual"] and query["currency"] == ["EUR"]
        assert page.is_checked("[data-testid=calc-billing-annual]")
        assert page.input_value("[data-testid=calc-currency]") == "EUR"
    finally:
        page.close()


@pytest.mark.parametrize("query, radios, shown, gone", [
    ("?period=annual&currency=EUR", ["#billing-annual", "#currency-eur"],
     "price-team-annual-eur", "price-team-monthly"),
    ("?currency=EUR", ["#billing-monthly", "#currency-eur"], "price-team-monthly-eur",
     "price-team-monthly"),
    ("?currency=XYZ&period=weekly", ["#billing-monthly", "#currency-usd"], "price-team-monthly",
     "price-team-monthly-eur"),   # what the page has not: its own
    ("?plan=team&seats=12&billing=annual", ["#billing-annual"], "price-team-annual",
     "price-team-monthly"),       # a calculator's link: its billing is the cards' period
    ("?period=monthly&billing=annual", ["#billing-monthly"], "price-team-monthly",
     "price-team-annual"),        # the cards' own parameter first
])
def test_a_links_period_and_currency_show_from_the_first_frame(browser, server, query, radios,
                                                                shown, gone):
    """A shared or campaign link's ?period= and ?currency= are the cards' from the first frame,
    before the toggles' scripts (held here) run: no flip from the page's own prices."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)
    page.route("**/js/after-paint.js", lambda route: None)   # never answered
    try:
        page.goto(server.url + "pricing/" + query, wait_until="commit")
        page.wait_for_selector("[data-testid=calculator]", state="attached")  # the cards parsed
        page.evaluate("() => new Promise((drawn) => requestAnimationFrame(() => drawn()))")
        assert all(page.is_checked(radio) for radio in radios)
        assert page.get_by_test_id(shown).is_visible() and not page.get_by_test_id(gone).is_visible()
    finally:
        page.close()


def test_a_calculators_link_opens_the_cards_on_its_billing(browser, server):
    """A link with the calculator's state (?billing=annual, no ?period=): the cards show the
    yearly prices the calculator is on, once the page's scripts ran too, and on Back to it."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    HeldRuntime(page)
    try:
        page.goto(server.url + "pricing/?plan=team&seats=12&billing=annual")
        interactive(page)
        assert page.is_checked("[data-testid=calc-billing-annual]")
        assert page.is_checked("#billing-annual")
        assert page.get_by_test_id("price-team-annual").is_visible()
        assert not page.get_by_test_id("price-team-monthly").is_visible()
        # Back or Forward to such an address: the same (js/billing-toggle.js on popstate)
        page.check("#billing-monthly", force=True)
        page.evaluate("() => { history.pushState(null, '', '?plan=team&billing=annual'); "
                      "history.pushState(null, '', '?plan=team'); }")
        page.go_back()
        page.wait_for_function("() => document.querySelector('#billing-annual').checked")
        assert page.get_by_test_id("price-team-annual").is_visible()
    finally:
        page.close()


def test_edits_while_python_starts_are_marked_beside_their_field_and_the_newest_is_priced_first(
        browser, server, catalog):
    """On a phone over a slow link: edits made while the runtime downloads stay in their
    fields, each field edited shows a mark beside its label, in view with the field (the status
    line above the bill is a screen further down), and Python's first answer is for the fields
    as they are then, not for an edit on the way."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    runtime = HeldRuntime(page)  # answered once the test says so
    try:
        page.goto(server.url + "pricing/")
        interactive(page)
        seats, storage = page.locator("[data-testid=calc-seats]"), \
            page.locator("[data-testid=calc-usage-storage_gb]")
        page.evaluate(TOTALS_SHOWN)
        for value in ("30", "31", "32"):
            seats.fill(value)
        seat_mark = page.locator(f".rk-field:has([data-testid=calc-seats]) {PENDING}")
        assert seat_mark.count() == 1 and seat_mark.text_content() == "not priced yet"
        field, mark = seats.bounding_box(), seat_mark.bounding_box()
        assert 0 <= mark["y"] and mark["y"] + mark["height"] <= 844  # seen without scrolling
        assert 0 <= field["y"] - mark["y"] < 80  # on the label just above the field
        storage.fill("75")
        assert page.locator(PENDING).count() == 2
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        runtime.release()
        live(page)
        newest = {"plan": "team", "seats": 32, "usage": {"storage_gb": "75"}}
        assert page.text_content(TOTAL) == shown(catalog, newest)
        # the first answer, and so every total shown since the edits, is the newest fields'
        assert set(page.evaluate("window.totalsShown")) == {shown(catalog, newest)}
        assert seats.input_value() == "32" and storage.input_value() == "75"
        assert page.locator(PENDING).count() == 0
        assert "rk-stale" not in page.get_attribute(RESULT, "class")
    finally:
        page.close()


def test_prerendered_estimate_is_what_python_says_live(visit, catalog):
    page = visit(wait_live=False)
    first = page.text_content(TOTAL)
    default = json.loads(page.text_content("#calculator-default"))
    assert first == shown(catalog, default)
    lines_before = page.locator(f"{RESULT} tbody tr").all_text_contents()
    live(page)
    assert page.text_content(TOTAL) == first  # nothing jumps when Python takes over
    assert page.locator(f"{RESULT} tbody tr").all_text_contents() == lines_before


def test_tier_rows_group_their_quantities_before_and_after_python_answers(visit, yearly_server):
    page = visit(wait_live=False, site=yearly_server)
    # beyond the 200 GB included, as totals; not "3800"
    tiers = ["over 200 up to 1,200: 1,000 × $0.20", "over 1,200: 3,800 × $0.10"]
    assert page.locator(".rk-bill__tier th").all_text_contents() == tiers  # prerendered
    live(page)
    page.fill("[data-testid=calc-seats]", "13")  # a quote rendered by render.js
    page.wait_for_selector(f"{RESULT}[data-status=priced] .rk-bill__line >> text=13 seats")
    assert page.locator(".rk-bill__tier th").all_text_contents() == tiers


def test_the_plan_cards_open_on_their_own_billing_not_the_calculators(visit, yearly_server):
    page = visit(wait_live=False, site=yearly_server)
    assert page.is_checked("[data-testid=calc-billing-annual]")  # the estimate: yearly
    assert page.is_checked("#billing-monthly")  # the cards: monthly, as their toggle says
    assert page.get_by_test_id("price-team-monthly").is_visible()
    assert not page.get_by_test_id("price-team-annual").is_visible()


def test_the_plan_cards_toggle_and_the_calculator_keep_one_billing(visit, catalog):
    page = visit()
    cards = {"monthly": page.get_by_test_id("price-team-monthly"),
             "annual": page.get_by_test_id("price-team-annual")}
    page.check("[data-testid=calc-billing-annual]")
    wait_total(page, shown(catalog, {"plan": "team", "seats": 10, "billing": "annual",
                                     "usage": {"storage_gb": "20"}}))
    page.wait_for_url("**billing=annual**")
    assert cards["annual"].is_visible() and page.is_checked("#billing-annual")  # followed
    page.click("label[for=billing-monthly]")
    assert cards["monthly"].is_visible()
    assert page.is_checked("[data-testid=calc-billing-monthly]")  # the estimate follows
    wait_total(page, shown(catalog, {"plan": "team", "seats": 10, "usage": {"storage_gb": "20"}}))
    assert "billing=annual" not in page.url  # and so does its link
    page.click("label[for=billing-annual]")
    page.fill("[data-testid=calc-seats]", "12")
    page.press("[data-testid=calc-seats]", "Enter")  # an estimate's link keeps the cards' choice
    page.wait_for_url("**seats=12**")
    page.reload()
    live(page)
    assert page.is_checked("[data-testid=calc-billing-annual]") and page.is_checked("#billing-annual")
    assert cards["annual"].is_visible() and not cards["monthly"].is_visible()
    assert page.input_value("[data-testid=calc-seats]") == "12"


def test_typing_49_seats_on_the_graduated_plan(visit, catalog):
    page = visit()
    page.fill("[data-testid=calc-seats]", "49")
    wait_total(page, "$2,060.00")
    tiers = page.locator(".rk-bill__tier th").all_text_contents()
    assert tiers == ["1–10: 10 × $50", "11–50: 39 × $40"]
    assert "Add 2 seats and every seat beyond 50 costs $30." in page.text_content(RESULT)
    page.press("[data-testid=calc-seats]", "Enter")  # a committed edit goes into the URL
    page.wait_for_url("**seats=49**")


def test_billing_plan_and_metrics_update_everything(visit, catalog):
    page = visit()
    page.fill("[data-testid=calc-seats]", "12")
    page.check("[data-testid=calc-billing-annual]")
    page.select_option("[data-testid=calc-plan]", "business")
    page.fill("[data-testid=calc-usage-api_calls]", "250000")
    request = {"plan": "business", "seats": 12, "billing": "annual",
               "usage": {"api_calls": "250000", "storage_gb": "20"}}
    expected = quote(catalog, request).to_dict()
    wait_total(page, expected["display"]["total"])
    assert page.text_content("[data-testid=calculator-monthly]") == \
        expected["display"]["monthly_equivalent"]
    assert page.is_visible("[data-testid=calc-usage-api_calls]")
    alerts = page.locator("[data-testid=calculator-alert]").all_text_contents()
    assert alerts == [a["message"] for a in expected["alerts"]]
    page.select_option("[data-testid=calc-plan]", "team")
    wait_total(page, shown(catalog, {"plan": "team", "seats": 12, "billing": "annual",
                                     "usage": {"storage_gb": "20"}}))
    assert not page.is_visible("[data-testid=calc-usage-api_calls]")  # Team has no API


def test_a_shared_url_restores_the_same_state(visit, catalog):
    query = "?plan=business&seats=7&billing=annual&usage.api_calls=120000&addons=audit_log"
    page = visit(query)
    assert page.input_value("[data-testid=calc-plan]") == "business"
    assert page.input_value("[data-testid=calc-seats]") == "7"
    assert page.is_checked("[data-testid=calc-billing-annual]")
    assert page.is_checked("[data-testid=calc-addon-audit_log]")
    wait_total(page, shown(catalog, {"plan": "business", "seats": 7, "billing": "annual",
                                     "usage": {"api_calls": "120000", "storage_gb": "20"},
                                     "addons": ["audit_log"]}))


def test_back_and_forward_move_between_states(visit, catalog):
    """Each settled estimate (the visitor's focus has left the form) is a history entry."""
    page = visit()
    page.fill("[data-testid=calc-seats]", "20")
    page.locator("[data-testid=calc-seats]").blur()
    wait_total(page, shown(catalog, {"plan": "team", "seats": 20, "usage": {"storage_gb": "20"}}))
    page.select_option("[data-testid=calc-plan]", "business")
    wait_total(page, shown(catalog, {"plan": "business", "seats": 20,
                                     "usage": {"storage_gb": "20", "api_calls": "150000"}}))
    page.go_back()
    wait_total(page, shown(catalog, {"plan": "team", "seats": 20, "usage": {"storage_gb": "20"}}))
    assert page.input_value("[data-testid=calc-plan]") == "team"


def words(page, selector):
    """The words shown in ``selector`` (hidden ones left out), on one line."""
    return " ".join(page.inner_text(selector).split())


def test_a_seat_kinds_label_reads_as_the_chosen_plan_names_and_prices_it(visit, catalog):
    page = visit("?plan=team&seats=4")
    label = "label[for=calc-kind-guest]"
    assert page.inner_text(label) == "Guests (5 free, then $10 each)"  # the shown words
    page.fill("[data-testid=calc-kind-guest]", "8")
    wait_total(page, shown(catalog, {"plan": "team", "seats": 4, "seat_kinds": {"guest": "8"},
                                     "usage": {"storage_gb": "20"}}))
    assert "3 guests × $10" in page.text_content(RESULT)
    page.select_option("[data-testid=calc-plan]", "business")
    assert page.inner_text(label) == "Guests (10 free, then $12 each)"
    wait_total(page, shown(catalog, {"plan": "business", "seats": 4, "seat_kinds": {"guest": "8"},
                                     "usage": {"storage_gb": "20", "api_calls": "150000"}}))
    # in euros, the words of the euro book (written both ways there: the monthly price)
    page.select_option("[data-testid=calc-currency]", "EUR")
    assert page.inner_text(label) == "Guests (10 free, then €11 each)"
    assert words(page, "label[for=calc-addon-phone_numbers]") == (
        "Phone numbers (€3.75 a month each, up to 20)")


def test_a_quantity_addon_is_typed_in_and_kept_in_the_link(visit, catalog):
    page = visit("?plan=team&seats=4&addons=sso")
    field = "[data-testid=calc-addon-phone_numbers]"
    assert words(page, "label[for=calc-addon-phone_numbers]") == (
        "Phone numbers ($4 a month each, up to 20)")  # the dollar words: the page's currency
    page.fill(field, "3")
    request = {"plan": "team", "seats": 4, "usage": {"storage_gb": "20"},
               "addons": {"sso": 1, "phone_numbers": "3"}}
    wait_total(page, shown(catalog, request))
    assert "3 phone numbers × $4" in page.text_content(RESULT)
    page.press(field, "Enter")
    page.wait_for_url("**addon.phone_numbers=3**")
    assert "addons=sso" in page.url
    again = visit("?" + page.url.split("?", 1)[1])
    assert again.input_value(field) == "3" and again.is_checked("[data-testid=calc-addon-sso]")
    wait_total(again, shown(catalog, request))
    page.fill(field, "21")
    slot = "#calc-addon-phone_numbers-error"
    page.wait_for_selector(f"{slot}:not([hidden])", timeout=10000)
    assert page.text_content(slot) == "Phone numbers: at most 20 can be bought, got 21."


@pytest.mark.parametrize("typed, words", [
    ("", "Enter the number of seats."),
    ("-4", "cannot be negative"),
    ("ten", "must be a whole number, got 'ten'"),
    ("1e30", "more than this calculator handles"),
    ("2.5", "must be a whole number, got 2.5"),
])
def test_bad_input_shows_the_message_and_keeps_the_last_result(visit, typed, words):
    page = visit()
    before = page.text_content(TOTAL)
    page.fill("[data-testid=calc-seats]", typed)
    page.wait_for_selector("#calc-seats-error:not([hidden])", timeout=10000)
    assert words in page.text_content("#calc-seats-error")
    assert page.get_attribute("[data-testid=calc-seats]", "aria-invalid") == "true"
    assert page.text_content(TOTAL) == before
    assert "rk-stale" in page.get_attribute(RESULT, "class")
    assert "NaN" not in page.text_content(RESULT)
    page.fill("[data-testid=calc-seats]", "12")
    page.wait_for_selector("#calc-seats-error[hidden]", state="attached", timeout=10000)
    assert "rk-stale" not in page.get_attribute(RESULT, "class")


MARKER = "[data-testid=calculator-chart-marker]"


def answered(page):
    """Python's answer to the form as it now reads: the status once no longer waiting on it."""
    page.wait_for_function(f"() => ['live', 'stale', 'failed'].includes("
                           f"document.querySelector('{STATUS}').dataset.state)", timeout=60000)
    return page.get_attribute(STATUS, "data-state")


# Counts the form's quotes as they settle (window.__answers), so a test can wait for Python's
# answer to an edit whatever that answer is.
COUNT_ANSWERS = """() => {
  const api = window.pricingCalculator, send = api.quoteLatest;
  window.__answers = 0;
  api.quoteLatest = (request) => {
    const answer = send(request);
    answer.finally(() => window.__answers++).catch(() => {});
    return answer;
  };
}"""


def type_answered(page, field, text):
    """Type ``text`` into ``field`` and wait until Python has answered it (a bill or a message)."""
    count = page.evaluate("window.__answers")
    page.fill(field, text)
    page.wait_for_function("n => window.__answers > n", arg=count, timeout=10000)


def shown_error(page, slot):
    return page.text_content(slot) if page.is_visible(slot) else ""


def test_the_seat_slider_follows_what_python_read_from_the_field(visit, catalog):
    """The page has no reading of its own of the text typed: the slider moves to the seats
    Python read, and stays where it was beside Python's message for text Python refuses."""
    page = visit()
    page.evaluate(COUNT_ANSWERS)
    top = int(page.get_attribute(SEAT_SLIDER, "max"))
    wrong = []  # (typed, [slider, message] seen, expected), for every row that differs
    for typed, read in TYPED_SEATS:
        type_answered(page, SEATS, "12")
        assert (page.input_value(SEAT_SLIDER), shown_error(page, "#calc-seats-error")) == ("12", "")
        type_answered(page, SEATS, typed)
        seen = [page.input_value(SEAT_SLIDER), shown_error(page, "#calc-seats-error")]
        expected = ["12", read] if isinstance(read, str) else [str(min(read, top)), ""]
        if seen != expected:
            wrong.append((typed if len(typed) < 20 else f"{len(typed)} digits", seen, expected))
    assert wrong == []


def test_the_chart_marker_stands_at_the_seats_python_read(visit):
    page = visit()
    page.wait_for_selector(MARKER, state="attached", timeout=10000)
    moved = f"c => document.querySelector('{MARKER}')?.getAttribute('cx') !== c"
    cx = lambda: page.get_attribute(MARKER, "cx")
    built = cx()
    page.fill(SEATS, "20")
    page.wait_for_function(moved, arg=built, timeout=10000)
    twenty = cx()
    page.fill(SEATS, "12")
    page.wait_for_function(moved, arg=twenty, timeout=10000)
    page.fill(SEATS, "2_0")  # 20 to Python; NaN to JavaScript's Number()
    page.wait_for_function(f"c => document.querySelector('{MARKER}')?.getAttribute('cx') === c",
                           arg=twenty, timeout=10000)


def test_a_usage_slider_follows_what_python_read_too(visit):
    page = visit()
    page.evaluate(COUNT_ANSWERS)
    field, slider = "[data-testid=calc-usage-storage_gb]", "[data-testid=calc-usage-storage_gb-slider]"
    error = "#calc-usage-storage_gb-error"
    type_answered(page, field, "1000")
    thousand = page.input_value(slider)
    type_answered(page, field, "20")
    assert page.input_value(slider) != thousand
    type_answered(page, field, "1_000")  # 1,000 GB to Python, NaN to JavaScript's Number()
    assert (page.input_value(slider), shown_error(page, error)) == (thousand, "")
    for typed, words in [("0x1F", "Storage must be a number, got '0x1F'."),
                         ("٣٠", "Storage must be written with the digits 0-9, got '٣٠'.")]:
        type_answered(page, field, typed)
        assert (page.input_value(slider), shown_error(page, error)) == (thousand, words), typed


# Where a link naming only a plan starts, field by field: the build's values brought within
# that plan's limits (pricing_site/pages/calculator_form.py), for each plan of the demo catalog.
PLAN_STARTS = {
    "free": {"seats": "3", "usage.api_calls": "10000", "usage.storage_gb": "1"},
    "team": {"seats": "10", "usage.storage_gb": "20"},
    "business": {"seats": "10", "usage.api_calls": "150000", "usage.storage_gb": "20"},
    "enterprise": {},
}


@pytest.mark.parametrize("plan", PLAN_STARTS)
def test_a_link_naming_only_a_plan_starts_from_that_plans_own_values(visit, catalog, plan):
    assert set(PLAN_STARTS) == {p.id for p in catalog.plans}
    page = visit(f"?plan={plan}", wait_live=False)
    start = PLAN_STARTS[plan]
    visible = page.eval_on_selector_all(
        "[data-testid=calculator-form] :is([name=seats], [name^='usage.'])",
        "inputs => inputs.filter((i) => !i.closest('[hidden]')).map((i) => [i.name, i.value])")
    assert dict(visible) == start
    assert answered(page) == "live", page.text_content("[data-error-for]:not([hidden])")
    request = {"plan": plan, "seats": start.get("seats", 0), "usage": {
        name.removeprefix("usage."): value for name, value in start.items() if name != "seats"}}
    expected = quote(catalog, request).to_dict()
    assert page.get_attribute(RESULT, "data-status") == expected["status"]
    if expected["status"] == "priced":
        assert page.text_content(TOTAL) == expected["display"]["total"]
    if "seats" in start:
        assert page.input_value(SEAT_SLIDER) == start["seats"]


def test_a_long_bill_stays_inside_its_card_on_a_phone(browser, server, catalog):
    request = {"plan": "business", "seats": 999999, "billing": "annual",
               "usage": {"api_calls": "5000000", "storage_gb": "20"}}
    page = browser.new_page(viewport={"width": 375, "height": 740})
    try:
        page.goto(server.url + "pricing/?plan=business&seats=999999&billing=annual"
                  "&usage.api_calls=5000000")
        live(page)
        wait_total(page, shown(catalog, request))  # $539,999,460.00 and the like
        page.locator(RESULT).scroll_into_view_if_needed()
        box = page.locator(RESULT).evaluate("""r => { const s = getComputedStyle(r);
            const b = r.getBoundingClientRect();
            return [b.left + parseFloat(s.paddingLeft), b.right - parseFloat(s.paddingRight)]; }""")
        table = page.locator(f"{RESULT} table").bounding_box()
        for cell in page.locator(f"{RESULT} tr:not([hidden]) :is(th, td)").all():
            edges = cell.bounding_box()
            assert box[0] - 1 <= edges["x"] and edges["x"] + edges["width"] <= box[1] + 1, \
                cell.text_content()  # nothing cut off by the card
        for label in page.locator(f"{RESULT} tr:not([hidden]) th").all():
            # not squeezed to a word a line beside its amount
            assert label.bounding_box()["width"] >= 0.4 * table["width"], label.text_content()
    finally:
        page.close()


def test_contact_sales_shows_the_cta_instead_of_a_number(visit):
    page = visit()
    page.fill("[data-testid=calc-seats]", "250")
    page.wait_for_selector("[data-testid=calculator-contact]", state="visible", timeout=10000)
    assert "contact sales" in page.text_content("[data-testid=calculator-message]")
    assert not page.is_visible(TOTAL)
    page.select_option("[data-testid=calc-plan]", "enterprise")
    page.wait_for_function("() => document.querySelector('[data-testid=calculator-result]')"
                           ".dataset.plan === 'enterprise'")
    assert page.is_visible("[data-testid=calculator-contact]")


def test_cheaper_plan_switch(visit, catalog):
    page = visit("?plan=business&seats=5&usage.storage_gb=20&usage.api_calls=0")
    expected = quote(catalog, {"plan": "business", "seats": 5,
                               "usage": {"storage_gb": "20", "api_calls": "0"}})
    assert expected.cheaper_plan is not None
    wait_total(page, expected.to_dict()["display"]["total"])
    page.click("[data-testid=calculator-switch]")
    wait_total(page, expected.cheaper_plan.to_dict("USD")["display"]["total"])
    assert page.input_value("[data-testid=calc-plan]") == expected.cheaper_plan.plan


def test_chart_draws_every_plan_that_can_price_the_request(visit):
    page = visit()
    page.wait_for_selector("[data-testid=calculator-chart]:not([hidden]) path[data-plan]",
                           state="attached", timeout=10000)
    plans = page.eval_on_selector_all("[data-testid=calculator-chart] path[data-plan]",
                                      "paths => paths.map(p => p.dataset.plan)")
    # 20 GB of storage is over the Free plan's 1 GB limit: Free has no point to draw
    assert plans == ["team", "business"]
    assert page.locator(".rk-chart__legend li").all_text_contents() == ["Team", "Business"]
    assert page.locator("[data-testid=calculator-chart-marker]").count() == 1


def test_a_seat_edit_moves_the_marker_and_keeps_the_curves(visit, catalog):
    page = visit()
    page.wait_for_selector(f"{CHART} path[data-plan=team]", state="attached", timeout=10000)
    page.evaluate(f"() => window.__team = document.querySelector('{CHART} path[data-plan=team]')")
    before = page.get_attribute("[data-testid=calculator-chart-marker]", "cx")
    page.fill("[data-testid=calc-seats]", "14")  # within the seats the curves serve
    wait_total(page, shown(catalog, {"plan": "team", "seats": 14, "usage": {"storage_gb": "20"}}))
    page.wait_for_function("b => document.querySelector('[data-testid=calculator-chart-marker]')"
                           ".getAttribute('cx') !== b", arg=before, timeout=10000)
    assert page.locator("[data-testid=calculator-chart-marker]").count() == 1
    # the same curve drawn: the path node was kept, only the marker moved
    assert page.evaluate(f"() => window.__team === document.querySelector('{CHART} path[data-plan=team]')")
    page.check("[data-testid=calc-billing-annual]")  # another period: the curves are redrawn
    page.wait_for_function(f"() => window.__team !== document.querySelector('{CHART} path[data-plan=team]')",
                           timeout=10000)
    assert page.locator("[data-testid=calculator-chart-marker]").count() == 1


def test_a_quantity_beyond_the_drawn_curves_gets_new_ones(visit, catalog):
    page = visit("?plan=business&seats=10&usage.api_calls=150000&usage.storage_gb=20")
    marker = "[data-testid=calculator-chart-marker]"
    page.wait_for_selector(marker, state="attached", timeout=10000)
    ticks = "[data-testid=calculator-chart] .rk-chart__tick"
    last_tick = lambda: page.eval_on_selector_all(ticks, "ts => ts.map(t => t.textContent)")[-1]
    before = last_tick()
    page.fill("[data-testid=calc-seats]", "600")  # beyond the seats the curves were drawn for
    wait_total(page, shown(catalog, {"plan": "business", "seats": 600,
                                     "usage": {"api_calls": "150000", "storage_gb": "20"}}))
    page.wait_for_function("b => { const t = [...document.querySelectorAll("
                           "'[data-testid=calculator-chart] .rk-chart__tick')]; "
                           "return t.length && t.at(-1).textContent !== b; }", arg=before,
                           timeout=10000)
    assert int(last_tick().replace(",", "")) >= 600
    assert page.locator(marker).count() == 1  # the estimate is on the chart


def test_a_true_up_is_shown_after_the_discounts_it_tops_up(visit, catalog):
    request = {"plan": "business", "seats": 3, "billing": "annual", "commitment": True,
               "usage": {"api_calls": "150000", "storage_gb": "20"}}
    page = visit("?plan=business&seats=3&billing=annual&commit=1&usage.api_calls=150000"
                 "&usage.storage_gb=20")
    wait_total(page, shown(catalog, request))
    kinds = page.eval_on_selector_all(f"{RESULT} tbody tr", "rows => rows.map(r => r.className)")
    labels = page.eval_on_selector_all(f"{RESULT} tbody tr th", "ths => ths.map(t => t.firstChild.textContent)")
    assert kinds.index("rk-bill__discount") < labels.index("Commitment minimum (true-up)")
    assert labels.index("Commitment minimum (true-up)") > max(
        i for i, kind in enumerate(kinds) if kind == "rk-bill__discount")


def test_an_edit_asks_python_for_the_quote_before_the_curves(visit, catalog):
    """The total is what the visitor waits for: the worker computes it first and the chart's
    new curves after, while the page draws the bill."""
    page = visit()
    page.wait_for_selector("[data-testid=calculator-chart] path[data-plan=team]", state="attached",
                           timeout=10000)
    page.evaluate(RECORD_OPS)
    page.fill("[data-testid=calc-usage-storage_gb]", "80")  # new seat curves: more storage
    seats = int(page.input_value("[data-testid=calc-seats]"))
    wait_total(page, shown(catalog, {"plan": "team", "seats": seats, "usage": {"storage_gb": "80"}}))
    page.wait_for_function("() => window.__sent.length >= 2", timeout=10000)
    sent = page.evaluate("window.__sent")   # the planner's forecast, once typing pauses, last
    assert sent[:2] == ["quote", "curve"] and set(sent[2:]) <= {"forecast"}


def test_a_choice_asks_python_once(visit, catalog):
    """A select or a radio fires "input" and "change" together: one quote answers both (a
    second, the same, would have the worker price it again and the bill drawn twice)."""
    page = visit()
    page.evaluate("""() => {
      const api = window.pricingCalculator, send = api.quoteLatest;
      window.__asked = [];
      api.quoteLatest = (request) => { window.__asked.push(request); return send(request); };
    }""")
    page.select_option("[data-testid=calc-plan]", "business")
    page.check("[data-testid=calc-billing-annual]")
    asked = page.evaluate("window.__asked")
    assert [(r["plan"], r["billing"]) for r in asked] == [("business", "monthly"), ("business", "annual")]
    wait_total(page, shown(catalog, asked[-1]))
    page.fill("[data-testid=calc-seats]", "12")  # typed: asked at each input
    assert page.evaluate("window.__asked.length") == 3


def test_an_edit_redraws_the_chart_without_reading_the_layout(visit, catalog):
    """Reading the figure's width while drawing made the browser lay out the whole page at
    every keystroke: the width is read once, then kept by a ResizeObserver, and a window that
    changes width (a phone turned) redraws the chart for its new width."""
    page = visit()
    page.wait_for_selector(f"{CHART} path[data-plan=team]", state="attached", timeout=10000)
    page.evaluate(f"""() => {{
      const figure = document.querySelector('{CHART}');
      const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth').get;
      window.__reads = 0;
      Object.defineProperty(figure, 'clientWidth', {{ get() {{ window.__reads++; return width.call(this); }} }});
      window.__team = figure.querySelector('path[data-plan=team]');
    }}""")
    seats = int(page.input_value("[data-testid=calc-seats]"))
    for storage in ("80", "90"):  # new seat curves each time: the chart is redrawn
        page.fill("[data-testid=calc-usage-storage_gb]", storage)
        wait_total(page, shown(catalog, {"plan": "team", "seats": seats,
                                         "usage": {"storage_gb": storage}}))
    page.wait_for_function(f"() => window.__team !== document.querySelector('{CHART} path[data-plan=team]')",
                           timeout=10000)
    assert page.evaluate("window.__reads") == 0
    # drawn in CSS pixels, as wide as the figure: a turned phone's new width is drawn anew
    in_pixels = f"""() => {{
      const svg = document.querySelector('{CHART} svg'), box = svg.getBoundingClientRect();
      return svg.getAttribute('viewBox') === `0 0 ${{Math.round(box.width)}} ${{Math.round(box.height)}}`;
    }}"""
    assert page.evaluate(in_pixels)
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_function(in_pixels, timeout=10000)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(in_pixels, timeout=10000)


WARM_UP_JS = (ROOT / "site_src/assets/calculator/warm-up.js").read_text()
WARM_ROUNDS = int(re.search(r"const WARM_ROUNDS = (\d+);", WARM_UP_JS).group(1))
QUIET_MS = int(re.search(r"const QUIET_MS = (\d+);", WARM_UP_JS).group(1))


def test_the_worker_warms_python_up_while_the_visitor_reads_not_while_they_type(visit):
    """V8 optimises Python's hot paths only once they have run a while, so after ready the
    worker runs quotes and curves in the background; a visitor's requests pause it, so their
    edits never queue behind it."""
    page = visit()
    seen = page.evaluate("""async () => {
      const api = window.pricingCalculator;
      let typing = true, warmedWhileTyping = false;
      api.warmed.then(() => { warmedWhileTyping = typing; });
      for (let i = 0; i < 60; i++) { // a keystroke every 50 ms for 3 s
        await api.quote({ plan: "team", seats: 1 + (i % 40) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      typing = false;
      return { warmedWhileTyping, rounds: (await api.warmed).rounds };
    }""")
    assert seen == {"warmedWhileTyping": False, "rounds": WARM_ROUNDS}


def test_the_warming_starts_only_once_the_calculator_has_been_live_a_moment(visit):
    """A visitor may type the instant the calculator is live: no warm-up round (20-40 ms while
    the code is cold) is then under way, whose end their first edit would wait for."""
    warmed = visit().evaluate("window.pricingCalculator.warmed")
    assert warmed["rounds"] == WARM_ROUNDS and warmed["after"] >= QUIET_MS


def test_keyboard_alone_reaches_and_changes_the_inputs(visit, catalog):
    page = visit()
    page.focus("[data-testid=calc-plan]")
    order = []
    for _ in range(8):
        order.append(page.evaluate("document.activeElement.dataset.testid || ''"))
        page.keyboard.press("Tab")
    assert order[:4] == ["calc-plan", "calc-currency", "calc-billing-monthly", "calc-seats"]
    page.focus("[data-testid=calc-seats]")
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    wait_total(page, shown(catalog, {"plan": "team", "seats": 30, "usage": {"storage_gb": "20"}}))
    assert page.get_attribute(TOTAL, "aria-live") == "polite"


def test_no_request_leaves_the_site_and_no_console_error(visit, server):
    page = visit()
    page.fill("[data-testid=calc-seats]", "49")
    wait_total(page, "$2,060.00")
    origin = urlparse(server.url).netloc
    assert [u for u in page.requests if urlparse(u).netloc not in (origin, "")] == []
    assert page.problems == []


# A pay-as-you-go plan: no flat fee, no seats, only API calls (DOMAIN's "pure usage").
API_ONLY = {"id": "api", "name": "API only", "tagline": "Just the messaging API.",
            "features": ["Messaging API"], "cta": {"label": "Start", "url": "https://example.com/"},
            "price": {"usage": {"api_calls": {"unit": "0.0005", "included": 1000}}}}


def test_a_usage_only_plan_prices_and_charts_with_its_own_fields(browser, tmp_path):
    data = demo_data(variants=True)
    data["plans"].insert(-1, API_ONLY)  # before Enterprise
    data["price_books"]["EUR"]["plans"]["api"] = {"price": API_ONLY["price"]}
    site = build_data(data, tmp_path)  # it used to crash
    catalog = load_catalog_file(str(tmp_path / "plans.yaml"))
    with StaticServer(site, host_rules=True) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(server.url + "pricing/?plan=api&usage.api_calls=3000")
            live(page)
            wait_total(page, shown(catalog, {"plan": "api", "usage": {"api_calls": "3000"}}))
            assert page.text_content(TOTAL) == "$1.00"
            assert not page.is_visible("[data-testid=calc-seats]")
            assert not page.is_visible(".rk-field--addons")  # no add-on is offered on it
            page.wait_for_selector("[data-testid=calculator-chart] path[data-plan=api]",
                                   state="attached", timeout=10000)
            drawn = page.eval_on_selector_all("[data-testid=calculator-chart] path[data-plan]",
                                              "paths => paths.map(p => p.dataset.plan)")
            assert "api" in drawn and "team" not in drawn  # Team prices 0 calls only: no line
            assert "Team" not in page.locator(".rk-chart__legend li").all_text_contents()
            assert page.get_by_test_id("price-api-monthly").text_content().strip().startswith("$0")
        finally:
            page.close()
