"""The demo built in English and German into one output: /de/ beside /, <html lang>, hreflang
pairs both ways, one sitemap of both, the switcher's links, and German prices in euros equal
to CPython's quote() for the EUR price book."""

import re
from pathlib import Path
from posixpath import normpath
from xml.etree import ElementTree

import pytest

from calculator import quote
from pricing_site.build.locales import localized
from pricing_site.build.site import build_site
from pricing_site.catalog import read_catalog
from pricing_site.catalog.content import default_request

from tests.support.paths import DEMO

pytestmark = pytest.mark.e2e   # a full site build, twice (one per language)

ROOT_URL = "https://relaykit.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("locales") / "site"
    assert build_site(str(DEMO), out=str(out)) == 0
    return out


def pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html"))


def test_both_languages_are_built_with_their_language(site):
    assert (site / "pricing" / "index.html").is_file()
    assert (site / "de" / "pricing" / "index.html").is_file()
    english, german = ((site / p / "index.html").read_text() for p in ("pricing", "de/pricing"))
    assert re.search(r'<html [^>]*lang="en"', english) and re.search(r'<html [^>]*lang="de"', german)
    assert "<title>Preise – Relaykit</title>" in german
    assert '<meta property="og:locale" content="de_DE">' in german
    assert '<link rel="canonical" href="https://relaykit.example/de/pricing/">' in german
    assert not (site / "de" / "sitemap.xml").exists() and not (site / "de" / "robots.txt").exists()
    # a page without a German version: the English text, in the German chrome
    terms = (site / "de" / "legal" / "terms" / "index.html").read_text()
    assert re.search(r'<html [^>]*lang="de"', terms) and "Terms of service" in terms


def _sitemap(site):
    """``{loc: {hreflang: href}}`` of the built sitemap."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                   for link in url.findall("x:link", ns)}
            for url in root.findall("s:url", ns)}


def test_every_page_has_its_counterparts_and_they_have_it(site):
    sitemap = _sitemap(site)
    for page in pages(site):
        own = ROOT_URL + page.removesuffix("index.html")
        links = sitemap[own]
        assert set(links) == {"en", "de", "x-default"} and own in links.values(), page
        for lang in ("en", "de"):
            assert (site / links[lang].removeprefix(ROOT_URL) / "index.html").is_file()
            assert sitemap[links[lang]] == links   # reciprocal: the same set from each
        assert links["x-default"] == links["en"]
        # in the sitemap, not as <link rel="alternate">: Material's script would fetch a
        # sitemap.xml beside each such link (site_src/hooks/locales.py)
        assert 'rel="alternate"' not in (site / page).read_text()


def test_the_switcher_points_at_the_same_page_in_the_other_language(site):
    for page in ("pricing/index.html", "de/pricing/index.html", "de/legal/terms/index.html"):
        html = (site / page).read_text()
        hrefs = dict((lang, href) for href, lang in re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link">', html))
        assert set(hrefs) == {"en", "de"}
        for lang, href in hrefs.items():
            target = normpath(str(Path(page).parent / href))
            expected = page.removeprefix("de/") if lang == "en" else \
                "de/" + page.removeprefix("de/")
            assert f"{target}/index.html" == expected, (page, lang, href)
        # the footer lists the same links (a phone's header has no room for the switcher)
        footer = html[html.index('class="rk-footer-languages"'):]
        assert all(f'<a href="{href}" hreflang="{lang}"' in footer for lang, href in hrefs.items())


def test_one_sitemap_lists_both_languages(site):
    sitemap = _sitemap(site)
    assert len(sitemap) == len(pages(site)) == 2 * len(pages(site / "de"))
    assert ROOT_URL + "pricing/" in sitemap and ROOT_URL + "de/pricing/" in sitemap
    assert "Sitemap: https://relaykit.example/sitemap.xml" in (site / "robots.txt").read_text()
    assert "/de/assets/pyodide/*" in (site / "_headers").read_text()   # cached for good too


def test_german_prices_are_the_eur_price_books_as_cpython_quotes_them(site):
    """The German page's prerendered total is the engine's German words for the EUR book's
    quote, exactly ("1.234,50 €"), and the same amount as the English catalog's EUR quote."""
    read = read_catalog(DEMO, lint=False)
    request = default_request(read.catalog, read.content)
    german, _ = read.localized("de")
    german = localized(german, "de")
    expected = quote(german, request).to_dict()
    html = (site / "de" / "pricing" / "index.html").read_text()
    shown = re.search(r'data-testid="calculator-total"[^>]*>([^<]+)<', html).group(1)
    assert shown == expected["display"]["total"] and "\u00a0€" in shown
    assert expected["total"] == quote(read.catalog, {**request, "currency": "EUR"}).to_dict()["total"]
    english = (site / "pricing" / "index.html").read_text()
    shown = re.search(r'data-testid="calculator-total"[^>]*>([^<]+)<', english).group(1)
    assert shown == quote(read.catalog, request).to_dict()["display"]["total"]
