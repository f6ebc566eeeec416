"""Bad requests get a QuoteError that names the field and says what to type instead."""

import json
from decimal import Decimal

import pytest

from calculator import MAX_SEATS, QuoteError, quote
from calculator.browser import quote_json
from tests.support.typed_numbers import TYPED_SEATS

BASE = {"plan": "business", "seats": 5, "usage": {"api_calls": 1000}}

# (case, request changes, field, words in the message)
BAD = [
    ("unknown plan", {"plan": "buisness"}, "plan", "did you mean 'business'"),
    ("plan not text", {"plan": 7}, "plan", "Unknown plan 7"),
    ("negative seats", {"seats": -1}, "seats", "cannot be negative"),
    ("fractional seats", {"seats": 2.5}, "seats", "whole number, got 2.5"),
    ("letters for seats", {"seats": "ten"}, "seats", "whole number, got 'ten'"),
    ("empty seats", {"seats": ""}, "seats", "Enter the number of seats"),
    ("bool seats", {"seats": True}, "seats", "whole number, got true"),
    ("nan seats", {"seats": float("nan")}, "seats", "whole number, got nan"),
    ("infinite seats", {"seats": "Infinity"}, "seats", "whole number"),
    ("absurd seats", {"seats": 10**30}, "seats", "more than this calculator handles"),
    ("absurd float seats", {"seats": 1e30}, "seats", "more than this calculator handles"),
    ("too many seats", {"seats": MAX_SEATS + 1}, "seats", "more than this calculator handles"),
    ("absurdly negative seats", {"seats": "-1e30"}, "seats", "cannot be negative"),
    ("unknown metric", {"usage": {"api_call": 5}}, "usage", "did you mean 'api_calls'"),
    ("negative usage", {"usage": {"api_calls": -5}}, "usage.api_calls", "cannot be negative"),
    ("letters usage", {"usage": {"api_calls": "lots"}}, "usage.api_calls", "must be a number"),
    ("absurd usage", {"usage": {"api_calls": "1e30"}}, "usage.api_calls",
     "'1e30' is more than this calculator handles"),
    ("absurdly negative usage", {"usage": {"api_calls": -1e16}}, "usage.api_calls",
     "cannot be negative"),
    ("usage too precise", {"usage": {"api_calls": "0.00000000015"}}, "usage.api_calls",
     "API calls: '0.00000000015' has more than 10 decimal places"),
    ("usage above bound", {"usage": {"api_calls": 10**13}}, "usage.api_calls",
     "more than this calculator handles"),
    ("usage not a mapping", {"usage": [1, 2]}, "usage", "must be a mapping"),
    ("bad billing", {"billing": "anual"}, "billing", "did you mean 'annual'"),
    ("unknown field", {"seat": 3}, "seat", "did you mean 'seats'"),
    ("addons not a list", {"addons": "sso"}, "addons", "list of add-on ids"),
    ("unknown addon", {"addons": ["audit"]}, "addons", "did you mean 'audit_log'"),
    ("commitment not a level", {"commitment": "yes"}, "commitment", "true, false or a commitment level"),
    ("metric the plan lacks", {"plan": "team", "usage": {"api_calls": 5}}, "usage.api_calls",
     "does not include API calls"),
    ("usage over a free limit", {"plan": "free", "seats": 1, "usage": {"api_calls": 10001}},
     "usage.api_calls", "at most 10,000 calls"),
]


@pytest.mark.parametrize("case, change, field, words", BAD, ids=[b[0] for b in BAD])
def test_bad_request(demo, case, change, field, words):
    with pytest.raises(QuoteError) as info:
        quote(demo, {**BASE, **change})
    assert words in str(info.value)
    assert info.value.field == field
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("raw", [None, [], "business", 3])
def test_request_must_be_a_mapping(demo, raw):
    with pytest.raises(QuoteError, match="must be a mapping"):
        quote(demo, raw)


def test_loose_but_exact_inputs_are_accepted(demo):
    """Strings from a URL or the CLI, and whole floats from JSON, mean the same number."""
    a = quote(demo, {"plan": "business", "seats": "5", "usage": {"api_calls": "150000"}})
    b = quote(demo, {"plan": "business", "seats": 5.0, "usage": {"api_calls": 150000}})
    assert a.to_dict() == b.to_dict()


@pytest.mark.parametrize("typed, read", TYPED_SEATS, ids=[repr(t[:12]) for t, _ in TYPED_SEATS])
def test_a_typed_seat_count_is_read_once_here_for_every_caller(demo, typed, read):
    """The page's slider, the CLI and the bill all take this reading: digits 0-9 only (a digit
    of another script may look like another number), and a huge count is too large, not junk."""
    request = {"plan": "team", "seats": typed}
    if isinstance(read, int):
        assert quote(demo, request).to_dict()["request"]["seats"] == read
    else:
        with pytest.raises(QuoteError) as info:
            quote(demo, request)
        assert (str(info.value), info.value.field) == (read, "seats")


@pytest.mark.parametrize("typed, words", [
    ("٣٠", "Storage must be written with the digits 0-9, got '٣٠'."),
    ("৪", "Storage must be written with the digits 0-9, got '৪'."),  # Bengali 4, drawn like an 8
    ("1" + "0" * 4999, "Storage: '100000000000000000000000000...' is more than this calculator "
                       "handles (1,000,000,000,000 a month)"),
])
def test_usage_is_read_by_the_same_rules(demo, typed, words):
    with pytest.raises(QuoteError) as info:
        quote(demo, {"plan": "team", "seats": 3, "usage": {"storage_gb": typed}})
    assert words in str(info.value) and info.value.field == "usage.storage_gb"


def test_decimal_usage_is_exact(demo):
    result = quote(demo, {"plan": "team", "seats": 3, "usage": {"storage_gb": 50.1}})
    [storage] = [line for line in result.lines if line.kind == "usage"]
    assert storage.billable == Decimal("0.1") and storage.amount == Decimal("0.03")


def test_quote_json_is_the_browser_entry_point(demo):
    ok = json.loads(quote_json(demo, json.dumps({"plan": "team", "seats": 49})))
    assert ok["ok"] == quote(demo, {"plan": "team", "seats": 49}).to_dict()
    bad = json.loads(quote_json(demo, json.dumps({"plan": "team", "seats": -1})))
    assert bad == {"error": "The number of seats cannot be negative.", "field": "seats"}
    junk = json.loads(quote_json(demo, "{not json"))
    assert junk["field"] is None and "not valid JSON" in junk["error"]


def test_with_seats_and_with_usage_keep_every_other_field():
    """Request.with_seats and with_usage list the fields by hand (they are on the cost curve's
    hot path): a new field must be added there too."""
    from dataclasses import fields, replace

    from calculator import Request

    values = {"plan": "team", "seats": 4, "usage": {"storage_gb": Decimal(3)}, "billing": "annual",
              "seat_kinds": {"guest": 2}, "addons": ("sso", "phones"), "commitment": 2,
              "currency": "EUR", "addon_quantities": {"phones": 3}, "promotion": "SPRING",
              "date": "2026-05-01", "month": 5}
    assert {f.name for f in fields(Request)} == set(values)
    request = Request(**values)
    assert request.with_seats(9) == replace(request, seats=9)
    more = request.with_usage("api_calls", Decimal(7))
    assert more == replace(request, usage={"storage_gb": Decimal(3), "api_calls": Decimal(7)})
    assert request.usage == {"storage_gb": Decimal(3)}  # the original is left alone
