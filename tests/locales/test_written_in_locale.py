"""Numbers typed in the calculator read as the visitor's locale writes them: in German
"1.500.000" is a million and a half and "1,5" one and a half, "1,5 Mio." as the chart shortens
it; an ambiguous form is refused in German, saying how to write it. English reads as before
(tests/engine/test_written.py)."""

from decimal import Decimal

import pytest
from babel.numbers import format_compact_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import QuoteError, quote
from calculator.locale import Locale, using
from calculator.money import format_quantity
from calculator.written import read_written
from pricing_site.locales import locale_block
from tests.engine.test_written import QUANTITIES

GERMAN = Locale.from_dict(locale_block("de", ("EUR",)))
FRENCH = Locale.from_dict(locale_block("fr", ("EUR",)))
JAPANESE = Locale.from_dict(locale_block("ja", ("JPY",)))
SPANISH = Locale.from_dict(locale_block("es", ("EUR",)))

ACCEPTED = [  # (locale, typed, read)
    (GERMAN, "1.500.000", Decimal(1500000)), (GERMAN, "1,5M", Decimal(1500000)),
    (GERMAN, "1,5", Decimal("1.5")), (GERMAN, "1.500,25", Decimal("1500.25")),
    (GERMAN, "2k", Decimal(2000)), (GERMAN, ",5k", Decimal(500)), (GERMAN, " +40 ", Decimal(40)),
    (GERMAN, "120.000", Decimal(120000)), (GERMAN, 12, Decimal(12)),
    (FRENCH, "1 500 000", Decimal(1500000)), (FRENCH, "1\u202f500,5", Decimal("1500.5")),
    (FRENCH, "1\u00a0500", Decimal(1500)),
    # the locale's own shortenings, as its chart prints them, with or without a space or dot
    (GERMAN, "1,5\u00a0Mio.", Decimal(1500000)), (GERMAN, "2 Mrd", Decimal(2000000000)),
    (GERMAN, "250 mio", Decimal(250000000)), (GERMAN, "1,25 Bio.", Decimal("1.25E12")),
    (FRENCH, "1,5\u00a0Md", Decimal(1500000000)), (FRENCH, "2 M", Decimal(2000000)),
    (JAPANESE, "3万", Decimal(30000)), (JAPANESE, "1.5億", Decimal(150000000)),
    (SPANISH, "1 B", Decimal("1E12")), (SPANISH, "3 mil", Decimal(3000)),
]

REFUSED = [  # (locale, typed): a group sign that groups no thousands
    (GERMAN, "1.50"), (GERMAN, "1.5"), (GERMAN, "15.00.000"), (GERMAN, "1,500.25"),
    (GERMAN, "1.5 Mio."),
]


@pytest.mark.parametrize("locale, typed, read", ACCEPTED, ids=[repr(a[1]) for a in ACCEPTED])
def test_a_number_reads_as_the_locale_writes_it(locale, typed, read):
    with using(locale):
        assert read_written(typed) == read


@pytest.mark.parametrize("locale, typed", REFUSED, ids=[repr(a[1]) for a in REFUSED])
def test_an_ambiguous_number_is_refused_saying_how_to_write_it(locale, typed):
    with using(locale), pytest.raises(ValueError) as refused:
        read_written(typed)
    assert "Ein Punkt trennt die Tausender (1.500), ein Komma die Nachkommastellen (1,5)" in str(
        refused.value)


def test_a_german_request_reads_german_numbers_and_answers_in_german(demo):
    catalog = demo.with_locale(locale_block("de", demo.currencies))
    priced = quote(catalog, {"plan": "business", "seats": "1.200", "currency": "EUR",
                             "usage": {"api_calls": "1,5M", "storage_gb": "10,5"}})
    assert priced.bill.request.seats == 1200
    assert priced.bill.request.usage == {"api_calls": Decimal(1500000),
                                         "storage_gb": Decimal("10.5")}
    with pytest.raises(QuoteError) as refused:
        quote(catalog, {"plan": "team", "seats": "1,5"})
    assert str(refused.value) == ("Die Anzahl der Nutzer muss eine ganze Zahl sein, erhalten: "
                                  "'1,5', also 1,5.")
    assert refused.value.field == "seats"


@settings(max_examples=300, deadline=None)
@given(QUANTITIES, st.sampled_from(["de", "fr", "de_CH", "en_IN", "pl"]))
def test_what_the_bill_prints_in_a_locale_reads_back_in_it(quantity, code):
    """A visitor types back what the page printed in their language."""
    with using(Locale.from_dict(locale_block(code, ()))):
        assert read_written(format_quantity(quantity)) == quantity


@settings(max_examples=200, deadline=None)
@given(st.integers(10, 99), st.integers(2, 12),
       st.sampled_from(["de", "fr", "it", "ja", "pl", "en_IN", "es", "nl", "zh"]))
def test_what_the_chart_shortens_in_a_locale_reads_back_in_it(significant, power, code):
    """The chart's axis shortens big numbers as the locale does (the browser's Intl compact
    notation, CLDR's: "1,5 Mio.", "1.5万"); a visitor typing one back gets that number. Two
    significant digits, so the shortened form with one decimal is the number exactly."""
    number = Decimal(significant).scaleb(power - 1)
    shown = format_compact_decimal(number, locale=code, fraction_digits=1)
    with using(Locale.from_dict(locale_block(code, ()))):
        assert read_written(shown) == number, shown


def test_a_shortening_the_locale_has_not_is_no_number():
    with using(GERMAN), pytest.raises(ValueError):
        read_written("1,5 Mil")
