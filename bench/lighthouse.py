"""Lighthouse's default mobile run on the built demo, on a plain local server.

Builds the demo site (plans.yaml) from this tree into a temporary folder and serves it over
localhost as a plain static server does (tests/support/http_server.py: no compression, no
header rules); ``--site NAME=DIR`` adds an already built site (e.g. the previous commit's
build) served the same way, as a baseline. Then RUNS times, sites alternating so the machine's
load hits them alike, each page (landing, pricing) through Lighthouse 12.2.3 (bench/lighthouse/,
``npm ci --prefix bench/lighthouse``) with Debian's Chromium headless: its default mobile run
(simulated slow 4G and a 4x slower CPU, a phone's screen), the performance category only, less
the text-compression audit (no weight in the score; it made runs time out on a busy machine).

Prints, per page and site, the median and range of the performance score, LCP, TBT, FCP, Speed
Index, CLS and the bytes Lighthouse counts, then what it blames in the run with the median
score: the observed paints (ms in the unthrottled run it simulates from), when the first
runtime request started against them (a runtime byte requested before the largest paint goes
into the simulated LCP's path), the runtime's share of the payload and the longest main-thread
tasks. Then one visit per page and site in Chromium with Lighthouse's phone screen, to name the
largest-paint elements (Lighthouse 12.2.3 fails to name it from this Chromium's trace).

Run: .venv/bin/python bench/lighthouse.py [RUNS] [--site NAME=DIR ...]   (RUNS default 3)
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pricing_site.build.site import build_site
from tests.support.chromium import ARGS, CHROMIUM
from tests.support.http_server import StaticServer

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"landing": "", "pricing": "pricing/"}
# The calculator's runtime: what a first visit downloads for Python (the page's scripts aside).
RUNTIME = ("/assets/pyodide/", "/assets/calculator/")
METRICS = {  # audit id: (column, unit divisor, format)
    "largest-contentful-paint": ("LCP s", 1000, "{:.2f}"),
    "total-blocking-time": ("TBT ms", 1, "{:.0f}"),
    "first-contentful-paint": ("FCP s", 1000, "{:.2f}"),
    "speed-index": ("SI s", 1000, "{:.2f}"),
    "cumulative-layout-shift": ("CLS", 1, "{:.3f}"),
    "total-byte-weight": ("MB", 1e6, "{:.2f}"),
}
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True, "has_touch": True}

# Before any page script: every largest-contentful-paint candidate, and when the page starts
# the calculator's worker.
PROBE = """
window.__lcp = []; window.__worker = null;
const PageWorker = window.Worker;
window.Worker = function (url, options) {
  if (String(url).includes("calculator/worker.js")) window.__worker ??= performance.now();
  return new PageWorker(url, options);
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const el = e.element;
    const name = el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") : "?";
    window.__lcp.push({ at: Math.round(e.startTime), size: e.size, element: name,
                        text: (el?.textContent || e.url || "").trim().slice(0, 40) });
  }
}).observe({ type: "largest-contentful-paint", buffered: true });
"""


# Diagnostics without weight in the score whose gatherer reads every response's body again:
# on a busy machine reading the runtime's megabytes back over DevTools times out the whole run.
SKIPPED = ("uses-text-compression",)
FAILED = []  # (url, what Lighthouse said) of each run that ended in an error and was repeated


def lighthouse(url, out, tries=3):
    """One default mobile Lighthouse run of ``url`` (performance only); its JSON report. On a
    busy machine Lighthouse sometimes gives up waiting for Chromium: such a run is repeated."""
    flags = " ".join(["--headless=new", *ARGS])
    for _ in range(tries):
        done = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--only-categories=performance",
                               f"--skip-audits={','.join(SKIPPED)}",
                               "--output=json", f"--output-path={out}", f"--chrome-flags={flags}"],
                              env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300,
                              capture_output=True, text=True)
        if done.returncode == 0:
            return json.loads(Path(out).read_text(encoding="utf-8"))
        FAILED.append((url, done.stderr.strip().splitlines()[-1:]))
    sys.exit(f"Lighthouse failed {tries} times on {url}: {FAILED[-1][1]}")


def summary(report, origin):
    """The figures of one report, and what Lighthouse blames."""
    audits = report["audits"]
    row = {"score": report["categories"]["performance"]["score"] * 100}
    for audit, (column, scale, _) in METRICS.items():
        row[column] = audits[audit]["numericValue"] / scale
    observed = audits["metrics"]["details"]["items"][0]
    requests = audits["network-requests"]["details"]["items"]
    runtime = [r for r in requests if r["url"].startswith(tuple(origin + p for p in RUNTIME))]
    tasks = sorted(audits["long-tasks"]["details"]["items"], key=lambda t: -t["duration"])
    lcp = observed["observedLargestContentfulPaint"]
    row["blame"] = {
        "observed FCP": observed["observedFirstContentfulPaint"],
        "observed LCP": lcp,
        # what the simulated LCP downloads: every request done before the observed paint
        "kB done before LCP": round(sum(r["transferSize"] for r in requests  # (unfinished: none)
                                        if r.get("networkEndTime", lcp + 1) <= lcp) / 1e3),
        "observed load": observed["observedLoad"],
        "first runtime request": min((r["networkRequestTime"] for r in runtime), default=None),
        "runtime MB": sum(r["transferSize"] for r in runtime) / 1e6,
        "long tasks": [(t["url"].replace(origin, "")[-40:], round(t["duration"]))
                       for t in tasks[:4]],
    }
    return row


def lcp_candidates(browser, url):
    """The largest-paint candidates of one visit with Lighthouse's phone screen, and when the
    worker started (ms), the page idle 3 s after load."""
    context = browser.new_context(**PHONE)
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(3000)
    found = page.evaluate("({ lcp: window.__lcp, worker: window.__worker })")
    context.close()
    return found


def fmt_range(values, form):
    values = sorted(values)
    return f"{form.format(statistics.median(values))} ({form.format(values[0])}-" \
           f"{form.format(values[-1])})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="?", type=int, default=3)
    parser.add_argument("--site", action="append", default=[], metavar="NAME=DIR",
                        help="an already built site to measure as well (a baseline)")
    parser.add_argument("--page", action="append", choices=sorted(PAGES),
                        help="only these pages (default: all)")
    parser.add_argument("--no-build", action="store_true",
                        help="measure only the --site folders, not a build of this tree")
    args = parser.parse_args()
    pages = {name: path for name, path in PAGES.items() if name in (args.page or PAGES)}
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: npm ci --prefix bench/lighthouse")
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for item in args.site:
            name, _, folder = item.partition("=")
            sites[name] = Path(folder).resolve()
        if "this tree" not in sites and not args.no_build:
            built = Path(tmp) / "site"
            if build_site(str(ROOT / "plans.yaml"), out=str(built)) != 0:
                sys.exit("the demo site did not build")
            sites["this tree"] = built
        servers = {name: StaticServer(folder).__enter__() for name, folder in sites.items()}
        print(f"load average at the start: {os.getloadavg()[0]:.1f}")
        rows = {(page, name): [] for page in pages for name in sites}
        try:
            for run in range(args.runs):
                for page, path in pages.items():
                    for name, server in servers.items():
                        report = lighthouse(server.url + path, Path(tmp) / "report.json")
                        rows[page, name].append(summary(report, server.url.rstrip("/")))
            from playwright.sync_api import sync_playwright
            from tests.support.chromium import launch
            with sync_playwright() as playwright:
                browser = launch(playwright)
                paints = {(page, name): lcp_candidates(browser, server.url + path)
                          for page, path in pages.items() for name, server in servers.items()}
                version = browser.version
                browser.close()
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}; runs repeated after a "
          f"Lighthouse error: {len(FAILED)}")
    print(f"Lighthouse 12.2.3, default mobile run, Chromium {version}, plain localhost server, "
          f"{args.runs} runs each: median (min-max)")
    columns = ["score", *(column for column, _, _ in METRICS.values())]
    forms = {"score": "{:.0f}", **{column: form for column, _, form in METRICS.values()}}
    print("| page | site | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for (page, name), runs in rows.items():
        cells = [fmt_range([r[c] for r in runs], forms[c]) for c in columns]
        print(f"| {page} | {name} | " + " | ".join(cells) + " |")
    for (page, name), runs in rows.items():
        ordered = sorted(runs, key=lambda r: r["score"])
        print(f"{page}, {name}: each run's blame (observed ms, unthrottled)")
        for row in ordered:
            print(f"  score {row['score']:.0f}, LCP {row['LCP s']:.2f} s, TBT {row['TBT ms']:.0f} ms: " + "; ".join(f"{k} {v if not isinstance(v, float) else round(v, 1)}"
                                                            for k, v in row["blame"].items()))
        found = paints[page, name]
        print(f"  in Chromium (phone screen): worker started at {found['worker']}; "
              f"largest-paint candidates: {found['lcp']}")


if __name__ == "__main__":
    main()
