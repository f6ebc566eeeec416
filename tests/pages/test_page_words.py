"""The words page data writes itself, in the build's language: German under the German
translations, English again once they are no longer in force (the engine's words and the
marketer's texts are not these)."""

from pricing_site.build.locale import translations
from pricing_site.pages.pricing import pricing_context
from pricing_site.pages.words import _, speaking

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js", "worker": "w.js"}


def _page(demo, demo_content):
    return pricing_context(demo, demo_content, lambda url: url, BUNDLE_URLS)


def _labels(page):
    table = page["comparison"]
    return [group["title"] for group in table["groups"]], \
        [row["label"] for group in table["groups"][:1] for row in group["rows"]]


def test_the_comparison_s_own_words_are_german_under_german(demo, demo_content):
    with speaking(translations("de")):
        groups, rows = _labels(_page(demo, demo_content))
    assert groups[:3] == ["Preise", "Nutzung", "Zusatzoptionen"]
    assert rows[:2] == ["Ab", "Grundgebühr"]


def test_a_card_s_notes_and_savings_are_german_under_german(demo, demo_content):
    with speaking(translations("de")):
        cards = {card["id"]: card for card in _page(demo, demo_content)["cards"]}
    team = cards["team"]["books"][0]
    assert team["saving"].startswith("Sparen Sie ") and team["saving"].endswith(" pro Jahr")
    assert [price["period"] for price in team["prices"]] == ["/Monat", "/Monat"]
    assert team["prices"][0]["note"].startswith("Monatlich abgerechnet")


def test_english_again_once_the_build_is_done(demo, demo_content):
    with speaking(translations("de")):
        assert _("Starts at") == "Ab"
    groups, rows = _labels(_page(demo, demo_content))
    assert groups[:3] == ["Pricing", "Usage", "Add-ons"] and rows[:2] == ["Starts at", "Base fee"]
