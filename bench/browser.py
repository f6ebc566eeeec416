"""The site in Debian's headless Chromium: paint, price, calculator start-up, input latency, bytes.

Builds the demo site (plans.yaml) into a temporary folder, adds ``stock/``: a bare page that
starts the same worker on the runtime files as npm ships them, without the memory snapshot and
the precompiled stdlib (stock ``loadPyodide``, the baseline), and serves both over localhost
(tests/support/http_server.py, no HTTP compression, with the headers the build's ``_headers``
gives each path, as Netlify or Cloudflare Pages would: immutable caching of the
content-addressed runtime, stdlib and snapshot). Then, RUNS times each:

- cold (a new browser context per visit: a first visit, whose Python boots from the
  precompiled stdlib; bench/first_visit.py times it over an emulated link) and warm (reloads
  in one context per page, from the snapshot the first visit kept), pricing
  and stock alternating so load on the machine hits both alike: first contentful paint of the
  pricing page (PerformanceObserver 'paint'); the time a price is visible (the prerendered
  ``[data-testid=calculator-total]`` has text, and a frame has been painted: max of the two);
  ``pricingCalculator.ready`` (navigation → Python answered a warm-up quote) on both pages,
  when the page started the worker, and the worker's own laps (ms from its start);
- warm again, in a browser profile on disk (a persistent context, as a returning visitor's
  browser: its HTTP cache on disk and V8's code caches for scripts and wasm, which the
  in-memory contexts above never keep), both pages, after settling visits that stay
  PROFILE_DWELL ms each (the wasm code cache is written seconds after tier-up); and once more
  in another profile, served as a host serving the build's ``.br`` siblings does (Chromium
  then decodes the snapshot, the wasm and the zip at every warm start);
- warm, in both kinds of context: input-to-DOM latency over EDITS edits of the seats field,
  then of a usage field (which makes Python compute new curves for the chart each time),
  measured in the page from dispatching the ``input`` event to the MutationObserver seeing the
  new total and the redrawn chart (p50 and p95 per run), each edit dispatched once the frame
  showing the one before has been drawn (keys and a dragged slider bring at most one a frame):
  at once when the calculator is live, and on another reload READING ms after it (a visitor
  reads first; the worker warms Python up meanwhile); and, as a stress figure, back to back on
  a third reload at once (each edit right after the one before reached the DOM, before the
  browser drew it: faster than any input device, so each waits for the drawing of the last);
- cold, once: bytes the landing and the pricing page fetch (every request the server saw until
  the page is idle or the calculator ready): raw, and as sent compressed by a host serving the
  build's precompressed ``.br``/``.gz`` siblings (the raw size when a file has none), and
  whether the landing page fetched any Pyodide file.

With ``--baseline DIR`` (an earlier build of the site, e.g. the previous commit's), that
site's pricing page is served under ``baseline/`` and measured alongside in every timed loop,
alternating with ours and stock: a change's figures against the code before it, in the same run.

Prints medians and the ratio stock / ours. Run: .venv/bin/python bench/browser.py [RUNS]
[--baseline DIR]
"""

import collections
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright

from pricing_site.runtime.bundle import JS_FILES
from pricing_site.runtime.pyodide import NODE_PYODIDE, RUNTIME_FILES, pyodide_version
from pricing_site.build.site import build_site
from pricing_site.build.precompress import precompress_site
from pricing_site.build.assets import asset_url
from tests.support.calculator_page import PAGE
from tests.support.chromium import launch, launch_profile
from tests.support.http_server import StaticServer

