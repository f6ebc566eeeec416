"""Engine speed on the demo catalog (CPython): microseconds per quote, catalog load time.

Prints medians over several repeats and ratios against baselines measured in the same
run: the bare Decimal arithmetic of the same bill (the floor any engine pays), and the
core rating of one plan without the explanation (nudges, alerts, cheaper plan, saving).
Run: .venv/bin/python bench/engine.py
"""

import json
import platform
import statistics
import sys
import timeit
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator import load_catalog, parse_request, quote  # noqa: E402
from calculator.rating import rate_plan  # noqa: E402

REPEATS = 7
THREE_LINES = {"plan": "business", "seats": 12, "usage": {"api_calls": 250000}}
SEATS_ONLY = {"plan": "team", "seats": 49}


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


def main():
    catalog = load_catalog(ROOT / "plans.yaml")
    plan = catalog.plan("business")
    request = parse_request(catalog, THREE_LINES)
    assert len(quote(catalog, THREE_LINES).lines) == 3

    floor = median_us(bare_decimal_bill, 20000)
    core = median_us(lambda: rate_plan(catalog, plan, request), 5000)
    full = median_us(lambda: quote(catalog, THREE_LINES), 2000)
    full_dict = median_us(lambda: quote(catalog, THREE_LINES).to_dict(), 2000)
    seats = median_us(lambda: quote(catalog, SEATS_ONLY), 2000)
    as_json = json.dumps(catalog.to_dict())
    load_yaml = median_us(lambda: load_catalog(ROOT / "plans.yaml"), 20) / 1000
    load_dict = median_us(lambda: load_catalog(json.loads(as_json)), 500) / 1000

    print(f"engine benchmark · Python {platform.python_version()} · {platform.machine()} · "
          f"median of {REPEATS} repeats")
    print(f"  baseline: bare Decimal arithmetic of the bill    {floor:8.2f} µs")
    print(f"  baseline: core rating of one plan (rate_plan)    {core:8.2f} µs"
          f"   x{core / floor:.1f} the bare arithmetic")
    print(f"  quote(), three-line business quote               {full:8.2f} µs"
          f"   x{full / core:.1f} the core rating")
    print(f"  quote().to_dict(), same                          {full_dict:8.2f} µs"
          f"   x{full_dict / core:.1f} the core rating")
    print(f"  quote(), team 49 seats (graduated)               {seats:8.2f} µs")
    print(f"  load_catalog(plans.yaml) with schema check       {load_yaml:8.2f} ms")
    print(f"  load_catalog(dict from catalog.json)             {load_dict:8.3f} ms"
          f"   (YAML path x{load_yaml / load_dict:.0f})")
    print(f"  target: core rating under 20 µs per three-line quote: "
          f"{'met' if core < 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
