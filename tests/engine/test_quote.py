"""The pricing semantics of DESIGN.md, one rule per test, read as sentences."""

from dataclasses import replace
from decimal import Decimal

import pytest

from calculator import CatalogError, QuoteError, lint, load_catalog, quote
from calculator.catalog import MODEL_KEYS
from calculator.models import MODELS
from calculator.models.base import CUSTOM, Model, Rated, TierUse
from calculator.models.tiers import lower_bound, tier_index, tiers_words
from calculator.money import ZERO
from pricing_site.pages.price_words import usage_text

from tests.catalogs import FLAT_FEE_TIERS, STORAGE_TIERS, ZERO_FEE_TIERS, one_plan

D = Decimal


def rate_usage(charge, quantity, currency="USD"):
    return quote(load_catalog(one_plan(usage=charge, currency=currency)),
                 {"plan": "p", "usage": {"m": quantity}})


# -- models and money -----------------------------------------------------------------------
@pytest.mark.parametrize("charge, quantity, total", [
    ({"unit": "0.0075"}, 1001, "7.51"),  # sub-cent price, one half-up rounding of 7.5075
    ({"unit": "0.0025"}, 5, "0.01"),  # 0.0125 -> 0.01 (half-up on the third decimal)
    ({"unit": "0.005"}, 25, "0.13"),  # 0.125 -> 0.13 half-up (half-even would give 0.12)
    ({"pricing": "package", "package": {"size": 1000, "price": 5}}, 1001, "10.00"),
    ({"pricing": "package", "package": {"size": 1000, "price": 5}}, 1000, "5.00"),
    ({"pricing": "package", "package": {"size": 1000, "price": 5, "round": "down"}}, 1999, "5.00"),
    ({"pricing": "package", "package": {"size": 1000, "price": 5}}, 0, "0.00"),
    ({"pricing": "volume", "tiers": [{"up_to": 10, "unit": 1}, {"unit": 2}]}, "10.5", "21.00"),
    ({"pricing": "graduated", "tiers": [{"up_to": 10, "unit": 1}, {"unit": 2}]}, "10.5", "11.00"),
    ({"pricing": "graduated", "tiers": [{"up_to": 5, "unit": 1, "flat": 10}, {"unit": 1}]}, 0, "10.00"),
    ({"pricing": "graduated", "tiers": [{"up_to": 0, "unit": 0}, {"unit": 1, "flat": 10}]}, 0, "0.00"),
    ({"pricing": "graduated", "tiers": [{"up_to": 0, "unit": 0}, {"unit": 1, "flat": 10}]}, 1, "11.00"),
    ({"unit": 2, "included": 100}, 150, "100.00"),  # only the 50 beyond the allowance
    ({"unit": 2, "included": 100}, 80, "0.00"),
    ({"unit": 2, "minimum": 10}, 3, "20.00"),
])
def test_usage_charge(charge, quantity, total):
    assert rate_usage(charge, quantity).total == D(total)


@pytest.mark.parametrize("currency, total, shown", [
    ("USD", "12.35", "$12.35"), ("EUR", "12.35", "€12.35"), ("GBP", "12.35", "£12.35"),
    ("JPY", "12", "¥12"), ("KWD", "12.346", "KWD 12.346"),
])
def test_currency_minor_units(currency, total, shown):
    """12.3456 a unit: USD/EUR/GBP round to cents, JPY to yen, KWD to fils (half-up)."""
    result = rate_usage({"unit": "12.3456"}, 1, currency)
    assert result.total == D(total)
    assert result.to_dict()["display"]["total"] == shown


def test_total_is_the_sum_of_rounded_lines():
    catalog = load_catalog(one_plan(seats={"unit": "9.995"}, usage={"unit": "0.0049"}, flat="0.005"))
    result = quote(catalog, {"plan": "p", "seats": 1, "usage": {"m": 1}})
    assert [line.amount for line in result.lines] == [D("0.01"), D("10.00"), D("0.00")]
    assert result.total == D("10.01")


