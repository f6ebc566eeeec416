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
    return compiled(rules)(number)


_COMPILED = {}  # rules, as items -> their test: each rule is read once, not once per number
_KNOWN_KEPT = 4096  # numbers' categories remembered per rule set (then forgotten at once)


def compiled(rules):
    """``number -> category`` for ``rules``, the rule texts parsed once."""
    key = tuple(sorted(rules.items()))
    if key not in _COMPILED:
        tests = [(name, [[_relation(part) for part in _split(branch, "and")]
                         for branch in _split(rules[name], "or")])
                 for name in CATEGORIES[:-1] if rules.get(name)]

        known = {}  # number as written -> category: a bill counts the same numbers again

        def of(number):
            written = str(number)
            found = known.get(written)
            if found is None:
                if len(known) >= _KNOWN_KEPT:
                    known.clear()
                values = operands(number)
                found = known[written] = next(
                    (name for name, branches in tests
                     if any(all(_holds(relation, values) for relation in branch)
                            for branch in branches)), "other")
            return found
        _COMPILED[key] = of
    return _COMPILED[key]


def _split(text, word):
    return re.split(rf"\s+{word}\s+", text.strip())


def _relation(text):
    """One relation, ``operand [mod|% m] (in|not in|within|not within|=|!=|is|is not)
    ranges``, as (operand, modulus, negated, integers only, ((low, high), ...))."""
    words = [m["word"] or m["op"] or m["range"] for m in _TOKEN.finditer(text)]
    operand, rest, modulus = words[0], words[1:], None
    if rest and rest[0] in ("mod", "%"):
        modulus, rest = int(rest[1]), rest[2:]
    negate = "not" in rest[:-1] or rest[0] == "!="
    integral = "within" not in rest[:-1]
    ranges = []
    for part in rest[-1].split(","):
        low, _dots, high = part.strip().partition("..")
        ranges.append((Decimal(low), Decimal(high or low)))
    return operand, modulus, negate, integral, tuple(ranges)


def _holds(relation, values):
    operand, modulus, negate, integral, ranges = relation
    value = values[operand] if modulus is None else values[operand] % modulus
    found = (not integral or value == int(value)) and any(
        low <= value <= high for low, high in ranges)
    return found != negate
