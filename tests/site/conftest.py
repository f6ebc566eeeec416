"""What the tests that judge a page on a phone and a laptop share: a page opened on a device."""

import pytest

from tests.support.devices import LIVE, new_context, settle


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
