""""Yearly" chosen on the plan cards is the calculator's billing too, and the reverse, on the
built demo in Chromium on a phone (390x844, touch) and a laptop (1440x900)."""

import pytest

from calculator import quote
from tests.support.pricing_page import wait_total

pytestmark = pytest.mark.e2e


def billing_of(page):
    return {"cards": "annual" if page.is_checked("#billing-annual") else "monthly",
            "calculator": "annual" if page.is_checked("[data-testid=calc-billing-annual]")
            else "monthly"}


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_yearly_on_the_cards_is_the_calculators_billing(open_on, server, demo, device):
    page = open_on(device, server.url + "pricing/", live=True)
    assert billing_of(page) == {"cards": "monthly", "calculator": "monthly"}
    yearly = page.locator("label[for=billing-annual]")
    yearly.tap() if device == "phone" else yearly.click()
    assert billing_of(page) == {"cards": "annual", "calculator": "annual"}
    # the built estimate (Team, 10 seats, 20 GB), billed yearly: Python's total
    request = {"plan": "team", "seats": 10, "usage": {"storage_gb": "20"}, "billing": "annual"}
    wait_total(page, quote(demo, request).to_dict()["display"]["total"])
    assert "billing=annual" in page.url and "period=annual" in page.url
    # and the reverse: the calculator's Monthly moves the cards
    monthly = page.locator("[data-testid=calc-billing-monthly]")
    monthly.scroll_into_view_if_needed()
    monthly.tap() if device == "phone" else monthly.click()
    assert billing_of(page) == {"cards": "monthly", "calculator": "monthly"}
    assert page.get_by_test_id("price-team-monthly").is_visible()
    wait_total(page, quote(demo, {**request, "billing": "monthly"}).to_dict()["display"]["total"])
    # a link that says yearly for the cards opens the calculator on yearly too
    page.goto(server.url + "pricing/?period=annual")
    assert billing_of(page) == {"cards": "annual", "calculator": "annual"}
    wait_total(page, quote(demo, request).to_dict()["display"]["total"])
