"""A locale's formats from Babel's CLDR data, as ``calculator.locale.Locale`` reads them."""

import re

from babel import Locale as CLDR
from babel.numbers import get_currency_symbol

from calculator.plural import CATEGORIES

# the long date's fields the engine fills (calculator.locale.long_date); any other is refused
_DATE_FIELDS = {"d": "{day}", "dd": "{day:02d}", "M": "{number}", "MM": "{number:02d}",
                "MMMM": "{month}", "y": "{year}", "yyyy": "{year}"}
_DATE_TOKEN = re.compile(r"'([^']*)'|([a-zA-Z])\2*|[^'a-zA-Z]+")


def formats(code, currencies):
    """The block's formats for ``code``: every one from CLDR, nothing guessed."""
    cldr = CLDR.parse(code)
    symbols = cldr.number_symbols[cldr.default_numbering_system]
    plural = dict(cldr.plural_form.rules)
    return {
        "code": code,
        "number": {"decimal": symbols["decimal"], "group": symbols["group"],
                   "grouping": list(cldr.decimal_formats[None].grouping)},
        "currency": _affixes(cldr.currency_formats["standard"]),
        "percent": _affixes(cldr.percent_formats[None]),
        "percent_grouped": cldr.percent_formats[None].grouping[0] < 1000,
        "symbols": {c: get_currency_symbol(c, cldr) for c in sorted(currencies)},
        "plural": plural,
        "forms": [name for name in CATEGORIES if name in plural or name == "other"],
        "months": [cldr.months["format"]["wide"][month] for month in range(1, 13)],
        "date": _date_template(cldr.date_formats["long"].pattern),
        "compact": _compact(cldr),
    }


def _compact(cldr):
    """The locale's shortenings of big numbers (its short compact decimal formats: "0 Mio'.'"
    for a million in German, "0万" for ten thousand in Japanese) as the engine reads them:
    lower case, without the dot -> the power of ten one unit of it stands for."""
    out = {}
    for magnitudes in cldr.compact_decimal_formats["short"].values():   # per plural form
        for magnitude, pattern in magnitudes.items():
            prefix, suffix = _affixes(pattern)[:2]
            suffix = suffix.strip(" \u00a0\u202f").rstrip(".").lower()
            if not suffix or prefix:   # "0" (not shortened) or a prefix form
                continue
            power = len(magnitude) - 1 - (pattern.pattern.count("0") - 1)
            if out.setdefault(suffix, power) != power:
                raise ValueError(f"{cldr}: the shortening {suffix!r} stands for two powers")
    return out


def _affixes(pattern):
    """(prefix, suffix, negative prefix, negative suffix) of a number pattern, unquoted as
    Babel writes them."""
    unquote = (lambda text: re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text))
    return [unquote(pattern.prefix[0]), unquote(pattern.suffix[0]),
            unquote(pattern.prefix[1]), unquote(pattern.suffix[1])]


def _date_template(pattern):
    """A CLDR date pattern ("d. MMMM y") as the engine's template ("{day}. {month} {year}")."""
    out = []
    for match in _DATE_TOKEN.finditer(pattern):
        quoted, letter = match.group(1), match.group(2)
        if letter:
            if match.group() not in _DATE_FIELDS:
                raise ValueError(f"the date pattern {pattern!r} has a field the engine does "
                                 f"not write: {match.group()!r}")
            out.append(_DATE_FIELDS[match.group()])
        else:
            text = match.group() if quoted is None else (quoted or "'")
            out.append(text.replace("{", "{{").replace("}", "}}"))
    return "".join(out)
