"""Golden vectors under Python 3.14: the engine in Pyodide (Node, from node_modules) gives
exactly CPython's answers, quotes and curves, on the demo catalog and on a volume-tier catalog;
both as the wheel on the stock standard library and as the worker's first visit runs it, from
the precompiled zip alone (only the modules Python and the engine import: a module it lacked
would fail a case here)."""

import json
import subprocess

import pytest

from calculator import QuoteError, load_catalog, quote
from calculator.browser import curve_json, forecast_json
from pricing_site.runtime.bundle import build_engine_wheel, catalog_json_bytes
from pricing_site.runtime.startup import precompiled_stdlib
from pricing_site.catalog import load_catalog_file
from pricing_site.locales import locale_block
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e  # runs the engine in Pyodide under Node

SCRIPT = ROOT / "tests" / "node" / "golden.mjs"

DEMO = load_catalog_file(ROOT / "plans.yaml")
CATALOGS = {
    "demo": DEMO,
    # the demo speaking German: its words and formats come with catalog.json (the locale block)
    "german": DEMO.with_locale(locale_block("de", DEMO.currencies)),
    # DOMAIN.md's seed: the same tiers as the demo's team plan, priced by volume
    "volume": load_catalog({"currency": "USD", "plans": [{"id": "volume", "name": "Volume", "price": {
        "seats": {"pricing": "volume", "tiers": [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40},
                                                 {"up_to": 200, "unit": 30}, {"custom": True}]}}}]}),
    # words a quote says: a unit in two forms, a package rounded down, a commitment without a
    # discount, a tier up to 0 with seats included, a metric named as its unit
    "words": load_catalog({"currency": "USD", "metrics": {
        "sms": {"name": "Messages", "unit": {"one": "message", "other": "messages"}, "max": 10**6},
        "contacts": {"name": "Contacts", "unit": "contacts", "max": 10**6},
        "gb": {"name": "Storage", "unit": "GB", "max": 1000}},
        "plans": [{"id": "words", "name": "Words", "commitment": {"annual_minimum": 1200, "discount": 0},
                   "price": {"seats": {"pricing": "graduated", "included": 2, "tiers": [
                       {"up_to": 0, "unit": 0, "flat": 10}, {"up_to": 1000, "unit": 5}, {"custom": True}]},
                       "usage": {"sms": {"unit": "0.01", "included": 1},
                                 "contacts": {"pricing": "volume", "tiers": [
                                     {"up_to": 50000, "unit": "0.01"}, {"custom": True}]},
                                 "gb": {"pricing": "package", "package": {"size": 10, "price": 5,
                                                                          "round": "down"}}}}}]}),
    # whole amounts without cents (display.cents), a book that keeps them: read from catalog.json
    "whole": load_catalog({"currency": "USD", "display": {"cents": "auto"},
                           "metrics": {"gb": {"name": "Storage", "unit": "GB", "max": 1000}},
                           "plans": [{"id": "hybrid", "name": "Hybrid", "price": {
                               "flat": 150, "seats": {"unit": 45}, "usage": {"gb": {"unit": "0.25"}}}}],
                           "price_books": {"EUR": {"display": {"cents": "always"}, "plans": {
                               "hybrid": {"price": {"flat": 140, "seats": {"unit": 40},
                                                    "usage": {"gb": {"unit": "0.2"}}}}}}}}),
}

