"""What a prospect has in sight on the pricing page, on a phone (390x844, touch) and a laptop
(1440x900): the total while the form is edited, a section a link names, a page that does not
move under the reader, and the way back out. Each test keeps a screenshot of what it checked."""

import pytest

from calculator import quote
from tests.support.devices import LIVE, settle
from tests.support.screenshots import keep_screenshot

DEVICES = ("phone", "desktop")

# The elements whose data-testid says "total", shown, inside the viewport and on top at their
# centre, with their period ("Total per month") in the element or in its row of the bill.
TOTALS_IN_SIGHT = """() => [...document.querySelectorAll('[data-testid*=total]')].filter((el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || box.top < 0 || box.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return el.contains(hit);
}).map((el) => (el.closest('tr') ?? el).textContent.replace(/\\s+/g, ' ').trim())"""

HEADER_BOTTOM = "() => document.querySelector('.md-header').getBoundingClientRect().bottom"


@pytest.fixture
def open_pricing(open_on, server):
    """The pricing page (plus ``tail``: a query, a fragment) on a device, once Python answers."""
    return lambda device, tail="", scheme="light": open_on(device, server.url + "pricing/" + tail,
                                                           scheme, live=True)


def total_of(catalog, request):
    return quote(catalog, request).to_dict()["display"]["total"]


@pytest.mark.parametrize("device", DEVICES)
def test_the_total_and_its_period_stay_in_sight_while_the_form_is_edited(open_pricing, catalog,
                                                                          device):
    page = open_pricing(device)
    seats = page.get_by_test_id("calc-seats")
    seats.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    seats.fill("30")
    total = total_of(catalog, {"plan": "team", "seats": 30})
    page.wait_for_function(f"() => ({TOTALS_IN_SIGHT})().some((t) => t.includes({total!r}))")
    in_sight = page.evaluate(TOTALS_IN_SIGHT)
    keep_screenshot(page, f"total-in-sight-{device}")
    assert any(total in text and "per month" in text for text in in_sight), in_sight
    # the storage field at the bottom of the screen: still in sight
    page.get_by_test_id("calc-usage-storage_gb").evaluate("(el) => el.scrollIntoView({block: 'end'})")
    page.get_by_test_id("calc-usage-storage_gb").fill("80")
    total = total_of(catalog, {"plan": "team", "seats": 30, "usage": {"storage_gb": "80"}})
    page.wait_for_function(f"() => ({TOTALS_IN_SIGHT})().some((t) => t.includes({total!r}))")


def test_the_kept_total_gives_way_to_the_bill_and_leaves_with_the_form(open_pricing):
    page = open_pricing("phone")
    bar = page.get_by_test_id("calculator-total-bar")
    assert bar.is_hidden()  # the form is not on screen yet
    page.get_by_test_id("calc-seats").evaluate("(el) => el.scrollIntoView({block: 'center'})")
    bar.wait_for(state="visible")
    assert bar.text_content().split() == ["Total", "per", "month",
                                          page.get_by_test_id("calculator-total").text_content()]
    page.get_by_test_id("calculator-total").evaluate("(el) => el.scrollIntoView({block: 'center'})")
    bar.wait_for(state="hidden")  # the bill's own total is in sight
    keep_screenshot(page, "total-bill-phone")
    page.evaluate("() => window.scrollTo(0, 0)")
    bar.wait_for(state="hidden")


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("section", ["compare", "calculator"])
def test_a_link_to_a_section_lands_on_its_heading_and_the_page_holds_still(open_pricing, device,
                                                                            section):
    page = open_pricing(device, f"#{section}")
    heading = page.locator(f"#{section} h2")
    gap = heading.evaluate("(el) => el.getBoundingClientRect().top") - page.evaluate(HEADER_BOTTOM)
    keep_screenshot(page, f"link-{section}-{device}")
    assert 0 <= gap <= 16, f"the heading is {gap:.0f} px below the header"
    # read to the end of the page: nothing laid out late makes it longer
    height = page.evaluate("() => document.documentElement.scrollHeight")
    page.evaluate("""async () => {
        for (let i = 0; i < 100 && scrollY + innerHeight < document.documentElement.scrollHeight - 1; i++) {
            const before = scrollY;
            scrollBy(0, innerHeight / 2);
            await new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 200); });
            if (scrollY === before) break;
        }
    }""")
    settle(page)
    assert page.evaluate("() => document.documentElement.scrollHeight") == height


@pytest.mark.parametrize("device", DEVICES)
def test_back_leaves_the_page_after_a_run_of_edits_in_one_or_two_presses(open_on, server, catalog,
                                                                          device):
    page = open_on(device, server.url)  # the landing page, then the pricing page
    page.goto(server.url + "pricing/")
    page.wait_for_function(LIVE, timeout=60000)
    entries = page.evaluate("history.length")
    page.get_by_test_id("calc-seats").fill("30")
    page.get_by_test_id("calc-billing-annual").check()
    page.get_by_test_id("calc-plan").select_option("business")
    page.get_by_test_id("calc-usage-storage_gb").fill("80")
    page.get_by_test_id("calc-addon-audit_log").check()
    slider = page.get_by_test_id("calc-usage-api_calls-slider")
    slider.evaluate("(el) => { el.value = '600'; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    calls = page.get_by_test_id("calc-usage-api_calls").input_value()
    request = {"plan": "business", "seats": 30, "billing": "annual", "addons": ["audit_log"],
               "usage": {"storage_gb": "80", "api_calls": calls}}
    page.wait_for_function("(t) => document.querySelector('[data-testid=calculator-total]')"
                           ".textContent === t", arg=total_of(catalog, request), timeout=10000)
    assert "seats=30" in page.url and f"usage.api_calls={calls}" in page.url  # a link to share
    assert page.evaluate("history.length") <= entries + 1
    for _ in range(2):
        page.go_back()
        if page.url == server.url:
            break
    page.wait_for_url(server.url)
