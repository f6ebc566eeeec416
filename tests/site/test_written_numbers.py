"""Numbers typed as the page prints them ("1.5M", "1,500,000", "2k") are priced exactly, on a
phone and a laptop, and the field then shows the number Python read.

Python reads the text (calculator/written.py); the page only hands it over and writes back
the quote's own echo of the request, so each total is checked against CPython's quote().
"""

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import DEMO
from tests.support.devices import LIVE
from tests.support.held_runtime import HeldRuntime

TOTAL = "[data-testid=calculator-total]"
CALLS = "[data-testid=calc-usage-api_calls]"
SEATS = "[data-testid=calc-seats]"

# (field, typed, how the visitor leaves the field, what the field then shows)
TYPED = [
    (CALLS, "1.5M", "Enter", "1500000"),
    (CALLS, "1,500,000", "blur", "1500000"),
    (SEATS, "2k", "blur", "2000"),
]


@pytest.mark.e2e
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_numbers_as_the_page_prints_them_are_priced_exactly(open_on, server, device):
    catalog = load_catalog_file(DEMO)
    page = open_on(device, server.url + "pricing/?plan=business&seats=5&usage.api_calls=1000",
                   live=True)
    request = {"plan": "business", "seats": "5", "usage": {"api_calls": "1000"}}
    for field, typed, leave, shown in TYPED:
        if device == "phone":
            page.tap(field)
        page.fill(field, typed)
        if leave == "Enter":
            page.press(field, "Enter")
        else:
            page.eval_on_selector(field, "input => input.blur()")
        if field == SEATS:
            request["seats"] = typed
        else:
            request["usage"]["api_calls"] = typed
        expected = quote(catalog, request).to_dict()["display"]["total"]
        page.wait_for_function(
            "([field, shown, total]) => document.querySelector(field).value === shown && "
            "document.querySelector('[data-testid=calculator-total]').textContent === total",
            arg=[field, shown, expected], timeout=20000)
        assert page.evaluate(LIVE)
        assert page.get_attribute(field, "aria-invalid") is None
        # the address holds the number read, so a shared link shows what the field shows
        name = "seats" if field == SEATS else "usage.api_calls"
        assert f"{name}={shown}" in page.url


@pytest.mark.e2e
def test_an_unfinished_grouping_is_left_as_typed_while_typing(open_on, server):
    """Normalising a field as it is typed would turn "1,500" into "1500" before ",000" comes."""
    page = open_on("desktop", server.url + "pricing/?plan=business", live=True)
    page.click(CALLS)
    page.fill(CALLS, "")
    page.type(CALLS, "1,500,000", delay=60)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=calculator-status]').dataset.state === 'live'",
        timeout=20000)
    assert page.input_value(CALLS) == "1,500,000"


@pytest.mark.e2e
@pytest.mark.parametrize("typing_at_ready", [False, True])
def test_a_field_left_while_python_starts_shows_the_number_read_once_it_is_ready(
        browser, server, typing_at_ready):
    """The runtime held: "1.5M" typed and left; once Python is ready the field shows what it
    read, as it would have at once on a ready page; but not while the visitor is typing again
    in a field (here the seats), whose own leaving will show it."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    runtime = HeldRuntime(page)
    try:
        page.goto(server.url + "pricing/?plan=business")
        page.fill(CALLS, "1.5M")
        page.press(CALLS, "Tab")
        if typing_at_ready:
            page.fill(SEATS, "1,200")
        runtime.release()
        page.wait_for_function(LIVE, timeout=60000)
        if typing_at_ready:
            assert page.input_value(CALLS) == "1.5M" and page.input_value(SEATS) == "1,200"
        else:
            page.wait_for_function(f"() => document.querySelector('{CALLS}').value === '1500000'")
            assert "usage.api_calls=1500000" in page.url
    finally:
        page.close()
