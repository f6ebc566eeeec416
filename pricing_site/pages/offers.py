"""Promotions and commitment levels on the pages: the cards' and the comparison's words, the
JSON-LD's terms, the calculator's commitment choices.

Every amount and every sentence is the engine's: a quote's ``promotion`` (its ``display``) for
what applies on the build's day, ``calculator.commitment.level_words`` for a level's terms in
each price book. This module only picks them for each place.
"""

from calculator.commitment import level_choice, level_words

from .words import _


def card_promotion(data):
    """A card price's promotion sentence, from its quote: "50% off the first 3 months, then
    $70.00 a month (offer ends 30 June 2026)"; None without one."""
    promotion = data.get("promotion")
    return promotion["display"]["summary"] if promotion else None


def offer_row_cells(cards, currency, cell, dash):
    """The comparison's "Offer" cells in ``currency``, one a card (``cell(text)``), from the
    card's first quote in that currency (a custom plan has none); None when no plan has an
    automatic promotion."""
    cells, any_offer = [], False
    for card in cards:
        book = next(b for b in card["books"] if b["currency"] == currency)
        quotes = [q for q in book["quotes"].values() if q.get("promotion")]
        if not quotes:
            cells.append(cell(dash))
            continue
        promotion = quotes[0]["promotion"]
        text = f"{promotion['name']}: {promotion['display']['offer']}"
        if promotion["until"]:
            text += _(", until {day}").format(day=promotion["display"]["until"])
        cells.append(cell(text))
        any_offer = True
    return cells if any_offer else None


def promotion_terms(data, unit):
    """What a JSON-LD Offer adds for its quote's promotion (``data``; ``unit`` "MON" or "ANN"):
    a price specification for the promoted price and, for a promotion of some months, one for
    the price after it (``billingDuration`` and ``billingStart`` count in months, on a monthly
    price), and the last day the offer is valid. Empty without a promotion."""
    promotion = data.get("promotion")
    if not promotion:
        return {}

    def spec(price, **more):
        return {"@type": "UnitPriceSpecification", "price": price,
                "priceCurrency": data["currency"], "unitCode": unit,
                "referenceQuantity": {"@type": "QuantitativeValue", "value": 1, "unitCode": unit},
                **more}
    first = {"name": f"{promotion['name']}: {promotion['display']['offer']}"}
    if promotion["until"]:
        first["validThrough"] = promotion["until"]
    terms = {}
    if promotion["then"] is not None and unit == "MON":
        first["billingDuration"] = promotion["months"]
        terms["priceSpecification"] = [spec(data["total"], **first),
                                       spec(promotion["then"], billingStart=promotion["months"])]
    else:
        terms["priceSpecification"] = [spec(data["total"], **first)]
    if promotion["until"]:
        terms["priceValidUntil"] = promotion["until"]
    return terms


def commitment_words(plan, currency):
    """The comparison's committed-use cell: each level's terms ("20% off seats and usage for
    $50,000 a year"), a plan with several levels listing them all."""
    return " · ".join(level_words(level, currency) for level in plan.commitments)


def commitment_choices(catalog):
    """What the calculator's commitment control offers on each plan that has levels:
    ``[{"plan", "options": [{"level", "label", "labels": {currency: label}}]}]``, each label
    stating the level's minimum ("Commit to a $50,000 a year minimum: 20% off seats and
    usage"): in the catalog's currency, and in each of its currencies for the page to swap in."""
    choices = []
    for plan in catalog.plans:
        if not plan.commitments:
            continue
        labels = {code: [level_choice(level, code)
                         for level in catalog.book(code).plan(plan.id).commitments]
                  for code in catalog.currencies}
        choices.append({"plan": plan.id, "options": [
            {"level": i + 1, "label": labels[catalog.currency][i],
             "labels": {code: words[i] for code, words in labels.items()}}
            for i in range(len(plan.commitments))]})
    return choices
