"""The plan cards' billing toggle on a page that opens on yearly prices (site.pricing.period):
with JavaScript (the choice goes into ?period=) and with CSS alone."""

import pytest

from tests.site_support import build_data, demo_data
from tests.support.http_server import StaticServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def yearly_first(tmp_path_factory):
    """The demo with its plan cards opening on yearly billing."""
    data = demo_data()
    data["site"]["pricing"]["period"] = "annual"
    site = build_data(data, tmp_path_factory.mktemp("yearly-first"))
    with StaticServer(site, host_rules=True) as server:
        yield server.url + "pricing/"


def cards(page):
    return {period: page.get_by_test_id(f"price-team-{period}").is_visible()
            for period in ("monthly", "annual")}


def test_the_cards_open_on_the_period_plans_yaml_names(browser, yearly_first):
    page = browser.new_page()
    page.goto(yearly_first)
    assert page.is_checked("#billing-annual") and cards(page) == {"monthly": False, "annual": True}
    page.click("label[for=billing-monthly]")
    assert cards(page) == {"monthly": True, "annual": False}
    assert "period=monthly" in page.url  # not the period the page opens on: in the link
    page.reload()
    assert page.is_checked("#billing-monthly") and cards(page)["monthly"]
    page.click("label[for=billing-annual]")
    assert cards(page) == {"monthly": False, "annual": True} and "period=" not in page.url
    page.goto(yearly_first + "?period=monthly")  # a shared link wins over the default
    assert cards(page) == {"monthly": True, "annual": False}
    page.close()


def test_without_javascript_the_toggle_still_switches_from_yearly(browser, yearly_first):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(yearly_first)
    assert cards(page) == {"monthly": False, "annual": True}
    page.click("label[for=billing-monthly]")  # CSS :has on the checked radio
    assert cards(page) == {"monthly": True, "annual": False}
    context.close()
