"""The shape every pricing model returns, so rating and display never special-case a model."""

from dataclasses import dataclass

from ..money import ZERO


@dataclass(slots=True)
class TierUse:
    """The part of a quantity one tier priced: units ``first``..``last`` at ``unit`` (+ ``flat``)."""

    index: int
    first: object  # Decimal: first unit of the tier (lower bound, exclusive of the previous up_to)
    last: object  # Decimal or None (unbounded)
    quantity: object
    unit: object
    flat: object
    amount: object


@dataclass(slots=True)
class Rated:
    """A model's answer for one quantity: an unrounded amount, or ``custom`` (contact sales)."""

    amount: object = ZERO  # Decimal, unrounded
    unit_price: object = None  # Decimal when one price applies to every unit, else None
    tiers: tuple = ()
    custom: bool = False
    packages: object = None  # number of packages billed (package pricing)


CUSTOM = Rated(custom=True)
