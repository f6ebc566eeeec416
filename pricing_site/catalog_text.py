"""Catalog prices in words for the comparison table: "$45 per seat", "11–50: $40".

These describe the price *list* (tiers, allowances, limits), formatted by
``calculator.money``; amounts a customer pays come from ``calculator.quote``. The wording
matches the quote's own tier ranges ("11–50", "201 and up").
"""

from calculator.money import ZERO, format_price, format_quantity

SEAT_UNITS = ("seat", "seats")


def _units(quantity, units):
    one, many = units
    return f"{format_quantity(quantity)} {one if quantity == 1 else many}"


def tier_range(tiers, index):
    """"1–10", "201 and up", "up to 0.5", "over 1,000" for tier ``index``."""
    first = tiers[index - 1].up_to if index else ZERO
    last = tiers[index].up_to
    if first == first.to_integral_value() and (last is None or last == last.to_integral_value()):
        start = format_quantity(first + 1)
        return f"{start} and up" if last is None else f"{start}–{format_quantity(last)}"
    return f"over {format_quantity(first)}" if last is None else f"up to {format_quantity(last)}"


def tiers_text(tiers, currency):
    """Each tier as "range: price", joined with " · "; custom tiers say "contact sales"."""
    parts = []
    for index, tier in enumerate(tiers):
        if tier.custom:
            price = "contact sales"
        else:
            price = format_price(tier.unit, currency)
            if tier.flat:
                price += f" + {format_price(tier.flat, currency)} flat"
        parts.append(f"{tier_range(tiers, index)}: {price}")
    return " · ".join(parts)


def model_text(charge, currency, units):
    """How units beyond any allowance are priced, or "" when they cost nothing."""
    one = units[0]
    if charge.pricing == "package":
        size = _units(charge.package.size, units)
        return f"{format_price(charge.package.price, currency)} per {size}"
    if charge.pricing in ("graduated", "volume"):
        kind = "graduated" if charge.pricing == "graduated" else "all-units volume"
        return f"per {one}, {kind}: {tiers_text(charge.tiers, currency)}"
    if charge.unit == ZERO:
        return ""
    return f"{format_price(charge.unit, currency)} per {one}"


def seats_text(charge, currency):
    """The seat price of a plan: "$45 per seat", "Free", or the tier list."""
    if charge is None:
        return "Not sold per seat"
    text = model_text(charge, currency, SEAT_UNITS)
    return text[0].upper() + text[1:] if text else "Free"


def usage_text(charge, metric, currency):
    """A metric on one plan: allowance, then the overage price, then any hard limit."""
    units = (metric.unit, metric.unit)
    parts = []
    if charge.included:
        parts.append(f"{_units(charge.included, units)} included")
    overage = model_text(charge, currency, units)
    if overage:
        parts.append(f"then {overage}" if parts else overage)
    elif not parts:
        parts.append("Included")
    if charge.limit is not None:
        parts.append(f"limit {_units(charge.limit, units)} a month")
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


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
