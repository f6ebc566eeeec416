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

from dataclasses import replace
from decimal import Decimal

from calculator.catalog import FULL_SEATS
from calculator.credit import paid_for
from calculator.models import model_of
from calculator.money import ZERO, format_price, format_quantity
from calculator.ranges import SEAT_STEP
from calculator.units import SEAT_UNITS, counted, of_metric

from .words import _


def seats_text(charge, currency):
    """The seat price of a plan: "$45 per seat", "Free", or the tier list, after the seats
    included as a metric's allowance is ("3 seats included, then ...": the tier ranges count
    on from them)."""
    if charge is None:
        return _("Not sold per seat")
    text = ", ".join(_allowance_then(charge, SEAT_UNITS, SEAT_STEP, currency))
    return _first_upper(text) if text else _("Free")


def usage_text(charge, metric, currency):
    """A metric on one plan: allowance, then the overage price, then any hard limit."""
    parts = _allowance_then(charge, metric.units, metric.step, currency) or [_("Included")]
    if charge.limit is not None:
        parts.append(_("limit {amount} a month").format(amount=counted(charge.limit, metric.units)))
    return _first_upper(", ".join(parts))


def _first_upper(text):
    """``text`` with its first letter upper-cased (``str.capitalize`` lowers the rest: "API")."""
    return text[:1].upper() + text[1:]


def _allowance_then(charge, units, step, currency):
    """``["<n units> included", "then <price>"]``: either alone when the other is missing."""
    allowance = [counted(charge.included, units)] if charge.included else []
    if charge.included_per_seat:  # an allowance that grows with the seats billed
        allowance.append(_("{amount} per seat").format(
            amount=counted(charge.included_per_seat, units)))
    parts = [_("{amount} included").format(amount=" + ".join(allowance))] if allowance else []
    model = model_of(charge)
    if charge.included_per_seat and model.tiered:
        # the allowance's total depends on the seats: tiers count what lies beyond it
        price = model.words(replace(charge, included=ZERO), currency, units, step)
        price = price and _("beyond it {price}").format(price=price)
    else:
        price = model.words(charge, currency, units, step)  # "" when beyond is free
    if price:
        parts.append(_("then {price}").format(price=price) if parts else price)
    return parts


def kinds_text(charge, currency):
    """The seat kinds that are not simply full seats: "Viewers free · Guests: 5 free, then $5
    each"."""
    if charge is None or not charge.kinds:
        return ""
    return " · ".join(f"{kind.name}{' ' if kind.free else ': '}{kind_price(kind, currency)}"
                      for kind in charge.kinds if kind_price(kind, currency))


def kind_price(kind, currency):
    """What a seat of a kind costs, a month: "free", "$5 each", "5 free, then $5 each", "5 free,
    then billed as seats"; "" for a kind billed as full seats throughout."""
    if kind.free:
        return _("free")
    price = (_("{price} each").format(price=format_price(kind.unit, currency)) if kind.priced
             else _("billed as seats"))
    if kind.free_up_to:
        return _("{count} free, then {price}").format(
            count=format_quantity(Decimal(kind.free_up_to)), price=price)
    return price if kind.priced else ""


def addon_text(addon, plan, catalog):
    """An add-on on one plan: "$100 a month", "$3 per seat a month, guests included", "$4 a
    month each, up to 10", then what it adds to an allowance ("each adds 100 GB of Storage")."""
    currency = catalog.currency
    parts = []
    if addon.flat:
        price = format_price(addon.flat, currency)
        parts.append(_("{price} a month each").format(price=price) if addon.quantity
                     else _("{price} a month").format(price=price))
    if addon.per_seat:
        parts.append(_per_seat(format_price(addon.per_seat, currency), addon, plan))
    text = " + ".join(parts) or _("Free")
    if addon.max is not None:
        text += _(", up to {count}").format(count=format_quantity(Decimal(addon.max)))
    adds = [of_metric(amount, catalog.metrics[m]) for m, amount in addon.includes.items()
            if m in plan.usage]
    if adds:
        adds = _(" and ").join(adds)
        text += (_("; each adds {amount}") if addon.quantity or addon.per_seat
                 else _("; adds {amount}")).format(amount=adds)
    return text


def _per_seat(price, addon, plan):
    """"$3 per seat a month", "$3 per seat a month, guests included", "$3 a month each for
    guests": the seats a per-seat add-on counts on ``plan`` (kinds by their names there)."""
    kinds = {kind.id: kind.name.lower() for kind in plan.seats.kinds} if plan.seats else {}
    named = _(" and ").join(kinds[k] for k in addon.per_seat_for if k in kinds)
    if FULL_SEATS not in addon.per_seat_for:
        return (_("{price} a month each for {kinds}").format(price=price, kinds=named) if named
                else _("{price} per seat a month").format(price=price))
    if named:
        return _("{price} per seat a month, {kinds} included").format(price=price, kinds=named)
    return _("{price} per seat a month").format(price=price)


def credit_text(credit, catalog):
    """A plan's monthly credit: "$10 a month toward Compute hours"."""
    return _("{price} a month toward {usage}").format(
        price=format_price(credit.amount, catalog.currency), usage=paid_for(credit, catalog))


def percent(rate):
    """0.2 -> "20%"."""
    return f"{format_quantity((rate * 100).normalize())}%"


def billed(billing):
    """"billed yearly", as pages say it."""
    return _("billed yearly") if billing == "annual" else _("billed monthly")


def billing_words(billings):
    """How a plan is sold: "Monthly or yearly", "Yearly only"."""
    if len(billings) > 1:
        return _("Monthly or yearly")
    return _("Yearly only") if billings[0] == "annual" else _("Monthly only")
