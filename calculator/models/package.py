"""package: a price per started block of ``size`` units (1,001 units at $5 per 1,000 = $10).

Blocks round up unless the catalog says ``round: down`` (then a part block is free).
"""

from decimal import ROUND_CEILING, ROUND_FLOOR

from ..locale import _
from ..money import format_price, format_quantity
from ..units import unit_for
from .base import Model, Rated

_ROUNDING = {"up": ROUND_CEILING, "down": ROUND_FLOOR}


def rate(charge, quantity):
    package = charge.package
    blocks = (quantity / package.size).to_integral_value(rounding=_ROUNDING[package.round])
    return Rated(amount=blocks * package.price, unit_price=package.price, packages=blocks)


def words(charge, currency, units, step):
    """"$5 per 1,000 calls", "$30 per seat" (a block of one)."""
    size = charge.package.size
    return _("{price} per {size} {unit}").format(
        price=format_price(charge.package.price, currency), size=format_quantity(size),
        unit=unit_for(size, units))


MODEL = Model(name="package", needs="package", rate=rate, all_units=False, words=words)
