"""``quote(catalog, request)``: the priced, explained answer, and its JSON form.

The ``to_dict()`` of a ``Quote`` is the contract with the browser: Pyodide must produce the
same keys and the same strings as CPython. Money crosses as plain decimal strings, with a
``display`` twin formatted for people, so the page never formats a number itself.
"""

from dataclasses import dataclass

from . import commitment as committed
from .advice import Advice, alerts, nudges
from .commit_advice import best_commitment, commitment_message
from .allowances import as_billed
from .display import advice, bill_rows, shows
from .locale import _, ngettext, speaking, using
from .promotions import check_code_for_plan, long_date, months_on_bill, offer_words
from .promotions import note as promotion_note
from .promotions import summary as promotion_summary
from .money import (ZERO, format_money, format_price, format_quantity, plain, round_money,
                    sentence_cents, whole_amounts)
from .ranges import SEAT_STEP, is_whole, tier_range, whole_units
from .rating import rate_plan
from .request import parse_request
from .saving import bill_and_saving
from .sales import over as over_threshold
from .units import MONTH_UNITS, counted


@dataclass(frozen=True)
class Alternative:
    """Another plan that prices the same request for less."""

    plan: str
    name: str
    total: object
    monthly_equivalent: object
    saving: object

    def to_dict(self, currency, whole=False):
        """Its JSON form; ``whole``: written as a bill without cents is (money.format_money)."""
        return {"plan": self.plan, "name": self.name, "total": plain(self.total),
                "monthly_equivalent": plain(self.monthly_equivalent), "saving": plain(self.saving),
                "display": {"total": format_money(self.total, currency, whole),
                            "saving": format_money(self.saving, currency, whole)}}


@dataclass(frozen=True)
class Quote:
    catalog: object
    bill: object
    monthly_equivalent: object = None
    annual_saving: object = None
    cheaper_plan: Alternative | None = None
    nudges: tuple = ()
    alerts: tuple = ()
    sales: dict | None = None  # why to talk to sales, above the catalog's threshold (sales.py)

    @property
    def plan(self):
        return self.bill.plan.id

    @property
    def currency(self):
        return self.catalog.currency

    @property
    def billing(self):
        return self.bill.billing

    @property
    def status(self):
        return "priced" if self.bill.priced else "contact_sales"

    @property
    def lines(self):
        return self.bill.lines

    @property
    def discounts(self):
        return self.bill.discounts

    @property
    def total(self):
        return self.bill.total

    @property
    def subtotal(self):
        if not self.bill.priced:
            return None
        return sum((line.amount for line in self.bill.lines), round_money(ZERO, self.currency))

    @property
    def message(self):
        return self.bill.custom_reason

    def amounts(self):
        """Every amount the bill shows, as rounded (whether they all are whole decides how
        each is written: ``whole_amounts``)."""
        bill, currency = self.bill, self.currency
        cheaper = self.cheaper_plan
        year = _commitment_year(bill, currency) if bill.priced else None
        saving = self.annual_saving if self.billing == "annual" else None  # a month's: no row
        return [self.subtotal, self.total, self.monthly_equivalent, saving, bill.then,
                *(line.amount for line in bill.lines),
                *(round_money(t.amount, currency) for line in bill.lines for t in line.tiers),
                *(discount.amount for discount in bill.discounts),
                *((year or {}).values()),
                *((cheaper.total, cheaper.saving) if cheaper else ())]

    def to_dict(self):
        """The quote as JSON-ready data, its words in its catalog's locale, the amounts of its
        sentences as its catalog writes them (``money.sentence_cents``)."""
        with using(self.catalog.locale), sentence_cents(self.catalog.cents):
            return self._dict()

    def _dict(self):
        currency, priced = self.currency, self.bill.priced
        money = (lambda v: None if v is None else plain(v))
        whole = whole_amounts(self.catalog.cents, self.amounts())
        shown = (lambda v: None if v is None else format_money(v, currency, whole))
        subtotal = self.subtotal
        lines = [_line_dict(line, currency, self.catalog, self.bill.plan, shown)
                 for line in self.lines]
        discounts = [_discount_dict(d, shown) for d in self.discounts]
        promotion = _promotion_dict(self.bill, currency, shown) if priced else None
        commitment = _commitment_dict(self.bill, currency, shown) if priced else None
        notes = [part["display"]["note"] for part in (promotion, commitment)
                 if part and part["display"]["note"]]
        nudge_list, alert_list = [n.to_dict() for n in self.nudges], [a.to_dict() for a in self.alerts]
        return {
            "plan": self.plan,
            "plan_name": self.bill.plan.name,
            "currency": currency,
            "billing": self.billing,
            "months": self.bill.months,
            "status": self.status,
            "message": self.message,
            "request": self.bill.request.to_dict(self.bill.billing),
            "lines": lines,
            "discounts": discounts,
            "subtotal": money(subtotal),
            "total": money(self.total),
            "monthly_equivalent": money(self.monthly_equivalent),
            "annual_saving": money(self.annual_saving),
            "nudges": nudge_list,
            "alerts": alert_list,
            "cheaper_plan": (self.cheaper_plan.to_dict(currency, whole) if self.cheaper_plan
                             else None),
            "date": self.bill.request.date or self.catalog.date,
            "promotion": promotion,
            "commitment": commitment,
            "sales": self.sales,
            # what a page shows of this quote, decided here for both of the page's renderers
            "shows": shows(priced, self.billing, self.annual_saving, self.cheaper_plan,
                           self.sales),
            "display": {
                "subtotal": shown(subtotal),
                "total": shown(self.total),
                "monthly_equivalent": shown(self.monthly_equivalent),
                "annual_saving": shown(self.annual_saving),
                "rows": bill_rows(lines, discounts, notes),
                "advice": advice(alert_list, nudge_list),
            } if priced else None,
        }


