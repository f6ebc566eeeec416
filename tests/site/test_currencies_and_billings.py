"""The pricing page's currency toggle and the calculator's currency, kept as one, and a plan
sold yearly only, driven in Chromium on built sites. Every figure is CPython's quote's."""

import time

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.catalogs import card_price
from tests.support.pricing_page import wait_total
from tests.site_support import build_data, demo_data
from tests.support.devices import new_context, settle
from tests.support.http_server import StaticServer

pytestmark = pytest.mark.e2e


def shows_euros(page, catalog, period="monthly"):
    """Whether the cards (showing ``period``'s prices), their tax line and the comparison show
    euros, and dollars not."""
    euros = page.get_by_test_id(f"price-team-{period}-eur")
    dollars = page.get_by_test_id(f"price-team-{period}")
    visible = euros.is_visible()
    assert visible != dollars.is_visible()
    assert page.get_by_test_id("tax-eur").is_visible() == visible
    assert page.get_by_test_id("tax-usd").is_visible() != visible
    seats = page.locator("#compare tr:has(th:text-is('Seats')) td[data-plan=business] "
                         "span:not([hidden])").text_content()
    assert seats == ("€40 per seat; billed yearly: €32 per seat" if visible
                     else "$45 per seat; billed yearly: $36 per seat")
    if visible:
        assert euros.inner_text() == card_price(catalog, catalog.plan("team"), period, "EUR")
    return visible


def test_the_toggle_shows_the_cards_in_euros_and_the_calculator_follows(visit, demo):
    page = visit()
    assert page.is_checked("#currency-usd") and not shows_euros(page, demo)
    assert page.input_value("[data-testid=calc-currency]") == "USD"
    page.click("label[for=currency-eur]")
    assert shows_euros(page, demo) and page.url.endswith("?currency=EUR")
    # the calculator's estimate, Team at 10 seats, now in euros: 10 x €46
    request = {"plan": "team", "seats": 10, "usage": {"storage_gb": "20"}, "currency": "EUR"}
    expected = quote(demo, request).to_dict()
    wait_total(page, expected["display"]["total"])
    assert expected["display"]["total"] == "€460.00"
    assert page.input_value("[data-testid=calc-currency]") == "EUR"
    assert page.locator("[data-testid=calculator-tax]:visible").inner_text() == \
        "Prices in euros, excluding VAT."
    page.reload()
    assert page.is_checked("#currency-eur") and shows_euros(page, demo)
    page.click("label[for=currency-usd]")
    assert not shows_euros(page, demo) and "currency=" not in page.url
    assert page.problems == []


def test_the_calculators_currency_moves_the_cards_and_goes_into_its_link(visit, demo):
    page = visit()
    page.select_option("[data-testid=calc-plan]", "business")
    page.check("[data-testid=calc-billing-annual]")
    page.select_option("[data-testid=calc-currency]", "EUR")
    request = {"plan": "business", "seats": 10, "billing": "annual", "currency": "EUR",
               "usage": {"api_calls": "150000", "storage_gb": "20"}}
    expected = quote(demo, request).to_dict()
    wait_total(page, expected["display"]["total"])
    rows = page.locator(".rk-bill__line th").all_inner_texts()
    assert "Seats\n10 seats × €32 × 12 months" in rows  # its written yearly price
    assert page.text_content("[data-testid=calculator-saving]") == \
        f"{expected['display']['annual_saving']} a year"
    # the cards follow the calculator's yearly billing as well as its currency
    assert page.is_checked("#billing-annual")
    assert page.is_checked("#currency-eur") and shows_euros(page, demo, "annual")
    page.wait_for_url("**currency=EUR**")
    shared = page.url.split("/pricing/")[1]
    other = visit(shared)
    assert other.input_value("[data-testid=calc-currency]") == "EUR"
    wait_total(other, expected["display"]["total"])
    assert shows_euros(other, demo, "annual")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('currency')")
    wait_total(page, quote(demo, {**request, "currency": None}).to_dict()["display"]["total"])
    assert page.is_checked("#currency-usd")
    assert page.problems == other.problems == []


def test_without_javascript_the_page_is_in_the_catalogs_own_currency(browser, server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "pricing/?currency=EUR")
    assert not page.get_by_test_id("currency-toggle").is_visible()
    assert page.get_by_test_id("price-team-monthly").inner_text() == \
        card_price(demo, demo.plan("team"), "monthly")
    assert not page.get_by_test_id("price-team-monthly-eur").is_visible()
    context.close()


# Every layout shift of the page, from its first paint on.
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__shifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });"""


def test_the_toggle_is_in_place_before_its_script_runs(browser, server):
    """A phone draws the page before the deferred scripts run: the toggle that shows up only
    then pushed the plan cards down (a layout shift in sight, on a slow phone at every visit)."""
    context = new_context(browser, "phone")
    context.add_init_script(SHIFTS)

    def late(route):
        time.sleep(0.6)  # the script comes well after the first paint
        route.continue_()

    context.route("**/js/currency-toggle.js", late)
    page = context.new_page()
    page.goto(server.url + "pricing/")
    settle(page)
    assert page.get_by_test_id("currency-toggle").is_visible()
    assert page.evaluate("window.__shifts") == []
    context.close()


# A plan sold by the year only, beside the demo's (priced in euros too).
YEARLY_ONLY = {"id": "annual", "name": "Annual", "billing": ["annual"],
               "tagline": "Billed once a year.", "price": {"seats": {"unit": "6.5"}}}


@pytest.fixture(scope="module")
def yearly_only_site(tmp_path_factory):
    data = demo_data()
    data["plans"].insert(-1, YEARLY_ONLY)
    data["price_books"]["EUR"]["plans"]["annual"] = {"price": {"seats": {"unit": 6}}}
    site = build_data(data, tmp_path_factory.mktemp("yearly-only"))
    with StaticServer(site, host_rules=True) as running:
        running.catalog = load_catalog_file(site.parent / "plans.yaml")
        yield running


def test_a_plan_sold_yearly_only_offers_yearly_billing_alone(visit, yearly_only_site):
    catalog = yearly_only_site.catalog
    page = visit(site=yearly_only_site)
    # its card shows its yearly price whichever way the toggle stands: 12 x $6.50 = $78.00
    for billing in ("monthly", "annual"):
        page.click(f"label[for=billing-{billing}]")
        assert page.get_by_test_id(f"price-annual-{billing}").inner_text() == "$6.50"
    assert "$78.00 billed yearly only" in page.locator("#plan-annual").inner_text()
    page.select_option("[data-testid=calc-plan]", "annual")
    wait_total(page, "$780.00")  # 10 seats: 12 x 10 x $6.50
    assert not page.is_visible("[data-testid=calc-billing-monthly]")
    assert page.is_checked("[data-testid=calc-billing-annual]")
    page.select_option("[data-testid=calc-plan]", "team")  # yearly it stays, as chosen
    wait_total(page, quote(catalog, {"plan": "team", "seats": 10, "billing": "annual",
                                     "usage": {"storage_gb": "20"}}).to_dict()["display"]["total"])
    assert page.is_visible("[data-testid=calc-billing-monthly]")
    billing = page.locator("#compare tr:has(th:text-is('Billing'))").text_content()
    assert "Yearly only" in billing and "Monthly or yearly" in billing
    assert page.problems == []
