"""The German pricing page's live calculator (/de/pricing/): Python in the browser speaks the
catalog's German (words, "1.234,50 €"), reads numbers as a German writes them ("62,5",
"1.500"), and writes back into a field what it reads back the same, slider included; each
total is CPython's quote() of the German catalog."""

from decimal import Decimal

import pytest

from calculator import quote
from pricing_site.build.locales import localized
from pricing_site.catalog import read_catalog
from tests.support.devices import LIVE
from tests.support.paths import DEMO

TOTAL = "[data-testid=calculator-total]"
SEATS = "[data-testid=calc-seats]"
STORAGE = "[data-testid=calc-usage-storage_gb]"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def german():
    catalog, _ = read_catalog(DEMO, lint=False).localized("de")
    return localized(catalog, "de")


def _total(german, request):
    return quote(german, request).to_dict()["display"]["total"]


def _settled(page, field, shown, total):
    page.wait_for_function(
        "([field, shown, total]) => document.querySelector(field).value === shown && "
        "document.querySelector('[data-testid=calculator-total]').textContent === total",
        arg=[field, shown, total], timeout=20000)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_german_calculator_reads_and_writes_german_numbers(open_on, server, german, device):
    page = open_on(device, server.url + "de/pricing/?plan=team&seats=10", live=True)
    assert page.text_content(TOTAL) == _total(german, {"plan": "team", "seats": 10})
    page.fill(STORAGE, "62,5")  # 62.5 GB, as a German writes it
    page.press(STORAGE, "Tab")
    request = {"plan": "team", "seats": 10, "usage": {"storage_gb": Decimal("62.5")}}
    _settled(page, STORAGE, "62,5", _total(german, request))
    assert "usage.storage_gb=62%2C5" in page.url  # the link holds what the field shows
    page.fill(SEATS, "1.100")  # one thousand one hundred: Team sells those through sales
    page.press(SEATS, "Tab")
    page.wait_for_function(f"() => document.querySelector('{SEATS}').value === '1100'")
    page.fill(SEATS, "12")  # the field written back before reads the same again
    page.press(SEATS, "Tab")
    _settled(page, STORAGE, "62,5", _total(german, {**request, "seats": 12}))
    assert page.evaluate(LIVE) and page.locator("[data-error-for] >> text=/./").count() == 0


def test_a_slider_writes_the_german_decimal_sign(open_on, server, german):
    page = open_on("desktop", server.url + "de/pricing/?plan=team&seats=10", live=True)
    # dragged along until it stops on a fraction (the slider's input events, as a drag sends)
    page.evaluate("""() => {
      const slider = document.querySelector('[data-testid=calc-usage-storage_gb-slider]');
      const field = document.querySelector('[data-testid=calc-usage-storage_gb]');
      for (let at = 1; at <= Number(slider.max) && !/[.,]/.test(field.value); at++) {
        slider.value = String(at);
        slider.dispatchEvent(new Event('input', {bubbles: true}));
      }
    }""")
    written = page.input_value(STORAGE)
    assert "," in written and "." not in written
    request = {"plan": "team", "seats": 10,
               "usage": {"storage_gb": Decimal(written.replace(",", "."))}}
    page.wait_for_function("t => document.querySelector('[data-testid=calculator-total]')"
                           ".textContent === t", arg=_total(german, request), timeout=20000)
