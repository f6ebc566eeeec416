"""Markup in plans.yaml stays text: every text field the schema has, filled with markup that
runs script wherever it is parsed as HTML, built once and opened in Chromium with no
Content-Security-Policy (GitHub Pages, S3 and a plain server send none), on a phone and on a
desktop: every page, every titled element hovered and focused, the search, the calculator.
Nothing runs, and wherever a field shows, it reads exactly as written."""

import json
import re

import pytest

from tests.site_support import build_data, demo_data
from tests.support.http_server import StaticServer
from tests.support.schema_fields import fill, places_admitting

# The variations' own words (name, description) go to variants.json and the edge router only;
# their patches are the fields below again.
SKIP = ("variants",)
UNREACHABLE = {"plans[].price.usage.*.kinds.*.name",  # the engine takes kinds under seats only
               "price_books.*.plans.*.price.usage.*.kinds.*.name",
               # a price book's seat kinds are the plan's own: the same names, or none written
               "price_books.*.plans.*.price.seats.kinds.*.name",
               # an origin is a scheme, host and port or refused (pricing_site/catalog/embed.py)
               "site.embed.allowed_origins[]"}
DEVICES = {"phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                     "has_touch": True},
           "desktop": {"viewport": {"width": 1440, "height": 900}}}
# Where a field's script would say which field it came from, however its quotes were escaped
FIELD = re.compile(r"__pwned\.push\((?:'|&#39;|&#x27;|&apos;|&amp;#39;)([\w.\[\]-]+)")


def hostile(path):
    """Text that runs ``__pwned.push(path)`` wherever it becomes HTML: as an element, after
    leaving a double- or single-quoted attribute, or after closing a <script>. A URL field
    gets it after an address (the schema wants one). No capital letter: a sentence may
    lower-case a name ("7 guests beyond the 5 free")."""
    run = f"__pwned.push('{path}')"
    text = (f"<img src=x onerror=\"{run}\">\"><svg onload=\"{run}\">"
            f"'><svg onload={run}></script><script>{run}</script>")
    return f"https://relaykit.example/?{text}" if path.endswith(".url") else text


@pytest.fixture(scope="module")
def hostile_catalog():
    """The demo catalog with markup in every field that takes it: ``(data, {place: paths})``."""
    data = demo_data()
    # a unit in its two forms beside the demo's one-word units: both shapes get markup
    data["metrics"]["api_calls"]["unit"] = {"one": "call", "other": "calls"}
    return data, fill(data, hostile, SKIP + tuple(UNREACHABLE))  # (a book's kinds are written)


@pytest.fixture(scope="module")
def hostile_site(hostile_catalog, tmp_path_factory):
    """The catalog built once and served as a plain server does: ``(server, page paths)``."""
    site = build_data(hostile_catalog[0], tmp_path_factory.mktemp("hostile"))
    with StaticServer(site) as server:  # no CSP: _headers is not read
        yield server, sorted(page.relative_to(site).as_posix().removesuffix("index.html")
                             for page in site.rglob("*.html"))


def test_every_text_field_of_the_schema_holds_markup(hostile_catalog):
    """A field added to the schema later gets markup too; one the demo has no place for fails
    here until the demo has one (or UNREACHABLE names it, if no valid catalog can)."""
    filled = set(hostile_catalog[1])
    assert places_admitting(hostile, SKIP) - UNREACHABLE == filled
    assert "site.name" in filled and "plans[].features[]" in filled  # the schema was read


# Every text a page holds, as [where, text]: text nodes, attribute values, data blocks
# (<script type=application/json|ld+json>), and elements or scripts the page's markup did
# not put there (an attribute on..., an inline script).
PAGE_TEXTS = """() => {
  const texts = [], injected = [];
  const data = 'script[type="application/json"], script[type="application/ld+json"]';
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const script = node.parentElement?.closest("script");
    if (script && !script.matches(data)) injected.push(script.outerHTML.slice(0, 200));
    else if (!node.parentElement?.closest("style")) texts.push([script ? "json" : "text", node.data]);
  }
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) injected.push(el.outerHTML.slice(0, 200));
      texts.push([`${el.localName}[${attr.name}]`, attr.value]);
    }
  }
  return {texts: texts.filter(([, text]) => text.includes("__pwned")), injected,
          pwned: window.__pwned};
}"""


