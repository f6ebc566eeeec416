"""A first visit over a real network: ours against stock ``loadPyodide``, bytes counted at the host.

Builds the demo site and bench/browser.py's stock page (the same worker on the npm runtime
files, loading the same wheel, quoting once), then for each host kind and link, RUNS times,
ours and stock alternating: a fresh browser context (nothing cached, no code caches), the
link emulated by Chromium (CDP ``Network.emulateNetworkConditions``: latency and throughput
both ways, applied to the page and its worker), the pricing page opened and
``pricingCalculator.ready`` awaited. Per visit: ms from navigation to ready, how Python
started, and the body bytes the host wrote for the requests made until then
(tests/support/http_server.py counts them per response).

Host kinds: ``plain`` (never sends a ``.br``/``.gz`` sibling, nor any header of the site's
``_headers``: S3, a bare server, a CDN that does not compress ``.bin``/``.zip``/``.wasm``) and
``compressing`` (sends the build's siblings with Content-Encoding when the browser accepts
them, and the ``_headers`` rules: nginx ``brotli_static``, Caddy ``precompressed``, Netlify).
Until the sixteenth session the plain host sent the ``_headers`` rules too, a pairing no host
makes (the hosts that read ``_headers`` compress); its policy refuses the blob: module a first
visit imports from a plain host (gunzip.js): such a host gets the module by its name, as before.

Then, on the plain host at full speed, the returning visitor (warm, in a browser profile on
disk after settling visits, both pages alternating: bench/browser.py's ``warm_runs``), so the
first visit's path and the warm one are measured in the same run.

Run: .venv/bin/python bench/first_visit.py [RUNS] [--slow] (``--slow`` adds a 1.6 Mbps /
150 ms link, slow 4G, once per page on the plain host: stock takes a minute or more there).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright

from browser import PROBE, median_row, warm_runs, write_stock_page  # noqa: E402
from pricing_site.build.site import build_site  # noqa: E402
from tests.support.chromium import launch, launch_profile  # noqa: E402
from tests.support.http_server import StaticServer  # noqa: E402

# name -> (download Mbit/s, round trip ms); upload a quarter of the download, as on most links
LINKS = {"20 Mbps, 40 ms": (20, 40), "100 Mbps, 20 ms": (100, 20)}
SLOW = {"1.6 Mbps, 150 ms (slow 4G)": (1.6, 150)}
PAGES = {"ours": "pricing/", "stock": "stock/"}
PROFILE_DWELL = 5000
VISIT_LIMIT_MS = 300_000  # slow 4G's stock visit takes one to two minutes


def throttle(context, page, mbps, rtt):
    """Chromium's network emulation on ``page`` (its worker's requests go through it too)."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": rtt,
        "downloadThroughput": mbps * 1e6 / 8, "uploadThroughput": mbps * 1e6 / 32})
    return cdp


def first_visit(browser, server, path, mbps, rtt):
    """One fresh visit: {ready ms, start, bytes until ready, requests until ready}."""
    context = browser.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    throttle(context, page, mbps, rtt)
    seen, start = len(server.requests), time.time()
    page.goto(server.url + path, timeout=600_000)
    # awaited in the page with a bound: a visit that never gets ready is reported, not waited on
    page.evaluate("() => { window.pricingCalculator.ready.then((info) => { window.__ready = info; },"
                  " (err) => { window.__ready = { failed: String(err) }; }); }")
    try:
        page.wait_for_function("() => window.__ready !== undefined", timeout=VISIT_LIMIT_MS,
                               polling=250)
    except PlaywrightTimeout:
        context.close()
        return None
    info = page.evaluate("window.__ready")
    if "failed" in info:
        raise RuntimeError(f"{path}: {info['failed']}")
    ready_at = (page.evaluate("performance.timeOrigin") + info["at"]) / 1000  # the same clock
    # the requests made until ready (what the next visit starts from is asked for after it)
    row = {"ready": info["at"], "bytes": server.sent_between(start, ready_at),
           "requests": len(server.requests) - seen, "start": info["timings"].get("start"),
           "worker started": page.evaluate("window.__bench.worker")}
    context.close()
    time.sleep(0.5)  # the closed context's connections wind down before the next visit
    return row


