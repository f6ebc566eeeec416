"""A plan's monthly credit in money, drawn down by the usage it names (Supabase's $10 compute
credit): golden vectors with their arithmetic, price books, and the property that a credit
never makes a bill negative nor pays for more than its lines."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CatalogError, load_catalog, quote
from calculator.catalog import parse_catalog
from calculator.money import round_money

D = Decimal


def pro(credit=None, commitment=None, **price):
    """Supabase-like: Pro at $25 a month with a $10 compute credit; compute at $0.01344 an
    hour, storage 8 GB included then $0.125 a GB, seats at $5."""
    plan = {"id": "pro", "name": "Pro", "price": {
        "flat": 25, "seats": {"unit": 5},
        "usage": {"compute": {"unit": "0.01344"},
                  "storage": {"unit": "0.125", "included": 8}},
        "credit": credit or {"amount": 10, "applies_to": ["compute"]},
        **price}}
    if commitment:
        plan["commitment"] = commitment
    return {"currency": "USD", "annual_discount": "0.2",
            "metrics": {"compute": {"name": "Compute hours", "unit": "hours", "max": 100000},
                        "storage": {"name": "Storage", "unit": "GB", "max": 100000}},
            "plans": [plan]}


def credits(result):
    return [(d.label, d.amount) for d in result.discounts if d.kind == "credit"]


LABEL = "Usage credit ($10 a month toward Compute hours)"


def test_a_credit_pays_for_the_usage_it_names_up_to_its_amount():
    catalog = load_catalog(pro())
    result = quote(catalog, {"plan": "pro", "seats": 1, "usage": {"compute": 744, "storage": 20}})
    # compute 744 h x $0.01344 = $9.99936 -> $10.00; storage (20 - 8) x $0.125 = $1.50;
    # the credit takes the least of $10 and the $9.99936 compute owes: $10.00 (rounded once)
    assert credits(result) == [(LABEL, D("-10.00"))]
    # $25 + $5 + $10.00 + $1.50 - $10.00
    assert result.total == D("31.50")
    data = result.to_dict()
    assert data["discounts"][-1] == {"kind": "credit", "label": LABEL, "rate": None,
                                     "amount": "-10.00", "display": {"amount": "-$10.00"}}
    assert ("discount", LABEL, "-$10.00") in [(r["kind"], r["label"], r["amount"])
                                              for r in data["display"]["rows"]]


def test_a_credit_is_never_more_than_its_lines_and_says_what_is_left():
    catalog = load_catalog(pro())
    result = quote(catalog, {"plan": "pro", "seats": 1, "usage": {"compute": 300, "storage": 100}})
    # compute 300 x $0.01344 = $4.032 -> $4.03: the credit takes $4.03, not $10; storage
    # (100 - 8) x $0.125 = $11.50 is not the credit's to pay
    assert credits(result) == [(LABEL, D("-4.03"))]
    assert result.total == D("41.50")  # $25 + $5 + $4.03 + $11.50 - $4.03
    assert [n.message for n in result.nudges if n.kind == "credit"] == [
        "The $10 monthly credit has $5.97 left: that much more Compute hours costs nothing extra."]
    none = quote(catalog, {"plan": "pro", "seats": 1})
    assert credits(none) == [] and none.total == D("30.00")
    assert [n.add for n in none.nudges if n.kind == "credit"] == [D("10.00")]


def test_a_credit_yearly_is_twelve_months_of_it_after_the_discounts():
    catalog = load_catalog(pro(commitment={"annual_minimum": 0, "discount": "0.1"}))
    result = quote(catalog, {"plan": "pro", "seats": 1, "usage": {"compute": 1488},
                             "billing": "annual", "commitment": True})
    # lines: flat 12 x $25 = $300; seats 12 x $5 = $60; compute 12 x 1,488 x $0.01344 =
    # $239.98464 -> $239.98. Committed use 10% off seats and usage: ($60 + $239.98) x 0.1 =
    # -$30.00 (29.998); annual 20% off flat and seats: ($300 + $54) x 0.2 = -$70.80; the credit:
    # 12 x $10 = $120, less than the $215.982 compute still owes: -$120.00
    assert [(d.kind, d.amount) for d in result.discounts] == [
        ("commitment", D("-30.00")), ("annual", D("-70.80")), ("credit", D("-120.00"))]
    assert result.total == D("379.18")  # 599.98 - 30.00 - 70.80 - 120.00


def test_a_credit_is_drawn_after_a_discount_that_lowers_its_lines():
    """The committed-use discount lowers the usage price first: the credit pays what the line
    still costs, so the two never pay the same dollar."""
    catalog = load_catalog(pro(commitment={"annual_minimum": 0, "discount": "0.5"}))
    result = quote(catalog, {"plan": "pro", "seats": 0, "usage": {"compute": 1000},
                             "commitment": True})
    # compute 1,000 x $0.01344 = $13.44; 50% off: -$6.72; the credit takes what is left, $6.72
    assert [(d.kind, d.amount) for d in result.discounts] == [
        ("commitment", D("-6.72")), ("credit", D("-6.72"))]
    assert result.total == D("25.00")


def test_a_credit_for_every_metric_by_default_and_its_annual_amount():
    catalog = load_catalog(pro(credit={"amount": {"monthly": 10, "annual": 12}}))
    credit = catalog.plan("pro").credit
    assert credit.applies_to == ("compute", "storage")
    request = {"plan": "pro", "seats": 1, "usage": {"compute": 1000, "storage": 100}}
    # monthly: compute $13.44 + storage $11.50 = $24.94 owed; the credit takes $10
    assert credits(quote(catalog, request)) == [
        ("Usage credit ($10 a month toward Compute hours and Storage)", D("-10.00"))]
    # yearly, at the credit's annual amount: 12 x $12 = $144 of 12 x $24.94 = $299.28
    annual = quote(catalog, {**request, "billing": "annual"})
    assert credits(annual)[0][1] == D("-144.00")


def test_a_credit_never_takes_the_bill_below_zero_when_rounding_meets():
    """Half a cent rounded up twice (a discount, then the credit on what it left) would take a
    cent more than the bill holds: the credit stops at the bill."""
    data = pro(commitment={"annual_minimum": 0, "discount": "0.5"}, flat=0,
               usage={"compute": {"unit": "0.03"}})
    data["plans"][0]["price"]["seats"] = {"unit": 0}
    result = quote(load_catalog(data), {"plan": "pro", "seats": 0, "usage": {"compute": 1},
                                        "commitment": True})
    # $0.03, 50% off: $0.015 -> -$0.02; left $0.015 -> $0.02, but the bill holds $0.01
    assert [(d.kind, d.amount) for d in result.discounts] == [
        ("commitment", D("-0.02")), ("credit", D("-0.01"))]
    assert result.total == D("0.00")


# -- the catalog -------------------------------------------------------------------------------
@pytest.mark.parametrize("credit, problem", [
    ({"applies_to": ["compute"]}, "plans[0].price.credit.amount: is required"),
    ({"amount": -1}, "plans[0].price.credit.amount: expected a price that is zero or more"),
    ({"amount": 10, "applies_to": ["compte"]},
     "plans[0].price.credit.applies_to[0]: undeclared metric 'compte' — did you mean 'compute'?"),
    ({"amount": 10, "applies_to": ["seats"]},
     "plans[0].price.credit.applies_to[0]: undeclared metric 'seats'"),
    ({"amount": 10, "applies_to": ["compute", "compute"]},
     "plans[0].price.credit.applies_to[1]: 'compute' is listed twice"),
    ({"amount": 10, "applies_to": []},
     "plans[0].price.credit.applies_to: expected a list of the metric ids the credit pays for"),
    ({"amount": 10, "per": "month"}, "plans[0].price.credit.per: unknown field 'per'"),
])
def test_a_credits_mistake_is_located(credit, problem):
    with pytest.raises(CatalogError) as error:
        load_catalog(pro(credit=credit))
    assert problem in str(error.value)


def test_a_credit_for_a_metric_the_plan_does_not_charge():
    data = pro(credit={"amount": 10, "applies_to": ["storage"]})
    del data["plans"][0]["price"]["usage"]["storage"]
    with pytest.raises(CatalogError, match=r"applies_to\[0\]: the plan does not charge for "
                                           r"'storage' \(it charges for: compute\)"):
        load_catalog(data)
    data["plans"][0]["price"]["usage"] = {}
    data["plans"][0]["price"]["credit"] = {"amount": 10}
    with pytest.raises(CatalogError, match="price.credit: the plan charges for no usage"):
        load_catalog(data)


def test_a_credit_goes_to_the_browser_and_back_unchanged():
    for credit in (None, {"amount": {"monthly": 10, "annual": "12.5"}}):
        catalog = load_catalog(pro(credit=credit))
        again = parse_catalog(catalog.to_dict())
        assert again.to_dict() == catalog.to_dict()
        request = {"plan": "pro", "usage": {"compute": 900}, "billing": "annual"}
        assert quote(again, request).to_dict() == quote(catalog, request).to_dict()


# -- price books -------------------------------------------------------------------------------
def booked(eur_credit):
    data = pro()
    eur = {"flat": 23, "seats": {"unit": "4.5"},
           "usage": {"compute": {"unit": "0.0125"}, "storage": {"unit": "0.12"}}}
    if eur_credit is not None:
        eur["credit"] = eur_credit
    data["price_books"] = {"EUR": {"plans": {"pro": {"price": eur}}}}
    return data


def test_a_book_gives_the_credit_its_amount_in_its_currency():
    catalog = load_catalog(booked({"amount": 9}))
    result = quote(catalog, {"plan": "pro", "usage": {"compute": 1000}, "currency": "EUR"})
    # compute 1,000 x €0.0125 = €12.50; the credit €9
    assert credits(result) == [("Usage credit (€9 a month toward Compute hours)", D("-9.00"))]
    assert result.total == D("31.00")  # €23 + €4.50 + €12.50 - €9
    assert parse_catalog(catalog.to_dict()).to_dict() == catalog.to_dict()


@pytest.mark.parametrize("eur_credit, problem", [
    (None, "price_books.EUR.plans.pro.price: the Pro plan charges a monthly credit in its "
           "default price; its EUR price must charge the same"),
    ({"amount": 9, "applies_to": ["storage"]},
     "price_books.EUR.plans.pro.price.credit.applies_to: differs from the plan's default price"),
])
def test_a_book_must_give_the_same_credit(eur_credit, problem):
    with pytest.raises(CatalogError) as error:
        load_catalog(booked(eur_credit))
    assert problem in str(error.value)


# -- properties --------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(amount=st.decimals(0, 100, places=3), compute=st.integers(0, 5000),
       storage=st.integers(0, 500), unit=st.decimals(0, 1, places=5),
       commitment=st.sampled_from([None, "0.1", "0.5", "1"]), seats=st.integers(0, 3),
       billing=st.sampled_from(["monthly", "annual"]), currency=st.sampled_from(["USD", "JPY"]))
def test_a_credit_never_makes_a_bill_negative_nor_pays_for_more_than_its_lines(
        amount, compute, storage, unit, commitment, seats, billing, currency):
    data = pro(credit={"amount": str(amount), "applies_to": ["compute"]},
               commitment={"annual_minimum": 0, "discount": commitment} if commitment else None,
               flat=0, usage={"compute": {"unit": str(unit)},
                              "storage": {"unit": "0.125", "included": 8}})
    data["currency"] = currency
    catalog = load_catalog(data)
    request = {"plan": "pro", "seats": seats, "usage": {"compute": compute, "storage": storage},
               "billing": billing, "commitment": bool(commitment)}
    result = quote(catalog, request)
    assert result.total >= 0
    drawn = -sum(d.amount for d in result.discounts if d.kind == "credit")
    months = 12 if billing == "annual" else 1
    compute_line = [line.amount for line in result.lines if line.metric == "compute"][0]
    # never more than the lines it names, nor the credit for the period (rounded as a line is)
    assert 0 <= drawn <= compute_line and drawn <= round_money(amount * months, currency)
    # the bill is the bill without the credit, less what the credit drew
    without = quote(load_catalog({**data, "plans": [{**data["plans"][0], "price": {
        k: v for k, v in data["plans"][0]["price"].items() if k != "credit"}}]}), request)
    assert result.total == without.total - drawn
