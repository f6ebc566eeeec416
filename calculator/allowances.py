"""What an add-on comes to, and the allowances that grow with what is bought.

An add-on is bought once (a flat fee), by the unit (``quantity``: 3 phone numbers), or with
every seat it counts (``per_seat``, the plan's full seats unless ``per_seat_for`` names seat
kinds too). Its ``includes`` adds to a metric's allowance for each unit bought, so an add-on
of 100 GB bought twice raises the plan's Storage allowance by 200 GB. The rating asks here
before it rates the usage, which then prices only what lies beyond the grown allowance.
"""

from dataclasses import replace
from decimal import Decimal

from .catalog import FULL_SEATS

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
    billed: each add-on's ``includes`` times its units bought (only metrics the plan prices)."""
    grown = {}
    for addon_id in request.addons:
        addon = catalog.addons[addon_id]
        if not addon.includes:
            continue
        units = addon_units(addon, request, seats)
        for metric_id, amount in addon.includes.items():
            if metric_id in plan.usage:
                grown[metric_id] = grown.get(metric_id, 0) + amount * units
    return grown


def grows_with_seats(catalog, request):
    """Whether the allowances of ``request`` depend on its seat count (a per-seat add-on that
    includes usage): a cost curve over seats rates the usage again at each point then."""
    return any(catalog.addons[a].includes and catalog.addons[a].per_seat for a in request.addons)


def with_allowance(charge, grown):
    """``charge`` with ``grown`` more units included (itself when nothing grew)."""
    return replace(charge, included=charge.included + grown) if grown else charge


def as_billed(charge, line):
    """``charge`` with the allowance its usage ``line`` was billed with (grown or not), for
    what words the line: the nudges' thresholds, its tier ranges."""
    return with_allowance(charge, line.included - charge.included)
