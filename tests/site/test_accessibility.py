"""axe-core (from the npm registry, pinned in package-lock.json) on the landing and pricing
pages, light and dark, phone and desktop: no serious or critical violation, and on every page
(the German ones and the 404 pages too) none at all of the rules Lighthouse's accessibility
score is made of."""

import json

import pytest

from tests.site_support import demo_site
from tests.support.devices import new_context
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


# The axe rules behind Lighthouse's accessibility score (its category's audits): a page that
# breaks none of them, whatever the impact, loses no points there.
LIGHTHOUSE_RULES = """accesskeys aria-allowed-attr aria-allowed-role aria-command-name
    aria-conditional-attr aria-deprecated-role aria-dialog-name aria-hidden-body aria-hidden-focus
    aria-input-field-name aria-meter-name aria-progressbar-name aria-prohibited-attr
    aria-required-attr aria-required-children aria-required-parent aria-roles aria-text
    aria-toggle-field-name aria-tooltip-name aria-treeitem-name aria-valid-attr-value
    aria-valid-attr button-name bypass color-contrast definition-list dlitem document-title
    duplicate-id-aria empty-heading empty-table-header form-field-multiple-labels frame-title
    heading-order html-has-lang html-lang-valid html-xml-lang-mismatch
    identical-links-same-purpose image-alt image-redundant-alt input-button-name input-image-alt
    label-content-name-mismatch label landmark-one-main link-in-text-block link-name list
    listitem meta-refresh meta-viewport object-alt select-name skip-link tabindex
    table-duplicate-name table-fake-caption target-size td-has-header td-headers-attr
    th-has-data-cells valid-lang video-caption""".split()


@pytest.mark.parametrize("path", ["", "pricing/", "about/", "docs/", "legal/privacy/",
                                  "legal/terms/", "404.html", "de/", "de/pricing/", "de/docs/",
                                  "de/404.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_no_violation_of_the_rules_lighthouse_scores(browser, server, path, scheme, device):
    context = new_context(browser, device, scheme)
    try:
        page = context.new_page()
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("""(rules) => axe.run(document, {resultTypes: ['violations'],
            runOnly: {type: 'rule', values: rules.filter((id) => axe.getRules().some((r) => r.ruleId === id))}})""",
                                LIGHTHOUSE_RULES)
        assert [(v["id"], [node["target"] for node in v["nodes"]]) for v in results["violations"]] == []
    finally:
        context.close()
