"""How a quote words its quantities: one unit in the singular ("1 message"), every number
grouped ("1,001 seats"), no sentence said twice, none that a bill contradicts.

Each catalog here is the one that showed the wrong words; the expected text is written out.
"""

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import QuoteError, lint, load_catalog, quote
from pricing_site.pages.calculator_form import calculator_form
from pricing_site.pages.price_words import seats_text, usage_text

from tests.catalogs import ZERO_FEE_TIERS, one_plan

D = Decimal
MESSAGES = {"one": "message", "other": "messages"}


def messages_plan(charge, **metric):
    """One plan 'p' charging ``charge`` for metric 'm', counted in messages."""
    data = one_plan(usage=charge)
    data["metrics"]["m"].update({"name": "Messages sent", "unit": MESSAGES, **metric})
    return load_catalog(data)


def words(catalog, quantity, **request):
    """``(line, nudges, alerts)`` of ``quantity`` messages: the usage line's to_dict and the
    nudges' and alerts' messages."""
    data = quote(catalog, {"plan": "p", "usage": {"m": quantity}, **request}).to_dict()
    line = next(line for line in data["lines"] if line["kind"] == "usage")
    return line, [n["message"] for n in data["nudges"]], [a["message"] for a in data["alerts"]]


# -- singular unit labels -----------------------------------------------------------------------
def test_a_metric_gives_its_unit_in_the_singular_and_the_plural():
    catalog = messages_plan({"unit": "0.01"})
    assert catalog.metrics["m"].units == ("message", "messages")
    assert catalog.metrics["m"].unit == "messages"   # what a line's "unit" says, as before
    one, _, _ = words(catalog, 1)
    two, _, _ = words(catalog, 2)
    assert (one["display"]["quantity"], one["display"]["detail"]) == ("1 message", "1 message × $0.01")
    assert (two["display"]["quantity"], two["display"]["detail"]) == ("2 messages", "2 messages × $0.01")
    assert one["unit"] == two["unit"] == "messages"   # to_dict keys and values keep their meaning


def test_the_singular_reads_beyond_an_allowance_in_the_alert_and_the_package_nudge():
    catalog = messages_plan({"unit": "0.01", "included": 1})
    line, _, [alert] = words(catalog, 2)
    # 1 beyond the 1 included × $0.01 = $0.01
    assert line["display"]["detail"] == "1 message beyond the 1 included × $0.01"
    assert alert == ("You exceed the Messages sent allowance (1 message) by 1 message: overage "
                     "$0.01 a month.")
    packaged = messages_plan({"pricing": "package", "package": {"size": 5, "price": 2}})
    line, [nudge], _ = words(packaged, 4)
    # 4 messages start 1 block of 5: 5 - 4 = 1 more costs nothing
    assert line["display"]["detail"] == "1 block of 5 messages × $2"
    assert nudge == "You pay for 1 block of 5 messages: 1 more message costs nothing extra."
    single = messages_plan({"pricing": "package", "package": {"size": 1, "price": 2}})
    assert words(single, 3)[0]["display"]["detail"] == "3 blocks of 1 message × $2"


def test_the_next_tier_nudge_and_the_price_list_say_one_message():
    tiers = [{"up_to": 10, "unit": 1}, {"unit": "0.5"}]
    catalog = messages_plan({"pricing": "graduated", "tiers": tiers})
    # 10 messages: the next tier starts at 11, 1 away (within 20% of 11)
    assert words(catalog, 10)[1] == ["Add 1 message and every message beyond 10 costs $0.50."]
    assert words(catalog, 9)[1] == ["Add 2 messages and every message beyond 10 costs $0.50."]
    charge, metric = catalog.plan("p").usage["m"], catalog.metrics["m"]
    assert usage_text(charge, metric, "USD") == (
        "Per message, graduated: 1–10: $1 · 11 and up: $0.50")
    limited = messages_plan({"unit": "0.01", "included": 1, "limit": 1})
    assert usage_text(limited.plan("p").usage["m"], limited.metrics["m"], "USD") == (
        "1 message included, then $0.01 per message, limit 1 message a month")