# -- the model table: what the rest of the engine (and the price list) asks each model ----------
NEAR_EDGE = [{"up_to": 10, "unit": 50}, {"unit": 40}]
CLIFF = ("P: volume tiers make more things cost less: 10 things cost $500.00 but 11 cost $440.00; "
         "every quantity from 9 to 10 pays more than 11 would (a cliff: use graduated pricing, or "
         "accept it on purpose)")

# One row per model in MODELS: 9 things on its charge bill this, nudge so, lint so (the only
# plan, so no "never the cheapest"), and the price list words its price so.
MODEL_ROWS = {
    "per_unit": ({"unit": 50}, "450.00", [], [], "$50 per things"),
    "graduated": ({"tiers": NEAR_EDGE}, "450.00",
                  ["Add 2 things and every things beyond 10 costs $40."], [],
                  "per things, graduated: 1–10: $50 · 11 and up: $40"),
    "volume": ({"tiers": NEAR_EDGE}, "450.00",
               ["Add 2 things and every things costs $40: the things charge falls by $10.00 a month."],
               [CLIFF], "per things, all-units volume: 1–10: $50 · 11 and up: $40"),
    "package": ({"package": {"size": 5, "price": 40}}, "80.00",
                ["You pay for 2 blocks of 5 things: 1 more things cost nothing extra."], [],
                "$40 per 5 things"),
}


def test_every_model_in_the_table_answers_every_question_and_has_a_row_here():
    assert list(MODEL_ROWS) == list(MODELS)
    for name, model in MODELS.items():
        assert model.name == name
        assert model.needs in MODEL_KEYS  # a key the parser reads and requires for it
        assert callable(model.rate) and callable(model.words)
        assert isinstance(model.all_units, bool)


def test_a_model_that_leaves_a_question_unanswered_is_refused_when_declared():
    with pytest.raises(TypeError, match="all_units"):
        Model(name="half", needs="unit", rate=lambda charge, quantity: Rated(), words=str)


@pytest.mark.parametrize("name", list(MODEL_ROWS))
def test_each_model_rates_nudges_lints_and_words_its_price(name):
    charge, total, nudges, warnings, words = MODEL_ROWS[name]
    catalog = load_catalog(one_plan(usage={"pricing": name, **charge}))
    result = quote(catalog, {"plan": "p", "usage": {"m": 9}})
    assert result.total == D(total)
    assert [nudge.message for nudge in result.nudges] == nudges
    assert [warning.message for warning in lint(catalog)] == warnings
    assert MODELS[name].words(catalog.plan("p").usage["m"], "USD", ("things", "things"), D(1)) == words


@pytest.mark.parametrize("name", list(MODEL_ROWS))
def test_a_model_entered_under_another_name_does_all_the_same(monkeypatch, name):
    """No module compares names: each model copied under a new name (as Orb calls volume
    "bulk") bills, nudges, lints and words as the original, the lint naming it by its name."""
    alias = f"{name}_copy"
    monkeypatch.setitem(MODELS, alias, replace(MODELS[name], name=alias))
    charge, total, nudges, warnings, words = MODEL_ROWS[name]
    catalog = load_catalog(one_plan(usage={"pricing": alias, **charge}))
    assert load_catalog(catalog.to_dict()) == catalog  # catalog.json, as the browser reads it
    result = quote(catalog, {"plan": "p", "usage": {"m": 9}})
    assert (result.total, [nudge.message for nudge in result.nudges]) == (D(total), nudges)
    assert [w.message for w in lint(catalog)] == [w.replace(f" {name} ", f" {alias} ") for w in warnings]
    assert usage_text(catalog.plan("p").usage["m"], catalog.metrics["m"], "USD") == (
        words[:1].upper() + words[1:])


def _stairstep_rate(charge, quantity):
    """The step that holds the quantity costs its flat fee, however many units are in it."""
    index = tier_index(charge.tiers, quantity)
    step = charge.tiers[index]
    if step.custom:
        return CUSTOM
    first = lower_bound(charge.tiers, index)
    return Rated(amount=step.flat, tiers=(TierUse(index, first, step.up_to, quantity, ZERO,
                                                  step.flat, step.flat),))


