"""What the quote tells the buyer besides the price: next-tier nudges and usage alerts.

Transparency rules from the seeds: show the threshold that unlocks a lower price ("add 2
seats: every seat drops to $30"), warn at 50/75/90% of an allowance, and show overage
before the bill, with the cheaper plan when there is one.
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from .allowances import as_billed
from .credit import credit_left, credit_nudge
from .models import model_of, rate_charge
from .locale import _, ngettext
from .money import (ZERO, format_money, format_percent, format_price, format_quantity, plain,
                    round_money)
from .units import SEAT_UNITS, counted, unit_for

ALERT_LEVELS = (90, 75, 50)
NEAR = Decimal("0.2")  # nudge when the next tier starts within 20% of the current quantity
_HUNDRED = Decimal(100)


@dataclass(slots=True)
class Advice:
    kind: str
    message: str
    metric: str | None = None  # None = seats
    add: object = None  # Decimal: how much more unlocks the nudge
    level: int | None = None  # alert level in percent; a commitment nudge's level number
    percent: object = None  # Decimal: share of the allowance used
    saving: object = None  # Decimal: what a commitment nudge saves a year

    def to_dict(self):
        out = {"kind": self.kind, "metric": self.metric, "message": self.message}
        if self.add is not None:
            out["add"] = plain(self.add)
        if self.saving is not None:
            out["level"] = self.level
            out["saving"] = plain(self.saving)
        elif self.level is not None:
            out["level"] = self.level
            out["percent"] = plain(self.percent)
        return out


def nudges(catalog, bill, annual_saving):
    """Next-tier, minimum, package and annual-billing nudges for a priced bill."""
    out = []
    for line in bill.lines:
        if line.kind == "seats":
            out.extend(_tier_nudge(catalog, bill.plan.seats, line, SEAT_UNITS, None))
            if line.requested is not None and line.requested < line.quantity:
                spare = line.quantity - line.requested
                message = _("The {plan} plan bills at least {seats}: you can add {spare} more "
                            "at no extra cost.").format(plan=bill.plan.name,
                                                        seats=counted(line.quantity, SEAT_UNITS),
                                                        spare=format_quantity(spare))
                out.append(Advice("minimum", message, add=spare))
            out.extend(_free_kind_nudges(bill))
        elif line.kind == "usage":
            metric = catalog.metrics[line.metric]
            charge = as_billed(bill.plan.usage[line.metric], line)
            out.extend(_tier_nudge(catalog, charge, line, metric.units, metric))
            if line.packages:
                out.extend(_package_nudge(charge.package, line, metric))
    credit = bill.plan.credit
    if credit is not None:
        drawn = -sum((d.amount for d in bill.discounts if d.kind == "credit"), ZERO)
        left = credit_left(credit, drawn, bill.months, catalog.currency)
        if left > 0:
            out.append(Advice("credit", credit_nudge(credit, catalog, left), add=left))
    if bill.billing == "monthly" and annual_saving > 0:  # saving.py: never rounding
        out.append(Advice("annual", _("Pay yearly and save {amount} a year.").format(
            amount=format_money(annual_saving, catalog.currency))))
    return out


def _free_kind_nudges(bill):
    """A seat kind with free seats left: "3 more guests cost nothing extra: the first 5 are
    free." (none for a kind the buyer did not ask for)."""
    out = []
    for kind in bill.plan.seats.kinds:
        count = bill.request.seat_kinds.get(kind.id, 0)
        if kind.free_up_to and 0 < count < kind.free_up_to:
            spare = kind.free_up_to - count
            message = _("{spare} more {kind} cost nothing extra: the first {free} are "
                        "free.").format(spare=spare, kind=kind.name.lower(), free=kind.free_up_to)
            out.append(Advice("free_kind", message, add=Decimal(spare)))
    return out


