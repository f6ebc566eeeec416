"""Add-ons bought by the unit, with their own annual price and price books, add-ons that raise
an allowance, and per-seat add-ons for some seats only: golden vectors and properties."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CatalogError, QuoteError, cost_curve, load_catalog, quote
from calculator.catalog import parse_catalog

D = Decimal
CENT = D("0.01")


def shop(**addons):
    """Plan 'p': seats $15 (at least 3), guests $5, viewers free; 50 GB of storage included,
    then $0.25 a GB. The add-ons: phone numbers ($4 each, at most 10), storage packs ($10, 100 GB
    each), an audit log ($3 a seat) and SSO ($100); ``addons`` replaces or adds some."""
    return {
        "currency": "USD", "annual_discount": "0.2",
        "metrics": {"storage": {"name": "Storage", "unit": "GB", "max": 100000}},
        "addons": {
            "phone": {"name": "Phone numbers", "flat": 4, "max": 10},
            "pack": {"name": "Storage packs", "flat": 10, "quantity": True,
                     "includes": {"storage": 100}},
            "audit": {"name": "Audit log", "per_seat": 3},
            "sso": {"name": "SSO", "flat": 100},
            **addons},
        "plans": [{"id": "p", "name": "P", "price": {
            "seats": {"unit": 15, "minimum": 3, "kinds": {
                "guest": {"name": "Guests", "unit": 5},
                "viewer": {"name": "Viewers", "free": True}}},
            "usage": {"storage": {"unit": "0.25", "included": 50}}}}],
    }


def addon_lines(result):
    return [(line.label, line.quantity, line.amount) for line in result.lines
            if line.kind == "addon"]


# -- quantities ----------------------------------------------------------------------------------
def test_an_addon_bought_by_the_unit():
    catalog = load_catalog(shop())
    result = quote(catalog, {"plan": "p", "seats": 3, "addons": {"phone": 3, "sso": 1}})
    # seats 3 x $15 = $45; phone numbers 3 x $4 = $12; SSO $100
    assert addon_lines(result) == [("Phone numbers", 3, D("12.00")), ("SSO", 1, D("100.00"))]
    assert result.total == D("157.00")
    phone = result.to_dict()["lines"][1]
    assert phone["display"]["detail"] == "3 phone numbers × $4"
    assert (phone["quantity"], phone["unit"], phone["unit_price"]) == ("3", "phone numbers", "4")
    assert result.to_dict()["request"]["addons"] == ["phone", "sso"]
    assert result.to_dict()["request"]["addon_quantities"] == {"phone": 3}


def test_a_list_of_ids_and_a_mapping_of_counts_are_the_same_request():
    catalog = load_catalog(shop())
    listed = quote(catalog, {"plan": "p", "seats": 3, "addons": ["sso", "phone"]})
    counted = quote(catalog, {"plan": "p", "seats": 3, "addons": {"sso": True, "phone": "1"}})
    assert listed.to_dict() == counted.to_dict()
    # a list buys one of a quantity add-on: 1 x $4
    assert addon_lines(listed) == [("SSO", 1, D("100.00")), ("Phone numbers", 1, D("4.00"))]
    none = quote(catalog, {"plan": "p", "seats": 3, "addons": {"phone": 0, "sso": False}})
    assert none.lines == quote(catalog, {"plan": "p", "seats": 3}).lines
    assert "addons" not in none.to_dict()["request"]


def test_a_quantity_addon_yearly_takes_the_annual_discount_or_its_own_annual_price():
    catalog = load_catalog(shop())
    result = quote(catalog, {"plan": "p", "seats": 3, "addons": {"phone": 3},
                             "billing": "annual"})
    # seats 12 x $45 = $540, phones 12 x 3 x $4 = $144; 20% off both = -$136.80
    assert addon_lines(result) == [("Phone numbers", 3, D("144.00"))]
    assert result.total == D("547.20")
    written = load_catalog(shop(phone={"name": "Phone numbers", "max": 10,
                                       "flat": {"monthly": 5, "annual": 4}}))
    result = quote(written, {"plan": "p", "seats": 3, "addons": {"phone": 3},
                             "billing": "annual"})
    # phones 12 x 3 x $4 = $144, undiscounted; seats $540 less 20% = -$108
    assert addon_lines(result) == [("Phone numbers", 3, D("144.00"))]
    assert [d.amount for d in result.discounts] == [D("-108.00")]
    assert result.total == D("576.00")
    # the year at monthly prices: 12 x ($45 + 3 x $5) = $720; less $576
    assert result.annual_saving == D("144.00")


@pytest.mark.parametrize("addons, message, field", [
    ({"phone": 11}, "Phone numbers: at most 10 can be bought, got 11.", "addons.phone"),
    ({"sso": 2}, "SSO is bought once or not at all (1 or 0), got 2.", "addons.sso"),
    ({"phone": -1}, "The number of Phone numbers cannot be negative.", "addons.phone"),
    ({"phone": "2.5"}, "The number of Phone numbers must be a whole number, got 2.5.",
     "addons.phone"),
    ({"phones": 2}, "Unknown add-on 'phones' — did you mean 'phone'? (add-ons: phone, pack, "
                    "audit, sso).", "addons.phones"),
    (["ssoo"], "Unknown add-on 'ssoo' — did you mean 'sso'? (add-ons: phone, pack, audit, "
               "sso).", "addons"),
    ("sso", "'addons' must be a list of add-on ids or a mapping of add-on id to the number "
            "bought, got 'sso'.", "addons"),
])
def test_a_wrong_count_is_a_quote_error_on_its_field(addons, message, field):
    with pytest.raises(QuoteError) as error:
        quote(load_catalog(shop()), {"plan": "p", "addons": addons})
    assert (str(error.value), error.value.field) == (message, field)


# -- allowances raised -------------------------------------------------------------------------
def test_an_addon_raises_an_allowance_per_unit_bought():
    catalog = load_catalog(shop())
    result = quote(catalog, {"plan": "p", "seats": 3, "usage": {"storage": 300},
                             "addons": {"pack": 2}})
    # 50 GB included + 2 packs x 100 GB = 250 GB; 300 - 250 = 50 GB x $0.25 = $12.50;
    # the packs 2 x $10 = $20; seats $45
    storage = result.lines[1]
    assert (storage.included, storage.billable, storage.amount) == (250, 50, D("12.50"))
    assert addon_lines(result) == [("Storage packs", 2, D("20.00"))]
    assert result.total == D("77.50")
    data = result.to_dict()
    assert data["lines"][1]["included"] == "250"
    assert data["lines"][2]["notes"] == ["adds 200 GB to the Storage allowance"]
    assert data["lines"][2]["display"]["detail"] == "2 storage packs × $10"
    assert [a.message for a in result.alerts] == [
        "You exceed the Storage allowance (250 GB) by 50 GB: overage $12.50 a month."]
    within = quote(catalog, {"plan": "p", "seats": 3, "usage": {"storage": 240},
                             "addons": {"pack": 2}})
    assert [a.message for a in within.alerts] == ["You use 96% of the Storage allowance (250 GB)."]


def test_a_per_seat_addon_raises_an_allowance_per_seat_it_counts():
    catalog = load_catalog(shop(space={"name": "More space", "per_seat": 2,
                                       "includes": {"storage": 10}}))
    result = quote(catalog, {"plan": "p", "seats": 5, "usage": {"storage": 120},
                             "addons": ["space"]})
    # 5 seats x 10 GB = 50 GB more: 100 GB included, 20 GB x $0.25 = $5; 5 x $2 = $10
    assert (result.lines[1].included, result.lines[1].amount) == (100, D("5.00"))
    assert addon_lines(result) == [("More space", 5, D("10.00"))]


# -- per-seat add-ons for some seats -------------------------------------------------------------
def test_a_per_seat_addon_counts_full_seats_unless_it_names_kinds():
    catalog = load_catalog(shop(guests_too={"name": "Audit for all", "per_seat": 3,
                                            "per_seat_for": ["seats", "guest", "viewer"]},
                                guests_only={"name": "Guest links", "per_seat": 1,
                                             "per_seat_for": ["guest"]}))
    request = {"plan": "p", "seats": 1, "seat_kinds": {"guest": 4, "viewer": 2},
               "addons": ["audit", "guests_too", "guests_only"]}
    result = quote(catalog, request)
    # the minimum makes 3 full seats: audit 3 x $3 = $9; for all, 3 + 4 guests + 2 viewers = 9
    # x $3 = $27; guest links 4 x $1 = $4
    assert addon_lines(result) == [("Audit log", 3, D("9.00")), ("Audit for all", 9, D("27.00")),
                                   ("Guest links", 4, D("4.00"))]
    notes = [line["notes"] for line in result.to_dict()["lines"] if line["kind"] == "addon"]
    assert notes == [[], ["for 3 seats and 4 guests and 2 viewers"], ["for 4 guests"]]


# -- the catalog ---------------------------------------------------------------------------------
@pytest.mark.parametrize("addon, problem", [
    ({"name": "X", "per_seat": 3, "quantity": True},
     "addons.x.quantity: an add-on bought by the unit is priced per unit (flat)"),
    ({"name": "X", "flat": 3, "quantity": False, "max": 3},
     "addons.x.max: a max is for an add-on bought by the unit (quantity: true)"),
        ({"name": "X", "flat": 3, "max": 0}, "addons.x.max: an add-on bought at most 0 times"),
    ({"name": "X", "flat": 3, "per_seat_for": ["guest"]},
     "addons.x.per_seat_for: says which seats a per_seat price counts; the add-on has no "
     "per_seat price"),
    ({"name": "X", "per_seat": 3, "per_seat_for": ["guests"]},
     "addons.x.per_seat_for[0]: no plan the add-on is sold on has the seat kind 'guests' — did "
     "you mean 'guest'?"),
    ({"name": "X", "per_seat": 3, "per_seat_for": ["seats", "seats"]},
     "addons.x.per_seat_for[1]: 'seats' is listed twice"),
    ({"name": "X", "flat": 3, "includes": {"storag": 5}},
     "addons.x.includes.storag: undeclared metric 'storag' — did you mean 'storage'?"),
    ({"name": "X", "flat": 3, "includes": {"storage": 0}},
     "addons.x.includes.storage: expected a allowance that is positive, got 0"),
])
def test_an_addons_mistake_is_located(addon, problem):
    with pytest.raises(CatalogError) as error:
        load_catalog(shop(x=addon))
    assert problem in str(error.value)


def test_an_addon_cannot_raise_an_allowance_a_plan_does_not_have():
    data = shop(pack={"name": "Storage pack", "flat": 10, "includes": {"storage": 100}})
    data["plans"].append({"id": "q", "name": "Q", "price": {"flat": 9}})
    with pytest.raises(CatalogError, match=r"addons.pack.includes.storage: the Q plan does not "
                                           r"charge for 'storage'"):
        load_catalog(data)
    data["addons"]["pack"]["plans"] = ["p"]
    assert load_catalog(data).addons["pack"].includes == {"storage": 100}


def test_addons_go_to_the_browser_and_back_unchanged():
    catalog = load_catalog(shop(audit={"name": "Audit", "per_seat": 3,
                                       "per_seat_for": ["seats", "guest"]}))
    assert parse_catalog(catalog.to_dict()).to_dict() == catalog.to_dict()
    assert catalog.to_dict()["addons"]["pack"] == {
        "name": "Storage packs", "flat": "10", "per_seat": "0", "quantity": True,
        "includes": {"storage": "100"}}


def test_a_price_book_prices_an_addon_by_the_unit_in_its_currency():
    data = shop()
    data["price_books"] = {"EUR": {
        "plans": {"p": {"price": {"seats": {"unit": 14, "kinds": {"guest": {"unit": 4}}},
                                  "usage": {"storage": {"unit": "0.2"}}}}},
        "addons": {"phone": {"flat": "3.5"}, "pack": {"flat": 9}, "audit": {"per_seat": 3},
                   "sso": {"flat": 95}}}}
    catalog = load_catalog(data)
    result = quote(catalog, {"plan": "p", "seats": 3, "usage": {"storage": 300},
                             "addons": {"phone": 3, "pack": 2}, "currency": "EUR"})
    # phones 3 x €3.50 = €10.50; packs 2 x €9 = €18; storage (300 - 250) x €0.20 = €10
    assert addon_lines(result) == [("Phone numbers", 3, D("10.50")),
                                   ("Storage packs", 2, D("18.00"))]
    assert result.lines[1].amount == D("10.00")


# -- properties ----------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(count=st.integers(0, 10), price=st.decimals(0, 100, places=4),
       billing=st.sampled_from(["monthly", "annual"]))
def test_a_quantity_addon_is_its_price_times_the_count_rounded_once(count, price, billing):
    catalog = load_catalog(shop(phone={"name": "Phone numbers", "flat": str(price), "max": 10}))
    result = quote(catalog, {"plan": "p", "seats": 3, "addons": {"phone": count},
                             "billing": billing})
    months = 12 if billing == "annual" else 1
    expected = [(price * count * months).quantize(CENT, "ROUND_HALF_UP")] if count else []
    assert [line.amount for line in result.lines if line.kind == "addon"] == expected
    more = quote(catalog, {"plan": "p", "seats": 3, "addons": {"phone": min(count + 1, 10)},
                           "billing": billing})
    assert more.total >= result.total


@settings(max_examples=150, deadline=None)
@given(packs=st.integers(0, 6), storage=st.integers(0, 1000), seats=st.integers(0, 12))
def test_an_allowance_raised_never_raises_the_usage_line(packs, storage, seats):
    catalog = load_catalog(shop())
    request = {"plan": "p", "seats": seats, "usage": {"storage": storage}}
    without = quote(catalog, request).lines[1]
    with_packs = quote(catalog, {**request, "addons": {"pack": packs}}).lines[1]
    assert with_packs.included == 50 + 100 * packs
    assert with_packs.amount == (max(storage - 50 - 100 * packs, 0) * D("0.25")).quantize(CENT)
    assert with_packs.amount <= without.amount


def test_a_seat_curve_with_an_allowance_per_seat_is_the_quotes_at_its_points():
    catalog = load_catalog(shop(space={"name": "More space", "per_seat": 2,
                                       "includes": {"storage": 10}}))

    @settings(max_examples=40, deadline=None)
    @given(points=st.lists(st.integers(0, 60), min_size=1, max_size=6),
           storage=st.integers(0, 600), packs=st.integers(0, 3),
           billing=st.sampled_from(["monthly", "annual"]))
    def check(points, storage, packs, billing):
        request = {"plan": "p", "usage": {"storage": storage}, "billing": billing,
                   "addons": {"space": 1, "pack": packs}}
        for metric, quantities in (("seats", points), ("storage", [p * 10 for p in points])):
            curve = cost_curve(catalog, {**request, "seats": 4}, metric, quantities)["p"]
            for quantity, point in zip(quantities, curve, strict=True):
                at = ({"seats": quantity} if metric == "seats" else
                      {"seats": 4, "usage": {"storage": quantity}})
                assert D(point) == quote(catalog, {**request, **at}).total, (metric, quantity)

    check()
