"""Which price applies on a bill: prices written for each billing, and plans billed one way."""

from decimal import Decimal

import pytest

from calculator import CatalogError, QuoteError, lint, load_catalog, quote

from tests.catalogs import one_plan

D = Decimal
BOTH = {"monthly": "8.75", "annual": "7.25"}  # "$7.25 per seat/month billed yearly, $8.75 monthly"


def catalog_of(discount="0.2", **plan):
    data = one_plan(**plan)
    data["annual_discount"] = discount
    return load_catalog(data)


def both(catalog, request):
    """The request's quotes billed monthly and yearly."""
    return quote(catalog, request), quote(catalog, {**request, "billing": "annual"})


def amounts(result):
    return [(line.kind, line.amount) for line in result.lines], \
        [(d.kind, d.amount) for d in result.discounts]


# -- a price written two ways ----------------------------------------------------------------
def test_an_annual_seat_price_is_the_yearly_price_without_a_discount_on_top():
    monthly, annual = both(catalog_of(seats={"unit": BOTH}), {"plan": "p", "seats": 10})
    # monthly: 10 x $8.75 = $87.50
    assert monthly.total == D("87.50")
    # yearly: 12 x 10 x $7.25 = $870.00, and the plan's 20% does not apply to it again
    assert amounts(annual) == ([("seats", D("870.00"))], [])
    assert annual.monthly_equivalent == D("72.50")
    # the year at monthly prices, 12 x $87.50 = $1,050.00, less $870.00
    assert monthly.annual_saving == annual.annual_saving == D("180.00")
    assert [n.message for n in monthly.nudges] == ["Pay yearly and save $180.00 a year."]
    assert [line.unit_price for line in annual.lines] == [D("7.25")]


def test_a_plain_price_beside_an_annual_one_keeps_the_plans_discount():
    """The flat fee is one number (both billings, discounted yearly); the seats are written two
    ways (their annual price is the yearly one): each line follows its own price."""
    _, annual = both(catalog_of(flat=20, seats={"unit": BOTH}), {"plan": "p", "seats": 10})
    # flat 12 x $20 = $240.00, less 20% = -$48.00; seats 12 x 10 x $7.25 = $870.00
    assert amounts(annual) == ([("flat", D("240.00")), ("seats", D("870.00"))],
                               [("annual", D("-48.00"))])
    assert annual.total == D("1062.00")
    assert annual.discounts[0].label == "Annual billing (20% off the base fee)"
    # the year at monthly prices: $240.00 + 12 x $87.50 = $1,290.00; less $1,062.00 = $228.00,
    # the discount's $48.00 and the seat price's 12 x 10 x $1.50 = $180.00
    assert annual.annual_saving == D("228.00")


def test_a_charge_with_one_tier_written_two_ways_is_billed_yearly_at_its_annual_prices():
    """A charge is priced one way or the other as a whole: a plain tier price in a charge that
    writes annual prices stands for both billings, and none of it is discounted."""
    tiers = [{"up_to": 10, "unit": {"monthly": 50, "annual": 42}}, {"unit": 40}]
    monthly, annual = both(catalog_of(seats={"pricing": "graduated", "tiers": tiers}),
                           {"plan": "p", "seats": 12})
    # monthly: 10 x $50 + 2 x $40 = $580.00
    assert monthly.total == D("580.00")
    # yearly: 12 x (10 x $42 + 2 x $40) = 12 x $500 = $6,000.00, no discount line
    assert amounts(annual) == ([("seats", D("6000.00"))], [])
    # 12 x $580 = $6,960.00 less $6,000.00
    assert annual.annual_saving == D("960.00")


def test_tier_fees_packages_and_addons_take_annual_prices_too():
    data = one_plan(usage={"pricing": "package",
                           "package": {"size": 1000, "price": {"monthly": 5, "annual": 4}}},
                    seats={"pricing": "volume",
                           "tiers": [{"unit": 10, "flat": {"monthly": 100, "annual": 80}}]})
    data["annual_discount"] = "0.2"
    data["addons"] = {"sso": {"name": "SSO", "flat": {"monthly": 100, "annual": 80},
                              "per_seat": {"monthly": 3, "annual": "2.5"}},
                      "logs": {"name": "Logs", "per_seat": 2}}
    request = {"plan": "p", "seats": 4, "usage": {"m": 2500}, "addons": ["sso", "logs"]}
    monthly, annual = both(load_catalog(data), request)
    # monthly: seats $100 + 4 x $10 = $140; 2,500 things = 3 blocks x $5 = $15;
    # sso $100 + 4 x $3 = $112; logs 4 x $2 = $8
    assert amounts(monthly)[0] == [("seats", D("140.00")), ("usage", D("15.00")),
                                   ("addon", D("112.00")), ("addon", D("8.00"))]
    # yearly: seats 12 x ($80 + 4 x $10) = $1,440; usage 12 x 3 x $4 = $144;
    # sso 12 x ($80 + 4 x $2.50) = $1,080; logs 12 x $8 = $96, the only line discounted:
    # 20% of $96 = $19.20
    assert amounts(annual) == ([("seats", D("1440.00")), ("usage", D("144.00")),
                                ("addon", D("1080.00")), ("addon", D("96.00"))],
                               [("annual", D("-19.20"))])
    assert annual.total == D("2740.80")
    # a year at monthly prices: 12 x (140 + 15 + 112 + 8) = $3,300.00, less $2,740.80
    assert annual.annual_saving == D("559.20")


