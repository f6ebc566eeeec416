"""Real copy on a phone: long words (German compounds, a URL, a long badge), big figures and six
priced plans never widen a page past the screen, and every plan's chart line is drawn."""

import copy

import pytest

from tests.catalogs import books_follow_plans
from tests.site_support import build_data, demo_data
from tests.support.http_server import StaticServer

PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def long_copy_site(tmp_path_factory):
    data = demo_data()
    site = data["site"]
    site["hero"]["headline"] = "Die Kundenkommunikationsplattform für Ihr ganzes Team"
    site["cta"]["headline"] = "Kundenkommunikationsplattformeinführungsbegleitung"
    site["proof"]["stats"][0]["value"] = "2,300,000+"
    site["proof"]["stats"][1]["value"] = "€1.2 Mrd."
    site["faq"]["items"][0]["answer"] = (
        "See https://app.relaykit.example/settings/integrations/salesforce/oauth-callback?workspace=default")
    data["plans"][1]["badge"] = "Most popular with growing support teams everywhere"
    business = data["plans"][2]
    for n in range(3):  # five plans on the chart (Free's limit keeps it off at 10 seats)
        extra = copy.deepcopy(business)
        extra.update(id=f"scale{n}", name=f"Scale {n}", popular=False)
        extra.pop("badge", None)
        extra["price"]["flat"] = 300 + 100 * n
        data["plans"].insert(3 + n, extra)
    books_follow_plans(data, {f"scale{n}": "business" for n in range(3)})
    with StaticServer(build_data(data, tmp_path_factory.mktemp("long-copy")),
                      host_rules=True) as server:
        yield server


@pytest.mark.parametrize("path", ["", "pricing/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_long_copy_never_widens_the_page_on_a_phone(browser, long_copy_site, path, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(long_copy_site.url + path)
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 1
                        && !el.closest('.rk-compare, .md-sidebar, .md-search, .md-tabs'))
        .map((el) => el.className || el.tagName).slice(0, 5)""")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], wide
    assert wide == []
    context.close()


def test_the_badge_stays_inside_its_card(browser, long_copy_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(long_copy_site.url + "pricing/")
    card = page.locator(".rk-card--popular").bounding_box()
    badge = page.locator(".rk-card--popular .rk-card__badge").bounding_box()
    assert card["x"] <= badge["x"] and badge["x"] + badge["width"] <= card["x"] + card["width"]
    page.close()


def test_every_plan_on_the_chart_has_a_coloured_line(browser, long_copy_site):
    page = browser.new_page()
    page.goto(long_copy_site.url + "pricing/")
    page.evaluate("window.pricingCalculator.ready")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=calculator-chart] path').length >= 5")
    strokes = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid=calculator-chart] path.rk-chart__line')].map((p) => getComputedStyle(p).stroke)""")
    assert len(strokes) >= 5 and "none" not in strokes  # Team, Business, Scale 0-2
    page.close()


def test_the_charts_axis_labels_are_readable_on_a_phone(browser, long_copy_site):
    """Drawn for a wider figure and scaled down, the ticks were 5, then 8 px tall on a phone:
    they are drawn in CSS pixels, 12 px."""
    page = browser.new_page(viewport=PHONE)
    page.goto(long_copy_site.url + "pricing/")
    page.evaluate("window.pricingCalculator.ready")
    page.wait_for_function("() => document.querySelector('[data-testid=calculator-chart] .rk-chart__tick')")
    heights = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid=calculator-chart] .rk-chart__tick')].map((t) => t.getBoundingClientRect().height)""")
    assert min(heights) >= 12, heights
    box = page.locator("[data-testid=calculator-chart] svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.close()
