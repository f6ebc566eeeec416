"""How validating and building grow with the number of plans, and how fast a catalog over
the limit is refused.

Catalogs generated from plans.yaml (no variants: section) in two shapes:

- ``alike``: its Team plan and copies under new ids with their own first-tier price
  (bench/build.py's ``with_plans``);
- ``distinct``: the same, but each copy also has its own seat tier edges, storage allowance
  and feature, and the comparison rows are the union of the plans' features: the chart
  samples every plan's edges and the lint every plan's allowance, so this is the shape
  where what is done per plan grows with the plans.

For each size N, the median of REPEAT runs of: ``validate`` (``read_catalog`` with the content
checks and the lint, as ``pricing-site validate`` runs it), the pricing page's data
(``pricing_context``: cards, comparison, estimate, chart) and a whole build (caches warm),
each with its ratio to the smallest N (linear growth doubles with N; quadratic quadruples).
``bills`` counts the bills the page data computes (``calculator.rating.bill_for`` calls:
every quote, alternative and chart point), a figure the machine's speed does not move.
Last, how long ``validate`` and ``build`` take to refuse a catalog of 10,000 plans: Team
copies (refused by the YAML reader's limit on values) and plans of one flat fee (by the
schema's limit on plans, ``MAX_PLANS``).

Run: .venv/bin/python bench/scale.py [REPEAT]
"""

import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build import DEMO, timed_build, with_plans  # noqa: E402
from calculator.rating import bill_for  # noqa: E402
from pricing_site.build.site import build_site, content_roots  # noqa: E402
from pricing_site.catalog import read_catalog  # noqa: E402
from pricing_site.catalog.schema import plans_schema  # noqa: E402
from pricing_site.pages.pricing import pricing_context  # noqa: E402

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js"}  # the page data only names them

MAX_PLANS = plans_schema()["properties"]["plans"]["maxItems"]
SIZES = (25, 50, MAX_PLANS)
REFUSED = 10_000


def with_distinct_plans(data, count):
    """``with_plans``, each copy with its own seat tier edges, allowance and feature."""
    data = with_plans(data, count)
    for k, plan in enumerate(data["plans"]):
        tiers = plan["price"]["seats"]["tiers"]
        for tier, base in zip(tiers, (10, 50, 200)):
            tier["up_to"] = base + k
        plan["price"]["usage"]["storage_gb"]["included"] = 50 + k
        plan["features"] = [*plan.get("features", ()), f"Feature {k}"]
    data["site"]["pricing"]["comparison"].pop("features", None)
    return data


def with_flat_plans(data, count):
    """The demo's page content and ``count`` plans of a flat fee each: the fewest values a
    plan can have, so the plan limit, not the value limit, is what a large count meets."""
    data = with_plans(data, 1)
    data["plans"] = [{"id": f"plan-{k}", "name": f"Plan {k}", "price": {"flat": 10 + k}}
                     for k in range(count)]
    for book in data.get("price_books", {}).values():
        book["plans"] = {f"plan-{k}": {"price": {"flat": 9 + k}} for k in range(count)}
        book.pop("addons", None)
    data.pop("addons", None)
    data["site"]["pricing"]["comparison"].pop("features", None)
    data["site"]["pricing"].pop("calculator", None)
    return data


SHAPES = {"alike": with_plans, "distinct": with_distinct_plans}


def _median(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _validate(catalog):
    errors = read_catalog(catalog, roots=content_roots()).errors
    if errors:
        sys.exit(f"{catalog}: {errors[0]}")


def bills_computed(function, *args):
    """How many bills (``calculator.rating.bill_for`` calls) ``function(*args)`` computes:
    every quote, cheaper-plan candidate and chart point costs one."""
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        count += event == "call" and frame.f_code is bill_for.__code__

    sys.setprofile(profiler)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


def _refusal_time(command, catalog, out):
    """Seconds until ``command`` refuses ``catalog`` (its exit status must say so)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        start = time.perf_counter()
        if command == "validate":
            refused = bool(read_catalog(catalog, roots=content_roots()).errors)
        else:
            refused = build_site(str(catalog), out=str(out)) != 0
        elapsed = time.perf_counter() - start
    if not refused:
        sys.exit(f"{catalog}: {command} did not refuse {REFUSED:,} plans")
    return elapsed


def main(repeat):
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    print(f"by plans, median of {repeat}, {os.cpu_count()} cores (ratio to {SIZES[0]} plans)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        timed_build(DEMO, tmp / "warm-up")   # fills the wheel and stdlib caches
        for shape, make in SHAPES.items():
            rows = {}
            for size in SIZES:
                catalog = tmp / f"{shape}-{size}.yaml"
                catalog.write_text(yaml.safe_dump(make(data, size), sort_keys=False),
                                   encoding="utf-8")
                read = read_catalog(catalog, lint=False)
                page = (read.catalog, read.content, str, BUNDLE_URLS)
                rows[size] = (
                    _median(lambda: _validate(catalog), repeat),
                    _median(lambda: pricing_context(*page), repeat),
                    statistics.median(timed_build(catalog, tmp / f"out-{shape}-{size}")
                                      for _ in range(repeat)),
                    bills_computed(pricing_context, *page))
            base = rows[SIZES[0]]
            print(f"  {shape}:")
            for label, column, unit in (("validate", 0, "s"), ("page data", 1, "s"),
                                        ("build", 2, "s"), ("bills", 3, "")):
                print(f"    {label:10}" + ", ".join(
                    f"{size}: {_figure(row[column], unit)} ({row[column] / base[column]:.2f}x)"
                    for size, row in rows.items()))
        for shape, make in (("Team copies", with_plans), ("one-line plans", with_flat_plans)):
            catalog = tmp / f"refused-{REFUSED}.yaml"
            catalog.write_text(yaml.dump(make(data, REFUSED), Dumper=yaml.CSafeDumper,
                                         sort_keys=False), encoding="utf-8")
            size = catalog.stat().st_size / 2 ** 20
            print(f"  {REFUSED:,} {shape} ({size:.1f} MiB) refused by validate in "
                  f"{_refusal_time('validate', catalog, None):.2f} s, by build in "
                  f"{_refusal_time('build', catalog, tmp / 'refused'):.2f} s")


def _figure(value, unit):
    return f"{value:.2f} s" if unit == "s" else f"{value:,}"


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
