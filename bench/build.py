"""Build time: the demo site, all its variants, and how a build grows with plans and variations.

Each figure is the median of REPEAT builds (``pricing_site.build.build_site``, caches warm:
the engine wheel and the precompiled stdlib are built once, before timing):

- the demo site (plans.yaml, English and German), the demo in one language (its locales:
  left out) built in turn with it, the ratio (target < 2.2x), and all its variants (``all_variants=True``, parallel processes);
  the share of a demo build spent writing the .gz/.br siblings (``precompress_site`` again on
  the built site);
- catalogs generated from plans.yaml: its Team plan plus N-1 copies under new ids with their
  own first-tier price (N = 1, 10, 100 plans; no variants: section), ratio to 1 plan;
- the demo catalog with V variations, ratio to 1: V = 1 is a plain build without a variants:
  section (an experiment needs 2 variations); V = 4, 16: a variants: section of control plus
  V-1 headline patches (equal weights), built with ``all_variants=True``.

Run: .venv/bin/python bench/build.py [REPEAT]
"""

import contextlib
import copy
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pricing_site.runtime  # noqa: F401  (before precompress, which the runtime imports)
from pricing_site.build.site import build_site
from pricing_site.build.precompress import precompress_site

DEMO = ROOT / "plans.yaml"
PLANS = (1, 10, 100)
VARIATIONS = (1, 4, 16)


def with_plans(data, count):
    """The demo catalog with ``count`` plans: Team and copies of it; no variants."""
    data = copy.deepcopy(data)
    team = next(plan for plan in data["plans"] if plan["id"] == "team")
    plans = [team]
    for k in range(1, count):
        plan = copy.deepcopy(team)
        plan.update(id=f"plan-{k}", name=f"Plan {k}")
        plan.pop("popular", None)
        plan.pop("badge", None)
        plan["price"]["seats"]["tiers"][0]["unit"] = 50 + k
        plans.append(plan)
    data["plans"] = plans
    for book in data.get("price_books", {}).values():  # each copy priced as Team, a little more
        team_price = book["plans"]["team"]
        book["plans"] = {"team": team_price}
        for k in range(1, count):
            copied = book["plans"][f"plan-{k}"] = copy.deepcopy(team_price)
            copied["price"]["seats"]["tiers"][0]["unit"] += k
    for addon in data.get("addons", {}).values():
        if "plans" in addon:
            addon["plans"] = [p for p in addon["plans"] if p == "team"]
    for feature in data["site"]["pricing"].get("comparison", {}).get("features", []):
        # the comparison names only existing plans: each copy reads as Team does
        feature["plans"] = {plan["id"]: feature["plans"]["team"] for plan in plans
                            if "team" in feature["plans"]}
    data.pop("variants", None)
    data.pop("locales", None)
    return data


def with_variations(data, count):
    """The demo catalog with an experiment of ``count`` variations (control first); none for 1."""
    data = copy.deepcopy(data)
    data.pop("locales", None)   # its texts translate the demo's own variations
    if count == 1:
        data.pop("variants", None)
        return data
    variations = [{"key": "control", "name": "Control"}]
    for k in range(1, count):
        variations.append({"key": f"headline-{k}", "name": f"Headline {k}",
                           "description": "A new pricing headline. No price changes.",
                           "patch": {"site": {"pricing": {"headline": f"Pricing headline {k}"}}}})
    data["variants"] = {"experiment": "bench", "variations": variations}
    return data


def one_language(data):
    """The demo without its locales: the site in plans.yaml's own language only."""
    data = copy.deepcopy(data)
    data.pop("locales", None)
    return data


def one_language_site(data, tmp):
    """``(catalog, mkdocs.yml)`` of the demo in one language: no locales: section, and its
    pages without the locales' folders (a copy of the docs; the rest is the demo's)."""
    catalog = tmp / "one-language.yaml"
    catalog.write_text(yaml.safe_dump(one_language(data), sort_keys=False, allow_unicode=True),
                       encoding="utf-8")
    docs = tmp / "one-language-docs"
    codes = [locale["code"] for locale in data.get("locales") or ()]
    shutil.copytree(ROOT / "site_src" / "docs", docs, ignore=lambda folder, names: [
        name for name in names if Path(folder) == ROOT / "site_src" / "docs" and name in codes])
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    mkdocs_yml = ROOT / f".bench-one-language-{os.getpid()}.yml"   # beside the original
    mkdocs_yml.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return catalog, mkdocs_yml


def locale_times(data, tmp, repeat):
    """``(two languages, one language)``, medians of builds made in turn (ours, then the
    baseline), so that both see the machine alike."""
    catalog, mkdocs_yml = one_language_site(data, tmp)
    both, one = [], []
    try:
        for _ in range(repeat):
            both.append(timed_build(DEMO, tmp / "two-languages"))
            one.append(timed_build(catalog, tmp / "one-language", config_file=mkdocs_yml))
    finally:
        mkdocs_yml.unlink()
    return statistics.median(both), statistics.median(one)


def timed_build(catalog, out, **options):
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        status = build_site(str(catalog), out=str(out), **options)
        elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{catalog}: the build failed ({status})")
    return elapsed


def _timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def median_time(catalog, out, repeat, **options):
    return statistics.median(timed_build(catalog, out, **options) for _ in range(repeat))


def main(repeat):
    data = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        timed_build(DEMO, tmp / "warm-up")   # fills the wheel and stdlib caches
        demo = median_time(DEMO, tmp / "demo", repeat)
        precompress = statistics.median(_timed(precompress_site, tmp / "demo")
                                        for _ in range(repeat))
        demo_all = median_time(DEMO, tmp / "demo-all", repeat, all_variants=True)
        both, one = locale_times(data, tmp, repeat)
        variation_count = len(data["variants"]["variations"])
        print(f"build time, median of {repeat}, {os.cpu_count()} cores")
        print(f"  demo site:                 {demo:6.2f} s, of which .gz/.br siblings "
              f"{precompress:.2f} s ({precompress / demo:.0%})")
        print(f"  demo, all {variation_count} variants:      {demo_all:6.2f} s "
              f"({demo_all / demo:.2f}x one build)")
        print(f"  demo in 2 languages:       {both:6.2f} s, 1 language {one:.2f} s "
              f"({both / one:.2f}x; target < 2.2x)")
        for label, sizes, make, options in (
                ("plans", PLANS, with_plans, {}),
                ("variations", VARIATIONS, with_variations, {"all_variants": True})):
            times = {}
            for size in sizes:
                catalog = tmp / f"{label}-{size}.yaml"
                catalog.write_text(yaml.safe_dump(make(data, size), sort_keys=False),
                                   encoding="utf-8")
                times[size] = median_time(catalog, tmp / f"out-{label}-{size}", repeat,
                                          **(options if size > 1 else {}))
            base = times[sizes[0]]
            print(f"  by {label}: " + ", ".join(
                f"{size}: {seconds:.2f} s ({seconds / base:.2f}x)" for size, seconds in times.items()))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
