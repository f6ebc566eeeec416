"""Screenshots of the landing and pricing pages in headless Chromium, for a person to look at.

Saved under test-artifacts/screenshots/ (gitignored). The site is served over real HTTP
(python's http.server in a thread), as a visitor would load it; the test also checks that
the page loads nothing from another origin and that the billing toggle switches prices.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import DEMO, demo_site
from tests.support.http_server import StaticServer
from tests.support.screenshots import keep_screenshot

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = {"landing": "", "pricing": "pricing/"}


@pytest.fixture(scope="module")
def base_url():
    with StaticServer(demo_site()) as server:
        yield server.url


def _shoot(browser, base_url, page_name, viewport, scheme):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme,
                                  device_scale_factor=1)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + PAGES[page_name], wait_until="networkidle")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    path = keep_screenshot(page, f"{page_name}-{viewport}-{scheme}", full_page=True)
    context.close()
    return path, requests, errors


@pytest.mark.e2e
@pytest.mark.parametrize("page_name", sorted(PAGES))
@pytest.mark.parametrize("viewport,scheme", [("phone", "light"), ("desktop", "light"),
                                             ("desktop", "dark")])
def test_screenshot(browser, base_url, page_name, viewport, scheme):
    path, requests, errors = _shoot(browser, base_url, page_name, viewport, scheme)
    assert path.stat().st_size > 20_000, "the screenshot is (nearly) empty"
    own = urlsplit(base_url).netloc
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).netloc != own]
    assert foreign == [], f"requests to other origins: {foreign}"
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.mark.e2e
def test_billing_toggle_switches_prerendered_prices(browser, base_url):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(base_url + "pricing/", wait_until="networkidle")
    monthly = page.get_by_test_id("price-team-monthly")
    annual = page.get_by_test_id("price-team-annual")
    assert monthly.is_visible() and not annual.is_visible()
    page.click("label[for=billing-annual]")
    assert annual.is_visible() and not monthly.is_visible()
    assert "period=annual" in page.url  # the cards' own parameter (?billing= is the calculator's)
    page.click("label[for=billing-monthly]")
    assert monthly.is_visible()
    page.close()


@pytest.mark.e2e
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_estimate_s_call_to_action_carries_the_estimate(open_on, base_url, device):
    """On a phone (390x844, touch, scale 2) and a laptop (1440x900): the chosen plan's button
    under the bill leads to sign-up with the estimate the visitor made, priced by Python."""
    page = open_on(device, base_url + "pricing/", live=True)
    cta = page.get_by_test_id("calculator-cta")
    assert parse_qs(urlsplit(cta.get_attribute("href")).query)["seats"] == ["10"]  # prerendered
    page.get_by_test_id("calc-seats").fill("12")
    page.get_by_test_id("calc-billing-annual").check()
    page.wait_for_function("""() => document.querySelector('[data-testid=calculator-cta]')
        .href.includes('seats=12&billing=annual')""", timeout=30000)
    assert page.get_by_test_id("calculator-total").inner_text() == _cpython_total(
        {"plan": "team", "seats": 12, "billing": "annual", "usage": {"storage_gb": "20"}})
    href = cta.get_attribute("href")
    assert href.startswith("https://app.relaykit.example/signup?")
    assert parse_qs(urlsplit(href).query) == {
        "plan": ["team"], "seats": ["12"], "billing": ["annual"], "currency": ["USD"],
        "usage_storage_gb": ["20"]}
    assert cta.inner_text() == "Start a 14-day trial"
    cta.scroll_into_view_if_needed()
    box = cta.bounding_box()
    assert box["width"] >= 48 and box["height"] >= 40
    keep_screenshot(page, f"estimate-cta-{device}")
    header_cta = page.get_by_test_id("header-cta")
    assert header_cta.is_visible() and header_cta.bounding_box()["height"] >= 48


def _cpython_total(request):
    catalog = load_catalog_file(str(DEMO))
    return quote(catalog, request).to_dict()["display"]["total"]
