"""Properties that hold for every catalog and request, checked with Hypothesis."""

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import (CatalogError, QuoteError, break_even, cost_curve, curve_quantities,
                        lint, load_catalog, quote)
from calculator.money import CURRENCIES, minor_units

from tests.catalogs import one_plan

D = Decimal
cents = st.integers(min_value=0, max_value=100_000).map(lambda c: D(c) / 100)
prices = st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False, allow_infinity=False)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def tier_lists(draw, price=prices):
    bounds = sorted(set(draw(st.lists(st.integers(1, 5000), min_size=0, max_size=5))))
    tiers = [{"up_to": b, "unit": str(draw(price)), "flat": str(draw(price))} for b in bounds]
    tiers.append({"unit": str(draw(price)), "flat": str(draw(price))})
    return tiers


def usage_total(charge, quantity):
    catalog = load_catalog(one_plan(usage=charge))
    return quote(catalog, {"plan": "p", "usage": {"m": quantity}}).total


@FAST
@given(tier_lists(), st.integers(0, 10_000), st.integers(1, 500))
def test_graduated_total_never_falls_as_quantity_rises(tiers, quantity, more):
    charge = {"pricing": "graduated", "tiers": tiers}
    assert usage_total(charge, quantity + more) >= usage_total(charge, quantity)


@FAST
@given(prices, st.integers(0, 100_000))
def test_one_tier_volume_equals_per_unit(unit, quantity):
    volume = {"pricing": "volume", "tiers": [{"unit": str(unit)}]}
    assert usage_total(volume, quantity) == usage_total({"unit": str(unit)}, quantity)


@FAST
@given(tier_lists(), st.integers(0, 10_000))
def test_one_tier_graduated_equals_volume_below_the_first_edge(tiers, quantity):
    single = [{"unit": tiers[0]["unit"], "flat": tiers[0]["flat"]}]
    assert usage_total({"pricing": "graduated", "tiers": single}, quantity) == \
        usage_total({"pricing": "volume", "tiers": single}, quantity)


@FAST
@given(flat=st.integers(0, 5000), seat=st.integers(0, 500), seats=st.integers(0, 300),
       percent=st.integers(0, 100), usage=cents, calls=st.integers(0, 10_000))
def test_annual_recurring_is_12_months_less_the_discount(flat, seat, seats, percent, usage, calls):
    """Whole-dollar fees and whole-percent discounts: exact to the cent, no rounding slack."""
    data = one_plan(seats={"unit": seat}, usage={"unit": str(usage)}, flat=flat)
    data["annual_discount"] = str(D(percent) / 100)
    catalog = load_catalog(data)
    request = {"plan": "p", "seats": seats, "usage": {"m": calls}}
    monthly = quote(catalog, request)
    annual = quote(catalog, {**request, "billing": "annual"})
    recurring = D(flat + seat * seats)
    usage_line = [line.amount for line in monthly.lines if line.kind == "usage"][0]
    assert annual.total == recurring * 12 * (1 - D(percent) / 100) + usage_line * 12
    assert annual.annual_saving == monthly.total * 12 - annual.total


@FAST
@given(seat=prices, usage=prices, flat=prices, seats=st.integers(0, 1000),
       calls=st.decimals(0, 10**6, places=2), billing=st.sampled_from(["monthly", "annual"]),
       discount=st.integers(0, 100))
def test_total_is_the_sum_of_rounded_lines_and_discounts(seat, usage, flat, seats, calls,
                                                         billing, discount):
    data = one_plan(seats={"unit": str(seat)}, usage={"unit": str(usage)}, flat=str(flat))
    data["annual_discount"] = str(D(discount) / 100)
    result = quote(load_catalog(data), {"plan": "p", "seats": seats, "usage": {"m": str(calls)},
                                        "billing": billing})
    figures = [line.amount for line in result.lines] + [d.amount for d in result.discounts]
    assert all(f == f.quantize(D("0.01")) for f in figures)
    assert result.total == sum(figures)


# -- prices written for each billing, and price books ---------------------------------------
def _written(monthly, annual):
    return {"monthly": str(monthly), "annual": str(annual)}


def _priced(flat, seat, addon, discount):
    """One plan with a flat fee, a seat price and a per-seat add-on, each price as given."""
    data = one_plan(seats={"unit": seat}, flat=flat)
    data["annual_discount"] = str(discount)
    data["addons"] = {"a": {"name": "A", "per_seat": addon}}
    return load_catalog(data)


