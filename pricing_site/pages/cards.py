"""The plan cards of the pricing page, and the billing toggle's labels.

Every amount is a string from ``calculator.quote(...).to_dict()``: a card shows
``display.monthly_equivalent`` and ``display.total`` of a quote for the plan's entry request
(one seat, so the plan's minimum applies), once per billing period. Templates and JS only
choose which prerendered string to show.
"""

from decimal import Decimal

from calculator import quote

from .price_words import credit_text, percent

BILLINGS = ("monthly", "annual")


def entry_request(plan, billing):
    """The smallest bill of a plan: one seat (raised to the plan's minimum), no usage."""
    return {"plan": plan.id, "seats": 1, "billing": billing}


def _basis(catalog, plan, data):
    """What the card's price buys: "for 3 seats (minimum)", "base fee + 1 seat"."""
    if Decimal(data["total"]) == 0:
        limit = plan.seats.limit if plan.seats else None
        return f"free for up to {limit} seats" if limit is not None else "free forever"
    parts = []
    for line in data["lines"]:
        if line["kind"] == "flat":
            parts.append("base fee")
        elif line["kind"] == "seats":
            minimum = " (minimum)" if plan.seats and plan.seats.minimum > 1 else ""
            parts.append(line["display"]["quantity"] + minimum)
    basis = "for " + " + ".join(parts) if parts else ""
    if plan.credit is not None:  # money toward usage comes with the price: say so
        basis += f"{', ' if basis else ''}with {credit_text(plan.credit, catalog)}"
    return basis


def _price(catalog, plan, billing, data):
    shown = data["display"]
    if Decimal(data["total"]) == 0:
        note = ""
    elif billing == "annual":
        note = f"{shown['total']} billed yearly"
    else:
        note = "billed monthly"
    note = ", ".join(part for part in (note, _basis(catalog, plan, data)) if part)
    return {"billing": billing, "amount": shown["monthly_equivalent"], "period": "/month",
            "note": note[:1].upper() + note[1:], "total": data["total"],
            "monthly_equivalent": data["monthly_equivalent"]}


def plan_card(catalog, plan, content, link, contact_label):
    """One card; ``prices`` holds a prerendered price per billing period, ``content`` is the
    plan's texts (``Content.plan``). A card shows no cheaper plan, so its quotes do not look
    for one (that rates every plan, for every card)."""
    quotes = {b: quote(catalog, entry_request(plan, b), alternatives=False).to_dict()
              for b in BILLINGS}
    card = {
        "id": plan.id, "name": plan.name, "tagline": content.get("tagline", ""),
        "description": content.get("description", ""),
        "features": list(content.get("features", ())), "popular": bool(content.get("popular")),
        "badge": content.get("badge") or ("Most popular" if content.get("popular") else ""),
        "cta": None, "custom": quotes["monthly"]["status"] != "priced",
        "prices": [], "saving": None, "price_from": None, "message": None,
        "quotes": quotes, "free": False,
    }
    if "cta" in content:
        card["cta"] = {"label": content["cta"]["label"], "url": link(content["cta"]["url"])}
    if card["custom"]:
        card["message"] = quotes["monthly"]["message"] or contact_label
        card["price_from"] = contact_label
        return card
    card["free"] = Decimal(quotes["monthly"]["total"]) == 0
    card["prices"] = [_price(catalog, plan, b, quotes[b]) for b in BILLINGS]
    card["price_from"] = f"{quotes['monthly']['display']['monthly_equivalent']} a month"
    saving = quotes["annual"]["annual_saving"]
    if plan.annual_discount and saving and Decimal(saving) > 0:  # not a rounding difference
        card["saving"] = f"Save {quotes['annual']['display']['annual_saving']} a year"
    return card


def plan_cards(catalog, content, link, contact_label):
    return [plan_card(catalog, plan, content.plan(plan.id), link, contact_label)
            for plan in catalog.plans]


def billing_labels(catalog, settings):
    """Toggle labels; the yearly one names the catalog's default discount ("save 20%")."""
    annual = settings.get("annual_label", "Yearly")
    discounts = {p.annual_discount for p in catalog.plans if not p.custom and p.annual_discount}
    if len(discounts) == 1:
        annual = f"{annual} · save {percent(discounts.pop())}"
    elif discounts:
        annual = f"{annual} · save up to {percent(max(discounts))}"
    return {"monthly": settings.get("monthly_label", "Monthly"), "annual": annual}
