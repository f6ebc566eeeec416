"""The budget planner: an estimate grown month by month, each month priced by ``quote()``.

Every month is a single estimate at that month's quantities on monthly billing, so a month's
total is exactly what the calculator shows for it, and the horizon's total is their sum. Beside
the chosen plan's path the forecast gives:

- the months where the bill changes character (``crossings``): a quantity enters a new tier,
  passes its allowance, or the plan stops serving it (contact sales, a limit);
- every other plan over the same path (its total where it serves every month), the cheapest
  named, and the month where switching from the chosen plan pays, when one does;
- the same path billed yearly, where the plan offers it (a plan sold by the year only is
  forecast so itself: each year's first month pays its yearly bill, its other months their
  true-ups, below). A yearly bill is prepaid at the
  quantities of the year's first month (``quote()`` with yearly billing); growth beyond them is
  trued up month by month at the yearly prices: each month adds what that month's quantities
  cost at the yearly rate above what was prepaid for a month (one twelfth of the yearly bill),
  rounded to the currency, never less than nothing (use that falls is not refunded). A horizon
  that is not whole years bills its last year whole: a yearly bill covers twelve months;
- the same path with the plan's committed-use option, where it has one (monthly billing).
"""

from dataclasses import dataclass
from decimal import Decimal

from .compare import compare
from .errors import QuoteError
from .forecast_advice import advice
from .growth import read_growth, request_in_month
from .locale import _, speaking, using
from .money import ZERO, format_money, format_quantity, plain, round_money
from .quote import quote
from .rating import rate_plan
from .request import parse_request


@dataclass(frozen=True)
class Month:
    month: int
    request: dict          # the month's request, as quote() takes it
    quote: object = None   # the chosen plan's Quote; None when it cannot price the month
    reason: str | None = None
    charge: Decimal | None = None  # billed yearly: what the month pays (the year's bill or a true-up)
    yearly: bool = False

    @property
    def total(self):
        if self.quote is None or self.quote.status != "priced":
            return None
        return self.charge if self.yearly else self.quote.total

    @property
    def status(self):
        if self.quote is None:
            return "unavailable"
        return self.quote.status


def _price(catalog, request):
    try:
        return quote(catalog, request, alternatives=False), None
    except QuoteError as exc:
        return None, str(exc)


def _state(line):
    """What a crossing changes on a bill line: the last tier its quantity reaches, and
    whether it has passed its allowance."""
    reached = [use.index for use in line.tiers if use.quantity > 0]
    return (reached[-1] if reached else None, line.included > 0 and line.quantity > line.included)


def _crossing(month, line, kind):
    """A crossing in words, from the month's quote as the calculator shows it."""
    shown = next(d for d in month.quote.to_dict()["lines"]
                 if (d["kind"], d["metric"]) == (line.kind, line.metric))
    if kind == "tier":
        reached = [t for t in shown["tiers"] if Decimal(t["quantity"]) > 0][-1]
        text = _("{line} reach the {range} tier").format(line=shown["label"],
                                                         range=reached["range"])
    else:
        text = _("{line} passes the {included} {unit} included").format(
            line=shown["label"], included=shown["included"], unit=shown["unit"])
    return {"month": month.month, "kind": kind, "line": shown["label"], "text": text}


def _crossings(months):
    """What changes from one month to the next on the chosen plan."""
    found, before = [], {}
    for month in months:
        if month.total is None:
            if not found or found[-1]["kind"] not in ("contact_sales", "unavailable"):
                found.append({"month": month.month, "kind": month.status,
                              "text": month.reason or month.quote.message})
            continue
        for line in month.quote.lines:
            key, now = (line.kind, line.metric), _state(line)
            was = before.get(key)
            before[key] = now
            if was is None:
                continue
            if now[0] is not None and now[0] != was[0]:
                found.append(_crossing(month, line, "tier"))
            if now[1] and not was[1]:
                found.append(_crossing(month, line, "allowance"))
    return found


def _plan_paths(catalog, months, plan):
    """``{plan id: [monthly total or None, ...]}`` over the path, and each plan's first
    month it cannot price with why. Every plan billed monthly: a chosen ``plan`` sold by the
    year only (its own path is priced apart) is stood in for, as the request's plan, by the
    first plan sold monthly."""
    totals, stops = {}, {}
    monthly = plan.id if "monthly" in plan.billing else next(
        (p.id for p in catalog.plans if "monthly" in p.billing), plan.id)
    for index, month in enumerate(months):
        try:
            ranked_plans = compare(catalog, {**month.request, "plan": monthly})
        except QuoteError as exc:   # the month's quantities are beyond any plan
            for plan in catalog.plans:
                totals.setdefault(plan.id, [None] * len(months))
                stops.setdefault(plan.id, (month.month, "unavailable", str(exc)))
            continue
        for ranked in ranked_plans:
            totals.setdefault(ranked.plan, [None] * len(months))
            if ranked.status == "priced":
                totals[ranked.plan][index] = ranked.total
            elif ranked.plan not in stops:
                stops[ranked.plan] = (month.month, ranked.status, ranked.reason)
    return totals, stops


