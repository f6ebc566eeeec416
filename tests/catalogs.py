"""Small catalogs for tests, built around one charge."""

from calculator import load_catalog


def one_plan(seats=None, usage=None, currency="USD", flat=0, **plan_extra):
    """A catalog dict with one plan 'p'; ``usage`` charges meter metric 'm'."""
    price = {"flat": flat}
    if seats is not None:
        price["seats"] = seats
    if usage is not None:
        price["usage"] = {"m": usage}
    return {
        "currency": currency,
        "metrics": {"m": {"name": "Things", "unit": "things", "max": 1_000_000}},
        "plans": [{"id": "p", "name": "P", "price": price, **plan_extra}],
    }


def seat_catalog(seats, **kw):
    return load_catalog(one_plan(seats=seats, **kw))
