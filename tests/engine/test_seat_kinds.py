"""Seat kinds with a price of their own (full member $15, guest $5, viewer free), beside the free
kinds and the kinds billed as full seats: golden vectors with their arithmetic, and properties."""

import copy
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CatalogError, QuoteError, load_catalog, quote
from calculator.catalog import parse_catalog

from tests.catalogs import one_plan

D = Decimal


def kinds_plan(seats=None, discount="0.2", **kinds):
    """Plan 'p': full seats at $15, at least 3; guests $5 each; viewers free; admins billed as
    full seats; ``kinds`` replaces or adds kinds."""
    charge = {"unit": 15, "minimum": 3, "kinds": {
        "guest": {"name": "Guests", "unit": 5},
        "viewer": {"name": "Viewers", "free": True},
        "admin": {"name": "Admins"},
        **kinds}}
    seats = seats or {}
    if "tiers" in seats:
        del charge["unit"]
    data = one_plan(seats={**charge, **seats})
    data["annual_discount"] = discount
    return data


def lines(result):
    return [(line.kind, line.label, line.quantity, line.amount) for line in result.lines]


# -- golden vectors ----------------------------------------------------------------------------
def test_a_priced_kind_is_its_own_line_and_does_not_fill_the_minimum():
    result = quote(load_catalog(kinds_plan()), {"plan": "p", "seats": 1,
                                                "seat_kinds": {"guest": 12, "viewer": 4}})
    # the minimum is of full seats: 1 member is billed as 3 x $15 = $45, whatever the guests;
    # 12 guests x $5 = $60 on their own line; 4 viewers free
    assert lines(result) == [("seats", "Seats", 3, D("45.00")),
                             ("seat_kind", "Guests", 12, D("60.00")),
                             ("free_seats", "Viewers (free)", 4, D("0.00"))]
    assert result.total == D("105.00")
    guests = result.to_dict()["lines"][1]
    assert (guests["unit"], guests["unit_price"], guests["amount"]) == ("guests", "5", "60.00")
    assert guests["display"]["detail"] == "12 guests × $5"
    assert [n.kind for n in result.nudges] == ["minimum", "annual"]  # 2 more members: free


def test_a_kind_billed_as_full_seats_still_fills_the_minimum_and_the_tiers():
    """Admins have no price of their own: they are full seats (as before priced kinds)."""
    result = quote(load_catalog(kinds_plan()), {"plan": "p", "seats": 1,
                                                "seat_kinds": {"admin": 4}})
    # 1 member + 4 admins = 5 full seats, above the minimum: 5 x $15 = $75
    assert lines(result) == [("seats", "Seats", 5, D("75.00"))]
    assert result.lines[0].notes == ("4 admins beyond the 0 free are billed as seats",)


def test_free_up_to_then_the_kinds_price():
    catalog = load_catalog(kinds_plan(guest={"name": "Guests", "free_up_to": 5, "unit": 5}))
    result = quote(catalog, {"plan": "p", "seats": 4, "seat_kinds": {"guest": 12}})
    # 4 x $15 = $60; guests: 5 free, 12 - 5 = 7 x $5 = $35
    assert lines(result) == [("seats", "Seats", 4, D("60.00")),
                             ("free_seats", "Guests (free)", 5, D("0.00")),
                             ("seat_kind", "Guests", 7, D("35.00"))]
    assert result.total == D("95.00")
    few = quote(catalog, {"plan": "p", "seats": 4, "seat_kinds": {"guest": 3}})
    assert few.total == D("60.00")
    assert [(n.kind, n.message) for n in few.nudges if n.kind != "annual"] == [
        ("free_kind", "2 more guests cost nothing extra: the first 5 are free.")]


def test_priced_kinds_do_not_reach_the_seat_tiers():
    tiers = {"pricing": "graduated", "minimum": 0,
             "tiers": [{"up_to": 10, "unit": 50}, {"unit": 40}]}
    catalog = load_catalog(kinds_plan(seats=tiers))
    priced = quote(catalog, {"plan": "p", "seats": 10, "seat_kinds": {"guest": 5}})
    # 10 members in the first tier, 10 x $50 = $500; the 5 guests are $5 each, $25
    assert priced.total == D("525.00")
    assert priced.lines[0].quantity == 10
    as_seats = quote(catalog, {"plan": "p", "seats": 10, "seat_kinds": {"admin": 5}})
    # 5 admins are full seats: 15 seats, 10 x $50 + 5 x $40 = $700
    assert as_seats.total == D("700.00")


