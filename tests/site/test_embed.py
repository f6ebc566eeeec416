"""The embeddable calculator from another origin (docs/embed.md): the built site served with its
own ``_headers`` on one origin, a host page on another loading embed/embed.js, in Chromium."""

import json
import shutil
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from calculator import quote
from pricing_site.build.site import build_site
from pricing_site.catalog import load_catalog_file
from tests.site_support import project_copy
from tests.support.http_server import StaticServer
from tests.support.paths import ROOT

pytestmark = pytest.mark.e2e

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SIGNUP = "https://app.relaykit.example/signup"  # Team's cta url, less its query
HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>Another site</h1>
<script src="{site}embed/embed.js" data-query="plan=team&amp;seats=12"></script>
<p id="after">after the calculator</p>
<script src="host.js"></script></body></html>"""
HOST_JS = """document.addEventListener("pricing-calculator:ready", () => { window.embedReady = true; });"""
# a page of a third origin that tries to resize the host's calculator
FOREIGN = """<!doctype html><html><body><script src="foreign.js"></script></body></html>"""
FOREIGN_JS = """parent.postMessage({type: "pricing-calculator:height", height: 7}, "*");
document.title = "sent";"""


@pytest.fixture(scope="module")
def origins():
    """(host server, site server, catalog): the host at http://localhost:PORT, the only origin
    the site's YAML lets frame the embed; the site at http://127.0.0.1:OTHER."""
    base = Path(tempfile.mkdtemp(prefix="embed-test-"))
    host_dir = base / "host"
    host_dir.mkdir()
    try:
        with StaticServer(host_dir) as host:
            host_origin = host.url.replace("127.0.0.1", "localhost").rstrip("/")
            (base / "project").mkdir()
            project = project_copy(base / "project")
            text = (project / "plans.yaml").read_text(encoding="utf-8")
            text = text.replace("\nsite:\n", "\nsite:\n  embed: {enabled: true, allowed_origins: "
                                f"[\"https://www.example.com\", \"{host_origin}\"]}}\n", 1)
            (project / "plans.yaml").write_text(text, encoding="utf-8")
            assert build_site(str(project / "plans.yaml"), out=str(base / "site"),
                              config_file=str(project / "mkdocs.yml")) == 0
            with StaticServer(base / "site", host_rules=True) as site:
                (host_dir / "host.html").write_text(HOST.format(site=site.url), encoding="utf-8")
                (host_dir / "host.js").write_text(HOST_JS, encoding="utf-8")
                (host_dir / "foreign.html").write_text(FOREIGN, encoding="utf-8")
                (host_dir / "foreign.js").write_text(FOREIGN_JS, encoding="utf-8")
                yield host_origin, site, load_catalog_file(str(project / "plans.yaml"))
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def host_page(browser, origins):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{origins[0]}/host.html")
    frame = page.wait_for_selector("iframe[data-pricing-calculator]").content_frame()
    frame.wait_for_function("() => window.pricingCalculator !== undefined")
    frame.evaluate("() => window.pricingCalculator.ready")
    page.wait_for_function("() => window.embedReady === true")
    yield page, frame
    context.close()


def frame_height(page):
    return page.evaluate("() => document.querySelector('iframe[data-pricing-calculator]')"
                         ".getBoundingClientRect().height")


