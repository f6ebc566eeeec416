"""package: a price per started block of ``size`` units (1,001 units at $5 per 1,000 = $10).

Blocks round up unless the catalog says ``round: down`` (then a part block is free).
"""

from decimal import ROUND_CEILING, ROUND_FLOOR

from .base import Rated

_ROUNDING = {"up": ROUND_CEILING, "down": ROUND_FLOOR}


def rate(charge, quantity):
    package = charge.package
    blocks = (quantity / package.size).to_integral_value(rounding=_ROUNDING[package.round])
    return Rated(amount=blocks * package.price, unit_price=package.price, packages=blocks)
