"""Rating one plan for one request into a bill: lines, discounts, total.

Order (DESIGN.md): flat fee + seats + each usage metric + add-ons, then discounts
(committed use on seats and usage, then the annual discount on recurring fees), then the
commitment true-up. Every line and every discount is rounded once, half-up, to the
currency's minor unit; the total is the sum of the rounded figures.
"""

from dataclasses import dataclass
from decimal import Decimal

from .errors import QuoteError
from .models import rate_charge
from .suggest import did_you_mean
from .money import ZERO, format_money, format_quantity, plain, round_money


@dataclass(frozen=True)
class Line:
    kind: str  # flat | seats | free_seats | usage | addon | true_up
    label: str
    quantity: object  # Decimal: units per month (months x quantity are billed)
    unit: str
    unit_price: object  # Decimal or None (several tier prices)
    amount: object  # Decimal, rounded, for the whole period
    months: int = 1
    recurring: bool = True
    discountable: bool = False
    metric: str | None = None
    included: object = ZERO
    billable: object = None  # quantity the model priced (after minimum and allowance)
    tiers: tuple = ()
    packages: object = None
    package_size: object = None
    monthly: object = ZERO  # unrounded charge for one month (nudges and the curve use it)
    requested: object = None  # seats asked for, before the plan minimum
    notes: tuple = ()


@dataclass(frozen=True)
class Discount:
    kind: str  # commitment | annual
    label: str
    rate: object
    amount: object  # Decimal, negative, rounded


@dataclass(frozen=True)
class Bill:
    """A priced plan, or ``custom`` with the reason to contact sales."""

    plan: object
    request: object
    lines: tuple = ()
    discounts: tuple = ()
    total: object = None
    custom_reason: str | None = None

    @property
    def priced(self):
        return self.custom_reason is None


ONE = Decimal(1)


def _custom(plan, request, reason):
    return Bill(plan, request, custom_reason=reason)


def _plural(count, word):
    return word if count == 1 else word + "s"


def rate_plan(catalog, plan, request):
    """The bill of ``plan`` for a checked ``request``; raises ``QuoteError`` for limits."""
    if plan.custom:
        return _custom(plan, request, f"The {plan.name} plan is priced for each customer: "
                                      f"contact sales for a quote.")
    currency, months = catalog.currency, request.months
    lines = []
    if plan.flat:
        monthly = plan.flat
        lines.append(Line("flat", f"{plan.name} plan", ONE, "months", plan.flat,
                          round_money(monthly * months, currency), months,
                          discountable=True, monthly=monthly))
    seats = 0
    if plan.seats is None and any(request.seat_kinds.values()):
        raise QuoteError(f"The {plan.name} plan has no seat kinds.", "seat_kinds")
    if plan.seats is not None:
        seat_lines, seats = _seat_lines(catalog, plan, request)
        if seat_lines is None:
            return _custom(plan, request, seats)
        lines.extend(seat_lines)
    for metric_id, quantity in request.usage.items():
        charge = plan.usage.get(metric_id)
        metric = catalog.metrics[metric_id]
        if charge is None:
            if quantity:
                raise QuoteError(f"The {plan.name} plan does not include {metric.name}; "
                                 f"choose a plan that does.", f"usage.{metric_id}")
            continue
        line = _usage_line(catalog, plan, metric, charge, quantity, months)
        if line is None:
            return _custom(plan, request, f"{format_quantity(quantity)} {metric.unit} of "
                                          f"{metric.name} a month is beyond the list prices: "
                                          f"contact sales for a custom price.")
        lines.append(line)
    for addon_id in request.addons:
        lines.append(_addon_line(catalog, plan, addon_id, seats, months))
    discounts = _discounts(catalog, plan, request, lines)
    total = sum(line.amount for line in lines) + sum(d.amount for d in discounts)
    if request.commitment:
        minimum = round_money(plan.commitment.annual_minimum * months / 12, currency)
        if total < minimum:
            lines.append(Line("true_up", "Commitment minimum (true-up)", ONE, "periods",
                              None, minimum - total, months, recurring=False,
                              notes=(f"the commitment bills at least "
                                     f"{format_money(minimum, currency)} for the period",)))
            total = minimum
    return Bill(plan, request, tuple(lines), discounts, total)


