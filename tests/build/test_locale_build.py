"""The demo built in English and German into one output: /de/ beside /, <html lang>, hreflang
pairs both ways, one sitemap of both, the switcher's links, German prices in euros equal
to CPython's quote() for the EUR price book, and one runtime: the German pages load the root's
copy of every file it holds with the same bytes, and /de/ keeps no copy of one."""

import filecmp
import json
import posixpath
import re
import shutil
from pathlib import Path
from posixpath import normpath
from xml.etree import ElementTree

import pytest

from calculator import quote
from pricing_site.build.headers import immutable
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
    terms = (site / "de" / "legal" / "terms" / "index.html").read_text()
    assert re.search(r'<html [^>]*lang="de"', terms) and "<h1 id=\"nutzungsbedingungen\">" in terms


def _nav(page):
    """The titles in the page's navigation drawer, in order (sections, pages, the page's
    headings)."""
    drawer = page[page.index("md-nav--primary"):page.index("md-sidebar--secondary")]
    return re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<',
                      drawer)


def test_the_german_nav_is_german_its_section_titled_by_the_locales_nav(site):
    """Every demo page has its German version (locales/de/), each titled by its front matter;
    the section mkdocs.yml names "Legal" by the locale's nav: (Rechtliches)."""
    english = _nav((site / "about" / "index.html").read_text())
    german = _nav((site / "de" / "about" / "index.html").read_text())
    assert "Legal" in english and "Rechtliches" in german
    assert not set(german) & {"Legal", "About", "Docs", "Privacy policy", "Terms of service"}


def test_a_page_without_its_german_version_is_the_english_one_in_german_chrome(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(DEMO.parent / "locales", project / "locales")
    shutil.copy(DEMO, project / "plans.yaml")
    (project / "locales" / "de" / "legal" / "terms.md").unlink()
    assert build_site(str(project / "plans.yaml"), out=str(tmp_path / "site"),
                      config_file=str(DEMO.parent / "mkdocs.yml")) == 0
    terms = (tmp_path / "site" / "de" / "legal" / "terms" / "index.html").read_text()
    assert re.search(r'<html [^>]*lang="de"', terms) and "<h1 id=\"terms-of-service\">" in terms


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


NAMED = re.compile(r'(?:href|src|data-material-bundle)="([^"#?]+)|"search":\s*"([^"]+)"')
CONFIG = re.compile(r'<script type="application/json" id="calculator-config">([^<]+)</script>')
CLIENT = re.compile(r'<script type="module" src="([^"]+/calculator/client\.js)"')
LISTED = re.compile(r'data-(?:run|preload)="([^"]*)"')  # js/after-paint.js's lists


def _site_path(url, page):
    """The site path a URL of ``page`` (a site path) names, or None for another origin."""
    if re.match(r"[a-z]+:", url):
        return None
    if url.startswith("/"):
        return url.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), url))


def _named(site, page):
    """Every site path the German page ``page`` loads or links, the calculator's runtime too
    (its config resolved as client.js resolves it: against ``root``, seen from client.js)."""
    html = (site / page).read_text()
    named = {_site_path(a or b, page) for a, b in NAMED.findall(html)} - {None}
    named |= {_site_path(url, page) for urls in LISTED.findall(html) for url in urls.split()}
    config = CONFIG.search(html)
    if config:
        urls = json.loads(config.group(1))
        client = _site_path(CLIENT.search(html).group(1), page)
        root = posixpath.join(posixpath.dirname(client), urls.pop("root", "../../../../"))
        named |= {posixpath.normpath(posixpath.join(root, url)) for url in urls.values()}
    return named


def test_the_german_pages_load_the_roots_copy_of_every_file_it_holds(site):
    loaded = {}
    for page in (p.relative_to(site).as_posix() for p in (site / "de").rglob("*.html")):
        for path in _named(site, page):
            loaded.setdefault(path, page)
    german = sorted(path for path in loaded if path.startswith("de/assets/"))
    shared = [path for path in german if immutable("/" + path.removeprefix("de/")) and
              (site / path.removeprefix("de/")).is_file() and
              filecmp.cmp(site / path, site / path.removeprefix("de/"), shallow=False)]
    assert shared == []
    assert all((site / path).exists() for path in loaded if path.startswith(("assets/", "de/"))), \
        [(path, page) for path, page in loaded.items() if not (site / path).exists()][:5]
    # the runtime, the engine, the scripts and styles from the root; the catalog its own
    pricing = _named(site, "de/pricing/index.html")
    for piece in ("assets/pyodide/", "assets/calculator/engine/", "assets/calculator/stdlib/",
                  "assets/calculator/snapshot/", "assets/v/"):
        assert any(path.startswith(piece) for path in pricing), piece
    assert any(path.startswith("de/assets/calculator/catalog/") for path in pricing)
    assert not any(path.startswith("assets/calculator/catalog/") for path in pricing)


def test_the_german_folder_keeps_no_copy_of_a_root_file(site):
    german = site / "de"
    copies = [path for path in (p.relative_to(german).as_posix() for p in german.rglob("*")
                                if p.is_file())
              if immutable("/" + path) and (site / path).is_file() and
              filecmp.cmp(german / path, site / path, shallow=False)]
    assert copies == []
    # one runtime for both languages; its catalog (and its siblings) the German build's own
    wasm = [p.relative_to(site).as_posix() for p in site.rglob("pyodide.asm.wasm")]
    assert len(wasm) == 1 and wasm[0].startswith("assets/pyodide/")
    catalogs = list((german / "assets" / "calculator" / "catalog").glob("*/catalog.json*"))
    assert len(catalogs) == 3   # catalog.json, .gz and .br


def test_the_german_404_page_names_the_roots_files_by_the_site_url(site):
    """404.html names its files from the site URL's path (it is served at any depth)."""
    named = _named(site, "de/404.html")
    assert any(path.startswith("assets/v/") for path in named)
    assert all((site / path).exists() for path in named if path.startswith("assets/"))


@pytest.mark.parametrize("folder,heading,title,pricing", [
    ("", "Page not found", "Page not found – Relaykit", "See pricing"),
    ("de/", "Seite nicht gefunden", "Seite nicht gefunden – Relaykit", "Preise ansehen"),
])
def test_the_404_page_says_so_in_its_language_and_leads_to_the_home_and_pricing_pages(
        site, folder, heading, title, pricing):
    """Material's 404 says "404 - Not found" in English; ours is in the build's language (a
    host may send /de/404.html for a missing /de/ path) and links from the site URL's path,
    as it is served at any depth."""
    page = (site / folder / "404.html").read_text()
    assert f"<title>{title}</title>" in page
    assert re.search(rf"<h1>{heading}</h1>", page)
    links = dict((text, href) for href, text in re.findall(
        r'<a class="md-button[^"]*" href="([^"]+)">([^<]+)</a>', page))
    assert links[pricing] == f"/{folder}pricing/"
    assert normpath(links[next(text for text in links if text != pricing)]) == normpath(f"/{folder}")
    for href in links.values():
        assert (site / normpath(href.lstrip("/")) / "index.html").is_file()
