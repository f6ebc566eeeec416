"""The calculator runtime in Debian's Chromium: Pyodide in a module worker, over real HTTP.

One browser and one page for the module (start-up is the slow part); the page is served with
a strict Content-Security-Policy, so the runtime must work under it.
"""

import itertools
import json
import re
import shutil

import pytest

from calculator.browser import curve_json
from pricing_site.catalog import load_catalog_file
from tests.support.calculator_page import PAGE, settle, write_test_site
from tests.support.calculator_page import cpython as cpython_answer
from tests.support.http_server import STRICT_CSP, StaticServer, own_origin
from tests.support.typed_numbers import TYPED_SEATS
from tests.support.paths import ROOT
from tests.support.page_problems import watch_problems

pytestmark = pytest.mark.e2e

CATALOG = load_catalog_file(ROOT / "plans.yaml")


def cpython(request):
    return cpython_answer(CATALOG, request)


@pytest.fixture(scope="module")
def page(tmp_path_factory, browser):
    site = tmp_path_factory.mktemp("calculator-site")
    urls = write_test_site(site, CATALOG)
    write_corrupt_snapshot_pages(site, urls)
    with StaticServer(site, headers={"Content-Security-Policy": STRICT_CSP}) as server:
        page = browser.new_page()
        page.seen_requests, page.problems = [], watch_problems(page)
        page.on("request", lambda r: page.seen_requests.append(r.url))
        page.server = server
        page.goto(server.url + "pricing/")
        page.ready_info = page.evaluate("window.pricingCalculator.ready")
        yield page
        page.close()


