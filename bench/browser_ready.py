"""Calculator start-up in Debian's Chromium: how long until ``pricingCalculator.ready``.

Serves a test site (the bundle from plans.yaml) over a local HTTP server and loads its page
RUNS times in a fresh browser context each (cold: nothing cached), then RUNS reloads in one
context (warm: HTTP cache and Chromium's compiled-wasm cache may help). Prints medians of the
time from navigation to ready, and of the worker's own laps (Pyodide loaded, engine imported
and catalog loaded, warm-up quote answered), counted from the worker's start.
Run: .venv/bin/python bench/browser_ready.py [RUNS]
"""

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from pricing_site.catalog_file import load_catalog_file  # noqa: E402
from tests.support.calculator_page import write_test_site  # noqa: E402
from tests.support.chromium import launch  # noqa: E402
from tests.support.http_server import StaticServer  # noqa: E402


def ready(page):
    info = page.evaluate("window.pricingCalculator.ready")
    return {"navigation→ready": info["at"], **{f"worker {k}": v for k, v in info["timings"].items()}}


def medians(rows):
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def show(title, rows):
    print(f"  {title} (median of {len(rows)}):")
    for key, value in medians(rows).items():
        print(f"    {key:<22} {value:7.0f} ms")


def main(runs):
    with tempfile.TemporaryDirectory() as tmp:
        write_test_site(tmp, load_catalog_file(ROOT / "plans.yaml"))
        with StaticServer(Path(tmp)) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            url = server.url + "pricing/"
            cold = []
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url)
                cold.append(ready(page))
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(url)
            ready(page)
            warm = []
            for _ in range(runs):
                page.reload()
                warm.append(ready(page))
            print(f"calculator ready in Chromium {browser.version} · stock loadPyodide()")
            show("cold: new context each run", cold)
            show("warm: reload in the same context", warm)
            browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