STAIRSTEP = Model(name="stairstep", needs="tiers", rate=_stairstep_rate, all_units=True,
                  words=lambda charge, *rest: tiers_words("stairstep", charge, *rest))
STEPS = [{"up_to": 10, "unit": 0, "flat": 100}, {"up_to": 25, "unit": 0, "flat": 90}, {"custom": True}]


def test_a_new_model_is_a_module_and_an_entry_in_the_table(monkeypatch):
    """A model no other module knows (stairstep), entered in MODELS alone: the parser takes
    its name and asks for its key, the quote rates with it, the nudge and the lint ask it,
    and the comparison table words it."""
    monkeypatch.setitem(MODELS, "stairstep", STAIRSTEP)
    catalog = load_catalog(one_plan(usage={"pricing": "stairstep", "tiers": STEPS}))
    assert load_catalog(catalog.to_dict()) == catalog

    def bill(quantity):
        return quote(catalog, {"plan": "p", "usage": {"m": quantity}})

    assert [bill(q).total for q in (0, 10, 11, 25)] == [D("100.00"), D("100.00"), D("90.00"), D("90.00")]
    assert [(n.kind, n.message) for n in bill(24).nudges] == [
        ("custom_tier", "Above 25 things, contact sales for a custom price.")]
    [cliff] = lint(catalog)
    assert cliff.message.startswith("P: stairstep tiers make more things cost less: 10 things "
                                    "cost $100.00 but 11 cost $90.00")
    assert usage_text(catalog.plan("p").usage["m"], catalog.metrics["m"], "USD") == (
        "Per things, stairstep: 1–10: $0 + $100 flat · 11–25: $0 + $90 flat · 26 and up: contact sales")
    with pytest.raises(CatalogError, match="tiers: is required for pricing: stairstep"):
        load_catalog(one_plan(usage={"pricing": "stairstep"}))
    with pytest.raises(CatalogError, match="did you mean 'stairstep'.*package, stairstep"):
        load_catalog(one_plan(usage={"pricing": "stairsteps", "tiers": STEPS}))


# -- seats ------------------------------------------------------------------------------------
def seat_kinds_catalog():
    return load_catalog(one_plan(seats={"unit": 10, "minimum": 3, "kinds": {
        "viewer": {"name": "Viewers", "free": True},
        "guest": {"name": "Guests", "free_up_to": 5, "limit": 20}}}))


def test_minimum_seats_bill_the_minimum_and_say_so():
    result = quote(seat_kinds_catalog(), {"plan": "p", "seats": 1})
    assert result.total == D("30.00")
    assert any(n.kind == "minimum" and "add 2 more" in n.message for n in result.nudges)


def test_free_seat_kinds_are_counted_not_billed():
    result = quote(seat_kinds_catalog(), {"plan": "p", "seats": 4,
                                          "seat_kinds": {"viewer": 50, "guest": 7}})
    seats = [line for line in result.lines if line.kind == "seats"][0]
    assert seats.quantity == 6  # 4 + the 2 guests beyond the 5 free
    assert result.total == D("60.00")
    free = {line.label: line.quantity for line in result.lines if line.kind == "free_seats"}
    assert free == {"Viewers (free)": 50, "Guests (free)": 5}


def test_seat_kind_limit_and_unknown_kind():
    with pytest.raises(QuoteError, match="at most 20 guests"):
        quote(seat_kinds_catalog(), {"plan": "p", "seats": 4, "seat_kinds": {"guest": 21}})
    with pytest.raises(QuoteError, match="did you mean 'viewer'"):
        quote(seat_kinds_catalog(), {"plan": "p", "seats": 4, "seat_kinds": {"viewers": 1}})


def test_seat_limit_of_a_free_tier(demo):
    assert quote(demo, {"plan": "free", "seats": 3}).total == D("0.00")
    with pytest.raises(QuoteError, match="at most 3 seats") as info:
        quote(demo, {"plan": "free", "seats": 4})
    assert info.value.field == "seats"