def _detail(line, currency):
    """How the line's amount comes about, in words: "150 blocks of 1,000 calls × $5"."""
    price = None if line.unit_price is None else format_price(line.unit_price, currency)
    quantity = counted(line.quantity, line.units)
    included = format_quantity(line.included)
    if line.kind == "flat" or (line.kind == "addon" and line.units == MONTH_UNITS):
        text = _("{price} a month").format(price=price)  # a flat fee: not "1 month × $100"
    elif line.kind in ("free_seats", "true_up"):
        text = quantity if line.kind == "free_seats" else ""
    elif line.billable is not None and not line.billable and line.included:
        text = _("{quantity}, within the {included} included").format(quantity=quantity,
                                                                      included=included)
    elif line.packages is not None:
        text = ngettext("{count} block of {size} × {price}", "{count} blocks of {size} × {price}",
                        line.packages).format(count=plain(line.packages), price=price,
                                              size=counted(line.package_size, line.units))
        if line.included:
            text += _(" ({billable} beyond the {included} included)").format(
                billable=format_quantity(line.billable), included=included)
    elif line.included and line.billable:
        text = _("{quantity} beyond the {included} included").format(
            quantity=counted(line.billable, line.units), included=included)
        text += _times(price) if price and not line.tiers else ""
    else:
        text = quantity + (_times(price) if price and not line.tiers else "")
    if line.months > 1 and text:
        text += _(" × {months} months").format(months=line.months)
    return text


def _times(price):
    return f" × {price}"


def _line_dict(line, currency, catalog, plan, shown):
    whole = bool(line.tiers) and _whole_units(line, catalog, plan)
    unit_price = None if line.unit_price is None else plain(line.unit_price)
    return {
        "kind": line.kind,
        "label": line.label,
        "metric": line.metric,
        "quantity": plain(line.quantity),
        "unit": line.unit,
        "unit_price": unit_price,
        "months": line.months,
        "amount": plain(line.amount),
        "included": plain(line.included),
        "notes": list(line.notes),
        "tiers": [_tier_dict(t, currency, whole, line.included, shown) for t in line.tiers
                  if t.quantity or t.flat],
        "display": {
            "quantity": counted(line.quantity, line.units),
            "unit_price": None if line.unit_price is None else format_price(line.unit_price, currency),
            "amount": shown(line.amount),
            "detail": _detail(line, currency),
        },
    }


def _whole_units(line, catalog, plan):
    """Whether the line's tier ranges read in whole units ("1–10"): as the price list words
    the charge, unless the quantity is off the metric's step (10.5 calls), which "11–50" would
    not hold."""
    if line.kind == "seats":
        return whole_units(plan.seats, SEAT_STEP)
    step = catalog.metrics[line.metric].step
    return whole_units(as_billed(plan.usage[line.metric], line), step) and is_whole(line.billable)


def _tier_dict(use, currency, whole, included, shown):
    amount = round_money(use.amount, currency)
    return {
        "range": tier_range(use.first if use.index else None, use.last, whole, included),
        "above": plain(use.first),
        "up_to": None if use.last is None else plain(use.last),
        "quantity": plain(use.quantity),
        "unit_price": plain(use.unit),
        "flat": plain(use.flat) if use.flat else "0",  # "0" = no tier fee, however written
        "amount": plain(amount),
        "display": {"quantity": format_quantity(use.quantity),
                    "unit_price": format_price(use.unit, currency),
                    "flat": format_price(use.flat, currency),  # a price, as listed: not rounded
                    "amount": shown(amount)},
    }


def _discount_dict(discount, shown):
    rate = None if discount.rate is None else plain(discount.rate)  # a credit has none, nor an amount off
    return {"kind": discount.kind, "label": discount.label, "rate": rate,
            "amount": plain(discount.amount),
            "display": {"amount": shown(discount.amount)}}


