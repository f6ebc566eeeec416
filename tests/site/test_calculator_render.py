"""The bill has one markup (site_src/overrides/pricing/calculator-result.html): the quote the
build prerendered, rendered live in Chromium by render.js, gives the result region the build
wrote, element for element, attribute for attribute, word for word; so the two renderings
cannot drift apart. One build per kind of bill, each prerendering it as its estimate, and on
each built page every kind rendered live in turn."""

import contextlib
import urllib.request

import pytest
import yaml

from calculator import quote
from pricing_site.build.site import build_site
from tests.site_support import DEMO, demo_site
from tests.support.http_server import StaticServer
from tests.support.page_problems import watch_problems
from tests.support.paths import one_language

RESULT = "[data-testid=calculator-result]"

# name: (the estimate's request, what its bill has, checked on CPython's quote)
ESTIMATES = {
    "monthly": (None,  # the demo's own: Team, 10 seats, billed monthly (demo_site)
                lambda q: q["billing"] == "monthly" and q["display"]["rows"]),
    "annual-with-a-saving": ({"plan": "business", "seats": 12, "billing": "annual",
                              "usage": {"api_calls": "150000", "storage_gb": "5000"}},
                             lambda q: q["shows"]["annual_saving"] and q["discounts"]),
    "annual-without-a-saving": ({"plan": "free", "seats": 3, "billing": "annual",
                                 "usage": {"api_calls": "10000", "storage_gb": "1"}},
                                lambda q: q["billing"] == "annual"
                                and not q["shows"]["annual_saving"]),
    "contact-sales": ({"plan": "team", "seats": 250, "billing": "monthly"},
                      lambda q: q["status"] == "contact_sales" and q["message"]),
    "tiers-and-notes": ({"plan": "team", "seats": 2, "billing": "monthly",
                         "usage": {"storage_gb": "80"}},
                        lambda q: {"tier", "note"} <= {r["kind"] for r in q["display"]["rows"]}
                        and q["alerts"] and q["nudges"]),
    "a-cheaper-plan": ({"plan": "business", "seats": 5, "billing": "monthly",
                        "usage": {"api_calls": "0", "storage_gb": "20"}},
                       lambda q: q["shows"]["cheaper_plan"]),
    "a-true-up": ({"plan": "business", "seats": 3, "billing": "annual", "commitment": True,
                   "usage": {"api_calls": "150000", "storage_gb": "20"}},
                  lambda q: any(line["kind"] == "true_up" for line in q["lines"])),
    # another price book: euros, Business's written yearly seat price, the euro tax line
    "in-euros": ({"plan": "business", "seats": 4, "billing": "annual", "currency": "EUR",
                  "usage": {"api_calls": "120000", "storage_gb": "20"}},
                 lambda q: q["currency"] == "EUR" and q["shows"]["annual_saving"]),
}

# The region as a tree to compare: [tag, {attribute: value}, children], text nodes as they are,
# a <template>'s content as its children. Left out: the status line, which says which of the
# two renderings it is (its words for every state are attributes, the same in both), and the
# chart, which chart.js draws on both.
TREE = """(region) => {
  region = region.cloneNode(true);
  region.querySelector("[data-testid=calculator-status]").remove();
  region.querySelector("[data-testid=calculator-chart]").remove();
  const tree = (node) => node.nodeType === Node.TEXT_NODE ? node.data : [node.localName,
    Object.fromEntries([...node.attributes].map((a) => [a.name, a.value])),
    [...(node.content ?? node).childNodes].filter((n) => n.nodeType !== Node.COMMENT_NODE)
      .map(tree)];
  return tree(region);
}"""

# Python's quote for a request, written into the region by render.js and its links pointed at
# the estimate by cta.js, as ui.js does; the region's tree after. The other build prerendered
# that request's links with pricing_site/pages/cta.py: the hrefs are compared too.
RENDER = f"""async (request) => {{
  const module = (name) => import(
    new URL(name, document.querySelector("script[src$='/client.js']").src).href);
  const [{{ renderResult }}, {{ pointCtas }}] = await Promise.all([module("render.js"),
                                                                 module("cta.js")]);
  const region = document.querySelector("{RESULT}");
  const quote = await window.pricingCalculator.quote(request);
  renderResult(region, quote);
  pointCtas(region, quote, JSON.parse(document.getElementById("calculator-cta").textContent));
  return ({TREE})(region);
}}"""


def lines(tree, depth=0):
    """The tree as indented lines, so a difference reads as the lines that differ."""
    if isinstance(tree, str):
        return [" " * depth + repr(tree)]
    tag, attributes, children = tree
    head = " ".join([tag] + [f"{k}={v!r}" for k, v in sorted(attributes.items())])
    return [" " * depth + head] + [line for child in children for line in lines(child, depth + 2)]


@pytest.fixture(scope="module")
def sites(tmp_path_factory, browser):
    """``{name: (server, request, tree)}``: the demo built once per estimate and served with its
    _headers (CSP); the estimate's request as the page has it (with the plan's defaults) and
    its result region as the build wrote it (``lines``)."""
    data = one_language(yaml.safe_load(DEMO.read_text(encoding="utf-8")))
    del data["variants"]
    folder = tmp_path_factory.mktemp("estimates")
    parser = browser.new_page()
    with contextlib.ExitStack() as stack:
        stack.callback(parser.close)
        sites = {}
        for name, (request, _) in ESTIMATES.items():
            out = demo_site() if request is None else folder / name
            if request is not None:
                data["site"]["pricing"]["calculator"]["request"] = request
                source = folder / f"{name}.yaml"
                source.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
                assert build_site(str(source), out=str(out)) == 0
            server = stack.enter_context(StaticServer(out, host_rules=True))
            with urllib.request.urlopen(server.url + "pricing/") as response:
                html = response.read().decode("utf-8")
            built = parser.evaluate(f"""(html) => {{
              const page = new DOMParser().parseFromString(html, "text/html");
              return [JSON.parse(page.getElementById("calculator-default").textContent),
                      ({TREE})(page.querySelector("{RESULT}"))];
            }}""", html)
            sites[name] = (server, built[0], lines(built[1]))
        yield sites


@pytest.mark.e2e
@pytest.mark.parametrize("name", ESTIMATES)
def test_a_live_bill_is_the_prerendered_bill(browser, sites, demo, name):
    """On the page built for one estimate, render.js draws that estimate as the build did,
    then each of the others as its own build did (no hook missing, nothing left over), then
    the page's own again."""
    server, request, prerendered = sites[name]
    assert ESTIMATES[name][1](quote(demo, request).to_dict())  # the bill this case is about
    page = browser.new_page()
    problems = watch_problems(page)
    try:
        page.goto(server.url + "pricing/")
        page.wait_for_function("() => document.querySelector('[data-testid=calculator-status]')"
                               ".dataset.state === 'live'", timeout=60000)
        # the page's own first live render: the estimate's request, answered by Python
        assert lines(page.evaluate(TREE, page.query_selector(RESULT))) == prerendered
        for other in [other for other in ESTIMATES if other != name] + [name]:
            _, request, expected = sites[other]
            assert lines(page.evaluate(RENDER, request)) == expected, f"{other} on {name}"
        assert problems == []
    finally:
        page.close()
