"""Rating one plan for one request into a bill: lines, discounts, total.

Order (DESIGN.md): flat fee + seats + each usage metric + add-ons, then discounts
(committed use on seats and usage, then the annual discount on recurring fees), then a
plan's monthly credit on what its usage lines still owe (``credit.py``), then a promotion on
what they leave (``promotions.py``), then the commitment true-up. Every line and every
discount is rounded once, half-up, to the
currency's minor unit; the total is the sum of the rounded figures.

Rating happens in two steps so that a quote, which needs the same plan billed monthly and
annually (for the saving), prices each charge once: ``monthly_lines`` runs the pricing
models and checks the plan's limits; ``bill_for`` turns those monthly charges into the bill
of a billing period. A cost curve (``curve_totals``) likewise rates what does not depend on
its quantity once for all its points, and what depends on it alone (the seat lines at each
seat count, one metric's line at each quantity) is kept in the catalog's ``curve_parts``, so
the next curve, after an edit of something else, reuses it. The hot-path records are plain
slotted dataclasses: a quote builds a few dozen of them and frozen dataclasses cost several
times more to create.
"""

from dataclasses import dataclass
from decimal import Decimal

from . import commitment as committed
from .allowances import (addon_units, grown_allowances, grows_with_seats, per_seat_note,
                         with_allowance)
from .billing import offered
from .catalog import FULL_SEATS
from .credit import credit_drawn, credit_label
from .errors import QuoteError
from .models import rate_charge
from .locale import _
from .money import ZERO, format_money, format_percent, format_quantity, round_money
from .promotions import amount_off, promotion_for
from .promotions import label as promotion_label
from .suggest import did_you_mean
from .units import MONTH_UNITS, PERIOD_UNITS, SEAT_UNITS, counted, of_metric

ONE = Decimal(1)
SEATS = "seats"  # what a cost curve varies when it is not a metric
CURVE_PARTS_KEPT = 10_000  # points' parts remembered per catalog (then forgotten at once)


@dataclass(slots=True)
class Line:
    kind: str  # flat | seats | free_seats | seat_kind | usage | addon | true_up
    label: str
    quantity: object  # Decimal: units per month (the line bills ``months`` of them)
    unit: str
    unit_price: object  # Decimal or None (several tier prices)
    amount: object  # Decimal, rounded, for the whole period
    monthly: object  # Decimal, unrounded charge for one month
    months: int = 1
    discountable: bool = False
    metric: str | None = None
    included: object = ZERO
    billable: object = None  # quantity the model priced (after minimum and allowance)
    tiers: tuple = ()
    packages: object = None
    package_size: object = None
    requested: object = None  # seats asked for, before the plan minimum
    notes: tuple = ()
    unit_one: str | None = None  # ``unit`` in the singular, when it has one ("seat")

    @property
    def units(self):
        """``(singular, plural)`` of the line's unit, as ``calculator.units.counted`` takes."""
        return (self.unit_one or self.unit, self.unit)

    def for_months(self, months, currency):
        """The same charge billed for ``months`` months, rounded once."""
        return Line(self.kind, self.label, self.quantity, self.unit, self.unit_price,
                    round_money(self.monthly * months, currency), self.monthly, months,
                    self.discountable, self.metric, self.included, self.billable, self.tiers,
                    self.packages, self.package_size, self.requested, self.notes, self.unit_one)


@dataclass(slots=True)
class Discount:
    kind: str  # commitment | annual | credit | promotion
    label: str
    rate: object  # Decimal; None for a credit or a promotion of an amount off (money, not a rate)
    amount: object  # Decimal, negative or zero, rounded


@dataclass(slots=True)
class Bill:
    """A priced plan for one billing period, or ``custom_reason`` to contact sales."""

    plan: object
    request: object
    billing: str = "monthly"
    lines: tuple = ()
    discounts: tuple = ()
    total: object = None
    custom_reason: str | None = None
    promotion: object = None  # the Promotion on the bill (promotions.py)
    then: object = None  # Decimal: the total once a promotion for some months has ended
    commitment: object = None  # the commitment level chosen (catalog.Commitment)

    @property
    def priced(self):
        return self.custom_reason is None

    @property
    def months(self):
        return 12 if self.billing == "annual" else 1

    @property
    def trued_up(self):
        """Raised to the commitment's minimum (a true-up line)."""
        return any(line.kind == "true_up" for line in self.lines)


