"""Catalog prices in words for the comparison table: "$45 per seat", "11–50: $40".

These describe the price *list* (tiers, allowances, limits), formatted by
``calculator.money``; amounts a customer pays come from ``calculator.quote``. Tier ranges
are worded by ``calculator.ranges``, as the quote words its own ("11–50", "over 1,000").
Prices, flat fees included, are shown as listed, never rounded (an amount on the bill is).
"""

from calculator.money import ZERO, format_price, format_quantity
from calculator.ranges import SEAT_STEP, tier_range, whole_units

SEAT_UNITS = ("seat", "seats")


def _units(quantity, units):
    one, many = units
    return f"{format_quantity(quantity)} {one if quantity == 1 else many}"


def tiers_text(charge, currency, step):
    """Each tier as "range: price", joined with " · "; custom tiers say "contact sales".
    ``step`` is the metric's (seats: 1): it decides whether ranges count whole units."""
    whole, tiers, parts = whole_units(charge, step), charge.tiers, []
    for index, tier in enumerate(tiers):
        if tier.custom:
            price = "contact sales"
        else:
            price = format_price(tier.unit, currency)
            if tier.flat:
                price += f" + {format_price(tier.flat, currency)} flat"
        below = tiers[index - 1].up_to if index else None
        parts.append(f"{tier_range(below, tier.up_to, whole, charge.included)}: {price}")
    return " · ".join(parts)


def model_text(charge, currency, units, step):
    """How units beyond any allowance are priced, or "" when they cost nothing."""
    one = units[0]
    if charge.pricing == "package":
        size = _units(charge.package.size, units)
        return f"{format_price(charge.package.price, currency)} per {size}"
    if charge.pricing in ("graduated", "volume"):
        kind = "graduated" if charge.pricing == "graduated" else "all-units volume"
        return f"per {one}, {kind}: {tiers_text(charge, currency, step)}"
    if charge.unit == ZERO:
        return ""
    return f"{format_price(charge.unit, currency)} per {one}"


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
    units = (metric.unit, metric.unit)
    parts = _allowance_then(charge, units, metric.step, currency) or ["Included"]
    if charge.limit is not None:
        parts.append(f"limit {_units(charge.limit, units)} a month")
    return _first_upper(", ".join(parts))


def _first_upper(text):
    """``text`` with its first letter upper-cased (``str.capitalize`` lowers the rest: "API")."""
    return text[:1].upper() + text[1:]


def _allowance_then(charge, units, step, currency):
    """``["<n units> included", "then <price>"]``: either alone when the other is missing."""
    parts = [f"{_units(charge.included, units)} included"] if charge.included else []
    price = model_text(charge, currency, units, step)
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
