"""The estimate's call to action in Chromium: cta.js writes the very bytes pricing_site/pages/
cta.py prerenders, for hostile ids and codes too (& # ? < in them), and the browser reads each
value back from the link as it was; the live calculator points the link at each estimate."""

from urllib.parse import parse_qs, urlsplit

import pytest

from pricing_site.pages.cta import with_estimate
from tests.site_support import demo_site
from tests.support.http_server import StaticServer

HOSTILE = 'a&b=c#d?e<f>"g h+i/é%41\'(*)~'
PARAMS = {"plan": "plan", "seats": "seats", "usage": "u[{id}]", "seat_kinds": "k.{id}",
          "addons": "add-{id}", "commitment": "commit", "promotion": "code"}
QUOTES = [
    {"plan": HOSTILE, "billing": "monthly", "currency": "USD",
     "request": {"seats": 2, "usage": {HOSTILE: "5"}, "seat_kinds": {HOSTILE: 1},
                 "addons": [HOSTILE], "addon_quantities": {"x": 3}, "promotion": HOSTILE,
                 "commitment": True}},
    {"plan": "team", "billing": "annual", "currency": "EUR",
     "request": {"seats": 250, "usage": {}, "commitment": 2}},
]
URLS = ["https://app.example/signup?plan=free&ref=a%20b#top", "mailto:s@example.com?body=Hi+you",
        "../signup/", "mailto:s@example.com?subject=%zz", "https://app.example/x?&&u%5Bq%5D=1"]


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site()) as running:
        yield running


@pytest.mark.e2e
def test_the_browser_writes_the_links_python_prerenders(browser, server):
    page = browser.new_page()
    page.goto(server.url + "pricing/")
    module = page.get_attribute("script[src$='/client.js']", "src").replace("/client.js", "/cta.js")
    cases = [(url, q) for url in URLS for q in QUOTES]
    written = page.evaluate("""async ([module, cases, params]) => {
        const { withEstimate } = await import(new URL(module, location.href).href);
        return cases.map(([url, quote]) => withEstimate(url, quote, params));
    }""", [module, cases, PARAMS])
    assert written == [with_estimate(url, q, PARAMS) for url, q in cases]
    # what a browser reads back from such a link: the values as they were
    read = page.evaluate("""(href) => {
        const a = document.createElement('a');
        a.href = href;
        return [a.pathname, a.hash, [...new URL(a.href).searchParams]];
    }""", written[0])
    assert read == ["/signup", "#top", [["ref", "a b"], ["plan", HOSTILE], ["seats", "2"],
                                        ["commit", "1"], ["code", HOSTILE],
                                        [f"u[{HOSTILE}]", "5"], [f"k.{HOSTILE}", "1"],
                                        [f"add-{HOSTILE}", "1"], ["add-x", "3"]]]
    page.close()


@pytest.mark.e2e
def test_contact_sales_carries_the_estimate_the_visitor_made(open_on, server):
    page = open_on("desktop", server.url + "pricing/?plan=team&seats=250", live=True)
    contact = page.get_by_test_id("calculator-contact")
    contact.wait_for(state="visible")
    assert page.get_by_test_id("calculator-cta").is_hidden()  # no sign-up for a custom price
    href = contact.get_attribute("href")
    assert href.startswith("mailto:sales@relaykit.example?body=")
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert "plan: team\r\nseats: 250\r\nbilling: monthly" in body


# The site's name in the header bar: laid out whole (not cut to "Rela…"), and the header's links.
HEADER = """() => {
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const shown = (id) => document.querySelector(`[data-testid=${id}]`).checkVisibility();
  const cta = document.querySelector('[data-testid=header-cta]').getBoundingClientRect();
  return {name: name.textContent.trim(), whole: name.scrollWidth <= name.clientWidth,
          signIn: shown('header-sign-in'), cta: shown('header-cta') && cta.right <= innerWidth};
}"""


@pytest.mark.e2e
@pytest.mark.parametrize("device, signs_in", [("phone", False), ("desktop", True)])
def test_the_header_keeps_the_sites_name_whole_beside_its_links(open_on, server, device,
                                                                   signs_in):
    """A phone's bar leaves the sign-in link out so the name fits, and its navigation drawer
    holds it instead; the main action stays."""
    for path in ("", "pricing/"):
        page = open_on(device, server.url + path)
        assert page.evaluate(HEADER) == {"name": "Relaykit", "whole": True, "signIn": signs_in,
                                         "cta": True}, (device, path)
        drawer = page.get_by_test_id("drawer-sign-in")
        if signs_in:
            assert drawer.is_hidden()
            continue
        page.locator("label.md-header__button[for=__drawer]").tap()
        page.wait_for_function("""() => {  // the drawer slides in
          const box = document.querySelector('[data-testid=drawer-sign-in]').getBoundingClientRect();
          return box.width > 0 && box.left >= 0; }""")
        box = drawer.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 40
        assert drawer.get_attribute("href") == \
            page.get_by_test_id("header-sign-in").get_attribute("href")
