"""per_unit: unit price x quantity."""

from .base import Rated


def rate(charge, quantity):
    return Rated(amount=charge.unit * quantity, unit_price=charge.unit)
