"""`pricing-site build --all-variants`: each variation differs from control exactly where its
patch says, control with the shared files is byte for byte the plain build, the shared files
are stored once, variants.json and the routers exist.

Both builds run with the same SOURCE_DATE_EPOCH (MkDocs dates the sitemap's lastmod and the
gzip header from it), so the comparison is exact, sitemap included. They run as a person runs
them, ``pricing-site build`` under a umask of 027, so that what they print and the modes of
the folders they make are checked too.
"""

import difflib
import json
import os
import re
import stat
import subprocess
import sys

import pytest
import yaml

from pricing_site.build.output import MARKER
from pricing_site.build.headers import headers_file, immutable
from pricing_site.build.assets import asset_url
from pricing_site.catalog.variants import RESERVED_KEYS

from tests.site_support import DEMO, ROOT, parse

pytestmark = pytest.mark.e2e  # builds the site and every variant (pricing-site build)

EPOCH = "1795651200"   # 2026-11-25 00:00 UTC
UMASK = 0o027


def build(*args):
    """``pricing-site build --catalog DEMO ARGS``; what it printed on stdout."""
    result = subprocess.run([sys.executable, "-m", "pricing_site.cli", "build", "--catalog",
                             str(DEMO), *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH}, umask=UMASK,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """``(plain, dist, what the --all-variants run printed)``."""
    tmp = tmp_path_factory.mktemp("variants")
    build("--out", str(tmp / "plain"))
    printed = build("--all-variants", "--out", str(tmp / "dist"))
    return tmp / "plain", tmp / "dist", printed


@pytest.fixture(scope="module")
def dist(runs):
    return runs[:2]


def files(folder):
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file()}


def lone(out, key):
    """``dist/<key>/`` with dist's ``assets/`` and ``de/assets/`` copied over it, as
    docs/variants.md deploys one variation alone: its files (relative path: file)."""
    return {**files(out / key), **{f"{folder}assets/{name}": file for folder in ("", "de/")
                                   for name, file in files(out / folder / "assets").items()}}


def test_control_with_the_shared_files_is_byte_identical_to_a_plain_build(dist):
    plain, out = dist
    a, b = files(plain), lone(out, "control")
    # the shared folder also holds the catalog of the variation that changes prices
    extra = sorted(set(b) - set(a))
    assert extra and all(name.startswith(("assets/calculator/catalog/",
                                          "de/assets/calculator/catalog/")) for name in extra)
    assert sorted(a) == sorted(set(b) - set(extra))
    assert [name for name in a if a[name].read_bytes() != b[name].read_bytes()] == []


def test_the_shared_files_are_stored_once(dist):
    plain, out = dist

    def size(folder):
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size(out) <= 1.3 * size(plain)
    # one runtime for every variation and language: the German pages load the root's
    assert size(out) <= 1.5 * size(out / "assets") and size(plain) <= 1.2 * size(plain / "assets")
    assert len(list(out.rglob("pyodide.asm.wasm"))) == 1
    for key in ("control", "yearly-push", "business-first"):
        kept = [name for name in files(out / key) if immutable(f"/{name}", ["de/"])]
        assert kept == [], f"{key} still holds shared files: {kept[:3]}"
    # one catalog per set of prices: business-first changes only what the page shows
    catalogs = {p.parent.name for p in (out / "assets/calculator/catalog").glob("*/catalog.json")}
    assert len(catalogs) == 2


# The comparison marks, in every row, the cells of the plans a narrow screen leaves out (the
# pair it opens on follows the highlighted plan): left out of the line diff, so a changed cell
# still shows.
OFF_CELLS = re.compile(r' class="rk-compare__off"| rk-compare__off')