@FAST
@given(flat=prices, seat=prices, addon=prices, cut=st.decimals(0, 1, places=3),
       seats=st.integers(0, 500), discount=st.decimals(0, 1, places=2))
def test_a_yearly_bill_never_exceeds_a_year_at_monthly_prices_unless_written_so(
        flat, seat, addon, cut, seats, discount):
    """Annual prices at most the monthly ones (here the monthly less ``cut`` of it): the yearly
    bill is at most the year at monthly prices, by exactly the saving the quote reports."""
    def annual(price):
        return (price * (1 - cut)).quantize(D("0.0001"))
    written = _priced(_written(flat, annual(flat)), _written(seat, annual(seat)),
                      _written(addon, annual(addon)), discount)
    at_monthly = _priced(str(flat), str(seat), str(addon), 0)
    request = {"plan": "p", "seats": seats, "addons": ["a"], "billing": "annual"}
    yearly, year_at_monthly = quote(written, request), quote(at_monthly, request)
    assert yearly.total <= year_at_monthly.total
    assert yearly.annual_saving == year_at_monthly.total - yearly.total
    assert not [w for w in lint(written) if "annual price" in w.message]


@FAST
@given(monthly=prices, annual=prices, seats=st.integers(1, 500),
       discount=st.decimals(0, 1, places=2))
def test_a_dearer_annual_price_is_no_saving_and_is_warned_about(monthly, annual, seats, discount):
    catalog = _priced(0, _written(monthly, annual), 0, discount)
    result = quote(catalog, {"plan": "p", "seats": seats})
    assert result.annual_saving >= 0
    assert any("annual price" in w.message for w in lint(catalog)) == (annual > monthly)


@FAST
@given(flat=prices, seat=prices, addon=prices, yearly=st.decimals(0, 1, places=3),
       seats=st.integers(0, 500), discount=st.decimals(0, 1, places=2),
       billing=st.sampled_from(["monthly", "annual"]))
def test_a_price_written_two_ways_bills_each_billing_at_its_own_price(
        flat, seat, addon, yearly, seats, discount, billing):
    """Billed monthly, the monthly prices; billed yearly, the annual ones, without the plan's
    discount: the same bill as a catalog writing that price alone, undiscounted."""
    def annual(price):
        return (price * yearly).quantize(D("0.0001"))
    written = _priced(_written(flat, annual(flat)), _written(seat, annual(seat)),
                      _written(addon, annual(addon)), discount)
    side = {"monthly": lambda price: str(price), "annual": lambda price: str(annual(price))}
    alone = _priced(side[billing](flat), side[billing](seat), side[billing](addon), 0)
    request = {"plan": "p", "seats": seats, "addons": ["a"], "billing": billing}
    assert quote(written, request).to_dict()["lines"] == quote(alone, request).to_dict()["lines"]
    assert quote(written, request).total == quote(alone, request).total


@FAST
@given(currency=st.sampled_from(sorted(set(CURRENCIES) - {"USD"})), flat=prices, seat=prices,
       usage=prices, seats=st.integers(0, 1000), calls=st.decimals(0, 10**6, places=2),
       discount=st.integers(0, 100), billing=st.sampled_from(["monthly", "annual"]),
       both=st.booleans())
def test_every_books_quote_is_exact_in_its_minor_unit(currency, flat, seat, usage, seats, calls,
                                                      discount, billing, both):
    seat_price = _written(seat, seat / 2) if both else str(seat)
    price = {"flat": str(flat), "seats": {"unit": seat_price}, "usage": {"m": {"unit": str(usage)}}}
    data = one_plan(seats={"unit": 1}, usage={"unit": 1})
    data["annual_discount"] = str(D(discount) / 100)
    data["price_books"] = {currency: {"plans": {"p": {"price": price}}}}
    result = quote(load_catalog(data), {"plan": "p", "seats": seats, "usage": {"m": str(calls)},
                                        "billing": billing, "currency": currency})
    digits = minor_units(currency)
    out = result.to_dict()
    money = ([line["amount"] for line in out["lines"]] + [d["amount"] for d in out["discounts"]]
             + [out["total"], out["monthly_equivalent"], out["annual_saving"]])
    assert all(len(text.partition(".")[2]) == digits for text in money), money
    figures = [line.amount for line in result.lines] + [d.amount for d in result.discounts]
    assert result.total == sum(figures)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.decimals(allow_nan=True),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
