"""Locales: the locales: section, a locale's texts merged over plans.yaml, refused non-texts
located in the overlay, warnings for missing texts (no site build here)."""

import shutil

import pytest
import yaml

from calculator import quote
from calculator.errors import CatalogError
from pricing_site.build.locales import engine_warnings, nav_warnings
from pricing_site.catalog import read_catalog
from pricing_site.catalog.locales import localized_document
from pricing_site.catalog.texts import is_text
from pricing_site.locales.messages import untranslated_template

from tests.site_support import DEMO

OVERLAY = DEMO.parent / "locales" / "de.yaml"


def project(tmp_path, overlay=None, section=None):
    """A copy of the demo (plans.yaml and its German texts) in ``tmp_path``; ``overlay``
    replaces the German texts, ``section`` the locales: section (YAML text)."""
    text = DEMO.read_text(encoding="utf-8")
    if section is not None:
        start = text.index("locales:\n")
        end = text.index("\n\n", start)
        text = text[:start] + section + text[end:]
    (tmp_path / "plans.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "locales").mkdir(exist_ok=True)
    if overlay is None:
        shutil.copy(OVERLAY, tmp_path / "locales" / "de.yaml")
    else:
        (tmp_path / "locales" / "de.yaml").write_text(overlay, encoding="utf-8")
    return tmp_path / "plans.yaml"


def messages(problems):
    """Each problem as the terminal shows it, its file by name, without the column."""
    return [str(p).replace(f"{p.file}:{p.line}:{p.column}: ",
                           f"{p.file.rsplit('/', 1)[-1]}:{p.line}: ").replace("warning: ", "")
            for p in problems]


def test_the_demo_german_texts_are_complete_and_valid():
    read = read_catalog(DEMO, lint=False)
    assert read.errors == [] and read.warnings == []
    assert [locale.code for locale in read.locales] == ["de"]
    assert read.language == "en"


def test_a_locale_has_its_texts_and_the_files_prices_in_its_currency_first():
    read = read_catalog(DEMO, lint=False)
    catalog, content = read.localized("de")
    assert catalog.currencies == ("EUR", "USD")
    assert content.site["hero"]["headline"] == "Jedes Kundengespräch in einem ruhigen Posteingang"
    assert content.plan("team")["features"][0] == "Unbegrenzt viele geteilte Posteingänge"
    assert content.plan("team")["cta"]["url"] == read.content.plan("team")["cta"]["url"]
    assert [icon["icon"] for icon in content.site["features"]["items"]] == \
        [icon["icon"] for icon in read.content.site["features"]["items"]]   # merged by index
    assert catalog.plan("team").name == "Team" and catalog.metrics["api_calls"].name == "API-Aufrufe"
    for request in ({"plan": "team", "seats": 49}, {"plan": "business", "seats": 12,
                                                     "usage": {"api_calls": 250000}}):
        german = quote(catalog, request).to_dict()
        english = quote(read.catalog, {**request, "currency": "EUR"}).to_dict()
        assert german["currency"] == "EUR"
        assert (german["total"], german["lines"][0]["amount"]) == \
            (english["total"], english["lines"][0]["amount"])


def test_a_variation_of_a_locale_has_the_variations_prices_and_the_locales_words():
    read = read_catalog(DEMO, lint=False)
    catalog, content = read.localized("de", "yearly-push")
    assert str(catalog.annual_discount) == "0.25"
    assert content.site["pricing"]["headline"] == "Jährlich zahlen, 25 % auf jeden Platz sparen"
    assert content.site["pricing"]["period"] == "annual"
    assert content.site["hero"]["headline"].startswith("Jedes Kundengespräch")
    _, content = read.localized("de", "business-first")
    assert content.plan("business")["badge"] == "Ideal für wachsende Teams"
    assert content.plan("business")["popular"] is True and content.plan("team")["popular"] is False


def test_a_text_the_locale_lacks_is_englishs_with_a_warning_naming_locale_and_field(tmp_path):
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    del overlay["site"]["hero"]["headline"]
    del overlay["variants"]["yearly-push"]["site"]["pricing"]
    read = read_catalog(project(tmp_path, yaml.safe_dump(overlay, allow_unicode=True)),
                        lint=False)
    assert read.errors == []
    assert messages(read.warnings) == [
        "plans.yaml:" + str(_line("headline: Every customer conversation")) +
        ": [locale de] site.hero.headline: no text in locales/de.yaml; the English text is shown",
        "plans.yaml:" + str(_line("headline: Pay yearly, save 25%")) +
        ": [locale de] [variant yearly-push] site.pricing.headline: no text under "
        "variants.yearly-push in locales/de.yaml; the English text is shown"]
    _, content = read.localized("de")
    assert content.site["hero"]["headline"] == "Every customer conversation, in one calm inbox"
    _, content = read.localized("de", "yearly-push")
    assert content.site["pricing"]["headline"] == "Pay yearly, save 25% on every seat"


def test_a_locale_whose_engine_speaks_english_says_so_once(tmp_path):
    """No engine.po for French: one warning, with how many of the engine's messages stay
    English; the German catalog has none (test_the_demo_german_texts_are_complete_and_valid)."""
    section = "locales:\n  - {code: fr, currency: EUR, texts: locales/de.yaml}"
    read = read_catalog(project(tmp_path, section=section), lint=False)
    engine = [w for w in messages(read.warnings + engine_warnings(read))
              if "engine's messages" in w]
    assert len(engine) == 1, engine
    count = len(untranslated_template())  # every msgid of the engine
    assert f"[locale fr] {count} of the engine's messages have no translation in " \
        "pricing_site/locales/fr/LC_MESSAGES/engine.po (" in engine[0]
    assert engine[0].endswith("; the calculator says them in English")


def _line(text):
    return next(number for number, line in enumerate(DEMO.read_text().splitlines(), 1)
                if text in line)


BAD_OVERLAYS = [
    ("plans:\n  - id: team\n    price: {seats: {minimum: 1}}\n",
     "de.yaml:3: [locale de] plans[0] (team).price.seats.minimum: no text (a price, a limit, a "
     "link or a setting): plans.yaml's holds in every language"),
    ("plans:\n  - id: team\n    price: {flat: 5}\n",
     "de.yaml:3: [locale de] plans[0] (team).price.flat: plans.yaml has no text here to translate"),
    ("plans:\n  - id: pro\n    name: Profi\n",
     "de.yaml:2: [locale de] plans[0] (pro).id: plans.yaml has no plan 'pro' to translate"),
    ("site:\n  hero:\n    primary_cta: {url: 'https://example.com/de'}\n",
     "de.yaml:3: [locale de] site.hero.primary_cta.url: no text (a price, a limit, a link or a "
     "setting): plans.yaml's holds in every language"),
    ("currency: EUR\n",
     "de.yaml:1: [locale de] currency: a locale's texts have no 'currency': they hold only site, "
     "plans, metrics, addons, promotions, variants, nav (prices and settings are plans.yaml's)"),
    ("site:\n  hero:\n    headline: null\n",
     "de.yaml:3: [locale de] site.hero.headline: a locale removes nothing: leave a text out and "
     "the English one is shown"),
    ("site:\n  faq:\n    items: [{question: A}, {question: B}, {question: C}, {question: D}, "
     "{question: E}]\n",
     "de.yaml:3: [locale de] site.faq.items[4].question: plans.yaml has no text here to translate"),
    ("plans:\n  - id: team\n    features:\n      - Inklusive: 3 Plätze\n",   # not said at '.Inklusive'
     "de.yaml:4: [locale de] plans[0] (team).features[0]: expected a text, as plans.yaml has "
     "here (a ': ' in it made YAML read a key and its value: write the text in quotes)"),
    ("variants:\n  yearly-push:\n    annual_discount: 0.3\n",
     "de.yaml:3: [locale de] variants.yearly-push.annual_discount: no text (a price, a limit, a "
     "link or a setting): plans.yaml's holds in every language"),
]


@pytest.mark.parametrize("overlay, expected", BAD_OVERLAYS)
def test_what_is_no_text_is_an_error_at_the_overlays_line(tmp_path, overlay, expected):
    read = read_catalog(project(tmp_path, overlay), lint=False)
    assert messages(read.errors) == [expected]
    with pytest.raises(CatalogError):
        read.localized("de")


def test_words_for_a_variation_plans_yaml_has_not_are_unused_and_said_so(tmp_path):
    read = read_catalog(project(tmp_path, "variants:\n  nope: {}\n"), lint=False)
    assert read.errors == []
    assert messages(read.warnings)[0] == (
        "de.yaml:2: [locale de] variants.nope: plans.yaml has no variation 'nope' with a patch "
        "(it has yearly-push, business-first): these words are not used")


def test_a_locale_text_is_checked_as_the_files_own(tmp_path):
    read = read_catalog(project(tmp_path, "site:\n  hero:\n    headline: 'x'\n"
                                          "  faq:\n    items:\n      - answer: '[Ja](javascript:alert(1))'\n"),
                        roots=(DEMO.parent / "site_src" / "docs", DEMO.parent / "site_src" / "assets"),
                        lint=False)
    assert len(read.errors) == 1
    assert read.errors[0].file.endswith("de.yaml") and read.errors[0].line == 6
    assert read.errors[0].path == "[locale de] site.faq.items[0].answer"


@pytest.mark.parametrize("section, expected", [
    ("locales:\n  - {code: de, currency: GBP, texts: locales/de.yaml}",
     "plans.yaml:{}: locales[0].currency: the catalog has no prices in GBP (it has USD, EUR): add a "
     "price book for it under price_books"),
    ("locales:\n  - {code: en, texts: locales/de.yaml}",
     "plans.yaml:{}: locales[0].code: 'en' is the language of plans.yaml itself (site.language); a "
     "locale is another one"),
    ("locales:\n  - {code: de, texts: locales/fr.yaml}",
     "plans.yaml:{}: locales[0].texts: there is no file {tmp}/locales/fr.yaml"),
    ("locales:\n  - {code: de, texts: locales/de.yaml, price: 3}",
     "plans.yaml:{}: locales[0].price: unknown field 'price' (expected one of code, currency, texts)"),
])
def test_the_locales_section_is_checked_at_its_line(tmp_path, section, expected):
    path = project(tmp_path, section=section)
    line = path.read_text().splitlines().index("locales:") + 2
    read = read_catalog(path, lint=False)
    assert messages(read.errors) == [expected.format(line, tmp=tmp_path)]


def test_texts_are_words_never_prices_links_or_settings():
    assert is_text("site.hero.headline") and is_text("plans[1].features[3]")
    assert is_text("metrics.api_calls.unit") and is_text("plans[1].price.seats.kinds.guest.name")
    assert not is_text("site.hero.primary_cta.url") and not is_text("site.features.items[0].icon")
    assert not is_text("site.pricing.calculator.request.plan") and not is_text("plans[1].id")
    assert not is_text("plans[1].price.seats.pricing") and not is_text("currency")


def test_a_locale_code_that_is_a_variations_key_is_refused(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace("    - key: business-first\n",
                                                    "    - key: de\n")
    path = tmp_path / "plans.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "locales" / "de.yaml").write_text("site: {hero: {headline: Hallo}}\n",
                                                  encoding="utf-8")
    read = read_catalog(path, lint=False)
    assert [f"{p.path}: {p.message}" for p in read.errors] == [
        "locales[0].code: 'de' is also a variation's key: build --all-variants writes both to "
        "dist/de/"]


def test_a_locale_file_that_is_no_yaml_mapping_is_an_error_in_that_file(tmp_path):
    for text in ("site: {hero: [\n", "- a list\n"):
        read = read_catalog(project(tmp_path, text), lint=False)
        assert [p.file.rsplit("/", 1)[-1] for p in read.errors] == ["de.yaml"], text


def test_a_locale_file_outside_the_project_is_refused_unread(tmp_path):
    read = read_catalog(project(tmp_path, section="locales:\n  - {code: de, texts: ../de.yaml}"),
                        lint=False)
    assert [p.path for p in read.errors] == ["locales[0].texts"]
    assert "does not have the expected form" in read.errors[0].message


@pytest.mark.parametrize("overlay, expected", [
    ("nav: [Legal]\n", "de.yaml:1: [locale de] nav: a locale's nav is a mapping of the titles of "
                       "mkdocs.yml's nav sections and links to theirs in this language (Legal: "
                       "Rechtliches)"),
    ("nav:\n  Legal: Rechtliches\n  Blog: 3\n",
     "de.yaml:3: [locale de] nav.Blog: expected a text: the title in this language"),
])
def test_a_locales_nav_titles_are_texts_checked_at_their_line(tmp_path, overlay, expected):
    read = read_catalog(project(tmp_path, overlay), lint=False)
    assert expected in messages(read.errors)


def test_a_locales_nav_titles_are_read_apart_from_plans_yaml(tmp_path):
    read = read_catalog(project(tmp_path, "nav:\n  Legal: Rechtliches\n"), lint=False)
    assert read.errors == []
    (locale,) = read.locales
    assert locale.nav_titles == {"Legal": "Rechtliches"}
    assert "nav" not in localized_document(read.data, locale)   # no field of plans.yaml's


def test_a_nav_title_mkdocs_yml_has_not_is_unused_and_said_so_at_its_line(tmp_path):
    read = read_catalog(project(tmp_path, "nav:\n  Legal: Rechtliches\n  Legl: Recht\n"),
                        lint=False)
    nav = [{"Home": "index.md"}, {"Legal": [{"Privacy policy": "legal/privacy.md"}]}]
    assert messages(nav_warnings(read, nav)) == [
        "de.yaml:3: [locale de] nav.Legl: mkdocs.yml's nav has no section or link titled 'Legl': "
        "this title is not used"]
