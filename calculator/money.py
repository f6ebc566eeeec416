"""Money: currencies, their minor units, rounding and display.

Amounts are ``Decimal`` from end to end. A charge stays unrounded until it becomes a line
on the bill; then it is rounded once, half-up (not Python's default half-even), to the
currency's minor unit. Display formatting is a separate step that never feeds back into
arithmetic.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal

from .locale import current

# ISO 4217 minor units: digits after the decimal point. How each is written (its symbol, and
# on which side) is the locale's (locale.py).
CURRENCIES = {
    "USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KWD": 3, "BHD": 3, "CHF": 2, "CAD": 2, "AUD": 2,
    "NZD": 2, "SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2, "INR": 2, "BRL": 2, "MXN": 2, "SGD": 2,
    "HKD": 2, "MYR": 2, "CNY": 2, "KRW": 0, "ZAR": 2,
}

ZERO = Decimal(0)
_EXPONENTS = {code: Decimal(1).scaleb(-digits) for code, digits in CURRENCIES.items()}


def minor_units(currency):
    """Digits after the decimal point for ``currency`` (USD 2, JPY 0, KWD 3)."""
    return CURRENCIES[currency]


def round_money(amount, currency):
    """Round once, half-up, to the currency's minor unit: the only rounding of money."""
    return amount.quantize(_EXPONENTS[currency], ROUND_HALF_UP)


def plain(value):
    """A Decimal as a plain decimal string, never in exponent form ("1E+3" -> "1000")."""
    return format(abs(value) if value.is_zero() else value, "f")


def plain_number(value):
    """``plain``, with the decimal sign of the locale in force: a number read back to whoever
    typed it ("12.5", "12,5")."""
    return plain(value).replace(".", current().decimal)


_SPECS = [f",.{places}f" for places in range(11)]


def _digits(value, places, locale, grouped=True):
    """``abs(value)`` with ``places`` decimals, grouped and separated as ``locale`` writes
    numbers: "1,234.50", "1.234,50", "12,34,567.00" (the locale's group sizes)."""
    if not grouped:
        text = format(abs(value), f".{places}f")
    elif locale.grouping == (3, 3):
        text = format(abs(value), _SPECS[places])
    else:
        text = format(abs(value), f".{places}f")
        whole, point, fraction = text.partition(".")
        text = _group(whole, locale.grouping) + point + fraction
    if locale.decimal == "." and locale.group == ",":
        return text
    return text.translate({44: locale.group, 46: locale.decimal})


def _group(whole, grouping):
    first, other = grouping
    if len(whole) <= first or not first:
        return whole
    head, tail = whole[:-first], [whole[-first:]]
    while other and len(head) > other:
        head, tail = head[:-other], [head[-other:], *tail]
    return ",".join([head, *tail])


def _patterned(value, text, pattern, symbol=""):
    """``text`` (the digits of ``value``) in a (prefix, suffix, negative prefix, negative
    suffix) pattern; "¤" stands for ``symbol``."""
    prefix, suffix = (pattern[2], pattern[3]) if value < 0 else (pattern[0], pattern[1])
    return f"{prefix}{text}{suffix}".replace("¤", symbol)


# How a bill shows whole amounts (a catalog's ``display.cents``): "$150.00" always, or "$150"
# when every amount on it is whole ("auto"), so one bill never mixes "$150" with "$12.50".
CENTS = ("always", "auto")


# How a sentence (a nudge, an alert, a note) writes a whole amount while a quote is made and
# written: its catalog's display.cents (``sentence_cents``), "always" anywhere else. Alone in
# its sentence, an amount drops its cents under "auto" when it has none ("save $576 a year");
# the bill's own amounts go by the bill (``whole_amounts``), tables keep their cents.
_SENTENCE_CENTS = ContextVar("sentence_cents", default="always")


@contextmanager
def sentence_cents(cents):
    """Sentences written inside show whole amounts as ``cents`` ("always" or "auto") says."""
    token = _SENTENCE_CENTS.set(cents)
    try:
        yield
    finally:
        _SENTENCE_CENTS.reset(token)


def format_money(amount, currency, whole=None):
    """A rounded amount for display in the locale in force: "$2,060.00", "¥1,235", "-$4.00",
    "1.234,50 €"; with ``whole`` (a bill whose amounts are all whole: ``whole_amounts``),
    "$2,060", but never a figure it is not; ``whole`` None (a sentence's amount): as
    ``sentence_cents`` says."""
    if whole is None:
        whole = _SENTENCE_CENTS.get() == "auto"
    places = 0 if whole and amount == amount.to_integral_value() else CURRENCIES[currency]
    return _in_currency(amount, places, currency)


def _in_currency(amount, places, currency):
    locale = current()
    return _patterned(amount, _digits(amount, places, locale), locale.currency,
                      locale.symbol(currency))


def whole_amounts(cents, amounts):
    """Whether amounts shown together drop their cents: with ``cents`` "auto", when none of
    ``amounts`` (None ones left out) has any."""
    return cents == "auto" and all(a == a.to_integral_value() for a in amounts if a is not None)


def format_price(price, currency):
    """A unit price for display, keeping sub-cent precision: "$50", "$12.50", "$0.0075"."""
    digits = minor_units(currency)
    exponent = price.normalize().as_tuple().exponent
    places = 0 if exponent >= 0 else -exponent
    if 0 < places < digits:
        places = digits
    return format_money(price, currency) if places == digits else (
        _in_currency(price, places, currency))


def format_quantity(quantity):
    """A quantity for display: "120,000", "10.5" ("120.000", "10,5" in German)."""
    exponent = quantity.normalize().as_tuple().exponent
    text = _digits(quantity, max(0, -exponent), current())
    return "-" + text if quantity < 0 else text


def format_percent(rate):
    """A rate as a percentage, as precise as it is: 0.2 -> "20%", 0.125 -> "12.5%" ("20 %"
    in German)."""
    locale, percent = current(), (rate * 100).normalize()
    exponent = percent.as_tuple().exponent
    text = _digits(percent, max(0, -exponent), locale, locale.percent_grouped)
    return _patterned(percent, text, locale.percent)
