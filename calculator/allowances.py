"""What an add-on comes to, and the allowances that grow with what is bought.

A usage charge's allowance grows with the full seats billed (``included_per_seat``: 8 GB of
storage per seat, pooled across the team) and with the add-ons bought. An add-on is bought
once (a flat fee), by the unit (``quantity``: 3 phone numbers), or with every seat it counts
(``per_seat``, the plan's full seats unless ``per_seat_for`` names seat kinds too). Its
``includes`` adds to a metric's allowance for each unit bought, so an add-on of 100 GB bought
twice raises the plan's Storage allowance by 200 GB. The rating asks here
before it rates the usage, which then prices only what lies beyond the grown allowance.
"""

from dataclasses import replace
from decimal import Decimal

from .catalog import FULL_SEATS
from .locale import _
from .units import SEAT_UNITS, counted

ONE = Decimal(1)


def addon_units(addon, request, seats):
    """How many units of ``addon`` the request buys: the quantity of a quantity add-on, the
    seats a per-seat one counts (``seats``, the bill's full seats, and the seats asked of each
    kind it names), else 1."""
    if addon.quantity:
        return Decimal(request.addon_quantities.get(addon.id, 1))
    if addon.per_seat:
        return Decimal(sum(seats if counted == FULL_SEATS else request.seat_kinds.get(counted, 0)
                           for counted in addon.per_seat_for))
    return ONE


def grown_allowances(catalog, plan, request, seats):
    """``{metric id: allowance added}`` on ``plan`` for ``request`` with ``seats`` full seats
    billed: a charge's ``included_per_seat`` times the seats, and each add-on's ``includes``
    times its units bought (only metrics the plan prices)."""
    grown = {m: charge.included_per_seat * seats for m, charge in plan.usage.items()
             if charge.included_per_seat}
    for addon_id in request.addons:
        addon = catalog.addons[addon_id]
        if not addon.includes:
            continue
        units = addon_units(addon, request, seats)
        for metric_id, amount in addon.includes.items():
            if metric_id in plan.usage:
                grown[metric_id] = grown.get(metric_id, 0) + amount * units
    return grown


def per_seat_note(charge, metric, seats):
    """The words of an allowance that grows with the seats: ("20 GB + 8 GB per seat × 3
    seats included",), or () for one that does not."""
    if not charge.included_per_seat:
        return ()
    return (_("{included} + {per_seat} per seat × {seats} included").format(
        included=counted(charge.included, metric.units),
        per_seat=counted(charge.included_per_seat, metric.units),
        seats=counted(Decimal(seats), SEAT_UNITS)),)


def grows_with_seats(catalog, plan, request):
    """Whether the allowances of ``request`` on ``plan`` depend on its seat count (storage per
    seat, a per-seat add-on that includes usage): a cost curve over seats rates the usage
    again at each point then."""
    return any(charge.included_per_seat for charge in plan.usage.values()) or any(
        catalog.addons[a].includes and catalog.addons[a].per_seat for a in request.addons)


def with_allowance(charge, grown):
    """``charge`` with ``grown`` more units included (itself when nothing grew)."""
    return replace(charge, included=charge.included + grown) if grown else charge


def as_billed(charge, line):
    """``charge`` with the allowance its usage ``line`` was billed with (grown or not), for
    what words the line: the nudges' thresholds, its tier ranges."""
    return with_allowance(charge, line.included - charge.included)