def run_links(browser, server, links, runs):
    rows = {}
    for link, (mbps, rtt) in links.items():
        for _ in range(runs):
            for variant, path in PAGES.items():
                row = first_visit(browser, server, path, mbps, rtt)
                if row is None:
                    print(f"  ({link}, {variant}: not ready in {VISIT_LIMIT_MS / 1000:.0f} s, "
                          "left out)", file=sys.stderr, flush=True)
                    continue
                rows.setdefault((link, variant), []).append(row)
                print(f"  ({link}, {variant}: ready {row['ready']:.0f} ms, "
                      f"{row['bytes'] / 1e6:.2f} MB)", file=sys.stderr, flush=True)
    return rows


def each(rows):
    return ", ".join(f"{row['ready']:.0f}" for row in rows)


def report(host, rows):
    print(f"  {host} host:")
    for link in dict.fromkeys(key[0] for key in rows):
        ours, stock = rows[(link, "ours")], rows[(link, "stock")]
        o, s = (statistics.median(r["ready"] for r in x) for x in (ours, stock))
        ob, sb = (statistics.median(r["bytes"] for r in x) for x in (ours, stock))
        starts = sorted({r["start"] for r in ours})
        # when each page started its worker (ours waits for its largest paint: start-when.js)
        # (a visit whose page never recorded the start is left out, not counted as 0 ms)
        ow, sw = (statistics.median([r["worker started"] for r in x if r["worker started"] is not None]
                                    or [float("nan")]) for x in (ours, stock))
        print(f"    {link}: ready {o:7.0f} ms ours vs {s:7.0f} stock = {s / o:4.2f}x sooner; "
              f"bytes until ready {ob / 1e6:5.2f} MB vs {sb / 1e6:5.2f} MB "
              f"({len(ours)} runs; ours started {'/'.join(map(str, starts))}; worker started at "
              f"{ow:.0f} ms ours, {sw:.0f} stock; ours each: {each(ours)}; stock each: {each(stock)})")


def main(runs, slow):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if build_site(str(ROOT / "plans.yaml"), out=str(site)) != 0:
            sys.exit("the demo site did not build")
        write_stock_page(site)
        results = {}
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for host, packed in (("plain", False), ("compressing", True)):
                with StaticServer(site, host_rules=packed, precompressed=packed) as server:
                    results[host] = run_links(browser, server, LINKS, runs)
                    if slow and not packed:
                        results[host].update(run_links(browser, server, SLOW, 1))
                    if not packed:
                        paths = server.sent_by_path
            with StaticServer(site, host_rules=True) as server:
                profile = launch_profile(playwright, Path(tmp) / "profile")
                warm = warm_runs([profile] * 2, server, {"pricing": "pricing/", "stock": "stock/"},
                                 runs, dwell=PROFILE_DWELL)
                profile.close()
            version = browser.version
            browser.close()

    print(f"Chromium {version}; first visits: fresh context, emulated link, ms from navigation "
          f"to ready, medians; bytes: response bodies the host wrote until ready")
    for host, rows in results.items():
        report(host, rows)
    ours, stock = median_row(warm["pricing"]), median_row(warm["stock"])
    print(f"  warm, profile on disk, plain host, full speed: ready {ours['ready']:.0f} ms ours vs "
          f"{stock['ready']:.0f} stock = {stock['ready'] / ours['ready']:.2f}x "
          f"({runs} runs; ours each: {each(warm['pricing'])}; stock each: {each(warm['stock'])})")
    big = sorted(paths.items(), key=lambda item: -item[1])[:12]
    print("  plain host, all visits, the biggest responses (bytes written): " +
          ", ".join(f"{p.rsplit('/', 1)[-1] or p} {n / 1e6:.2f} MB" for p, n in big))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 3, "--slow" in sys.argv)
