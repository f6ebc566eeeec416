"""The language the engine speaks: number and money formats, plural rules, dates, and its
messages, carried as one small JSON-able block.

The site builds a block per language at build time (from Babel's CLDR data and the engine's
gettext catalog) and puts it in the catalog, so CPython at build time
and Pyodide in the browser read the same data and say the same strings; the engine itself
reads no CLDR and imports no Babel. ``ENGLISH`` is built in and says what the engine always
said, byte for byte.

The locale in force is a context variable, so every formatter and message reads it without
being handed it: ``with using(locale): ...``; the engine's entry points enter their catalog's
(``speaking``). A message is its English text, translated by ``gettext`` (``_``), then
formatted: ``_("{seats} seats at {price}").format(seats=..., price=...)``; a message with a
count picks its plural form by the locale's CLDR rule (``ngettext``). A message the block does
not translate stays English.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, wraps

from .plural import compiled

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_ENGLISH_SYMBOLS = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KWD": "KWD ", "BHD": "BHD ", "CHF": "CHF ",
    "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "SEK": "SEK ", "NOK": "NOK ", "DKK": "DKK ",
    "PLN": "PLN ", "INR": "₹", "BRL": "R$", "MXN": "MX$", "SGD": "S$", "HKD": "HK$", "MYR": "RM",
    "CNY": "CN¥", "KRW": "₩", "ZAR": "R ",
}


@dataclass(frozen=True)
class Locale:
    """One language's formats and messages. Patterns are (prefix, suffix) pairs around the
    number, positive then negative, with "¤" where the currency's symbol goes."""

    code: str
    decimal: str = "."
    group: str = ","
    grouping: tuple = (3, 3)  # digits in the first group left of the decimal, then in each other
    currency: tuple = ("¤", "", "-¤", "")
    percent: tuple = ("", "%", "-", "%")
    percent_grouped: bool = True
    symbols: dict = field(default_factory=dict)  # currency code -> symbol (else the code)
    plural: dict = field(default_factory=lambda: {"one": "i in 1 and v in 0"})
    forms: tuple = ("one", "other")  # the plural categories, in the .po's msgstr[] order
    months: tuple = MONTHS
    date: str = "{day} {month} {year}"
    messages: dict = field(default_factory=dict)  # English msgid -> translation
    plurals: dict = field(default_factory=dict)  # English singular msgid -> [form, ...]
    # the locale's own shortenings of big numbers, as its pages print them ("1,5 Mio."): the
    # shortening in lower case without its dot -> its power of ten ({"mio": 6}); none in English,
    # whose k, M, B, T every locale reads (calculator.written)
    compact: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, block):
        """A ``Locale`` from its block (``to_dict``'s form); None gives ``ENGLISH``."""
        if block is None:
            return ENGLISH
        number = block.get("number", {})
        return cls(
            code=block["code"], decimal=number.get("decimal", "."),
            group=number.get("group", ","), grouping=tuple(number.get("grouping", (3, 3))),
            currency=tuple(block.get("currency", cls.currency)),
            percent=tuple(block.get("percent", cls.percent)),
            percent_grouped=block.get("percent_grouped", True),
            symbols=dict(block.get("symbols", {})),
            plural=dict(block.get("plural", {"one": "i in 1 and v in 0"})),
            forms=tuple(block.get("forms", ("one", "other"))),
            months=tuple(block.get("months", MONTHS)), date=block.get("date", cls.date),
            messages=dict(block.get("messages", {})),
            plurals={k: list(v) for k, v in block.get("plurals", {}).items()},
            compact=dict(block.get("compact", {})))

    def __post_init__(self):
        """A block that would fail only when a quote is written fails here, when it is read."""
        shapes = [(len(self.currency) == 4 and len(self.percent) == 4, "4 pattern parts"),
                  (len(self.grouping) == 2 and all(isinstance(g, int) and g > 0
                                                   for g in self.grouping), "2 group sizes"),
                  (self.forms[-1:] == ("other",), 'plural forms ending in "other"'),
                  (len(self.months) == 12, "12 month names"),
                  (all(isinstance(t, str) for t in self.messages.values()), "text messages"),
                  (all(isinstance(k, str) and k and k == k.lower().rstrip(".")
                       and type(p) is int and 0 < p <= 24 for k, p in self.compact.items()),
                   "shortenings in lower case with powers of ten from 1 to 24")]
        wrong = [what for ok, what in shapes if not ok]
        if wrong:
            raise ValueError(f"the locale block {self.code!r} needs {', '.join(wrong)}")

    def to_dict(self):
        """The JSON-able block ``from_dict`` reads back."""
        return {"code": self.code,
                "number": {"decimal": self.decimal, "group": self.group,
                           "grouping": list(self.grouping)},
                "currency": list(self.currency), "percent": list(self.percent),
                "percent_grouped": self.percent_grouped, "symbols": dict(self.symbols),
                "plural": dict(self.plural), "forms": list(self.forms),
                "months": list(self.months), "date": self.date,
                "messages": dict(self.messages),
                "plurals": {k: list(v) for k, v in self.plurals.items()},
                "compact": dict(self.compact)}

    @cached_property
    def _category(self):
        return compiled(self.plural)

    def symbol(self, currency):
        return self.symbols.get(currency, currency)

    def form(self, number):
        """The index of ``number``'s plural form among ``forms`` (the last when the block's
        forms lack its category)."""
        name = self._category(number)
        return self.forms.index(name) if name in self.forms else len(self.forms) - 1


