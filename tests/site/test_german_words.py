"""The demo's German site (/de/, a build of its own): the pricing page's own words are German
throughout, the page scripts write the
template's German words (status lines, pending marks, errors, chart, copy button), the
built scripts hold none of the English words that moved out of them, and the planner reads
a percent as German writes it."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from babel.messages.pofile import read_po

from calculator import forecast
from pricing_site.build.locale import translations
from pricing_site.catalog import load_catalog_file
from pricing_site.locales import locale_block
from tests.build.test_site_words import MOVED_OUT_OF_JS, POT
from tests.support.pricing_page import interactive
from tests.support.devices import LIVE
from tests.support.http_server import StaticServer
from tests.site_support import demo_site
from tests.support.paths import DEMO, DEMO_TEXTS

pytestmark = pytest.mark.e2e  # builds the site and drives Chromium

HOLE = re.compile(r"%\([a-z_]+\)s|\{[a-z_.]+\}")
# what a hole holds: an amount, a name, a count with its unit ("$1,200.00", "Team", "100 API
# calls"); not a sentence or a list (the engine's own words, English until it speaks German)
VALUE = r"[^\s;·:]+(?: [^\s;·:]+){0,2}"
# attributes that carry the template's words (data-label-* are the engine's commitment terms)
WORDED = {"aria-label", "title", "alt", "placeholder", "data-text", "data-monthly", "data-annual",
          "data-pending-words", "data-unavailable-words", "data-prerendered", "data-live",
          "data-pending", "data-stale", "data-failed"}
STATUS = "[data-testid=calculator-status]"
GERMAN = translations("de").gettext


@pytest.fixture(scope="module")
def german():
    """The demo's German build: its own site under /de/ (its assets beside its pages)."""
    return demo_site() / "de"


def english_patterns():
    """Each msgid German words otherwise, as a pattern of the English it renders (any value
    in its holes)."""
    with POT.open("rb") as file:
        ids = [m.id for m in read_po(file) if m.id and GERMAN(m.id) != m.id]
    patterns = []
    for msgid in ids:
        parts = HOLE.split(" ".join(msgid.replace("%%", "%").split()))
        patterns.append((msgid, re.compile(VALUE.join(re.escape(part) for part in parts))))
    return patterns


def marketer_texts(value):
    """Every string plans.yaml holds (the marketer's texts, names, units)."""
    if isinstance(value, dict):
        return {t for v in value.values() for t in marketer_texts(v)} | {str(k) for k in value}
    if isinstance(value, list):
        return {t for v in value for t in marketer_texts(v)}
    return {" ".join(str(value).split())}


class Words(HTMLParser):
    """The texts of the pricing region: each element's whole text and each run of its own
    text, and its worded attributes; not the text of a slot the quote fills (data-text,
    data-field: the engine's strings) nor of scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = bool(self.stack) or "rk-pricing" in (attrs.get("class") or "").split()
        if not inside or tag in ("img", "input", "br", "link", "meta", "source", "hr"):
            if inside:
                self._attributes(attrs)
            return
        quoted = any(frame["quoted"] for frame in self.stack) or "data-text" in attrs \
            or "data-field" in attrs or tag in ("script", "style", "svg")
        self.stack.append({"tag": tag, "quoted": quoted, "text": []})
        self._attributes(attrs)

    def _attributes(self, attrs):
        self.texts += [value for name, value in attrs.items() if value and (
            name in WORDED or name.startswith(("data-words-", "data-missing-")))]

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1]["tag"] != tag:
            return
        frame = self.stack.pop()
        if not frame["quoted"]:
            self.texts.append("".join(frame["text"]))
        if self.stack:  # a quote's string stands in its sentence as a value would
            own = frame["quoted"] and not self.stack[-1]["quoted"] and frame["tag"] != "svg"
            self.stack[-1]["text"].append(" … " if own else "" if frame["quoted"] else
                                          "".join(frame["text"]))

    def handle_data(self, data):
        if self.stack:
            self.stack[-1]["text"].append(data)
            if not self.stack[-1]["quoted"]:
                self.texts.append(data)


def test_the_pricing_page_has_no_english_word_of_its_own(german):
    words = Words()
    words.feed((german / "pricing/index.html").read_text(encoding="utf-8"))
    texts = {" ".join(text.split()) for text in words.texts} - {""}
    assert len(texts) > 100  # the region was read
    texts -= marketer_texts(yaml.safe_load(DEMO.read_text(encoding="utf-8")))
    texts -= marketer_texts(yaml.safe_load(DEMO_TEXTS.joinpath("de.yaml").read_text(encoding="utf-8")))
    english = sorted({(text, msgid) for text in texts for msgid, pattern in english_patterns()
                      if pattern.fullmatch(text)})
    assert english == [], english
    # and the German is there: the comparison's groups, the bill's words, the status line
    for msgid in ("Starts at", "Estimated bill, line by line", "Total per month",
                  "Estimate · computed when this page was built"):
        assert GERMAN(msgid) in texts


def test_the_check_finds_english_words_where_they_are():
    """The patterns above match the English page's own words (so the check can fail)."""
    patterns = english_patterns()
    for text in ("Starts at", "Save $360.00 a year", "Over 12 months on the Team plan, billed monthly",
                 "{plan_name} plan · billed yearly"):
        assert any(pattern.fullmatch(text) for _, pattern in patterns), text


