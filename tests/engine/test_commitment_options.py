"""Commitment options: several levels, a true-up at the year's end, overage at list price;
golden bills with their arithmetic, and the properties."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import CatalogError, QuoteError, load_catalog, quote

D = Decimal

LEVELS = [
    {"annual_minimum": 12000, "discount": "0.2"},
    {"annual_minimum": 24000, "discount": "0.25", "overage": "list"},
    {"annual_minimum": 60000, "discount": "0.3", "true_up": "yearly"},
]


def catalog(commitment=LEVELS, **extra):
    """Scale: $100 a month + $50 a seat + $0.01 a call; 20% off yearly (calls not included)."""
    return load_catalog({
        "currency": "USD", "annual_discount": "0.2",
        "metrics": {"calls": {"name": "API calls", "unit": "calls", "max": 10_000_000}},
        "plans": [{"id": "scale", "name": "Scale",
                   "price": {"flat": 100, "seats": {"unit": 50},
                             "usage": {"calls": {"unit": "0.01"}}},
                   "commitment": commitment}],
        **extra})


CATALOG = catalog()


def bill(request, on=CATALOG):
    return quote(on, {"plan": "scale", **request}).to_dict()


def amounts(got):
    return ([(line["kind"], line["amount"]) for line in got["lines"]],
            [(d["kind"], d["amount"]) for d in got["discounts"]], got["total"])


def test_true_picks_the_first_level_and_its_minimum_is_kept_each_month():
    # 10 seats: $100 + $500 = $600; 20% off the seats: -$100.00; $500.00 is below $12,000 / 12
    # = $1,000.00: a true-up of $500.00
    got = bill({"seats": 10, "commitment": True})
    assert amounts(got) == ([("flat", "100.00"), ("seats", "500.00"),
                             ("true_up", "500.00")], [("commitment", "-100.00")], "1000.00")
    assert (got["commitment"]["level"], got["commitment"]["levels"],
            got["request"]["commitment"]) == (1, 3, True)
    assert bill({"seats": 10, "commitment": 1}) == got


def test_list_price_overage_beyond_what_the_commitment_covers():
    # level 2 covers $24,000 / 12 / (1 - 0.25) = $2,666.67 of seats and usage at list price a
    # month. 40 seats and 100,000 calls: $2,000 + $1,000 = $3,000; the discount reaches the
    # covered $2,666.67: 25% of it is $666.6675, -$666.67; the $333.33 beyond is at list price.
    # $100 + $3,000 - $666.67 = $2,433.33, above the $2,000.00 minimum
    got = bill({"seats": 40, "usage": {"calls": 100_000}, "commitment": 2})
    assert amounts(got)[1:] == ([("commitment", "-666.67")], "2433.33")
    assert got["discounts"][0]["label"] == (
        "Committed use (25% off the first $2,666.67 of seats and usage; beyond it, list price)")
    assert (got["commitment"]["covers"], got["commitment"]["overage"]) == ("2666.67", "list")
    assert got["request"]["commitment"] == 2
    # the same level with overage discounted: 25% of all $3,000, -$750.00, $2,350.00
    discounted = catalog([{"annual_minimum": 24000, "discount": "0.25"}])
    assert amounts(bill({"seats": 40, "usage": {"calls": 100_000}, "commitment": True},
                        discounted))[1:] == ([("commitment", "-750.00")], "2350.00")


def test_list_price_overage_on_a_yearly_bill_before_the_annual_discount():
    # a year: $1,200 + 40 x $50 x 12 = $24,000 + 100,000 x $0.01 x 12 = $12,000. The level
    # covers $24,000 / (1 - 0.25) = $32,000 of the $36,000 of seats and usage: 25% of $32,000 =
    # -$8,000.00, each of those lines keeping 1 - 0.25 x 32/36 of itself: seats $24,000 x 7/9 =
    # $18,666.67. Then 20% off the recurring fees ($1,200 + $18,666.666...): -$3,973.33 (calls
    # are not discounted yearly). $37,200 - $8,000 - $3,973.33 = $25,226.67, above $24,000
    got = bill({"seats": 40, "usage": {"calls": 100_000}, "commitment": 2, "billing": "annual"})
    assert amounts(got)[1:] == ([("commitment", "-8000.00"), ("annual", "-3973.33")], "25226.67")
    assert got["commitment"]["covers"] == "32000.00"


def test_a_yearly_true_up_leaves_monthly_bills_and_settles_at_the_years_end():
    # level 3, 10 seats: $600 less 30% of the seats' $500 = -$150.00: $450.00, not raised to
    # $60,000 / 12. Twelve such months are $5,400.00, $54,600.00 short of $60,000
    got = bill({"seats": 10, "commitment": 3})
    assert amounts(got) == ([("flat", "100.00"), ("seats", "500.00")],
                            [("commitment", "-150.00")], "450.00")
    commitment = got["commitment"]
    assert (commitment["true_up"], commitment["year"], commitment["year_end_true_up"]) == (
        "yearly", "5400.00", "54600.00")
    assert got["display"]["rows"][-1]["label"] == (
        "The commitment is settled at the year's end: a year of bills like this one comes to "
        "$5,400.00, $54,600.00 short of the $60,000 minimum, which is billed then.")


def test_a_yearly_true_up_on_a_yearly_bill_is_its_true_up_line():
    # a year: $1,200 + $6,000 = $7,200; 30% off the seats: -$1,800.00; 20% off the recurring
    # fees left ($1,200 + $4,200): -$1,080.00; $4,320.00 is trued up to $60,000: +$55,680.00
    got = bill({"seats": 10, "commitment": 3, "billing": "annual"})
    assert amounts(got) == ([("flat", "1200.00"), ("seats", "6000.00"),
                             ("true_up", "55680.00")],
                            [("commitment", "-1800.00"), ("annual", "-1080.00")], "60000.00")
    assert got["commitment"]["year_end_true_up"] is None


def test_a_level_the_plan_does_not_have_is_a_quote_error():
    with pytest.raises(QuoteError) as info:
        bill({"commitment": 4})
    assert (str(info.value), info.value.field) == (
        "The Scale plan has 3 commitment levels: choose 1 to 3.", "commitment")
    for bad in (-1, 1.5, "two"):
        with pytest.raises(QuoteError, match="a commitment level"):
            bill({"commitment": bad})


def test_each_level_has_its_minimum_in_each_price_book():
    books = catalog(price_books={"EUR": {"plans": {"scale": {
        "price": {"flat": 90, "seats": {"unit": 45}, "usage": {"calls": {"unit": "0.009"}}},
        "commitment": [{"annual_minimum": 11000}, {"annual_minimum": 22000},
                       {"annual_minimum": 55000}]}}}})
    # in euros, level 1, 10 seats: €90 + €450 = €540; 20% of €450: -€90.00; €450.00 is below
    # €11,000 / 12 = €916.67: a true-up of €466.67
    got = bill({"seats": 10, "commitment": True, "currency": "EUR"}, books)
    assert amounts(got)[2] == "916.67"
    assert load_catalog(books.to_dict()) == books
    with pytest.raises(CatalogError, match="expected a list of 3 levels"):
        catalog(price_books={"EUR": {"plans": {"scale": {
            "price": {"flat": 90, "seats": {"unit": 45}, "usage": {"calls": {"unit": "0.009"}}},
            "commitment": {"annual_minimum": 11000}}}}})


@pytest.mark.parametrize("commitment, path, words", [
    ([], "plans[0].commitment", "1 to 10 commitment levels"),
    ([LEVELS[1], LEVELS[0]], "plans[0].commitment[1].annual_minimum", "smallest minimum up"),
    ({"annual_minimum": 1, "discount": "0.1", "true_up": "weekly"}, "plans[0].commitment.true_up",
     "unknown true-up 'weekly'"),
    ({"annual_minimum": 1, "discount": "0.1", "overage": "lists"}, "plans[0].commitment.overage",
     "did you mean 'list'"),
    ([{"annual_minimum": 1}], "plans[0].commitment[0].discount", "is required"),
])
def test_commitment_mistakes_are_located(commitment, path, words):
    with pytest.raises(CatalogError) as info:
        catalog(commitment)
    found = [(p.path, p.message) for p in info.value.problems]
    assert any(p == path and words in m for p, m in found), found


def test_one_level_is_still_written_as_a_mapping():
    one = catalog({"annual_minimum": 12000, "discount": "0.2"})
    assert one.to_dict()["plans"][0]["commitment"] == {"annual_minimum": "12000",
                                                       "discount": "0.2"}
    assert load_catalog(CATALOG.to_dict()) == CATALOG


# -- properties ----------------------------------------------------------------------------------
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
whole = st.integers(0, 2000)


def _with(**terms):
    return catalog({"annual_minimum": 24000, "discount": "0.25", **terms})


LIST, DISCOUNTED = _with(overage="list"), _with()
YEARLY, MONTHLY = _with(true_up="yearly"), _with()


@PROPERTY
@given(whole, st.integers(0, 1_000_000), st.sampled_from(["monthly", "annual"]))
def test_list_overage_never_discounts_more_than_discounted_overage(seats, calls, billing):
    request = {"seats": seats, "usage": {"calls": calls}, "commitment": True, "billing": billing}
    listed, discounted = quote(LIST, {"plan": "scale", **request}), quote(
        DISCOUNTED, {"plan": "scale", **request})
    off = [d.amount for d in listed.discounts if d.kind == "commitment"]
    all_off = [d.amount for d in discounted.discounts if d.kind == "commitment"]
    assert listed.total >= discounted.total
    assert -sum(off) <= D("0.25") * D(32000 if billing == "annual" else "2666.67") + D("0.005")
    covered = sum(line.amount for line in listed.lines if line.kind in ("seats", "usage")) <= (
        D(32000) if billing == "annual" else D("2666.67"))
    if covered:
        assert off == all_off


@PROPERTY
@given(whole, st.integers(0, 1_000_000), st.sampled_from(["monthly", "annual"]))
def test_a_yearly_true_up_never_raises_a_monthly_bill_and_keeps_the_year(seats, calls, billing):
    request = {"plan": "scale", "seats": seats, "usage": {"calls": calls}, "commitment": True,
               "billing": billing}
    yearly, monthly = quote(YEARLY, request), quote(MONTHLY, request)
    if billing == "annual":
        assert yearly.total == monthly.total >= 24000
    else:
        assert yearly.total <= monthly.total and not yearly.bill.trued_up
        settled = yearly.to_dict()["commitment"]
        assert D(settled["year"]) + D(settled["year_end_true_up"]) >= 24000