def _package_nudge(package, line, metric):
    """What the started blocks leave free. Rounded up, the last block is paid whole: "7 more GB
    cost nothing extra". Rounded down, only full blocks are paid: the part block beyond them is
    free, and grows into a paid block (so no "more" is free to add)."""
    paid = line.packages * package.size
    size = counted(package.size, metric.units)
    if package.round == "down":
        part = line.billable - paid
        if not part:
            return []
        message = ngettext(
            "You pay for {count} full block of {size}: the part block of {part} beyond it is "
            "free until it is full.",
            "You pay for {count} full blocks of {size}: the part block of {part} beyond them "
            "is free until it is full.", line.packages)
        return [Advice("package", message.format(count=plain(line.packages), size=size,
                                                 part=counted(part, metric.units)),
                       metric=metric.id)]
    spare = paid - line.billable
    if not spare:
        return []
    paid_for = ngettext("You pay for {count} block of {size}:", "You pay for {count} blocks of "
                        "{size}:", line.packages).format(count=plain(line.packages), size=size)
    # a unit without a singular ("GB") may be a plural, so its verb stays plural
    verb_count = spare if metric.units[0] != metric.units[1] else 2
    free = ngettext("{spare} more {unit} costs nothing extra.",
                    "{spare} more {unit} cost nothing extra.", verb_count)
    message = f"{paid_for} " + free.format(spare=format_quantity(spare),
                                          unit=unit_for(spare, metric.units))
    return [Advice("package", message, metric=metric.id, add=spare)]


def _tier_nudge(catalog, charge, line, units, metric):
    """The next tier up, when it is near and lowers the unit price or needs sales."""
    model = model_of(charge)
    if not model.tiered or not line.tiers:
        return []
    index = line.tiers[-1].index
    if index + 1 >= len(charge.tiers):
        return []
    current, following = charge.tiers[index], charge.tiers[index + 1]
    step = metric.step if metric else Decimal(1)
    threshold = current.up_to + step
    add = threshold - line.billable
    if not line.billable or add > threshold * NEAR:
        return []  # only a threshold within reach is a useful nudge
    metric_id = metric.id if metric else None
    if following.custom:
        message = _("Above {quantity}, contact sales for a custom price.").format(
            quantity=counted(current.up_to + charge.included, units))
        return [Advice("custom_tier", message, metric=metric_id, add=add)]
    if following.unit >= current.unit:
        return []
    price = format_price(following.unit, catalog.currency)
    one, many = unit_for(1, units), unit_for(2, units)
    added = counted(add, units)
    if model.all_units:  # the next tier reprices every unit, so the charge may fall
        after = rate_charge(charge, line.billable + add).amount
        if after < line.monthly:
            drop = round_money(line.monthly - after, catalog.currency)
            message = _("Add {added} and every {one} costs {price}: the {many} charge falls by "
                        "{drop} a month.").format(added=added, one=one, price=price, many=many,
                                                  drop=format_money(drop, catalog.currency))
        else:
            message = _("Add {added} and every {one} costs {price}.").format(
                added=added, one=one, price=price)
        return [Advice("next_tier", message, metric=metric_id, add=add)]
    message = _("Add {added} and every {one} beyond {quantity} costs {price}.").format(
        added=added, one=one, quantity=format_quantity(current.up_to + charge.included),
        price=price)
    return [Advice("next_tier", message, metric=metric_id, add=add)]


def alerts(catalog, bill):
    """One alert per metric with an allowance: the highest of 50/75/90% reached, or overage
    (the cheaper plan, when there is one, is the quote's own line: ``cheaper_plan``)."""
    out = []
    for line in bill.lines:
        if line.kind != "usage" or not line.included:
            continue
        metric = catalog.metrics[line.metric]
        exact = line.quantity * _HUNDRED / line.included
        percent = exact.to_integral_value(rounding=ROUND_FLOOR)
        allowance = _("{metric} allowance ({included})").format(
            metric=metric.name, included=counted(line.included, metric.units))
        if line.quantity > line.included:
            over = line.quantity - line.included
            overage = format_money(round_money(line.monthly, catalog.currency), catalog.currency)
            message = _("You exceed the {allowance} by {over}: overage {amount} a month.").format(
                allowance=allowance, over=counted(over, metric.units), amount=overage)
            out.append(Advice("overage", message, metric=metric.id, level=100, percent=percent))
            continue
        for level in ALERT_LEVELS:
            if exact >= level:
                message = _("You use {percent} of the {allowance}.").format(
                    percent=format_percent(percent / _HUNDRED), allowance=allowance)
                out.append(Advice("usage", message, metric=metric.id, level=level,
                                  percent=percent))
                break
    return out

