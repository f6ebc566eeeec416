"""Screenshots of the landing and pricing pages in headless Chromium, for a person to look at.

Saved under test-artifacts/screenshots/ (gitignored). The site is served over real HTTP
(python's http.server in a thread), as a visitor would load it; the test also checks that
the page loads nothing from another origin and that the billing toggle switches prices.
"""

from urllib.parse import urlsplit

import pytest

from tests.site_support import demo_site
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
