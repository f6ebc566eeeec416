"""Pricing for machines: /pricing.md and /pricing.json say what the pricing page says, and
/llms.txt points at them; marketer text cannot make markup in them."""

import copy
import json
import re

import jsonschema
import markdown
import pytest

from calculator import load_catalog, quote
from pricing_site.catalog import read_catalog
from pricing_site.catalog.document import check_document
from pricing_site.pages.cards import entry_request
from pricing_site.pages.price_list import (SCHEMA_PATH, catalog_version, llms_txt, pricing_json,
                                           pricing_markdown)
from tests.support.paths import ROOT

URL = "https://relaykit.example/"


@pytest.fixture(scope="module")
def demo():
    read = read_catalog(ROOT / "plans.yaml", lint=False)
    return read.catalog, read.content, read.data


def test_every_listed_price_is_a_quote(demo):
    catalog, content, _ = demo
    text = pricing_markdown(catalog, content, URL)
    for plan in catalog.plans:
        assert f"## {plan.name}\n" in text
        section = text.split(f"## {plan.name}\n", 1)[1].split("\n## ", 1)[0]
        if plan.custom:
            assert "contact sales" in section
            continue
        for billing, words in (("monthly", "Billed monthly"), ("annual", "Billed yearly")):
            priced = quote(catalog, entry_request(plan, billing)).to_dict()
            shown = priced["display"]["monthly_equivalent"] or priced["display"]["total"]
            assert f"- {words}: {shown.replace('(', '').replace(')', '')}/month" in section


def test_the_comparison_is_the_pages(demo):
    catalog, content, _ = demo
    text = pricing_markdown(catalog, content, URL)
    assert "| | Free | Team | Business | Enterprise |" in text
    seats = next(line for line in text.splitlines() if line.startswith("| Seats |"))
    assert "Per seat, graduated: 1–10: $50 · 11–50: $40 · 51–200: $30 · 201 and up: contact sales" in seats
    assert seats.count(" | ") == 4            # a label and four plans


def test_the_json_is_the_engines_catalog_and_valid(demo):
    catalog, content, _ = demo
    data = json.loads(json.dumps(pricing_json(catalog, content, URL)))
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))
    assert data["catalog"] == json.loads(json.dumps(catalog.to_dict()))
    again = load_catalog(data["catalog"])     # a procurement tool can price with it
    request = {"plan": "business", "seats": 12, "usage": {"api_calls": 250000}, "billing": "annual"}
    assert quote(again, request).to_dict() == quote(catalog, request).to_dict()
    team = next(p for p in data["plans"] if p["id"] == "team")
    assert [p["billing"] for p in team["prices"]] == ["monthly", "annual"]
    assert team["prices"][0]["total"] == str(quote(catalog, entry_request(catalog.plan("team"), "monthly")).total)
    assert data["$schema"] == URL + "pricing.schema.json"


def test_every_currency_is_listed_with_its_tax_line(demo):
    catalog, content, _ = demo
    text = pricing_markdown(catalog, content, URL)
    assert text.count("Prices in USD and EUR, as on the pricing page") == 1
    assert "- EUR: Prices in euros, excluding VAT.\n" in text
    business = text.split("## Business\n", 1)[1].split("\n## ", 1)[0]
    for billing, words in (("monthly", "Billed monthly"), ("annual", "Billed yearly")):
        priced = quote(catalog, entry_request(catalog.plan("business"), billing, "EUR")).to_dict()
        assert f"- {words} (EUR): {priced['display']['monthly_equivalent']}/month" in business
    seats = next(line for line in text.splitlines() if line.startswith("| Seats |"))
    assert "$45 per seat; billed yearly: $36 per seat (USD) / €40 per seat; billed yearly: " \
           "€32 per seat (EUR)" in seats
    data = json.loads(json.dumps(pricing_json(catalog, content, URL)))
    assert data["currencies"] == ["USD", "EUR"] and set(data["tax"]) == {"USD", "EUR"}
    team = next(p for p in data["plans"] if p["id"] == "team")
    assert team["prices_by_currency"]["USD"] == team["prices"]
    assert team["prices_by_currency"]["EUR"][0]["total"] == str(quote(
        catalog, entry_request(catalog.plan("team"), "monthly", "EUR")).total)


def test_a_plan_sold_yearly_only_lists_its_yearly_price_once(demo):
    _, _, data = demo
    data = copy.deepcopy(data)
    data["plans"].insert(-1, {"id": "annual", "name": "Annual", "billing": ["annual"],
                              "price": {"seats": {"unit": "6.5"}}})
    data["price_books"]["EUR"]["plans"]["annual"] = {"price": {"seats": {"unit": 6}}}
    catalog, content = check_document(data)[:2]
    section = pricing_markdown(catalog, content, URL).split("## Annual\n", 1)[1].split("\n## ")[0]
    # 12 x $6.50 = $78.00 a year, $6.50 a month
    assert "- Billed yearly: $6.50/month ($78.00 billed yearly only, for 1 seat)" in section
    assert "Billed monthly" not in section
    plan = next(p for p in pricing_json(catalog, content, URL)["plans"] if p["id"] == "annual")
    assert [(p["billing"], p["total"], p["months"]) for p in plan["prices"]] == [
        ("annual", "78.00", 12)]


