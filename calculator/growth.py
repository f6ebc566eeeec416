"""How an estimate grows: the quantities of each month of a forecast.

``growth`` maps a quantity to its growth: ``seats``, a metric id, or a seat kind id, to a
monthly rate (``0.08`` = 8% a month; negative for a decline), the same rate in percent as a
person types it (``{"percent": "8"}``: the planner's fields) or ``{"target": 40}``, the
quantity reached in the last month. Month *m* (1..months) holds the starting quantity times
``(1 + rate) ** (m - 1)`` (with a target, the rate that reaches it:
``start * (target / start) ** ((m - 1) / (months - 1))``, exactly the target in the last month),
rounded half-up to the quantity's step: seats and seat kinds to whole units, a metric to its
``step``. Decimal throughout, so CPython and the browser's Pyodide give the same months.
"""

from decimal import ROUND_HALF_UP, Decimal, localcontext

from .errors import QuoteError
from .locale import _
from .money import format_percent, plain
from .suggest import did_you_mean
from .values import NotANumber, describe, to_decimal
from .written import read_written

SEATS = "seats"
MAX_MONTHS = 60
MAX_RATE = Decimal(10)      # 1,000% a month: anything above is a typo, not a plan
ONE = Decimal(1)


def _rate(key, name, value, start, months):
    """The monthly rate for ``key`` (``name``: what its messages call it): as written, in percent,
    or the one that reaches a target. A percent or a target is what a person types in the
    planner, read as the locale writes numbers ("8,5" in German); a rate is a program's."""
    target = percent = None
    if isinstance(value, dict):
        if len(value) != 1 or not set(value) <= {"target", "percent"}:
            raise QuoteError(_("Growth of {name}: write a monthly rate (0.08 for 8%), "
                               "{{\"percent\": 8}} or {{\"target\": N}}, got {value}.").format(
                name=name, value=describe(value)), f"growth.{key}")
        target, percent = value.get("target"), value.get("percent")
    try:
        number = read_written(_unsigned_percent(percent)) if percent is not None else \
            read_written(target) if target is not None else to_decimal(value)
    except NotANumber as exc:
        raise QuoteError(_("Growth of {name}: {problem}.").format(name=name, problem=exc),
                         f"growth.{key}") from None
    if percent is not None:
        if not -100 < number <= MAX_RATE * 100:
            raise QuoteError(_("Growth of {name}: {rate} a month is not a growth rate (from above "
                               "{low} to {high}).").format(
                name=name, rate=format_percent(number / 100), low=format_percent(-ONE),
                high=format_percent(MAX_RATE)), f"growth.{key}")
        return number / 100, None
    if target is None:
        if not -ONE < number <= MAX_RATE:
            raise QuoteError(_("Growth of {name}: {value} a month is not a growth rate (write "
                               "0.08 for 8% a month; between -1 and {high}).").format(
                name=name, value=describe(value), high=MAX_RATE), f"growth.{key}")
        return number, None
    if number < 0:
        raise QuoteError(_("Growth of {name}: the target cannot be negative.").format(name=name),
                         f"growth.{key}")
    if start == 0:
        raise QuoteError(_("Growth of {name}: it starts at 0, and nothing grows from nothing: "
                           "give a starting quantity above zero.").format(name=name),
                         f"growth.{key}")
    return None, number


def _unsigned_percent(text):
    """A percentage typed with its sign ("8%") is the number typed: the field says percent."""
    return text.strip().removesuffix("%") if isinstance(text, str) else text


def _horizon(months):
    """The horizon as a whole number of months, from an int or a text of one ("12")."""
    number = months
    if isinstance(months, str):
        try:
            number = read_written(months)
        except NotANumber:
            pass
        else:
            number = int(number) if number == number.to_integral_value() else months
    if type(number) is not int or not 1 <= number <= MAX_MONTHS:
        raise QuoteError(_("The horizon is a whole number of months from 1 to {most}, got "
                           "{value}.").format(most=MAX_MONTHS, value=describe(months)), "months")
    return number


def read_growth(catalog, plan, request, growth, months):
    """``(months, {key: (kind, start, rate, target, step)})``: the horizon as a whole number
    and each growing quantity's rule; raises ``QuoteError`` naming the field for an unknown
    quantity, a bad rate or horizon."""
    months = _horizon(months)
    if not isinstance(growth, dict):
        raise QuoteError(_("'growth' must be a mapping of quantity to monthly rate, got "
                           "{value}.").format(value=describe(growth)), "growth")
    kinds = {k.id: k.name.lower() for k in plan.seats.kinds} if plan.seats else {}
    rules = {}
    for key, value in growth.items():
        if key == SEATS:
            kind, start, step, name = SEATS, Decimal(request.seats), ONE, _("seats")
        elif key in catalog.metrics:
            metric = catalog.metrics[key]
            kind, start, step = "usage", request.usage.get(key, metric.default), metric.step
            name = metric.name
        elif key in kinds:
            kind, start, step = "seat_kinds", Decimal(request.seat_kinds.get(key, 0)), ONE
            name = kinds[key]
        else:
            known = [SEATS, *catalog.metrics, *sorted(kinds)]
            raise QuoteError(_("Growth of {key}: not a quantity of this estimate{hint} "
                               "(quantities: {known}).").format(
                key=describe(key), hint=did_you_mean(key, known), known=", ".join(known)),
                             "growth")
        # a rate grows nothing from nothing: a quantity at 0 stays there (the planner's growth
        # stands for every plan, and an estimate may leave a metric at 0); a target from 0 is
        # refused in _rate, as no rate reaches it
        rate, target = _rate(key, name, value, start, months)
        rules[key] = (kind, start, rate, target, step)
    return months, rules


def quantity_in_month(rule, month, months):
    """The quantity of one growing quantity in ``month`` (1-based), rounded to its step."""
    start, rate, target, step = rule[1:]
    with localcontext() as context:
        context.prec = 34
        if target is not None:
            exact = target if month == months else (
                start * (target / start) ** (Decimal(month - 1) / Decimal(months - 1)))
        else:
            exact = start * (ONE + rate) ** (month - 1)
        return (exact / step).to_integral_value(ROUND_HALF_UP) * step


def request_in_month(request, rules, month, months):
    """The estimate's request (as a dict, for ``quote()``) with every quantity of ``month``, for
    that month of the subscription (a promotion for its first months is on those only). Its
    quantities are numbers, not text: ``quote()`` reads text as the catalog's locale writes it,
    and "21.5" is no German number (German writes 21,5)."""
    out = {**request.to_dict("monthly"), "usage": dict(request.usage), "month": month}
    for key, rule in rules.items():
        quantity = quantity_in_month(rule, month, months)
        kind = rule[0]
        if kind == SEATS:
            out["seats"] = int(quantity)
        elif kind == "usage":   # 21.50 as 21.5, as the planner's table and the bill show it
            out["usage"] = {**out["usage"], key: Decimal(plain(quantity.normalize()))}
        else:
            out["seat_kinds"] = {**out.get("seat_kinds", {}), key: int(quantity)}
    return out