def test_the_built_scripts_hold_none_of_the_english_words_that_moved(german):
    # the German pages load the root's scripts (the same bytes), and any of their own
    scripts = [*(german.parent / "assets").rglob("*.js"), *(german / "assets").rglob("*.js")]
    assert any(script.name == "ui.js" for script in scripts)
    for script in scripts:
        text = script.read_text(encoding="utf-8", errors="replace")
        code = "\n".join(line for line in text.splitlines()
                         if not line.lstrip().startswith(("//", "*", "/*")))
        assert not [words for words in MOVED_OUT_OF_JS if words in code], script


def test_the_live_calculator_speaks_german(browser, german):
    with StaticServer(german.parent, host_rules=True) as server:  # the root's _headers
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(server.url + "de/pricing/")
            page.wait_for_function(LIVE, timeout=60000)
            assert page.text_content(STATUS) == GERMAN("Live · computed in your browser")
            chart = "[data-testid=calculator-chart] svg"
            assert page.text_content(f"{chart} > title") == \
                GERMAN("Cost per month by {metric} for each plan").format(metric=GERMAN("seats"))
            assert GERMAN("Seats") in page.locator(f"{chart} .rk-chart__axis").all_text_contents()
            page.fill("[data-testid=calc-seats]", "zwölf")  # an input the engine refuses
            page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'stale'",
                                   timeout=30000)
            assert page.text_content(STATUS) == GERMAN("Not updated · fix the highlighted field")
            page.click("[data-testid=calculator-copy-link]")
            page.wait_for_function("(before) => document.querySelector('[data-testid=calculator-copy-link] "
                                   "[data-label]').textContent !== before",
                                   arg=GERMAN("Copy a link to this estimate"), timeout=10000)
            assert page.text_content("[data-testid=calculator-copy-link] [data-label]") in (
                GERMAN("Link copied"), GERMAN("Copy the address bar to share"))
        finally:
            page.close()


def test_a_calculator_that_cannot_start_says_so_in_german(browser, german):
    with StaticServer(german.parent, host_rules=True) as server:  # the root's _headers
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        held, failing = [], []  # the runtime's requests: held, then refused
        page.route("**/assets/pyodide/**",
                   lambda route: route.abort() if failing else held.append(route))
        try:
            page.goto(server.url + "de/pricing/")
            interactive(page)
            page.fill("[data-testid=calc-seats]", "30")  # an edit while Python starts
            assert page.text_content("[data-testid=calculator-pending]") == GERMAN("not priced yet")
            assert page.text_content(STATUS) == \
                GERMAN("Not updated yet · the live calculator is starting")
            failing.append(True)
            for route in held:
                route.abort()
            page.wait_for_function(f"() => document.querySelector('{STATUS}').dataset.state === 'failed'",
                                   timeout=30000)
            assert page.text_content(STATUS) == GERMAN("Estimate · the live calculator could not start")
            assert page.text_content("[data-error-for=form]") == GERMAN(
                "The live calculator is not available in this browser right now, so these figures "
                "are not updated for your inputs. Reload the page to try again.")
        finally:
            page.close()


def test_the_live_planner_reads_a_german_percent(browser, german):
    """ "8,5" in the planner's growth field is 8.5% a month, read by Python as German writes it
    (the page sends the field as typed)."""
    demo = load_catalog_file(DEMO)
    engine = demo.with_locale(locale_block("de", demo.currencies))
    planned = forecast(engine, {"plan": "team", "seats": 10, "currency": "EUR",
                                "usage": {"storage_gb": 20}},
                       {"seats": {"percent": "8,5"}, "storage_gb": {"percent": "8"}}, 12).to_dict()
    with StaticServer(german.parent, host_rules=True) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(server.url + "de/pricing/")
            page.wait_for_function(LIVE, timeout=60000)
            page.evaluate("document.querySelector('[data-testid=planner]').open = true")
            page.fill("[data-testid=planner-growth-seats]", "8,5")
            page.wait_for_function("(t) => document.querySelector('[data-testid=planner-total]')"
                                   ".textContent === t", arg=planned["display"]["total"],
                                   timeout=20000)
            assert not page.is_visible("[data-error-for='growth.seats']")
        finally:
            page.close()