def test_where_an_estimate_turns_to_sales_is_listed_per_plan_and_currency(demo):
    """The catalog's threshold for most plans, a plan's own (seats and usage here) for its
    plan, none for a plan sold by sales already; in words as the bill says them over it, and
    as numbers in the JSON."""
    _, _, data = demo
    data = copy.deepcopy(data)
    business = next(p for p in data["plans"] if p["id"] == "business")
    business["sales_threshold"] = {"monthly": 30000, "seats": 500, "usage": {"api_calls": 2000000}}
    data["price_books"]["EUR"]["plans"]["business"]["sales_threshold"] = {"monthly": 27000}
    catalog, content = check_document(data)[:2]
    text = pricing_markdown(catalog, content, URL)
    section = lambda name: text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]  # noqa: E731
    assert "- Contact sales above: $50,000 a month\n" in section("Team")
    assert "- Contact sales above (EUR): €46,000 a month\n" in section("Team")
    assert "- Contact sales above: $30,000 a month; 500 seats; 2,000,000 calls a month\n" \
        in section("Business")
    assert "- Contact sales above (EUR): €27,000 a month; 500 seats; 2,000,000 calls a " \
        "month\n" in section("Business")
    assert "Contact sales above" not in section("Enterprise")
    plans = {p["id"]: p for p in pricing_json(catalog, content, URL)["plans"]}
    assert plans["business"]["sales_threshold"] == {
        "USD": {"monthly": "30000", "seats": "500", "usage": {"api_calls": "2000000"}},
        "EUR": {"monthly": "27000", "seats": "500", "usage": {"api_calls": "2000000"}}}
    assert plans["team"]["sales_threshold"] == {"USD": {"monthly": "50000"},
                                                "EUR": {"monthly": "46000"}}
    assert plans["enterprise"]["sales_threshold"] == {}
    # the words are the bill's: an estimate just over a limit says the same
    for request, words in (({"seats": 501}, "500 seats"),
                           ({"seats": 5, "usage": {"api_calls": 2000001}}, "2,000,000 calls a month")):
        over = quote(catalog, {"plan": "business", **request}).to_dict()["sales"]
        assert over["display"]["threshold"] == words


def test_the_version_follows_the_prices(demo):
    _, _, data = demo
    changed = copy.deepcopy(data)
    changed["plans"][1]["price"]["seats"]["tiers"][0]["unit"] = 51
    before = check_document(data)[0]
    after = check_document(changed)[0]
    assert catalog_version(before) == catalog_version(check_document(copy.deepcopy(data))[0])
    assert catalog_version(before) != catalog_version(after)


def test_llms_txt_points_at_the_price_list(demo):
    catalog, content, _ = demo
    text = llms_txt(catalog, content, URL, [("About", URL + "about/")])
    assert text.startswith("# Relaykit\n\n> ")
    assert "## Pricing\n" in text and "## Optional\n" in text
    links = re.findall(r"\[([^\]]+)\]\((<[^>]+>|[^)]+)\)", text)
    assert ("Price list", URL + "pricing.md") in links
    assert ("Price list as JSON", URL + "pricing.json") in links
    assert ("About", f"<{URL}about/>") in links


HOSTILE = "# Pro | x [click](javascript:alert(1)) <img src=x onerror=alert(1)> *bold*"


def test_marketer_text_makes_no_markup(demo):
    _, _, data = demo
    data = copy.deepcopy(data)
    data["plans"][1]["name"] = HOSTILE
    data["plans"][1]["tagline"] = "1. " + HOSTILE
    data["plans"][1]["features"] = ["- " + HOSTILE]
    catalog, content = check_document(data)[:2]
    text = pricing_markdown(catalog, content, URL)
    html = markdown.markdown(text, extensions=["tables"])
    assert "<img" not in html and "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "<em>" not in html and "<h1>Pro" not in html and "<ol>" not in html
    header = next(line for line in text.splitlines() if line.startswith("| | "))
    assert header.count(" | ") == 4           # the | in the name did not add a column
    llms = llms_txt(catalog, content, URL)
    assert "<img" not in markdown.markdown(llms)


def test_without_a_site_url_links_are_site_relative(demo):
    catalog, content, _ = demo
    assert "](/pricing.md)" in llms_txt(catalog, content, None)
    assert pricing_json(catalog, content, None)["page"] == "/pricing/"