EDITS = 100
PROFILE_DWELL = 5000  # ms on the page after each settling visit in the profile on disk
READING = 3000  # ms a visitor reads the live page before typing, in the second edit loops
# What is typed: 11..110 seats on the graduated Team plan (a new total each time; the chart's
# seat curves stay, only its marker moves), then 60..159 GB of storage on it (over the 50 GB
# included: a new total, and new seat curves computed by Python for the chart each time).
EDIT_KINDS = {"seat edits": ("calc-seats", 11), "storage edits": ("calc-usage-storage_gb", 60)}
PYODIDE_PATHS = ("/assets/pyodide/", "/assets/calculator/stdlib/", "/assets/calculator/engine/",
                 "/assets/calculator/snapshot/",
                 *("/" + asset_url(f"calculator/{name}") for name in JS_FILES if name != "client.js"))

# Before any page script: record the first contentful paint and when the prerendered total
# first has text.
PROBE = """
window.__bench = { fcp: null, price: null, worker: null };
const PageWorker = window.Worker;  // when the page starts the calculator's worker
window.Worker = function (url, options) {
  if (String(url).includes("calculator/worker.js")) window.__bench.worker ??= performance.now();
  return new PageWorker(url, options);
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.name === "first-contentful-paint") window.__bench.fcp = entry.startTime;
}).observe({ type: "paint", buffered: true });
const priced = () => document.querySelector("[data-testid=calculator-total]")?.textContent.trim();
const watch = new MutationObserver(() => {
  if (priced()) { window.__bench.price = performance.now(); watch.disconnect(); }
});
watch.observe(document, { childList: true, subtree: true, characterData: true });
"""

# Both pages' workers warm Python up for a second or so after ready (warm-up.js), and fetch what
# the next visit starts from (next-visit.js: after a first visit, the snapshot and the wasm).
WARMED = "Promise.all([window.pricingCalculator.warmed, window.pricingCalculator.nextVisit])"

# In the page, once live: `edits` edits of one field (values first, first + 1, ...), one at a
# time, each after the frame showing the one before was drawn (`perFrame`), or at once; each
# one's time from dispatching `input` to the DOM holding the new total and the redrawn chart.
PACES = {"one a frame": True, "back to back": False}
EDIT_LOOP = """async ([testid, first, edits, perFrame]) => {
  const field = document.querySelector(`[data-testid=${testid}]`);
  const total = document.querySelector("[data-testid=calculator-total]");
  const chart = document.querySelector("[data-testid=calculator-chart] svg");
  const times = [];
  const drawn = () => new Promise((resolve, reject) => { // a tab not drawn fails, not hangs
    const timer = setTimeout(() => reject(new Error("no frame drawn in 2 s: a tab behind?")), 2000);
    requestAnimationFrame(() => { clearTimeout(timer); setTimeout(resolve); });
  });
  for (let i = 0; i < edits; i++) {
    if (perFrame) await drawn();
    const before = total.textContent;
    times.push(await new Promise((resolve) => {
      let t0, totalAt = null, chartAt = null;
      const finish = (value) => { observer.disconnect(); clearTimeout(timer); resolve(value); };
      const observer = new MutationObserver((records) => {
        const now = performance.now();
        for (const record of records) {
          if (total.contains(record.target) && total.textContent !== before) totalAt ??= now;
          if (chart.contains(record.target)) chartAt ??= now;
        }
        if (totalAt !== null && chartAt !== null) finish(Math.max(totalAt, chartAt) - t0);
      });
      observer.observe(total, { childList: true, subtree: true, characterData: true });
      observer.observe(chart, { childList: true, subtree: true, attributes: true });
      const timer = setTimeout(() => finish(null), 10000);
      field.value = String(first + i);
      t0 = performance.now();
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }));
  }
  return times;
}"""


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def write_stock_page(site):
    """``stock/index.html``: the built pricing page's calculator config without ``stdlib``,
    ``snapshot`` and ``wasm`` (the worker fetches and compiles it, as Pyodide does), on the
    runtime files as npm ships them (the site serves a lean
    ``pyodide.asm.wasm``), served under ``assets/pyodide/`` as the site's are (same headers)."""
    text = (site / "pricing" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'id="calculator-config">(.*?)</script>', text, re.DOTALL).group(1)
    config = {k: v for k, v in json.loads(block).items()
              if k not in ("stdlib", "snapshot", "wasm")}
    config["pyodide"] = f"assets/pyodide/npm-{pyodide_version()}/"
    (site / config["pyodide"]).mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(NODE_PYODIDE / name, site / config["pyodide"] / name)
    precompress_site(site / config["pyodide"])  # .br/.gz siblings, as the site's runtime has
    page = site / "stock" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(config=json.dumps(config), client=asset_url("calculator/client.js")),
                    encoding="utf-8")


