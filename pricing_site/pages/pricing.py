"""The pricing page's data: cards, comparison, the prerendered estimate and the calculator
region, the FAQ, and schema.org offers for search engines.

Every amount is a string the engine made (``calculator.quote(...).to_dict()``); the
calculator region names the runtime's files by the URLs the build prepared (``bundle_urls``):
this module reads no file and starts nothing.
"""

import json

from calculator import QuoteError, quote
from calculator.money import plain
from pricing_site.catalog.content import default_request

from .calculator_chart import chart_data, chart_legend
from .calculator_form import calculator_form, plan_starts
from .cards import billing_labels, plan_cards
from .comparison import comparison_table
from .cta import cta_config, estimate_ctas
from .landing import faq, pricing_proof
from .offers import promotion_terms
from .planner import planner_context
from .price_words import addon_text, billed, kind_price
from .words import _


def pricing_context(catalog, content, link, bundle_urls, page_url=None):
    """Cards, comparison, the default estimate, FAQ and the JSON-LD for the pricing page.
    ``bundle_urls``: where the calculator's runtime is served (``pricing_site.runtime``)."""
    settings = content.pricing
    contact = settings["contact_label"] if "contact_label" in settings else _("Custom pricing")
    cards = plan_cards(catalog, content, link, contact)
    calculator = settings.get("calculator") or {}
    default = estimate(catalog, content)
    return {
        "headline": settings["headline"] if "headline" in settings else _("Pricing"),
        "subhead": settings.get("subhead"),
        "labels": billing_labels(cards, settings),
        # the price books the cards and the comparison are prerendered in, the catalog's own
        # first, each with its tax line (site.pricing.tax)
        "currencies": [{"code": code, "tax": (settings.get("tax") or {}).get(code)}
                       for code in catalog.currencies],
        "period": settings.get("period", "monthly"),  # the cards' toggle opens on it
        "has_prices": any(not c["custom"] for c in cards),
        "trial": settings.get("trial"),  # near the prices, with the proof below the cards
        "proof": pricing_proof(content.site, settings.get("proof")),
        "cards": cards,
        "comparison": comparison_table(catalog, content, cards, settings.get("comparison") or {}),
        "calculator": _calculator(catalog, content, calculator, default, link, bundle_urls),
        "planner": planner_context(catalog, content, default),
        "faq": faq(settings.get("faq"), link),
        "json_ld": data_json(offers_json_ld(catalog, content.site, cards, page_url)),
    }


def estimate(catalog, content):
    """``{"request", "quote"}`` for the calculator region, or None without a priced plan.

    Raises ``QuoteError`` naming ``site.pricing.calculator.request`` when the YAML's request
    cannot be priced, so the build stops with a message marketing can act on.
    """
    request = default_request(catalog, content)
    if request is None:
        return None
    try:
        data = quote(catalog, request).to_dict()
    except QuoteError as exc:
        raise QuoteError(f"site.pricing.calculator.request: {exc}", exc.field) from None
    return {"request": request, "quote": data}


def _calculator(catalog, content, settings, default, link, bundle_urls):
    """The calculator region: the prerendered estimate, the form, and the data blocks the
    page scripts read (the bundle's URLs, the catalog the worker's engine loads, where each
    plan's link starts, the chart's data with the estimate's curves, the calls to action)."""
    region = {"title": settings["title"] if "title" in settings else _("Estimate your bill"),
              "text": settings.get("text"),
              "estimate": default, "form": None}
    if default is None:
        return region
    urls = dict(bundle_urls)
    region.update({
        "request_json": data_json(default["request"]),
        "form": calculator_form(catalog, default["request"]),
        "starts_json": data_json(plan_starts(catalog, default["request"])),
        "client": urls.pop("client"),
        "config_json": data_json(urls),
        # the plans and books the form follows; the engine's locale (its words: kilobytes)
        # is catalog.json's, the worker's, not the page's
        "catalog_json": data_json({key: value for key, value in catalog.to_dict().items()
                                   if key != "locale"}),
        # the decimal sign the page writes a quantity Python read back into its field with
        "decimal": catalog.locale.decimal if catalog.locale else ".",
        "chart": (chart := chart_data(catalog, default)),
        "chart_json": data_json(chart),
        "chart_legend": chart_legend(catalog, chart["curve"], default["request"]["plan"]),
        # the estimate's call to action and contact link, carrying the estimate (cta.py)
        "cta_json": data_json(ctas := cta_config(catalog, content, link)),
        "ctas": estimate_ctas(ctas, default["quote"]),
    })
    return region


def data_json(value):
    """JSON safe inside a <script type="application/json"> data block: no "</script>"."""
    text = json.dumps(value, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def add_on_offers(catalog, plan):
    """schema.org offers bought with a plan (its ``addOn``): each seat kind with a price of its
    own and each add-on sold on it, at its monthly list price, described as the comparison
    table words it ("5 free, then $10 each", "$4 a month each, up to 20")."""
    extras = [(kind.name, kind.unit, kind_price(kind, catalog.currency))
              for kind in (plan.seats.kinds if plan.seats else ()) if kind.priced]
    extras += [(addon.name, addon.flat or addon.per_seat, addon_text(addon, plan, catalog))
               for addon in catalog.addons.values()
               if addon.plans is None or plan.id in addon.plans]
    return [{"@type": "Offer", "name": name, "description": words, "price": plain(price),
             "priceCurrency": catalog.currency} for name, price, words in extras]


def offers_json_ld(catalog, site, cards, page_url):
    """schema.org Product with one Offer per priced plan and currency; prices are quote decimal
    strings, for a month (a plan sold yearly only: for a year)."""
    offers = []
    for card in cards:
        if card["custom"]:
            continue
        for book in card["books"]:
            billing = card["billing"][0]
            data = book["quotes"][billing]
            unit = "MON" if billing == "monthly" else "ANN"
            prices = catalog.book(book["currency"])
            extras = add_on_offers(prices, prices.plan(card["id"]))
            offer = {
                "@type": "Offer",
                "name": _("{plan} plan").format(plan=card["name"]),
                "description": card["description"] or card["tagline"] or
                               _("{plan} plan, {billed}").format(plan=card["name"],
                                                                 billed=billed(billing)),
                "url": f"{page_url}#plan-{card['id']}" if page_url else f"#plan-{card['id']}",
                "price": data["total"],
                "priceCurrency": book["currency"],
                "availability": "https://schema.org/InStock",
                "priceSpecification": {
                    "@type": "UnitPriceSpecification", "price": data["total"],
                    "priceCurrency": book["currency"], "unitCode": unit,
                    "referenceQuantity": {"@type": "QuantitativeValue", "value": 1,
                                          "unitCode": unit},
                },
                **({"addOn": extras} if extras else {}),
            }
            offer.update(promotion_terms(data, unit))  # a promotion's price and its end
            offers.append(offer)
    product = {"@context": "https://schema.org", "@type": "Product",
               "name": site.get("name", "Product"),
               "brand": {"@type": "Brand", "name": site.get("name", "Product")},
               "offers": offers}
    if site.get("description"):
        product["description"] = site["description"]
    return product