def _promotion_dict(bill, currency, shown):
    """The promotion on the bill, or None: its terms, how many of the bill's months it
    discounts, and the total once it has ended (``then``; None for one that lasts)."""
    promotion = bill.promotion
    if promotion is None:
        return None
    amount = promotion.amount_off
    then = None if bill.then is None else plain(bill.then)
    said = promotion_summary(promotion, currency, bill.then, bill.billing)
    return {"id": promotion.id, "name": promotion.name, "code": promotion.code,
            "rate": None if amount is not None else plain(promotion.discount),
            "amount_off": None if amount is None else plain(amount),
            "months": promotion.months, "until": promotion.until,
            "months_on_bill": months_on_bill(promotion, bill.months, bill.request.month),
            "then": then,
            "display": {"offer": offer_words(promotion, currency), "summary": said,
                        "until": promotion.until and long_date(promotion.until),
                        "then": shown(bill.then),
                        "note": promotion_note(promotion, currency, bill.then, bill.billing)}}


def _commitment_year(bill, currency):
    """The amounts of the bill's commitment level, or None: what it covers at list price, and
    for a monthly bill settled yearly, the year and its end's true-up (else None)."""
    level = bill.commitment
    if level is None:
        return None
    year = shortfall = None
    if level.true_up == "yearly" and bill.months == 1:
        year = committed.first_year(bill)
        shortfall = committed.year_end(level, year, currency)
    return {"cover": committed.covers(level, bill.months, currency), "year": year,
            "shortfall": shortfall}


def _commitment_dict(bill, currency, shown):
    """The commitment level on the bill, or None: its terms, what it covers at list price
    (``overage: list``), and for a monthly bill settled yearly, the year's end."""
    figures = _commitment_year(bill, currency)
    if figures is None:
        return None
    level = bill.commitment
    cover, year, shortfall = figures["cover"], figures["year"], figures["shortfall"]
    note = None if year is None else committed.year_end_note(level, year, currency)
    money = (lambda v: None if v is None else plain(v))
    return {"level": bill.request.commitment, "levels": len(bill.plan.commitments),
            "annual_minimum": plain(level.annual_minimum), "discount": plain(level.discount),
            "true_up": level.true_up, "overage": level.overage, "covers": money(cover),
            "year": money(year), "year_end_true_up": money(shortfall),
            "display": {"terms": committed.level_words(level, currency), "covers": shown(cover),
                        "year": shown(year), "year_end_true_up": shown(shortfall),
                        "note": note}}


def _monthly_equivalent(bill, currency):
    return round_money(bill.total / bill.months, currency) if bill.months != 1 else bill.total


def cheapest_alternative(catalog, request, total):
    """The plan that prices ``request`` for the least, if below ``total``; plans that cannot
    serve the request (limits, missing metrics or add-ons) are left out."""
    best = None
    for plan in catalog.plans:
        if plan.id == request.plan or plan.custom:
            continue
        try:
            other = rate_plan(catalog, plan, request)
        except ValueError:
            continue
        if other.priced and other.total < total and (best is None or other.total < best.total):
            best = other
    if best is None:
        return None
    currency = catalog.currency
    return Alternative(best.plan.id, best.plan.name, best.total,
                       _monthly_equivalent(best, currency), total - best.total)


@speaking
def quote(catalog, request, *, alternatives=True):
    """Price ``request`` (a dict or ``Request``) on ``catalog``, in the price book of its
    currency; raise ``QuoteError`` if invalid. ``alternatives=False`` skips the search for a
    cheaper plan, which rates every plan: a price list that quotes each of N plans would
    otherwise rate N² plans."""
    request = parse_request(catalog, request)
    book = catalog.book(request.currency)
    with sentence_cents(book.cents):   # its sentences' amounts, as its book writes them
        return _quote(book, book.plan(request.plan), request, alternatives)


def _quote(book, plan, request, alternatives):
    if request.promotion:
        check_code_for_plan(book, plan, request.promotion)
    bill, saving = bill_and_saving(book, plan, request)
    if not bill.priced:
        return Quote(book, bill)
    cheaper = cheapest_alternative(book, request, bill.total) if alternatives else None
    advice = nudges(book, bill, saving)
    commit = best_commitment(book, plan, request, bill) if alternatives else None
    if commit is not None:
        advice.append(Advice("commitment", commitment_message(commit, book.currency),
                             level=commit[0], saving=commit[3]))
    monthly = _monthly_equivalent(bill, book.currency)
    sales = over_threshold(book.sales_threshold_of(plan), request, monthly, book)
    return Quote(book, bill, monthly, saving, cheaper, tuple(advice), tuple(alerts(book, bill)),
                 sales)