class Custom(str):
    """``monthly_lines``' answer when a quantity needs sales: the reason, as text."""


def rate_plan(catalog, plan, request):
    """The bill of ``plan`` for a checked ``request``, billed as the request says, in its
    currency; raises ``QuoteError`` when the request breaks one of the plan's limits or asks
    for a billing the plan is not offered on."""
    catalog, plan = priced_at(catalog, plan, request)
    return bill_for(catalog, plan, request, monthly_lines(catalog, plan, request),
                    request.billing)


def priced_at(catalog, plan, request):
    """``(catalog, plan)`` at the request's prices: the price book of its currency, with the
    plans and add-ons at its billing's prices (``billing.py``); ``QuoteError`` when the plan is
    not offered on that billing. Every rating of a request starts here."""
    offered(plan, request.billing)
    view = catalog.book(request.currency).at(request.billing)
    return view, view.plan(plan.id)


def monthly_lines(catalog, plan, request):
    """Every charge of ``plan`` for one month, unrounded inside and rounded per line; or a
    ``Custom`` reason when the plan or a quantity has no list price."""
    if plan.custom:
        return Custom(_("The {plan} plan is priced for each customer: contact sales for a "
                        "quote.").format(plan=plan.name))
    seat_part = _seat_part(catalog, plan, request)
    if isinstance(seat_part, Custom):
        return seat_part
    seats = seat_part[1]
    usage = _usage_lines(catalog, plan, request.usage,
                         grown_allowances(catalog, plan, request, seats), seats)
    if isinstance(usage, Custom):
        return usage
    return _all_lines(catalog, plan, request, seat_part, usage)


def curve_totals(catalog, plan, request, metric, quantities):
    """``rate_plan(...).total`` of ``request`` with ``metric`` (``SEATS`` or a metric id) at
    each of ``quantities``, None where the plan cannot price it: the points of a cost curve.
    What does not depend on ``metric`` (the usage charges of a seat curve; the seats and the
    other metrics of a usage curve) is rated once for the whole curve, by the same functions."""
    try:
        catalog, plan = priced_at(catalog, plan, request)
        at_quantity = None if plan.custom else _curve_parts(catalog, plan, request, metric)
    except QuoteError:
        at_quantity = None
    if at_quantity is None:
        return [None] * len(quantities)
    totals = []
    for quantity in quantities:
        try:
            at, seat_part, usage = at_quantity(quantity)
            if isinstance(seat_part, Custom) or isinstance(usage, Custom):
                totals.append(None)
                continue
            lines = _all_lines(catalog, plan, at, seat_part, usage)
        except QuoteError:
            totals.append(None)
            continue
        totals.append(bill_for(catalog, plan, at, lines, at.billing).total)
    return totals


def _curve_parts(catalog, plan, request, metric):
    """``quantity -> (request, seat part, usage lines)`` along a curve of ``metric``, the part
    that does not depend on it rated here once; None when that part has no list price."""
    if metric == SEATS:
        kinds = tuple(request.seat_kinds.items())
        usage = None if grows_with_seats(catalog, plan, request) else _usage_lines(
            catalog, plan, request.usage, grown_allowances(catalog, plan, request, 0), 0)
        if isinstance(usage, Custom):
            return None

        def at_seats(quantity):
            at = request.with_seats(int(quantity))
            seat_part = _kept(catalog, (plan.id, SEATS, at.seats, kinds), _seat_part,
                              catalog, plan, at)
            if usage is not None or isinstance(seat_part, Custom):
                return at, seat_part, usage
            seats = seat_part[1]
            grown = grown_allowances(catalog, plan, at, seats)
            return at, seat_part, _usage_lines(catalog, plan, at.usage, grown, seats)
        return at_seats
    seat_part = _seat_part(catalog, plan, request)
    if isinstance(seat_part, Custom):
        return None
    seats = seat_part[1]
    grown = grown_allowances(catalog, plan, request, seats)
    others = _usage_lines(catalog, plan, {m: q for m, q in request.usage.items() if m != metric},
                          grown, seats)
    if isinstance(others, Custom):
        return None
    # what the line depends on besides the quantity: its grown allowance, and the seats it
    # grows with (its note counts them)
    depends = (grown.get(metric, 0), seats if metric in plan.usage and
               plan.usage[metric].included_per_seat else None)

    def at_usage(quantity):
        line = _kept(catalog, (plan.id, metric, quantity, depends), _usage_lines,
                     catalog, plan, {metric: quantity}, grown, seats)
        usage = line if isinstance(line, Custom) else others + line
        return request.with_usage(metric, quantity), seat_part, usage
    return at_usage


