"""What the site's tests share: the demo served as a host serves it, its engine catalog, and a
page opened on a device (a phone or a laptop)."""

import pytest

from tests.site_support import demo_site
from tests.support.devices import LIVE, new_context, settle
from tests.support.http_server import StaticServer
from tests.support.page_problems import watch_problems
from tests.support.pricing_page import interactive, live


@pytest.fixture(scope="module")
def server():
    """The built demo served with the headers its _headers gives each path (CSP, caching), as a
    host sends them. A module that needs another server defines its own ``server``."""
    with StaticServer(demo_site(), host_rules=True) as running:
        yield running


@pytest.fixture(scope="session")
def catalog(demo):
    """The demo's engine catalog, under the name the calculator's tests give it."""
    return demo


@pytest.fixture
def open_on(browser):
    """``open_on(device, url, scheme="light", live=False)``: ``url`` in a new page on
    ``device`` ("phone" or "desktop", tests/support/devices.py), once drawn (``live``: once
    Python answers the calculator). Its context is closed after the test."""
    contexts = []

    def open_page(device, url, scheme="light", live=False):
        context = new_context(browser, device, scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        if live:
            page.wait_for_function(LIVE, timeout=60000)
        settle(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def visit(browser, server):
    """``visit(query="", wait_live=True, site=server)``: the pricing page (with a query) in a
    new page, once its form's script has taken it and (``wait_live``) Python has answered;
    ``page.problems`` and ``page.requests`` fill as it runs. Closed after the test."""
    pages = []

    def open_page(query="", wait_live=True, site=server):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.problems = watch_problems(page, ("error", "warning"))
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(site.url + "pricing/" + query)
        interactive(page)
        if wait_live:
            live(page)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()
