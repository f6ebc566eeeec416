"""The plan comparison table as a prospect reads it, on a phone (390x844, touch) and a laptop
(1440x900): mid-table, each shown plan's name and each row's label stay in sight; on the phone
two plans stand side by side, picked with the buttons above the table, and nothing is wider
than the screen. Screenshots of mid-table are kept."""

import pytest

from tests.site_support import demo_site
from tests.support.devices import settle
from tests.support.http_server import StaticServer
from tests.support.screenshots import keep_screenshot

# A row's cells, each with the plan header above it: is that header in the viewport, below
# Material's sticky header, on top (not covered) and over the cell's column? And the row label.
ROW_IN_SIGHT = """(row) => {
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const onTop = (el) => {
        const box = el.getBoundingClientRect();
        if (!box.width || box.top < header - 1 || box.bottom > innerHeight) return false;
        return el.contains(document.elementFromPoint(box.left + box.width / 2,
                                                     box.top + box.height / 2));
    };
    const table = row.closest('table');
    const cells = [...row.querySelectorAll('td[data-plan]')].filter((td) => td.offsetParent);
    return {
        label: onTop(row.querySelector('th')),
        plans: cells.map((td) => {
            const th = table.querySelector(`thead th[data-plan="${td.dataset.plan}"]`);
            const a = th.getBoundingClientRect(), b = td.getBoundingClientRect();
            return [td.dataset.plan, onTop(th) && Math.abs(a.left - b.left) < 2];
        }),
    };
}"""


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site()) as running:
        yield running


@pytest.fixture
def open_compare(open_on, server):
    return lambda device, scheme="light": open_on(device, server.url + "pricing/#compare", scheme)


def mid_table_row(page):
    """The row in the middle of the table, scrolled to the middle of the screen."""
    rows = page.locator("#compare tbody tr:not(.rk-compare__group)")
    row = rows.nth(rows.count() // 2)
    row.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    settle(page)
    return row


@pytest.mark.parametrize("device, plans", [("phone", ["team", "business"]),
                                           ("desktop", ["free", "team", "business", "enterprise"])])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mid_table_the_plan_names_and_row_labels_are_in_sight(open_compare, device, plans, scheme):
    page = open_compare(device, scheme)
    row = mid_table_row(page)
    sight = row.evaluate(ROW_IN_SIGHT)
    keep_screenshot(page, f"compare-mid-table-{device}-{scheme}")
    assert sight == {"label": True, "plans": [[plan, True] for plan in plans]}


def test_on_a_phone_two_plans_are_picked_side_by_side_and_nothing_is_wider_than_the_screen(
        open_compare):
    page = open_compare("phone")
    picker = page.get_by_role("group", name="Plans side by side")
    pressed = lambda: [b.text_content() for b in picker.get_by_role("button").all()  # noqa: E731
                       if b.get_attribute("aria-pressed") == "true"]
    assert pressed() == ["Team", "Business"]  # the popular plan and the next one
    picker.get_by_role("button", name="Free").tap()
    assert pressed() == ["Free", "Business"]  # the plan picked longest ago gives way
    picker.get_by_role("button", name="Enterprise").tap()
    assert pressed() == ["Free", "Enterprise"]
    header = page.locator("#compare thead th:visible")
    assert header.all_text_contents() == ["Free", "Enterprise"]
    table = page.locator("#compare table").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    sight = mid_table_row(page).evaluate(ROW_IN_SIGHT)
    assert sight == {"label": True, "plans": [["free", True], ["enterprise", True]]}
    keep_screenshot(page, "compare-picked-phone")


def test_without_javascript_a_swiped_table_keeps_its_row_labels(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "pricing/#compare")
    box = page.locator(".rk-compare__scroll")
    middle = box.bounding_box()
    page.mouse.move(middle["x"] + middle["width"] / 2, 400)
    page.mouse.wheel(1000, 0)  # swiped sideways to the end
    at_end = "(el) => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1"
    for _ in range(200):  # up to 10 s (the page's own timers and polling need its scripts)
        if box.evaluate(at_end):
            break
        page.wait_for_timeout(50)
    label = page.locator("#compare tbody tr:not(.rk-compare__group) th").first
    cell = page.locator("#compare tbody td[data-plan=enterprise]").first
    assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= 390  # swiped to the end
    assert label.bounding_box()["x"] >= box.bounding_box()["x"]
    keep_screenshot(page, "compare-swiped-no-js-phone")
    context.close()