def _kept(catalog, key, rate, *args):
    """``rate(*args)``, remembered in ``catalog.curve_parts`` under ``key`` (all it depends on
    besides the catalog); a QuoteError is raised again each time, not remembered."""
    parts = catalog.curve_parts
    part = parts.get(key)
    if part is None:
        if len(parts) >= CURVE_PARTS_KEPT:
            parts.clear()
        part = parts[key] = rate(*args)
    return part


def _seat_part(catalog, plan, request):
    """``(seat lines, billed seat count)``, or a ``Custom`` reason."""
    lines = []
    if plan.seats is not None:
        seats = _seat_lines(catalog, plan, request, lines)
        if isinstance(seats, Custom):
            return seats
        return lines, seats
    if request.seat_kinds and any(request.seat_kinds.values()):
        raise QuoteError(_("The {plan} plan has no seat kinds.").format(plan=plan.name),
                         "seat_kinds")
    return lines, 0


def _usage_lines(catalog, plan, usage, grown, seats):
    """One line per metric of ``usage`` ({metric id: quantity}), each charge's allowance raised
    by ``grown`` ({metric id: units}; ``seats`` the full seats billed), or a ``Custom``
    reason."""
    lines = []
    for metric_id, quantity in usage.items():
        charge = plan.usage.get(metric_id)
        metric = catalog.metrics[metric_id]
        notes = per_seat_note(charge, metric, seats) if charge is not None else ()
        if charge is not None:
            charge = with_allowance(charge, grown.get(metric_id))
        if charge is None:
            if quantity:
                raise QuoteError(_("The {plan} plan does not include {metric}; choose a plan "
                                   "that does.").format(plan=plan.name, metric=metric.name),
                                 f"usage.{metric_id}")
            continue
        line = _usage_line(catalog, plan, metric, charge, quantity, notes)
        if line is None:
            return Custom(_("{usage} a month is beyond the list prices: contact sales for a "
                            "custom price.").format(usage=of_metric(quantity, metric)))
        lines.append(line)
    return lines


def _all_lines(catalog, plan, request, seat_part, usage):
    """The month's lines in bill order: flat fee, seats, usage, add-ons."""
    seat_lines, seats = seat_part
    lines = []
    if plan.flat:
        lines.append(Line("flat", _("{plan} plan").format(plan=plan.name), ONE, MONTH_UNITS[1], plan.flat,
                          round_money(plan.flat, catalog.currency), plan.flat,
                          discountable=plan.flat_discountable, unit_one=MONTH_UNITS[0]))
    lines += seat_lines
    lines += usage
    for addon_id in request.addons:
        lines.append(_addon_line(catalog, plan, catalog.addons[addon_id], request, seats))
    committed.level_of(plan, request)  # a level the plan offers, or a QuoteError
    return lines


