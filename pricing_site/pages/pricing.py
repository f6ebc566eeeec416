"""Plain dicts for the pricing page: plan cards, the default estimate, schema.org offers.

Every amount here is a string from ``calculator.quote(...).to_dict()``: the cards show
``display.monthly_equivalent`` and ``display.total`` of a quote for the plan's entry
request (one seat, so the plan's minimum applies), once per billing period. Templates
and JS only choose which prerendered string to show.
"""

from decimal import Decimal

from calculator import QuoteError, quote
from calculator.money import format_quantity, plain

from .price_words import percent

BILLINGS = ("monthly", "annual")


def entry_request(plan, billing):
    """The smallest bill of a plan: one seat (raised to the plan's minimum), no usage."""
    return {"plan": plan.id, "seats": 1, "billing": billing}


def _basis(plan, data):
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
    return "for " + " + ".join(parts) if parts else ""


def _price(plan, billing, data):
    shown = data["display"]
    if Decimal(data["total"]) == 0:
        note = ""
    elif billing == "annual":
        note = f"{shown['total']} billed yearly"
    else:
        note = "billed monthly"
    note = ", ".join(part for part in (note, _basis(plan, data)) if part)
    return {"billing": billing, "amount": shown["monthly_equivalent"], "period": "/month",
            "note": note[:1].upper() + note[1:], "total": data["total"],
            "monthly_equivalent": data["monthly_equivalent"]}


def plan_card(catalog, plan, link, contact_label):
    """One card; ``prices`` holds a prerendered price per billing period. A card shows no
    cheaper plan, so its quotes do not look for one (that rates every plan, for every card)."""
    content = plan.content
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
    card["prices"] = [_price(plan, b, quotes[b]) for b in BILLINGS]
    card["price_from"] = f"{quotes['monthly']['display']['monthly_equivalent']} a month"
    saving = quotes["annual"]["annual_saving"]
    if plan.annual_discount and saving and Decimal(saving) > 0:  # not a rounding difference
        card["saving"] = f"Save {quotes['annual']['display']['annual_saving']} a year"
    return card


def plan_cards(catalog, link, contact_label):
    return [plan_card(catalog, plan, link, contact_label) for plan in catalog.plans]


def default_request(catalog, settings):
    """The estimate shown before the live calculator loads: the YAML's, or a sensible one,
    with each metric the plan prices at its catalog default (as the form starts out)."""
    request = _chosen_request(catalog, settings)
    if request is not None:
        plan = catalog.plan(request.get("plan"))
        usage = dict(request.get("usage") or {})
        for metric_id in (plan.usage if plan is not None else {}):
            usage.setdefault(metric_id, plain(catalog.metrics[metric_id].default))
        request["usage"] = usage
    return request


def _chosen_request(catalog, settings):
    if settings.get("request"):
        return dict(settings["request"])
    priced = [p for p in catalog.plans if not p.custom]
    if not priced:
        return None
    plan = next((p for p in priced if p.content.get("popular")), priced[-1] if len(priced) < 3
                else priced[1])
    seats = 10
    if plan.seats and plan.seats.limit is not None:
        seats = int(min(plan.seats.limit, seats)) or 1
    return {"plan": plan.id, "seats": seats, "billing": "monthly"}


def estimate(catalog, settings):
    """``{"request", "quote"}`` for the calculator region, or None without a priced plan.

    Raises ``QuoteError`` naming ``site.pricing.calculator.request`` when the YAML's request
    cannot be priced, so the build stops with a message marketing can act on.
    """
    request = default_request(catalog, settings)
    if request is None:
        return None
    try:
        data = quote(catalog, request).to_dict()
    except QuoteError as exc:
        raise QuoteError(f"site.pricing.calculator.request: {exc}", exc.field) from None
    saves = data["annual_saving"] is not None and Decimal(data["annual_saving"]) > 0
    return {"request": request, "quote": data, "summary": _summary(catalog, data),
            "period": "per year" if data["billing"] == "annual" else "per month", "saves": saves}


def _summary(catalog, data):
    """"10 seats, 150,000 API calls, billed monthly" from the quote's own request."""
    request = data["request"]
    parts = []
    if request.get("seats") is not None:
        seats = Decimal(str(request["seats"]))
        parts.append(f"{format_quantity(seats)} seat{'' if seats == 1 else 's'}")
    for metric_id, quantity in (request.get("usage") or {}).items():
        metric = catalog.metrics.get(metric_id)
        name = metric.name if metric else metric_id
        parts.append(f"{format_quantity(Decimal(str(quantity)))} {name}")
    parts.append("billed yearly" if data["billing"] == "annual" else "billed monthly")
    return ", ".join(parts)


def billing_labels(catalog, settings):
    """Toggle labels; the yearly one names the catalog's default discount ("save 20%")."""
    annual = settings.get("annual_label", "Yearly")
    discounts = {p.annual_discount for p in catalog.plans if not p.custom and p.annual_discount}
    if len(discounts) == 1:
        annual = f"{annual} · save {percent(discounts.pop())}"
    elif discounts:
        annual = f"{annual} · save up to {percent(max(discounts))}"
    return {"monthly": settings.get("monthly_label", "Monthly"), "annual": annual}


def offers_json_ld(catalog, site, cards, page_url):
    """schema.org Product with one Offer per priced plan; prices are quote decimal strings."""
    offers = []
    for card in cards:
        if card["custom"]:
            continue
        monthly = card["quotes"]["monthly"]
        offers.append({
            "@type": "Offer",
            "name": f"{card['name']} plan",
            "description": card["description"] or card["tagline"] or
                           f"{card['name']} plan, billed monthly",
            "url": f"{page_url}#plan-{card['id']}" if page_url else f"#plan-{card['id']}",
            "price": monthly["total"],
            "priceCurrency": catalog.currency,
            "availability": "https://schema.org/InStock",
            "priceSpecification": {
                "@type": "UnitPriceSpecification", "price": monthly["total"],
                "priceCurrency": catalog.currency, "unitCode": "MON",
                "referenceQuantity": {"@type": "QuantitativeValue", "value": 1, "unitCode": "MON"},
            },
        })
    product = {"@context": "https://schema.org", "@type": "Product",
               "name": site.get("name", "Product"),
               "brand": {"@type": "Brand", "name": site.get("name", "Product")},
               "offers": offers}
    if site.get("description"):
        product["description"] = site["description"]
    return product