def test_embed_prices_a_typed_seat_count_as_cpython(host_page, origins):
    page, frame = host_page
    assert frame.url.startswith(origins[1].url + "embed/calculator/?")
    assert frame.input_value("[data-testid=calc-plan]") == "team"  # the host's preset
    assert frame.input_value("[data-testid=calc-seats]") == "12"
    frame.fill("[data-testid=calc-seats]", "49")
    frame.press("[data-testid=calc-seats]", "Tab")
    frame.wait_for_function("""() => document.querySelector('[data-testid=calculator-status]')
        .dataset.state === 'live' && new URLSearchParams(location.search).get('seats') === '49'""")
    request = frame.evaluate("""async () => {
        const loader = document.querySelector("script[src$='/client.js']").src;
        const {readState} = await import(new URL('state.js', loader).href);
        return readState(document.querySelector('[data-testid=calculator-form]')).request;
    }""")
    assert request["plan"] == "team" and str(request["seats"]) == "49"
    expected = json.loads(json.dumps(quote(origins[2], request).to_dict()))
    frame.wait_for_function("(total) => document.querySelector('[data-testid=calculator-total]')"
                            ".textContent.trim() === total", arg=expected["display"]["total"])
    assert frame.evaluate("(r) => window.pricingCalculator.quote(r)", request) == expected


def test_the_frame_follows_the_content_height(host_page):
    page, frame = host_page
    page.wait_for_function("() => document.querySelector('iframe[data-pricing-calculator]')"
                           ".style.height !== '720px'")
    content = frame.evaluate("() => Math.ceil(document.querySelector('[data-embed]')"
                             ".getBoundingClientRect().bottom)")
    assert abs(frame_height(page) - content) <= 1
    frame.evaluate("""() => { const tall = document.createElement('div');
        tall.id = 'tall'; tall.style.height = '600px';
        document.querySelector('[data-embed]').append(tall); }""")
    page.wait_for_function("(h) => document.querySelector('iframe[data-pricing-calculator]')"
                           ".getBoundingClientRect().height >= h + 599", arg=content)
    frame.evaluate("() => document.getElementById('tall').remove()")
    page.wait_for_function("(h) => Math.abs(document.querySelector('iframe[data-pricing-calculator]')"
                           ".getBoundingClientRect().height - h) <= 1", arg=content)


def test_messages_from_another_origin_or_window_are_ignored(host_page, origins):
    page, _ = host_page
    before = frame_height(page)
    # the host's own window (same origin as the host, not the frame) and a third origin's frame
    page.evaluate("() => window.postMessage({type: 'pricing-calculator:height', height: 5}, '*')")
    third = origins[0].replace("localhost", "127.0.0.1") + "/foreign.html"
    page.evaluate("""(url) => new Promise((done) => { const f = document.createElement('iframe');
        f.src = url; f.onload = done; setTimeout(done, 5000); document.body.append(f); })""", third)
    page.wait_for_timeout(300)  # let any message be delivered
    assert frame_height(page) == before


def test_sign_up_opens_in_the_top_window(host_page):
    page, frame = host_page
    page.route(SIGNUP + "**",
               lambda route: route.fulfill(body="<title>Sign up</title>", content_type="text/html"))
    # the bill's own call to action, carrying the estimate the host preset (pages/cta.py)
    cta = frame.locator("[data-testid=calculator-cta]:visible")
    href = cta.get_attribute("href")
    assert cta.count() == 1 and href.startswith(SIGNUP + "?")
    assert {"plan": ["team"], "seats": ["12"]}.items() <= parse_qs(urlsplit(href).query).items()
    cta.click()
    page.wait_for_url(href)


def test_other_pages_refuse_to_be_framed(browser, origins):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{origins[0]}/host.html")
        for path in ("pricing/", "", "embed/calculator/"):
            page.evaluate("""(url) => new Promise((done) => { const f = document.createElement('iframe');
                f.src = url; f.onload = done; setTimeout(done, 5000); document.body.append(f); })""", origins[1].url + path)
        framed = {frame.url for frame in page.frames[1:]}
        assert origins[1].url + "embed/calculator/" in framed
        assert origins[1].url + "pricing/" not in framed and origins[1].url not in framed
    finally:
        context.close()


def test_the_embed_page_has_no_accessibility_violation(browser, origins):
    context = browser.new_context(bypass_csp=True)  # axe comes in as a script tag
    try:
        page = context.new_page()
        page.goto(origins[1].url + "embed/calculator/")
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]])
                for v in results["violations"]] == []
    finally:
        context.close()
