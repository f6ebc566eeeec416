"""A plan's monthly credit: money toward the usage it names, drawn down by those lines.

Supabase gives $10 of compute a month; Vercel and Cursor a dollar allowance of usage. The
credit is applied after the discounts, as Stripe applies credit grants to what an invoice
still owes: it pays what the usage lines it names still cost once committed use (and an annual
discount, on usage marked discountable) has lowered them, up to the credit for the period (12
months' worth on a yearly bill), rounded once, half-up. It is never more than those lines, so
a credit can neither pay for seats nor make a bill negative; a month that uses less leaves the
rest unused (a credit is not carried over).
"""

from .locale import _
from .money import ZERO, format_money, format_price, round_money


def credit_drawn(credit, lines, owed, months, currency):
    """What ``credit`` takes off a bill of ``months`` months: the least of the credit for the
    period and what the usage lines it names still owe (``owed``: each line's amount after the
    discounts), rounded once."""
    left = sum((owed[i] for i, line in enumerate(lines)
                if line.kind == "usage" and line.metric in credit.applies_to), ZERO)
    return round_money(min(credit.amount * months, left), currency)


def credit_label(credit, catalog):
    """The credit's row on the bill: "Usage credit ($10 a month toward Compute hours)"."""
    return _("Usage credit ({amount} a month toward {metrics})").format(
        amount=format_price(credit.amount, catalog.currency), metrics=paid_for(credit, catalog))


def credit_left(credit, drawn, months, currency):
    """What is left of the credit a month, when the bill drew ``drawn`` over ``months``."""
    return round_money(credit.amount - drawn / months, currency)


def credit_nudge(credit, catalog, left):
    """"The $10 monthly credit has $4.50 left: that much more Compute hours costs nothing
    extra."": a credit is not carried over, so what is left is worth using."""
    return _("The {amount} monthly credit has {left} left: that much more {metrics} costs "
             "nothing extra.").format(amount=format_price(credit.amount, catalog.currency),
                                      left=format_money(left, catalog.currency),
                                      metrics=paid_for(credit, catalog))


def paid_for(credit, catalog):
    """The names of the metrics ``credit`` pays for: "Compute hours and Storage"."""
    return _(" and ").join(catalog.metrics[m].name for m in credit.applies_to)
