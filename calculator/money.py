"""Money: currencies, their minor units, rounding and display.

Amounts are ``Decimal`` from end to end. A charge stays unrounded until it becomes a line
on the bill; then it is rounded once, half-up (not Python's default half-even), to the
currency's minor unit. Display formatting is a separate step that never feeds back into
arithmetic.
"""

from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 minor units (digits after the decimal point) and a display symbol.
CURRENCIES = {
    "USD": (2, "$"),
    "EUR": (2, "€"),
    "GBP": (2, "£"),
    "JPY": (0, "¥"),
    "KWD": (3, "KWD "),
    "BHD": (3, "BHD "),
    "CHF": (2, "CHF "),
    "CAD": (2, "CA$"),
    "AUD": (2, "A$"),
    "NZD": (2, "NZ$"),
    "SEK": (2, "SEK "),
    "NOK": (2, "NOK "),
    "DKK": (2, "DKK "),
    "PLN": (2, "PLN "),
    "INR": (2, "₹"),
    "BRL": (2, "R$"),
    "MXN": (2, "MX$"),
    "SGD": (2, "S$"),
    "HKD": (2, "HK$"),
    "MYR": (2, "RM"),
    "CNY": (2, "CN¥"),
    "KRW": (0, "₩"),
    "ZAR": (2, "R "),
}

ZERO = Decimal(0)
_EXPONENTS = {code: Decimal(1).scaleb(-digits) for code, (digits, _) in CURRENCIES.items()}


def minor_units(currency):
    """Digits after the decimal point for ``currency`` (USD 2, JPY 0, KWD 3)."""
    return CURRENCIES[currency][0]


def round_money(amount, currency):
    """Round once, half-up, to the currency's minor unit: the only rounding of money."""
    return amount.quantize(_EXPONENTS[currency], ROUND_HALF_UP)


def plain(value):
    """A Decimal as a plain decimal string, never in exponent form ("1E+3" -> "1000")."""
    return format(abs(value) if value.is_zero() else value, "f")


_SPECS = [f",.{places}f" for places in range(11)]


def _grouped(value, decimals):
    text = format(abs(value), _SPECS[decimals])
    return "-" + text if value < 0 else text


# How a bill shows whole amounts (a catalog's ``display.cents``): "$150.00" always, or "$150"
# when every amount on it is whole ("auto"), so one bill never mixes "$150" with "$12.50".
CENTS = ("always", "auto")


def format_money(amount, currency, whole=False):
    """A rounded amount for display: "$2,060.00", "¥1,235", "-$4.00"; with ``whole`` (a bill
    whose amounts are all whole: ``whole_amounts``), "$2,060", but never a figure it is not."""
    digits, symbol = CURRENCIES[currency]
    text = _grouped(amount, 0 if whole and amount == amount.to_integral_value() else digits)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    return f"{sign}{symbol}{text}"


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
        CURRENCIES[currency][1] + _grouped(price, places)
    )


def format_quantity(quantity):
    """A quantity for display: "120,000", "10.5"."""
    exponent = quantity.normalize().as_tuple().exponent
    return _grouped(quantity, max(0, -exponent))
