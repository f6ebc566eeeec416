"""Golden vectors under Python 3.14: the engine in Pyodide (Node, from node_modules) gives
exactly CPython's answers, quotes and curves, on the demo catalog and on a volume-tier catalog;
both as the wheel on the stock standard library and as the worker's first visit runs it, from
the precompiled zip alone (only the modules Python and the engine import: a module it lacked
would fail a case here)."""

import json
import subprocess

import pytest

from calculator import QuoteError, load_catalog, quote
from calculator.browser import curve_json
from pricing_site.runtime.bundle import build_engine_wheel, catalog_json_bytes
from pricing_site.runtime.startup import precompiled_stdlib
from pricing_site.catalog import load_catalog_file
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e  # runs the engine in Pyodide under Node

SCRIPT = ROOT / "tests" / "node" / "golden.mjs"

CATALOGS = {
    "demo": load_catalog_file(ROOT / "plans.yaml"),
    # DOMAIN.md's seed: the same tiers as the demo's team plan, priced by volume
    "volume": load_catalog({"currency": "USD", "plans": [{"id": "volume", "name": "Volume", "price": {
        "seats": {"pricing": "volume", "tiers": [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40},
                                                 {"up_to": 200, "unit": 30}, {"custom": True}]}}}]}),
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
        "cases": [{"catalog": c, "request": r} for c, r, _ in GOLDEN],
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