# -- billing periods and discounts -----------------------------------------------------------
def test_annual_discount_applies_to_recurring_fees_not_usage(demo):
    request = {"plan": "business", "seats": 10, "usage": {"api_calls": 150000}}
    monthly = quote(demo, request)
    annual = quote(demo, {**request, "billing": "annual"})
    # recurring: 299 + 10 x 45 = 749 a month; usage overage: 50 packages x $5 = 250 a month
    assert monthly.total == D("999.00")
    # yearly: the base fee, 12 x 299 = 3,588, less 20% (717.60); the seats at their written
    # yearly price, 12 x 10 x 36 = 4,320, with no discount on top; the usage, 12 x 250 = 3,000
    assert [line.amount for line in annual.lines] == [D("3588.00"), D("4320.00"), D("3000.00")]
    [discount] = annual.discounts
    assert discount.kind == "annual" and discount.amount == -D("717.60")
    assert discount.label == "Annual billing (20% off the base fee)"
    assert annual.total == D("10190.40")
    assert annual.monthly_equivalent == (annual.total / 12).quantize(D("0.01"))
    # a year at monthly prices: 3,588 + 12 x 450 + 3,000 = 11,988.00, less 10,190.40
    assert annual.annual_saving == monthly.annual_saving == D("1797.60")


def test_usage_discountable_when_the_catalog_says_so():
    data = one_plan(usage={"unit": 1, "discountable": True})
    data["annual_discount"] = "0.5"
    result = quote(load_catalog(data), {"plan": "p", "usage": {"m": 10}, "billing": "annual"})
    assert result.total == D("60.00")


def test_plan_discount_overrides_catalog_default():
    data = one_plan(seats={"unit": 10})
    data["annual_discount"] = "0.2"
    data["plans"][0]["price"]["annual_discount"] = "0.1"
    result = quote(load_catalog(data), {"plan": "p", "seats": 1, "billing": "annual"})
    assert result.total == D("108.00")


def test_commitment_discount_compounds_with_annual_then_trues_up():
    data = one_plan(seats={"unit": 100}, usage={"unit": 1},
                    commitment={"annual_minimum": 20000, "discount": "0.25"})
    data["annual_discount"] = "0.2"
    catalog = load_catalog(data)
    result = quote(catalog, {"plan": "p", "seats": 10, "usage": {"m": 1000}, "billing": "annual",
                             "commitment": True})
    # seats 12,000 and usage 12,000; commitment -25% on both = -6,000;
    # annual -20% on what is left of the seats (9,000) = -1,800; 24,000 - 7,800 = 16,200 < 20,000
    assert [d.amount for d in result.discounts] == [-D("6000.00"), -D("1800.00")]
    assert result.lines[-1].kind == "true_up" and result.lines[-1].amount == D("3800.00")
    assert result.total == D("20000.00")
    monthly = quote(catalog, {"plan": "p", "seats": 10, "usage": {"m": 1000}, "commitment": True})
    assert monthly.total == D("1666.67")  # a twelfth of the yearly commitment, rounded


def test_commitment_requires_the_plan_option(demo):
    with pytest.raises(QuoteError, match="no committed-use option"):
        quote(demo, {"plan": "team", "seats": 5, "commitment": True})


def test_addons_flat_and_per_seat(demo):
    result = quote(demo, {"plan": "team", "seats": 10, "addons": ["sso", "audit_log"]})
    addons = {line.label: line.amount for line in result.lines if line.kind == "addon"}
    assert addons == {"SAML single sign-on": D("100.00"), "Audit log retention": D("30.00")}
    assert result.total == D("630.00")
    with pytest.raises(QuoteError, match="not available on the Business plan"):
        quote(demo, {"plan": "business", "seats": 10, "addons": ["sso"]})


@pytest.mark.parametrize("billing, detail", [("monthly", "$100 a month"),
                                             ("annual", "$100 a month × 12 months")])
def test_a_flat_addon_reads_as_a_monthly_fee(demo, billing, detail):
    request = {"plan": "team", "seats": 5, "addons": ["sso"], "billing": billing}
    lines = quote(demo, request).to_dict()["lines"]
    assert [line["display"]["detail"] for line in lines if line["kind"] == "addon"] == [detail]