def _best_switch(chosen, totals):
    """``(cost, month, plan)``: staying on ``chosen`` up to a month, then another plan to the
    end, at its cheapest; None when no switch can serve the path."""
    own, best = totals[chosen], None
    horizon = len(own)
    for plan, path in totals.items():
        if plan == chosen:
            continue
        for start in range(1, horizon):     # the switch month is start + 1
            head, tail = own[:start], path[start:]
            if None in head or None in tail:
                continue
            cost = sum(head, ZERO) + sum(tail, ZERO)
            if best is None or cost < best[0]:
                best = (cost, start + 1, plan)
    return best


def _total(catalog, plan, request):
    """The bill's total for ``request`` (a dict) as ``quote()`` would give it, without the
    quote's words; ``(None, why)`` when the plan cannot price it."""
    try:
        bill = rate_plan(catalog, plan, parse_request(catalog, request))
    except QuoteError as exc:
        return None, str(exc)
    return (bill.total, None) if bill.priced else (None, bill.custom_reason)


def _yearly(catalog, plan, months, currency):
    """The path billed yearly (see the module's docstring), or ``(None, why)``."""
    total = ZERO
    for first in range(0, len(months), 12):
        # each year's bill, and what its months are trued up against, is for the year from
        # the subscription's month first + 1 (a promotion's months fall in the first year)
        year = {"billing": "annual", "month": first + 1}
        prepaid, reason = _total(catalog, plan, {**months[first].request, **year})
        if prepaid is None:
            return None, reason
        total += prepaid
        for month in months[first + 1:first + 12]:
            now, reason = _total(catalog, plan, {**month.request, **year})
            if now is None:
                return None, reason
            total += _true_up(now, prepaid, currency)
    return total, None


def _true_up(now, prepaid, currency):
    """What a month of a yearly bill adds: its quantities' yearly price above the month's
    share of what was prepaid, rounded; never less than nothing (no refund)."""
    return round_money(max(ZERO, (now - prepaid) / 12), currency)


def _billed_yearly(catalog, requests):
    """The chosen plan's months when it is sold by the year only (``requests``: each month's):
    each year's first month prices the year (its quote billed yearly, its total the month's
    charge), each other month its true-up against that bill: ``_yearly``'s path, month by
    month."""
    out = []
    for first in range(0, len(requests), 12):
        year, prepaid = {"billing": "annual", "month": first + 1}, None
        for number, request in enumerate(requests[first:first + 12], first + 1):
            priced, reason = _price(catalog, {**request, **year})
            charge = None   # a month after an unpriced first one has no bill to true up
            if priced is not None and priced.status == "priced":
                if number == first + 1:
                    charge = prepaid = priced.total
                elif prepaid is not None:
                    charge = _true_up(priced.total, prepaid, priced.currency)
            out.append(Month(number, request, priced, reason, charge, yearly=True))
    return out


def _path_total(path):
    """``(total, None)`` of months all priced, else ``(None, why)`` for the first that is not."""
    for month in path:
        if month.total is None:
            return None, month.reason or (month.quote.message if month.quote else None)
    return sum((month.total for month in path), ZERO), None


def _committed(catalog, plan, months):
    total = ZERO
    for month in months:
        priced, reason = _total(catalog, plan, {**month.request, "commitment": True})
        if priced is None:
            return None, reason
        total += priced
    return total, None


