"""Touch targets on a phone (390x844, touch, device scale 2): every control a finger can hit on
the landing and pricing pages is at least 24x24 CSS px (WCAG 2.5.8's size, without leaning on
its spacing exception: the rule behind Lighthouse's "touch targets do not have sufficient size
or spacing"), measured box by box, and axe-core's target-size rule finds none too small."""

import pytest

from tests.site_support import demo_site
from tests.support.http_server import StaticServer
from tests.support.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "pricing/"]

# Every target a finger can hit, on the page (not off-canvas, not click-through), under 24 px
# either way, but for links inside a run of text (WCAG's inline exception).
TOO_SMALL = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
                     '[role=button], [tabindex]:not([tabindex="-1"])';
    const inText = (el) => getComputedStyle(el).display === 'inline' &&
        [...el.parentElement.childNodes].some((n) => n !== el && n.textContent.trim());
    return [...document.querySelectorAll(selector)].filter((el) => {
        const box = el.getBoundingClientRect(), style = getComputedStyle(el);
        return box.width && box.height && style.visibility !== 'hidden' &&
            style.pointerEvents !== 'none' && box.left >= 0 && box.right <= innerWidth &&
            (box.width < 24 || box.height < 24) && !inText(el);
    }).map((el) => `${el.tagName.toLowerCase()} ${el.name || el.className} ` +
                   `${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`);
}"""


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site()) as running:
        yield running


@pytest.mark.parametrize("path", PAGES)
def test_every_touch_target_is_at_least_24_px_each_way(open_on, server, path):
    page = open_on("phone", server.url + path)
    assert page.evaluate(TOO_SMALL) == []


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_target_too_small(open_on, server, path):
    page = open_on("phone", server.url + path)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("""() => axe.run(document, {
        runOnly: {type: 'rule', values: ['target-size']}, resultTypes: ['violations', 'passes']})""")
    assert results["passes"], "the rule found no target to judge"
    assert [node["target"] for v in results["violations"] for node in v["nodes"]] == []
