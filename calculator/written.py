"""Quantities as people write them, read exactly: "1,500,000", "1.5M", "2k", " +40 ".

A visitor types back what the page prints (the bill groups thousands with commas, the chart
shortens to "1.5M"), so a request's seat counts and usage read those forms too. The catalog's
own numbers stay plain (``values.to_decimal``): a price list is no place for "2k".

Only unambiguous forms are read. A comma must group thousands ("1,50" may be 1.5 or 150, so it
is refused and the message says how to write each); a suffix multiplies the Decimal exactly
(never through a float, "1.5M" is 1,500,000 and no less); anything else goes to ``to_decimal``
with its own messages.
"""

import re
from decimal import Decimal

from .values import NotANumber, describe, to_decimal

# The shortenings the page's chart prints (Intl's compact notation in English), and "k".
SUFFIXES = {"k": 3, "m": 6, "b": 9, "t": 12}

_WRITTEN = re.compile(
    r"(?P<sign>[+-]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?P<fraction>\.\d+)?"
    r"\s*(?P<suffix>[kKmMbBtT])?", re.ASCII)


_ONE = Decimal(1)


class NotAGrouping(NotANumber):
    """A comma that does not group thousands, as in "1,50" or "15,00,000"."""


def read_written(value):
    """``value`` (a request's quantity: a number, or text as a person writes one) as a Decimal;
    ``NotANumber`` (or a subclass saying why) when it is none."""
    if not isinstance(value, str):
        return to_decimal(value)
    text = value.strip()
    match = _WRITTEN.fullmatch(text)
    if match is None or not (match["whole"] or match["fraction"]):
        if "," in text:
            raise NotAGrouping(
                f"{describe(value)} is not a number as written here: a comma groups thousands "
                f"(1,500) and a point starts the decimals (1.5)")
        return to_decimal(value)
    digits = (match["whole"] or "0").replace(",", "") + (match["fraction"] or "")
    number = to_decimal(match["sign"] + digits, shown=value)
    if not match["suffix"]:
        return number
    number = to_decimal(number.scaleb(SUFFIXES[match["suffix"].lower()]), shown=value)
    # "2k" is 2000 as if typed so (not 2E+3): the bill and the echo show the same digits
    return number.quantize(_ONE) if number.as_tuple().exponent > 0 else number