def bill_for(catalog, plan, request, lines, billing, *, annual_discount=True):
    """The bill for one period from ``monthly_lines``: lines, discounts, true-up, total.
    ``annual_discount=False``: a year without the annual discount (a saving's yardstick)."""
    if isinstance(lines, Custom):
        return Bill(plan, request, billing, custom_reason=str(lines))
    currency = catalog.currency
    months = 12 if billing == "annual" else 1
    if months != 1:
        lines = [line.for_months(months, currency) for line in lines]
    level = committed.level_of(plan, request)
    discounts, owed = _discounts(catalog, plan, level, lines, months,
                                 annual_discount and billing == "annual")
    zero = round_money(ZERO, currency)  # "0.00" even for a bill without lines
    total = sum([line.amount for line in lines], zero) + sum([d.amount for d in discounts], zero)
    if plan.credit is not None:
        drawn = min(credit_drawn(plan.credit, lines, owed, months, currency), max(total, zero))
        if drawn:
            discounts += (Discount("credit", credit_label(plan.credit, catalog), None, -drawn),)
            total -= drawn
    promotion, then = promotion_for(catalog, plan, request), None
    off = amount_off(promotion, total, months, currency, request.month) if promotion else zero
    if off:
        rate = promotion.discount if promotion.amount_off is None else None
        discounts += (Discount("promotion", promotion_label(promotion, currency, months), rate,
                               -off),)
        then = total if promotion.months is not None else None
        total -= off
    else:
        promotion = None  # one that takes nothing off is not on the bill
    minimum = committed.minimum_of(level, months, currency) if level else None
    if minimum is not None:
        then = None if then is None else max(then, minimum)
        if total < minimum:
            lines = list(lines)
            lines.append(Line("true_up", _("Commitment minimum (true-up)"), ONE, PERIOD_UNITS[1],
                              None, minimum - total, ZERO, months,
                              notes=(_("the commitment bills at least {amount} for the period")
                                     .format(amount=format_money(minimum, currency)),),
                              unit_one=PERIOD_UNITS[0]))
            total = minimum
    return Bill(plan, request, billing, tuple(lines), discounts, total, None, promotion, then,
                level)


def _seat_lines(catalog, plan, request, lines):
    """Append the seat line (and the seat kinds' lines: their free seats, a priced kind's
    billed ones); return the billed (full) seat count, or a ``Custom`` reason when the count
    falls in a tier without a list price."""
    charge, currency = plan.seats, catalog.currency
    billed = request.seats
    if request.seat_kinds:
        billed, asked, notes = _seat_kinds(plan, request, billed)
    else:
        asked, notes = (), []
    requested = quantity = Decimal(billed)
    if charge.limit is not None and billed > charge.limit:
        raise QuoteError(_("The {plan} plan allows at most {seats}; choose a larger plan for "
                           "{requested}.").format(plan=plan.name,
                                                  seats=counted(charge.limit, SEAT_UNITS),
                                                  requested=format_quantity(requested)), "seats")
    if quantity < charge.minimum:
        notes.append(_("the plan bills at least {seats}").format(
            seats=counted(charge.minimum, SEAT_UNITS)))
        quantity = charge.minimum
    billable = quantity - charge.included if quantity > charge.included else ZERO
    rated = rate_charge(charge, billable)
    if rated.custom:
        return Custom(_("{seats} is beyond the list prices of the {plan} plan: contact sales "
                        "for a custom price.").format(seats=counted(requested, SEAT_UNITS),
                                                      plan=plan.name))
    lines.append(Line("seats", _("Seats"), quantity, SEAT_UNITS[1], rated.unit_price,
                      round_money(rated.amount, currency), rated.amount,
                      discountable=charge.discountable, included=charge.included,
                      billable=billable, tiers=rated.tiers, requested=requested,
                      notes=tuple(notes), unit_one=SEAT_UNITS[0]))
    lines.extend(_kind_lines(asked, charge, currency))
    return int(quantity)


def usage_charge(catalog, plan, request, metric):
    """``plan``'s charge for ``metric`` (None without one) with the allowance ``request`` grows
    it by at its seats: where a cost curve's usage kinks are."""
    charge = plan.usage.get(metric)
    if charge is None:
        return None
    try:
        catalog, plan = priced_at(catalog, plan, request)
        seat_part = _seat_part(catalog, plan, request)
    except QuoteError:
        return charge
    seats = 0 if isinstance(seat_part, Custom) else seat_part[1]
    return with_allowance(charge, grown_allowances(catalog, plan, request, seats).get(metric))