# -- contact sales -----------------------------------------------------------------------------
def test_custom_plan_and_custom_tier_give_contact_sales_without_a_number(demo):
    for request in ({"plan": "enterprise", "seats": 500}, {"plan": "team", "seats": 201}):
        data = quote(demo, request).to_dict()
        assert data["status"] == "contact_sales"
        assert data["total"] is None and data["lines"] == [] and data["display"] is None
        assert "contact sales" in data["message"]


def test_custom_usage_tier_gives_contact_sales():
    result = rate_usage({"pricing": "volume", "tiers": [{"up_to": 100, "unit": 1},
                                                        {"custom": True}]}, 101)
    assert result.status == "contact_sales" and "beyond the list prices" in result.message


# -- explanations -------------------------------------------------------------------------------
def test_graduated_line_explains_its_tiers(demo):
    data = quote(demo, {"plan": "team", "seats": 49}).to_dict()
    [seats] = data["lines"]
    assert [(t["range"], t["quantity"], t["unit_price"], t["amount"]) for t in seats["tiers"]] == [
        ("1–10", "10", "50", "500.00"), ("11–50", "39", "40", "1560.00")]
    assert data["nudges"][0]["message"] == "Add 2 seats and every seat beyond 50 costs $30."


def test_tier_rows_group_their_quantities_like_their_bounds():
    tiers = [{"up_to": 100000, "unit": "0.05"}, {"unit": "0.025"}]
    [line] = rate_usage({"pricing": "graduated", "tiers": tiers}, 250000).to_dict()["lines"]
    assert [(t["range"], t["quantity"], t["display"]["quantity"]) for t in line["tiers"]] == [
        ("1–100,000", "100000", "100,000"), ("100,001 and up", "150000", "150,000")]
    [line] = rate_usage({"pricing": "graduated", "tiers": tiers}, "100050.0").to_dict()["lines"]
    assert [t["display"]["quantity"] for t in line["tiers"]] == ["100,000", "50"]  # not "50.0"


def test_tiers_with_fractional_bounds_read_as_fractional_ranges():
    tiers = [{"up_to": "0.5", "unit": 0}, {"up_to": "10.5", "unit": 1}, {"unit": "0.5"}]
    [line] = rate_usage({"pricing": "graduated", "tiers": tiers}, 20).to_dict()["lines"]
    assert [(t["range"], t["display"]["quantity"]) for t in line["tiers"]] == [
        ("up to 0.5", "0.5"), ("over 0.5 up to 10.5", "10"), ("over 10.5", "9.5")]  # not "1–0.5"


@pytest.mark.parametrize("step, pricing, tiers, quantity, ranges", [
    # a metric sold in half GB: 0.5 GB is in the first tier too, so never "1–1,000", and the
    # words do not flip with the quantity (6,000 read "1–1,000", 6,000.5 "up to 1,000")
    ("0.5", "graduated", STORAGE_TIERS, 6000, ["up to 1,000", "over 1,000 up to 5,000", "over 5,000"]),
    ("0.5", "graduated", STORAGE_TIERS, "6000.5", ["up to 1,000", "over 1,000 up to 5,000", "over 5,000"]),
    ("0.5", "volume", STORAGE_TIERS, 3000, ["over 1,000 up to 5,000"]),
    ("0.5", "graduated", [{"up_to": 10, "unit": 1}, {"unit": 2}], 20, ["up to 10", "over 10"]),
    # whole units keep counting from 1
    (None, "graduated", STORAGE_TIERS, 6000, ["1–1,000", "1,001–5,000", "5,001 and up"]),
    ("1000", "volume", STORAGE_TIERS, 6000, ["5,001 and up"]),
    # 10.5 calls on a whole metric (typed in): "11 and up" would not hold the 0.5 beyond 10
    (None, "graduated", [{"up_to": 10, "unit": 1}, {"unit": 2}], "10.5", ["up to 10", "over 10"]),
    # a tier {up_to: 0} holds quantity 0 alone: "0", never "1–0"; the next one starts above 0
    (None, "graduated", ZERO_FEE_TIERS, 12, ["0", "1–10", "11 and up"]),
    ("0.5", "graduated", ZERO_FEE_TIERS, 12, ["0", "over 0 up to 10", "over 10"]),
])
def test_tier_ranges_follow_the_metrics_step(step, pricing, tiers, quantity, ranges):
    catalog = load_catalog(one_plan(usage={"pricing": pricing, "tiers": tiers}, step=step))
    [line] = quote(catalog, {"plan": "p", "usage": {"m": quantity}}).to_dict()["lines"]
    assert [t["range"] for t in line["tiers"]] == ranges


