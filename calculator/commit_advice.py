"""Whether committing would make an estimate cheaper: the commitment level that saves the most
over a year, and what it saves, exact.

A commitment's minimum is a yearly figure, so bills are compared over a year: a monthly bill is
twelve of its kind (a promotion's months at their price, ``commitment.first_year``), plus what
a yearly true-up would settle at the year's end; a yearly bill is the year already.
"""

from dataclasses import replace

from . import commitment as committed
from .locale import _
from .money import format_money, format_price, round_money
from .saving import bill_and_saving


def year_of(bill, currency):
    """What a year of bills like ``bill`` comes to, a commitment's year's end included."""
    if bill.months == committed.TWELVE:
        return bill.total
    year = committed.first_year(bill)
    level = bill.commitment
    if level is not None and level.true_up == "yearly":
        year += committed.year_end(level, year, currency)
    return round_money(year, currency)


def best_commitment(catalog, plan, request, bill):
    """``(level number, level, committed bill, yearly saving)`` of the level that makes
    ``bill`` (uncommitted, priced) cheapest over a year, or None when none saves anything."""
    if request.commitment or not plan.commitments or not bill.priced:
        return None
    currency = catalog.currency
    year = year_of(bill, currency)
    best = None
    for number, level in enumerate(plan.commitments, start=1):
        other = bill_and_saving(catalog, plan, replace(request, commitment=number))[0]
        if not other.priced:
            continue
        saving = year - year_of(other, currency)
        if saving > 0 and (best is None or saving > best[3]):
            best = (number, level, other, saving)
    return best


def commitment_message(best, currency):
    """"Commit to $50,000 a year and this estimate comes to $5,339.00 a month: $15,120.00 a year
    less." (a yearly bill: "... comes to $59,894.40 a year: ...")."""
    level, bill, saving = best[1:]
    if bill.months == committed.TWELVE:
        message = _("Commit to {minimum} a year and this estimate comes to {total} a year: "
                    "{saving} a year less.")
    else:
        message = _("Commit to {minimum} a year and this estimate comes to {total} a month: "
                    "{saving} a year less.")
    return message.format(minimum=format_price(level.annual_minimum, currency),
                          total=format_money(bill.total, currency),
                          saving=format_money(saving, currency))