REQUEST_KEYS = ["plan", "seats", "usage", "billing", "seat_kinds", "addons", "commitment",
                "currency", "promotion", "date"]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(REQUEST_KEYS + ["other"]), json_values, max_size=6)
       | json_values,
       st.sampled_from(["free", "team", "business", "enterprise"]))
def test_any_request_gives_a_quote_or_a_quote_error(demo, raw, plan):
    if isinstance(raw, dict) and "plan" not in raw and len(raw) % 2:
        raw = {**raw, "plan": plan}
    try:
        result = quote(demo, raw)
    except QuoteError as exc:
        assert str(exc)
        return
    data = result.to_dict()
    assert data["status"] in ("priced", "contact_sales")


def test_any_request_holds_for_structured_requests(demo):
    @settings(max_examples=300, deadline=None)
    @given(plan=st.sampled_from(["free", "team", "business", "enterprise"]),
           seats=json_values | st.integers(-5, 300),
           usage=st.dictionaries(st.sampled_from(["api_calls", "storage_gb", "x"]),
                                 json_values | st.integers(0, 10**7), max_size=2),
           kinds=st.dictionaries(st.sampled_from(["viewer", "guest"]), st.integers(-1, 30), max_size=2),
           addons=st.lists(st.sampled_from(["sso", "audit_log", "phone_numbers"]), max_size=2)
           | st.dictionaries(st.sampled_from(["sso", "audit_log", "phone_numbers"]),
                             st.integers(0, 25) | st.booleans(), max_size=3),
           billing=st.sampled_from(["monthly", "annual"]), commitment=st.booleans())
    def check(plan, seats, usage, kinds, addons, billing, commitment):
        request = {"plan": plan, "seats": seats, "usage": usage, "seat_kinds": kinds,
                   "addons": addons, "billing": billing, "commitment": commitment}
        try:
            data = quote(demo, request).to_dict()
        except QuoteError:
            return
        if data["status"] == "priced":
            assert D(data["total"]) >= 0

    check()


# What a curve of each quantity may be asked at: seats, or a metric in its own steps.
CURVE_QUANTITIES = {
    "seats": st.integers(0, 260),
    "storage_gb": st.integers(0, 4000).map(lambda n: D(n) / 2) | st.sampled_from([D(1), D(50), D(51)]),
    "api_calls": st.integers(0, 300_000) | st.sampled_from([10_000, 10_001, 100_000, 100_001]),
}


@pytest.mark.parametrize("metric", sorted(CURVE_QUANTITIES))
def test_a_curve_is_the_quotes_at_its_points(demo, metric):
    """cost_curve rates what does not depend on the curve's quantity once per plan, not per
    point, and keeps what does in the catalog for the next curve (this catalog serves every
    example, so each reuses parts the earlier ones kept): every point must still be exactly
    what a quote for that quantity says (None where it is not priced)."""
    @FAST
    @given(quantities=st.lists(CURVE_QUANTITIES[metric], min_size=1, max_size=6),
           seats=st.integers(0, 260),
           usage=st.dictionaries(st.sampled_from(["api_calls", "storage_gb"]),
                                 st.integers(0, 2000) | st.sampled_from([0, 1, 50, 51, 10**5]),
                                 max_size=2),
           kinds=st.dictionaries(st.sampled_from(["viewer", "guest"]), st.integers(0, 30), max_size=2),
           addons=st.lists(st.sampled_from(["sso", "audit_log"]), max_size=2, unique=True)
           | st.fixed_dictionaries({"phone_numbers": st.integers(0, 20)}),
           billing=st.sampled_from(["monthly", "annual"]), commitment=st.booleans())
    def check(quantities, seats, usage, kinds, addons, billing, commitment):
        request = {"plan": "team", "seats": seats, "usage": usage, "seat_kinds": kinds,
                   "addons": addons, "billing": billing, "commitment": commitment}
        curves = cost_curve(demo, request, metric, quantities)
        assert set(curves) == {"free", "team", "business"}
        for plan, points in curves.items():
            for quantity, point in zip(quantities, points, strict=True):
                at = ({"seats": quantity} if metric == "seats" else
                      {"usage": {**usage, metric: str(quantity)}})
                try:
                    data = quote(demo, {**request, **at, "plan": plan}).to_dict()
                except QuoteError:
                    data = {"status": "unavailable"}
                expected = D(data["total"]) if data["status"] == "priced" else None
                assert (None if point is None else D(point)) == expected, (plan, quantity)

    check()


