"""What a prospect has in sight on the pricing page, on a phone (390x844, touch) and a laptop
(1440x900): the total while the form is edited, a section a link names, a page that does not
move under the reader. Each test keeps a screenshot of what it checked."""

import pytest

from tests.site_support import demo_site
from tests.support.devices import new_context
from tests.support.http_server import StaticServer
from tests.support.screenshots import keep_screenshot

DEVICES = ("phone", "desktop")

HEADER_BOTTOM = "() => document.querySelector('.md-header').getBoundingClientRect().bottom"


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site(), host_rules=True) as running:
        yield running


@pytest.fixture
def open_pricing(browser, server):
    """The pricing page (plus ``tail``: a query, a fragment) on a device, once Python answers."""
    contexts = []

    def open_page(device, tail="", scheme="light"):
        context = new_context(browser, device, scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(server.url + "pricing/" + tail)
        page.wait_for_function("() => document.querySelector("
                               "'[data-testid=calculator-status]').dataset.state === 'live'",
                               timeout=60000)
        settle(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


def settle(page):
    """Two frames drawn: what the last change laid out is on screen."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


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
        while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
            const before = scrollY;
            scrollBy(0, innerHeight / 2);
            await new Promise((done) => requestAnimationFrame(done));
            if (scrollY === before) break;
        }
    }""")
    settle(page)
    assert page.evaluate("() => document.documentElement.scrollHeight") == height
