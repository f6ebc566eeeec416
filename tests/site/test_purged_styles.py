"""Every built page looks the same with the purged copy of Material's stylesheet as with the
whole one: each element's computed style (its ::before and ::after too), on a phone and a
laptop, in two loads of the page, one served Material's own stylesheet in the purged one's
place (custom properties aside: unused ones are dropped, and they draw nothing themselves)."""

import re

import pytest

from tests.build.test_unused_css import MATERIAL_CSS
from tests.site_support import demo_site
from tests.support.devices import DEVICES
from tests.support.http_server import StaticServer

CASES = [*[(path, "phone") for path in ("", "pricing/", "de/pricing/")],
         *[(path, "desktop") for path in ("", "pricing/", "docs/", "about/", "legal/privacy/",
                                          "404.html")]]

# Each element's computed styles: its own, ::before's, ::after's, as lines "name:value"; sizes
# and positions left out (they follow from the rest, and would show first on <body>).
STYLES = """(index) => {
  const GEOMETRY = /^(block-size|inline-size|height|width|perspective-origin|transform-origin|grid-template-(rows|columns)|inset-[a-z-]+|top|bottom|left|right)$/;
  const read = (el, pseudo) => {
    const style = getComputedStyle(el, pseudo);
    return Array.from(style).filter((name) => !name.startsWith("--") && !GEOMETRY.test(name))
      .map((name) => name + ":" + style.getPropertyValue(name)).join("\\n");
  };
  const hash = (text) => {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  const all = [...document.querySelectorAll("*")];
  const styles = (el) => [read(el), read(el, "::before"), read(el, "::after")];
  if (index !== null) return styles(all[index]);
  return all.map((el) => [el.tagName + "." + (el.getAttribute("class") || ""),
                          ...styles(el).map(hash)]);
}"""


@pytest.fixture(scope="module")
def server():
    """The demo as a plain server sends it: the same bytes, no header rules."""
    with StaticServer(demo_site()) as running:
        yield running


def opened(browser, url, device, whole):
    """``url`` without the page's scripts (the same document in both loads; the classes
    scripts add are kept by their names, tests/build/test_unused_css.py)."""
    context = browser.new_context(**DEVICES[device], java_script_enabled=False)
    page = context.new_page()
    if whole:
        page.route(re.compile(r".*/stylesheets/main\.[0-9a-f]+\.min\.css$"), lambda route:
                   route.fulfill(body=MATERIAL_CSS.read_bytes(), content_type="text/css"))
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.e2e
@pytest.mark.parametrize("path, device", CASES)
def test_the_purged_stylesheet_draws_every_element_as_the_whole_one(browser, server, path,
                                                                    device):
    (purged_context, purged), (whole_context, whole) = (
        opened(browser, server.url + path, device, whole) for whole in (False, True))
    try:
        ours, theirs = purged.evaluate(STYLES, None), whole.evaluate(STYLES, None)
        assert [element for element, *_ in ours] == [element for element, *_ in theirs]
        assert len(ours) > 50
        differing = []
        for index, (own, mine) in enumerate(zip(ours, theirs)):
            if own != mine:
                lines = [set(style.split("\n")) for style in purged.evaluate(STYLES, index)]
                wanted = [set(style.split("\n")) for style in whole.evaluate(STYLES, index)]
                differing.append((own[0], [sorted(a ^ b)[:4] for a, b in zip(lines, wanted)]))
        assert differing[:5] == []
    finally:
        purged_context.close()
        whole_context.close()
