"""Plans side by side: ranking, break-even quantities and cost curves.

All three rate through the rating module (``rate_plan``; ``curve_totals``, which rates what a
curve does not vary once), so a chart or a "switch to X from N seats" hint can never disagree
with the quote itself.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise

from .allowances import grown_allowances, grows_with_seats
from .errors import QuoteError
from .locale import _, speaking
from .money import format_money, plain, round_money
from .rating import SEATS, billed_kind_seats, curve_totals, rate_plan, usage_charge
from .request import parse_request

MAX_STEPS_DRAWN = 100  # package steps drawn one by one up to this many in a curve's range


@dataclass(frozen=True)
class Ranked:
    plan: str
    name: str
    status: str  # priced | contact_sales | unavailable
    total: object = None
    monthly_equivalent: object = None
    reason: str | None = None

    def to_dict(self, currency):
        return {"plan": self.plan, "name": self.name, "status": self.status,
                "total": None if self.total is None else plain(self.total),
                "monthly_equivalent": None if self.monthly_equivalent is None
                else plain(self.monthly_equivalent),
                "display": None if self.total is None else format_money(self.total, currency),
                "reason": self.reason}


def _checked(catalog, request):
    """``(price book, request)``: the request checked, and the catalog at its currency's prices."""
    request = parse_request(catalog, request)
    return catalog.book(request.currency), request


@speaking
def compare(catalog, request):
    """Every plan for the same request, cheapest first; then contact-sales, then unavailable."""
    catalog, request = _checked(catalog, request)
    priced, custom, unavailable = [], [], []
    for plan in catalog.plans:
        try:
            bill = rate_plan(catalog, plan, request)
        except QuoteError as exc:
            unavailable.append(Ranked(plan.id, plan.name, "unavailable", reason=str(exc)))
            continue
        if not bill.priced:
            custom.append(Ranked(plan.id, plan.name, "contact_sales", reason=bill.custom_reason))
            continue
        monthly = round_money(bill.total / bill.months, catalog.currency)
        priced.append(Ranked(plan.id, plan.name, "priced", bill.total, monthly))
    priced.sort(key=lambda r: r.total)
    return priced + custom + unavailable


def _with_quantity(request, metric, quantity):
    if metric == SEATS:
        return request.with_seats(int(quantity))
    return request.with_usage(metric, quantity)


def _safe_total(catalog, plan, request):
    """The plan's total for the request; None where it cannot price it (contact sales, a
    limit, a metric it does not offer)."""
    try:
        return rate_plan(catalog, plan, request).total
    except QuoteError:
        return None


@speaking
def cost_curve(catalog, request, metric, quantities):
    """``{plan id: [total or None, ...]}`` over ``quantities`` of ``metric`` ("seats" or a
    metric id); None where a plan cannot price that point (a limit, contact sales)."""
    catalog, request = _checked(catalog, request)
    quantities = [Decimal(q) if not isinstance(q, Decimal) else q for q in quantities]
    curves = {}
    for plan in catalog.plans:
        if plan.custom:
            continue
        points = curve_totals(catalog, plan, request, metric, quantities)
        curves[plan.id] = [None if p is None else plain(p) for p in points]
    return curves


# A chart's far end: the first of these times a power of ten at or above twice the estimate.
NICE = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))


def nice_ceiling(value):
    """The smallest of 1, 2, 2.5 and 5 times a power of ten at or above ``value`` (> 0)."""
    value = Decimal(value)
    for exponent in (value.adjusted(), value.adjusted() + 1):
        for mantissa in NICE:
            if mantissa.scaleb(exponent) >= value:
                return mantissa.scaleb(exponent)
    raise AssertionError("unreachable: 10 x 10^n is at or above value")


