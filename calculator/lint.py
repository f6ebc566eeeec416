"""Warnings about a valid catalog that will surprise buyers: volume cliffs, idle plans.

``validate`` prints these after the errors. They never stop a build: a cliff may be
deliberate, and a plan may be there for its features rather than its price.
"""

from decimal import ROUND_FLOOR, Decimal

from .errors import Problem, QuoteError
from .models import model_of, rate_charge
from .money import format_money, format_quantity, round_money
from .rating import rate_plan
from .request import Request
from .units import SEAT_UNITS, costs, counted

_SEAT_SAMPLES = (0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
_USAGE_SEATS = (1, 5, 20)


def lint(catalog):
    """Warnings (``Problem`` with severity "warning") for ``catalog``."""
    return _cliffs(catalog) + _idle_plans(catalog)


def _cliffs(catalog):
    found = []
    for index, plan in enumerate(catalog.plans):
        if plan.custom:
            continue
        # (where, unit, charge, step, whole): seats are counted in whole numbers, usage not
        charges = [(("seats",), SEAT_UNITS, plan.seats, Decimal(1), True)] if plan.seats else []
        charges += [(("usage", m), catalog.metrics[m].units, c, catalog.metrics[m].step, False)
                    for m, c in plan.usage.items()]
        for path, units, charge, step, whole in charges:
            if charge is None or not model_of(charge).all_units:
                continue  # only all-units tiers reprice every unit, so only they have cliffs
            for i, (tier, following) in enumerate(zip(charge.tiers, charge.tiers[1:])):
                if tier.custom or following.custom:
                    continue
                lower = charge.tiers[i - 1].up_to if i else Decimal(0)
                warning = _cliff(catalog, charge, tier, lower, units, step, whole)
                if warning:
                    where = "plans[%d].price.%s.tiers[%d]" % (index, ".".join(path), i + 1)
                    found.append(Problem(where, f"{plan.name}: {warning}", severity="warning"))
    return found


def _cliff(catalog, charge, tier, lower, units, step, whole):
    """"50 seats cost $2,000.00 but 51 cost $1,530.00 ..." when crossing ``tier`` saves money.
    ``whole``: only whole quantities exist (seats), so a tier up to 10.5 ends at 10."""
    currency = catalog.currency
    if whole:
        lower = lower.to_integral_value(rounding=ROUND_FLOOR)
    top = tier.up_to.to_integral_value(rounding=ROUND_FLOOR) if whole else tier.up_to
    above = top + step
    cost_top = rate_charge(charge, top).amount
    cost_above = rate_charge(charge, above).amount
    if cost_above >= cost_top:
        return None
    # the smallest quantity in this tier that already costs more than `above` does (all-units:
    # a quantity inside the tier costs unit x quantity + flat)
    worse = (cost_above - tier.flat) / tier.unit if tier.unit else top
    first = (worse / step).to_integral_value(rounding=ROUND_FLOOR) * step + step
    first = min(top, max(first, lower + step))
    shift = charge.included
    # a span of the top quantity alone ("from 0 to 0": a fee on a tier {up_to: 0}) is said already
    span = "" if first == top else (
        f"; every quantity from {format_quantity(first + shift)} to "
        f"{format_quantity(top + shift)} pays more than {format_quantity(above + shift)} would")
    return (f"{charge.pricing} tiers make more {units[1]} cost less: "
            f"{counted(top + shift, units)} {costs(top + shift, units)} "
            f"{format_money(round_money(cost_top, currency), currency)} but "
            f"{format_quantity(above + shift)} cost "
            f"{format_money(round_money(cost_above, currency), currency)}{span} (a cliff: use "
            f"graduated pricing, or accept it on purpose)")


def _samples(catalog):
    """Requests spread over seats and each metric's range, usage on one metric at a time."""
    plan_id = catalog.plans[0].id
    for seats in _SEAT_SAMPLES:
        yield Request(plan_id, seats)
    for metric in catalog.metrics.values():
        points = {Decimal(0), metric.max}
        value = metric.step
        while value < metric.max:
            points.add(value)
            points.add(value * 3)
            value *= 10
        for plan in catalog.plans:
            charge = plan.usage.get(metric.id)
            if charge is not None:
                points |= {charge.included, charge.included + metric.step}
        for quantity in sorted(p for p in points if p <= metric.max):
            for seats in _USAGE_SEATS:
                yield Request(plan_id, seats, {metric.id: quantity})


def _idle_plans(catalog):
    priced = [p for p in catalog.plans if not p.custom]
    if len(priced) < 2:
        return []
    winners, checked = set(), 0
    for request in _samples(catalog):
        totals = {}
        for plan in priced:
            try:
                bill = rate_plan(catalog, plan, request)
            except QuoteError:
                continue
            if bill.priced:
                totals[plan.id] = bill.total
        checked += 1
        if totals:
            best = min(totals.values())
            winners |= {plan_id for plan_id, total in totals.items() if total == best}
    index = {p.id: i for i, p in enumerate(catalog.plans)}
    return [Problem(f"plans[{index[p.id]}]", f"{p.name} is never the cheapest plan for any of "
                                              f"{checked} sample requests across seats and "
                                              f"metric ranges (fine if its features justify it)",
                    severity="warning")
            for p in priced if p.id not in winners]
