"""Allowances that grow per billed seat (storage per user, pooled): golden vectors with their
arithmetic, where the cost curve bends, and properties."""

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CatalogError, cost_curve, curve_quantities, load_catalog, quote
from calculator.catalog import parse_catalog

D = Decimal


def pooled(storage=None, **seats):
    """Seats at $10, at least 3, guests $5 each and admins billed as seats; storage 20 GB + 8 GB
    per billed seat, then $0.10 a GB."""
    return {"currency": "USD", "annual_discount": "0.2",
            "metrics": {"storage": {"name": "Storage", "unit": "GB", "max": 100000}},
            "plans": [{"id": "p", "name": "P", "price": {
                "seats": {"unit": 10, "minimum": 3, "kinds": {
                    "guest": {"name": "Guests", "unit": 5}, "admin": {"name": "Admins"}},
                    **seats},
                "usage": {"storage": storage or {"unit": "0.1", "included": 20,
                                                 "included_per_seat": 8}}}}]}


def storage_line(result):
    return [line for line in result.lines if line.kind == "usage"][0]


def test_the_allowance_grows_with_the_billed_seats():
    catalog = load_catalog(pooled())
    small = quote(catalog, {"plan": "p", "seats": 1, "usage": {"storage": 100}})
    # billed seats: the minimum, 3; allowance 20 + 8 x 3 = 44 GB; (100 - 44) x $0.10 = $5.60
    line = storage_line(small)
    assert (line.included, line.billable, line.amount) == (44, 56, D("5.60"))
    assert small.to_dict()["lines"][1]["notes"] == ["20 GB + 8 GB per seat × 3 seats included"]
    assert small.total == D("35.60")
    big = quote(catalog, {"plan": "p", "seats": 10, "usage": {"storage": 100}})
    # 20 + 8 x 10 = 100 GB: all of it included
    assert (storage_line(big).included, storage_line(big).amount) == (100, D("0.00"))
    assert [a.message for a in big.alerts] == ["You use 100% of the Storage allowance (100 GB)."]


def test_full_seats_grow_it_and_a_priced_kind_does_not():
    catalog = load_catalog(pooled())
    request = {"plan": "p", "seats": 4, "usage": {"storage": 100}}
    # 4 seats: 20 + 32 = 52 GB; 10 guests at their own price add nothing: still 52 GB
    assert storage_line(quote(catalog, {**request, "seat_kinds": {"guest": 10}})).included == 52
    # 2 admins are full seats: 6 seats, 20 + 48 = 68 GB; (100 - 68) x $0.10 = $3.20
    admins = storage_line(quote(catalog, {**request, "seat_kinds": {"admin": 2}}))
    assert (admins.included, admins.amount) == (68, D("3.20"))


def test_tiers_price_what_lies_beyond_the_grown_allowance():
    tiers = {"pricing": "graduated", "included": 20, "included_per_seat": 8,
             "tiers": [{"up_to": 100, "unit": "0.2"}, {"unit": "0.1"}]}
    result = quote(load_catalog(pooled(tiers)), {"plan": "p", "seats": 5,
                                                 "usage": {"storage": 200}})
    # allowance 20 + 40 = 60 GB; 140 GB beyond it: 100 x $0.20 + 40 x $0.10 = $24.00
    assert storage_line(result).amount == D("24.00")
    tier_rows = [t["range"] for t in result.to_dict()["lines"][1]["tiers"]]
    assert tier_rows == ["61–160", "161 and up"]  # totals, counted from the grown allowance


def test_yearly_the_allowance_is_a_months():
    result = quote(load_catalog(pooled()), {"plan": "p", "seats": 3, "usage": {"storage": 100},
                                            "billing": "annual"})
    # 56 GB a month beyond 44, x $0.10 x 12 = $67.20; usage takes no annual discount
    assert storage_line(result).amount == D("67.20")
    assert result.discounts[0].amount == D("-72.00")  # 20% of 12 x $30 of seats


