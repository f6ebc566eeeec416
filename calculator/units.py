"""A quantity with its unit, in the words the bill, the nudges, the alerts, the lint and the
price list share: "1 message", "2 messages", "1,001 seats".

A unit is a pair, (singular, plural). A metric gives both (``unit: {one: message, other:
messages}``) or one word for both (``unit: GB``); no plural is guessed from a singular, since
"GB", "SMS" and "kWh" take no "s" and only the catalog knows its words. Which of the two a
number takes is the locale's plural rule (``calculator.plural``); the engine's own units
(seats, months, periods) are messages, translated with their plural forms.
"""

from decimal import Decimal

from .locale import _, current, ngettext, plural_words
from .money import format_quantity

SEAT_UNITS = plural_words("seat", "seats")
MONTH_UNITS = plural_words("month", "months")
PERIOD_UNITS = plural_words("period", "periods")
_OWN = (SEAT_UNITS, MONTH_UNITS, PERIOD_UNITS)


def counted(quantity, units):
    """``quantity`` grouped by thousands, then its unit: "1 message", "1,001 seats"."""
    return _("{quantity} {unit}").format(quantity=format_quantity(quantity),
                                        unit=unit_for(quantity, units))


def unit_for(quantity, units):
    """The unit's word for ``quantity``, by the locale's plural rule on the number as shown:
    singular for exactly one in English (which says "0.5 GB" and "0 messages" in the
    plural)."""
    shown = Decimal(quantity).normalize()
    if units in _OWN:
        return ngettext(units[0], units[1], shown)
    locale = current()
    return units[0] if locale.forms[locale.form(shown)] == "one" else units[1]


def costs(quantity, units):
    """The verb after a counted quantity: "1 message costs", "2 messages cost". A plain unit
    ("GB", "things") may be a plural, so its verb stays plural."""
    return "costs" if quantity == 1 and units[0] != units[1] else "cost"


def of_metric(quantity, metric):
    """"3 GB of Storage"; "60,000 contacts", once, when the metric is named as its unit
    ("Contacts")."""
    text = counted(quantity, metric.units)
    if metric.name.casefold() in (unit.casefold() for unit in metric.units):
        return text
    return _("{quantity} of {metric}").format(quantity=text, metric=metric.name)
