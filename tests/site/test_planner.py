"""The budget planner on the built pricing page, driven in Chromium as a visitor would: every
figure it shows is CPython's ``forecast_json`` for the same inputs, it follows the calculator's
fields and its own, a silly number is a message beside its field, and its link restores it."""

import json
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from calculator.browser import forecast_json
from pricing_site.catalog import load_catalog_file
from tests.site_support import build_data, demo_data
from tests.support.http_server import StaticServer
from tests.site.test_accessibility import AXE, serious
from tests.support.worker_ops import RECORD_OPS
from tests.support.page_problems import watch_problems

PLANNER = "[data-testid=planner]"
STATUS = "[data-testid=planner-status]"
TOTAL = "[data-testid=planner-total]"
RESULT = "[data-testid=planner-result]"
WIDE, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}

# What the planner shows, read from the page: the figures and words a visitor sees
SHOWN = """() => {
  const region = document.querySelector('[data-testid=planner-result]');
  const visible = (node) => !node.closest('[hidden]');
  const texts = (selector) => [...region.querySelectorAll(selector)].filter(visible)
    .map((node) => node.textContent.trim());
  return {
    total: visible(region.querySelector('[data-testid=planner-total]')) ?
      region.querySelector('[data-testid=planner-total]').textContent : null,
    advice: texts('[data-testid=planner-advice] li'),
    crossings: [...region.querySelectorAll('[data-testid=planner-crossings] li')]
      .map((li) => [...li.querySelectorAll('span')].map((span) => span.textContent)),
    head: texts('thead th'),
    rows: [...region.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].filter(visible).map((cell) => cell.textContent)),
    bars: region.querySelectorAll('.rk-planner__bar').length,
    marks: [...region.querySelectorAll('[data-testid=planner-crossing-mark]')].map((t) => t.textContent),
  };
}"""


@pytest.fixture
def visit(browser, server):
    """Open the pricing page (with a query) at a viewport; waits until the planner is live."""
    contexts = []

    def open_page(query="", viewport=WIDE, wait_live=True):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.problems = watch_problems(page, ("error", "warning"))
        page.goto(server.url + "pricing/" + query)
        if wait_live:
            live(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


def live(page):
    page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'live'",
                           timeout=60000)


def expected(catalog, request, growth, months="12"):
    """CPython's answer for what the page sends: the calculator's request as its form reads it,
    the growth as typed."""
    return json.loads(forecast_json(catalog, json.dumps(
        {"request": request, "growth": growth, "months": months})))


def shown_as(forecast, columns):
    """What the planner must show for ``forecast``: the same strings, in the same places."""
    heads = {"seats": "Seats", "api_calls": "API calls", "storage_gb": "Storage (GB)"}
    marks = {}
    for number, crossing in enumerate(forecast["crossings"], 1):
        marks.setdefault(crossing["month"], []).append(str(number))
    return {
        "total": forecast["display"]["total"],
        "advice": [item["text"] for item in forecast["advice"]],
        "crossings": [[str(c["month"]), c["text"]] for c in forecast["crossings"]],
        "head": ["Month", *(heads[c] for c in columns), "Total"],
        "rows": [[str(m["month"]), *(m["display"]["seats"] if c == "seats" else
                                     m["display"]["usage"][c] for c in columns),
                  m["display"]["total"] or {"contact_sales": "Contact sales"}.get(m["status"], "Not available")]
                 for m in forecast["months"]],
        "bars": len(forecast["months"]),
        "marks": [",".join(numbers) for numbers in marks.values()],
    }


def wait_shown(page, total):
    page.wait_for_function(
        f"t => document.querySelector('{TOTAL}').textContent === t && "
        f"document.querySelector('{STATUS}').dataset.state === 'live'", arg=total, timeout=20000)


