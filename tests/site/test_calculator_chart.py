"""The cost chart as a prospect reads it, on a phone (390x844, touch) and a laptop (1440x900):
scaled to the estimate's neighbourhood with round ticks, the estimate's dot clear of the
corners, labels of a readable size; the log sliders stop at round values while a typed value
stays as typed. Screenshots of the chart are kept."""

from decimal import Decimal

import pytest

from calculator import quote
from pricing_site.catalog import load_catalog_file
from tests.site_support import DEMO
from tests.support.devices import settle
from tests.support.screenshots import keep_screenshot

CHART = "[data-testid=calculator-chart]"

# The drawn chart: its ticks' labels and heights on screen, the plot area (the grid lines'
# extent), and the dot's place in it as fractions (0 at the left and the bottom).
READ_CHART = f"""() => {{
    const chart = document.querySelector('{CHART}');
    const ticks = [...chart.querySelectorAll('.rk-chart__tick')];
    const grid = [...chart.querySelectorAll('.rk-chart__grid')];
    const left = Number(grid[0].getAttribute('x1')), right = Number(grid[0].getAttribute('x2'));
    const ys = grid.map((line) => Number(line.getAttribute('y1')));
    const bottom = Math.max(...ys), top = Math.min(...ys);
    const dot = chart.querySelector('[data-testid=calculator-chart-marker]');
    return {{
        money: ticks.filter((t) => t.getAttribute('text-anchor') === 'end').map((t) => t.textContent),
        quantity: ticks.filter((t) => t.getAttribute('text-anchor') === 'middle').map((t) => t.textContent),
        heights: ticks.map((t) => t.getBoundingClientRect().height),
        dot: [(Number(dot.getAttribute('cx')) - left) / (right - left),
              (bottom - Number(dot.getAttribute('cy'))) / (bottom - top)],
        highest: Math.max(...[...chart.querySelectorAll('path[data-plan]')].flatMap((p) =>
            [...p.getAttribute('d').matchAll(/[ML][\\d.]+ ([\\d.]+)/g)].map((m) => Number(m[1])))
            .map((y) => (bottom - y) / (bottom - top))),
    }};
}}"""


@pytest.fixture
def open_chart(open_on, server):
    """The pricing page (plus a query) on a device, once Python answers, at the chart."""
    def open_page(device, query=""):
        page = open_on(device, server.url + "pricing/" + query, live=True)
        page.locator(CHART).scroll_into_view_if_needed()
        settle(page)
        return page
    return open_page


def amount(label):
    return Decimal(label.lstrip("$").replace(",", ""))


def is_round_step(labels):
    """Ticks 0, s, 2s, ... with s 1, 2, 2.5 or 5 times a power of ten."""
    values = [amount(label) for label in labels]
    step = values[1]
    return (values == [step * i for i in range(len(values))]
            and step.scaleb(-step.adjusted()).normalize() in {1, 2, Decimal("2.5"), 5})


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_chart_is_scaled_to_the_estimate_with_round_ticks(open_chart, device):
    page = open_chart(device)
    chart = page.evaluate(READ_CHART)
    keep_screenshot(page, f"chart-{device}")
    assert chart["quantity"] == ["0", "5", "10", "15", "20"]  # 10 seats: 0 to 20 (not 0/63/.../251)
    assert is_round_step(chart["money"]), chart["money"]
    assert chart["highest"] > 0.75  # the money axis ends at the first round tick above the curves
    x, y = chart["dot"]
    assert 0.2 <= x <= 0.51 and y >= 0.2, chart["dot"]  # the dot clear of the corners
    assert min(chart["heights"]) >= 12, chart["heights"]
    # 30 seats: curves for their own neighbourhood, still with round ticks
    page.fill("[data-testid=calc-seats]", "30")
    page.wait_for_function(f"""() => [...document.querySelectorAll('{CHART} .rk-chart__tick')]
        .some((t) => t.textContent === '100')""", timeout=10000)
    chart = page.evaluate(READ_CHART)
    assert chart["quantity"] == ["0", "20", "40", "60", "80", "100"]
    assert is_round_step(chart["money"]) and 0.2 <= chart["dot"][0] <= 0.51, chart


def test_a_log_slider_stops_at_round_values_and_a_typed_value_stays_as_typed(open_chart):
    page = open_chart("phone", "?plan=business&seats=10&usage.api_calls=150000")
    field = page.get_by_test_id("calc-usage-api_calls")
    slider = page.get_by_test_id("calc-usage-api_calls-slider")
    seen = set()
    for position in range(50, 1000, 50):
        slider.evaluate("(el, p) => { el.value = String(p); "
                        "el.dispatchEvent(new Event('input', {bubbles: true})); }", position)
        seen.add(Decimal(field.input_value()))
    assert len(seen) > 10
    assert {v.scaleb(-v.adjusted()).normalize() for v in seen} <= {1, 2, Decimal("2.5"), 5}, seen
    field.fill("11121")
    request = {"plan": "business", "seats": 10, "usage": {"api_calls": "11121", "storage_gb": "20"}}
    total = quote(load_catalog_file(DEMO), request).to_dict()["display"]["total"]
    page.wait_for_function("(t) => document.querySelector('[data-testid=calculator-total]')"
                           ".textContent === t", arg=total, timeout=10000)
    settle(page)
    assert field.input_value() == "11121"  # Python priced 11,121 calls, as typed
    assert slider.evaluate("(el) => Number(el.value)") < 950  # the slider stands near it
