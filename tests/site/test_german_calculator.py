"""The German pricing page's live calculator (/de/pricing/): Python in the browser speaks the
catalog's German (words, "1.234,50 €"), reads numbers as a German writes them ("62,5",
"1.500"), and writes back into a field what it reads back the same, slider included; each
total is CPython's quote() of the German catalog. Its runtime is the root's: every file the
root holds is asked for at the root's path, only the German catalog under /de/."""

import re
from decimal import Decimal

import pytest

from calculator import quote
from pricing_site.build.locales import localized
from pricing_site.catalog import read_catalog
from tests.site_support import demo_site
from tests.support.devices import LIVE
from tests.support.http_server import StaticServer
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


def test_the_german_calculator_loads_the_roots_runtime(open_on, german):
    site = demo_site()
    with StaticServer(site, host_rules=True) as own:   # its own count of what was asked for
        page = open_on("desktop", own.url + "de/pricing/?plan=team&seats=10", live=True)
        answer = page.evaluate("r => window.pricingCalculator.quote(r)",
                               {"plan": "team", "seats": 12})
        page.evaluate("() => window.pricingCalculator.nextVisit.catch(() => null)")
        asked = [path.split("?")[0] for path in own.requests]
    assert answer["display"]["total"] == _total(german, {"plan": "team", "seats": 12})
    config = page.evaluate("() => JSON.parse(document.getElementById('calculator-config')"
                           ".textContent)")
    runtime = ("/assets/pyodide/", "/assets/calculator/engine/", "/assets/calculator/stdlib/",
               "/assets/calculator/snapshot/", "/assets/v/")
    from_root = [path for path in asked if path.startswith(runtime)]
    for needed in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                   "calculator/client.js", "calculator/worker.js", "calculator/boot.js"):
        assert any(needed in path for path in from_root), (needed, asked)
    assert any(path.startswith("/assets/calculator/snapshot/") for path in from_root)
    # under /de/assets/ only what the root has not: the German catalog, and Material's
    # stylesheet purged for the German pages' words
    german_files = [path for path in asked if path.startswith("/de/assets/")
                    and not re.fullmatch(r"/de/assets/stylesheets/main\.[0-9a-f]+\.min\.css", path)]
    catalog = "/de/" + config["catalog"]
    assert german_files and set(german_files) <= {catalog, catalog + ".gz"}, german_files
    missing = [path for path in asked if not (site / path.lstrip("/")).exists()]
    assert missing == [], missing   # every request found its file: none fell through to a 404
