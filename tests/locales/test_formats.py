"""The engine's formatters in a locale say what Babel (CLDR) says, from the block alone.

Each row is checked against Babel's own output at test time, so a block that lost a symbol,
a pattern or a group size fails here; English rows are the engine's own, byte for byte.
"""

import json
from datetime import date
from decimal import Decimal

import pytest
from babel import Locale as CLDR
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from calculator.locale import ENGLISH, Locale, long_date, using
from calculator.money import format_money, format_percent as engine_percent, format_price
from calculator.money import format_quantity
from calculator.plural import category
from pricing_site.locales import locale_block

CURRENCIES = ("EUR", "USD", "JPY", "CHF", "KWD", "INR", "PLN")


def speaking(code):
    return using(Locale.from_dict(locale_block(code, CURRENCIES)))


def whole_pattern(code):
    """The locale's currency pattern without its decimals (a bill of whole amounts)."""
    return CLDR.parse(code).currency_formats["standard"].pattern.replace(".00", "")


MONEY = [  # (locale, amount, currency)
    ("de", "1234.50", "EUR"), ("de", "-1234.50", "EUR"), ("de", "4259", "JPY"),
    ("de", "0.00", "EUR"), ("de", "2060.00", "USD"), ("de", "1500.000", "KWD"),
    ("de", "99.90", "CHF"), ("de_CH", "1234.50", "CHF"), ("fr", "1234567.89", "EUR"),
    ("pl", "-12345.60", "PLN"), ("en_IN", "12345678.00", "INR"), ("ja", "4259", "JPY"),
]


@pytest.mark.parametrize("code, amount, currency", MONEY)
def test_money_as_cldr_writes_it(code, amount, currency):
    with speaking(code):
        assert format_money(Decimal(amount), currency) == format_currency(
            Decimal(amount), currency, locale=code)


@pytest.mark.parametrize("code, amount, currency", [
    ("de", "150", "EUR"), ("de", "-4", "EUR"), ("de", "12000", "USD"), ("fr", "1500", "EUR")])
def test_whole_amounts_drop_the_cents_as_cldr_writes_them(code, amount, currency):
    """A bill of whole amounts (``display.cents: auto``), and a whole unit price ("50 €")."""
    expected = format_currency(Decimal(amount), currency, locale=code,
                               format=whole_pattern(code), currency_digits=False)
    with speaking(code):
        assert format_money(Decimal(amount), currency, whole=True) == expected
        assert format_price(Decimal(amount), currency) == expected


@pytest.mark.parametrize("code, price, currency", [
    ("de", "0.0075", "EUR"), ("de", "12.5", "EUR"), ("de", "0.125", "JPY"),
    ("de", "1500.0001", "USD"), ("fr", "0.0075", "EUR"), ("ja", "0.5", "JPY")])
def test_unit_prices_keep_their_precision(code, price, currency):
    with speaking(code):
        assert format_price(Decimal(price), currency) == format_currency(
            Decimal(price), currency, locale=code, decimal_quantization=False)


@pytest.mark.parametrize("code, quantity", [
    ("de", "120000"), ("de", "10.5"), ("de", "1000000.25"), ("de", "0"), ("de", "999"),
    ("fr", "1500000"), ("pl", "12345"), ("en_IN", "12345678"), ("fr", "1234567.5")])
def test_quantities_group_as_cldr_groups_them(code, quantity):
    with speaking(code):
        assert format_quantity(Decimal(quantity)) == format_decimal(
            Decimal(quantity), locale=code, decimal_quantization=False)


@pytest.mark.parametrize("code, rate", [("de", "0.2"), ("de", "0.125"), ("fr", "0.5"),
                                        ("pl", "0.075"), ("ja", "0.2")])
def test_percentages_as_cldr_writes_them(code, rate):
    with speaking(code):
        assert engine_percent(Decimal(rate)) == format_percent(
            Decimal(rate), locale=code, decimal_quantization=False)


@pytest.mark.parametrize("code, day", [("de", "2026-06-30"), ("de", "2026-03-01"),
                                       ("fr", "2026-12-24"), ("ja", "2026-06-30")])
def test_long_dates_as_cldr_writes_them(code, day):
    with speaking(code):
        assert long_date(date.fromisoformat(day)) == format_date(
            date.fromisoformat(day), "long", locale=code)


ENGLISH_ROWS = [  # what the engine has always written: ENGLISH keeps it byte for byte
    (format_money, ("2060.00", "USD"), "$2,060.00"), (format_money, ("-4.00", "USD"), "-$4.00"),
    (format_money, ("1235", "JPY"), "¥1,235"), (format_money, ("1500.000", "KWD"), "KWD 1,500.000"),
    (format_money, ("40.00", "CAD"), "CA$40.00"), (format_price, ("0.0075", "USD"), "$0.0075"),
    (format_price, ("12.5", "EUR"), "€12.50"), (format_quantity, ("120000",), "120,000"),
    (format_quantity, ("10.5",), "10.5"), (engine_percent, ("0.125",), "12.5%"),
    (engine_percent, ("20",), "2000%"),
]


@pytest.mark.parametrize("function, args, expected", ENGLISH_ROWS)
def test_english_is_what_the_engine_always_wrote(function, args, expected):
    args = [Decimal(args[0]), *args[1:]]
    assert function(*args) == expected  # no locale set: ENGLISH is the default
    with using(ENGLISH):
        assert function(*args) == expected
    assert locale_block("en", CURRENCIES) is None


NUMBERS = [*range(0, 130), 1000, 1000000, 2000000, *map(Decimal, (
    "0.5", "1.0", "1.5", "2.25", "1.10", "0.01", "21.1", "11.0"))]


@pytest.mark.parametrize("code", ["en", "de", "fr", "pl", "ru", "ar", "lv", "cy", "ja", "es"])
def test_plural_categories_follow_cldr(code):
    cldr = CLDR.parse(code)
    rules = dict(cldr.plural_form.rules)
    wrong = [n for n in NUMBERS if category(rules, n) != cldr.plural_form(n)]
    assert not wrong, f"{code}: {[(n, category(rules, n), cldr.plural_form(n)) for n in wrong]}"


def test_a_block_round_trips_and_stays_small():
    block = locale_block("de", CURRENCIES)
    assert Locale.from_dict(block).to_dict() == Locale.from_dict(
        Locale.from_dict(block).to_dict()).to_dict()
    formats = {k: v for k, v in block.items() if k not in ("messages", "plurals")}
    assert len(json.dumps(formats, ensure_ascii=False).encode()) < 2000
