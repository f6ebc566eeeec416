"""Engine speed on the demo catalog: microseconds per quote, catalog load time, and the
browser's calls (quote, quote_json, the chart's cost curves) in CPython and in Pyodide.

Prints medians over several repeats and ratios against baselines measured in the same
run: the bare Decimal arithmetic of the same bill (the floor any engine pays), the core
rating of one plan without the explanation (nudges, alerts, cheaper plan, saving), and
CPython for the Pyodide figures. The visitor's browser runs the engine in Pyodide, so that
is the figure the calculator feels; bench/engine_pyodide.mjs runs ``browser_calls`` below
in Pyodide under Node (node_modules/pyodide), on the same catalog, and prints it as JSON.
Run: .venv/bin/python bench/engine.py
"""

import json
import platform
import shutil
import statistics
import subprocess
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator import load_catalog, parse_request, quote  # noqa: E402
from calculator.browser import curve_json, forecast_json, quote_json  # noqa: E402
from calculator.rating import rate_plan  # noqa: E402

REPEATS = 7
THREE_LINES = {"plan": "business", "seats": 12, "usage": {"api_calls": 250000}}
SEATS_ONLY = {"plan": "team", "seats": 49}
# The chart the calculator draws beside the three-line quote (a seat plan's curve is over
# seats): sampled at its tier edges alone, however many points are asked (curve_quantities);
# and a curve of API calls, 100 log-spaced points besides its edges, x every plan.
CURVE = {"request": THREE_LINES, "metric": "seats", "points": 100}
USAGE_CURVE = {"request": THREE_LINES, "metric": "api_calls", "points": 100}
# The budget planner's call: a year of the three-line quote growing, every plan over the path
FORECAST = {"request": THREE_LINES, "growth": {"seats": "0.08", "api_calls": "0.15"}, "months": 12}


def median_us(func, number):
    runs = timeit.repeat(func, number=number, repeat=REPEATS)
    return statistics.median(runs) / number * 1e6


def bare_decimal_bill():
    """The same three-line bill as plain Decimal arithmetic: flat + seats + packages."""
    cent = Decimal("0.01")
    flat = Decimal(299).quantize(cent, ROUND_HALF_UP)
    seats = (Decimal(45) * 12).quantize(cent, ROUND_HALF_UP)
    blocks = ((Decimal(250000) - 100000) / 1000).to_integral_value()
    calls = (blocks * 5).quantize(cent, ROUND_HALF_UP)
    return flat + seats + calls


def browser_calls(catalog):
    """What both runtimes time: the calls the browser's worker makes (also run in Pyodide)."""
    request_json, curve_payload = json.dumps(THREE_LINES), json.dumps(CURVE)
    usage_payload = json.dumps(USAGE_CURVE)
    forecast_payload = json.dumps(FORECAST)
    curve = json.loads(curve_json(catalog, curve_payload))["ok"]
    usage = json.loads(curve_json(catalog, usage_payload))["ok"]
    return {
        "python": platform.python_version(),
        "quote_us": median_us(lambda: quote(catalog, THREE_LINES), 1000),
        "seats_us": median_us(lambda: quote(catalog, SEATS_ONLY), 1000),
        "quote_json_us": median_us(lambda: quote_json(catalog, request_json), 1000),
        "curve_ms": median_us(lambda: curve_json(catalog, curve_payload), 5) / 1000,
        "curve_points": len(curve["quantities"]),
        "curve_plans": len(curve["plans"]),
        "usage_curve_ms": median_us(lambda: curve_json(catalog, usage_payload), 5) / 1000,
        "usage_curve_points": len(usage["quantities"]),
        "forecast_ms": median_us(lambda: forecast_json(catalog, forecast_payload), 5) / 1000,
    }