def changed_lines(name, control, variant):
    old, new = (OFF_CELLS.sub("", (folder / name).read_text(encoding="utf-8")).splitlines()
                for folder in (control, variant))
    return [line[1:] for line in difflib.unified_diff(old, new, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


ALLOWED = {
    # The headline, the annual discount (every annual price, the comparison's discount row and
    # its written yearly prices, the calculator's prerendered quote, which now opens on yearly
    # billing), the plan cards' toggle opening on yearly, and the pricing page's description.
    "yearly-push": r'data-variant=|name="description"|og:description|twitter:description|<h1>'
                   r'|rk-price__|rk-bill__|rk-calc__|calc-billing|billing-(annual|monthly)|calculator-'
                   # the price the search shows with each card: the one the cards open on
                   r'|<div class="rk-price" data-period="(monthly|annual)"( data-search-exclude)?>'
                   r'|<td data-plan="\w+">2[05]%</td>|class="md-typeset rk-pricing" data-billing='
                   r'|<td data-plan="\w+">Annual prices, 2[05]% off the rest</td>'
                   r'|<td data-plan="\w+">.*billed yearly: '
                   r'|<td data-plan="business">.*(billed yearly|Annual prices, 2[05]% off)'
                   # the same in the German pages' words
                   r'|<td data-plan="\w+">.*bei jährlicher Abrechnung: '
                   r'|<td data-plan="\w+">Jahrespreise, 2[05]% Rabatt auf den Rest</td>'
                   # the total bar's copy of the bill's total, and the planner's forecast
                   r'|data-annual="Total per year"|data-text="\{display\.total\}"|id="planner-'
                   # contact sales carries the estimate, yearly here (pages/cta.py); a closing
                   # tag alone says nothing, but comes with a changed block line by line
                   r'|href="mailto:sales@relaykit\.example\?body=.*billing%3A%20annual'
                   r'|^</\w+>$'
                   r'|^\s*$',
    # The highlighted plan: card class, badge, primary button, comparison column, the pair
    # of plans a narrow comparison opens on (its buttons; the cells it leaves out: OFF_CELLS),
    # and the calculator's data block of each plan's call to action (Business's own label and
    # link).
    "business-first": r'data-variant=|rk-card|md-button|rk-compare__popular|rk-compare__pick'
                      r'|<th scope="col" data-plan="(team|business)">|id="calculator-cta">'
                      r'|^\s*$',
}


@pytest.mark.parametrize("variant", sorted(ALLOWED))
def test_variant_differs_only_where_its_patch_says(dist, variant):
    _, out = dist
    control, other = out / "control", out / variant
    a, b = files(control), files(other)   # the shared files are kept apart (above)
    # left out of the sitemap (a .br sibling only once the sitemap passes 1 KB)
    assert sorted(set(a) - set(b) - {"sitemap.xml.br"}) == ["sitemap.xml", "sitemap.xml.gz"]
    assert set(b) <= set(a)
    for name in sorted(b):
        if a[name].read_bytes() == b[name].read_bytes():
            continue
        if name.endswith((".gz", ".br")) and name[:-3] in b:
            continue  # a precompressed sibling: its source is compared (tests/test_precompress.py)
        if name in PRICE_LIST:  # the variation's own prices, as pricing_site.pages.price_list says
            text = other.joinpath(name).read_text()
            if name == "llms.txt":
                head, _, pages = text.partition("## Optional")
                assert pages == control.joinpath(name).read_text().partition("## Optional")[2]
                text = head
            assert text == price_list(variant, name)
            continue
        if name.endswith("search/search_index.json"):  # the page's heading and cards follow it
            assert searched(control / name) == searched(other / name)
            continue
        if name == "robots.txt":  # names control's sitemap, which this variation has not
            assert changed_lines(name, control, other) == [
                "Sitemap: https://relaykit.example/sitemap.xml"]
            continue
        assert name.endswith(".html"), name
        unexpected = [line for line in changed_lines(name, control, other)
                      if not re.search(ALLOWED[variant], line)]
        assert unexpected == [], f"{name}: {unexpected[:5]}"


PRICE_LIST = ("pricing.md", "pricing.json", "llms.txt")


def searched(index):
    """The search index's entries but the pricing page's heading and plan cards (a variation's
    headline, highlighted plan and opening period are in them)."""
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return [doc for doc in docs if not re.fullmatch(r"pricing/(#plan-\w+)?", doc["location"])]


def price_list(variant, name):
    """The text the build writes as ``name`` for ``variant`` (site_src/hooks/outputs.py); for
    llms.txt, up to its list of the site's other pages (the same in every variation)."""
    from pricing_site.catalog import read_catalog
    from pricing_site.pages.price_list import llms_txt, pricing_json, pricing_markdown

    catalog, content = read_catalog(DEMO, lint=False).variant(variant)
    url = "https://relaykit.example/"
    if name == "pricing.md":
        return pricing_markdown(catalog, content, url)
    if name == "pricing.json":
        return json.dumps(pricing_json(catalog, content, url), indent=1, ensure_ascii=False) + "\n"
    return llms_txt(catalog, content, url).partition("## Optional")[0]


def _by_testid(node, testid):
    for child in node.children:
        if child.attrs.get("data-testid") == testid:
            return child.text
        found = _by_testid(child, testid)
        if found is not None:
            return found
    return None


def test_the_patched_headline_card_price_and_calculator_quote(dist):
    _, out = dist
    control = parse((out / "control/pricing/index.html").read_text(encoding="utf-8"))
    push = parse((out / "yearly-push/pricing/index.html").read_text(encoding="utf-8"))
    assert control.find("h1").text == "Simple pricing that grows with your team"
    assert push.find("h1").text == "Pay yearly, save 25% on every seat"
    assert _by_testid(control, "price-team-annual") == "$120.00"
    assert _by_testid(push, "price-team-annual") == "$112.50"       # 3 seats (minimum) x $50 x 0.75
    assert _by_testid(control, "price-team-monthly") == _by_testid(push, "price-team-monthly")
    assert _by_testid(control, "calculator-total") == "$500.00"
    assert _by_testid(push, "calculator-total") == "$4,500.00"       # 10 x $50 x 12 x 0.75
    # the plan cards open on yearly prices there (site.pricing.period), on monthly in control
    for tree, period in ((control, "monthly"), (push, "annual")):
        toggle = [n for n in tree.find_all("input") if n.attrs.get("name") == "period"]
        assert [n.attrs["value"] for n in toggle if "checked" in n.attrs] == [period]


def test_variant_pages_are_marked_and_canonical_to_control(dist):
    _, out = dist
    for variant in ("control", "yearly-push", "business-first"):
        html = (out / variant / "pricing/index.html").read_text(encoding="utf-8")
        assert f'<html data-experiment="pricing-page-dec-2026" data-variant="{variant}"' in html
        assert '<link rel="canonical" href="https://relaykit.example/pricing/">' in html
        assert f'<script src="../{asset_url("js/experiment.js")}" defer></script>' in html
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", html)
        assert inline == [], "no inline executable script"


def test_variants_json_and_routers(dist):
    _, out = dist
    spec = json.loads((out / "variants.json").read_text(encoding="utf-8"))
    assert spec["hashVersion"] == 2 and [v["key"] for v in spec["variations"]] == \
        ["control", "yearly-push", "business-first"]
    assert all((out / v["path"].strip("/") / "index.html").is_file() for v in spec["variations"])
    for name in ("cloudflare-worker.mjs", "netlify-edge-function.mjs"):
        assert "export default" in (out / "edge" / name).read_text(encoding="utf-8")
    # the host reads _headers at the root of what it publishes (dist/), not in the variations
    assert (out / "_headers").read_text(encoding="utf-8") == headers_file(folders=["de/"])


def test_the_run_names_only_where_the_site_went(runs):
    _, out, printed = runs
    # not the staging folder each variation was built in, which is gone by now
    assert printed == f"Built 3 variants (control, yearly-push, business-first) into {out}\n"


def test_every_output_folder_has_the_mode_mkdir_gives_under_the_umask(runs):
    plain, out, _ = runs
    folders = [plain, out, *(p for p in (*plain.rglob("*"), *out.rglob("*")) if p.is_dir())]
    modes = {str(f): oct(stat.S_IMODE(f.stat().st_mode)) for f in folders}
    assert modes == {str(f): oct(0o777 & ~UMASK) for f in folders}   # 0750, never 0700


def test_beside_the_variations_only_the_reserved_names(runs):
    plain, out, _ = runs
    keys = [v["key"] for v in json.loads((out / "variants.json").read_text("utf-8"))["variations"]]
    locales = [locale["code"] for locale in yaml.safe_load(DEMO.read_text("utf-8"))["locales"]]
    assert {p.name for p in out.iterdir()} == {*keys, *RESERVED_KEYS, *locales}
    assert all((out / key / MARKER).is_file() for key in keys) and (plain / MARKER).is_file()


def test_every_variation_is_built_in_every_language(dist):
    _, out = dist
    for key, headline in (("control", "Einfache Preise, die mit Ihrem Team wachsen"),
                          ("yearly-push", "Jährlich zahlen, 25 % auf jeden Platz sparen")):
        html = (out / key / "de" / "pricing" / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{headline}</h1>" in html
        assert re.search(rf'<html data-experiment="[^"]+" data-variant="{key}" lang="de"', html)
        assert '<link rel="canonical" href="https://relaykit.example/de/pricing/">' in html
    # the German site's own files that never change are kept once too, where its pages ask:
    # its catalogs and Material's stylesheet purged for its pages' words; the rest it loads
    # from the root's (dist/assets/)
    assert (out / "de" / "assets" / "calculator" / "catalog").is_dir()
    assert not (out / "yearly-push" / "de" / "assets" / "calculator").exists()
    german = set(files(out / "de"))
    assert german and all(name.startswith(("assets/calculator/catalog/",
                                           "assets/stylesheets/main.")) for name in german)