def test_the_seat_limit_counts_full_seats_and_a_kind_has_its_own():
    catalog = load_catalog(kinds_plan(seats={"limit": 3},
                                      guest={"name": "Guests", "unit": 5, "limit": 20}))
    # 3 full seats x $15 = $45 and 20 guests x $5 = $100: the guests are not seats
    result = quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"guest": 20}})
    assert result.total == D("145.00")
    with pytest.raises(QuoteError, match="at most 20 guests") as error:
        quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"guest": 21}})
    assert error.value.field == "seat_kinds.guest"
    with pytest.raises(QuoteError, match="at most 3 seats"):
        quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"admin": 1}})


def test_a_priced_kind_is_a_recurring_seat_fee_yearly():
    catalog = load_catalog(kinds_plan())
    result = quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"guest": 10},
                             "billing": "annual"})
    # seats 12 x 3 x $15 = $540; guests 12 x 10 x $5 = $600; 20% off both: -$228.00
    assert lines(result) == [("seats", "Seats", 3, D("540.00")),
                             ("seat_kind", "Guests", 10, D("600.00"))]
    assert [(d.kind, d.amount) for d in result.discounts] == [("annual", D("-228.00"))]
    assert result.total == D("912.00")
    assert result.to_dict()["lines"][1]["display"]["detail"] == "10 guests × $5 × 12 months"


def test_a_kinds_price_written_both_ways_bills_the_seat_charge_at_its_annual_prices():
    """The kind is part of the seat charge: one price of it written {monthly, annual} makes the
    whole charge billed yearly at its annual prices, with no discount on top."""
    both = {"monthly": 6, "annual": 5}
    catalog = load_catalog(kinds_plan(guest={"name": "Guests", "unit": both}))
    monthly = quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"guest": 10}})
    # 3 x $15 + 10 x $6 = $105 a month
    assert monthly.total == D("105.00")
    annual = quote(catalog, {"plan": "p", "seats": 3, "seat_kinds": {"guest": 10},
                             "billing": "annual"})
    # 12 x 3 x $15 = $540 and 12 x 10 x $5 = $600, undiscounted: $1,140
    assert annual.total == D("1140.00") and annual.discounts == ()
    # the year at monthly prices, 12 x $105 = $1,260, less $1,140
    assert annual.annual_saving == D("120.00")


def test_committed_use_lowers_a_priced_kinds_price_too():
    data = kinds_plan(discount=0)
    data["plans"][0]["commitment"] = {"annual_minimum": 0, "discount": "0.1"}
    result = quote(load_catalog(data), {"plan": "p", "seats": 3, "seat_kinds": {"guest": 10},
                                        "commitment": True})
    # $45 + $50 = $95 of seat fees, 10% off: -$9.50
    assert [(d.kind, d.amount) for d in result.discounts] == [("commitment", D("-9.50"))]
    assert result.total == D("85.50")


def test_a_priced_kind_rounds_once_in_yen():
    data = kinds_plan(guest={"name": "Guests", "unit": "99.5"})
    data["currency"] = "JPY"
    result = quote(load_catalog(data), {"plan": "p", "seats": 3, "seat_kinds": {"guest": 3}})
    # 3 x ¥99.5 = ¥298.5, half-up: ¥299
    assert result.lines[1].amount == D("299")