def visit(page, url, load=None):
    """Open (or reload, ``load=page.reload``) and return the page's timings in ms."""
    (load or (lambda: page.goto(url)))()
    info = page.evaluate("window.pricingCalculator.ready")
    page.wait_for_function("window.__bench.fcp !== null")
    bench = page.evaluate("window.__bench")
    row = {"fcp": bench["fcp"], "worker started": bench["worker"], "ready": info["at"],
           "stdlib": info["stdlib"], "start": info["timings"].get("start"),
           "wasm": info["timings"].get("wasm")}
    row.update({f"worker: {lap}": ms for lap, ms in info["timings"].items()
                if lap not in ("start", "wasm")})
    if bench["price"] is not None:
        row["price visible"] = max(bench["price"], bench["fcp"])
    return row


def copy_baseline(site, baseline):
    """An earlier build served under ``baseline/`` (its URLs are relative: it works there)."""
    shutil.copytree(baseline, site / "baseline")


def check(row, variant, first=False):
    """``row`` without what it says of the way Python started, which must be the expected one
    (``first``: a first visit, whose Python boots from the precompiled stdlib)."""
    expected = "stock" if variant == "stock" else "precompiled"
    assert row.pop("stdlib") == expected, f"{variant}: the worker did not use the {expected} stdlib"
    start = "stock" if variant == "stock" else "precompiled" if first else "snapshot"
    assert row.pop("start") == start, f"{variant}: the worker did not start from the {start}"
    wasm = row.pop("wasm")
    # stock: Pyodide fetches and compiles it; ours: the page compiles it when the browser holds
    # it (a returning visitor), else the worker does
    assert wasm is None or (variant != "stock" and wasm == "page"), f"{variant}: wasm {wasm}"
    row["page compiled the wasm"] = int(wasm == "page")
    return row


def served_bytes(site, paths):
    """(raw, brotli, gzip) bytes for the requested paths, as files of the build."""
    totals = [0, 0, 0]
    for path in paths:
        name = urlsplit(path).path.lstrip("/")
        file = site / (name + "index.html" if name.endswith("/") or not name else name)
        if not file.is_file():
            continue
        raw = file.stat().st_size
        for i, suffix in enumerate(("", ".br", ".gz")):
            sibling = file.with_name(file.name + suffix)
            totals[i] += sibling.stat().st_size if sibling.is_file() else raw
    return totals


def page_bytes(browser, server, site, path, wait):
    context = browser.new_context()
    page = context.new_page()
    seen = len(server.requests)
    page.goto(server.url + path)
    wait(page)
    paths = server.requests[seen:]
    context.close()
    return paths, served_bytes(site, paths)


def median_row(rows):
    """Medians of the keys every row has."""
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]
            if all(key in row for row in rows)}


