"""Tier ranges in words, one wording for the bill (``quote``) and the price list (the site's
comparison table), so the two always say the same thing about the same tiers.

Whole units count from 1: "1–10", "11–50", "201 and up". Where a quantity can be fractional
that would be false (0.5 GB is in the first tier too), so ranges read as the intervals they
are: "up to 1,000", "over 1,000 up to 5,000", "over 5,000".
"""

from decimal import Decimal

from .locale import _
from .money import ZERO, format_quantity

SEAT_STEP = Decimal(1)  # seats are counted one by one: the step whole_units takes for them


def is_whole(value):
    return value == value.to_integral_value()


def whole_units(charge, step):
    """Whether ``charge``'s tiers hold whole quantities only, so "1–10" names them: the metric
    moves in whole ``step``s (seats: 1) and every bound, the allowance and the minimum are
    whole (an allowance of 0.5 would put 10.5 billable units in "11–50")."""
    values = [step, charge.included, charge.minimum]
    values += [tier.up_to for tier in charge.tiers if tier.up_to is not None]
    return all(is_whole(value) for value in values)


def tier_range(below, up_to, whole, included=ZERO):
    """The quantities of one tier: ``below`` is the previous tier's ``up_to`` (None for the
    first tier), ``up_to`` None for the last. ``{up_to: 0}`` holds quantity 0 alone: "0".
    Tiers price what lies beyond an allowance, so with ``included`` their bounds are shown as
    totals, as the nudges count ("every GB beyond 1,200"): with 200 GB included, a first tier
    up to 1,000 reads "over 200 up to 1,200", never "up to 1,000", which reads as a total; and
    a tier ``{up_to: 0}`` holds every quantity within the allowance ("0–200", "up to 200")."""
    if up_to == 0:
        if not included:
            return format_quantity(ZERO)
        return _span(ZERO, included) if whole else _("up to {high}").format(
            high=format_quantity(included))
    if included:
        below = (below or ZERO) + included
        up_to = None if up_to is None else up_to + included
    if whole:
        start = (below or ZERO) + 1
        if up_to is None:
            return _("{low} and up").format(low=format_quantity(start))
        return _span(start, up_to)
    if up_to is None:
        return _("over {low}").format(low=format_quantity(below or ZERO))
    if below is None:
        return _("up to {high}").format(high=format_quantity(up_to))
    return _("over {low} up to {high}").format(low=format_quantity(below),
                                               high=format_quantity(up_to))


def _span(low, high):
    """A range of whole units: "1–10"."""
    return _("{low}–{high}").format(low=format_quantity(low), high=format_quantity(high))


def sales_range(charge, step):
    """The quantities of ``charge`` that its list does not price, in words, with the last one
    it does: ``("200", "201 and up")`` for tiers whose tier above 200 is custom (the quote then
    says contact sales); None when the list prices every quantity (a hard ``limit`` refuses
    more, rather than sending them to sales)."""
    tiers = getattr(charge, "tiers", None) or ()
    index = next((i for i, tier in enumerate(tiers) if tier.custom), None)
    if not index:  # none, or a first tier that is custom: nothing is self-serve
        return None
    below = tiers[index - 1].up_to
    return (format_quantity(below + charge.included),
            tier_range(below, tiers[index].up_to, whole_units(charge, step), charge.included))