@pytest.mark.parametrize("pricing, seats, rows, total", [
    # graduated: every quantity passes through the tier holding 0, so its fee is a base fee
    ("graduated", 0, ["0: 0 × $0 + $10"], "10.00"),
    ("graduated", 12, ["0: 0 × $0 + $10", "1–10: 10 × $5", "11 and up: 2 × $4"], "68.00"),
    # volume: only the tier containing the quantity is billed, so the fee is charged at 0 alone
    ("volume", 0, ["0: 0 × $0 + $10"], "10.00"),
    ("volume", 12, ["11 and up: 12 × $4"], "48.00"),
])
def test_a_fee_on_a_tier_up_to_0_reads_as_the_tier_of_0(pricing, seats, rows, total):
    result = quote(load_catalog(one_plan(seats={"pricing": pricing, "tiers": ZERO_FEE_TIERS})),
                   {"plan": "p", "seats": seats})
    assert [_tier_row(t) for t in result.to_dict()["lines"][0]["tiers"]] == rows
    assert result.total == D(total)


def _tier_row(tier):
    """A tier row as the bill reads (calculator/display.py, quote_table)."""
    shown = tier["display"]
    flat = f" + {shown['flat']}" if tier["flat"] != "0" else ""
    return f"{tier['range']}: {shown['quantity']} × {shown['unit_price']}{flat}"


@pytest.mark.parametrize("currency, rows", [
    # prices as listed (sub-fils, half yen), amounts rounded: a flat fee is a price, and the
    # row adds up (3 × ¥0.5 + ¥99.5 = ¥101; a flat fee shown as ¥100 would not)
    ("KWD", [("1–10: 10 × KWD 0.1234 + KWD 1.2345", "KWD 2.469"),
             ("11 and up: 3 × KWD 0.500 + KWD 99.500", "KWD 101.000")]),
    ("JPY", [("1–10: 10 × ¥0.1234 + ¥1.2345", "¥2"), ("11 and up: 3 × ¥0.5 + ¥99.5", "¥101")]),
    ("USD", [("1–10: 10 × $0.1234 + $1.2345", "$2.47"), ("11 and up: 3 × $0.50 + $99.50", "$101.00")]),
])
def test_tier_flat_fees_show_as_listed_like_unit_prices(currency, rows):
    result = quote(load_catalog(one_plan(seats={"pricing": "graduated", "tiers": FLAT_FEE_TIERS},
                                         currency=currency)), {"plan": "p", "seats": 13})
    tiers = result.to_dict()["lines"][0]["tiers"]
    assert [(_tier_row(t), t["display"]["amount"]) for t in tiers] == rows


def test_volume_nudge_shows_the_cliff():
    tiers = [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40}, {"up_to": 200, "unit": 30}]
    catalog = load_catalog(one_plan(seats={"pricing": "volume", "tiers": tiers + [{"custom": True}]}))
    nudge = quote(catalog, {"plan": "p", "seats": 49}).nudges[0]
    assert nudge.message == ("Add 2 seats and every seat costs $30: the seats charge falls by "
                             "$430.00 a month.")
    assert nudge.add == 2
    far = quote(catalog, {"plan": "p", "seats": 20}).nudges
    assert far == ()  # the next tier is not within reach


def test_custom_tier_nudge(demo):
    [nudge, _annual] = quote(demo, {"plan": "team", "seats": 190}).nudges
    assert nudge.kind == "custom_tier" and "Above 200 seats, contact sales" in nudge.message