def test_seat_curves_are_straight_lines_between_their_quantities(demo):
    """The chart draws straight lines between a curve's quantities, so Python must put every
    kink there (tier edges, minimums, limits, guests billed as seats, where a committed-use
    true-up starts or stops): each seat count in between then costs what the line says, to a
    few cents (lines are rounded one by one)."""
    @FAST
    @given(points=st.integers(3, 12), seats=st.integers(0, 120),
           storage=st.integers(0, 400), kinds=st.dictionaries(
               st.sampled_from(["viewer", "guest"]), st.integers(0, 30), max_size=2),
           addons=st.lists(st.sampled_from(["sso", "audit_log"]), max_size=2, unique=True),
           billing=st.sampled_from(["monthly", "annual"]), commitment=st.booleans())
    def check(points, seats, storage, kinds, addons, billing, commitment):
        request = {"plan": "team", "seats": seats, "usage": {"storage_gb": storage},
                   "seat_kinds": kinds, "addons": addons, "billing": billing,
                   "commitment": commitment}
        quantities = [int(q) for q in curve_quantities(demo, request, "seats", points)]
        drawn = cost_curve(demo, request, "seats", quantities)
        exact = cost_curve(demo, request, "seats", range(quantities[-1] + 1))
        for plan, totals in drawn.items():
            for (x0, y0), (x1, y1) in pairwise(zip(quantities, totals)):
                if y0 is None or y1 is None:
                    continue
                for n in range(x0, x1 + 1):
                    assert exact[plan][n] is not None, (plan, n)
                    line = D(y0) + (D(y1) - D(y0)) * (n - x0) / (x1 - x0)
                    assert abs(D(exact[plan][n]) - line) <= D("0.05"), (plan, n, x0, x1)

    check()


def test_committed_seat_curves_bend_exactly_where_the_true_up_stops():
    """A committed plan's bill is raised to its minimum up to some seat count and grows from
    there: both sides of that count are among the curve's quantities (bisected between tier
    edges), for any minimum, tiers and guests."""
    @FAST
    @given(plan=seat_plans("mine"), minimum=st.integers(1, 40_000), guests=st.integers(0, 30),
           billing=st.sampled_from(["monthly", "annual"]))
    def check(plan, minimum, guests, billing):
        plan["commitment"] = {"annual_minimum": minimum, "discount": "0.1"}
        catalog = load_catalog({"currency": "USD", "plans": [plan]})
        request = {"plan": "mine", "seat_kinds": {"guest": guests}, "billing": billing,
                   "commitment": True}
        quantities = [int(q) for q in curve_quantities(catalog, request, "seats", 3)]
        trued = [rate(catalog, {**request, "seats": n}) for n in range(quantities[-1] + 1)]
        flips = {n for n in range(1, len(trued))
                 if None not in trued[n - 1:n + 1] and trued[n - 1] != trued[n]}
        assert all({n - 1, n} <= set(quantities) for n in flips), (flips, quantities)

    def rate(catalog, request):
        try:
            bill = quote(catalog, request).bill
        except QuoteError:
            return None
        return bill.trued_up if bill.priced else None

    check()


def test_seat_curves_sample_only_where_package_steps_are_too_narrow_to_draw(demo):
    """Seat curves are exact at their edges alone, so the points asked for change nothing
    (the demo's Team estimate: 14 quantities, not 40 or 400); a staircase of 1-seat packages
    over hundreds of seats is sampled."""
    request = {"plan": "team", "seats": 10, "usage": {"storage_gb": 77}}
    few, many = (curve_quantities(demo, request, "seats", n) for n in (3, 400))
    assert few == many and len(few) < 20
    catalog = load_catalog({"currency": "USD", "plans": [{"id": "pack", "name": "Pack", "price": {
        "seats": {"pricing": "package", "package": {"size": 1, "price": 5, "round": "up"}}}}]})
    assert len(curve_quantities(catalog, {"plan": "pack", "seats": 300}, "seats", 40)) >= 40


