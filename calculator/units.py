"""A quantity with its unit, in the words the bill, the nudges, the alerts, the lint and the
price list share: "1 message", "2 messages", "1,001 seats".

A unit is a pair, (singular, plural). A metric gives both (``unit: {one: message, other:
messages}``) or one word for both (``unit: GB``); no plural is guessed from a singular, since
"GB", "SMS" and "kWh" take no "s" and only the catalog knows its words.
"""

from .money import format_quantity

SEAT_UNITS = ("seat", "seats")
MONTH_UNITS = ("month", "months")
PERIOD_UNITS = ("period", "periods")


def counted(quantity, units):
    """``quantity`` grouped by thousands, then its unit: "1 message", "1,001 seats"."""
    return f"{format_quantity(quantity)} {unit_for(quantity, units)}"


def unit_for(quantity, units):
    """The unit's word for ``quantity``: singular for exactly one (English says "0.5 GB" and
    "0 messages" in the plural)."""
    one, other = units
    return one if quantity == 1 else other


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
    return f"{text} of {metric.name}"