def test_the_planner_is_cpythons_forecast_and_follows_every_input(visit, catalog):
    page = visit()
    built = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "10",
                               "usage": {"storage_gb": "20"}},
                     {"seats": {"percent": "5"}, "storage_gb": {"percent": "8"}})["ok"]
    assert page.evaluate(SHOWN) == shown_as(built, ["seats", "storage_gb"])

    # its own fields: 20% more seats a month and 15% more storage
    page.fill("[data-testid=planner-growth-seats]", "20")
    page.fill("[data-testid=planner-growth-storage_gb]", "15")
    grown = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "10",
                               "usage": {"storage_gb": "20"}},
                     {"seats": {"percent": "20"}, "storage_gb": {"percent": "15"}})["ok"]
    wait_shown(page, grown["display"]["total"])
    assert page.evaluate(SHOWN) == shown_as(grown, ["seats", "storage_gb"])
    assert len(grown["crossings"]) >= 2  # seats reach two tiers, storage passes its allowance

    # the calculator's fields: another plan, seats and API calls (a quantity Team has not)
    page.select_option("[data-testid=calc-plan]", "business")
    page.fill("[data-testid=calc-seats]", "40")
    assert page.is_visible("[data-testid=planner-growth-api_calls]")
    page.fill("[data-testid=planner-growth-api_calls]", "25")
    business = expected(catalog, {"plan": "business", "billing": "monthly", "seats": "40",
                                  "usage": {"api_calls": "150000", "storage_gb": "20"}},
                        {"seats": {"percent": "20"}, "api_calls": {"percent": "25"},
                         "storage_gb": {"percent": "15"}})["ok"]
    wait_shown(page, business["display"]["total"])
    assert page.evaluate(SHOWN) == shown_as(business, ["seats", "api_calls", "storage_gb"])
    # Team stops at 200 seats; Business paid yearly or with its commitment costs less
    assert [a["kind"] for a in business["advice"]] == ["committed", "yearly"]

    # the horizon: two years, month by month
    page.fill("[data-testid=planner-months]", "24")
    longer = expected(catalog, {"plan": "business", "billing": "monthly", "seats": "40",
                                "usage": {"api_calls": "150000", "storage_gb": "20"}},
                      {"seats": {"percent": "20"}, "api_calls": {"percent": "25"},
                       "storage_gb": {"percent": "15"}}, "24")["ok"]
    wait_shown(page, longer["display"]["total"])
    assert page.evaluate(SHOWN) == shown_as(longer, ["seats", "api_calls", "storage_gb"])
    assert page.text_content("[data-slot=horizon]") == "24"
    assert page.problems == []


def test_the_calculators_typing_is_priced_before_any_forecast(visit, catalog):
    """A forecast waits for the calculator's typing to pause: it never stands in the worker
    between one keystroke's total and the next."""
    forecast = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "38",
                                  "usage": {"storage_gb": "20"}},
                        {"seats": {"percent": "5"}, "storage_gb": {"percent": "8"}})["ok"]
    # A loaded machine may stall the page between two keystrokes for longer than the planner's
    # pause (planner.js SETTLE_MS, 150 ms): a pause the planner rightly takes as one. Typed
    # again on a fresh page until no gap came near it.
    for _ in range(5):
        page = visit()
        page.evaluate(RECORD_OPS)
        # keystrokes 30 ms apart, as typing comes (in the page: no round trip between them);
        # returns the longest gap there was
        gap = page.evaluate("""async (texts) => {
          const input = document.querySelector('[data-testid=calc-seats]');
          let last = null, longest = 0;
          for (const text of texts) {
            const now = performance.now();
            if (last !== null) longest = Math.max(longest, now - last);
            last = now;
            input.value = text;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((done) => setTimeout(done, 30));
          }
          return longest;
        }""", ["3", "38", "389", "38"])
        if gap < 100:
            break
    assert gap < 100
    wait_shown(page, forecast["display"]["total"])
    sent = page.evaluate("window.__sent")
    # every total before the forecast (the chart's curve for the last total may come after it:
    # it is asked once that total is in, which a loaded machine can put past the pause)
    assert sent.count("quote") >= 2 and sent.count("forecast") == 1, sent
    assert "quote" not in sent[sent.index("forecast"):], sent


