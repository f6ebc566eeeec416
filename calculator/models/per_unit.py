"""per_unit: unit price x quantity."""

from ..locale import _
from ..money import ZERO, format_price
from ..units import unit_for
from .base import Model, Rated


def rate(charge, quantity):
    return Rated(amount=charge.unit * quantity, unit_price=charge.unit)


def words(charge, currency, units, step):
    """"$45 per seat"; "" for a price of 0 (the units are free: the site says "Included")."""
    if charge.unit == ZERO:
        return ""
    return _("{price} per {unit}").format(price=format_price(charge.unit, currency),
                                          unit=unit_for(1, units))


MODEL = Model(name="per_unit", needs="unit", rate=rate, all_units=False, words=words)
