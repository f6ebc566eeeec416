"""Small catalogs for tests, built around one charge."""

import copy

from calculator import load_catalog
from pricing_site.catalog import Content
from pricing_site.catalog.content import split

# Tiers that the bill (test_quote.py) and the comparison table (test_site_pages.py) word alike
STORAGE_TIERS = [{"up_to": 1000, "unit": "0.2"}, {"up_to": 5000, "unit": "0.1"}, {"unit": "0.05"}]
ZERO_FEE_TIERS = [{"up_to": 0, "unit": 0, "flat": 10}, {"up_to": 10, "unit": 5}, {"unit": 4}]
FLAT_FEE_TIERS = [{"up_to": 10, "unit": "0.1234", "flat": "1.2345"}, {"unit": "0.5", "flat": "99.5"}]


def one_plan(seats=None, usage=None, currency="USD", flat=0, step=None, **plan_extra):
    """A catalog dict with one plan 'p'; ``usage`` charges meter metric 'm' (in ``step``s)."""
    price = {"flat": flat}
    if seats is not None:
        price["seats"] = seats
    if usage is not None:
        price["usage"] = {"m": usage}
    return {
        "currency": currency,
        "metrics": {"m": {"name": "Things", "unit": "things", "max": 1_000_000,
                          **({} if step is None else {"step": step})}},
        "plans": [{"id": "p", "name": "P", "price": price, **plan_extra}],
    }


def seat_catalog(seats, **kw):
    return load_catalog(one_plan(seats=seats, **kw))


def with_content(document):
    """``(catalog, content)`` of a whole plans.yaml document (prices and page texts), as the
    site splits it; the engine checks the prices, the page tests use the texts."""
    prices, content = split(document)
    return load_catalog(prices), content


def calculator_settings(settings):
    """Page content holding only ``site.pricing.calculator``."""
    return Content(site={"pricing": {"calculator": settings}})


def books_follow_plans(data, copies=None):
    """``data`` (a plans.yaml document) with each price book priced for its plans after a test
    cut or copied them: a plan gone is dropped from the books, a copy (``copies``: new id ->
    the id it copies) is priced as its original in each book."""
    copies = copies or {}
    ids = [plan["id"] for plan in data["plans"] if not plan.get("custom")]
    for book in data.get("price_books", {}).values():
        book["plans"] = {i: copy.deepcopy(book["plans"][copies.get(i, i)]) for i in ids
                         if copies.get(i, i) in book["plans"]}
    return data


def card_price(catalog, plan, billing, currency=None):
    """What a plan card's price reads (in ``currency``'s book), worked out from quotes: the
    monthly equivalent of its entry bill, or for a base fee beside seats priced alike,
    "$299.00 + $45/seat" (the fee alone's monthly equivalent, then a seat's price on the bill)."""
    from calculator import quote
    from pricing_site.pages.cards import entry_request
    data = quote(catalog, entry_request(plan, billing, currency)).to_dict()
    seats = plan.seats
    line = next((line for line in data["lines"] if line["kind"] == "seats"), None)
    if not (plan.flat and seats and not seats.minimum and not seats.included and line
            and line["display"]["unit_price"]):
        return data["display"]["monthly_equivalent"]
    alone = quote(catalog, {**entry_request(plan, billing, currency), "seats": 0}).to_dict()
    return f"{alone['display']['monthly_equivalent']} + {line['display']['unit_price']}/seat"