def warm_runs(contexts, server, pages, runs, latency=None, dwell=0, mode=""):
    """Reloads of each page in its own tab, alternating, after two reloads to settle the caches
    (a profile on disk keeps V8 code caches only from a script's second or third load), each
    followed by ``dwell`` ms on the page (Chromium writes a wasm code cache only some seconds
    after enough of the module has tiered up: a returning visitor's earlier visit lasted);
    with ``latency``, the edit loops on the pricing tab after each reload (``mode`` names the
    context in their keys). Each tab is left
    only once its worker's warming is over (WARMED), so that it never runs beside the other
    page's start."""
    rows = {variant: [] for variant in pages}
    tabs = {}
    for context, (variant, path) in zip(contexts, pages.items()):
        tabs[variant] = context.new_page()
        tabs[variant].add_init_script(PROBE)
        visit(tabs[variant], server.url + path)
        tabs[variant].evaluate(WARMED)  # a first visit: the next one's snapshot is kept by now
        for _ in range(2):
            visit(tabs[variant], None, load=tabs[variant].reload)
            tabs[variant].wait_for_timeout(dwell)
        tabs[variant].evaluate(WARMED)
    for _ in range(runs):
        for variant, page in tabs.items():  # alternating, as cold
            page.bring_to_front()  # a visitor's tab (a tab behind may be drawn once a second)
            rows[variant].append(check(visit(page, None, load=page.reload), variant))
            if variant == "pricing" and latency is not None:
                edit_loops(page, latency, (mode, "at once"))
                visit(page, None, load=page.reload)  # a fresh start again, not timed
                edit_loops(page, latency, (mode, "at once"), pace="back to back")
                visit(page, None, load=page.reload)
                edit_loops(page, latency, (mode, f"after {READING / 1000:.0f} s"), READING)
            page.evaluate(WARMED)
    for page in tabs.values():
        page.close()
    return rows


def edit_loops(page, latency, mode_when, pause=0, pace="one a frame"):
    """The edit loops of EDIT_KINDS on a page just reloaded, once the calculator is live and
    ``pause`` ms later (a visitor reads before typing; the worker warms up meanwhile), at a
    pace of PACES, into ``latency[kind, mode, when, pace]``."""
    page.wait_for_function("() => document.querySelector('[data-testid=calculator-status]')"
                           ".dataset.state === 'live'")
    page.wait_for_timeout(pause)
    for kind, (testid, first) in EDIT_KINDS.items():
        latency[(kind, *mode_when, pace)].append(
            page.evaluate(EDIT_LOOP, [testid, first, EDITS, PACES[pace]]))


