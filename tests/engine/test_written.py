"""A request's quantities read as people write them: what the page prints reads back exactly,
and an ambiguous form is refused with a message that says how to write it."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import QuoteError, quote
from calculator.money import format_quantity
from calculator.written import SUFFIXES, read_written

# (typed, the quantity read)
ACCEPTED = [
    ("1,500,000", Decimal(1500000)),   # as the bill prints it
    ("1.5M", Decimal(1500000)),        # as the chart prints it: exact, never through a float
    ("2k", Decimal(2000)),
    ("2K", Decimal(2000)),
    ("1.5 m", Decimal(1500000)),
    ("3B", Decimal(3000000000)),
    ("1T", Decimal(10) ** 12),
    ("1,500k", Decimal(1500000)),
    (".5k", Decimal(500)),
    ("1,500.25", Decimal("1500.25")),
    ("  +40  ", Decimal(40)),
    ("1_000", Decimal(1000)),           # as Python groups digits
    ("1e3", Decimal(1000)),
    ("12", Decimal(12)),
    (12, Decimal(12)),
    (2.5, Decimal("2.5")),
]

# (typed, words in the message)
REFUSED = [
    ("1,50", "a comma groups thousands (1,500) and a point starts the decimals (1.5)"),
    ("15,00,000", "a comma groups thousands"),
    ("1,5000", "a comma groups thousands"),
    (",500", "a comma groups thousands"),
    ("1,", "a comma groups thousands"),
    ("1.5e3k", "expected a number, got '1.5e3k'"),
    ("1.5mm", "expected a number"),
    ("k", "expected a number, got 'k'"),
    ("2 x", "expected a number"),
    ("0x1F", "expected a number"),
    ("1.5.0k", "expected a number"),
    ("1000000T", "'1000000T' is far too large"),
    ("1.23456789012345k", "'1.23456789012345k' has more than 10 decimal places"),
    ("٣k", "digits 0-9"),
]


@pytest.mark.parametrize("typed, read", ACCEPTED, ids=[repr(a[0]) for a in ACCEPTED])
def test_a_written_quantity_is_read_exactly(typed, read):
    number = read_written(typed)
    assert number == read
    if isinstance(typed, str) and typed.strip()[-1].isalpha():  # "2k" is 2000, not 2E+3
        assert number.as_tuple().exponent <= 0


@pytest.mark.parametrize("typed, words", REFUSED, ids=[r[0] for r in REFUSED])
def test_an_ambiguous_or_silly_form_is_refused(typed, words):
    with pytest.raises(ValueError) as info:
        read_written(typed)
    assert words in str(info.value)


# (request changes, field, the whole message)
REFUSED_IN_A_REQUEST = [
    ({"seats": "1.2345k"}, "seats",
     "The number of seats must be a whole number, got '1.2345k', which is 1234.5."),
    ({"seats": "1,50"}, "seats", "The number of seats: '1,50' is not a number as written here: "
                                 "a comma groups thousands (1,500) and a point starts the "
                                 "decimals (1.5)."),
    ({"seats": "-2k"}, "seats", "The number of seats cannot be negative."),
    ({"seats": "2M"}, "seats", "2000000 seats is more than this calculator handles (1,000,000); "
                               "contact sales for a quote."),
    ({"usage": {"api_calls": "1,5"}}, "usage.api_calls",
     "API calls: '1,5' is not a number as written here: a comma groups thousands (1,500) and a "
     "point starts the decimals (1.5)."),
    ({"usage": {"api_calls": "2T"}}, "usage.api_calls",
     "API calls: 2000000000000 is more than this calculator handles (1,000,000,000,000 a "
     "month); contact sales for a quote."),
]


@pytest.mark.parametrize("change, field, message", REFUSED_IN_A_REQUEST,
                         ids=[str(r[0]) for r in REFUSED_IN_A_REQUEST])
def test_a_request_says_what_is_wrong_with_a_written_quantity(demo, change, field, message):
    with pytest.raises(QuoteError) as info:
        quote(demo, {"plan": "business", "seats": 5, **change})
    assert (str(info.value), info.value.field) == (message, field)


@pytest.mark.parametrize("seats, calls", [("1.5k", "1.5M"), ("1,500", "1,500,000"),
                                          ("1500", "1500k"), (" 1,500 ", "1.5 M")])
def test_written_forms_quote_as_the_plain_numbers(demo, seats, calls):
    """The whole bill, request echo included, is the plain number's: the field shows the echo."""
    written = quote(demo, {"plan": "business", "seats": seats, "usage": {"api_calls": calls}})
    plain = quote(demo, {"plan": "business", "seats": 1500, "usage": {"api_calls": 1500000}})
    assert written.to_dict() == plain.to_dict()
    assert written.to_dict()["request"]["usage"]["api_calls"] == "1500000"


QUANTITIES = st.decimals(min_value=0, max_value=Decimal(10) ** 12, places=4,
                         allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(QUANTITIES)
def test_what_the_bill_prints_reads_back_to_the_quantity(quantity):
    assert read_written(format_quantity(quantity)) == quantity


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99),
       st.sampled_from(sorted(SUFFIXES)), st.booleans())
def test_what_the_chart_prints_reads_back_to_the_quantity(whole, hundredths, suffix, upper):
    """The chart's compact labels ("1.5M", "250K", "1.25B") name whole and round numbers."""
    text = f"{whole}.{hundredths:02d}".rstrip("0").rstrip(".")
    typed = text + (suffix.upper() if upper else suffix)
    expected = (Decimal(whole) + Decimal(hundredths) / 100) * 10 ** SUFFIXES[suffix]
    assert read_written(typed) == expected
    assert read_written(typed) == read_written(format_quantity(expected))
