"""CLDR plural rules, read without Babel: which plural form a number takes in a language.

A locale's block carries its rules as CLDR writes them ("i in 1 and v in 0" for English and
German; Polish has "few" and "many" too), so "1 seat" / "2 seats" and "1 Platz" / "2 Plätze"
follow the language and not an English ``== 1``. The operands are CLDR's: ``n`` the number,
``i`` its integer digits, ``v`` / ``w`` the count of visible fraction digits with and without
trailing zeros, ``f`` / ``t`` those digits as a number, ``e`` / ``c`` the compact exponent
(always 0 here). A number is read as written: ``Decimal("1.0")`` has one visible digit.
"""

import re
from decimal import Decimal

# CLDR's order of the categories; "other" is every language's last and needs no rule
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_TOKEN = re.compile(r"\s*(?:(?P<word>[a-z]+)|(?P<range>\d+(?:\.\.\d+)?(?:\s*,\s*\d+(?:\.\.\d+)?)*)"
                    r"|(?P<op>!=|=|%))")


def operands(number):
    """CLDR's operands of ``number`` (a Decimal, int or text as written)."""
    number = abs(Decimal(number))
    sign, digits, exponent = number.as_tuple()
    fraction = "" if exponent >= 0 else "".join(map(str, digits))[exponent:].rjust(-exponent, "0")
    trimmed = fraction.rstrip("0")
    integer = int(number)
    return {"n": number, "i": integer, "v": len(fraction), "w": len(trimmed),
            "f": int(fraction or 0), "t": int(trimmed or 0), "e": 0, "c": 0}


def category(rules, number):
    """The plural category of ``number`` under ``rules`` ({category: rule text}): the first
    whose rule holds, in CLDR's order, else "other"."""
    values = operands(number)
    for name in CATEGORIES[:-1]:
        rule = rules.get(name)
        if rule and _holds(rule, values):
            return name
    return "other"


def _holds(rule, values):
    return any(all(_relation(part, values) for part in _split(branch, "and"))
               for branch in _split(rule, "or"))


def _split(text, word):
    return re.split(rf"\s+{word}\s+", text.strip())


def _relation(text, values):
    """One relation: ``operand [mod|% m] (in|not in|within|not within|=|!=|is|is not) ranges``."""
    tokens = [m for m in _TOKEN.finditer(text)]
    words = [m["word"] or m["op"] or m["range"] for m in tokens]
    value = values[words[0]]
    rest = words[1:]
    if rest and rest[0] in ("mod", "%"):
        value, rest = value % int(rest[1]), rest[2:]
    negate = "not" in rest[:-1] or rest[0] == "!="
    integral = rest[0] != "within" and rest[-2:-1] != ["within"]
    found = any(_in_range(value, part, integral) for part in rest[-1].split(","))
    return found != negate


def _in_range(value, part, integral):
    low, _, high = part.strip().partition("..")
    low, high = Decimal(low), Decimal(high or low)
    if integral and value != int(value):
        return False
    return low <= value <= high
