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
from .money import ZERO, format_money, format_price, format_quantity, plain, round_money
from .units import SEAT_UNITS, costs, counted, unit_for

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
                out.append(Advice("minimum", f"The {bill.plan.name} plan bills at least "
                                             f"{counted(line.quantity, SEAT_UNITS)}: you can add "
                                             f"{format_quantity(spare)} more at no extra cost.",
                                  add=spare))
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
        out.append(Advice("annual", f"Pay yearly and save "
                                    f"{format_money(annual_saving, catalog.currency)} a year."))
    return out


def _free_kind_nudges(bill):
    """A seat kind with free seats left: "3 more guests cost nothing extra: the first 5 are
    free." (none for a kind the buyer did not ask for)."""
    out = []
    for kind in bill.plan.seats.kinds:
        count = bill.request.seat_kinds.get(kind.id, 0)
        if kind.free_up_to and 0 < count < kind.free_up_to:
            spare = kind.free_up_to - count
            out.append(Advice("free_kind", f"{spare} more {kind.name.lower()} cost nothing extra: "
                                           f"the first {kind.free_up_to} are free.",
                              add=Decimal(spare)))
    return out


def _package_nudge(package, line, metric):
    """What the started blocks leave free. Rounded up, the last block is paid whole: "7 more GB
    cost nothing extra". Rounded down, only full blocks are paid: the part block beyond them is
    free, and grows into a paid block (so no "more" is free to add)."""
    blocks = "block" if line.packages == 1 else "blocks"
    paid = line.packages * package.size
    size = counted(package.size, metric.units)
    if package.round == "down":
        part = line.billable - paid
        if not part:
            return []
        them = "it" if line.packages == 1 else "them"
        return [Advice("package", f"You pay for {plain(line.packages)} full {blocks} of {size}: "
                                  f"the part block of {counted(part, metric.units)} beyond {them} "
                                  f"is free until it is full.", metric=metric.id)]
    spare = paid - line.billable
    if not spare:
        return []
    return [Advice("package", f"You pay for {plain(line.packages)} {blocks} of {size}: "
                              f"{format_quantity(spare)} more {unit_for(spare, metric.units)} {costs(spare, metric.units)} "
                              f"nothing extra.",
                   metric=metric.id, add=spare)]


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
        return [Advice("custom_tier", f"Above {counted(current.up_to + charge.included, units)}, "
                                      f"contact sales for a custom price.",
                       metric=metric_id, add=add)]
    if following.unit >= current.unit:
        return []
    price = format_price(following.unit, catalog.currency)
    one, many = units
    if model.all_units:  # the next tier reprices every unit, so the charge may fall
        after = rate_charge(charge, line.billable + add).amount
        message = f"Add {counted(add, units)} and every {one} costs {price}"
        if after < line.monthly:
            drop = round_money(line.monthly - after, catalog.currency)
            message += f": the {many} charge falls by {format_money(drop, catalog.currency)} a month"
        return [Advice("next_tier", message + ".", metric=metric_id, add=add)]
    return [Advice("next_tier", f"Add {counted(add, units)} and every {one} beyond "
                                f"{format_quantity(current.up_to + charge.included)} costs {price}.",
                   metric=metric_id, add=add)]


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
        allowance = f"{metric.name} allowance ({counted(line.included, metric.units)})"
        if line.quantity > line.included:
            over = line.quantity - line.included
            message = (f"You exceed the {allowance} by {counted(over, metric.units)}: overage "
                       f"{format_money(round_money(line.monthly, catalog.currency), catalog.currency)}"
                       f" a month.")
            out.append(Advice("overage", message, metric=metric.id, level=100, percent=percent))
            continue
        for level in ALERT_LEVELS:
            if exact >= level:
                out.append(Advice("usage", f"You use {plain(percent)}% of the {allowance}.",
                                  metric=metric.id, level=level, percent=percent))
                break
    return out

