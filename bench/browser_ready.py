"""Calculator start-up in Debian's Chromium: how long until ``pricingCalculator.ready``.

Serves a test site (the bundle from plans.yaml) over a local HTTP server with two pages on the
same runtime files: ``pricing/`` as built (the precompiled stdlib zip as ``stdLibURL``) and
``stock/`` (the same config without ``stdlib``: stock ``loadPyodide``, the baseline). Loads
each RUNS times in a fresh browser context (cold: nothing cached; the two alternate, so load on
the machine hits both alike), then RUNS reloads each in one context (warm: HTTP cache and
Chromium's compiled-wasm cache may help). Prints medians of the time from navigation to ready
and of the worker's own laps (Pyodide loaded, engine imported and catalog loaded, warm-up quote
answered, counted from the worker's start), and the ratio stock / precompiled.
Run: .venv/bin/python bench/browser_ready.py [RUNS]
"""

import html
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from pricing_site.catalog_file import load_catalog_file  # noqa: E402
from tests.support.calculator_page import PAGE, write_test_site  # noqa: E402
from tests.support.chromium import launch  # noqa: E402
from tests.support.http_server import StaticServer  # noqa: E402


VARIANTS = {"stock": "stock loadPyodide()", "pricing": "precompiled stdlib (stdLibURL)"}


def ready(page, variant):
    info = page.evaluate("window.pricingCalculator.ready")
    expected = "precompiled" if variant == "pricing" else "stock"
    assert info["stdlib"] == expected, f"{variant}: the worker used the {info['stdlib']} stdlib"
    return {"navigation→ready": info["at"], **{f"worker {k}": v for k, v in info["timings"].items()}}


def medians(rows):
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def show(title, rows):
    print(f"  {title} (median of {len(rows)}):")
    for key, value in medians(rows).items():
        print(f"    {key:<22} {value:7.0f} ms")


def write_stock_page(site_dir, urls):
    """``stock/index.html``: the test page without the precompiled stdlib (the baseline)."""
    config = {k: v for k, v in urls.items() if k not in ("client", "stdlib")}
    page = Path(site_dir) / "stock" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(config=json.dumps(config), client=html.escape(urls["client"])),
                    encoding="utf-8")


def main(runs):
    with tempfile.TemporaryDirectory() as tmp:
        urls = write_test_site(tmp, load_catalog_file(ROOT / "plans.yaml"))
        if "stdlib" not in urls:
            sys.exit("no precompiled stdlib was built (is node installed?)")
        write_stock_page(tmp, urls)
        with StaticServer(Path(tmp)) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            cold = {variant: [] for variant in VARIANTS}
            for _ in range(runs):
                for variant in VARIANTS:
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(f"{server.url}{variant}/")
                    cold[variant].append(ready(page, variant))
                    context.close()
            warm = {variant: [] for variant in VARIANTS}
            for variant in VARIANTS:
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{server.url}{variant}/")
                ready(page, variant)
                for _ in range(runs):
                    page.reload()
                    warm[variant].append(ready(page, variant))
                context.close()
            print(f"calculator ready in Chromium {browser.version}, {runs} runs each")
            for title, rows in (("cold: new context each run", cold),
                                ("warm: reload in the same context", warm)):
                for variant, name in VARIANTS.items():
                    show(f"{title} · {name}", rows[variant])
                key = "navigation→ready"
                stock, ours = (statistics.median(r[key] for r in rows[v]) for v in VARIANTS)
                print(f"  {title}: ready {stock:.0f} ms stock vs {ours:.0f} ms precompiled, "
                      f"{stock / ours:.2f}x sooner")
            browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