def test_a_cliff_warning_counts_one_unit_in_the_singular():
    catalog = messages_plan({"pricing": "volume", "tiers": [{"up_to": 1, "unit": 10}, {"unit": 2}]})
    # 1 message costs 1 x $10 = $10; 2 cost 2 x $2 = $4
    assert [w.message for w in lint(catalog)] == [
        "P: volume tiers make more messages cost less: 1 message costs $10.00 but 2 cost $4.00 "
        "(a cliff: use graduated pricing, or accept it on purpose)"]


def test_the_calculator_form_labels_its_field_with_the_plural():
    catalog = messages_plan({"unit": "0.01"})
    [field] = calculator_form(catalog, {"plan": "p"})["metrics"]
    assert field["unit"] == "messages"


def test_a_plain_unit_is_used_as_written_for_one_and_many():
    """No plural is guessed from a single word: "GB" and "SMS" take no "s"."""
    catalog = messages_plan({"unit": "0.01"}, unit="SMS")
    assert catalog.metrics["m"].units == ("SMS", "SMS")
    assert words(catalog, 1)[0]["display"]["quantity"] == "1 SMS"


def test_the_unit_in_two_forms_survives_catalog_json():
    catalog = messages_plan({"unit": "0.01"})
    assert catalog.to_dict()["metrics"]["m"]["unit"] == MESSAGES
    assert load_catalog(catalog.to_dict()) == catalog
    same = messages_plan({"unit": "0.01"}, unit={"one": "GB", "other": "GB"})
    assert same == messages_plan({"unit": "0.01"}, unit="GB")   # one word for both is a plain unit


def test_seats_and_periods_say_one_in_the_singular():
    catalog = load_catalog(one_plan(seats={"unit": 10, "minimum": 1},
                                    commitment={"annual_minimum": 1200, "discount": "0.1"}))
    data = quote(catalog, {"plan": "p", "seats": 0, "commitment": True}).to_dict()
    seats = data["lines"][0]
    assert seats["display"]["quantity"] == "1 seat"
    assert seats["notes"] == ["the plan bills at least 1 seat"]
    assert [n["message"] for n in data["nudges"] if n["kind"] == "minimum"] == [
        "The P plan bills at least 1 seat: you can add 1 more at no extra cost."]
    [true_up] = [line for line in data["lines"] if line["kind"] == "true_up"]
    assert true_up["display"]["quantity"] == "1 period"


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_a_quantity_is_singular_exactly_when_it_is_one(quantity):
    from calculator.units import counted

    text = counted(quantity, ("message", "messages"))
    assert text.endswith(" message") == (quantity == 1)
    assert text.endswith(" messages") == (quantity != 1)


# -- texts that were wrong or misleading while the totals were right ------------------------------
def test_a_package_rounded_down_never_offers_a_negative_quantity():
    catalog = messages_plan({"pricing": "package", "package": {"size": 10, "price": 5, "round": "down"}},
                            unit="GB")
    line, nudges, _ = words(catalog, 23)
    # round down: 23 GB bill floor(23 / 10) = 2 full blocks; the 3 GB beyond them are free
    assert line["amount"] == "10.00"
    assert nudges == ["You pay for 2 full blocks of 10 GB: the part block of 3 GB beyond them is "
                      "free until it is full."]
    assert words(catalog, 20)[1] == []   # no part block: nothing to say


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 50), st.integers(0, 500), st.sampled_from(["up", "down"]))
def test_a_package_nudge_states_quantities_that_add_up(size, quantity, rounding):
    """Rounded up, the quantity plus the free units ends the last block; rounded down, the full
    blocks plus the free part block make the quantity. No figure is negative."""
    catalog = messages_plan({"pricing": "package", "package": {"size": size, "price": 1,
                                                               "round": rounding}})
    line, nudges, _ = words(catalog, quantity)
    blocks = D(line["amount"])   # $1 a block
    for nudge in nudges:
        figures = [D(f.replace(",", "")) for f in re.findall(r"-?[\d,]+", nudge)]
        assert all(f >= 0 for f in figures), nudge
        if rounding == "up":
            assert figures == [blocks, size, blocks * size - quantity]
        else:
            assert figures == [blocks, size, quantity - blocks * size]