@pytest.mark.parametrize("calls, level", [(4999, None), (5000, 50), (7500, 75), (8999, 75),
                                          (9000, 90), (10000, 90)])
def test_usage_alerts_at_50_75_90_percent(demo, calls, level):
    alerts = quote(demo, {"plan": "free", "usage": {"api_calls": calls}}).alerts
    assert [a.level for a in alerts] == ([] if level is None else [level])


def test_overage_comes_with_the_cheaper_plan():
    catalog = load_catalog({
        "currency": "USD", "metrics": {"m": {"name": "Contacts", "unit": "contacts", "max": 10**6}},
        "plans": [{"id": "a", "name": "A", "price": {"flat": 49, "usage": {"m": {"unit": "0.05", "included": 10000}}}},
                  {"id": "b", "name": "B", "price": {"flat": 99, "usage": {"m": {"unit": "0.01", "included": 20000}}}}]})
    result = quote(catalog, {"plan": "a", "usage": {"m": 15000}})
    assert result.total == D("299.00")
    assert result.cheaper_plan.plan == "b" and result.cheaper_plan.saving == D("200.00")
    [alert] = result.alerts
    assert alert.kind == "overage" and "overage $250.00 a month" in alert.message


def test_no_cheaper_plan_when_the_choice_is_cheapest(demo):
    assert quote(demo, {"plan": "free", "seats": 1}).cheaper_plan is None
    # Team cannot serve API calls, so it is no alternative to Business here
    result = quote(demo, {"plan": "business", "seats": 2, "usage": {"api_calls": 50000}})
    assert result.cheaper_plan is None


def test_to_dict_contract_keys(demo):
    data = quote(demo, {"plan": "team", "seats": 49, "usage": {"storage_gb": 70},
                        "billing": "annual"}).to_dict()
    assert {"plan", "currency", "billing", "status", "lines", "discounts", "total",
            "monthly_equivalent", "nudges", "alerts"} <= set(data)
    for line in data["lines"]:
        assert {"label", "quantity", "unit_price", "amount"} <= set(line)
    assert all(isinstance(v, str) for v in (data["total"], data["monthly_equivalent"]))
    total = sum(D(line["amount"]) for line in data["lines"]) + sum(
        D(d["amount"]) for d in data["discounts"])
    assert D(data["total"]) == total


def test_a_usage_only_plan_without_usage_is_a_zero_bill():
    """No flat fee, no seats, nothing used: no line at all, and every figure still a Decimal
    (the plan card's price of a pay-as-you-go plan)."""
    data = quote(load_catalog(one_plan(usage={"unit": "0.0005", "included": 1000})),
                 {"plan": "p"}).to_dict()
    assert data["status"] == "priced" and data["lines"] == []
    assert data["subtotal"] == data["total"] == "0.00"


def test_a_tier_fee_written_as_zero_is_no_fee():
    """`flat: 0.00` in the YAML is no tier fee: the bill does not show "+ $0.00" for it."""
    catalog = load_catalog(one_plan(seats={"pricing": "graduated", "tiers": [
        {"up_to": 5, "unit": 10, "flat": "0.00"}, {"unit": 8, "flat": "2.50"}]}))
    tiers = quote(catalog, {"plan": "p", "seats": 7}).to_dict()["lines"][0]["tiers"]
    assert [t["flat"] for t in tiers] == ["0", "2.50"]


def test_zero_seats_of_a_kind_the_plan_lacks_ask_nothing_of_it(demo):
    """Typing 0 in the viewers field must not rule out a plan without viewers: not as the
    cheaper plan, not on the chart."""
    request = {"plan": "team", "seats": 2, "usage": {"storage_gb": 1}}
    zero = {**request, "seat_kinds": {"viewer": 0}}
    assert quote(demo, zero).cheaper_plan.plan == quote(demo, request).cheaper_plan.plan == "free"
    assert quote(demo, {**zero, "plan": "free"}).total == D("0.00")
    with pytest.raises(QuoteError, match="no seat kind 'viewer'"):
        quote(demo, {**request, "plan": "free", "seat_kinds": {"viewer": 1}})
