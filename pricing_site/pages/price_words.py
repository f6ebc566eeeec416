"""Catalog prices in words for the comparison table: "$45 per seat", "11–50: $40".

These describe the price *list* (allowances, limits, seat kinds); amounts a customer pays
come from ``calculator.quote``. Prices, flat fees included, are shown as listed, never
rounded (an amount on the bill is).

How a model's own price reads ("$5 per 1,000 calls", "per seat, graduated: 1–10: $50 · ...")
is asked of the model (its ``words``, in the engine), not decided here: the words state the
model's rule, which only the model knows, so a new model brings its words with it and this
module names no model; and the engine already words money and tier ranges for the bill
(``calculator.money``, ``calculator.ranges``), so price list and bill say "11–50" alike.
"""

from calculator.models import model_of
from calculator.money import format_quantity
from calculator.ranges import SEAT_STEP
from calculator.units import SEAT_UNITS, counted


def seats_text(charge, currency):
    """The seat price of a plan: "$45 per seat", "Free", or the tier list, after the seats
    included as a metric's allowance is ("3 seats included, then ...": the tier ranges count
    on from them)."""
    if charge is None:
        return "Not sold per seat"
    text = ", ".join(_allowance_then(charge, SEAT_UNITS, SEAT_STEP, currency))
    return _first_upper(text) if text else "Free"


def usage_text(charge, metric, currency):
    """A metric on one plan: allowance, then the overage price, then any hard limit."""
    parts = _allowance_then(charge, metric.units, metric.step, currency) or ["Included"]
    if charge.limit is not None:
        parts.append(f"limit {counted(charge.limit, metric.units)} a month")
    return _first_upper(", ".join(parts))


def _first_upper(text):
    """``text`` with its first letter upper-cased (``str.capitalize`` lowers the rest: "API")."""
    return text[:1].upper() + text[1:]


def _allowance_then(charge, units, step, currency):
    """``["<n units> included", "then <price>"]``: either alone when the other is missing."""
    parts = [f"{counted(charge.included, units)} included"] if charge.included else []
    price = model_of(charge).words(charge, currency, units, step)  # "" when beyond is free
    if price:
        parts.append(f"then {price}" if parts else price)
    return parts


def kinds_text(charge):
    """Free and partly free seat kinds: "Viewers free · Guests: 5 free"."""
    if charge is None or not charge.kinds:
        return ""
    parts = []
    for kind in charge.kinds:
        if kind.free:
            parts.append(f"{kind.name} free")
        elif kind.free_up_to:
            parts.append(f"{kind.name}: {kind.free_up_to} free")
    return " · ".join(parts)


def percent(rate):
    """0.2 -> "20%"."""
    return f"{format_quantity((rate * 100).normalize())}%"


BILLED = {"monthly": "monthly", "annual": "yearly"}  # "billed yearly", as pages say it


def billing_words(billings):
    """How a plan is sold: "Monthly or yearly", "Yearly only"."""
    if len(billings) > 1:
        return "Monthly or yearly"
    return f"{BILLED[billings[0]].capitalize()} only"
