"""Material's bundle arrives after the page's largest paint (js/material-late.js), and the page
is Material's all the same: the palette a visitor prefers from the first paint, the palette
toggle and the search working once the bundle is in."""

import pytest

from tests.support.devices import new_context

# When the page's last largest-paint candidate and Material's bundle were asked for (ms from
# navigation), and the colour scheme the body had at DOMContentLoaded.
BUNDLE_IN = "() => window.document$"
TIMES = """() => {
  const bundle = performance.getEntriesByType('resource')
    .find((entry) => /assets\\/javascripts\\/bundle\\.\\w+\\.min\\.js$/.test(entry.name));
  const paints = window.__paints;
  return {classAtStart: window.__classAtStart,
          paint: paints.length ? paints[paints.length - 1].startTime : null,
          bundle: bundle ? bundle.startTime : null, schemeAtStart: window.__schemeAtStart};
}"""
AT_START = """window.__paints = [];
document.addEventListener('readystatechange', () => {
  window.__classAtStart ??= document.documentElement.className; }, {once: true});
new PerformanceObserver((list) => window.__paints.push(...list.getEntries()))
  .observe({type: 'largest-contentful-paint', buffered: true});
document.addEventListener('DOMContentLoaded', () => {
  window.__schemeAtStart = document.body.getAttribute('data-md-color-scheme'); });"""


@pytest.mark.e2e
@pytest.mark.parametrize("path", ["", "pricing/"])
@pytest.mark.parametrize("device, scheme", [("phone", "dark"), ("desktop", "light")])
def test_the_bundle_comes_after_the_largest_paint_and_the_palette_before_it(
        browser, server, path, device, scheme):
    context = new_context(browser, device, scheme)
    try:
        page = context.new_page()
        page.add_init_script(AT_START)
        page.goto(server.url + path)
        page.wait_for_function(BUNDLE_IN, timeout=20000)
        times = page.evaluate(TIMES)
        assert times["paint"] is not None and times["bundle"] is not None, times
        assert times["bundle"] > times["paint"], times
        assert times["schemeAtStart"] == ("slate" if scheme == "dark" else "default")
        # the page said it runs scripts before its content was parsed: nothing shown only with
        # scripts (the chart, the search) appears when the bundle does
        assert times["classAtStart"].split() == ["js"], times
    finally:
        context.close()


@pytest.mark.e2e
def test_once_the_bundle_is_in_the_palette_toggle_and_the_search_work(open_on, server):
    page = open_on("desktop", server.url)
    page.wait_for_function("() => window.document$")
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("(before) => document.body.dataset.mdColorScheme !== before", arg=before)
    page.keyboard.press("s")  # Material's shortcut for its search
    page.locator("[data-md-component=search-query]").fill("pricing")
    page.keyboard.press("End")  # the search reads the box on a key
    page.wait_for_function("() => /matching document/.test("
                           "document.querySelector('.md-search-result__meta').textContent)")


@pytest.mark.e2e
def test_a_visitor_reaching_for_the_page_first_gets_the_bundle_then(browser, server):
    """A key pressed while the page waits for its paint to settle starts the bundle at once.
    The page's clock stands still (no frame drawn, no timer fired), so nothing else can."""
    context = new_context(browser, "desktop", "light")
    try:
        page = context.new_page()
        page.clock.install(time=0)
        page.clock.pause_at(1000)
        page.goto(server.url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)  # the browser's time: the page's stands still
        assert page.evaluate("() => window.document$ === undefined")
        page.keyboard.press("Tab")
        page.wait_for_function("() => window.document$", polling=100)
    finally:
        context.close()
