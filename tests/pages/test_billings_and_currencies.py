"""The pricing page's data for plans with annual prices, plans sold one way, and a second
currency: cards, the toggle's label, the comparison table, the JSON-LD, the calculator form."""

import json

import pytest

from pricing_site.pages.pricing import pricing_context
from tests.catalogs import with_content

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js", "worker": "w.js"}


def document():
    return {
        "currency": "USD", "annual_discount": "0.2",
        "addons": {"sso": {"name": "SSO", "flat": 100}},
        "plans": [
            {"id": "pro", "name": "Pro",
             "price": {"flat": 20, "seats": {"unit": {"monthly": "8.75", "annual": "7.25"}}}},
            {"id": "team", "name": "Team", "price": {"seats": {"unit": 10}}},
            {"id": "yearly", "name": "Yearly", "billing": ["annual"],
             "price": {"seats": {"unit": "6.5"}}},
            {"id": "ent", "name": "Enterprise", "custom": True},
        ],
        "price_books": {"EUR": {
            "plans": {"pro": {"price": {"flat": 19, "seats": {"unit": {"monthly": 8,
                                                                     "annual": "6.5"}}}},
                      "team": {"price": {"seats": {"unit": 9}}},
                      "yearly": {"price": {"seats": {"unit": 6}}}},
            "addons": {"sso": {"flat": 95}}}},
        "site": {"pricing": {"tax": {"USD": "Plus sales tax.", "EUR": "Excluding VAT."}}},
    }


@pytest.fixture(scope="module")
def page():
    catalog, content = with_content(document())
    return pricing_context(catalog, content, lambda url: url, BUNDLE_URLS)


def card(page, plan_id):
    return next(c for c in page["cards"] if c["id"] == plan_id)


def prices(book):
    return {p["billing"]: (p["lead"] or p["amount"], p["note"], p["per_seat"]) for p in book["prices"]}


def test_a_card_says_what_a_seat_costs_on_each_billing(page):
    [dollars, euros] = card(page, "pro")["books"]
    assert (dollars["currency"], euros["currency"]) == ("USD", "EUR")
    assert prices(dollars) == {
        # a base fee beside seats priced alike leads with both: $20 + $8.75 a seat a month (said
        # once: no "$8.75 per seat/month" line under it)
        "monthly": ("$20.00 + $8.75/seat", "Billed monthly", None),
        # 12 x $20 = $240 less 20% ($48) = $192, $16 a month; + 12 x $7.25 = $87 (its annual
        # price): $279.00 a year for 1 seat
        "annual": ("$16.00 + $7.25/seat", "$279.00 billed yearly, for base fee + 1 seat", None)}
    # 12 x $28.75 = $345.00 less $279.00
    assert dollars["saving"] == "Save $66.00 a year"
    # euros: €19 + €8 = €27.00 a month; 12 x €19 = €228 less 20% (€45.60) + 12 x €6.50 = €78:
    # €260.40 a year, saving 12 x €27 - €260.40 = €63.60; the fee alone €182.40 (€15.20 a month)
    assert prices(euros)["annual"] == ("€15.20 + €6.50/seat",
                                       "€260.40 billed yearly, for base fee + 1 seat", None)
    assert euros["saving"] == "Save €63.60 a year"
    # a plan's own currency is the card's top level
    assert card(page, "pro")["prices"] == dollars["prices"]


def test_a_discounted_seat_price_is_said_after_its_discount(page):
    # $10 a seat, 20% off billed yearly: $8 per seat/month
    assert prices(card(page, "team")["books"][0])["annual"][2] == \
        "$8 per seat/month, billed yearly"


def test_a_plan_sold_yearly_only_shows_its_yearly_price_in_both_places(page):
    [dollars, _] = card(page, "yearly")["books"]
    # 12 x $6.50 = $78.00 a year
    shown = ("$6.50", "$78.00 billed yearly only, for 1 seat", "$6.50 per seat/month, billed yearly")
    assert prices(dollars) == {"monthly": shown, "annual": shown}
    assert dollars["saving"] is None and list(dollars["quotes"]) == ["annual"]


def test_the_yearly_label_never_claims_more_than_is_saved(page):
    # Team saves its 20%; Pro $66.00 of $345.00 (19.13%) and €63.60 of €324.00 (19.63%),
    # rounded down: "up to 20%"
    assert page["labels"]["annual"] == "Yearly · save up to 20%"


def test_the_page_knows_each_currency_and_its_tax_line(page):
    assert page["currencies"] == [{"code": "USD", "tax": "Plus sales tax."},
                                  {"code": "EUR", "tax": "Excluding VAT."}]


def test_one_offer_per_plan_and_currency(page):
    offers = json.loads(page["json_ld"])["offers"]
    assert [(o["name"], o["priceCurrency"], o["price"], o["priceSpecification"]["unitCode"])
            for o in offers] == [
        ("Pro plan", "USD", "28.75", "MON"), ("Pro plan", "EUR", "27.00", "MON"),
        ("Team plan", "USD", "10.00", "MON"), ("Team plan", "EUR", "9.00", "MON"),
        # sold yearly only: 12 x $6.50 and 12 x €6, for a year
        ("Yearly plan", "USD", "78.00", "ANN"), ("Yearly plan", "EUR", "72.00", "ANN")]


def rows(page):
    return {row["label"]: row["cells"] for group in page["comparison"]["groups"]
            for row in group["rows"]}


def test_the_comparison_words_each_currency_and_each_billing(page):
    table = rows(page)
    seats = table["Seats"][0]
    assert seats["text"] == "$8.75 per seat; billed yearly: $7.25 per seat"
    assert seats["texts"] == [
        {"currency": "USD", "text": "$8.75 per seat; billed yearly: $7.25 per seat"},
        {"currency": "EUR", "text": "€8 per seat; billed yearly: €6.50 per seat"}]
    assert [c["text"] for c in table["Billing"]] == ["Monthly or yearly", "Monthly or yearly",
                                                     "Yearly only", "Custom"]
    assert [c["text"] for c in table["Yearly billing discount"]] == [
        "Annual prices, 20% off the rest", "20%", "—", "Custom"]
    assert table["Billing"][0]["texts"] is None  # the same in both currencies
    assert [t["text"] for t in table["SSO"][0]["texts"]] == ["$100 a month", "€95 a month"]


def test_the_calculator_offers_each_currency_and_each_plans_billings(page):
    form = page["calculator"]["form"]
    assert form["currencies"] == [{"code": "USD", "selected": True},
                                  {"code": "EUR", "selected": False}]
    assert form["billings"] == {"monthly": "pro team ent", "annual": "pro team yearly ent"}