@speaking
def curve_span(catalog, request, metric):
    """``(top, low, high)``: a cost curve of ``metric`` runs from 0 to ``top``, the nice number
    at or above twice the request's quantity (a quantity of 0 takes the metric's default, or
    five seats), so the estimate's dot stands in the left half of the chart among the tiers
    near it; its curves keep serving quantities from ``low`` to ``high`` (a fifth to four
    fifths of the way), whose dots stay clear of the chart's ends, so typing moves the dot
    along curves drawn once."""
    request = parse_request(catalog, request)
    if metric == SEATS:
        quantity, step, base = Decimal(request.seats), Decimal(1), Decimal(5)
    else:
        spec = catalog.metrics[metric]
        quantity, step = request.usage.get(metric, Decimal(0)), spec.step
        base = spec.default or step * 10
    top = nice_ceiling(2 * (quantity or base))
    top = max((top / step).to_integral_value(rounding="ROUND_CEILING") * step, step)
    return top, min(quantity, top / 5), top * 4 / 5


@speaking
def curve_quantities(catalog, request, metric, count=100):
    """Where to sample a cost curve of ``metric`` from 0 to ``curve_span``'s top (the
    estimate's neighbourhood). A bill is a straight line between the quantities where it
    changes slope or steps: tier edges on both sides (so steps and cliffs show sharply),
    package ends while few enough to draw, and for committed use the seat counts where the
    true-up starts or stops. A seat curve is exact with those alone (and its ends), so
    ``count`` evenly spaced points are added only when a plan's package steps are too narrow to
    draw one by one; a metric's curve always gets them (a commitment's true-up bends it between
    its edges)."""
    catalog, request = _checked(catalog, request)
    top = curve_span(catalog, request, metric)[0]
    step = Decimal(1) if metric == SEATS else catalog.metrics[metric].step
    edges = set()
    for plan in catalog.plans:
        edges |= {e for e in _edges(catalog, plan, metric, request) if e is not None}
    points = {Decimal(0), top}
    package_edges, all_drawn = _package_edges(catalog, request, metric, top, step)
    if metric != SEATS or not all_drawn:
        points |= {_snap(top * i / (count - 1), step) for i in range(count)}
    edges |= package_edges
    points |= {e for e in edges if 0 <= e <= top}
    points |= {e - step for e in edges if 0 <= e - step <= top}
    if metric == SEATS and request.commitment:
        points |= _true_up_edges(catalog, request, sorted(points))
    return sorted(points)


def _package_edges(catalog, request, metric, top, step):
    """Both sides of every package boundary up to ``top`` (a bill is flat inside a package and
    steps up at its end), for plans with few enough packages in that range for the steps to
    show; and whether every plan had (narrower ones are left to the sampling)."""
    edges, all_drawn = set(), True
    for plan in catalog.plans:
        charge = _charge(catalog, plan, metric, request)
        if charge is None or charge.package is None:
            continue
        if top / charge.package.size > MAX_STEPS_DRAWN:
            all_drawn = False
            continue
        start = charge.included - (billed_kind_seats(plan, request) if metric == SEATS else 0)
        first = max(0, int(-start / charge.package.size))  # guests may move steps below 0
        for k in range(first, int((top - start) / charge.package.size) + 2):
            end = start + k * charge.package.size
            edges |= {end, end + step}
    return edges, all_drawn


def _true_up_edges(catalog, request, counts):
    """Both sides of each seat count where a committed plan's bill stops being raised to its
    minimum (or starts again, past a volume cliff): it bends there, between its tier edges.
    ``counts`` are the curve's other points, between which each bill is a straight line, so
    the status flips at most once between two of them and bisection finds where."""
    edges = set()
    for plan in catalog.plans:
        if plan.custom or plan.commitment is None:
            continue

        def trued_up(seats):
            try:
                bill = rate_plan(catalog, plan, request.with_seats(int(seats)))
            except QuoteError:
                return None
            return bill.trued_up if bill.priced else None

        for (low, was), (high, now) in pairwise((n, trued_up(n)) for n in counts):
            if None in (was, now) or was == now:
                continue
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if trued_up(middle) == was else (low, middle)
            edges |= {low, high}
    return edges


