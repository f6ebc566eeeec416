"""Turning loose input values (YAML, JSON, CLI strings) into exact Decimals.

Catalogs and requests arrive from YAML (numbers already Decimal, see the YAML loader),
from JSON in the browser (money as strings, quantities as ints or floats) and from the
command line (strings). All of them go through ``to_decimal`` so that no float ever
reaches the arithmetic: a float is read back from its shortest repr, which is the number
the person typed.

Text is read as ``Decimal`` reads it, but in the digits 0-9 only: Decimal also takes the
digits of other scripts (``'٣٠'`` is 30, and Bengali ``'৪'``, a 4, is drawn like an 8), which
the page, the price list and the bill would show as someone else's number.
"""

import re
from decimal import Decimal, InvalidOperation

from .locale import _

MAX_DECIMAL_PLACES = 10

# Numbers as people write them for people: grouped (1,500 / 1 500), with a currency sign,
# a percentage. Read only to say how to write them (a catalog's numbers are plain, and 1,500
# is 1.5 in half the world).
_GROUPED = re.compile(r"\+?\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d+)?")
_SIGNED = re.compile(r"[$€£¥₹₩]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*[$€£¥₹₩]")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


class NotANumber(ValueError):
    """The value is not a finite decimal number; the message says what it was instead."""


class TooLarge(NotANumber):
    """The value is a number, but far beyond any price or quantity (above 10**16 either way;
    ``negative`` says which way, as "too large" would misdescribe -1e30)."""

    def __init__(self, message, negative=False):
        super().__init__(message)
        self.negative = negative


class TooPrecise(NotANumber):
    """The value is a number with more decimal places than any price or quantity needs."""


class OtherDigits(NotANumber):
    """The text is not written in the digits 0-9 (see the module's docstring)."""


def describe(value):
    """A short, safe description of a bad value for error messages."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"'{shown}'"
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, (list, tuple)):
        return _("a list")
    if isinstance(value, (int, Decimal)):
        text = str(value)
        return text if len(text) <= 30 else text[:12] + "..." + text[-6:]
    if isinstance(value, float):
        return repr(value)
    return _("a {type}").format(type=type(value).__name__)


def to_decimal(value, shown=None):
    """``value`` as a finite Decimal with at most 10 decimal places, else ``NotANumber``; its
    messages name ``shown`` instead when given (the text a person typed for ``value``)."""
    if shown is not None:
        try:
            return to_decimal(value)
        except TooLarge as exc:
            raise TooLarge(str(exc).replace(describe(value), describe(shown)),
                           exc.negative) from None
        except NotANumber as exc:
            raise type(exc)(str(exc).replace(describe(value), describe(shown))) from None
    if isinstance(value, bool) or value is None:
        raise NotANumber(_("expected a number, got {value}").format(value=describe(value)))
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        if value.bit_length() > 128:
            raise TooLarge(_("the number {value} is far too large").format(value=describe(value)))
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace("_", "")
        if not text.isascii():
            raise OtherDigits(_("expected a number written with the digits 0-9, got {value}")
                              .format(value=describe(value)))
        try:  # in linear time, however long: 5,000 digits are a number too large, not junk
            number = Decimal(text)
        except InvalidOperation:
            raise NotANumber(_("expected a number, got {value}").format(
                value=describe(value))) from None
    else:
        raise NotANumber(_("expected a number, got {value}").format(value=describe(value)))
    if not number.is_finite():
        raise NotANumber(_("expected a finite number, got {value}").format(
            value=describe(value)))
    if number.adjusted() > 15:
        raise TooLarge(_("the number {value} is far too large").format(value=describe(value)),
                       negative=number < 0)
    if number.as_tuple().exponent < -MAX_DECIMAL_PLACES:
        if number == number.quantize(Decimal(1).scaleb(-MAX_DECIMAL_PLACES)):
            return number.quantize(Decimal(1).scaleb(-MAX_DECIMAL_PLACES)).normalize()
        raise TooPrecise(_("{value} has more than {places} decimal places").format(
            value=describe(value), places=MAX_DECIMAL_PLACES))
    return number


def text_hint(value):
    """Why a value written as a text is not one, and what to write: " (YAML read it as a yes or
    no: write the text in quotes)" for ``Yes`` or ``off``, the same for a number, and for a
    text with a ': ' in it, which YAML reads as a key and its value ("Unlimited notes: yes");
    "" for anything else."""
    if isinstance(value, dict) and len(value) == 1 and \
            not isinstance(next(iter(value.values())), (dict, list)):
        return " (a ': ' in it made YAML read a key and its value: write the text in quotes)"
    if isinstance(value, (bool, int, float, Decimal)):
        said = "a yes or no" if isinstance(value, bool) else "a number"
        return f" (YAML read it as {said}: write the text in quotes)"
    return ""


def written_hint(value, rate=False):
    """How to write ``value``, a text meant as a number that is not one: " (write 1500, without
    separators)", " (write 40, without the currency sign)", and where a fraction goes (``rate``)
    " (write 16.67% as 0.1667)"; "" when it is no such text."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if _GROUPED.fullmatch(text):
        return f" (write {re.sub(r'[, ]', '', text).lstrip('+')}, without separators)"
    signed = _SIGNED.fullmatch(text)
    if signed:
        return f" (write {signed.group(1) or signed.group(2)}, without the currency sign)"
    percent = _PERCENT.fullmatch(text)
    if percent and rate:
        number = Decimal(percent.group(1))
        return f" (write {format(number, 'f')}% as {format((number / 100).normalize(), 'f')})"
    return ""
