"""Tiers shared by graduated and volume pricing: the lookup, and the tier list in words."""

from decimal import Decimal

from ..locale import _
from ..money import format_price
from ..units import unit_for
from ..ranges import tier_range, whole_units

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


def tiers_words(kind, charge, currency, units, step):
    """"per seat, graduated: 1–10: $50 · 11 and up: $40": each tier as "range: price" (prices
    and flat fees as listed, never rounded; custom tiers say "contact sales"), ranged as the
    bill ranges them. ``step`` is the metric's (seats: 1): it decides whether ranges count
    whole units."""
    whole, tiers, parts = whole_units(charge, step), charge.tiers, []
    for index, tier in enumerate(tiers):
        if tier.custom:
            price = _("contact sales")
        else:
            price = format_price(tier.unit, currency)
            if tier.flat:
                price += _(" + {flat} flat").format(flat=format_price(tier.flat, currency))
        below = tiers[index - 1].up_to if index else None
        parts.append(f"{tier_range(below, tier.up_to, whole, charge.included)}: {price}")
    return _("per {unit}, {kind}: {tiers}").format(unit=unit_for(1, units), kind=kind,
                                                   tiers=" · ".join(parts))