def billed_kind_seats(plan, request):
    """Seats the request's seat kinds add to the billed count on ``plan`` (guests beyond the
    free ones): where a cost curve over seats has its kinks. 0 where the plan cannot take them."""
    if plan.seats is None or not request.seat_kinds:
        return 0
    try:
        return _seat_kinds(plan, request, 0)[0]
    except QuoteError:
        return 0


def _seat_kinds(plan, request, billed):
    """``(billed, kinds, notes)``: the seats of a kind billed as full seats added to ``billed``,
    and ``(kind, free, paid)`` of each kind asked for (a priced kind's paid ones are billed on
    their own line at its price, apart from the plan's seats)."""
    kinds = {kind.id: kind for kind in plan.seats.kinds}
    asked, notes = [], []
    for kind_id, count in request.seat_kinds.items():
        if not count:
            continue  # "0 viewers" asks nothing of a plan, even one without viewers
        kind = kinds.get(kind_id)
        if kind is None:
            raise QuoteError(_("The {plan} plan has no seat kind '{kind}'{hint} (kinds: "
                               "{kinds}).").format(plan=plan.name, kind=kind_id,
                                                   hint=did_you_mean(kind_id, kinds),
                                                   kinds=", ".join(kinds) or _("none")),
                             f"seat_kinds.{kind_id}")
        name = kind.name.lower()
        if kind.limit is not None and count > kind.limit:
            raise QuoteError(_("The {plan} plan allows at most {count} {kind}.").format(
                plan=plan.name, count=format_quantity(Decimal(kind.limit)), kind=name),
                f"seat_kinds.{kind_id}")
        free = count if kind.free else min(count, kind.free_up_to or 0)
        if count > free and not kind.priced:
            billed += count - free
            notes.append(_("{count} {kind} beyond the {free} free are billed as seats").format(
                count=format_quantity(Decimal(count - free)), kind=name,
                free=format_quantity(Decimal(kind.free_up_to or 0))))
        asked.append((kind, free, count - free if kind.priced else 0))
    return billed, asked, notes


def _kind_lines(asked, charge, currency):
    """A zero line for each kind's free seats, so the buyer sees they are counted, and a line
    for a priced kind's paid ones ("7 guests × $10")."""
    lines = []
    for kind, free, paid in asked:
        name = kind.name.lower()
        if free:
            lines.append(Line("free_seats", _("{kind} (free)").format(kind=kind.name),
                              Decimal(free), name,
                              ZERO, ZERO, ZERO))
        if paid:
            monthly = kind.unit * paid
            lines.append(Line("seat_kind", kind.name, Decimal(paid), name, kind.unit,
                              round_money(monthly, currency), monthly,
                              discountable=charge.discountable))
    return lines


def _usage_line(catalog, plan, metric, charge, quantity, notes=()):
    if charge.limit is not None and quantity > charge.limit:
        raise QuoteError(_("The {plan} plan allows at most {usage} a month; choose a larger "
                           "plan.").format(plan=plan.name, usage=of_metric(charge.limit, metric)),
                         f"usage.{metric.id}")
    billed = quantity if quantity > charge.minimum else charge.minimum
    billable = billed - charge.included if billed > charge.included else ZERO
    rated = rate_charge(charge, billable)
    if rated.custom:
        return None
    return Line("usage", metric.name, quantity, metric.unit, rated.unit_price,
                round_money(rated.amount, catalog.currency), rated.amount,
                discountable=charge.discountable, metric=metric.id, included=charge.included,
                billable=billable, tiers=rated.tiers, packages=rated.packages,
                package_size=charge.package.size if charge.package else None,
                unit_one=metric.unit_one, notes=notes)