def _seat_lines(catalog, plan, request):
    """Seat lines (billable, then free kinds) and the billed seat count, or (None, reason)."""
    charge, months, currency = plan.seats, request.months, catalog.currency
    known = {kind.id for kind in charge.kinds}
    for kind_id in request.seat_kinds:
        if kind_id not in known:
            raise QuoteError(f"The {plan.name} plan has no seat kind '{kind_id}'"
                             f"{did_you_mean(kind_id, known)} (kinds: {', '.join(sorted(known)) or 'none'}).",
                             f"seat_kinds.{kind_id}")
    billed = request.seats
    lines, notes = [], []
    for kind in charge.kinds:
        count = request.seat_kinds.get(kind.id, 0)
        if kind.limit is not None and count > kind.limit:
            raise QuoteError(f"The {plan.name} plan allows at most {kind.limit} "
                             f"{kind.name.lower()}.", f"seat_kinds.{kind.id}")
        free = count if kind.free else min(count, kind.free_up_to or 0)
        if count - free:
            billed += count - free
            notes.append(f"{count - free} {kind.name.lower()} beyond the "
                         f"{kind.free_up_to or 0} free are billed as seats")
        if free:
            lines.append(Line("free_seats", f"{kind.name} (free)", Decimal(free),
                              kind.name.lower(), ZERO, round_money(ZERO, currency),
                              months))
    if charge.limit is not None and billed > charge.limit:
        raise QuoteError(f"The {plan.name} plan allows at most {plain(charge.limit)} "
                         f"{_plural(charge.limit, 'seat')}; choose a larger plan for {billed}.",
                         "seats")
    quantity = Decimal(billed)
    if quantity < charge.minimum:
        notes.append(f"the plan bills at least {plain(charge.minimum)} seats")
        quantity = charge.minimum
    billable = max(quantity - charge.included, ZERO)
    rated = rate_charge(charge, billable)
    if rated.custom:
        return None, (f"{billed} seats is beyond the list prices of the {plan.name} plan: "
                      f"contact sales for a custom price.")
    seat_line = Line("seats", "Seats", quantity, "seats", rated.unit_price,
                     round_money(rated.amount * months, currency), months,
                     discountable=charge.discountable, included=charge.included,
                     billable=billable, tiers=rated.tiers, monthly=rated.amount,
                     requested=Decimal(billed), notes=tuple(notes))
    return [seat_line] + lines, int(quantity)


def _usage_line(catalog, plan, metric, charge, quantity, months):
    if charge.limit is not None and quantity > charge.limit:
        raise QuoteError(f"The {plan.name} plan allows at most {format_quantity(charge.limit)} "
                         f"{metric.unit} of {metric.name} a month; choose a larger plan.",
                         f"usage.{metric.id}")
    billed = max(quantity, charge.minimum)
    billable = max(billed - charge.included, ZERO)
    rated = rate_charge(charge, billable)
    if rated.custom:
        return None
    return Line("usage", metric.name, quantity, metric.unit, rated.unit_price,
                round_money(rated.amount * months, catalog.currency), months,
                recurring=False, discountable=charge.discountable, metric=metric.id,
                included=charge.included, billable=billable, tiers=rated.tiers,
                packages=rated.packages, monthly=rated.amount,
                package_size=charge.package.size if charge.package else None)


def _addon_line(catalog, plan, addon_id, seats, months):
    addon = catalog.addons[addon_id]
    if addon.plans is not None and plan.id not in addon.plans:
        raise QuoteError(f"{addon.name} is not available on the {plan.name} plan.", "addons")
    monthly = addon.flat + addon.per_seat * seats
    unit_price = addon.per_seat if addon.per_seat and not addon.flat else (
        addon.flat if not addon.per_seat else None)
    quantity = Decimal(seats) if addon.per_seat else ONE
    return Line("addon", addon.name, quantity, "seats" if addon.per_seat else "months", unit_price,
                round_money(monthly * months, catalog.currency), months, discountable=True,
                monthly=monthly)


def _discounts(catalog, plan, request, lines):
    """Committed-use then annual discount, each on the amounts left by the one before."""
    remaining = [line.amount for line in lines]
    discounts = []
    steps = []
    if request.commitment:
        if plan.commitment is None:
            raise QuoteError(f"The {plan.name} plan has no committed-use option.", "commitment")
        rate = plan.commitment.discount
        steps.append(("commitment", f"Committed use ({_percent(rate)} off seats and usage)", rate,
                      lambda line: line.kind in ("seats", "usage")))
    if request.billing == "annual" and plan.annual_discount:
        rate = plan.annual_discount
        steps.append(("annual", f"Annual billing ({_percent(rate)} off recurring fees)", rate,
                      lambda line: line.discountable))
    for kind, label, rate, applies in steps:
        base = ZERO
        for i, line in enumerate(lines):
            if applies(line):
                base += remaining[i]
                remaining[i] -= remaining[i] * rate
        if base:
            discounts.append(Discount(kind, label, rate, -round_money(base * rate, catalog.currency)))
    return tuple(discounts)


def _percent(rate):
    return f"{plain((rate * 100).normalize())}%"