# (catalog, request, expected total: a string, None for contact sales, or a QuoteError field)
GOLDEN = [
    ("demo", {"plan": "team", "seats": 49}, "2060.00"),
    ("demo", {"plan": "team", "seats": 51}, "2130.00"),
    ("demo", {"plan": "team", "seats": 201}, None),
    ("volume", {"plan": "volume", "seats": 49}, "1960.00"),
    ("volume", {"plan": "volume", "seats": 51}, "1530.00"),
    ("volume", {"plan": "volume", "seats": 201}, None),
    ("demo", {"plan": "team", "seats": 49, "billing": "annual", "addons": ["sso", "audit_log"],
              "seat_kinds": {"viewer": 4, "guest": 7}, "usage": {"storage_gb": "80.5"}}, ...),
    ("demo", {"plan": "business", "seats": 25, "usage": {"api_calls": 100001, "storage_gb": 1200.5},
              "commitment": True, "billing": "annual"}, ...),
    ("demo", {"plan": "free", "seats": 3, "usage": {"api_calls": 9000}}, "0.00"),
    ("demo", {"plan": "enterprise"}, None),
    ("demo", {"plan": "team", "seats": -1}, QuoteError("seats")),
    ("demo", {"plan": "free", "usage": {"api_calls": 10001}}, ...),
    ("demo", {"plan": "team", "usage": {"storage_gb": "1e30"}}, QuoteError("usage.storage_gb")),
    ("demo", {"plan": "bussiness"}, QuoteError("plan")),
    # 3 seats: $10 (seats 0-2) + 1 x $5 = $15; 2 messages: 1 beyond the 1 included x $0.01;
    # 23 GB: 2 full blocks x $5 = $10. $25.01 is below the $1,200 / 12 = $100 a month
    # committed (at 0% off): a $74.99 true-up makes $100.00
    ("words", {"plan": "words", "seats": 3, "usage": {"sms": 2, "gb": 23}, "commitment": True},
     "100.00"),
    ("words", {"plan": "words", "seats": 1, "usage": {"sms": 1, "contacts": 1}}, ...),
    ("words", {"plan": "words", "seats": 1003}, None),
    ("words", {"plan": "words", "seats": 1, "usage": {"contacts": 50001}}, None),
    ("whole", {"plan": "hybrid", "seats": 2}, "240.00"),  # "$240"
    ("whole", {"plan": "hybrid", "seats": 2, "usage": {"gb": 1}}, "240.25"),  # "$150.00"...
    ("whole", {"plan": "hybrid", "seats": 2, "currency": "EUR"}, "220.00"),  # "€220.00"
    # German: words, formats, numbers typed as Germans write them, errors, contact sales
    ("german", {"plan": "business", "seats": 12, "currency": "EUR",
                "usage": {"api_calls": "250.000", "storage_gb": 300}}, "1467.00"),
    ("german", {"plan": "team", "seats": 49, "billing": "annual", "addons": ["sso", "audit_log"],
                "seat_kinds": {"viewer": 4, "guest": 7}, "usage": {"storage_gb": "80,5"},
                "currency": "EUR"}, ...),
    ("german", {"plan": "business", "seats": 25, "usage": {"api_calls": "1,5M",
                                                             "storage_gb": "1.200,5"},
                "commitment": True, "billing": "annual", "currency": "EUR"}, ...),
    ("german", {"plan": "team", "seats": "1.200"}, None),
    ("german", {"plan": "team", "seats": "1,5"}, QuoteError("seats")),
    ("german", {"plan": "free", "usage": {"api_calls": 10001}}, ...),
    # above the demo's sales threshold ($50,000 a month; €46,000 in its EUR book): still priced,
    # and flagged (SALES_FLAGGED)
    ("demo", {"plan": "business", "seats": 5, "usage": {"api_calls": 10**12}}, "5000000024.00"),
    ("demo", {"plan": "business", "seats": 5, "usage": {"api_calls": "1000000000000"},
              "currency": "EUR", "billing": "annual"}, ...),
]
# the GOLDEN cases above the sales threshold, and the reason each is told
SALES_FLAGGED = {len(GOLDEN) - 2: "monthly", len(GOLDEN) - 1: "monthly"}

# The budget planner's payloads: every month a quote, the crossings, other plans, yearly billing
FORECASTS = [
    ("demo", {"request": {"plan": "team", "seats": 8, "usage": {"storage_gb": 40}},
              "growth": {"seats": "0.08", "storage_gb": "0.15"}, "months": 12}),
    ("demo", {"request": {"plan": "team", "seats": 100}, "growth": {"seats": {"target": 300}},
              "months": 12}),
    ("demo", {"request": {"plan": "business", "seats": 12, "usage": {"api_calls": 250000}},
              "growth": {"seats": "0.05", "api_calls": "0.2"}, "months": 24}),
    ("demo", {"request": {"plan": "team", "seats": 5}, "growth": {"seats": "x"}}),
    # as the pricing page's planner sends them: percent and the horizon as typed, the advice
    ("demo", {"request": {"plan": "business", "seats": "10", "usage": {"storage_gb": "20"}},
              "growth": {"seats": {"percent": "7.5"}, "storage_gb": {"percent": "12%"}},
              "months": "18"}),
    ("demo", {"request": {"plan": "team", "seats": "10"}, "growth": {"seats": {"percent": "-100"}},
              "months": "12"}),
    ("german", {"request": {"plan": "business", "seats": "10", "currency": "EUR",
                            "usage": {"storage_gb": "20"}},
                "growth": {"seats": {"percent": "7.5"}, "storage_gb": {"percent": "12%"}},
                "months": "18"}),
]