def test_a_price_is_a_number_or_both_billings():
    with pytest.raises(CatalogError) as err:
        load_catalog(one_plan(seats={"unit": {"monthly": 5}}, flat={"monthly": 1, "yearly": 1}))
    message = str(err.value)
    assert "plans[0].price.seats.unit.annual: is required" in message
    assert ("plans[0].price.flat.yearly: write the price billed yearly under 'annual' (the price "
            "per month when billed yearly)") in message
    assert "flat.annual" not in message  # one mistake, one message
    with pytest.raises(CatalogError, match=r"seats\.unit\.annual: expected a price that is zero"):
        load_catalog(one_plan(seats={"unit": {"monthly": 5, "annual": -1}}))


def test_a_catalog_with_annual_prices_reads_back_from_its_json():
    data = one_plan(flat={"monthly": 30, "annual": 25}, seats={
        "pricing": "graduated", "tiers": [{"up_to": 5, "unit": {"monthly": 9, "annual": 7}},
                                          {"unit": 6, "flat": 1}]})
    data["addons"] = {"a": {"name": "A", "per_seat": {"monthly": 2, "annual": 1}}}
    catalog = load_catalog(data)
    again = load_catalog(catalog.to_dict())
    assert again == catalog
    seats = catalog.to_dict()["plans"][0]["price"]["seats"]
    # a charge writing its prices two ways writes every one of them two ways
    assert seats["tiers"][1] == {"unit": {"monthly": "6", "annual": "6"},
                                 "flat": {"monthly": "1", "annual": "1"}}


def test_an_annual_price_above_the_monthly_one_is_warned_about():
    catalog = catalog_of(seats={"unit": {"monthly": 5, "annual": 6}})
    [warning] = lint(catalog)
    assert warning.path == "plans[0].price.seats.unit.annual"
    assert warning.message == ("P: the annual price $6 is above the monthly $5, so billed "
                               "yearly it costs more (fine if meant)")
    # and it is no saving: 12 x 2 x $5 = $120.00 monthly, 12 x 2 x $6 = $144.00 yearly
    monthly, annual = both(catalog, {"plan": "p", "seats": 2})
    assert (monthly.total * 12, annual.total) == (D("120.00"), D("144.00"))
    assert annual.annual_saving == D("0.00") and not monthly.nudges


# -- billing offered -------------------------------------------------------------------------
def test_a_plan_billed_yearly_only_refuses_monthly_and_is_yearly_by_default():
    catalog = catalog_of(seats={"unit": "7.25"}, billing=["annual"])
    with pytest.raises(QuoteError) as err:
        quote(catalog, {"plan": "p", "seats": 2, "billing": "monthly"})
    assert err.value.field == "billing"
    assert str(err.value) == "The P plan is billed yearly only; choose yearly billing."
    result = quote(catalog, {"plan": "p", "seats": 2})
    # its price is the yearly one, undiscounted: 12 x 2 x $7.25 = $174.00
    assert (result.billing, result.total, result.discounts) == ("annual", D("174.00"), ())
    assert result.annual_saving == D("0.00")
    assert not result.to_dict()["shows"]["annual_saving"]


def test_a_plan_billed_monthly_only_refuses_yearly():
    catalog = catalog_of(seats={"unit": 9}, billing=["monthly"])
    with pytest.raises(QuoteError, match="billed monthly only; choose monthly billing") as err:
        quote(catalog, {"plan": "p", "billing": "annual"})
    assert err.value.field == "billing"
    result = quote(catalog, {"plan": "p", "seats": 2})
    assert result.annual_saving == D("0.00") and not result.nudges


@pytest.mark.parametrize("billing, price, problem", [
    ([], {}, "plans[0].billing: expected a list of billings ([monthly, annual], [monthly] or "
             "[annual]), got an empty list"),
    (["anual"], {}, "plans[0].billing[0]: unknown billing 'anual' — did you mean 'annual'?"),
    (["annual", "annual"], {}, "plans[0].billing[1]: 'annual' is listed twice"),
    (["annual"], {"annual_discount": "0.1"},
     "plans[0].price.annual_discount: the plan is billed yearly only (its billing), so no bill "
     "of it is discounted for yearly billing; remove it"),
    (["monthly"], {"flat": {"monthly": 1, "annual": 1}},
     "plans[0].price.flat: the plan is billed monthly only (its billing): write this price as "
     "one number, its price a month"),
])
def test_billing_mistakes_are_located(billing, price, problem):
    data = one_plan(billing=billing)
    data["plans"][0]["price"].update(price)
    with pytest.raises(CatalogError) as err:
        load_catalog(data)
    assert problem in str(err.value)


def test_a_cheaper_plan_is_one_sold_on_the_requests_billing():
    data = one_plan(seats={"unit": 10})
    data["plans"].append({"id": "y", "name": "Yearly", "billing": ["annual"],
                          "price": {"seats": {"unit": 5}}})
    catalog = load_catalog(data)
    # billed monthly, the yearly-only plan is no choice; billed yearly, 12 x 3 x $5 = $180.00
    # is below 12 x 3 x $10 = $360.00
    assert quote(catalog, {"plan": "p", "seats": 3}).cheaper_plan is None
    cheaper = quote(catalog, {"plan": "p", "seats": 3, "billing": "annual"}).cheaper_plan
    assert (cheaper.plan, cheaper.total) == ("y", D("180.00"))


def test_a_plan_sold_yearly_only_is_compared_on_yearly_bills_by_the_lint():
    data = one_plan(seats={"unit": 10})
    data["plans"].append({"id": "y", "name": "Yearly", "billing": ["annual"],
                          "price": {"seats": {"unit": 5}}})
    assert lint(load_catalog(data)) == []