def test_a_path_the_plan_stops_pricing_names_the_switch_and_the_month(visit, catalog):
    """Team past 200 seats is contact sales: the months say so, there is no total, and moving
    to Business is named with its month."""
    page = visit()
    page.fill("[data-testid=calc-seats]", "150")
    page.fill("[data-testid=planner-growth-seats]", "10")
    forecast = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "150",
                                  "usage": {"storage_gb": "20"}},
                        {"seats": {"percent": "10"}, "storage_gb": {"percent": "8"}})["ok"]
    assert forecast["total"] is None and forecast["switch"] is not None
    page.wait_for_function(
        "t => [...document.querySelectorAll('[data-testid=planner-advice] li')].some((li) => li.textContent === t)",
        arg=forecast["advice"][0]["text"], timeout=20000)
    shown = page.evaluate(SHOWN)
    assert shown == {**shown_as(forecast, ["seats", "storage_gb"]), "total": None}
    assert page.is_visible("[data-unless=total]")
    assert "Contact sales" in [row[-1] for row in shown["rows"]]


def test_a_growth_in_the_last_month_is_a_target_python_reaches(visit, catalog):
    page = visit()
    page.check("[data-testid=planner-mode-target]")
    assert not page.is_visible("[data-testid=planner-growth-seats]")
    page.fill("[data-testid=planner-target-seats]", "60")
    forecast = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "10",
                                  "usage": {"storage_gb": "20"}}, {"seats": {"target": "60"}})["ok"]
    wait_shown(page, forecast["display"]["total"])
    assert page.evaluate(SHOWN) == shown_as(forecast, ["seats", "storage_gb"])
    assert page.evaluate(SHOWN)["rows"][-1][1] == "60"


@pytest.mark.parametrize("field, typed, error", [
    ("[data-testid=planner-growth-seats]", "lots", "#planner-seats-error"),
    ("[data-testid=planner-growth-storage_gb]", "-100", "#planner-storage_gb-error"),
    ("[data-testid=planner-months]", "1.5", "#planner-months-error"),
    ("[data-testid=planner-months]", "61", "#planner-months-error"),
])
def test_a_silly_number_is_a_message_beside_its_field(visit, catalog, field, typed, error):
    page = visit()
    before = page.text_content(TOTAL)
    page.fill(field, typed)
    page.wait_for_selector(f"{error}:not([hidden])", timeout=20000)
    growth = {"seats": {"percent": "5"}, "storage_gb": {"percent": "8"}}
    months = "12"
    if "months" in field:
        months = typed
    else:
        growth[field.split("-")[-1].rstrip("]")] = {"percent": typed}
    answer = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "10",
                                "usage": {"storage_gb": "20"}}, growth, months)
    assert page.text_content(error) == answer["error"]
    assert page.get_attribute(field, "aria-invalid") == "true"
    assert page.get_attribute(STATUS, "data-state") == "stale"
    assert "rk-stale" in page.get_attribute(RESULT, "class")
    assert page.text_content(TOTAL) == before   # no NaN, no half-drawn figure
    page.fill(field, "12" if "months" in field else "5")
    page.wait_for_selector(f"{error}[hidden]", state="attached", timeout=20000)
    assert page.get_attribute(field, "aria-invalid") is None
    assert page.problems == []


def test_a_mistake_in_the_calculator_greys_the_planner_without_a_message_of_its_own(visit):
    page = visit()
    page.fill("[data-testid=calc-seats]", "x")
    page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'stale'",
                           timeout=20000)
    assert page.is_visible("#calc-seats-error")
    assert page.eval_on_selector_all("[data-testid=planner-form] [data-error-for]:not([hidden])",
                                     "slots => slots.length") == 0


