"""Ranking plans, break-even quantities, cost curves and the catalog lint."""

import json
from decimal import Decimal

import pytest

from calculator import (break_even, compare, cost_curve, curve_quantities, curve_span, lint,
                        load_catalog, quote, rating)
from pricing_site.catalog import load_catalog_file
from calculator.browser import curve_json
from tests.support.paths import DEMO

SEED_TIERS = [{"up_to": 10, "unit": 50}, {"up_to": 50, "unit": 40},
              {"up_to": 200, "unit": 30}, {"custom": True}]


def two_seat_plans():
    return load_catalog({"currency": "USD", "plans": [
        {"id": "flat", "name": "Flat", "price": {"flat": 500}},
        {"id": "seat", "name": "Per seat", "price": {"seats": {"unit": 25}}},
    ]})


def test_compare_ranks_cheapest_first_then_sales_then_unavailable(demo):
    ranked = compare(demo, {"plan": "team", "seats": 5})
    assert [(r.plan, r.status) for r in ranked] == [
        ("team", "priced"), ("business", "priced"), ("enterprise", "contact_sales"),
        ("free", "unavailable")]
    assert ranked[0].total == Decimal("250.00") and ranked[1].total == Decimal("524.00")
    assert "at most 3 seats" in ranked[-1].reason
    assert ranked[0].to_dict("USD")["display"] == "$250.00"


def test_compare_totals_match_quote(demo):
    request = {"plan": "business", "seats": 7, "usage": {"storage_gb": 300}, "billing": "annual"}
    for ranked in compare(demo, request):
        if ranked.status == "priced":
            assert ranked.total == quote(demo, {**request, "plan": ranked.plan}).total


def test_break_even_finds_the_first_cheaper_quantity():
    catalog = two_seat_plans()
    # per seat: 25n; flat: 500. Flat is cheaper from 21 seats (525 > 500).
    assert break_even(catalog, {"plan": "seat", "seats": 1}, "flat") == 21
    assert break_even(catalog, {"plan": "seat", "seats": 30}, "flat") == 30
    assert break_even(catalog, {"plan": "flat", "seats": 1}, "seat") == 1
    assert break_even(catalog, {"plan": "flat", "seats": 25}, "seat") is None


def test_break_even_on_a_usage_metric(demo):
    # Business vs Team on storage with 3 seats: Team's storage costs more per GB beyond 50
    quantity = break_even(demo, {"plan": "team", "seats": 10, "usage": {"storage_gb": 0}},
                          "business", metric="storage_gb")
    assert quantity is None or quantity > 0
    team = quote(demo, {"plan": "team", "seats": 10, "usage": {"storage_gb": 2000}}).total
    business = quote(demo, {"plan": "business", "seats": 10, "usage": {"storage_gb": 2000}}).total
    assert (quantity is None) == (business >= team)


def test_cost_curve_matches_quotes(demo):
    seats = [1, 3, 10, 11, 50, 51, 200, 201]
    curves = cost_curve(demo, {"plan": "team", "seats": 1}, "seats", seats)
    assert set(curves) == {"free", "team", "business"}
    assert curves["free"][:2] == ["0.00", "0.00"] and curves["free"][2] is None
    assert curves["team"][-1] is None  # 201 seats: contact sales
    for n, total in zip(seats, curves["business"]):
        assert Decimal(total) == quote(demo, {"plan": "business", "seats": n}).total


@pytest.mark.parametrize("metric, edit", [("seats", {"usage": {"storage_gb": 70}}),
                                           ("storage_gb", {"seats": 12})])
def test_a_curve_after_an_edit_elsewhere_rates_only_what_changed(metric, edit, monkeypatch):
    """The chart asks for new curves at every usage edit: the seat lines at each seat count
    (or a metric's line at each quantity) are kept in the catalog, so the next curve rates
    only the rest, and gives the same totals a fresh catalog does. The memo is bounded."""
    catalog, fresh = load_catalog_file(DEMO), load_catalog_file(DEMO)
    request = {"plan": "team", "seats": 40, "usage": {"storage_gb": 60}}  # the 50-seat edge drawn
    quantities = curve_quantities(catalog, request, metric, 40)
    cost_curve(catalog, request, metric, quantities)
    rated = []
    for name in ("_seat_part", "_usage_lines"):
        real = getattr(rating, name)
        monkeypatch.setattr(rating, name, lambda *args, real=real, name=name: (
            rated.append(name), real(*args))[1])
    edited = {**request, **edit}
    curves = cost_curve(catalog, edited, metric, quantities)
    kept = "_seat_part" if metric == "seats" else "_usage_lines"
    assert rated.count(kept) <= 2 * len(catalog.plans)  # once per plan, not once per point
    assert curves == cost_curve(fresh, edited, metric, quantities)
    assert len(quantities) > 2 * len(catalog.plans)
    monkeypatch.setattr(rating, "CURVE_PARTS_KEPT", 10)
    bounded = load_catalog_file(DEMO)
    assert cost_curve(bounded, edited, metric, quantities) == curves
    assert 0 < len(bounded.curve_parts) <= 10


def test_lint_reports_volume_cliff_with_figures():
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "team", "name": "Team", "price": {"seats": {"pricing": "volume", "tiers": SEED_TIERS}}}]})
    first, warning = lint(catalog)  # both tier edges are cliffs: 10 -> 11 and 50 -> 51
    assert "10 seats cost $500.00 but 11 cost $440.00" in first.message
    assert warning.severity == "warning" and warning.path == "plans[0].price.seats.tiers[2]"
    assert "50 seats cost $2,000.00 but 51 cost $1,530.00" in warning.message
    assert "every quantity from 39 to 50 pays more than 51" in warning.message


