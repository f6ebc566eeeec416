"""Unit tests of the page data built in Python: safe Markdown, data blocks, defaults."""

import json
from decimal import Decimal

import pytest
import yaml

from bench.build import DEMO, with_plans
from bench.scale import bills_computed
from calculator import QuoteError, load_catalog, quote
from calculator.browser import curve_json
from pricing_site.pages.calculator_chart import chart_data
from pricing_site.pages.calculator_form import plan_starts, slider_position
from pricing_site.catalog.markup import render
from pricing_site.catalog import Content
from pricing_site.catalog.content import default_request
from pricing_site.pages.cards import plan_cards
from pricing_site.pages.comparison import comparison_table, first_pair
from pricing_site.pages.pricing import data_json, estimate, pricing_context
from pricing_site.pages.share import page_meta
from tests.catalogs import calculator_settings, one_plan, with_content

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js", "worker": "w.js"}


@pytest.mark.parametrize("source,expected", [
    ("**bold**", "<p><strong>bold</strong></p>"),
    ("<b>raw</b>", "<p>&lt;b&gt;raw&lt;/b&gt;</p>"),
    ("<div>\n<script>x()</script>\n</div>", "<p>&lt;div&gt;\n&lt;script&gt;x()&lt;/script&gt;\n&lt;/div&gt;</p>"),
    ("[go](javascript:alert(1))", '<p><a href="#">go</a></p>'),
    ("[go](data:text/html,x)", '<p><a href="#">go</a></p>'),
    ("![pic](https://cdn.example/a.png) after", "<p><span>pic</span> after</p>"),
    ("[docs](docs/)", '<p><a href="../docs/">docs</a></p>'),
    ("[mail](mailto:a@b.c)", '<p><a href="mailto:a@b.c">mail</a></p>'),
])
def test_markdown_fields_never_pass_html_or_unsafe_links(source, expected):
    link = (lambda url: url if ":" in url else "../" + url)
    assert str(render(source, link)) == expected


def test_data_blocks_cannot_close_their_script_element():
    text = data_json({"name": "</script><script>alert(1)</script>", "amp": "&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"


def test_default_request_prefers_the_popular_plan_within_its_seat_limit():
    catalog, content = with_content({"currency": "USD", "plans": [
        {"id": "free", "name": "Free", "price": {"seats": {"unit": 0, "limit": 2}}},
        {"id": "pro", "name": "Pro", "popular": True, "price": {"seats": {"unit": 7}}},
        {"id": "big", "name": "Big", "custom": True}]})
    assert default_request(catalog, content) == {"plan": "pro", "seats": 10,
                                                 "billing": "monthly", "usage": {}}
    assert estimate(catalog, content)["quote"]["display"]["total"] == "$70.00"
    only_free = load_catalog({"currency": "USD", "plans": [
        {"id": "free", "name": "Free", "price": {"seats": {"unit": 0, "limit": 2}}}]})
    assert default_request(only_free, Content())["seats"] == 2


def test_default_request_starts_each_metric_of_the_plan_at_its_default(demo):
    request = default_request(demo, calculator_settings({"request": {"plan": "business",
                                                                     "seats": 4}}))
    assert request["usage"] == {"api_calls": "150000", "storage_gb": "20"}
    given = default_request(demo, calculator_settings(
        {"request": {"plan": "team", "usage": {"storage_gb": 70}}}))
    assert given["usage"] == {"storage_gb": 70}


def test_a_plans_link_starts_from_the_built_values_within_that_plans_limits(demo):
    """?plan=free names no seats: the form starts at Free's own 3 seats, 10,000 calls and 1 GB
    (not at the 10 seats built for Team, which Free refuses), and every plan's start prices."""
    request = default_request(demo, calculator_settings({"request": {"plan": "team", "seats": 10}}))
    starts = plan_starts(demo, request)
    built = {"seats": "10", "usage.api_calls": "150000", "usage.storage_gb": "20"}
    assert starts == {"free": {"seats": "3", "usage.api_calls": "10000", "usage.storage_gb": "1"},
                      "team": built, "business": built, "enterprise": built}
    for plan in demo.plans:
        start = starts[plan.id]
        quote(demo, {"plan": plan.id, "seats": start["seats"],
                     "usage": {m: start[f"usage.{m}"] for m in plan.usage}})  # no QuoteError


def test_a_start_below_a_plans_minimum_is_left_and_seat_kinds_keep_their_limit():
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "small", "name": "Small", "price": {"seats": {
            "unit": 5, "limit": 4, "kinds": {"guest": {"name": "Guests", "limit": 2}}}}},
        {"id": "big", "name": "Big", "price": {"seats": {"unit": 9, "minimum": 5, "kinds": {
            "guest": {"name": "Guests"}}}}}]})
    request = {"plan": "big", "seats": "3", "seat_kinds": {"guest": 6}}
    assert plan_starts(catalog, request) == {"small": {"seats": "3", "kind.guest": "2"},
                                             "big": {"seats": "3", "kind.guest": "6"}}


