"""The built site under its own strict Content-Security-Policy, and what keeps it strict."""

import re
from pathlib import Path

import material
import pytest

from pricing_site.build.headers import CSP, headers_file, immutable_paths
from tests.site_support import demo_site
from tests.support.http_server import StaticServer, rule_matches
from tests.support.paths import ROOT
from tests.support.page_problems import watch_problems

MATERIAL_JS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OUR_JS = ROOT / "site_src" / "assets"

# Record violations from the first instant (an init script runs before the page's own).
RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.mark.e2e
def test_the_policy_names_no_other_origin_and_allows_no_inline_script():
    assert "script-src 'self' 'wasm-unsafe-eval'" in CSP
    assert "worker-src 'self'" in CSP and "connect-src 'self'" in CSP
    assert "unsafe-inline" not in CSP and "http" not in CSP
    assert f"Content-Security-Policy: {CSP}" in headers_file()
    assert (demo_site() / "_headers").read_text() == headers_file(folders=["de/"])


@pytest.mark.e2e
def test_every_script_stylesheet_and_image_a_page_loads_is_cached_for_good():
    """A warm visit asks the server about none of them (immutable_paths in _headers, the German site's too)."""
    site = demo_site()
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        refs = re.findall(r'<(?:script[^>]*\bsrc|img[^>]*\bsrc|link[^>]*rel="(?:stylesheet|icon)"'
                          r'[^>]*\bhref)="(?!data:)([^"]+)"', html)
        assert any("/images/" in ref for ref in refs) and any(".js" in ref for ref in refs), page
        for ref in refs:
            path = ref if ref.startswith("/") else \
                "/" + (page.parent / ref).resolve().relative_to(site.resolve()).as_posix()
            assert any(rule_matches(rule, path) for rule in immutable_paths(["de/"])), (page, ref)


@pytest.mark.e2e
def test_built_pages_hold_no_inline_executable_script():
    for page in demo_site().rglob("*.html"):
        for attrs in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page.read_text("utf-8")):
            assert re.search(r'type="application/(ld\+)?json"', attrs), (page, attrs)


@pytest.mark.parametrize("name, index, ours, swap", [
    ("base", 0, "base.js", ('new URL("{{ config.extra.scope | d(base_url) }}",location)',
                            "new URL(document.currentScript.dataset.scope,location)")),
    ("outdated", 0, "outdated.js", ('new URL("{{ base_url }}")',
                                    "new URL(document.currentScript.dataset.base,location)")),
    ("palette", 0, "palette.js", None), ("announce", 0, "announce.js", None),
    ("consent", 0, "consent.js", None), ("content", 0, "content-tabs.js", None),
    ("content", 1, "content.js", None),
])
def test_moved_material_scripts_match_the_installed_material(name, index, ours, swap):
    """When Material is upgraded and its inline snippets change, this fails: copy them again."""
    source = (MATERIAL_JS / f"{name}.html").read_text("utf-8")
    script = re.findall(r"<script>(.*?)</script>", source, re.S)[index]
    if swap:
        script = script.replace(*swap)
    copy = (OUR_JS / "js" / "material" / ours).read_text("utf-8")
    assert copy.rstrip("\n").endswith(script)


def test_our_scripts_never_write_html_from_data():
    for path in OUR_JS.rglob("*.js"):
        if "material" in path.parts:
            continue
        code = [line for line in path.read_text("utf-8").splitlines()
                if not line.strip().startswith("//")]
        text = "\n".join(code)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{path.relative_to(ROOT)} uses {sink}"


def test_no_violation_while_using_the_calculator_under_the_policy(browser):
    # served as Netlify or Cloudflare Pages would, with the headers the build's _headers gives
    with StaticServer(demo_site(), host_rules=True) as server:
        page = browser.new_page()
        try:
            problems = watch_problems(page)  # (a CSP violation is a console error)
            page.add_init_script(RECORD)
            for path in ("", "about/"):
                response = page.goto(server.url + path)
                assert response.headers["content-security-policy"] == CSP
            page.goto(server.url + "pricing/")
            page.wait_for_function("() => document.querySelector('[data-testid=calculator-status]')"
                                   ".dataset.state === 'live'", timeout=60000)
            page.fill("[data-testid=calc-seats]", "49")
            page.wait_for_function("() => document.querySelector('[data-testid=calculator-total]')"
                                   ".textContent === '$2,060.00'", timeout=10000)
            page.select_option("[data-testid=calc-plan]", "business")
            page.wait_for_function("() => document.querySelector('[data-testid=calculator-result]')"
                                   ".dataset.plan === 'business'", timeout=10000)
            if page.is_visible("label[for=__palette_1]"):  # the dark palette, too
                page.click("label[for=__palette_1]", timeout=5000)
            assert page.evaluate("() => window.__violations") == []
            assert problems == []
        finally:
            page.close()
