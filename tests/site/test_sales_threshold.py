"""An estimate above the catalog's sales threshold leads with talking to sales and still shows
its bill, on the built demo in Chromium."""

import pytest

from calculator import quote
from tests.support.pricing_page import wait_total

pytestmark = pytest.mark.e2e

SALES = "[data-testid=calculator-sales]"


def test_a_trillion_calls_lead_with_talking_to_sales(visit, demo):
    page = visit()
    assert not page.is_visible(SALES)  # the prerendered estimate is self-serve
    page.select_option("[data-testid=calc-plan]", "business")
    page.fill("[data-testid=calc-seats]", "5")
    page.fill("[data-testid=calc-usage-api_calls]", "1T")
    page.keyboard.press("Enter")
    request = {"plan": "business", "seats": 5, "usage": {"api_calls": 10 ** 12, "storage_gb": "20"}}
    expected = quote(demo, request).to_dict()
    assert expected["sales"]["reason"] == "monthly"
    wait_total(page, expected["display"]["total"])  # the bill is still the number
    page.wait_for_selector(SALES, state="visible")
    assert page.inner_text("[data-testid=calculator-sales-message]") == (
        "Over $50,000 a month: talk to us for volume pricing.")
    contact = page.locator("[data-testid=calculator-sales-contact]")
    assert contact.is_visible() and contact.get_attribute("href").startswith("mailto:sales@")
    # it carries the estimate, as the bill's own contact link does (pages/cta.py, cta.js)
    assert contact.get_attribute("href") == page.get_attribute(
        "[data-testid=calculator-contact]", "href")
    assert "body=" in contact.get_attribute("href")
    # it leads: above the bill
    sales_box = page.locator(SALES).bounding_box()
    bill_box = page.locator("[data-testid=calculator-total]").bounding_box()
    assert sales_box["y"] < bill_box["y"]
    # back under the threshold, the sales lead goes
    page.fill("[data-testid=calc-usage-api_calls]", "150000")
    page.keyboard.press("Enter")
    wait_total(page, quote(demo, {**request, "usage": {"api_calls": 150000, "storage_gb": "20"}})
               .to_dict()["display"]["total"])
    assert not page.is_visible(SALES)
    assert page.problems == []


def test_a_shared_link_above_the_threshold_is_told_in_its_currency(visit, demo):
    # a shared link's estimate is Python's: in euros, the EUR book's threshold
    page = visit("?plan=business&seats=5&usage.api_calls=1000000000000&currency=EUR")
    page.wait_for_selector(SALES, state="visible")
    assert page.inner_text("[data-testid=calculator-sales-message]") == (
        "Over €46,000 a month: talk to us for volume pricing.")