@pytest.mark.parametrize("value, maximum, step, position", [
    ("10", 312, None, 10),            # the seats' slider: one position a seat
    ("400", 312, None, 312),          # beyond its end: at its end
    ("0", 2000, "0.5", 0),
    ("2000", 2000, "0.5", 1000),
    ("9000", 2000, "0.5", 1000),
    ("62.5", 2000, "0.5", 583),       # log(126) / log(4001) = 0.5832
    ("100000", 5000000, "1", 746),    # log(100001) / log(5000001) = 0.7464
])
def test_a_slider_is_built_at_its_fields_value(value, maximum, step, position):
    """Where the page's slider stands before its script runs (slider.js valueToSlider's
    position, checked against the page's own in tests/site/test_calculator_ui.py)."""
    assert slider_position(Decimal(value), maximum, step and Decimal(step)) == position


def test_an_unpriceable_default_request_names_the_yaml_field(demo):
    with pytest.raises(QuoteError, match="site.pricing.calculator.request"):
        estimate(demo, calculator_settings({"request": {"plan": "free", "seats": 50}}))


def test_only_custom_plans_give_no_estimate_and_no_offers():
    catalog = load_catalog({"currency": "USD", "plans": [{"id": "ent", "name": "Ent", "custom": True}]})
    data = pricing_context(catalog, Content(), lambda url: url, BUNDLE_URLS)
    assert data["calculator"]["estimate"] is None and not data["has_prices"]
    assert json.loads(data["json_ld"])["offers"] == []


def test_an_offer_is_described_by_the_plans_description_else_its_tagline():
    plans = [{"id": "a", "name": "A", "tagline": "Short", "description": "Longer words",
              "price": {"flat": 5}},
             {"id": "b", "name": "B", "tagline": "Short", "price": {"flat": 9}}]
    catalog, content = with_content({"currency": "USD", "plans": plans})
    data = pricing_context(catalog, content, lambda url: url, BUNDLE_URLS)
    offers = json.loads(data["json_ld"])["offers"]
    assert [offer["description"] for offer in offers] == ["Longer words", "Short"]


def test_page_meta_is_looked_up_by_markdown_path(demo_content):
    assert page_meta(demo_content, "pricing.md")["title"] == "Pricing - Relaykit"
    assert page_meta(demo_content, "legal/terms.md") == {}


@pytest.mark.parametrize("discount, saving", [(None, None), ("0.1", "Save €1,481.48 a year")])
def test_a_card_claims_a_yearly_saving_only_when_yearly_billing_is_discounted(discount, saving):
    """€1,234.565 a seat (the card's one seat): twelve monthly bills (each rounded) come to 6
    cents more than a yearly one; that rounding is no saving to advertise. With 10% off, the
    saving is the discount: 10% of a year, 12 x €1,234.565 = €14,814.78, is €1,481.478, so
    €1,481.48 (twelve rounded monthly bills less the yearly one would claim €1,481.54)."""
    data = one_plan(seats={"unit": "1234.565"}, currency="EUR")
    if discount:
        data["annual_discount"] = discount
    [card] = plan_cards(load_catalog(data), Content(), lambda url: url, "Contact us")
    assert card["saving"] == saving