# English as the engine has always written it: "$2,060.00", "-$4.00", "20%", "30 June 2026",
# and a few symbols of its own ("KWD 1.500", "CA$40"): no translation, the messages as written
ENGLISH = Locale("en", symbols=_ENGLISH_SYMBOLS, percent_grouped=False)

_current = ContextVar("calculator_locale", default=ENGLISH)


def current():
    """The locale in force."""
    return _current.get()


class using:  # noqa: N801 (a context manager read as a phrase: ``with using(locale):``)
    """Speak ``locale`` (a ``Locale``; None is ``ENGLISH``) inside the block."""

    __slots__ = ("locale", "token")

    def __init__(self, locale):
        self.locale = locale or ENGLISH

    def __enter__(self):
        self.token = _current.set(self.locale)
        return self.locale

    def __exit__(self, *exc):
        _current.reset(self.token)


def speaking(function):
    """``function(catalog, ...)`` run in its catalog's locale: the engine's entry points (one
    calling another stays in the locale it is in)."""
    @wraps(function)
    def in_locale(catalog, *args, **kwargs):
        locale = getattr(catalog, "locale", None) or ENGLISH
        if _current.get() is locale:
            return function(catalog, *args, **kwargs)
        token = _current.set(locale)
        try:
            return function(catalog, *args, **kwargs)
        finally:
            _current.reset(token)
    return in_locale


def gettext(message):
    """``message`` (English) in the locale in force; as it is when untranslated."""
    return _current.get().messages.get(message) or message


_ = gettext


def ngettext(singular, plural, count):
    """The form of a message for ``count`` (a number as it is shown): the translation's, by
    the locale's plural rule; in English, ``singular`` for one and ``plural`` else."""
    locale = _current.get()
    forms = locale.plurals.get(singular)
    index = locale.form(count)
    if forms and index < len(forms) and forms[index]:
        return forms[index]
    return singular if locale.forms[index] == "one" else plural


def N_(message):
    """A message marked for translation where it is written, translated where it is said
    (``_(message)``): a table of messages."""
    return message


def plural_words(singular, plural):
    """A pair of words the engine translates with their plural forms (its own units: "seat",
    "seats"), marked so for the message extraction; ``ngettext`` picks the form."""
    return (singular, plural)


def long_date(day):
    """A date (``datetime.date``) as the locale writes it in full: "30 June 2026",
    "30. Juni 2026"."""
    locale = _current.get()
    return locale.date.format(day=day.day, month=locale.months[day.month - 1], year=day.year,
                              number=day.month)
