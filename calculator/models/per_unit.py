"""per_unit: unit price x quantity."""

from ..money import ZERO, format_price
from .base import Model, Rated


def rate(charge, quantity):
    return Rated(amount=charge.unit * quantity, unit_price=charge.unit)


def words(charge, currency, units, step):
    """"$45 per seat"; "" for a price of 0 (the units are free: the site says "Included")."""
    if charge.unit == ZERO:
        return ""
    return f"{format_price(charge.unit, currency)} per {units[0]}"


MODEL = Model(name="per_unit", needs="unit", rate=rate, all_units=False, words=words)