def test_the_chart_data_carries_the_estimates_curves_and_what_each_plan_varies():
    """The chart is drawn from this block before Python loads: its curves must be the worker's
    answer to the same request; a usage-only plan's curves vary its first metric."""
    catalog = load_catalog({"currency": "EUR", "metrics": {
        "calls": {"name": "Calls", "unit": "calls", "step": 1000, "max": 1000000},
        "gb": {"name": "Storage", "unit": "GB", "max": 1000}}, "plans": [
        {"id": "api", "name": "API", "price": {"usage": {
            "calls": {"pricing": "graduated",
                      "tiers": [{"up_to": 10000, "unit": 0}, {"unit": "0.002"}]},
            "gb": {"unit": 1}}}},
        {"id": "team", "name": "Team", "price": {"seats": {"unit": 10}}},
        {"id": "big", "name": "Big", "custom": True}]})
    settings = calculator_settings({"request": {"plan": "api", "usage": {"calls": 50000}}})
    chart = chart_data(catalog, estimate(catalog, settings))
    assert chart["metrics"] == {"api": "calls", "team": "seats", "big": None}
    request = {"request": estimate(catalog, settings)["request"], "metric": "calls",
               "points": chart["points"]}
    assert chart["curve"] == json.loads(curve_json(catalog, json.dumps(request)))["ok"]
    assert chart["curve"]["plans"]["api"][-1] is not None
    assert chart["estimate"] == {"status": "priced", "total": "80.00", "billing": "monthly",
                                 "currency": "EUR", "request": {"plan": "api", "seats": 1, "billing": "monthly",
                                             "usage": {"calls": "50000", "gb": "0"}}}
    assert chart_data(catalog, estimate(catalog, calculator_settings(
        {"request": {"plan": "big"}})))["curve"] is None


def test_the_pricing_page_costs_each_plan_the_same_however_many_there_are():
    """Each card's quote looked for a cheaper plan among all the others: a page of N plans
    rated N² of them (1,000 plans: 2 million bills, most of a 20 s build)."""
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    few, many = (bills_computed(pricing_context, *with_content(with_plans(demo, count)), str,
                                BUNDLE_URLS) for count in (10, 40))
    assert many <= 4.4 * few, f"{few} bills for 10 plans, {many} for 40 (linear: 4x)"


@pytest.mark.parametrize("discount, cell", [
    ("0.2", "20% off seats and usage for $12,000 a year"),
    # a commitment that takes nothing off is a yearly minimum, not "0% off"
    (0, "At least $12,000 a year"),
])
def test_the_comparison_says_what_a_commitment_gives(discount, cell):
    catalog = load_catalog(one_plan(seats={"unit": 100},
                                    commitment={"annual_minimum": 12000, "discount": discount}))
    cards = plan_cards(catalog, Content(), lambda url: url, "Contact us")
    table = comparison_table(catalog, Content(), cards, {})
    rows = {row["label"]: row["cells"] for group in table["groups"] for row in group["rows"]}
    assert [c["text"] for c in rows["Committed use"]] == [cell]


@pytest.mark.parametrize("popular, pair", [
    ("b", {"b", "c"}),  # the popular plan and the one after it
    ("d", {"c", "d"}),  # the last: the one before it
    (None, {"a", "b"}),  # none: the first two
])
def test_a_narrow_comparison_opens_on_the_popular_plan_and_its_neighbour(popular, pair):
    cards = [{"id": i, "popular": i == popular} for i in "abcd"]
    assert first_pair(cards) == pair
    assert first_pair(cards[:1]) == {"a"}
