"""axe-core (from the npm registry, pinned in package-lock.json) on the landing and pricing
pages, light and dark, phone and desktop: no serious or critical violation."""

import json

import pytest

from tests.site_support import demo_site
from tests.support.http_server import StaticServer
from tests.support.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def server():
    with StaticServer(demo_site()) as running:
        yield running


def serious(results):
    return [f"{v['id']} ({v['impact']}): {v['help']} — " +
            "; ".join(node["target"][0] if isinstance(node["target"][0], str) else
                      json.dumps(node["target"]) for node in v["nodes"][:4])
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", ["", "pricing/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_no_serious_accessibility_violation(browser, server, path, scheme, width):
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert serious(results) == []
    finally:
        context.close()
