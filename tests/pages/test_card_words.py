"""What a plan card says beside its price: a free plan's seat limit in words ("1 seat",
"1,000 seats"), and a base fee beside seats priced alike leading as "$299.00 + $45/seat"."""

import pytest

from pricing_site.pages.cards import plan_cards
from tests.catalogs import with_content


def _cards(plans):
    catalog, content = with_content({"currency": "USD", "annual_discount": 0.2, "plans": plans})
    return {card["id"]: card for card in plan_cards(catalog, content, lambda url: url, "Custom")}


@pytest.mark.parametrize("limit, words", [(1, "Free for up to 1 seat"),
                                          (1000, "Free for up to 1,000 seats")])
def test_a_free_plan_s_seat_limit_reads_as_english(limit, words):
    card = _cards([{"id": "free", "name": "Free",
                    "price": {"seats": {"unit": 0, "limit": limit}}}])["free"]
    assert [price["note"] for price in card["prices"]] == [words, words]


def test_a_base_fee_beside_seats_priced_alike_leads_with_both():
    cards = _cards([
        {"id": "hybrid", "name": "Hybrid", "price": {"flat": 299, "seats": {"unit": 45}}},
        {"id": "minimum", "name": "Minimum",
         "price": {"flat": 10, "seats": {"unit": 5, "minimum": 3}}},
        {"id": "tiered", "name": "Tiered", "price": {"flat": 10, "seats": {
            "pricing": "graduated", "tiers": [{"up_to": 5, "unit": 5}, {"unit": 4}]}}},
    ])
    hybrid = {p["billing"]: (p["lead"], p["amount"], p["note"]) for p in cards["hybrid"]["prices"]}
    # yearly: $299 x 12 less 20% = $2,870.40 ($239.20 a month), a seat $45 less 20%: $36
    assert hybrid == {"monthly": ("$299.00 + $45/seat", "$344.00", "Billed monthly"),
                      "annual": ("$239.20 + $36/seat", "$275.20",
                                 "$3,302.40 billed yearly, for base fee + 1 seat")}
    # a minimum or tiers make "+ $x/seat" untrue for the first seats: the card keeps its total
    assert [p["lead"] for p in cards["minimum"]["prices"] + cards["tiered"]["prices"]] == [None] * 4


def test_whole_amounts_lose_their_cents_where_the_catalog_says_so():
    catalog, content = with_content({"currency": "USD", "annual_discount": 0.2,
                                     "display": {"cents": "auto"}, "plans": [
        {"id": "hybrid", "name": "Hybrid", "price": {"flat": 299, "seats": {"unit": 45}}}]})
    card = plan_cards(catalog, content, lambda url: url, "Custom")[0]
    hybrid = {p["billing"]: (p["lead"], p["amount"]) for p in card["prices"]}
    # a year's $239.20 a month has cents: that card keeps them
    assert hybrid == {"monthly": ("$299 + $45/seat", "$344"),
                      "annual": ("$239.20 + $36/seat", "$275.20")}