def test_the_share_link_restores_the_planner(visit, catalog):
    page = visit()
    page.fill("[data-testid=calc-seats]", "25")
    page.press("[data-testid=calc-seats]", "Enter")
    page.fill("[data-testid=planner-growth-seats]", "12.5")
    page.fill("[data-testid=planner-months]", "18")
    page.press("[data-testid=planner-months]", "Tab")   # committed: a history entry
    forecast = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "25",
                                  "usage": {"storage_gb": "20"}},
                        {"seats": {"percent": "12.5"}, "storage_gb": {"percent": "8"}}, "18")["ok"]
    wait_shown(page, forecast["display"]["total"])
    query = parse_qs(urlsplit(page.url).query)
    assert {k: query[k] for k in ("seats", "g.seats", "g.storage_gb", "h")} == {
        "seats": ["25"], "g.seats": ["12.5"], "g.storage_gb": ["8"], "h": ["18"]}

    # the link on a phone: the planner opens (closed there otherwise) on the same forecast
    shared = visit("?" + urlsplit(page.url).query, viewport=PHONE)
    assert shared.evaluate(f"() => document.querySelector('{PLANNER}').open")
    assert shared.input_value("[data-testid=planner-growth-seats]") == "12.5"
    assert shared.input_value("[data-testid=planner-months]") == "18"
    wait_shown(shared, forecast["display"]["total"])
    assert shared.evaluate(SHOWN) == shown_as(forecast, ["seats", "storage_gb"])

    # back steps over one edit at a time: the horizon, then the growth (an edit is one entry
    # however many keys it took), to the calculator's own entry without the planner's keys
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('h') === '12'")
    assert page.input_value("[data-testid=planner-months]") == "12"
    assert page.input_value("[data-testid=planner-growth-seats]") == "12.5"
    page.go_back()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('h')")
    assert page.input_value("[data-testid=planner-growth-seats]") == "5"   # as built
    assert parse_qs(urlsplit(page.url).query)["seats"] == ["25"]


def test_a_link_with_a_target_restores_the_target_way(visit, catalog):
    page = visit("?plan=team&seats=10&t.seats=40&t.storage_gb=&h=6")
    assert page.is_checked("[data-testid=planner-mode-target]")
    assert page.input_value("[data-testid=planner-target-seats]") == "40"
    forecast = expected(catalog, {"plan": "team", "billing": "monthly", "seats": "10",
                                  "usage": {"storage_gb": "20"}}, {"seats": {"target": "40"}}, "6")["ok"]
    wait_shown(page, forecast["display"]["total"])
    assert page.evaluate(SHOWN) == shown_as(forecast, ["seats", "storage_gb"])