# -- the catalog -------------------------------------------------------------------------------
@pytest.mark.parametrize("kind, message", [
    ({"name": "Guests", "free": True, "unit": 5}, "guest.unit: a kind that is free (free: true) "
                                                  "has no price"),
    ({"name": "Guests", "unit": -5}, "guest.unit: expected a price that is zero or more, got -5"),
    ({"name": "Guests", "unit": {"monthly": 5}}, "guest.unit.annual: is required"),
])
def test_a_kinds_price_is_checked_where_it_is_written(kind, message):
    with pytest.raises(CatalogError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_catalog(kinds_plan(guest=kind))


def test_the_plans_own_seats_are_not_a_kind():
    data = kinds_plan()
    data["plans"][0]["price"]["seats"]["kinds"]["seats"] = {"name": "Seats"}
    with pytest.raises(CatalogError, match=r"kinds\.seats: 'seats' names the plan's own seats"):
        load_catalog(data)


def test_a_priced_kind_goes_to_the_browser_and_back_unchanged():
    for kind in ({"name": "Guests", "unit": "5.5", "free_up_to": 2},
                 {"name": "Guests", "unit": {"monthly": 6, "annual": 5}}):
        catalog = load_catalog(kinds_plan(guest=kind))
        again = parse_catalog(catalog.to_dict())
        assert again.to_dict() == catalog.to_dict()
        request = {"plan": "p", "seats": 3, "seat_kinds": {"guest": 9}, "billing": "annual"}
        assert quote(again, request).to_dict() == quote(catalog, request).to_dict()


# -- price books ---------------------------------------------------------------------------------
def booked(eur_seats):
    data = kinds_plan()
    data["price_books"] = {"EUR": {"plans": {"p": {"price": {"seats": eur_seats}}}}}
    return data


def test_a_book_gives_a_priced_kind_its_price_and_keeps_what_the_kind_is():
    catalog = load_catalog(booked({"unit": 14, "kinds": {"guest": {"unit": "4.5"}}}))
    result = quote(catalog, {"plan": "p", "seats": 1, "seat_kinds": {"guest": 12, "admin": 2},
                             "currency": "EUR"})
    # 1 member + 2 admins = 3 seats x €14 = €42; 12 guests x €4.50 = €54
    assert lines(result) == [("seats", "Seats", 3, D("42.00")),
                             ("seat_kind", "Guests", 12, D("54.00"))]
    assert result.to_dict()["lines"][1]["display"]["detail"] == "12 guests × €4.50"
    assert parse_catalog(catalog.to_dict()).to_dict() == catalog.to_dict()


@pytest.mark.parametrize("eur_seats, message", [
    ({"unit": 14}, "price_books.EUR.plans.p.price.seats.kinds: no EUR price (unit) for the "
                   "Guests seat kind ('guest')"),
    ({"unit": 14, "kinds": {"guest": {"name": "Guests"}}},
     "price_books.EUR.plans.p.price.seats.kinds.guest: no EUR price (unit) for the Guests"),
    ({"unit": 14, "kinds": {"guest": {"unit": 4}, "admin": {"unit": 9}}},
     "price_books.EUR.plans.p.price.seats.kinds.admin.unit: the Admins seat kind has no price "
     "of its own in the plan's default price"),
    ({"unit": 14, "kinds": {"guest": {"unit": 4, "free_up_to": 3}}},
     "price_books.EUR.plans.p.price.seats.kinds: differs from the plan's default price"),
    ({"unit": 14, "kinds": {"guest": {"unit": 4}, "helper": {"name": "Helpers", "unit": 1}}},
     "price_books.EUR.plans.p.price.seats.kinds: differs from the plan's default price"),
])
def test_a_book_must_price_each_priced_kind_and_no_other(eur_seats, message):
    with pytest.raises(CatalogError) as error:
        load_catalog(booked(eur_seats))
    assert message in str(error.value)


# -- properties --------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(seats=st.integers(0, 40), guests=st.integers(0, 40), admins=st.integers(0, 5),
       free=st.integers(0, 8), unit=st.decimals(0, 50, places=4),
       billing=st.sampled_from(["monthly", "annual"]))
def test_a_priced_kind_adds_its_own_line_and_changes_nothing_else(seats, guests, admins, free,
                                                                 unit, billing):
    """Guests at their own price leave the seat line (minimum, tiers) as it is without them,
    and add exactly their line: the seats beyond the free ones, times the price, rounded once."""
    data = kinds_plan(seats={"pricing": "graduated", "tiers": [{"up_to": 10, "unit": 50},
                                                               {"unit": 40}]},
                      guest={"name": "Guests", "unit": str(unit), "free_up_to": free})
    catalog = load_catalog(data)
    base = {"plan": "p", "seats": seats, "seat_kinds": {"admin": admins}, "billing": billing}
    without = quote(catalog, base)
    with_guests = quote(catalog, {**base, "seat_kinds": {"admin": admins, "guest": guests}})
    assert with_guests.lines[0] == without.lines[0]
    paid = max(guests - free, 0)
    months = 12 if billing == "annual" else 1
    kind_line = [line for line in with_guests.lines if line.kind == "seat_kind"]
    assert [line.amount for line in kind_line] == (
        [(unit * paid * months).quantize(D("0.01"), "ROUND_HALF_UP")] if paid else [])
    assert with_guests.subtotal - without.subtotal == sum(line.amount for line in kind_line)
    more = quote(catalog, {**base, "seat_kinds": {"admin": admins, "guest": guests + 1}})
    assert more.total >= with_guests.total


def test_a_kind_the_default_price_lacks_is_named_in_a_book():
    data = booked({"unit": 14, "kinds": {"guest": {"unit": 4}, "helper": {"unit": 1}}})
    with pytest.raises(CatalogError, match="kinds.helper.name: is required"):
        load_catalog(copy.deepcopy(data))
