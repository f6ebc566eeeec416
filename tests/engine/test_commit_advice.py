"""The quote suggests the commitment level that makes an estimate cheaper over a year, with the
exact yearly saving; none when committing would cost more, or is chosen already."""

from decimal import Decimal

import pytest

from calculator import quote
from tests.engine.test_commitment_options import catalog

BIG = {"plan": "business", "seats": 40, "usage": {"api_calls": 1000000}}


def commitment_nudges(got):
    return [n for n in got["nudges"] if n["kind"] == "commitment"]


def test_the_big_business_estimate_is_told_what_committing_saves(demo):
    # $6,599.00 a month uncommitted; committed, 20% off the seats and the calls: $5,339.00 a month,
    # above the $50,000 / 12 minimum: 12 × $1,260.00 = $15,120.00 a year less
    got = quote(demo, BIG).to_dict()
    assert got["total"] == "6599.00"
    committed = quote(demo, {**BIG, "commitment": True}).to_dict()
    assert committed["total"] == "5339.00"
    assert commitment_nudges(got) == [{
        "kind": "commitment", "metric": None, "level": 1, "saving": "15120.00",
        "message": "Commit to $50,000 a year and this estimate comes to $5,339.00 a month: "
                   "$15,120.00 a year less."}]
    assert got["display"]["advice"][-1]["message"] == commitment_nudges(got)[0]["message"]


def test_a_yearly_bill_compares_the_year(demo):
    got = quote(demo, {**BIG, "billing": "annual"}).to_dict()
    committed = quote(demo, {**BIG, "billing": "annual", "commitment": True}).to_dict()
    saving = Decimal(got["total"]) - Decimal(committed["total"])
    [nudge] = commitment_nudges(got)
    assert nudge["saving"] == f"{saving:.2f}" == "14256.00"
    assert "comes to $59,894.40 a year" in nudge["message"]


@pytest.mark.parametrize("request_", [
    {"plan": "business", "seats": 5},                      # the $50,000 minimum costs more
    {**BIG, "commitment": True},                            # chosen already
    {"plan": "team", "seats": 40},                          # no commitment on Team
])
def test_no_commitment_is_suggested_where_it_does_not_pay(demo, request_):
    assert commitment_nudges(quote(demo, request_).to_dict()) == []


def test_the_level_saving_most_is_suggested_and_a_yearly_true_up_counts_the_year_end():
    # Scale: $100 + $50 a seat + $0.01 a call. 300 seats, monthly: $15,100 a month, $181,200 a
    # year. Level 1 (20% off, $12,000 minimum): $12,100 a month, $36,000 a year less. Level 2
    # (25% off the first $2,666.67 of seats and usage a month, list price beyond): $666.67 a
    # month off, $8,000.04 a year. Level 3 (30% off, $60,000 a year settled at the year's end):
    # $10,600 a month, $127,200 a year, above the minimum: $54,000 a year less: the one told.
    got = quote(catalog(), {"plan": "scale", "seats": 300}).to_dict()
    [nudge] = commitment_nudges(got)
    assert (nudge["level"], nudge["saving"]) == (3, "54000.00")
    # 20 seats: $1,100 a month, $13,200 a year. Level 3 would settle $60,000 at the year's end:
    # level 1's $1,000 minimum a month ($12,000 a year, $1,200 less) is the saving.
    [small] = commitment_nudges(quote(catalog(), {"plan": "scale", "seats": 20}).to_dict())
    assert (small["level"], small["saving"]) == (1, "1200.00")
