"""The plan cards of the pricing page, and the billing toggle's labels.

Every amount is a string from ``calculator.quote(...).to_dict()``: a card shows
``display.monthly_equivalent`` and ``display.total`` of a quote for the plan's entry request
(one seat, so the plan's minimum applies), once per billing period and per currency the
catalog has prices in (``books``; the first is the catalog's own). Templates and JS only
choose which prerendered string to show.
"""

from decimal import ROUND_FLOOR, Decimal

from calculator import quote
from calculator.display import seat_price
from calculator.money import format_price
from calculator.units import SEAT_UNITS, counted

from .offers import card_promotion
from .price_words import billed, credit_text, percent
from .words import _

BILLINGS = ("monthly", "annual")


def entry_request(plan, billing, currency=None):
    """The smallest bill of a plan: one seat (raised to the plan's minimum), no usage."""
    request = {"plan": plan.id, "seats": 1, "billing": billing}
    if currency is not None:
        request["currency"] = currency
    return request


def _basis(plan, data):
    """What the card's price buys: "for 3 seats (minimum)", "base fee + 1 seat"."""
    if Decimal(data["total"]) == 0:
        limit = plan.seats.limit if plan.seats else None
        return _("free for up to {seats}").format(seats=counted(limit, SEAT_UNITS)) \
            if limit is not None else _("free forever")
    parts = []
    for line in data["lines"]:
        if line["kind"] == "flat":
            parts.append(_("base fee"))
        elif line["kind"] == "seats":
            seats = line["display"]["quantity"]
            parts.append(_("{seats} (minimum)").format(seats=seats)
                         if plan.seats and plan.seats.minimum > 1 else seats)
    return _("for {what}").format(what=" + ".join(parts)) if parts else ""


def _hybrid_lead(plan, result):
    """"$299 + $45/seat": a base fee and what every seat adds, as pricing pages lead with a
    plan priced both ways; None for any other plan. Both are the engine's: the monthly
    equivalent of the plan with no seat, and ``seat_price`` (discounts that apply included)."""
    seats = plan.seats
    seat = seat_price(result)
    if not plan.flat or seats is None or seats.minimum or seats.included or seat is None:
        return None
    data = result.to_dict()
    base = quote(result.catalog, {"plan": plan.id, "seats": 0, "billing": data["billing"],
                                  "currency": data["currency"]}, alternatives=False).to_dict()
    return _("{base} + {price}/seat").format(base=base["display"]["monthly_equivalent"],
                                             price=format_price(seat, data["currency"]))


def _credit(result):
    """The plan's monthly credit, in the quote's currency: money toward usage comes with the
    price, so the card says so ("with $10 a month toward Compute hours")."""
    plan = result.bill.plan
    return _("with {credit}").format(credit=credit_text(plan.credit, result.catalog)) \
        if plan.credit else ""


def _price(plan, billing, result):
    """One card price: ``billing`` is the toggle's position; ``result`` the quote shown there,
    billed as the plan is sold (a plan sold yearly only shows its yearly price either way)."""
    data = result.to_dict()
    shown, billing_shown = data["display"], data["billing"]
    only = len(plan.billing) == 1
    if Decimal(data["total"]) == 0:
        note = ""
    elif billing_shown == "annual":
        note = (_("{total} billed yearly only") if only else _("{total} billed yearly")).format(
            total=shown["total"])
    else:
        note = _("billed monthly only") if only else _("billed monthly")
    lead = _hybrid_lead(plan, result) if Decimal(data["total"]) else None
    # a lead says what the base fee and a seat cost: the card need not say it twice
    basis = "" if lead and billing_shown == "monthly" else _basis(plan, data)
    note = ", ".join(part for part in (note, basis, _credit(result)) if part)
    # the lead says what a seat costs too ("$299 + $45/seat"), the note how it is billed
    seat = seat_price(result) if Decimal(data["total"]) and not lead else None
    return {"billing": billing, "amount": shown["monthly_equivalent"], "period": _("/month"),
            "lead": lead,  # what the card leads with in place of the amount, when it has one
            "note": note[:1].upper() + note[1:], "total": data["total"],
            "monthly_equivalent": data["monthly_equivalent"],
            # "$36 per seat/month, billed yearly", as pricing pages say it
            "per_seat": None if seat is None else
            _("{price} per seat/month, {billed}").format(
                price=format_price(seat, data["currency"]), billed=billed(billing_shown)),
            "promotion": card_promotion(data)}


