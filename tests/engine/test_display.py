"""What a bill shows and in which order (calculator/display.py): decided once, in Python, for
the build's template and the browser's render.js alike."""

from decimal import Decimal

import pytest

from calculator import load_catalog, quote
from calculator.display import seat_price

from tests.catalogs import FLAT_FEE_TIERS, one_plan


@pytest.mark.parametrize("request_, shows", [
    # a yearly bill shows its monthly equivalent and, when paying yearly saves, the saving
    ({"plan": "team", "seats": 10, "billing": "annual"}, {"monthly_equivalent", "annual_saving"}),
    # a month's bill is already per month; its saving is a nudge, not a row
    ({"plan": "team", "seats": 10, "billing": "monthly"}, set()),
    # a free plan paid yearly saves nothing: no saving row
    ({"plan": "free", "seats": 3, "billing": "annual", "usage": {"api_calls": 0, "storage_gb": 0}},
     {"monthly_equivalent"}),
])
def test_a_priced_bill_shows_the_saving_only_when_paying_yearly_saves(demo, request_, shows):
    data = quote(demo, request_).to_dict()
    assert {part for part, shown in data["shows"].items() if shown} == {"bill"} | shows


def test_a_contact_sales_result_shows_the_contact_and_no_bill(demo):
    data = quote(demo, {"plan": "team", "seats": 250}).to_dict()
    assert [part for part, shown in data["shows"].items() if shown] == ["contact_sales"]
    assert data["display"] is None


def test_rows_read_as_the_bill_sums_a_true_up_after_the_discounts(demo):
    data = quote(demo, {"plan": "business", "seats": 3, "billing": "annual", "commitment": True,
                        "usage": {"api_calls": "150000", "storage_gb": "20"}}).to_dict()
    rows = [(row["kind"], row["label"]) for row in data["display"]["rows"]]
    assert [kind for kind, _ in rows] == ["line"] * 4 + ["discount"] * 2 + ["line", "note"]
    assert rows[-2:] == [("line", "Commitment minimum (true-up)"),
                         ("note", "the commitment bills at least $50,000.00 for the period")]


def test_tier_rows_follow_their_line_and_name_a_tier_fee():
    data = quote(load_catalog(one_plan(seats={"pricing": "graduated", "tiers": FLAT_FEE_TIERS})),
                 {"plan": "p", "seats": 13}).to_dict()
    assert [(r["kind"], r["label"], r["amount"]) for r in data["display"]["rows"]] == [
        ("line", "Seats", "$103.47"),
        ("tier", "1–10: 10 × $0.1234 + $1.2345", "$2.47"),
        ("tier", "11 and up: 3 × $0.50 + $99.50", "$101.00"),
    ]


def test_advice_lists_the_alerts_before_the_nudges(demo):
    data = quote(demo, {"plan": "team", "seats": 2, "usage": {"storage_gb": "80"}}).to_dict()
    assert data["display"]["advice"] == (
        [{"kind": "alert", "message": a["message"]} for a in data["alerts"]]
        + [{"kind": "nudge", "message": n["message"]} for n in data["nudges"]])
    assert data["alerts"] and data["nudges"]


@pytest.mark.parametrize("seats, billing, commitment, price", [
    ({"unit": "8.75"}, "monthly", False, "8.75"),
    # the plan's 20% off yearly: $8.75 x 0.8 = $7.00
    ({"unit": "8.75"}, "annual", False, "7.00"),
    # written for yearly billing: $7.25, nothing taken off
    ({"unit": {"monthly": "8.75", "annual": "7.25"}}, "annual", False, "7.25"),
    # committed, then 20% off yearly: $10 x 0.9 x 0.8 = $7.20
    ({"unit": 10}, "annual", True, "7.20"),
    # seats that take no annual discount keep the committed price: $10 x 0.9
    ({"unit": 10, "discountable": False}, "annual", True, "9.00"),
    # tiers price seats unalike: no one price to state
    ({"pricing": "graduated", "tiers": [{"up_to": 5, "unit": 9}, {"unit": 8}]}, "monthly", False,
     None),
])
def test_a_seat_price_is_what_one_seat_costs_a_month_on_the_bill(seats, billing, commitment,
                                                                 price):
    data = one_plan(seats=seats, commitment={"annual_minimum": 0, "discount": "0.1"})
    data["annual_discount"] = "0.2"
    result = quote(load_catalog(data), {"plan": "p", "seats": 3, "billing": billing,
                                        "commitment": commitment})
    assert seat_price(result) == (None if price is None else Decimal(price))