def write_corrupt_snapshot_pages(site, urls):
    """``corrupt-<kind>/``: the pricing page's config with its snapshot damaged, three ways."""
    snapshot = (site / urls["snapshot"]).read_bytes()
    damaged = {
        "garbage": bytes(range(256)) * 64,                   # not a snapshot at all
        "truncated": snapshot[:len(snapshot) // 2],          # a valid header, half the memory
        "empty": b"",
    }
    (site / "corrupt").mkdir()
    shutil.copyfile(site / urls["snapshot"].replace("snapshot.bin", "python_stdlib.zip"),
                    site / "corrupt" / "python_stdlib.zip")  # the lean zip is served beside it
    for kind, data in damaged.items():
        (site / "corrupt" / f"{kind}.bin").write_bytes(data)
        config = {k: v for k, v in urls.items() if k != "client"}
        config["snapshot"] = f"corrupt/{kind}.bin"
        page = site / f"corrupt-{kind}" / "index.html"
        page.parent.mkdir()
        page.write_text(PAGE.format(config=json.dumps(config), client=urls["client"]),
                        encoding="utf-8")


def _grid():
    """Requests over every demo plan: at and around each tier edge and allowance, both billings."""
    billings = ("monthly", "annual")
    team_seats = (0, 1, 2, 3, 4, 9, 10, 11, 49, 50, 51, 199, 200, 201, 202)
    for seats, billing in itertools.product(team_seats, billings):
        yield {"plan": "team", "seats": seats, "billing": billing}
    for storage, billing in itertools.product((0, 49, 50, 50.5, 51, "1000.25", 2000), billings):
        yield {"plan": "team", "seats": 12, "usage": {"storage_gb": storage}, "billing": billing}
    for addons, kinds in itertools.product(([], ["sso"], ["audit_log"], ["sso", "audit_log"]),
                                           ({}, {"viewer": 3}, {"guest": 5}, {"guest": 6})):
        for billing in billings:
            yield {"plan": "team", "seats": 20, "addons": addons, "seat_kinds": kinds,
                   "billing": billing}
    for seats, calls, billing in itertools.product((0, 1, 2, 3, 4), (0, 9999, 10000, 10001),
                                                   billings):
        yield {"plan": "free", "seats": seats, "usage": {"api_calls": calls}, "billing": billing}
    yield {"plan": "free", "seats": 1, "usage": {"storage_gb": 1.5}}
    calls = (0, 99999, 100000, 100001, 101000, 101001, 5000000)
    storage = (199, 200, 201, 1200, 1200.5)
    for c, s, commitment, billing in itertools.product(calls, storage, (False, True), billings):
        yield {"plan": "business", "seats": 10, "usage": {"api_calls": c, "storage_gb": s},
               "commitment": commitment, "billing": billing}
    for seats, kinds in itertools.product((1, 100, 1000), ({}, {"guest": 10}, {"guest": 11})):
        yield {"plan": "business", "seats": seats, "seat_kinds": kinds, "addons": ["audit_log"]}
    yield {"plan": "enterprise"}
    yield {"plan": "enterprise", "seats": 500, "billing": "annual"}
    # the euro book: its own tiers and package price, Business's written annual seat price,
    # add-ons and the commitment's minimum in euros
    for plan, seats, billing in itertools.product(("free", "team", "business"), (1, 3, 11, 51),
                                                  billings):
        yield {"plan": plan, "seats": seats, "billing": billing, "currency": "EUR"}
    for c, commitment, billing in itertools.product(calls, (False, True), billings):
        yield {"plan": "business", "seats": 7, "usage": {"api_calls": c, "storage_gb": 1200.5},
               "addons": ["audit_log"], "commitment": commitment, "billing": billing,
               "currency": "EUR"}
    yield {"plan": "team", "seats": 20, "addons": ["sso"], "seat_kinds": {"guest": 6},
           "billing": "annual", "currency": "USD"}


GRID = list(_grid())

INVALID = [
    {"plan": "team", "seats": -1},
    {"plan": "team", "seats": "abc"},
    {"plan": "team", "seats": 2.5},
    {"plan": "team", "seats": 1e30},
    {"plan": "team", "seats": ""},
    {"plan": "teem", "seats": 3},
    {"plan": "team", "billing": "weekly"},
    {"plan": "team", "usage": {"storage_gb": "lots"}},
    {"plan": "team", "usage": {"api_cals": 5}},
    {"plan": "team", "addons": ["ssoo"]},
    {"plan": "team", "seat": 4},
    {"plan": "free", "seats": 4},
    {"plan": "team", "currency": "GBP"},
    {"plan": "team", "currency": "eur"},
]


def test_ready_resolves_after_a_warm_up_quote(page):
    timings = page.ready_info["timings"]
    assert 0 < timings["pyodide"] <= timings["engine"] <= timings["ready"]
    print(f"\nready {page.ready_info['at']:.0f} ms after navigation; worker: {timings}")


def test_a_first_visit_boots_from_the_precompiled_stdlib_gzipped_without_wheel_or_stock_zip(page):
    # the snapshot is not fetched before ready on a first visit (next-visit.js keeps it after)
    assert page.ready_info["timings"]["start"] == "precompiled"
    assert page.ready_info["stdlib"] == "precompiled"
    assert page.ready_info["engine"].endswith("calculator/__init__.pyc")  # from the zip
    assert any("/assets/calculator/stdlib/" in url and url.endswith("/python_stdlib.zip.gz")
               for url in page.seen_requests)
    assert any(url.endswith("/pyodide.asm.wasm.gz") for url in page.seen_requests)
    assert not any(re.search(r"/assets/pyodide/[^/]+/python_stdlib\.zip$", url)
                   for url in page.seen_requests)
    assert not any(url.endswith(".whl") or re.search(r"/assets/pyodide/.*lock\.json$", url)
                   for url in page.seen_requests)


def test_the_next_visit_starts_from_the_memory_snapshot_kept_after_the_first(page):
    cached = page.evaluate("window.pricingCalculator.nextVisit")["cached"]
    assert cached == {"snapshot": True, "restoreZip": True, "wasm": True,
        "module": True}
    assert any(url.endswith("/snapshot.bin.gz") for url in page.seen_requests)
    seen = len(page.seen_requests)
    page.reload()
    page.ready_info = page.evaluate("window.pricingCalculator.ready")
    # restored on the small zip beside it. The wasm: the page compiles it when the HTTP cache
    # kept it, which an in-memory context's may not do for 9.3 MB; then the worker downloads its
    # gzip again (a profile on disk: tests/site/test_calculator_ui.py)
    assert page.ready_info["timings"]["start"] == "snapshot"
    kept_wasm = page.ready_info["timings"].get("wasm") == "page"
    assert page.evaluate("window.pricingCalculator.nextVisit")["cached"] == {
        "snapshot": False, "restoreZip": True, "wasm": True,
        "module": True}  # kept already; the rest cached
    again = page.seen_requests[seen:]
    assert not any(url.endswith(("/snapshot.bin.gz", "/snapshot.bin", "/python_stdlib.zip.gz"))
                   or "/calculator/stdlib/" in url and url.endswith(".zip") for url in again)
    assert any(url.endswith("/pyodide.asm.wasm.gz") for url in again) != kept_wasm
    assert not any(url.endswith(".whl") for url in page.seen_requests)
    # the parity tests below run on this worker; a few here as well
    assert settle(page, GRID[::40]) == [cpython(r) for r in GRID[::40]]


# A damaged copy kept all the same (by an older worker, say), in the worker's cache.
KEEP_DAMAGED = """async (href) => {
  const bytes = await (await fetch(href)).arrayBuffer();
  await (await caches.open("pricing-calculator-snapshot")).put(href, new Response(bytes));
}"""


@pytest.mark.parametrize("kind", ["garbage", "truncated", "empty"])
def test_a_corrupt_snapshot_is_never_kept_and_a_kept_one_falls_back_to_the_stdlib(page, kind):
    context = page.context.browser.new_context()
    other = context.new_page()
    problems = watch_problems(other)
    try:
        other.goto(page.server.url + f"corrupt-{kind}/")
        assert other.evaluate("window.pricingCalculator.ready")["timings"]["start"] == "precompiled"
        cached = other.evaluate("window.pricingCalculator.nextVisit")["cached"]
        assert "damaged" in cached["snapshot"] and cached["wasm"] is True  # not kept
        # kept all the same: the worker tries it, then the network's copy, as damaged, and
        # starts from the stdlib
        other.evaluate(KEEP_DAMAGED, page.server.url + f"corrupt/{kind}.bin")
        other.reload()
        info = other.evaluate("window.pricingCalculator.ready")
        assert info["timings"]["start"] == "precompiled" and info["stdlib"] == "precompiled"
        sample = GRID[::25] + INVALID[:3]
        assert settle(other, sample) == [cpython(r) for r in sample]
        assert problems == []
    finally:
        context.close()


def test_every_grid_quote_equals_cpython(page):
    got = settle(page, GRID)
    assert len(GRID) > 200
    priced = sum("ok" in g for g in got)
    assert priced > 150 and any(g.get("ok", {}).get("status") == "contact_sales" for g in got)
    for request, browser_answer in zip(GRID, got):
        expected = cpython(request)
        assert browser_answer == expected, request
        # key for key, in the same order, string for string
        assert json.dumps(browser_answer) == json.dumps(expected), request


def test_domain_figures_in_the_browser(page):
    got = settle(page, [{"plan": "team", "seats": s} for s in (49, 51, 201)])
    assert [g["ok"]["total"] for g in got] == ["2060.00", "2130.00", None]
    assert got[2]["ok"]["status"] == "contact_sales"


def test_a_quote_error_rejects_with_cpythons_message_and_field(page):
    got = settle(page, INVALID)
    for request, browser_answer in zip(INVALID, got):
        expected = cpython(request)
        assert "error" in expected, request
        assert browser_answer == expected, request


def test_malformed_calls_are_answered_and_the_worker_lives_on(page):
    got = page.evaluate("""async () => {
      const calc = window.pricingCalculator;
      const deep = {plan: "team", usage: JSON.parse("[".repeat(3000) + "]".repeat(3000))};
      const calls = [undefined, null, "x", 42, [1, 2], "x".repeat(1 << 20), {plan: "team", seats: 1e308},
                     {plan: "team", seats: Number.MAX_VALUE * 10}, {plan: "team", seats: 12n}, deep,
                     {plan: "team", usage: {storage_gb: 1e300}}, () => 1];
      return Promise.all(calls.map((r) => calc.quote(r).then(
        (ok) => ({ok: ok.total}), (e) => ({name: e.name, message: e.message}))));
    }""")
    assert [g.get("name") for g in got[:11]] == ["QuoteError"] * 8 + ["TypeError", "RangeError",
                                                                      "QuoteError"]
    assert got[0]["message"] == got[1]["message"] == cpython(None)["error"]
    assert got[2]["message"] == cpython("x")["error"]
    assert got[5]["message"].startswith("A quote request must be a mapping")
    assert got[6]["message"] == cpython({"plan": "team", "seats": 1e308})["error"]
    assert "BigInt" in got[8]["message"]
    assert got[9]["message"] == "A quote request is nested more than 16 levels deep."
    assert got[11]["name"] == "DataCloneError"
    assert settle(page, [{"plan": "team", "seats": 49}])[0] == cpython({"plan": "team", "seats": 49})


def test_junk_posted_straight_to_the_worker_gets_an_answer_each(page):
    answers = page.evaluate("""async () => {
      const w = window.pricingCalculator.worker;
      const quote = (id, payload) => ({id, op: "quote", payload});
      const junk = ["junk", null, 42, {id: "j1"}, quote("j2", 12n), new ArrayBuffer(8),
                    quote("j3", "x".repeat(1 << 20)), [1, 2, 3], {op: "quote", payload: {plan: "team"}},
                    quote("j5", JSON.parse("[".repeat(100) + "]".repeat(100))),
                    // deep enough that the worker may fail to deserialise it (a messageerror)
                    quote("j6", JSON.parse("[".repeat(3000) + "]".repeat(3000))),
                    {id: "j7", op: "constructor", payload: {plan: "team"}},
                    {id: "j8", op: "curve", payload: {request: {plan: "team"}, metric: "seats", points: 3}},
                    {id: "j9", request: {plan: "team", seats: 49}},  // no op
                    quote("j4", {plan: "team", seats: 49})];
      const answers = [];
      await new Promise((resolve) => {
        const listen = ({data}) => {
          if (data?.type) return; // the worker's own news (warmed, next-visit), not an answer
          answers.push(data);
          if (answers.length === junk.length) { w.removeEventListener("message", listen); resolve(); }
        };
        w.addEventListener("message", listen);
        for (const j of junk) w.postMessage(j);
      });
      return answers;
    }""")
    assert len(answers) == 15
    # only {op: "quote", payload: {plan: "team"}} (no id), j8 and j4 are valid requests
    assert [a["id"] for a in answers if "result" in a] == [None, "j8", "j4"]
    assert sum("error" in a for a in answers) == 12
    assert {a["id"] for a in answers} - {"j6"} == {None, "j1", "j2", "j3", "j4", "j5", "j7", "j8",
                                                   "j9"}
    by_id = {a["id"]: a for a in answers if a["id"]}
    assert by_id["j5"]["error"] == "A quote request is nested more than 16 levels deep."
    for unknown, op in (("j1", None), ("j7", '"constructor"'), ("j9", None)):
        assert by_id[unknown]["error"] == f"No such operation: {op or 'undefined'}."
    assert by_id["j4"]["result"] == cpython({"plan": "team", "seats": 49})["ok"]
    assert settle(page, [{"plan": "business", "seats": 3}])[0] == cpython({"plan": "business",
                                                                           "seats": 3})


def test_quote_latest_computes_only_the_newest_waiting_request(page):
    got = page.evaluate("""async () => {
      const calc = window.pricingCalculator;
      const calls = [1, 2, 3, 4, 5].map((seats) => calc.quoteLatest({plan: "team", seats}).then(
        (q) => q.lines[0].quantity, (e) => (e.superseded ? "superseded" : e.message)));
      return Promise.all(calls);
    }""")
    # the first went straight to the worker; 2-4 were replaced while waiting; 5 is computed
    assert got == ["3", "superseded", "superseded", "superseded", "5"]


def test_curve_latest_computes_only_the_newest_waiting_request(page):
    got = page.evaluate("""async () => {
      const calc = window.pricingCalculator;
      const calls = [10, 20, 30, 40].map((seats) => calc.curveLatest({plan: "team", seats},
        "storage_gb", 30).then((c) => c, (e) => (e.superseded ? "superseded" : e.message)));
      return Promise.all(calls);
    }""")
    assert got[1:3] == ["superseded", "superseded"]
    for answer, seats in ((got[0], 10), (got[3], 40)):  # the first and the newest, as CPython
        expected = json.loads(curve_json(CATALOG, json.dumps(
            {"request": {"plan": "team", "seats": seats}, "metric": "storage_gb", "points": 30})))
        assert answer == expected["ok"]


def test_quote_latest_passes_quote_errors_through(page):
    got = page.evaluate("""() => window.pricingCalculator.quoteLatest({plan: "team", seats: -1})
      .catch((e) => [e.name, e.message, e.field])""")
    expected = cpython({"plan": "team", "seats": -1})
    assert got == ["QuoteError", expected["error"], expected["field"]]


def test_curves_equal_cpython(page):
    asks = [({"plan": "team", "seats": 49}, "seats", 60),
            ({"plan": "business", "seats": 10, "usage": {"api_calls": 250000}}, "api_calls", 40),
            ({"plan": "team", "seats": 12, "billing": "annual"}, "storage_gb", 100),
            ({"plan": "team", "seats": 12}, "bananas", 10)]
    got = page.evaluate("""(asks) => Promise.all(asks.map(([r, m, n]) =>
      window.pricingCalculator.curve(r, m, n).then((ok) => ({ok}),
        (e) => ({error: e.message, field: e.field ?? null}))))""", asks)
    for (request, metric, points), browser_answer in zip(asks, got):
        expected = json.loads(curve_json(CATALOG, json.dumps(
            {"request": request, "metric": metric, "points": points})))
        assert json.dumps(browser_answer) == json.dumps(expected), (request, metric)
    assert "ok" in got[0] and "error" in got[3]
    assert len(got[0]["ok"]["quantities"]) > 10


def test_no_request_leaves_the_site_and_nothing_logs_an_error(page):
    # runs last in this module, so it sees the load and every call above
    assert page.seen_requests and page.server.requests
    assert all(own_origin(url, page.server.url) for url in page.seen_requests), page.seen_requests
    assert any(url.endswith(".wasm") for url in page.seen_requests)
    assert page.problems == []


def test_typed_seat_counts_are_read_in_pyodide_as_in_cpython(page):
    """Pyodide's Python 3.14 reads the text a visitor types (hex, other digits, 5,000 digits)
    as CPython does: the page's sliders follow this one reading."""
    requests = [{"plan": "team", "seats": typed} for typed, _ in TYPED_SEATS]
    assert settle(page, requests) == [cpython(r) for r in requests]