def _addon_line(catalog, plan, addon, request, seats):
    if addon.plans is not None and plan.id not in addon.plans:
        raise QuoteError(_("{addon} is not available on the {plan} plan.").format(
            addon=addon.name, plan=plan.name), "addons")
    units = addon_units(addon, request, seats)
    notes = ()
    if addon.quantity:  # named in the plural ("Phone numbers"): its units are that word
        monthly = addon.flat * units
        quantity, words, unit_price = units, (addon.name.lower(),) * 2, addon.flat
    elif addon.per_seat:
        monthly = addon.flat + addon.per_seat * units
        quantity, words, unit_price = units, SEAT_UNITS, None if addon.flat else addon.per_seat
        if addon.per_seat_for != (FULL_SEATS,):
            notes = (_seats_counted(plan, addon, request, seats),)
    else:
        monthly = addon.flat
        quantity, words, unit_price = ONE, MONTH_UNITS, addon.flat
    notes += tuple(_included_note(catalog, plan, addon, units))
    return Line("addon", addon.name, quantity, words[1], unit_price,
                round_money(monthly, catalog.currency), monthly, discountable=addon.discountable,
                notes=notes, unit_one=words[0])


def _seats_counted(plan, addon, request, seats):
    """The seats a per-seat add-on counts, when they are not just the full seats: "for 12
    seats and 5 guests"."""
    kinds = {kind.id: kind.name.lower() for kind in plan.seats.kinds} if plan.seats else {}
    parts = [counted(Decimal(seats), SEAT_UNITS) if counted_id == FULL_SEATS else
             f"{format_quantity(Decimal(request.seat_kinds.get(counted_id, 0)))} "
             f"{kinds.get(counted_id, counted_id)}"
             for counted_id in addon.per_seat_for]
    return _("for {seats}").format(seats=_(" and ").join(parts))


def _included_note(catalog, plan, addon, units):
    """What the add-on adds to allowances: "adds 200 GB to the Storage allowance"."""
    for metric_id, amount in addon.includes.items():
        if metric_id in plan.usage:
            metric = catalog.metrics[metric_id]
            yield _("adds {quantity} to the {metric} allowance").format(
                quantity=counted(amount * units, metric.units), metric=metric.name)


def _discounts(catalog, plan, level, lines, months, annual):
    """Committed-use then annual discount (``annual``: the bill takes it), each on the amounts
    left by the one before; and what each line still owes after them (unrounded), which a
    credit draws down. The committed-use discount comes off as much of the seat and usage
    lines of the ``months`` as the level covers (all of them, unless its overage is at list
    price: commitment.py)."""
    currency = catalog.currency
    steps = []
    if level is not None and level.discount:  # a bare minimum takes nothing off
        steps.append(("commitment", committed.discount_label(level, months, currency),
                      level.discount, lambda line: line.kind in ("seats", "seat_kind", "usage"),
                      committed.covers(level, months, currency)))
    if annual and plan.annual_discount:
        rate = plan.annual_discount
        label = _("Annual billing ({percent} off {what})").format(percent=format_percent(rate),
                                                                  what=_discounted(lines))
        steps.append(("annual", label,
                      rate, lambda line: line.discountable, None))
    remaining = [line.amount for line in lines]
    if not steps:
        return (), remaining
    discounts = []
    for kind, label, rate, applies, cover in steps:
        base = sum((remaining[i] for i, line in enumerate(lines) if applies(line)), ZERO)
        # the share of each line the rate reaches: all of it, or what the cover leaves
        reach = ONE if cover is None or base <= cover else cover / base
        for i, line in enumerate(lines):
            if applies(line):
                remaining[i] -= remaining[i] * rate * reach
        if base:
            amount = round_money(base * reach * rate, currency)
            discounts.append(Discount(kind, label, rate, -amount))
    return tuple(discounts), remaining


def _discounted(lines):
    """What the annual discount is off: "recurring fees", or, when some of them are not (a
    price written for yearly billing takes no discount on top), the ones that are: "the base
    fee", "the base fee and SSO"."""
    recurring = [line for line in lines if line.kind in ("flat", "seats", "seat_kind", "addon")]
    if all(line.discountable for line in recurring):
        return _("recurring fees")
    names = [{"flat": _("the base fee"), "seats": _("seats"), "seat_kind": line.label.lower()}
             .get(line.kind, line.label) for line in lines if line.discountable]
    return _(" and ").join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
