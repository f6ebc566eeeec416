"""What speaking a locale costs the engine: the worker's calls with the stock engine (the
commit before locales, from git), ours in English and ours in German, alternating call by
call in one process, in CPython and in Pyodide (Node); and the bytes a German catalog.json
carries.

Both engines are the package ``calculator``: each round imports one, times its calls, and
forgets it, then the next, so the machine's swings hit the three alike; a figure is the median
over the rounds, the stock engine the baseline.
Run: .venv/bin/python bench/locale_cost.py [ROUNDS] (bench/locale_cost.mjs is its Pyodide half)
"""

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOCK = "8cc0aa9"  # main before the engine spoke a locale
REQUEST = {"plan": "business", "seats": 12, "usage": {"api_calls": 250000}, "currency": "EUR"}
CALLS = {  # name: (browser function, payload, calls per timing)
    "quote_json": ("quote_json", REQUEST, 100),
    "curve_json (API calls, 100 points)": (
        "curve_json", {"request": REQUEST, "metric": "api_calls", "points": 100}, 3),
    "forecast_json (12 months)": (
        "forecast_json", {"request": REQUEST, "growth": {"seats": "0.08"}, "months": 12}, 2),
}


def one_round(engines):
    """``{variant: {call: µs}}``: each of ``engines`` ({variant: (folder holding calculator/,
    catalog.json text)}) imported afresh, its calls timed, then forgotten."""
    out = {}
    for variant, (folder, catalog_text) in engines.items():
        sys.path.insert(0, folder)
        try:
            from calculator import browser, load_catalog
            catalog = load_catalog(json.loads(catalog_text))
            out[variant] = {}
            for call, (name, payload, number) in CALLS.items():
                function, text = getattr(browser, name), json.dumps(payload)
                function(catalog, text)  # warm
                seconds = min(timeit.repeat(lambda: function(catalog, text), number=number,
                                            repeat=3))
                out[variant][call] = seconds / number * 1e6
        finally:
            sys.path.remove(folder)
            for module in [m for m in sys.modules if m.split(".")[0] == "calculator"]:
                del sys.modules[module]
    return out


def measure(engines, rounds):
    runs = [one_round(engines) for _ in range(rounds)]
    return {variant: {call: statistics.median(r[variant][call] for r in runs) for call in CALLS}
            for variant in engines}


def table(figures):
    variants = list(figures)
    lines = ["| call | " + " | ".join(variants) + " |", "|---" * (len(variants) + 1) + "|"]
    for call in CALLS:
        base = figures[variants[0]][call]
        cells = [f"{figures[v][call]:,.0f} µs" + ("" if v == variants[0] else
                                                   f" ({figures[v][call] / base:.2f}x)")
                 for v in variants]
        lines.append(f"| {call} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(rounds=9):
    sys.path.insert(0, str(ROOT))
    from pricing_site.catalog import load_catalog_file
    from pricing_site.locales import locale_block
    sys.path.remove(str(ROOT))
    for module in [m for m in sys.modules if m.split(".")[0] == "calculator"]:
        del sys.modules[module]
    demo = load_catalog_file(ROOT / "plans.yaml")
    german = demo.with_locale(locale_block("de", demo.currencies))
    english_text = json.dumps(demo.to_dict())
    german_text = json.dumps(german.to_dict(), ensure_ascii=False)
    with tempfile.TemporaryDirectory() as tmp:
        stock = Path(tmp) / "stock"
        stock.mkdir()
        archive = subprocess.run(["git", "archive", STOCK, "calculator"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(stock)], input=archive, check=True)
        engines = {"stock": (str(stock), english_text), "ours, English": (str(ROOT), english_text),
                   "ours, German": (str(ROOT), german_text)}
        print(f"CPython {sys.version.split()[0]}, {rounds} rounds, medians:")
        print(table(measure(engines, rounds)))
        if shutil.which("node"):
            spec = json.dumps({"rounds": rounds, "engines": {
                v: {"folder": folder, "catalog": text} for v, (folder, text) in engines.items()}})
            run = subprocess.run(["node", str(ROOT / "bench" / "locale_cost.mjs")], input=spec,
                                 capture_output=True, text=True, cwd=ROOT, check=False)
            if run.returncode:
                print("Pyodide: failed:", run.stderr.strip().splitlines()[-1:])
            else:
                print("Pyodide (Node), medians:")
                print(table(json.loads(run.stdout.strip().splitlines()[-1])))
    block = german.locale.to_dict()
    formats = {k: v for k, v in block.items() if k not in ("messages", "plurals")}
    for label, data in (("German block, formats only", formats), ("German block, whole", block),
                        ("catalog.json, English", demo.to_dict()),
                        ("catalog.json, German", german.to_dict())):
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        print(f"{label}: {len(raw):,} bytes, {len(gzip.compress(raw, 9)):,} gzip")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
