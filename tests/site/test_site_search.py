"""The site's search finds the landing and pricing pages: their plans, FAQ answers and
sections, in each language's own index, and a result for a question opens its answer."""

import json

import pytest
import yaml

from tests.site_support import demo_site, parse
from tests.support.paths import DEMO, DEMO_TEXTS

pytestmark = pytest.mark.e2e  # builds the demo site and drives Chromium


def index(folder):
    data = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in data["docs"]}


@pytest.mark.parametrize("language", ["en", "de"])
def test_each_language_indexes_its_plans_questions_and_sections(language):
    texts = yaml.safe_load((DEMO if language == "en" else DEMO_TEXTS / f"{language}.yaml")
                           .read_text(encoding="utf-8"))["site"]
    folder = demo_site() if language == "en" else demo_site() / language
    found = index(folder)
    asked = [(f"#faq-{n}", item) for n, item in enumerate(texts["faq"]["items"], 1)] + [
        (f"pricing/#pricing-faq-{n}", item) for n, item in enumerate(texts["pricing"]["faq"]["items"], 1)]
    for location, item in asked:
        assert found[location]["title"] == item["question"], location
        assert found[location]["text"]   # the answer, as the page renders its Markdown
    cards = parse(folder / "pricing" / "index.html").by_class("rk-card__name")
    assert [found[f"pricing/#{name.parent.attrs['id']}"]["title"] for name in cards] == [
        name.text for name in cards] != []
    assert found["pricing/"]["title"] == texts["pricing"]["headline"]
    assert found[""]["title"] == texts["hero"]["headline"]
    assert {"#story", "#features", "#cta", "pricing/#calculator"} <= set(found)


def test_a_search_finds_the_answer_and_its_result_opens_it(open_on, server):
    page = open_on("phone", server.url + "docs/")   # the site's policy (CSP) sent
    page.wait_for_function("() => window.document$")   # Material's search, after the paint
    page.keyboard.press("s")
    page.locator("[data-md-component=search-query]").fill("counts as a seat")
    page.keyboard.press("End")
    result = page.locator("a.md-search-result__link[href*='/pricing/'][href$='#pricing-faq-1']")
    result.wait_for()
    assert result.locator("h2").text_content() == "What counts as a seat?"
    page.goto(server.url + "pricing/#pricing-faq-3")   # a question the page opens closed
    page.wait_for_function("() => document.getElementById('pricing-faq-3').open", timeout=10000)
    top = page.evaluate("document.getElementById('pricing-faq-3').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < 200   # the question at the top of the screen, under the header
