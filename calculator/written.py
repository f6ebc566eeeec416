"""Quantities as people write them, read exactly: "1,500,000", "1.5M", "2k", " +40 ".

A visitor types back what the page prints (the bill groups thousands as the locale does, the
chart shortens to "1.5M", in German to "1,5 Mio."), so a request's seat counts and usage read
those forms too: in English "1,500,000" and "1.5", in German "1.500.000" and "1,5". The catalog's
own numbers stay plain (``values.to_decimal``): a price list is no place for "2k".

Only unambiguous forms are read. A group sign must group thousands ("1,50" may be 1.5 or 150
in English, "1.50" in German, so it is refused and the message says how to write each); a suffix multiplies the Decimal exactly
(never through a float, "1.5M" is 1,500,000 and no less); anything else goes to ``to_decimal``
with its own messages.
"""

import re
from decimal import Decimal

from .locale import _, current
from .money import format_quantity, plain
from .values import NotANumber, describe, to_decimal

# The shortenings the page's chart prints in English (Intl's compact notation), and "k", read in
# every locale; a locale's own (its block's `compact`: "Mio." in German, "万" in Japanese) are
# read beside them and win where one is written alike ("B" is 10^12 in Spanish).
SUFFIXES = {"k": 3, "m": 6, "b": 9, "t": 12}
_SPACES = " \u00a0\u202f"  # a locale that groups with a space is typed with any of them
_PATTERNS = {}  # (group, decimal sign, group sizes, shortenings) -> a number written so


def _written(locale):
    """The pattern of a number as ``locale`` writes it: "1,500,000.5" or "1.500.000,5"."""
    key = (locale.group, locale.decimal, locale.grouping, tuple(sorted(locale.compact)))
    if key not in _PATTERNS:
        group = f"[{_SPACES}]" if locale.group in _SPACES else re.escape(locale.group)
        first, other = locale.grouping  # "1,500,000"; "15,00,000" in India (3, then 2)
        # the longest first: "mrd" before "m"; a dot may end any ("1,5 Mio." or "1,5 Mio")
        suffixes = "|".join(re.escape(s) for s in sorted({*SUFFIXES, *locale.compact},
                                                         key=lambda s: (-len(s), s)))
        _PATTERNS[key] = (re.compile(
            rf"(?P<sign>[+-]?)(?P<whole>\d{{1,{other}}}(?:{group}\d{{{other}}})*"
            rf"{group}\d{{{first}}}|\d+)?"
            rf"(?P<fraction>{re.escape(locale.decimal)}\d+)?[\s{_SPACES}]*"
            rf"(?:(?P<suffix>{suffixes})\.?)?",
            re.ASCII | re.IGNORECASE), re.compile(group))
    return _PATTERNS[key]


_ONE = Decimal(1)


class NotAGrouping(NotANumber):
    """A group sign that does not group thousands, as in "1,50" or "15,00,000" (English)."""


def read_written(value):
    """``value`` (a request's quantity: a number, or text as a person writes one in the locale
    in force) as a Decimal; ``NotANumber`` (or a subclass saying why) when it is none."""
    if not isinstance(value, str):
        return to_decimal(value)
    text = value.strip()
    pattern, group = _written(current())
    match = pattern.fullmatch(text)
    if match is None or not (match["whole"] or match["fraction"]):
        if group.search(text):
            raise NotAGrouping(
                _("{value} is not a number as written here: a comma groups thousands ({grouped}) "
                  "and a point starts the decimals ({decimals})").format(
                    value=describe(value), grouped=format_quantity(Decimal(1500)),
                    decimals=format_quantity(Decimal("1.5"))))
        return to_decimal(value)
    digits = group.sub("", match["whole"] or "0") + "." + (match["fraction"] or ".")[1:]
    number = to_decimal(match["sign"] + digits.rstrip("."), shown=value)
    if not match["suffix"]:
        return number
    suffix = match["suffix"].lower()
    power = current().compact.get(suffix, SUFFIXES.get(suffix))
    number = to_decimal(number.scaleb(power), shown=value)
    # "2k" is 2000 as if typed so (not 2E+3): the bill and the echo show the same digits
    return number.quantize(_ONE) if number.as_tuple().exponent > 0 else number


def for_field(value):
    """A quantity (a Decimal) as a field holds it for ``read_written`` to read back in the
    locale in force: plain digits, its decimal sign ("62.5"; "62,5" in German), no grouping."""
    text = plain(value)
    return text if current().decimal == "." else text.replace(".", current().decimal)
