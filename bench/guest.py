"""The plugin as a guest in someone else's Material site (docs/plugin.md): what it costs the host.

1. Build time of docs/examples/material-site/: the host's site without the plugin (the
   baseline) against the same site with the plugin in guest mode, caches warm (the runtime
   bundle is prepared once, before the runs), alternating, RUNS each.
2. A first visit to the pricing page: the guest's (inside the host's Material pages) against the
   demo's (bench/first_visit.py's visit: a fresh context, a 20 Mbps / 40 ms link, from
   navigation to ``pricingCalculator.ready``), alternating, RUNS each; bytes the host wrote
   until ready.
3. Bytes: the host's own pages (the same files with and without the plugin: their total), and
   the stylesheet the pricing page adds against the demo's site.css (raw and brotli).

Run: .venv/bin/python bench/guest.py [RUNS]
"""

import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import brotli  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from first_visit import LINKS, each, first_visit  # noqa: E402
from pricing_site.build.site import build_site  # noqa: E402
from tests.support.chromium import launch  # noqa: E402
from tests.support.http_server import StaticServer  # noqa: E402

EXAMPLE = ROOT / "docs" / "examples" / "material-site"
LINK = "20 Mbps, 40 ms"


def copies(base):
    """``{"without": folder, "guest": folder}``: the example without the plugin and with it,
    both without the nav entry for the pricing page (so the host's pages can be compared)."""
    text = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  - Pricing: pricing\.md.*\n", "", text)
    folders = {}
    for name, config in (("without", re.sub(r"  - pricing:\n(?:      .*\n)+", "", text)),
                         ("guest", text)):
        folders[name] = base / name
        shutil.copytree(EXAMPLE, folders[name])
        (folders[name] / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folders


def timed_build(folder):
    config = load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site"))
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def html_bytes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def main(runs):
    with tempfile.TemporaryDirectory() as tmp:
        sites = copies(Path(tmp))
        for folder in sites.values():  # warm: bundle, compiled templates, compressed siblings
            timed_build(folder)
        times = {name: [] for name in sites}
        for _ in range(runs):
            for name, folder in sites.items():
                times[name].append(timed_build(folder))
        base, ours = (statistics.median(times[n]) for n in ("without", "guest"))
        print(f"build, median of {runs}: without the plugin {base:.2f} s, guest {ours:.2f} s "
              f"= {ours / base:.2f}x (each without: "
              f"{', '.join(f'{t:.2f}' for t in times['without'])}; guest: "
              f"{', '.join(f'{t:.2f}' for t in times['guest'])})")

        before, after = (html_bytes(sites[n] / "site") for n in ("without", "guest"))
        same = [name for name in before if before[name] == after.get(name)]
        print(f"the host's pages: {len(before)}, {sum(before.values())} bytes without the plugin;"
              f" {len(same)} of them the same size with it (the home page, whose link to "
              f"pricing.md now finds the page: {after['index.html'] - before['index.html']:+d} "
              f"bytes)")

        demo = Path(tmp) / "demo"
        if build_site(str(ROOT / "plans.yaml"), out=str(demo)) != 0:
            sys.exit("the demo site did not build")
        site_css = next(demo.glob("assets/v/*/css/site.css")).read_bytes()
        guest_css = next((sites["guest"] / "site").glob("assets/v/*/css/guest.css")).read_bytes()
        print(f"stylesheet: guest.css {len(guest_css)} B ({len(brotli.compress(guest_css))} B br)"
              f" vs the demo's site.css {len(site_css)} B "
              f"({len(brotli.compress(site_css))} B br)")

        mbps, rtt = LINKS[LINK]
        rows = {"guest": [], "demo": []}
        with sync_playwright() as playwright, \
                StaticServer(sites["guest"] / "site", host_rules=True) as guest_server, \
                StaticServer(demo, host_rules=True) as demo_server:
            browser = launch(playwright)
            for _ in range(runs):
                for name, server in (("guest", guest_server), ("demo", demo_server)):
                    row = first_visit(browser, server, "pricing/", mbps, rtt)
                    if row is not None:
                        rows[name].append(row)
            browser.close()
        g, d = (statistics.median(r["ready"] for r in rows[n]) for n in ("guest", "demo"))
        gb, db = (statistics.median(r["bytes"] for r in rows[n]) for n in ("guest", "demo"))
        print(f"first visit, {LINK}, median of {len(rows['guest'])}/{len(rows['demo'])}: ready "
              f"{g:.0f} ms guest vs {d:.0f} ms demo = {g / d:.2f}x; bytes until ready "
              f"{gb / 1e6:.2f} MB vs {db / 1e6:.2f} MB (guest each: {each(rows['guest'])}; "
              f"demo each: {each(rows['demo'])})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
