"""package: a price per started block of ``size`` units (1,001 units at $5 per 1,000 = $10).

Blocks round up unless the catalog says ``round: down`` (then a part block is free).
"""

from decimal import ROUND_CEILING, ROUND_FLOOR

from ..money import format_price, format_quantity
from .base import Model, Rated

_ROUNDING = {"up": ROUND_CEILING, "down": ROUND_FLOOR}


def rate(charge, quantity):
    package = charge.package
    blocks = (quantity / package.size).to_integral_value(rounding=_ROUNDING[package.round])
    return Rated(amount=blocks * package.price, unit_price=package.price, packages=blocks)


def words(charge, currency, units, step):
    """"$5 per 1,000 calls", "$30 per seat" (a block of one)."""
    size = charge.package.size
    return (f"{format_price(charge.package.price, currency)} per "
            f"{format_quantity(size)} {units[0] if size == 1 else units[1]}")


MODEL = Model(name="package", needs="package", rate=rate, all_units=False, words=words)