@dataclass(frozen=True)
class Forecast:
    catalog: object
    plan: object
    currency: str
    months: tuple
    crossings: tuple
    plans: dict            # plan id -> [monthly total or None]
    stops: dict            # plan id -> (month, status, reason)
    yearly: tuple          # (total or None, reason)
    committed: tuple | None
    billing: str = "monthly"   # how the months are billed: "annual" for a plan sold so only

    @property
    def total(self):
        totals = [m.total for m in self.months]
        return None if None in totals else sum(totals, ZERO)

    def to_dict(self):
        """The forecast as JSON-ready data, its words in its catalog's locale."""
        with using(self.catalog.locale):
            return self._dict()

    def _dict(self):
        money = (lambda v: None if v is None else plain(v))
        shown = (lambda v: None if v is None else format_money(v, self.currency))
        names = {p.id: p.name for p in self.catalog.plans}
        plans = []
        for plan_id in (p.id for p in self.catalog.plans if p.id in self.plans):
            path = self.plans[plan_id]
            total = None if None in path else sum(path, ZERO)
            stop = self.stops.get(plan_id)
            plans.append({"plan": plan_id, "name": names.get(plan_id, plan_id), "total": money(total),
                          "display": {"total": shown(total)},
                          "stops": None if stop is None else
                          {"month": stop[0], "status": stop[1], "reason": stop[2]}})
        serving = [p for p in plans if p["total"] is not None]
        cheapest = min(serving, key=lambda p: Decimal(p["total"]))["plan"] if serving else None
        switch = _best_switch(self.plan.id, self.plans) if self.plan.id in self.plans else None
        best_single = min((Decimal(p["total"]) for p in serving), default=None)
        if switch is not None and best_single is not None and switch[0] >= best_single:
            switch = None
        total = self.total
        yearly_total, yearly_reason = self.yearly
        out = {
            "plan": self.plan.id, "plan_name": self.plan.name, "currency": self.currency,
            "billing": self.billing, "months": [self._month_dict(m) for m in self.months],
            "total": money(total), "crossings": list(self.crossings), "plans": plans,
            "cheapest": cheapest,
            "switch": None if switch is None else {
                "month": switch[1], "plan": switch[2], "name": names.get(switch[2], switch[2]),
                "total": money(switch[0]), "display": {"total": shown(switch[0])}},
            "yearly": {"total": money(yearly_total), "reason": yearly_reason,
                       "display": {"total": shown(yearly_total)}},
            "committed": None,
            "display": {"total": shown(total)},
        }
        if self.committed is not None:
            committed_total, committed_reason = self.committed
            out["committed"] = {"total": money(committed_total), "reason": committed_reason,
                                "display": {"total": shown(committed_total)}}
        out["advice"] = advice(out, self.currency)
        return out

    def _month_dict(self, month):
        request = month.request
        return {"month": month.month, "seats": request["seats"],
                "usage": {k: plain(v) for k, v in request.get("usage", {}).items()},
                "seat_kinds": dict(request.get("seat_kinds", {})),
                "status": month.status, "total": None if month.total is None else plain(month.total),
                "reason": month.reason or (None if month.quote is None or month.total is not None
                                           else month.quote.message),
                "display": {"total": None if month.total is None
                            else format_money(month.total, self.currency),
                            **_shown_quantities(request)}}


def _shown_quantities(request):
    """A month's quantities as the planner's table shows them ("150,000", "26.5")."""
    shown = lambda value: format_quantity(Decimal(value))  # noqa: E731
    return {"seats": shown(request["seats"]),
            "usage": {k: shown(v) for k, v in request.get("usage", {}).items()},
            "seat_kinds": {k: shown(v) for k, v in request.get("seat_kinds", {}).items()}}


@speaking
def forecast(catalog, request, growth=None, months=12):
    """``request`` (the estimate, as ``quote()`` takes it) grown by ``growth`` over ``months``
    (see ``calculator.growth``), each month priced by ``quote()`` on monthly billing (a plan
    sold by the year only: its yearly bills and their true-ups, ``_billed_yearly``); raises
    ``QuoteError`` naming the field for a bad request, growth or horizon."""
    start = parse_request(catalog, request)
    plan = catalog.plan(start.plan)
    months, rules = read_growth(catalog, plan, start, growth or {}, months)
    requests = [request_in_month(start, rules, number, months) for number in range(1, months + 1)]
    billing = "annual" if plan.billing == ("annual",) else "monthly"
    if billing == "annual":   # sold by the year only: its months are its yearly bills
        path = _billed_yearly(catalog, requests)
    else:
        path = [Month(number, request, *_price(catalog, request))
                for number, request in enumerate(requests, 1)]
    currency = next((m.quote.currency for m in path if m.quote is not None), catalog.currency)
    totals, stops = _plan_paths(catalog, path, plan)
    if billing == "annual":   # the other plans' paths are monthly; its own is the one above
        totals[plan.id] = [month.total for month in path]
        stops.pop(plan.id, None)
    if plan.custom:
        yearly = (None, _("The {plan} plan is priced on request.").format(plan=plan.name))
    elif billing == "annual":   # its months are the path billed yearly: rated once, above
        yearly = _path_total(path)
    else:
        yearly = _yearly(catalog, plan, path, currency)
    committed = _committed(catalog, plan, path) if plan.commitment is not None else None
    return Forecast(catalog, plan, currency, tuple(path), tuple(_crossings(path)), totals, stops,
                    yearly, committed, billing)
