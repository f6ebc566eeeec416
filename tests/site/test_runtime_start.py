"""When the pages download the calculator's runtime (client.js, start-when.js), in Chromium
over a real local server: never before the pricing page's largest paint, and then without the
visitor doing anything; with the data saver on, only once the visitor uses the calculator
(the page says so, and the first edit is priced); out of view and never idle, once scrolled to;
on the landing page, never."""

import json

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import DEMO
from tests.support.worker_modules import worker_modules

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}   # Lighthouse's mobile screen
RUNTIME = ("/assets/pyodide/", "/assets/calculator/")
TOTAL = "[data-testid=calculator-total]"
STATUS = "[data-testid=calculator-status]"

# Before any page script: the largest-paint candidates' times, and when the page made the
# calculator's worker.
RECORD = """
window.__paints = [];
window.__worker = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__paints.push(entry.startTime);
}).observe({ type: "largest-contentful-paint", buffered: true });
const PageWorker = window.Worker;
window.Worker = function (url, options) {
  if (String(url).includes("calculator/worker.js")) window.__worker ??= performance.now();
  return new PageWorker(url, options);
};
"""

# A page whose largest paint comes after `load`, as on a slow phone: at `load` (before the
# page's own listeners) a block of text fills the top of the screen, and the main thread is
# busy for a while, so the block is painted only once that task is over.
LATE_PAINT = """
window.addEventListener("load", () => {
  const block = document.createElement("p");
  block.textContent = "A late paragraph. ".repeat(60);
  block.style.cssText = "position:fixed;inset:0 0 auto 0;font-size:20px;background:#fff;z-index:9";
  document.body.prepend(block);
  const until = performance.now() + 400;
  while (performance.now() < until) {}
});
"""

SAVE_DATA = """
Object.defineProperty(navigator, "connection", { value: { saveData: true }, configurable: true });
"""
NEVER_IDLE = "window.requestIdleCallback = () => 0;"


@pytest.fixture
def open_page(browser, server):
    contexts = []

    def open_(path, *scripts, screen=PHONE):
        context = browser.new_context(**screen)
        contexts.append(context)
        for script in (RECORD, *scripts):
            context.add_init_script(script)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.seen = len(server.requests)
        page.goto(server.url + path)
        return page

    yield open_
    for context in contexts:
        context.close()


def runtime_requests(server, page):
    """The runtime's files the server was asked for since ``page`` was opened."""
    workers = tuple(f"/{name}" for name in worker_modules())
    return [path for path in server.requests[page.seen:]
            if path.startswith(RUNTIME) or path.split("?")[0].endswith(workers)]


def shown(request):
    return quote(load_catalog_file(DEMO), request).to_dict()["display"]["total"]


def live(page):
    page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'live'",
                           timeout=60000)


@pytest.mark.parametrize("late", [False, True], ids=["as built", "painted after load"])
def test_the_runtime_starts_after_the_largest_paint_by_itself(open_page, server, late):
    page = open_page("pricing/", *([LATE_PAINT] if late else []))
    live(page)   # no visitor action needed
    paints = page.evaluate("window.__paints")
    made = page.evaluate("window.__worker")
    assert paints and made > max(paints), (made, paints)
    assert page.evaluate("window.pricingCalculator.started")["reason"] in ("idle", "in view")
    # the page's first runtime request (the wasm it compiles) comes after the worker's start
    wasm = page.evaluate("performance.getEntriesByType('resource')"
                         ".filter((e) => e.name.endsWith('.wasm')).map((e) => e.startTime)")
    assert wasm and min(wasm) >= made
    assert page.problems == []


def test_with_the_data_saver_on_only_use_starts_it(open_page, server):
    page = open_page("pricing/", SAVE_DATA)
    page.wait_for_load_state("load")
    page.wait_for_timeout(2500)
    assert runtime_requests(server, page) == []
    assert page.is_visible("[data-testid=calculator-save-data]")
    assert page.get_attribute(STATUS, "data-state") == "prerendered"
    default = json.loads(page.text_content("#calculator-default"))
    page.fill("[data-testid=calc-seats]", "12")   # the visitor's first edit
    live(page)
    page.wait_for_function("(t) => document.querySelector('[data-testid=calculator-total]')"
                           ".textContent === t", arg=shown({**default, "seats": 12}),
                           timeout=10000)
    assert page.evaluate("window.pricingCalculator.started")["reason"] == "used"
    assert runtime_requests(server, page)
    assert page.problems == []


def test_with_the_data_saver_on_a_script_asking_for_a_quote_starts_it(open_page, server):
    page = open_page("pricing/", SAVE_DATA)
    default = json.loads(page.text_content("#calculator-default"))
    asked = page.evaluate("(r) => window.pricingCalculator.quote(r)", {**default, "seats": 7})
    assert asked["total"] == quote(load_catalog_file(DEMO), {**default, "seats": 7}).to_dict()["total"]
    assert page.evaluate("window.pricingCalculator.started")["reason"] == "asked"


def test_out_of_view_and_never_idle_it_starts_when_scrolled_to(open_page, server):
    page = open_page("pricing/", NEVER_IDLE)
    page.wait_for_load_state("load")
    page.wait_for_timeout(2500)
    assert runtime_requests(server, page) == []   # the calculator is below a phone's screen
    page.locator("[data-testid=calculator]").scroll_into_view_if_needed()
    live(page)
    assert page.evaluate("window.pricingCalculator.started")["reason"] == "in view"


def test_the_landing_page_fetches_no_runtime_byte(open_page, server):
    page = open_page("")
    page.wait_for_load_state("load")
    page.wait_for_timeout(3000)
    assert server.requests[page.seen:]   # (the page itself was served)
    assert runtime_requests(server, page) == []