def test_package_seat_curves_step_exactly_at_their_points():
    """A package price is flat inside a package and steps at its end: the curve's quantities
    hold both sides of every step (while there are few enough to draw), so the straight lines
    between them are the bill at every seat count."""
    @FAST
    @given(size=st.integers(1, 25), price=st.integers(1, 500), included=st.integers(0, 6),
           rounding=st.sampled_from(["up", "down"]), guests=st.integers(0, 12),
           free_guests=st.integers(0, 5), points=st.integers(3, 10), seats=st.integers(0, 80),
           minimum=st.integers(0, 8))
    def check(size, price, included, rounding, guests, free_guests, points, seats, minimum):
        catalog = load_catalog({"currency": "USD", "plans": [{"id": "pack", "name": "Pack", "price": {
            "seats": {"pricing": "package", "included": included, "minimum": minimum,
                      "package": {"size": size, "price": price, "round": rounding},
                      "kinds": {"guest": {"name": "Guests", "free_up_to": free_guests}}}}}]})
        request = {"plan": "pack", "seats": seats, "seat_kinds": {"guest": guests}}
        quantities = [int(q) for q in curve_quantities(catalog, request, "seats", points)]
        drawn = cost_curve(catalog, request, "seats", quantities)["pack"]
        exact = cost_curve(catalog, request, "seats", range(quantities[-1] + 1))["pack"]
        if quantities[-1] / size > 100:
            return  # steps too narrow to draw one by one: left to the sampling
        for (x0, y0), (x1, y1) in pairwise(zip(quantities, drawn)):
            for n in range(x0, x1 + 1):
                line = D(y0) + (D(y1) - D(y0)) * (n - x0) / (x1 - x0)
                assert D(exact[n]) == line, (n, x0, x1)

    check()

@st.composite
def seat_plans(draw, plan_id):
    """A plan with a flat fee, graduated or volume seat tiers (tier fees too), a seat minimum
    and guests free up to a number: its bill has kinks and steps at shifted tier edges."""
    seats = {"pricing": draw(st.sampled_from(["graduated", "volume"])),
             "tiers": draw(tier_lists(price=st.integers(0, 80).map(str))),
             "minimum": draw(st.integers(0, 5)),
             "kinds": {"guest": {"name": "Guests", "free_up_to": draw(st.integers(0, 10))}}}
    return {"id": plan_id, "name": plan_id.title(),
            "price": {"flat": draw(st.integers(0, 2000)), "seats": seats}}


def test_break_even_over_seats_is_the_first_seat_count_where_the_other_plan_is_cheaper():
    """Bills are straight between tier edges (shifted by guests billed as seats), so looking at
    the edges and bisecting the stretch where the order flips must find the exact first seat
    count; checked against every seat count one by one."""
    @FAST
    @given(mine=seat_plans("mine"), theirs=seat_plans("theirs"), start=st.integers(0, 60),
           guests=st.integers(0, 30))
    def check(mine, theirs, start, guests):
        catalog = load_catalog({"currency": "USD", "plans": [mine, theirs]})
        request = {"plan": "mine", "seats": start, "seat_kinds": {"guest": guests}}
        found = break_even(catalog, request, "theirs", up_to=300)
        counts = list(range(start, 301))
        curves = cost_curve(catalog, request, "seats", counts)
        first = next((n for n, a, b in zip(counts, curves["mine"], curves["theirs"], strict=True)
                      if a is not None and b is not None and D(b) < D(a)), None)
        assert found == first

    check()

catalog_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.text(max_size=8)
    | st.sampled_from(["USD", "JPY", "graduated", "volume", "package", "per_unit", "p", "m",
                       "0.5", "-1", "1e400", "NaN"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["currency", "plans", "metrics", "addons", "id", "name", "price", "seats",
                         "usage", "pricing", "unit", "tiers", "up_to", "flat", "custom", "package",
                         "size", "included", "minimum", "limit", "kinds", "free", "m", "x",
                         "annual_discount", "commitment", "discount", "annual_minimum", "max",
                         "monthly", "annual", "billing", "price_books", "EUR"]),
        children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(catalog_values)
def test_any_catalog_dict_gives_a_catalog_or_a_catalog_error(data):
    try:
        catalog = load_catalog(data) if isinstance(data, dict) else None
    except CatalogError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    if catalog is not None:
        assert load_catalog(catalog.to_dict()) == catalog


@settings(max_examples=200, deadline=None)
@given(st.builds(lambda seats, usage, tiers: one_plan(
    seats={"pricing": "graduated", "tiers": tiers, "minimum": seats},
    usage={"pricing": "package", "package": {"size": usage, "price": "1.5"}}),
    st.integers(0, 50), st.integers(1, 1000), tier_lists()))
def test_catalog_round_trips_through_json(data):
    catalog = load_catalog(data)
    assert load_catalog(catalog.to_dict()) == catalog
