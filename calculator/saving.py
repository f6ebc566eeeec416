"""What paying yearly saves: money the buyer keeps, never a rounding difference.

The saving is what the same year costs at the plan's monthly prices (every line for twelve
months, rounded once as a yearly bill rounds it, with the same committed-use discount and
true-up) less what the yearly bill costs. Both sides round alike, so all that is left is the
difference in price: the annual discount line to the cent for a plan without written annual
prices, plus twelve months of each written annual price's difference (each line rounded once).
Comparing with twelve monthly bills instead would count how each month's bill is rounded (12 x
$4,166.67 = $50,000.04): a saving of a few cents where yearly prices are not lower at all, or a
negative one. The saving is never below zero (a catalog may write a dearer annual price; the
lint warns), and there is none for a plan offered on one billing only.
"""

from .money import ZERO, round_money
from .rating import bill_for, monthly_lines, priced_at


def bill_and_saving(catalog, plan, request):
    """``(bill, saving)``: ``plan``'s bill for ``request`` (a checked one) and what paying
    yearly saves on it (a ``Decimal``, zero or more). Each set of prices is rated once: a plan
    that writes no annual price has the same lines at both billings."""
    view, priced = priced_at(catalog, plan, request)
    lines = monthly_lines(view, priced, request)
    bill = bill_for(view, priced, request, lines, request.billing)
    none = round_money(ZERO, view.currency)  # "0.00", "0" in yen
    if len(plan.billing) < 2 or not bill.priced:
        return bill, none
    book = catalog.book(request.currency)
    monthly, annual = book.at("monthly"), book.at("annual")
    same = annual.plan(plan.id) is monthly.plan(plan.id) and all(
        annual.addons[a] is monthly.addons[a] for a in request.addons)

    def lines_at(prices):
        if same or prices is view:
            return lines
        return monthly_lines(prices, prices.plan(plan.id), request)

    at_monthly_prices = bill_for(monthly, monthly.plan(plan.id), request, lines_at(monthly),
                                 "annual", annual_discount=False)
    yearly = bill if request.billing == "annual" else bill_for(
        annual, annual.plan(plan.id), request, lines_at(annual), "annual")
    if not (at_monthly_prices.priced and yearly.priced):
        return bill, none
    return bill, max(none, at_monthly_prices.total - yearly.total)
