"""The pricing plugin as a guest in someone else's Material site, built: docs/examples/
material-site/ (docs/plugin.md) with the plugin and without it. The host's own pages come out
the same, the pricing page's calculator answers as CPython does, in the host's palette and
under the host's name, and the landing is there for a page that asks for it."""

import json
import re
import shutil

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from calculator import quote
from pricing_site.build.site_catalog import ENV_VAR
from pricing_site.catalog import load_catalog_file
from tests.support.http_server import StaticServer, own_origin
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e

EXAMPLE = ROOT / "docs" / "examples" / "material-site"
NAV_ENTRY = "  - Pricing: pricing.md"
REQUEST = {"plan": "team", "seats": 23, "billing": "annual"}
HERO = """
  hero:
    headline: Runbooks your whole team can find
    primary_cta: {label: Start free, url: "https://app.example.com/signup"}
"""
WELCOME = "---\ntemplate: home.html\ntitle: Welcome\n---\n"


def _copy(base, name, edit=lambda text: text):
    """The example copied to ``base/name``, its mkdocs.yml passed through ``edit``."""
    folder = base / name
    shutil.copytree(EXAMPLE, folder)
    config = folder / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _without_plugin(text):
    return re.sub(r"  - pricing:\n(?:      .*\n)+", "", _without_nav_entry(text))


def _without_nav_entry(text):
    return "".join(line for line in text.splitlines(True) if not line.startswith(NAV_ENTRY))


def _build(folder):
    site = folder / "site"
    build(load_config(str(folder / "mkdocs.yml"), site_dir=str(site)))
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """``{"guest", "without", "unlisted"}``: the example as it ships (plus a landing page), the
    host without the plugin, and with it but no nav entry for the pricing page."""
    base = tmp_path_factory.mktemp("guest")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(ENV_VAR, raising=False)
        guest = _copy(base, "guest")
        (guest / "docs" / "welcome.md").write_text(WELCOME, encoding="utf-8")
        with (guest / "plans.yaml").open("a", encoding="utf-8") as plans:
            plans.write(HERO)
        return {"guest": _build(guest),
                "without": _build(_copy(base, "without", _without_plugin)),
                "unlisted": _build(_copy(base, "unlisted", _without_nav_entry))}


def _pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def test_the_hosts_pages_render_as_without_the_plugin(sites):
    without, unlisted = sites["without"], sites["unlisted"]
    ours = {"pricing/index.html"}
    assert set(_pages(unlisted)) - set(_pages(without)) == ours
    for name in _pages(without):
        before = (without / name).read_text(encoding="utf-8")
        after = (unlisted / name).read_text(encoding="utf-8")
        # the one difference: the home page's link to pricing.md finds the page now
        assert after == before.replace('href="pricing.md"', 'href="pricing/"'), name
    assert 'href="pricing.md"' in (without / "index.html").read_text(encoding="utf-8")
    for absent in ("robots.txt", "index.html.gz", "guide/index.html.br"):
        assert not (unlisted / absent).exists(), absent
    assert "default-src" not in (unlisted / "_headers").read_text(encoding="utf-8")


def test_the_pricing_page_is_in_the_nav_where_the_host_lists_it(sites):
    listed = (sites["guest"] / "guide" / "index.html").read_text(encoding="utf-8")
    unlisted = (sites["unlisted"] / "guide" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./pricing/"[^>]*class="md-tabs__link', listed)
    assert "pricing/" not in "".join(re.findall(r'<a href="([^"]*)" class="md-tabs__link',
                                                 unlisted))


def test_a_page_asking_for_the_landing_gets_it_in_the_hosts_chrome(sites):
    html = (sites["guest"] / "welcome" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-typeset rk-landing"' in html
    assert "Runbooks your whole team can find" in html
    assert re.search(r'href="\.\./assets/v/\w+/css/guest\.css"', html)
    assert 'data-md-color-primary="teal"' in html and "Northwind Docs" in html
    assert "site.css" not in html


def test_the_pricing_page_prices_live_in_the_hosts_look(sites, browser):
    catalog = load_catalog_file(EXAMPLE / "plans.yaml")
    expected = json.loads(json.dumps(quote(catalog, REQUEST).to_dict()))
    header = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    with StaticServer(sites["guest"], host_rules=True) as server:
        page = browser.new_page()
        try:
            asked = []
            page.on("request", lambda request: asked.append(request.url))
            page.goto(server.url + "guide/")
            docs_header = page.evaluate(header)
            page.goto(server.url + "pricing/")
            page.evaluate("window.pricingCalculator.ready")
            answer = page.evaluate("r => window.pricingCalculator.quote(r)", REQUEST)
            pricing_header = page.evaluate(header)
            button = page.evaluate("getComputedStyle(document.querySelector("
                                   "'[data-testid=calculator-cta]')).backgroundColor")
            title = page.inner_text(".md-header__topic")
        finally:
            page.close()
    assert answer == expected
    # Material's teal, the host's, on its header and on the bill's call to action
    assert pricing_header == docs_header == button == "rgb(0, 148, 133)"
    assert "Northwind Docs" in title
    assert asked and all(own_origin(url, server.url) for url in asked)
    assert any("/assets/pyodide/" in url for url in asked)


@pytest.fixture(scope="module")
def instant(tmp_path_factory):
    """The example served, built with its site_url at the server's own address: Material's
    instant navigation takes only the links its sitemap lists, port included."""
    folder = _copy(tmp_path_factory.mktemp("instant"), "guest")
    (folder / "site").mkdir()
    with StaticServer(folder / "site") as server:  # _headers is not written yet
        config = folder / "mkdocs.yml"
        text = re.sub(r"(?m)^site_url: .*$", f"site_url: {server.url}",
                      config.read_text(encoding="utf-8"))
        config.write_text(text, encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.delenv(ENV_VAR, raising=False)
            _build(folder)
        yield server


def test_instant_navigation_reaches_and_leaves_the_pricing_page_by_full_loads(instant, browser):
    """Material swaps a page in without loading it; the calculator needs a loaded page."""
    server = instant
    expected = json.loads(json.dumps(quote(load_catalog_file(EXAMPLE / "plans.yaml"),
                                           REQUEST).to_dict()))
    page = browser.new_page()
    try:
        asked = []
        page.on("request", lambda request: asked.append((request.resource_type, request.url)))
        page.goto(server.url + "guide/", wait_until="networkidle")  # Material has its sitemap
        page.click("a.md-tabs__link:text-is('Pricing')")
        page.wait_for_function("window.pricingCalculator", timeout=30000)
        page.evaluate("window.pricingCalculator.ready")
        assert page.evaluate("r => window.pricingCalculator.quote(r)", REQUEST) == expected
        page.fill("[data-testid=calc-seats]", "23")
        page.click("label[for=billing-annual]")
        page.wait_for_function("total => document.querySelector("
                               "'[data-testid=calculator-total]').textContent === total",
                               arg=expected["display"]["total"], timeout=30000)
        page.click("a.md-tabs__link:text-is('Guide')")
        page.wait_for_url(server.url + "guide/")
    finally:
        page.close()
    pricing = server.url + "pricing/"
    # Material fetched the page to swap it in; the page then loaded itself
    assert ("fetch", pricing) in asked or ("xhr", pricing) in asked
    loaded = asked.index(("document", pricing))
    # and it was left by a full load too
    assert ("document", server.url + "guide/") in asked[loaded:]
