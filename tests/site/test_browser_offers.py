"""Promotions and commitment levels on the built pricing page, in Chromium: Pyodide gives
CPython's JSON for every new request, the card says the offer, the code box and the
commitment control (each level stating its minimum) price what CPython prices."""

import itertools
import json

import pytest

from calculator import QuoteError, quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import build_data, demo_data, parse
from tests.support.http_server import StaticServer

pytestmark = pytest.mark.e2e

TOTAL = "[data-testid=calculator-total]"
STATUS = "[data-testid=calculator-status]"
ROWS = "[data-testid=calculator-result] tbody tr"

OFFERS = {
    "date": "2026-05-01",  # the day the site is priced on, pinned
    "promotions": {
        "launch": {"name": "Launch offer", "discount": "0.5", "months": 3,
                   "until": "2026-06-30", "plans": ["team"]},
        "friends": {"name": "Friends", "amount_off": 10, "code": "FRIENDS"},
        "partner": {"name": "Partner", "discount": "0.15", "code": "PARTNER",
                    "plans": ["business"], "until": "2026-12-31"},
    },
}
LEVELS = [{"annual_minimum": 50000, "discount": "0.2"},
          {"annual_minimum": 100000, "discount": "0.25", "overage": "list",
           "true_up": "yearly"}]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo with the promotions above and two commitment levels on Business, built."""
    data = demo_data()
    data.update(OFFERS)
    business = next(p for p in data["plans"] if p["id"] == "business")
    business["commitment"] = LEVELS
    euros = data["price_books"]["EUR"]  # the demo's euro book: each level's minimum, each amount
    euros["plans"]["business"]["commitment"] = [{"annual_minimum": 46000},
                                                {"annual_minimum": 92000}]
    euros["promotions"] = {"friends": {"amount_off": 9}}
    site = build_data(data, tmp_path_factory.mktemp("offers"))
    with StaticServer(site, host_rules=True) as server:
        yield server, load_catalog_file(site.parent / "plans.yaml"), site


@pytest.fixture
def page(browser, site):
    server = site[0]
    opened = []

    def open_page(query=""):
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.problems = []
        tab.on("pageerror", lambda e: tab.problems.append(str(e)))
        tab.goto(server.url + "pricing/" + query)
        tab.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'live'",
                              timeout=60000)
        opened.append(tab)
        return tab

    yield open_page
    for tab in opened:
        assert tab.problems == []
        tab.close()


def cpython(catalog, request):
    try:
        return {"ok": json.loads(json.dumps(quote(catalog, request).to_dict()))}
    except QuoteError as exc:
        return {"error": str(exc), "field": exc.field}


SETTLE = """async (requests) => Promise.all(requests.map((r) =>
  window.pricingCalculator.quote(r).then((ok) => ({ok}),
    (e) => (e.name === "QuoteError" ? {error: e.message, field: e.field ?? null}
                                    : {js_error: `${e.name}: ${e.message}`}))))"""


def grid():
    """Every kind of promotion and level on each billing, on and after the offers' last days,
    and the requests each of them refuses."""
    for plan, seats, promotion, day, billing in itertools.product(
            ("team", "business"), (1, 12, 60), (None, "FRIENDS", "friends", "PARTNER", ""),
            (None, "2026-06-30", "2026-07-01", "2027-01-01"), ("monthly", "annual")):
        request = {"plan": plan, "seats": seats, "billing": billing}
        if promotion is not None:
            request["promotion"] = promotion
        if day is not None:
            request["date"] = day
        yield request
    for level, seats, calls, billing in itertools.product(
            (True, False, 1, 2, "2", 3, "x"), (3, 150, 900), (0, 5_000_000),
            ("monthly", "annual")):
        yield {"plan": "business", "seats": seats, "usage": {"api_calls": calls},
               "commitment": level, "billing": billing}
    yield {"plan": "team", "promotion": "NOPE"}
    yield {"plan": "team", "date": "2026-02-30"}
    yield {"plan": "free", "promotion": "PARTNER"}
    yield {"plan": "team", "commitment": 1}


def test_every_new_request_gives_cpythons_json_in_the_browser(page, site):
    catalog = site[1]
    requests = list(grid())
    got = page().evaluate(SETTLE, requests)
    assert sum("ok" in g for g in got) > 250 and sum("error" in g for g in got) > 20
    for request, answer in zip(requests, got):
        expected = cpython(catalog, request)
        assert json.dumps(answer) == json.dumps(expected), request


def test_the_card_says_the_offer_and_the_json_ld_its_end(site):
    catalog, built = site[1], site[2]
    html = (built / "pricing" / "index.html").read_text(encoding="utf-8")
    tree = parse(html)
    expected = quote(catalog, {"plan": "team", "seats": 1}).to_dict()
    # Team's entry bill: 3 seats (its minimum) x $50 = $150, 50% off: $75.00
    said = tree.find("p", data_testid="promotion-team-monthly")
    assert said.text == expected["promotion"]["display"]["summary"] == (
        "50% off the first 3 months, then $150.00 a month (offer ends 30 June 2026)")
    price = tree.find("span", data_testid="price-team-monthly")
    assert price.text == expected["display"]["monthly_equivalent"] == "$75.00"
    assert tree.find("p", data_testid="promotion-business-monthly") is None  # codes only
    assert '"priceValidUntil":"2026-06-30"' in html


def test_a_typed_code_is_priced_by_python_and_shown_as_its_own_row(page, site):
    catalog = site[1]
    tab = page("?plan=team&seats=12")
    tab.fill("[data-testid=calc-promotion]", "friends")
    expected = quote(catalog, {"plan": "team", "seats": 12, "promotion": "friends"}).to_dict()
    tab.wait_for_function("t => document.querySelector('[data-testid=calculator-total]')"
                          ".textContent === t", arg=expected["display"]["total"], timeout=10000)
    tab.wait_for_function(f"t => [...document.querySelectorAll('{ROWS} th')]"
                          ".some((th) => th.textContent === t)",
                          arg="Friends: $10 off a month for good", timeout=10000)
    tab.fill("[data-testid=calc-promotion]", "NOPE")
    tab.wait_for_function("() => !document.querySelector('#calc-promotion-error').hidden",
                          timeout=10000)
    assert tab.text_content("#calc-promotion-error") == cpython(
        catalog, {"plan": "team", "seats": 12, "promotion": "NOPE"})["error"]


def test_the_commitment_control_states_each_minimum_and_prices_the_level(page, site):
    catalog = site[1]
    tab = page("?plan=business&seats=10&promo=PARTNER")
    select = "[data-testid=calc-commitment-business]"
    options = tab.eval_on_selector_all(f"{select} option", "os => os.map(o => o.textContent)")
    assert options == ["No commitment", "Commit to a $50,000 a year minimum: 20% off seats and usage",
                       "Commit to a $100,000 a year minimum: 25% off seats and usage (beyond it at list "
                       "price, settled at the year's end)"]
    tab.select_option(select, "2")
    request = {"plan": "business", "seats": 10, "commitment": "2", "promotion": "PARTNER",
               "usage": {"api_calls": "150000", "storage_gb": "20"}}
    expected = quote(catalog, request).to_dict()
    tab.wait_for_function("t => document.querySelector('[data-testid=calculator-total]')"
                          ".textContent === t", arg=expected["display"]["total"], timeout=10000)
    # the bill's last row: the year's end, in the engine's words
    last = expected["display"]["rows"][-1]["label"]
    assert last.startswith("The commitment is settled at the year's end")
    tab.wait_for_function(f"t => [...document.querySelectorAll('{ROWS} th')].at(-1)?.textContent"
                          " === t", arg=last, timeout=10000)
    assert "commit=2" in tab.url and "promo=PARTNER" in tab.url
