"""When an estimate is big enough to talk to sales: the catalog's ``sales_threshold``.

    sales_threshold:              # catalog-wide; a plan's own replaces it whole
      monthly: 50000              # a bill above this a month (the monthly equivalent of a yearly one)
      seats: 500                  # more seats than this
      usage: {api_calls: 1000000000}   # more of a metric than this, a month

Above any of them the quote still prices the bill, and says why to talk to sales
(``Quote.to_dict()["sales"]``); the page leads with its contact link. "Above" is strictly
more: an estimate at the threshold is a self-serve one.

Quantities are the same in every currency; money is not, and is never converted: where a
threshold has ``monthly``, each price book writes its own (``price_books: {EUR:
{sales_threshold: {monthly: 46000}}}``, and per plan beside the plan's price), read in that
book's money as its prices are.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from .locale import _, speaking
from .money import format_price, plain
from .units import SEAT_UNITS, counted

KEYS = ("monthly", "seats", "usage")
BOOK_KEYS = ("monthly",)  # what a price book writes of a threshold: its money


@dataclass(frozen=True)
class Threshold:
    monthly: object = None  # Decimal, in the book's currency; None: no money threshold
    seats: object = None  # Decimal; None: none
    usage: dict = field(default_factory=dict)  # metric id -> Decimal a month


def read(reader, raw, path, metrics):
    """A ``sales_threshold`` mapping, as the catalog or a plan writes it; None after a
    mistake (told to ``reader``)."""
    raw = reader.mapping(raw, path, KEYS)
    if raw is None:
        return None
    monthly = reader.price(raw["monthly"], path + ("monthly",)) if "monthly" in raw else None
    seats = reader.whole(raw["seats"], path + ("seats",), what="number of seats") \
        if "seats" in raw else None
    usage = reader.per_metric(raw.get("usage", {}), path + ("usage",), metrics,
                              "a quantity a month", "quantity")
    if usage is None or ("monthly" in raw and monthly is None) or ("seats" in raw and seats is None):
        return None
    return Threshold(monthly, None if seats is None else Decimal(seats), usage)


def read_book(reader, raw, path, code, default, whose):
    """The threshold of a price book (``raw`` as written, or None when left out): ``default``
    (the default book's) with this book's ``monthly``, which it must give when ``default`` has
    one and must not when it has none. ``whose``: "the catalog's" or "the Team plan's"."""
    if default is None or default.monthly is None:
        if raw is not None:
            reader.fail(path, f"{whose} sales threshold has no money part (monthly) to write "
                              f"in {code}; quantities are the same in every currency")
            return None
        return default
    if raw is None:
        reader.fail(path, f"is required: {whose} sales threshold is {plain(default.monthly)} a "
                          f"month in the catalog's currency; write it in {code} too (money is "
                          f"never converted)")
        return None
    raw = reader.mapping(raw, path, BOOK_KEYS, required=BOOK_KEYS,
                         what=f"a mapping of the threshold's {code} money (monthly)")
    if raw is None or "monthly" not in raw:
        return None
    monthly = reader.price(raw["monthly"], path + ("monthly",))
    return None if monthly is None else replace(default, monthly=monthly)


def to_dict(threshold):
    out = {}
    if threshold.monthly is not None:
        out["monthly"] = plain(threshold.monthly)
    if threshold.seats is not None:
        out["seats"] = plain(threshold.seats)
    if threshold.usage:
        out["usage"] = {m: plain(q) for m, q in threshold.usage.items()}
    return out


def book_dict(threshold):
    """What a price book writes of a threshold; None when it has no money part."""
    return None if threshold is None or threshold.monthly is None else {
        "monthly": plain(threshold.monthly)}


def over(threshold, request, monthly, catalog):
    """The ``sales`` part of a priced quote: ``{reason, metric, threshold, display: {threshold,
    message}}`` for the first threshold the estimate is above (its money a month, its seats,
    its usage, in the catalog's order), or None. ``monthly``: the bill per month."""
    if threshold is None:
        return None
    for reason, metric, limit in _limits(threshold):
        asked = monthly if reason == "monthly" else request.seats if reason == "seats" else \
            request.usage.get(metric, 0)
        if asked > limit:
            return _said(reason, metric, limit, _limit_words(reason, metric, limit, catalog))
    return None


@speaking
def limits_in_words(catalog, threshold):
    """``threshold``'s limits as a price list states them, in the catalog's order ("$50,000 a
    month", "500 seats", "1,000,000 API calls a month"); empty for no threshold."""
    if threshold is None:
        return []
    return [_limit_words(reason, metric, limit, catalog)
            for reason, metric, limit in _limits(threshold)]


def _limits(threshold):
    """``(reason, metric, limit)`` of each part of ``threshold``, in the catalog's order."""
    if threshold.monthly is not None:
        yield "monthly", None, threshold.monthly
    if threshold.seats is not None:
        yield "seats", None, threshold.seats
    for metric_id, limit in threshold.usage.items():
        yield "usage", metric_id, limit


def _limit_words(reason, metric, limit, catalog):
    if reason == "monthly":
        return _("{amount} a month").format(amount=format_price(limit, catalog.currency))
    if reason == "seats":
        return counted(limit, SEAT_UNITS)
    return _("{quantity} a month").format(quantity=counted(limit, catalog.metrics[metric].units))


def _said(reason, metric, threshold, words):
    return {"reason": reason, "metric": metric, "threshold": plain(threshold),
            "display": {"threshold": words, "message": _(
                "Over {threshold}: talk to us for volume pricing.").format(threshold=words)}}
