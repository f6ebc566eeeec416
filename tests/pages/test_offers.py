"""Promotions and commitment levels on the pricing page's data: the card says the offer
plainly, the comparison has an Offer row and every level, the JSON-LD the promoted price and
its end, the calculator a code box and a commitment control stating each minimum."""

import json

from pricing_site.pages.pricing import pricing_context
from tests.catalogs import with_content

BUNDLE_URLS = {"client": "assets/v/h/calculator/client.js", "worker": "w.js"}

DOCUMENT = {
    "currency": "USD", "annual_discount": "0.2", "date": "2026-05-01",
    "plans": [
        {"id": "team", "name": "Team", "popular": True,
         "price": {"flat": 20, "seats": {"unit": 10}}},
        {"id": "scale", "name": "Scale", "price": {"flat": 100, "seats": {"unit": 50}},
         "commitment": [{"annual_minimum": 12000, "discount": "0.2"},
                        {"annual_minimum": 24000, "discount": "0.25", "overage": "list"}]},
    ],
    "promotions": {
        "launch": {"name": "Launch offer", "discount": "0.5", "months": 3,
                   "until": "2026-06-30", "plans": ["team"]},
        "friends": {"name": "Friends", "amount_off": 10, "code": "FRIENDS"},
    },
    "price_books": {"EUR": {"plans": {
        "team": {"price": {"flat": 18, "seats": {"unit": 9}}},
        "scale": {"price": {"flat": 90, "seats": {"unit": 45}},
                  "commitment": [{"annual_minimum": 11000}, {"annual_minimum": 22000}]}},
        "promotions": {"friends": {"amount_off": 9}}}},
}


def page(document=DOCUMENT):
    return pricing_context(*with_content(document), lambda url: url, BUNDLE_URLS,
                           "https://example.test/pricing/")


def test_a_card_shows_the_promoted_price_and_says_the_offer_plainly():
    team = page()["cards"][0]
    monthly, annual = team["prices"]
    # one seat: $20 + $10 = $30, 50% off: $15.00 for the first 3 months, then $30.00
    assert (monthly["amount"], monthly["promotion"]) == (
        "$15.00", "50% off the first 3 months, then $30.00 a month (offer ends 30 June 2026)")
    # a year: $360 less 20% = $288, less 50% of 3 of the 12 months ($36): $252.00, $21.00 a month
    assert (annual["amount"], annual["promotion"]) == (
        "$21.00", "50% off the first 3 months, then $288.00 a year (offer ends 30 June 2026)")
    # a code is the visitor's: no card shows its price
    assert page()["cards"][1]["prices"][0]["promotion"] is None


def test_after_its_last_day_the_offer_is_gone_from_every_place():
    over = page({**DOCUMENT, "date": "2026-07-01"})
    assert over["cards"][0]["prices"][0]["promotion"] is None
    assert over["cards"][0]["prices"][0]["amount"] == "$30.00"
    assert "Offer" not in [row["label"] for row in over["comparison"]["groups"][0]["rows"]]
    assert "priceValidUntil" not in over["json_ld"]


def test_the_comparison_has_an_offer_row_and_every_commitment_level():
    rows = {row["label"]: [cell["text"] for cell in row["cells"]]
            for row in page()["comparison"]["groups"][0]["rows"]}
    assert rows["Offer"] == ["Launch offer: 50% off the first 3 months, until 30 June 2026", "—"]
    assert rows["Committed use"] == ["—", "20% off seats and usage for $12,000 a year · 25% off "
                                          "seats and usage for $24,000 a year (beyond it at list "
                                          "price)"]


def test_the_json_ld_gives_the_promoted_price_for_its_months_then_the_price_after_it():
    offers = json.loads(page()["json_ld"].replace("\\u003c", "<").replace("\\u003e", ">")
                        .replace("\\u0026", "&"))["offers"]
    by = {(o["name"], o["priceCurrency"]): o for o in offers}
    team = by["Team plan", "USD"]
    assert (team["price"], team["priceValidUntil"]) == ("15.00", "2026-06-30")
    first, then = team["priceSpecification"]
    assert (first["price"], first["billingDuration"], first["validThrough"], first["name"]) == (
        "15.00", 3, "2026-06-30", "Launch offer: 50% off the first 3 months")
    assert (then["price"], then["billingStart"], then["unitCode"]) == ("30.00", 3, "MON")
    # in euros: 3 months at €27.00 less 50%, then €27.00
    euros = by["Team plan", "EUR"]["priceSpecification"]
    assert [(s["price"], s["priceCurrency"]) for s in euros] == [("13.50", "EUR"), ("27.00", "EUR")]
    assert isinstance(by["Scale plan", "USD"]["priceSpecification"], dict)  # no offer: as before


def test_the_calculator_offers_a_code_box_and_each_level_with_its_minimum():
    form = page()["calculator"]["form"]
    assert form["promotion"] == {"value": ""}
    (scale,) = form["commitment"]
    assert scale["plan"] == "scale" and scale["level"] == 0
    assert [(o["level"], o["label"], o["labels"]["EUR"]) for o in scale["options"]] == [
        (1, "Commit to a $12,000 a year minimum: 20% off seats and usage",
         "Commit to a €11,000 a year minimum: 20% off seats and usage"),
        (2, "Commit to a $24,000 a year minimum: 25% off seats and usage (beyond it at list price)",
         "Commit to a €22,000 a year minimum: 25% off seats and usage (beyond it at list price)")]
    uncoded = {**DOCUMENT, "promotions": {"launch": DOCUMENT["promotions"]["launch"]},
               "price_books": {"EUR": {"plans": DOCUMENT["price_books"]["EUR"]["plans"]}}}
    assert page(uncoded)["calculator"]["form"]["promotion"] is None
