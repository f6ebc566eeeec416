"""Links validation refuses, built with validation skipped: the pages write none of them into
an href, and Chromium, with no Content-Security-Policy to stop a script, follows none.

Every link field of the schema holds a bypass form, and every bypass form is some plan's
button; the landing FAQ holds the forms only Markdown can write (character references).
"""

import re

import pytest
import yaml

from calculator.catalog import parse_catalog
from pricing_site.build import site_catalog
from pricing_site.build.site import build_site
from pricing_site.catalog import CatalogFile
from pricing_site.catalog.content import split
from pricing_site.catalog.yaml_reader import read_yaml
from tests.site_support import DEMO
from tests.support.http_server import StaticServer
from tests.support.links import BYPASSES, schema_fields
from tests.support.paths import one_language

MARKDOWN_BYPASSES = ["javascript&#58;alert(1)", "&#106;avascript:alert(1)",
                     "java&#x09;script:alert(1)", "&#x01;javascript:alert(1)",
                     "JaVaScRiPt:alert(1)", "//evil.example/", "/\\evil.example/",
                     "javascript&amp;#58;alert(1)"]


def _engine_only(path, roots=None, lint=True):
    """``read_catalog`` with the schema and the content checks skipped: the engine's parse only."""
    data, marks, _ = read_yaml(path)
    prices, content = split(data)
    return CatalogFile(str(path), data, marks, parse_catalog(prices), content)


def _hostile(data):
    site = data["site"]
    fields = [f for f in schema_fields("link") if f.startswith("site.")]
    for index, field in enumerate(fields):
        *parents, key = re.findall(r"\w+|\[\d+\]", field.removeprefix("site."))
        node = site
        for name in parents:  # a mapping's key, or "[0]": a list's first item
            node = node[int(name[1:-1])] if name.startswith("[") else node[name]
        node[key] = BYPASSES[index % len(BYPASSES)]
        node["label"] = f"bypass {field}"
    contact = next(plan for plan in data["plans"] if plan.get("custom"))  # "Contact sales"
    contact["cta"] = {"label": "bypass contact", "url": BYPASSES[0]}
    data["plans"] += [{"id": f"bypass-{i}", "name": f"Bypass {i}", "custom": True,
                       "cta": {"label": f"bypass {i}", "url": url}}
                      for i, url in enumerate(BYPASSES)]
    site["faq"]["items"][0]["answer"] = " ".join(f"[bypass md {i}]({url})"
                                                 for i, url in enumerate(MARKDOWN_BYPASSES))
    return data


@pytest.fixture(scope="module")
def unvalidated_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("unvalidated")
    data = _hostile(one_language(yaml.safe_load(DEMO.read_text(encoding="utf-8"))))
    catalog = base / "plans.yaml"
    catalog.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site_catalog, "read_catalog", _engine_only)
        assert build_site(str(catalog), out=str(base / "site")) == 0
    return base / "site"


@pytest.mark.e2e  # 3: the header's two links and the footer's first, on every page
@pytest.mark.parametrize("page_path, count", [("", 3 + 4 + len(MARKDOWN_BYPASSES)),
                                              ("pricing/", 3 + 1 + len(BYPASSES))])
def test_no_hostile_link_runs_or_leaves_the_site(browser, unvalidated_site, page_path, count):
    with StaticServer(unvalidated_site) as server:
        start = server.url + page_path
        page = browser.new_page()
        ran = []
        page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(start)
            links = page.locator("a:visible", has_text=re.compile("bypass"))
            assert links.count() == count
            for index in range(count):
                links.nth(index).click(timeout=5000)
                page.wait_for_timeout(50)
                assert ran == [] and page.url.startswith(server.url), (index, ran, page.url)
                if page.url.split("#")[0] != start:  # a harmless page of the site: back
                    page.goto(start)
            targets = page.evaluate("""() => [...document.querySelectorAll('a')]
                .filter(a => /bypass/.test(a.textContent) || a.dataset.testid === 'calculator-contact')
                .map(a => { try { return new URL(a.href).origin; } catch { return a.href; } })""")
            # + the navigation drawer's sign-in link (a phone's), + the calculator's contact
            assert len(targets) == count + 1 + (page_path == "pricing/")
            assert set(targets) == {server.url.rstrip("/")}
        finally:
            page.close()