def cpython(catalog, request):
    try:
        return {"ok": json.loads(json.dumps(quote(CATALOGS[catalog], request).to_dict()))}
    except QuoteError as exc:
        return {"error": str(exc), "field": exc.field}


def _curves():
    """Every priced plan charted over seats and each metric, and the payloads refused."""
    for name, catalog in CATALOGS.items():
        for plan in (p for p in catalog.to_dict()["plans"] if not p.get("custom")):
            for metric in ("seats", *catalog.metrics):
                yield name, {"request": {"plan": plan["id"]}, "metric": metric, "points": 12}
    yield "demo", {"request": {"plan": "team"}, "metric": "no such metric"}
    yield "demo", {"request": {"plan": "team"}}


CURVES = list(_curves())


@pytest.fixture(scope="module", params=["wheel", "precompiled"])
def pyodide_run(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    cases = out / "cases.json"
    cases.write_text(json.dumps({
        "catalogs": {name: cat.to_dict() for name, cat in CATALOGS.items()},
        "cases": [{"catalog": c, "request": r} for c, r, _ in GOLDEN]
        + [{"catalog": c, "request": p, "op": "forecast"} for c, p in FORECASTS],
        "curves": [{"catalog": c, "payload": p} for c, p in CURVES]}))
    stdlib = [] if request.param == "wheel" else [
        str(precompiled_stdlib(catalog_json_bytes(CATALOGS["demo"])))]
    run = subprocess.run(["node", str(SCRIPT), str(build_engine_wheel(out)), str(cases), *stdlib],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]  # (the stack starts with minified Pyodide)
    got = json.loads(run.stdout)
    assert got["engine"].endswith(".pyc" if stdlib else ".py")  # the boot asked for
    return got


def test_pyodide_runs_python_3_14(pyodide_run):
    assert pyodide_run["version"][:2] == [3, 14]


@pytest.mark.parametrize("index", range(len(CURVES)), ids=[f"{c}-{p.get('metric')}-{p['request']}"
                                                          for c, p in CURVES])
def test_curves_in_pyodide_equal_cpython(pyodide_run, index):
    catalog, payload = CURVES[index]
    want = json.loads(curve_json(CATALOGS[catalog], json.dumps(payload)))
    assert json.dumps(pyodide_run["curves"][index]) == json.dumps(want)


@pytest.mark.parametrize("index", range(len(GOLDEN)), ids=[f"{c}-{r}" for c, r, _ in GOLDEN])
def test_python_3_14_in_pyodide_equals_cpython(pyodide_run, index):
    catalog, request, expected = GOLDEN[index]
    got = pyodide_run["results"][index]
    want = cpython(catalog, request)
    assert json.dumps(got) == json.dumps(want)  # same keys, same order, same strings
    if isinstance(expected, QuoteError):
        assert got["field"] == expected.args[0]
    elif expected is not ...:
        assert got["ok"]["total"] == expected
        assert got["ok"]["status"] == ("priced" if expected else "contact_sales")
    if "ok" in got:
        sales = got["ok"]["sales"]
        assert (sales and sales["reason"]) == SALES_FLAGGED.get(index, None)


def test_whole_amounts_read_alike_in_pyodide(pyodide_run):
    shown = [result["ok"]["display"]["total"] for (catalog, _, _), result
             in zip(GOLDEN, pyodide_run["results"]) if catalog == "whole"]
    assert shown == ["$240", "$240.25", "€220.00"]


@pytest.mark.parametrize("index", range(len(FORECASTS)))
def test_the_forecast_in_pyodide_equals_cpython(pyodide_run, index):
    catalog, payload = FORECASTS[index]
    got = pyodide_run["results"][len(GOLDEN) + index]
    want = json.loads(forecast_json(CATALOGS[catalog], json.dumps(payload)))
    assert json.dumps(got) == json.dumps(want)  # same keys, same order, same strings


def test_the_german_catalog_speaks_german_in_pyodide(pyodide_run):
    """The locale came with catalog.json alone: German words and formats, not English ones."""
    got = [result for (catalog, _, _), result in zip(GOLDEN, pyodide_run["results"])
           if catalog == "german"]
    assert got[0]["ok"]["display"]["total"] == "1.467,00\u00a0€"
    assert got[0]["ok"]["lines"][1]["display"]["detail"] == "12 Nutzer × 40\u00a0€"
    assert got[3]["ok"]["message"].startswith("Für 1.200 Nutzer hat der Tarif Team keinen")
    assert got[4] == {"error": "Die Anzahl der Nutzer muss eine ganze Zahl sein, erhalten: "
                               "'1,5', also 1,5.", "field": "seats"}