def test_the_prerendered_planner_is_drawn_before_python_and_closed_on_a_phone(browser, server):
    context = browser.new_context(viewport=PHONE)
    held = []  # the runtime's requests, never answered while the test runs
    context.route("**/assets/pyodide/**", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(server.url + "pricing/")
        page.wait_for_load_state("load")
        assert page.evaluate(f"() => document.querySelector('{PLANNER}').open") is False
        # drawn once opened: a closed planner is not laid out, nothing is measured or drawn
        page.wait_for_selector(f"{PLANNER}[data-interactive]", state="attached")
        assert page.eval_on_selector_all(".rk-planner__bar", "bars => bars.length") == 0
        page.click("[data-testid=planner-summary]")
        assert page.get_attribute(STATUS, "data-state") == "prerendered"
        page.wait_for_function("() => document.querySelectorAll('.rk-planner__bar').length === 12")
        assert page.eval_on_selector_all("[data-testid=planner-crossing-mark]",
                                         "marks => marks.map((m) => m.textContent)") == ["1"]
        # readable on the phone: the chart's labels at least 9 px high once scaled
        heights = page.eval_on_selector_all(
            "[data-testid=planner-chart] .rk-chart__tick",
            "ticks => ticks.map((t) => t.getBoundingClientRect().height)")
        assert heights and min(heights) >= 9
        # an edit before Python greys the built forecast rather than passing it off as the edit's
        page.fill("[data-testid=planner-growth-seats]", "9")
        assert page.get_attribute(STATUS, "data-state") == "pending"
        assert "rk-stale" in page.get_attribute(RESULT, "class")
        assert held
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390x844", "1440x900"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_planner_is_axe_clean(browser, server, viewport, scheme):
    # (axe is added as an inline script, which the site's CSP refuses)
    context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(server.url + "pricing/?g.seats=10&h=12")   # a link opens it on a phone too
        live(page)
        page.fill("[data-testid=planner-months]", "0")      # with a message beside a field
        page.wait_for_selector("#planner-months-error:not([hidden])", timeout=20000)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("() => axe.run('[data-testid=planner]', {resultTypes: ['violations']})")
        assert serious(results) == []
        # the bars, which axe does not judge, stand out from the card as graphics must (3:1)
        bar, card, opacity = page.evaluate("""() => {
          const bar = document.querySelector('.rk-planner__bar:not(.rk-planner__bar--unpriced)');
          return [getComputedStyle(bar).fill, getComputedStyle(bar.closest('details')).backgroundColor,
                  Number(getComputedStyle(bar).opacity)];
        }""")
        assert contrast(blend(rgb(bar), rgb(card), opacity), rgb(card)) >= 3
    finally:
        context.close()


def rgb(css):
    """(r, g, b) of a computed colour, "rgb(1, 2, 3)"."""
    return tuple(int(part) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def blend(top, under, alpha):
    return tuple(alpha * a + (1 - alpha) * b for a, b in zip(top, under))


def contrast(a, b):
    """WCAG's contrast ratio of two colours."""
    def luminance(colour):
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
                  for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# A plan sold by the year only, beside the demo's.
ANNUAL = {"id": "annual", "name": "Annual", "tagline": "Billed once a year.",
          "features": ["Shared inboxes"], "cta": {"label": "Start", "url": "https://example.com/"},
          "billing": ["annual"], "price": {"flat": 100, "seats": {"unit": 40}}}

def test_a_plan_sold_by_the_year_only_is_forecast_as_its_yearly_bills(browser, tmp_path):
    """Its months are what it bills (the year's bill in each year's first month, true-ups
    after), said so above the total; every figure CPython's for what the page asked."""
    data = demo_data(variants=True)
    data["plans"].insert(-1, ANNUAL)  # before Enterprise
    data["price_books"]["EUR"]["plans"]["annual"] = {"price": ANNUAL["price"]}
    site = build_data(data, tmp_path)
    catalog = load_catalog_file(str(tmp_path / "plans.yaml"))
    with StaticServer(site, host_rules=True) as server:
        page = browser.new_page(viewport=WIDE)
        try:
            problems = watch_problems(page, ("error", "warning"))
            page.goto(server.url + "pricing/")
            live(page)
            page.evaluate(RECORD_OPS)
            page.select_option("[data-testid=calc-plan]", "annual")
            page.fill("[data-testid=planner-growth-seats]", "10")
            page.wait_for_function("() => window.__payloads.forecast?.some((p) => p.request.plan "
                                   "=== 'annual' && p.growth.seats?.percent === '10')")
            sent = page.evaluate("window.__payloads.forecast.at(-1)")
            want = json.loads(forecast_json(catalog, json.dumps(sent)))["ok"]
            wait_shown(page, want["display"]["total"])
            shown = page.evaluate(SHOWN)
            sentence = page.locator(".rk-planner__total span:visible").first.text_content()
        finally:
            page.close()
    assert want["billing"] == "annual" and want["months"][0]["status"] == "priced"
    assert shown == shown_as(want, ["seats"])   # the only quantity it prices
    first, second = (Decimal(want["months"][i]["total"]) for i in (0, 1))
    assert first > 10 * second   # the year's bill, then a true-up
    assert "billed yearly" in sentence and "billed monthly" not in sentence
    assert problems == []