def test_lint_cliff_on_first_tier_edge():
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "v", "name": "V", "price": {"seats": {"pricing": "volume", "tiers": [
            {"up_to": 10, "unit": 50}, {"unit": 40}]}}}]})
    [warning] = lint(catalog)
    assert "10 seats cost $500.00 but 11 cost $440.00" in warning.message
    assert "from 9 to 10" in warning.message


def test_lint_speaks_of_whole_seats_when_a_seat_tier_ends_between_two():
    """A seat tier up to 10.5 holds seats 6 to 10 (seats are whole): the cliff is at 10 -> 11,
    not "10.5 seats cost $525.00 but 11.5 cost $460.00"; and 5 seats cost as much as 6, where
    5.5 seats were said to cost more than 6.5."""
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "v", "name": "V", "price": {"seats": {"pricing": "volume", "tiers": [
            {"up_to": 5.5, "unit": 60}, {"up_to": 10.5, "unit": 50}, {"unit": 40}]}}}]})
    assert [w.message for w in lint(catalog)] == [
        "V: volume tiers make more seats cost less: 10 seats cost $500.00 but 11 cost $440.00; "
        "every quantity from 9 to 10 pays more than 11 would (a cliff: use graduated pricing, "
        "or accept it on purpose)"]


@pytest.mark.parametrize("pricing, messages", [
    # volume bills a fee on a tier {up_to: 0} at quantity 0 alone: no units cost more than one
    # (said once, not as "every quantity from 0 to 0 pays more")
    ("volume", ["V: volume tiers make more seats cost less: 0 seats cost $10.00 but 1 cost "
                "$5.00 (a cliff: use graduated pricing, or accept it on purpose)"]),
    # graduated bills it at every quantity, like the first tier's fee: a base fee, no surprise
    ("graduated", []),
])
def test_lint_on_a_fee_for_the_tier_up_to_0(pricing, messages):
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "v", "name": "V", "price": {"seats": {"pricing": pricing, "tiers": [
            {"up_to": 0, "unit": 0, "flat": 10}, {"unit": 5}]}}}]})
    assert [w.message for w in lint(catalog)] == messages


def test_graduated_catalog_has_no_cliff(demo):
    assert [w for w in lint(demo) if "cliff" in w.message] == []


def test_lint_reports_a_plan_that_is_never_cheapest():
    catalog = load_catalog({"currency": "USD", "plans": [
        {"id": "cheap", "name": "Cheap", "price": {"seats": {"unit": 10}}},
        {"id": "dear", "name": "Dear", "price": {"flat": 5, "seats": {"unit": 20}}},
    ]})
    [warning] = lint(catalog)
    assert warning.path == "plans[1]" and "Dear is never the cheapest" in warning.message


def test_demo_catalog_lints_clean(demo):
    assert lint(demo) == []


def test_curve_quantities_include_tier_edges_on_both_sides(demo):
    points = curve_quantities(demo, {"plan": "team", "seats": 49}, "seats")
    assert {9, 10, 11, 49, 50, 51} <= set(points) and points[-1] == 100
    assert points == sorted(points) and points[0] == 0 and len(points) <= 130
    calls = curve_quantities(demo, {"plan": "business", "usage": {"api_calls": 150000}}, "api_calls")
    assert calls[0] == 0 and calls[-1] == 500000
    assert {100000, 99999} <= set(calls)  # the allowance edge


@pytest.mark.parametrize("metric, quantity, top", [
    ("seats", 10, 20), ("seats", 30, 100), ("seats", 49, 100), ("seats", 600, 2000),
    ("seats", 1, 2), ("seats", 0, 10),  # none asked for: five seats' neighbourhood
    ("api_calls", 150000, 500000), ("api_calls", 15_000_000, 50_000_000),  # beyond the slider
    ("api_calls", 0, 500000),  # none: the metric's default, 150,000
    ("storage_gb", 20, 50), ("storage_gb", "0.5", 1), ("storage_gb", "0.1", "0.5"),  # steps of 0.5
])
def test_a_curve_spans_the_estimates_neighbourhood_to_a_round_end(demo, metric, quantity, top):
    """Not the whole catalog's range: a $500 estimate's dot squashed into a corner of a chart
    that runs to $20,000 told nothing. The dot stands in the left half, the end is round, and
    the curves keep serving nearby quantities with the dot clear of the chart's ends."""
    request = {"plan": "business", "seats": 10, "usage": {}}
    if metric == "seats":
        request["seats"] = quantity
    else:
        request["usage"][metric] = str(quantity)
    end, low, high = curve_span(demo, request, metric)
    assert end == Decimal(str(top))
    assert low <= Decimal(str(quantity)) <= high == end * 4 / 5
    assert curve_quantities(demo, request, metric, 40)[-1] == end
    if Decimal(str(quantity)) >= 1:
        assert end / 5 <= Decimal(str(quantity)) <= end / 2 and low == end / 5


def test_curve_json_is_the_browser_chart_entry_point(demo):
    data = json.loads(curve_json(demo, json.dumps({"request": {"plan": "team", "seats": 5},
                                                   "metric": "seats", "points": 50})))["ok"]
    assert data["metric"] == "seats" and set(data["plans"]) == {"free", "team", "business"}
    for quantity, total in zip(data["quantities"], data["plans"]["team"]):
        expected = quote(demo, {"plan": "team", "seats": int(quantity)})
        assert (total is None) == (expected.status == "contact_sales")
        assert total is None or Decimal(total) == expected.total
    bad = json.loads(curve_json(demo, json.dumps({"request": {"plan": "team"}, "metric": "x"})))
    assert "Unknown metric" in bad["error"]
    assert "error" in json.loads(curve_json(demo, "[]"))