def in_pyodide(as_json):
    """``browser_calls`` in Pyodide under Node, or a one-line reason it did not run."""
    if shutil.which("node") is None:
        return "skipped: node is not on PATH"
    if not (ROOT / "node_modules" / "pyodide").is_dir():
        return "skipped: node_modules/pyodide is missing (npm ci)"
    run = subprocess.run(["node", str(ROOT / "bench" / "engine_pyodide.mjs")], input=as_json,
                         capture_output=True, text=True, cwd=ROOT, check=False)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1][:200]
        return f"failed: engine_pyodide.mjs exited {run.returncode}: {last}"
    return json.loads(run.stdout.strip().splitlines()[-1])


def main():
    from pricing_site.catalog import load_catalog_file  # CPython only: PyYAML, jsonschema

    catalog = load_catalog_file(ROOT / "plans.yaml")
    plan = catalog.plan("business")
    request = parse_request(catalog, THREE_LINES)
    assert len(quote(catalog, THREE_LINES).lines) == 3

    floor = median_us(bare_decimal_bill, 20000)
    core = median_us(lambda: rate_plan(catalog, plan, request), 5000)
    full_dict = median_us(lambda: quote(catalog, THREE_LINES).to_dict(), 2000)
    as_json = json.dumps(catalog.to_dict())
    load_yaml = median_us(lambda: load_catalog_file(ROOT / "plans.yaml"), 20) / 1000
    load_dict = median_us(lambda: load_catalog(json.loads(as_json)), 500) / 1000
    cpython = browser_calls(catalog)
    pyodide = in_pyodide(as_json)
    full = cpython["quote_us"]

    print(f"engine benchmark · Python {platform.python_version()} · {platform.machine()} · "
          f"median of {REPEATS} repeats")
    print(f"  baseline: bare Decimal arithmetic of the bill    {floor:8.2f} µs")
    print(f"  baseline: core rating of one plan (rate_plan)    {core:8.2f} µs"
          f"   x{core / floor:.1f} the bare arithmetic")
    print(f"  quote(), three-line business quote               {full:8.2f} µs"
          f"   x{full / core:.1f} the core rating")
    print(f"  quote().to_dict(), same                          {full_dict:8.2f} µs"
          f"   x{full_dict / core:.1f} the core rating")
    print(f"  load_catalog_file(plans.yaml), schema check      {load_yaml:8.2f} ms")
    print(f"  load_catalog(dict from catalog.json)             {load_dict:8.3f} ms"
          f"   (YAML path x{load_yaml / load_dict:.0f})")
    print(f"  target: core rating under 20 µs per three-line quote: "
          f"{'met' if core < 20 else 'NOT met'}")
    if isinstance(pyodide, str):
        print(f"  Pyodide in Node: {pyodide}")
        return
    print(f"  in Pyodide {pyodide['pyodide']} (Python {pyodide['python']}) under Node "
          f"{pyodide['node']}, same catalog and requests:")
    print(f"  {'':<47}{'CPython':>11} {'Pyodide':>11}   Pyodide/CPython")
    plans = cpython["curve_plans"]
    curve = f"curve_json(), seats: {cpython['curve_points']} points x {plans} plans"
    usage = f"curve_json(), API calls: {cpython['usage_curve_points']} points x {plans} plans"
    rows = [("quote(), three-line business", "quote_us", "µs"),
            ("quote(), team 49 seats", "seats_us", "µs"),
            ("quote_json(), three-line (the worker's call)", "quote_json_us", "µs"),
            (curve, "curve_ms", "ms"), (usage, "usage_curve_ms", "ms"),
            ("forecast_json(), 12 months, every plan", "forecast_ms", "ms")]
    for label, key, unit in rows:
        print(f"  {label:<47}{cpython[key]:8.2f} {unit} {pyodide[key]:8.2f} {unit}"
              f"   x{pyodide[key] / cpython[key]:.1f}")
    slowest = max(pyodide["curve_ms"], pyodide["usage_curve_ms"])
    print(f"  target: a curve within a 16 ms frame in Pyodide: "
          f"{'met' if slowest < 16 else 'NOT met'}")
    print(f"  target: a 12-month forecast over every plan within a 16 ms frame in Pyodide: "
          f"{'met' if pyodide['forecast_ms'] < 16 else 'NOT met'}")


if __name__ == "__main__":
    main()
