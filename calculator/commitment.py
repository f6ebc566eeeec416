"""Committed use: the level a request chooses, what it covers, and how its minimum is kept.

A plan's ``commitment`` is one level or a list of them (each ``{annual_minimum, discount,
true_up, overage}``); the request chooses one (``commitment: true`` the first, ``2`` the
second). The level's discount comes off the seat and usage lines.

- ``true_up: monthly`` (the default): every bill is at least its share of the yearly minimum
  (a twelfth a month, all of it a year): a true-up line tops it up.
- ``true_up: yearly``: monthly bills are not raised; the year's end settles the shortfall. A
  monthly bill then carries no true-up line but says what twelve months like it come to and
  what the year's end would add; a yearly bill is the whole year, topped up as before.
- ``overage: list``: the commitment *covers* the seat and usage charges its minimum buys at the
  committed price: minimum / (1 - discount) at list price a year, a twelfth of it a month
  (rounded to the currency's minor unit). The discount comes off that much of them; beyond it
  they are billed at list price. ``overage: discounted`` (the default): no limit.
"""

from .errors import QuoteError
from .locale import _, ngettext
from .money import ZERO, format_money, format_percent, format_price, round_money

TWELVE = 12


def level_of(plan, request):
    """The commitment level ``request`` chooses on ``plan``, or None for none; ``QuoteError``
    on ``commitment`` when the plan has no such level."""
    chosen = request.commitment
    if not chosen:
        return None
    if not plan.commitments:
        raise QuoteError(_("The {plan} plan has no committed-use option.").format(
            plan=plan.name), "commitment")
    if chosen > len(plan.commitments):
        count = len(plan.commitments)
        raise QuoteError(ngettext("The {plan} plan has {count} commitment level: choose 1.",
                                  "The {plan} plan has {count} commitment levels: choose 1 to "
                                  "{count}.", count).format(plan=plan.name, count=count),
                         "commitment")
    return plan.commitments[chosen - 1]


def covers(level, months, currency):
    """List-price seat and usage charges the level covers in a bill of ``months`` months
    (``overage: list``), rounded; None when it covers them all."""
    if level.overage != "list" or level.discount >= 1:
        return None
    return round_money(level.annual_minimum * months / TWELVE / (1 - level.discount), currency)


def discount_label(level, months, currency):
    """The committed-use row: "Committed use (20% off seats and usage)", with the cover when
    the overage is at list price."""
    cover = covers(level, months, currency)
    if cover is None:
        return _("Committed use ({percent} off seats and usage)").format(percent=_rate(level))
    return _("Committed use ({percent} off the first {cover} of seats and usage; beyond it, "
             "list price)").format(percent=_rate(level), cover=format_money(cover, currency))


def minimum_of(level, months, currency):
    """The least a bill of ``months`` months comes to, or None when it is not raised (a monthly
    bill under a yearly true-up)."""
    if level.true_up == "yearly" and months != TWELVE:
        return None
    return round_money(level.annual_minimum * months / TWELVE, currency)


def first_year(bill):
    """What twelve monthly bills like ``bill`` come to: its total for the months a promotion
    discounts, the total once it has ended (``bill.then``) for the rest."""
    if bill.then is None:
        return bill.total * TWELVE
    discounted = min(bill.promotion.months, TWELVE)
    return bill.total * discounted + bill.then * (TWELVE - discounted)


def year_end(level, year, currency):
    """A monthly bill under a yearly true-up: what the year's end adds to a ``year`` of bills to
    reach the minimum (zero when it is reached)."""
    return max(round_money(level.annual_minimum, currency) - year, round_money(ZERO, currency))


def year_end_note(level, year, currency):
    """The bill's note on the year's end: what is settled then."""
    shortfall = year_end(level, year, currency)
    minimum = format_price(level.annual_minimum, currency)
    if shortfall:
        return _("The commitment is settled at the year's end: a year of bills like this one "
                 "comes to {year}, {shortfall} short of the {minimum} minimum, which is billed "
                 "then.").format(year=format_money(year, currency), minimum=minimum,
                                 shortfall=format_money(shortfall, currency))
    return _("The commitment is settled at the year's end: a year of bills like this one comes "
             "to {year}, at or above the {minimum} minimum: nothing to settle.").format(
        year=format_money(year, currency), minimum=minimum)


def level_words(level, currency):
    """A level's terms as the comparison table gives them: "20% off seats and usage for $50,000
    a year"; a level without a discount is a yearly minimum, and says so ("At least $12,000 a
    year", not "0% off")."""
    yearly = format_price(level.annual_minimum, currency)
    if not level.discount:
        return _("At least {amount} a year").format(amount=yearly) + _terms(level)
    return _("{percent} off seats and usage for {amount} a year").format(
        percent=_rate(level), amount=yearly) + _terms(level)


def level_choice(level, currency):
    """A level as the calculator offers it, its minimum first and called one (a bill below it
    is raised to it): "Commit to a $50,000 a year minimum: 20% off seats and usage"."""
    yearly = format_price(level.annual_minimum, currency)
    if not level.discount:
        return _("Commit to at least {amount} a year").format(amount=yearly) + _terms(level)
    return _("Commit to a {amount} a year minimum: {percent} off seats and usage").format(
        amount=yearly, percent=_rate(level)) + _terms(level)


def _rate(level):
    return format_percent(level.discount)


def _terms(level):
    """What a level does beyond its discount: " (beyond it at list price, settled at the
    year's end)"; "" for the default terms."""
    terms = [words for words, on in ((_("beyond it at list price"), level.overage == "list"),
                                     (_("settled at the year's end"), level.true_up == "yearly"))
             if on]
    return f" ({', '.join(terms)})" if terms else ""