@speaking
def break_even(catalog, request, other_plan, metric=SEATS, up_to=None):
    """The smallest quantity of ``metric`` from the request's own upwards at which
    ``other_plan`` costs less than the request's plan, or None below ``up_to``.

    Bills are piecewise linear between tier edges, so the search looks at each edge and
    bisects the first stretch where the order flips; package steps may hide a shorter
    crossing inside a stretch, which the bisection then finds approximately.
    """
    catalog, request = _checked(catalog, request)
    mine, theirs = catalog.plan(request.plan), catalog.plan(other_plan)
    if theirs is None:
        raise QuoteError(_("Unknown plan '{plan}'.").format(plan=other_plan), "plan")
    start = Decimal(request.seats) if metric == SEATS else request.usage.get(metric, Decimal(0))
    if up_to is None:
        up_to = Decimal(10_000) if metric == SEATS else catalog.metrics[metric].max
    step = Decimal(1) if metric == SEATS else catalog.metrics[metric].step
    edges = sorted({start, Decimal(up_to)} | {
        e for e in _edges(catalog, mine, metric, request) | _edges(catalog, theirs, metric, request)
        if start < e < up_to})

    def cheaper(quantity):
        req = _with_quantity(request, metric, quantity)
        a, b = _safe_total(catalog, mine, req), _safe_total(catalog, theirs, req)
        return a is not None and b is not None and b < a

    previous = None
    for edge in edges:
        if cheaper(edge):
            if previous is None:
                return edge
            low, high = previous, edge  # not cheaper at low, cheaper at high
            while high - low > step:
                middle = _snap(low + (high - low) / 2, step)
                if middle in (low, high):
                    break
                low, high = (low, middle) if cheaper(middle) else (middle, high)
            return high
        previous = edge
    return None


def _snap(quantity, step):
    return (quantity / step).to_integral_value() * step


def _edges(catalog, plan, metric, request):
    """Quantities where a plan's bill changes slope: tier edges shifted by the allowance and,
    for seats, by the request's seat kinds billed as seats (guests beyond the free ones)."""
    charge = _charge(catalog, plan, metric, request)
    if charge is None:
        return set()
    edges = {charge.minimum, charge.included}
    for tier in charge.tiers:
        if tier.up_to is not None:
            edges |= {tier.up_to + charge.included, tier.up_to + charge.included + 1}
    if charge.limit is not None:
        edges |= {charge.limit, charge.limit + 1}
    if metric == SEATS:
        edges |= _allowance_edges(catalog, plan, request)
        shift = billed_kind_seats(plan, request)
        edges = {e - shift for e in edges if e is not None}
    return edges


def _allowance_edges(catalog, plan, request):
    """Billed seat counts where a usage charge whose allowance grows with the seats (storage
    per seat) changes slope: where the grown allowance reaches the request's usage, or a tier
    edge beyond it."""
    if plan.custom or not grows_with_seats(catalog, plan, request):
        return set()
    at_none = grown_allowances(catalog, plan, request, 0)
    at_one = grown_allowances(catalog, plan, request, 1)
    edges = set()
    for metric_id, quantity in request.usage.items():
        charge = plan.usage.get(metric_id)
        per_seat = at_one.get(metric_id, 0) - at_none.get(metric_id, 0)
        if charge is None or not per_seat:
            continue
        start = charge.included + at_none.get(metric_id, 0)
        for bound in (0, *[t.up_to for t in charge.tiers if t.up_to is not None]):
            seats = (quantity - start - bound) / per_seat
            if seats > 0:
                edges |= {seats.to_integral_value(ROUND_FLOOR),
                          seats.to_integral_value(ROUND_CEILING)}
    return edges


def _charge(catalog, plan, metric, request):
    """The plan's charge for ``metric`` (its seat charge for ``SEATS``), a metric's with the
    allowance the request grows it by; None when it has none or prices only on request."""
    if plan.custom:
        return None
    return plan.seats if metric == SEATS else usage_charge(catalog, plan, request, metric)
