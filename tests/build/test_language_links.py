"""Links between the languages of a site, without a build: each page's counterparts (hreflang
absolute, the switcher's relative), og:locale, one sitemap with alternates, a locale's nav."""

from xml.etree import ElementTree

from pricing_site.build.language_sites import sitemap_xml
from pricing_site.build.locales import alternates, language_name, localized_nav, og_locale

ROOT = "https://relaykit.example/"
LANGUAGES = [("en", ""), ("de", "de/")]


def test_a_page_links_itself_in_every_language_absolute_and_relative():
    english = alternates("pricing/", {"current": "en", "all": LANGUAGES, "root": ROOT})
    german = alternates("pricing/", {"current": "de", "all": LANGUAGES, "root": ROOT})
    assert [(a["lang"], a["link"], a["href"]) for a in english] == [
        ("en", ROOT + "pricing/", "./"), ("de", ROOT + "de/pricing/", "../de/pricing/")]
    assert [(a["lang"], a["link"], a["href"]) for a in german] == [
        ("en", ROOT + "pricing/", "../../pricing/"), ("de", ROOT + "de/pricing/", "./")]
    assert [a["current"] for a in german] == [False, True]


def test_the_home_page_and_a_nested_page_and_a_site_without_a_url():
    home = alternates("", {"current": "en", "all": LANGUAGES, "root": ROOT})
    assert [(a["link"], a["href"]) for a in home] == [(ROOT, "./"), (ROOT + "de/", "de/")]
    terms = alternates("legal/terms/", {"current": "de", "all": LANGUAGES, "root": ""})
    assert [(a["link"], a["href"]) for a in terms] == [
        ("../../../legal/terms/",) * 2, ("./",) * 2]


def test_languages_are_named_in_their_own_words_and_og_locale_has_a_territory():
    assert (language_name("de"), language_name("en"), language_name("fr")) == \
        ("Deutsch", "English", "Français")
    assert (og_locale("de"), og_locale("en"), og_locale("pt-BR"), og_locale("ja")) == \
        ("de_DE", "en_US", "pt_BR", "ja_JP")


def test_one_sitemap_lists_every_page_in_every_language_with_its_alternates():
    pages = {"en": [(ROOT, "2026-12-07"), (ROOT + "pricing/", "2026-12-07")],
             "de": [(ROOT + "de/", "2026-12-07"), (ROOT + "de/pricing/", "2026-12-07")]}
    root = ElementTree.fromstring(sitemap_xml(LANGUAGES, pages))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.findtext("s:loc", namespaces=ns): {link.get("hreflang"): link.get("href")
                                                   for link in url.findall("x:link", ns)}
            for url in root.findall("s:url", ns)}
    assert list(urls) == [ROOT, ROOT + "pricing/", ROOT + "de/", ROOT + "de/pricing/"]
    assert urls[ROOT + "de/pricing/"] == {"en": ROOT + "pricing/", "de": ROOT + "de/pricing/",
                                          "x-default": ROOT + "pricing/"}
    assert urls[ROOT] == {"en": ROOT, "de": ROOT + "de/", "x-default": ROOT}
    assert all(url.findtext("s:lastmod", namespaces=ns) == "2026-12-07"
               for url in root.findall("s:url", ns))


NAV = [{"Home": "index.md"}, {"Pricing": "pricing.md"},
       {"Legal": [{"Privacy policy": "legal/privacy.md"}, "legal/terms.md",
                  {"Status": "https://status.example/"}]},
       {"Blog": "/blog/"}]


def test_a_locales_nav_takes_each_pages_own_title_and_keeps_sections_and_links():
    assert localized_nav(NAV, {}) == [
        "index.md", "pricing.md",
        {"Legal": ["legal/privacy.md", "legal/terms.md", {"Status": "https://status.example/"}]},
        {"Blog": "/blog/"}]


def test_a_locales_nav_titles_its_sections_and_links_in_its_words():
    titles = {"Legal": "Rechtliches", "Status": "Systemstatus", "Blog": "Blog (englisch)",
              "Pricing": "Preise"}   # a page's title is its own front matter's, not this
    assert localized_nav(NAV, titles) == [
        "index.md", "pricing.md",
        {"Rechtliches": ["legal/privacy.md", "legal/terms.md",
                         {"Systemstatus": "https://status.example/"}]},
        {"Blog (englisch)": "/blog/"}]