def _book(catalog, plan, currency):
    """The card's prices in one currency: ``{"currency", "quotes", "prices", "saving",
    "price_from"}``, each billing the plan is sold on quoted once."""
    results = {b: quote(catalog, entry_request(plan, b, currency), alternatives=False)
               for b in plan.billing}
    quotes = {b: result.to_dict() for b, result in results.items()}
    first = quotes[plan.billing[0]]
    book = {"currency": currency, "quotes": quotes, "prices": [], "saving": None,
            "price_from": None, "saving_rate": None}
    if first["status"] != "priced":
        return book
    book["prices"] = [_price(plan, b, results[b if b in results else plan.billing[0]])
                      for b in BILLINGS]
    book["price_from"] = _("{price} a month").format(price=first["display"]["monthly_equivalent"])
    annual = quotes.get("annual")
    if "monthly" in quotes and annual and Decimal(annual["annual_saving"]) > 0:
        book["saving"] = _("Save {amount} a year").format(amount=annual["display"]["annual_saving"])
        book["saving_rate"] = _saving_rate(catalog.book(currency), plan, annual)
    return book


def _saving_rate(book, plan, annual):
    """What the yearly saving is as a share of a year at monthly prices: the plan's annual
    discount when every price of it is discounted by that, else the entry bill's saving as a
    share, rounded down to a whole percent (a label never claims more than is saved)."""
    if book.at("annual").plan(plan.id) is book.plan(plan.id):
        return plan.annual_discount
    saving = Decimal(annual["annual_saving"])
    share = saving / (Decimal(annual["total"]) + saving)
    return share.quantize(Decimal("0.01"), ROUND_FLOOR)


def plan_card(catalog, plan, content, link, contact_label):
    """One card; ``books`` holds its prices per currency (``prices``: one per billing period,
    prerendered), and the card's top-level ``prices``, ``quotes``, ``saving`` and
    ``price_from`` are the catalog's own currency's. ``content`` is the plan's texts
    (``Content.plan``). A card shows no cheaper plan, so its quotes do not look for one (that
    rates every plan, for every card)."""
    books = [_book(catalog, plan, code) for code in catalog.currencies]
    own = books[0]
    card = {
        "id": plan.id, "name": plan.name, "tagline": content.get("tagline", ""),
        "description": content.get("description", ""),
        "features": list(content.get("features", ())), "popular": bool(content.get("popular")),
        "badge": content.get("badge") or (_("Most popular") if content.get("popular") else ""),
        "cta": None, "custom": not own["prices"],
        "prices": own["prices"], "saving": own["saving"], "price_from": own["price_from"],
        "message": None, "quotes": own["quotes"], "free": False, "books": books,
        "billing": list(plan.billing),
    }
    if "cta" in content:
        card["cta"] = {"label": content["cta"]["label"], "url": link(content["cta"]["url"])}
    first = own["quotes"][plan.billing[0]]
    if card["custom"]:
        card["message"] = first["message"] or contact_label
        card["price_from"] = contact_label
        return card
    card["free"] = Decimal(first["total"]) == 0
    return card


def plan_cards(catalog, content, link, contact_label):
    return [plan_card(catalog, plan, content.plan(plan.id), link, contact_label)
            for plan in catalog.plans]


def billing_labels(cards, settings):
    """Toggle labels; the yearly one names what paying yearly saves ("save 20%", "save up to
    25%"), from the cards' yearly savings in every currency."""
    annual = settings["annual_label"] if "annual_label" in settings else _("Yearly")
    rates = {book["saving_rate"] for card in cards for book in card["books"]
             if book["saving_rate"]}
    if len(rates) == 1:
        annual = _("{label} · save {percent}").format(label=annual, percent=percent(rates.pop()))
    elif rates:
        annual = _("{label} · save up to {percent}").format(label=annual,
                                                            percent=percent(max(rates)))
    return {"monthly": settings["monthly_label"] if "monthly_label" in settings else _("Monthly"), "annual": annual}