def test_a_commitment_without_a_discount_shows_no_discount_row():
    catalog = load_catalog(one_plan(seats={"unit": 100},
                                    commitment={"annual_minimum": 12000, "discount": 0}))
    data = quote(catalog, {"plan": "p", "seats": 20, "commitment": True}).to_dict()
    # 20 x $100 = $2,000 a month, above the $1,000 (a twelfth of $12,000) committed: no true-up
    assert data["discounts"] == [] and data["total"] == "2000.00"
    assert [row["label"] for row in data["display"]["rows"]] == ["Seats"]


def test_a_tier_up_to_0_with_seats_included_covers_the_included_seats():
    catalog = load_catalog(one_plan(seats={"pricing": "graduated", "included": 2,
                                           "tiers": ZERO_FEE_TIERS}))
    data = quote(catalog, {"plan": "p", "seats": 5}).to_dict()
    # 5 seats, 2 included: the tier of 0 billable seats holds seats 0-2 ($10 fee), then 3 x $5
    assert [tier["range"] for tier in data["lines"][0]["tiers"]] == ["0–2", "3–12"]
    assert data["total"] == "25.00"
    assert seats_text(catalog.plan("p").seats, "USD") == (
        "2 seats included, then per seat, graduated: 0–2: $0 + $10 flat · 3–12: $5 · "
        "13 and up: $4")
    halves = load_catalog(one_plan(usage={"pricing": "graduated", "included": 2,
                                          "tiers": ZERO_FEE_TIERS}, step="0.5"))
    charge, metric = halves.plan("p").usage["m"], halves.metrics["m"]
    assert usage_text(charge, metric, "USD") == (
        "2 things included, then per things, graduated: up to 2: $0 + $10 flat · over 2 up to "
        "12: $5 · over 12: $4")


def test_the_overage_alert_leaves_the_cheaper_plan_to_its_own_line():
    catalog = load_catalog({
        "currency": "USD", "metrics": {"m": {"name": "Contacts", "unit": "contacts", "max": 10**6}},
        "plans": [{"id": "a", "name": "A", "price": {"flat": 49, "usage": {"m": {"unit": "0.05", "included": 10000}}}},
                  {"id": "b", "name": "B", "price": {"flat": 99, "usage": {"m": {"unit": "0.01", "included": 20000}}}}]})
    data = quote(catalog, {"plan": "a", "usage": {"m": 15000}}).to_dict()
    # A: $49 + 5,000 x $0.05 = $299; B: $99, $200 less
    assert data["cheaper_plan"]["display"]["saving"] == "$200.00" and data["shows"]["cheaper_plan"]
    assert [a["message"] for a in data["alerts"]] == [
        "You exceed the Contacts allowance (10,000 contacts) by 5,000 contacts: overage $250.00 "
        "a month."]


def test_a_seat_count_beyond_the_list_prices_is_grouped_by_thousands():
    catalog = load_catalog(one_plan(seats={"pricing": "volume", "tiers": [
        {"up_to": 1000, "unit": 5}, {"custom": True}]}))
    assert quote(catalog, {"plan": "p", "seats": 1001}).message == (
        "1,001 seats is beyond the list prices of the P plan: contact sales for a custom price.")


def test_a_metric_named_as_its_unit_is_named_once():
    data = one_plan(usage={"pricing": "volume", "limit": 60000,
                           "tiers": [{"up_to": 50000, "unit": "0.01"}, {"custom": True}]})
    data["metrics"]["m"].update({"name": "Contacts", "unit": "contacts"})
    catalog = load_catalog(data)
    assert quote(catalog, {"plan": "p", "usage": {"m": 60000}}).message == (
        "60,000 contacts a month is beyond the list prices: contact sales for a custom price.")
    with pytest.raises(QuoteError) as info:
        quote(catalog, {"plan": "p", "usage": {"m": 60001}})
    assert str(info.value) == "The P plan allows at most 60,000 contacts a month; choose a larger plan."
    data["metrics"]["m"].update({"name": "Storage", "unit": "GB"})
    assert quote(load_catalog(data), {"plan": "p", "usage": {"m": 60000}}).message == (
        "60,000 GB of Storage a month is beyond the list prices: contact sales for a custom price.")