# -- the catalog -------------------------------------------------------------------------------
def test_it_belongs_to_a_usage_charge_of_a_plan_sold_per_seat():
    with pytest.raises(CatalogError, match="seats.included_per_seat: an allowance that grows "
                                           "with the seats belongs to a usage charge"):
        load_catalog(pooled(included_per_seat=2))
    data = pooled()
    del data["plans"][0]["price"]["seats"]
    with pytest.raises(CatalogError, match=r"storage.included_per_seat: the plan does not charge "
                                           r"per seat \(no price.seats\)"):
        load_catalog(data)
    with pytest.raises(CatalogError, match="included_per_seat: expected a number that is zero or "
                                           "more, got -8"):
        load_catalog(pooled({"unit": "0.1", "included_per_seat": -8}))


def test_it_goes_to_the_browser_and_back_and_every_book_keeps_it():
    catalog = load_catalog(pooled())
    assert catalog.to_dict()["plans"][0]["price"]["usage"]["storage"]["included_per_seat"] == "8"
    assert parse_catalog(catalog.to_dict()).to_dict() == catalog.to_dict()
    data = pooled()
    data["price_books"] = {"EUR": {"plans": {"p": {"price": {
        "seats": {"unit": 9, "kinds": {"guest": {"unit": 4}}},
        "usage": {"storage": {"unit": "0.09"}}}}}}}
    eur = quote(load_catalog(data), {"plan": "p", "seats": 1, "usage": {"storage": 100},
                                     "currency": "EUR"})
    assert (storage_line(eur).included, storage_line(eur).amount) == (44, D("5.04"))
    data["price_books"]["EUR"]["plans"]["p"]["price"]["usage"]["storage"]["included_per_seat"] = 9
    with pytest.raises(CatalogError, match="storage.included_per_seat: differs from the plan's "
                                           "default price"):
        load_catalog(data)


# -- properties ---------------------------------------------------------------------------------
CHARGES = st.sampled_from([
    {"unit": "0.1", "included": 20, "included_per_seat": 8},
    {"unit": "0.25", "included_per_seat": "2.5"},
    {"pricing": "graduated", "included": 20, "included_per_seat": 8,
     "tiers": [{"up_to": 100, "unit": "0.2"}, {"up_to": 400, "unit": "0.1"}, {"unit": "0.05"}]},
])


def test_more_seats_never_cost_more_storage_and_curves_bend_at_their_points():
    """Each seat adds allowance, so the storage line never grows with the seats; a seat curve's
    quantities hold every kink (where the pooled allowance reaches the usage, and each tier edge
    beyond it), so between two of them the bill is the straight line the chart draws."""
    @settings(max_examples=40, deadline=None)
    @given(charge=CHARGES, storage=st.integers(0, 900), guests=st.integers(0, 5),
           admins=st.integers(0, 3), billing=st.sampled_from(["monthly", "annual"]))
    def check(charge, storage, guests, admins, billing):
        catalog = load_catalog(pooled(charge))
        request = {"plan": "p", "seats": 1, "usage": {"storage": storage}, "billing": billing,
                   "seat_kinds": {"guest": guests, "admin": admins}}
        quantities = [int(q) for q in curve_quantities(catalog, request, "seats", 8)]
        drawn = cost_curve(catalog, request, "seats", quantities)["p"]
        exact = cost_curve(catalog, request, "seats", range(quantities[-1] + 1))["p"]
        for n in range(quantities[-1] + 1):
            at = quote(catalog, {**request, "seats": n})
            assert D(exact[n]) == at.total
            if n:
                before = quote(catalog, {**request, "seats": n - 1})
                assert storage_line(at).amount <= storage_line(before).amount
        for (x0, y0), (x1, y1) in pairwise(zip(quantities, drawn)):
            for n in range(x0, x1 + 1):
                line = D(y0) + (D(y1) - D(y0)) * (n - x0) / (x1 - x0)
                assert abs(D(exact[n]) - line) <= D("0.05"), (n, x0, x1)

    check()
