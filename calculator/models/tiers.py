"""Tier lookup shared by graduated and volume pricing."""

from decimal import Decimal

ONE = Decimal(1)


def tier_index(tiers, quantity):
    """Index of the first tier with ``quantity <= up_to`` (the last tier is unbounded)."""
    for index, tier in enumerate(tiers):
        if tier.up_to is None or quantity <= tier.up_to:
            return index
    return len(tiers) - 1


def lower_bound(tiers, index):
    """The previous tier's up_to (tier ``index`` covers the quantities above it), or 0."""
    return tiers[index - 1].up_to if index else Decimal(0)
