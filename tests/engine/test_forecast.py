"""The budget planner: months grown by the stated rule, each month exactly ``quote()``, the
crossings named, other plans, yearly billing and the commitment over the same path."""

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import QuoteError, forecast, load_catalog, quote

PRICES = {
    "currency": "USD",
    "annual_discount": 0.2,
    "metrics": {"storage_gb": {"name": "Storage", "unit": "GB", "max": 2000, "step": 0.5}},
    "plans": [
        {"id": "free", "name": "Free",
         "price": {"flat": 0, "seats": {"unit": 0, "limit": 3}}},
        {"id": "team", "name": "Team", "price": {
            "seats": {"pricing": "graduated", "tiers": [
                {"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40},
                {"up_to": 200, "unit": 30}, {"custom": True}]},
            "usage": {"storage_gb": {"pricing": "per_unit", "unit": 0.25, "included": 50}}}},
        {"id": "business", "name": "Business",
         "price": {"flat": 299, "seats": {"unit": 45},
                   "usage": {"storage_gb": {"pricing": "per_unit", "unit": 0.2, "included": 200}}},
         "commitment": {"annual_minimum": 6000, "discount": 0.2}},
    ],
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PRICES)


def test_a_tier_crossed_mid_year(catalog):
    # 8 seats growing 8% a month: 8 x 1.08^(m-1), rounded half-up to whole seats
    # m1 8, m2 8.64 -> 9, m3 9.3312 -> 9, m4 10.0777 -> 10, m5 10.8839 -> 11, m6 11.7546 -> 12
    out = forecast(catalog, {"plan": "team", "seats": 8}, {"seats": "0.08"}, 6).to_dict()
    assert [m["seats"] for m in out["months"]] == [8, 9, 9, 10, 11, 12]
    # graduated: up to 10 at $50, then $40: m5 = 10 x 50 + 1 x 40 = 540, m6 = 500 + 80 = 580
    assert [m["total"] for m in out["months"]] == [
        "400.00", "450.00", "450.00", "500.00", "540.00", "580.00"]
    assert out["total"] == "2920.00"        # 400 + 450 + 450 + 500 + 540 + 580
    assert out["crossings"] == [{"month": 5, "kind": "tier", "line": "Seats",
                                 "text": "Seats reach the 11–50 tier"}]


def test_an_allowance_exhausted(catalog):
    # 40 GB growing 15%: 40, 46, 52.9 -> 53 (the metric's step is 0.5), 60.835 -> 61
    out = forecast(catalog, {"plan": "team", "seats": 5, "usage": {"storage_gb": 40}},
                   {"storage_gb": "0.15"}, 4).to_dict()
    assert [m["usage"]["storage_gb"] for m in out["months"]] == ["40", "46", "53", "61"]
    # 5 seats x $50 = 250; beyond the 50 GB included at $0.25: m3 3 x 0.25, m4 11 x 0.25
    assert [m["total"] for m in out["months"]] == ["250.00", "250.00", "250.75", "252.75"]
    assert out["crossings"][0]["month"] == 3
    assert out["crossings"][0]["text"] == "Storage passes the 50 GB included"


def test_contact_sales_reached_and_the_switch_that_pays(catalog):
    # 100 seats to a target of 300 in month 12: 100 x 3^((m-1)/11); m7 = 100 x 3^(6/11) =
    # 182.08 -> 182, m8 = 100 x 3^(7/11) = 201.20 -> 201, past Team's last listed tier (200)
    out = forecast(catalog, {"plan": "team", "seats": 100}, {"seats": {"target": 300}}, 12)
    d = out.to_dict()
    assert d["months"][6]["seats"] == 182 and d["months"][7]["seats"] == 201
    assert d["months"][-1]["seats"] == 300
    assert [m["status"] for m in d["months"]] == ["priced"] * 7 + ["contact_sales"] * 5
    assert d["total"] is None
    assert d["crossings"][-1]["month"] == 8 and d["crossings"][-1]["kind"] == "contact_sales"
    team = next(p for p in d["plans"] if p["plan"] == "team")
    assert team["total"] is None and team["stops"]["month"] == 8
    # Business serves every month: $299 + $45 a seat
    business = next(p for p in d["plans"] if p["plan"] == "business")
    seats = [m["seats"] for m in d["months"]]
    assert Decimal(business["total"]) == sum(299 + 45 * s for s in seats)
    assert d["cheapest"] == "business"
    # staying on Team to month 7, then Business: cheaper than Business all along
    team_head = sum(Decimal(m["total"]) for m in d["months"][:7])
    assert d["switch"]["month"] == 8 and d["switch"]["plan"] == "business"
    assert Decimal(d["switch"]["total"]) == team_head + sum(299 + 45 * s for s in seats[7:])
    assert Decimal(d["switch"]["total"]) < Decimal(business["total"])


def test_a_limit_stops_a_plan(catalog):
    d = forecast(catalog, {"plan": "free", "seats": 2}, {"seats": "0.5"}, 3).to_dict()
    # 2, 3, 4.5 -> 5: the Free plan allows 3 seats
    assert [m["status"] for m in d["months"]] == ["priced", "priced", "unavailable"]
    assert "at most 3 seats" in d["months"][2]["reason"]
    assert d["crossings"] == [{"month": 3, "kind": "unavailable",
                               "text": d["months"][2]["reason"]}]


def test_yearly_billing_prepaid_at_the_start_and_trued_up(catalog):
    # 8 seats at 8% a month for 6 months (8, 9, 9, 10, 11, 12), billed yearly with 20% off.
    # Prepaid: 8 x $50 x 12 x 0.8 = $3,840, $320 a month. True-ups at the yearly prices:
    # m2, m3 9 seats: 450 x 0.8 = 360 - 320 = 40 each; m4: 400 - 320 = 80;
    # m5: 540 x 0.8 = 432 - 320 = 112; m6: 580 x 0.8 = 464 - 320 = 144.
    # A yearly bill covers twelve months: the six-month horizon pays its year whole.
    d = forecast(catalog, {"plan": "team", "seats": 8}, {"seats": "0.08"}, 6).to_dict()
    assert d["yearly"]["total"] == str(Decimal("3840.00") + 40 + 40 + 80 + 112 + 144)


def test_use_that_falls_is_not_refunded_on_a_yearly_bill(catalog):
    d = forecast(catalog, {"plan": "team", "seats": 10}, {"seats": "-0.5"}, 3).to_dict()
    assert [m["seats"] for m in d["months"]] == [10, 5, 3]         # 2.5 rounds half-up to 3
    assert d["yearly"]["total"] == "4800.00"                        # 10 x 50 x 12 x 0.8 only


YEARLY_ONLY = {**PRICES, "annual_discount": None, "plans": [
    *PRICES["plans"],
    {"id": "annual", "name": "Annual", "billing": ["annual"],
     "price": {"flat": 100, "seats": {"unit": 40}}}]}


def test_a_plan_sold_by_the_year_only_is_forecast_as_its_yearly_bills():
    """Its months are what it bills: each year's first month its yearly bill, each other month
    the true-up; the total is the yearly path's, and the other plans are compared month by
    month as ever."""
    catalog = load_catalog({k: v for k, v in YEARLY_ONLY.items() if v is not None})
    # 10 seats at 10% a month for 14 months: 10, 11, 12, 13, 15, 16, 18, 19, 21, 24, 26, 29,
    # then 31, 35. Year 1 prepaid at 10 seats: (100 + 10 x 40) x 12 = $6,000, $500 a month;
    # month m's true-up: (100 + seats x 40) x 12 / 12 - 500 = (seats - 10) x 40.
    # Year 2 prepaid at 31 seats: (100 + 31 x 40) x 12 = $16,080; month 14: 4 x 40 = $160.
    d = forecast(catalog, {"plan": "annual", "seats": 10}, {"seats": "0.1"}, 14).to_dict()
    seats = [m["seats"] for m in d["months"]]
    assert seats == [10, 11, 12, 13, 15, 16, 18, 19, 21, 24, 26, 29, 31, 35]
    expected = ["6000.00", *(f"{(n - 10) * 40}.00" for n in seats[1:12]), "16080.00", "160.00"]
    assert [m["total"] for m in d["months"]] == expected
    assert d["billing"] == "annual" and all(m["status"] == "priced" for m in d["months"])
    assert d["total"] == d["yearly"]["total"] == str(sum(Decimal(t) for t in expected))
    assert d["months"][0]["display"]["total"] == "$6,000.00"
    paths = {p["plan"]: p for p in d["plans"]}
    assert paths["annual"]["total"] == d["total"] and paths["annual"]["stops"] is None
    team = forecast(catalog, {"plan": "team", "seats": 10}, {"seats": "0.1"}, 14).to_dict()
    assert paths["team"]["total"] == team["total"]   # billed monthly, as when chosen
    assert team["billing"] == "monthly"
    assert {p["plan"]: p for p in team["plans"]}["annual"]["total"] is None  # not sold monthly


def test_the_commitment_over_the_path(catalog):
    # Business, 10 seats, no growth: each month $299 + 10 x $45 = $749, with the commitment
    # the month is raised to its $6,000 / 12 = $500 minimum only when below it
    d = forecast(catalog, {"plan": "business", "seats": 10}, {}, 3).to_dict()
    months = [quote(load_catalog(PRICES), {"plan": "business", "seats": 10, "commitment": True}).total] * 3
    assert Decimal(d["committed"]["total"]) == sum(months)
    assert d["total"] == "2247.00"                                  # 3 x 749


@pytest.mark.parametrize("growth, months, field, message", [
    ({"sheep": "0.1"}, 12, "growth", "not a quantity of this estimate"),
    ({"seats": "-1"}, 12, "growth.seats", "is not a growth rate"),
    ({"seats": "11"}, 12, "growth.seats", "is not a growth rate"),
    ({"seats": "lots"}, 12, "growth.seats", "expected a number"),
    ({"seats": {"goal": 4}}, 12, "growth.seats", "or {\"target\": N}"),
    ({"storage_gb": {"target": 100}}, 12, "growth.storage_gb", "nothing grows from nothing"),
    ({}, 0, "months", "whole number of months from 1 to 60"),
    ({}, 61, "months", "whole number of months from 1 to 60"),
    ("fast", 12, "growth", "must be a mapping"),
])
def test_bad_growth_is_a_located_error(catalog, growth, months, field, message):
    with pytest.raises(QuoteError, match=message) as caught:
        forecast(catalog, {"plan": "team", "seats": 5}, growth, months)
    assert caught.value.field == field


def test_a_rate_grows_nothing_from_nothing(catalog):
    """An estimate at 0 GB with storage growing 20% a month stays at 0 GB (the planner's
    growth is written for every plan; a visitor may leave a metric at 0)."""
    d = forecast(catalog, {"plan": "team", "seats": 5}, {"storage_gb": {"percent": "20"},
                                                          "seats": "0.5"}, 3).to_dict()
    assert [m["usage"]["storage_gb"] for m in d["months"]] == ["0", "0", "0"]
    assert [m["seats"] for m in d["months"]] == [5, 8, 11]   # 7.5 -> 8, 11.25 -> 11


def test_growth_beyond_the_calculator_is_a_month_it_cannot_price(catalog):
    d = forecast(catalog, {"plan": "team", "seats": 5}, {"seats": "10"}, 12).to_dict()
    assert d["months"][-1]["status"] == "unavailable"
    assert "more than this calculator handles" in d["months"][-1]["reason"]


requests = st.fixed_dictionaries({
    "plan": st.sampled_from(["team", "business"]),
    "seats": st.integers(1, 120),
    "usage": st.fixed_dictionaries({"storage_gb": st.integers(0, 400)}),
})
rates = st.decimals(min_value=Decimal("-0.3"), max_value=Decimal("0.4"), places=3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests, seat_rate=rates, storage_rate=rates, months=st.integers(1, 14))
def test_every_month_is_quote_and_the_total_their_sum(catalog, request, seat_rate, storage_rate,
                                                       months):
    growth = {"seats": str(seat_rate)}
    if request["usage"]["storage_gb"]:
        growth["storage_gb"] = str(storage_rate)
    result = forecast(catalog, request, growth, months)
    totals = []
    for month in result.to_dict()["months"]:
        single = {"plan": request["plan"], "seats": month["seats"], "usage": month["usage"]}
        try:
            expected = quote(catalog, single)
        except QuoteError:
            assert month["status"] == "unavailable"
            totals.append(None)
            continue
        assert month["status"] == expected.status
        total = None if expected.status != "priced" else str(expected.total)
        assert month["total"] == total
        totals.append(total)
    d = result.to_dict()
    if None in totals:
        assert d["total"] is None
    else:
        assert Decimal(d["total"]) == sum(Decimal(t) for t in totals)


@settings(max_examples=25, deadline=None)
@given(request=requests, months=st.integers(1, 24))
def test_zero_growth_gives_equal_months(catalog, request, months):
    d = forecast(catalog, request, {"seats": "0"}, months).to_dict()
    assert len({m["total"] for m in d["months"]}) == 1
    assert len(d["months"]) == months


def test_growth_in_percent_as_typed_is_the_same_rate(catalog):
    """The planner's fields are in percent, sent as typed: Python reads them, not the page."""
    request = {"plan": "team", "seats": 8, "usage": {"storage_gb": 40}}
    as_rate = forecast(catalog, request, {"seats": "0.08", "storage_gb": "-0.125"}, 6).to_dict()
    for typed in ({"seats": {"percent": "8"}, "storage_gb": {"percent": "-12.5"}},
                  {"seats": {"percent": " 8% "}, "storage_gb": {"percent": -12.5}}):
        assert forecast(catalog, request, typed, "6").to_dict() == as_rate


@pytest.mark.parametrize("growth, months, field, message", [
    ({"seats": {"percent": "-100"}}, 12, "growth.seats", "-100% a month is not a growth rate"),
    ({"seats": {"percent": "1001"}}, 12, "growth.seats", "from above -100% to 1000%"),
    ({"seats": {"percent": "8,5"}}, 12, "growth.seats",
     "Growth of seats: '8,5' is not a number as written here: a comma groups thousands"),
    ({"storage_gb": {"target": "1.5.0"}}, 12, "growth.storage_gb", "Growth of Storage: "),
    ({"seats": {"percent": "8", "target": 4}}, 12, "growth.seats", "or {\"target\": N}"),
    ({}, "1.5", "months", "from 1 to 60, got '1.5'"),
    ({}, "twelve", "months", "got 'twelve'"),
    ({}, "61", "months", "got '61'"),
])
def test_a_typed_percent_or_horizon_that_is_no_number_is_a_located_error(
        catalog, growth, months, field, message):
    with pytest.raises(QuoteError, match=re.escape(message)) as caught:
        forecast(catalog, {"plan": "team", "seats": 5}, growth, months)
    assert caught.value.field == field


def test_each_months_quantities_are_shown_as_the_bill_shows_them(catalog):
    d = forecast(catalog, {"plan": "team", "seats": 8, "usage": {"storage_gb": 1200}},
                 {"storage_gb": "0.5"}, 3).to_dict()
    assert [m["display"]["usage"]["storage_gb"] for m in d["months"]] == ["1,200", "1,800", "2,700"]
    assert d["months"][0]["display"]["seats"] == "8"


def test_the_advice_names_what_costs_less_than_the_chosen_plans_months(catalog):
    # 8 seats at 8% a month for a year on Team (a year of monthly bills), as in the yearly test
    d = forecast(catalog, {"plan": "team", "seats": 8}, {"seats": "0.08"}, 12).to_dict()
    yearly = Decimal(d["yearly"]["total"])
    assert yearly < Decimal(d["total"])
    assert d["advice"] == [{
        "kind": "yearly", "total": d["yearly"]["total"],
        "saving": str(Decimal(d["total"]) - yearly),
        "display": {"total": d["yearly"]["display"]["total"],
                    "saving": f"${Decimal(d['total']) - yearly:,.2f}"},
        "text": f"Paying yearly: {d['yearly']['display']['total']}, "
                f"${Decimal(d['total']) - yearly:,.2f} less."}]
    # six months billed yearly still pay a whole year: more than six monthly bills, not advised
    short = forecast(catalog, {"plan": "team", "seats": 8}, {"seats": "0.08"}, 6).to_dict()
    assert Decimal(short["yearly"]["total"]) > Decimal(short["total"])
    assert short["advice"] == []


def test_the_advice_for_a_cheaper_plan_and_a_commitment(catalog):
    # Business at 10 seats, no growth: $749 a month; Team $500 (10 x $50) saves $249 a month;
    # the commitment raises nothing (each month is above its $500 minimum) and lowers the
    # seats' price by 20%: $299 + 10 x $36 = $659, $90 a month less
    d = forecast(catalog, {"plan": "business", "seats": 10}, {}, 3).to_dict()
    assert [(a["kind"], a["saving"], a["text"]) for a in d["advice"]] == [
        ("cheaper_plan", "747.00", "Team from the start saves $747.00: $1,500.00 over the 3 months."),
        ("committed", "270.00", "With the yearly commitment: $1,977.00, $270.00 less.")]


def test_the_switch_is_advised_without_a_saving_where_the_chosen_plan_stops(catalog):
    # Team from 100 to 300 seats stops in month 8 (contact sales): nothing to save against
    d = forecast(catalog, {"plan": "team", "seats": 100}, {"seats": {"target": 300}}, 12).to_dict()
    switch, cheaper = d["advice"]
    assert (switch["kind"], switch["month"], switch["saving"]) == ("switch", 8, None)
    assert switch["text"] == f"Moving to Business in month 8: {d['switch']['display']['total']} over the 12 months."
    assert cheaper["kind"] == "cheaper_plan" and cheaper["saving"] is None
    assert cheaper["text"].startswith("Business prices every month: $")


def test_a_promotion_for_the_first_months_is_on_those_months_only():
    # Team at 4 seats, $200 a month; 50% off its first 3 months, for every visitor.
    data = {**PRICES, "promotions": {"launch": {"name": "Launch", "discount": 0.5, "months": 3}}}
    d = forecast(load_catalog(data), {"plan": "team", "seats": 4}, {}, 6).to_dict()
    assert [m["total"] for m in d["months"]] == ["100.00"] * 3 + ["200.00"] * 3
    assert d["total"] == "900.00"
    # yearly: $1,920 a year (20% off), the first 3 of its 12 months at half: 1920 - 240
    assert d["yearly"]["total"] == "1680.00"