def main(runs, baseline=None):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if build_site(str(ROOT / "plans.yaml"), out=str(site)) != 0:
            sys.exit("the demo site did not build")
        write_stock_page(site)
        pages = {"pricing": "pricing/", "stock": "stock/"}
        if baseline:
            copy_baseline(site, baseline)
            pages["baseline"] = "baseline/pricing/"
        with StaticServer(site, host_rules=True) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            cold = {variant: [] for variant in pages}
            for _ in range(runs):
                for variant, path in pages.items():
                    context = browser.new_context()
                    context.add_init_script(PROBE)
                    page = context.new_page()
                    cold[variant].append(check(visit(page, server.url + path), variant, first=True))
                    context.close()
            # warm in a fresh context (in memory, like a private window: no code caches), then
            # in a browser profile on disk, as a returning visitor's browser keeps it
            latency = collections.defaultdict(list)  # (kind, context, when, pace) -> [[ms]]
            contexts = [browser.new_context() for _ in pages]
            warm = warm_runs(contexts, server, pages, runs, latency, mode="in memory")
            for context in contexts:
                context.close()
            profile = launch_profile(playwright, Path(tmp) / "profile")
            on_disk = warm_runs([profile] * len(pages), server, pages, runs, latency,
                                dwell=PROFILE_DWELL, mode="profile on disk")
            profile.close()
            # the same, served as a host serving the build's .br siblings does: a warm start
            # then decodes what it reads from the cache (the snapshot, the wasm, the zip)
            with StaticServer(site, host_rules=True, precompressed=True) as packed:
                profile = launch_profile(playwright, Path(tmp) / "profile-br")
                on_disk_br = warm_runs([profile] * len(pages), packed, pages, runs,
                                       dwell=PROFILE_DWELL)
                profile.close()
                encoded = {path.split("?")[0].rsplit("/", 1)[-1] for path, _ in packed.encodings}
            landing_paths, landing = page_bytes(browser, server, site, "",
                                                lambda p: p.wait_for_timeout(3000))
            _, pricing = page_bytes(browser, server, site, "pricing/",
                                    lambda p: p.evaluate("window.pricingCalculator.ready"))
            version = browser.version
            browser.close()

    print(f"Chromium {version}, localhost, {runs} runs each; ms from navigation, medians")
    for title, rows in (("cold (new context each run)", cold), ("warm (reload, same context)", warm),
                        ("warm, browser profile on disk (reload)", on_disk),
                        ("warm, profile on disk, served brotli-compressed", on_disk_br)):
        ours, stock = median_row(rows["pricing"]), median_row(rows["stock"])
        before = median_row(rows["baseline"]) if "baseline" in rows else None
        print(f"  {title}:")
        print(f"    pricing page: first contentful paint {ours['fcp']:6.0f}   "
              f"price visible {ours['price visible']:6.0f}")
        print(f"    calculator ready: {ours['ready']:6.0f} ours vs {stock['ready']:6.0f} "
              f"stock loadPyodide: {stock['ready'] / ours['ready']:.2f}x sooner "
              f"(stock page FCP {stock['fcp']:.0f})")
        if before:
            paired = statistics.median(a["ready"] - b["ready"] for a, b in
                                       zip(rows["pricing"], rows["baseline"]))
            print(f"    baseline: ready {before['ready']:6.0f} ({stock['ready'] / before['ready']:.2f}x "
                  f"stock), FCP {before['fcp']:.0f}; ours - baseline, paired median {paired:+.0f}")
        for name, row in (("ours", ours), ("baseline", before), ("stock", stock)):
            if row is None:
                continue
            laps = ", ".join(f"{key[8:]} {value:.0f}" for key, value in row.items()
                             if key.startswith("worker: "))
            compiled = sum(r["page compiled the wasm"] for r in rows[{"ours": "pricing"}.get(name, name)])
            print(f"    {name}: worker started {row['worker started']:.0f}; worker laps: {laps}; "
                  f"the page compiled the wasm in {compiled} of {len(rows['stock'])} runs")
    big = sorted(name for name in encoded if name.endswith((".wasm", ".bin", ".zip")))
    print(f"  (served brotli-compressed: {len(encoded)} files, among them {', '.join(big)})")
    for (kind, mode, when, pace), runs_of_kind in latency.items():
        missed = sum(value is None for run in runs_of_kind for value in run)
        done = [[v for v in run if v is not None] for run in runs_of_kind]
        p50 = statistics.median(percentile(run, 50) for run in done)
        p95 = statistics.median(percentile(run, 95) for run in done)
        print(f"  input → DOM (total and chart), {EDITS} {kind} {when}, {pace}, {mode}, "
              f"x {runs} runs: p50 {p50:.1f} ms, p95 {p95:.1f} ms (medians over runs; max "
              f"{max(max(run) for run in done):.1f} ms; {missed} timed out)")
    for name, (raw, br, gz) in (("landing", landing), ("pricing (until ready)", pricing)):
        print(f"  bytes, {name}: {raw / 1e3:8.0f} kB raw, {br / 1e3:7.0f} kB brotli, "
              f"{gz / 1e3:7.0f} kB gzip")
    pyodide = [p for p in landing_paths if p.startswith(PYODIDE_PATHS)]
    print(f"  landing page Pyodide requests: {len(pyodide)} "
          f"({'none' if not pyodide else ', '.join(pyodide)}), of {len(landing_paths)} requests")


if __name__ == "__main__":
    args = sys.argv[1:]
    baseline = None
    if "--baseline" in args:
        at = args.index("--baseline")
        baseline = Path(args[at + 1]).resolve()
        del args[at:at + 2]
    main(int(args[0]) if args else 5, baseline)
