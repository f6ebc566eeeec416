"""Warnings about a valid catalog that will surprise buyers: volume cliffs, idle plans,
annual prices dearer than monthly ones.

``validate`` prints these after the errors. They never stop a build: a cliff may be
deliberate, and a plan may be there for its features rather than its price.
"""

from decimal import ROUND_FLOOR, Decimal

from .errors import Problem, QuoteError
from .models import model_of, rate_charge
from .money import format_money, format_price, format_quantity, round_money
from .rating import rate_plan
from .request import Request
from .promotions import ended_promotions
from .units import SEAT_UNITS, costs, counted

_SEAT_SAMPLES = (0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
_USAGE_SEATS = (1, 5, 20)


def lint(catalog):
    """Warnings (``Problem`` with severity "warning") for ``catalog``."""
    return _cliffs(catalog) + _dearer_yearly(catalog) + _idle_plans(catalog) + \
        ended_promotions(catalog)


def _plan_path(catalog, book, plan):
    """Where a plan's entry in ``book`` is written: ``plans[1]``, ``price_books.EUR.plans.team``."""
    if book.currency == catalog.currency:
        return f"plans[{[p.id for p in catalog.plans].index(plan.id)}]"
    return f"price_books.{book.currency}.plans.{plan.id}"


def _said(catalog, book, billing):
    """What a warning adds about the prices it speaks of: " (EUR prices, billed yearly)"."""
    parts = [f"{book.currency} prices"] if book.currency != catalog.currency else []
    parts += ["billed yearly"] if billing == "annual" else []
    return f" ({', '.join(parts)})" if parts else ""


def _cliffs(catalog):
    """Cliffs in every price book, at the monthly prices and at annual prices written apart."""
    found = []
    for code in catalog.currencies:
        book = catalog.book(code)
        for billing in ("monthly", "annual"):
            found += _book_cliffs(catalog, book, billing)
    return found


def _book_cliffs(catalog, book, billing):
    prices = book.at(billing)
    said = _said(catalog, book, billing)
    found = []
    for plan in prices.plans:
        monthly = book.plan(plan.id)
        if plan.custom or (billing == "annual" and plan is monthly):
            continue  # no list price, or the same prices as monthly: warned about there
        # (where, units, charge, step, whole): seats are counted in whole numbers, usage not
        charges = [(("seats",), SEAT_UNITS, plan.seats, Decimal(1), True)] if plan.seats else []
        charges += [(("usage", m), book.metrics[m].units, c, book.metrics[m].step, False)
                    for m, c in plan.usage.items()]
        for path, units, charge, step, whole in charges:
            if charge is None or not model_of(charge).all_units:
                continue  # only all-units tiers reprice every unit, so only they have cliffs
            if billing == "annual" and charge.tiers == _same_charge(monthly, path).tiers:
                continue
            for i, (tier, following) in enumerate(zip(charge.tiers, charge.tiers[1:])):
                if tier.custom or following.custom:
                    continue
                lower = charge.tiers[i - 1].up_to if i else Decimal(0)
                warning = _cliff(book, charge, tier, lower, units, step, whole)
                if warning:
                    field = "%s.price.%s.tiers[%d]" % (_plan_path(catalog, book, plan),
                                                       ".".join(path), i + 1)
                    found.append(Problem(field, f"{plan.name}{said}: {warning}",
                                         severity="warning"))
    return found


def _same_charge(plan, path):
    return plan.seats if path == ("seats",) else plan.usage.get(path[-1])


def _dearer_yearly(catalog):
    """An annual price written above its monthly one: billed yearly, that part costs more than
    billed monthly, the opposite of what a buyer expects (fine when it is meant)."""
    found = []
    for code in catalog.currencies:
        book = catalog.book(code)
        annual = book.at("annual")
        if annual is book:
            continue
        for plan in book.plans:
            yearly = annual.plan(plan.id)
            if yearly is plan:
                continue
            for field, monthly_price, annual_price in _written_prices(plan, yearly):
                if annual_price > monthly_price:
                    found.append(_dearer(f"{_plan_path(catalog, book, plan)}.price.{field}",
                                         plan.name, book.currency, monthly_price, annual_price))
        for addon in book.addons.values():
            yearly = annual.addons[addon.id]
            where = ("addons" if code == catalog.currency else f"price_books.{code}.addons")
            for field in ("flat", "per_seat"):
                if getattr(yearly, field) > getattr(addon, field):
                    found.append(_dearer(f"{where}.{addon.id}.{field}", addon.name, book.currency,
                                         getattr(addon, field), getattr(yearly, field)))
    return found


def _dearer(field, name, currency, monthly, annual):
    return Problem(f"{field}.annual", f"{name}: the annual price "
                                      f"{format_price(annual, currency)} is above the monthly "
                                      f"{format_price(monthly, currency)}, so billed yearly it "
                                      f"costs more (fine if meant)", severity="warning")


def _written_prices(plan, yearly):
    """``(field, monthly price, annual price)`` of every price of ``plan``, beside ``yearly``
    (the same plan at its annual prices)."""
    yield "flat", plan.flat, yearly.flat
    charges = [("seats", plan.seats, yearly.seats)] if plan.seats else []
    charges += [(f"usage.{m}", c, yearly.usage[m]) for m, c in plan.usage.items()]
    for path, charge, annual in charges:
        yield f"{path}.unit", charge.unit, annual.unit
        for i, (tier, annual_tier) in enumerate(zip(charge.tiers, annual.tiers)):
            yield f"{path}.tiers[{i}].unit", tier.unit, annual_tier.unit
            yield f"{path}.tiers[{i}].flat", tier.flat, annual_tier.flat
        if charge.package is not None:
            yield f"{path}.package.price", charge.package.price, annual.package.price


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


def _samples(catalog, billing):
    """Requests spread over seats and each metric's range, usage on one metric at a time."""
    plan_id = catalog.plans[0].id
    for seats in _SEAT_SAMPLES:
        yield Request(plan_id, seats, {}, billing)
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
                yield Request(plan_id, seats, {metric.id: quantity}, billing)


def _idle_plans(catalog):
    priced = [p for p in catalog.plans if not p.custom]
    if len(priced) < 2:
        return []
    winners, checked = set(), 0
    # billed yearly too when that can change the order: a plan sold yearly only, or annual
    # prices written apart (a plan billed monthly and one yearly are not compared)
    yearly = any("monthly" not in p.billing for p in priced) or catalog.at("annual") is not catalog
    billings = ("monthly", "annual") if yearly else ("monthly",)
    for request in (r for billing in billings for r in _samples(catalog, billing)):
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