def _strings(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


class Visit:
    """What a browser session saw: fields whose script ran, texts not as written, fields shown."""

    def __init__(self):
        self.ran, self.garbled, self.shown = [], [], set()

    def look(self, page, step):
        found = page.evaluate(PAGE_TEXTS)
        self.ran += [f"{step}: ran {field}" for field in found["pwned"]]
        self.ran += [f"{step}: injected {html}" for html in found["injected"]]
        for where, text in found["texts"]:
            if where == "json":
                try:
                    texts = _strings(json.loads(text))
                except ValueError:
                    self.garbled.append(f"{step}: a data block does not parse: {text[:300]}")
                    continue
            else:
                texts = [text]
            for one in texts:
                self._read(step, where, one)

    def _read(self, step, where, text):
        """Every field in ``text`` must be there whole, as written."""
        rest = text
        for field in FIELD.findall(text):
            self.shown.add(field)
            rest = rest.replace(hostile(field), "")
        if "__pwned" in rest:
            self.garbled.append(f"{step}: {where} reads {text[:300]!r}")


def _hover_and_focus_every_title(page, visit, step):
    """Material's tooltips mount at load (the header's), or on hover and focus; its ellipsis
    patch titles a truncated name (the site's, in the header) once it is on screen."""
    page.wait_for_function("() => window.document$")  # Material's, after the largest paint
    page.evaluate("""() => new Promise((done) => document$.subscribe(() =>
        requestAnimationFrame(() => requestAnimationFrame(done))))""")
    size = page.viewport_size
    for element in page.query_selector_all("[title]"):  # handles: a tooltip takes the title
        box = element.bounding_box()  # the pointer where it can go, events where it cannot
        if box and box["width"] and 0 <= box["x"] + box["width"] / 2 < size["width"] \
                and 0 <= box["y"] + box["height"] / 2 < size["height"]:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        element.dispatch_event("mouseenter")
        element.focus()
    page.wait_for_timeout(300)  # Material's tooltips follow the pointer within 250 ms
    visit.look(page, f"{step} (titles hovered)")


def _search(page, visit, query):
    """Material's search, for words it finds and markup it does not (its results list the
    words a page lacks)."""
    page.evaluate("document.activeElement?.blur()")
    page.keyboard.press("s")  # Material's shortcut: opens the search, on a phone too
    # the results of this query, not those of a search before it
    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    page.locator("[data-md-component=search-query]").fill(query)
    page.keyboard.press("End")  # the search reads the box on a key
    page.wait_for_function("""() => / matching document/.test(
        document.querySelector('.md-search-result__meta').textContent)""")
    visit.look(page, "search")


# The bill names the plan in its heading and the add-ons in its lines; a request the plan
# refuses (the demo's 150,000 API calls on Free) names the plan in its message instead.
ANSWERED = """(names) => {
  const text = (selector) => [...document.querySelectorAll(selector)]
    .filter((el) => !el.closest("[hidden]")).map((el) => el.textContent).join(" ");
  return text("[data-slot=heading]").startsWith(names[0] + " plan")
         && names.slice(1).every((name) => text("[data-slot=lines]").includes(name))
      || text("[data-error-for]").includes(names[0]);
}"""


def _use_the_calculator(page, visit):
    """Each plan in turn, with every add-on and seat kind it offers, the bill waited for."""
    page.wait_for_function("() => document.querySelector('[data-testid=calculator-status]')"
                           ".dataset.state === 'live'", timeout=60000)
    plans = page.locator("[data-testid=calc-plan] option").evaluate_all(
        "(all) => all.map((option) => [option.value, option.selected])")
    plans = [plan for plan, chosen in plans if not chosen] + [plan for plan, chosen in plans if chosen]
    for plan in plans:  # the one shown first comes last: each choice changes the bill
        page.select_option("[data-testid=calc-plan]", plan)
        name = page.locator(f"[data-testid=calc-plan] option[value={plan}]").text_content() \
            .removesuffix(" (contact sales)")
        page.wait_for_function(ANSWERED, arg=[name])
        names = [name]
        for kind in page.locator("[data-testid^=calc-kind-]").all():
            if kind.is_visible():
                kind.fill("12")
        for box in page.locator("[data-testid^=calc-addon-]").all():  # last: the bill has all
            if not box.is_visible():
                continue
            if box.get_attribute("type") != "checkbox":  # an add-on bought by the unit
                box.fill("3")
                names.append(box.evaluate("(input) => input.labels[0].firstChild.textContent"
                                          ".trim()"))
                continue
            if not box.is_checked():
                box.dispatch_event("click")  # long names may cover it on a phone
            names.append(box.evaluate("(box) => box.closest('label').textContent.trim()"))
        page.wait_for_function(ANSWERED, arg=names)
        visit.look(page, f"calculator on {plan}")


@pytest.mark.e2e
@pytest.mark.parametrize("device", DEVICES)
def test_markup_in_the_catalog_runs_nowhere_and_reads_as_written(browser, hostile_site,
                                                                 hostile_catalog, device):
    server, pages = hostile_site
    context = browser.new_context(**DEVICES[device])
    context.add_init_script("window.__pwned = []")
    page = context.new_page()
    visit, dialogs, errors = Visit(), [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in pages:
            response = page.goto(server.url + path)
            assert "content-security-policy" not in response.headers  # nothing blocks a script
            visit.look(page, path or "/")
            _hover_and_focus_every_title(page, visit, path or "/")
        _search(page, visit, "pricing " + hostile("site.name"))
        _search(page, visit, "month")  # the plan cards in the index, their fields beside the price
        page.goto(server.url + "pricing/")
        _use_the_calculator(page, visit)
    finally:
        context.close()
    assert visit.ran + dialogs == [], "\n".join(visit.ran[:30])
    assert visit.garbled == [], "\n".join(visit.garbled[:30])
    unseen = {place for place, paths in hostile_catalog[1].items() if not visit.shown & set(paths)}
    assert unseen == set()  # each field on some page, as text or in a data block
    assert errors == []
