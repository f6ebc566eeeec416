"""The live calculator's form, as plain data for the pricing page template.

Which inputs exist (currency, billing, seats, each metric, seat kinds, add-ons, commitment),
which plans use each one (``plans``: the page hides an input the chosen plan does not use),
slider ranges, the starting values from the default request, and where each plan's link
starts. No amount is here: the result region shows the prerendered quote, and the browser
asks the engine for every later one; a seat kind's and a quantity add-on's label say what one
costs, as the comparison table words it, in each currency.
"""

import math
from decimal import ROUND_HALF_UP, Decimal

from calculator import parse_request
from calculator.money import format_price, plain
from calculator.written import for_field

from .price_words import kind_price
from .words import _

from .offers import commitment_choices

SEAT_SLIDER_MAX = 250  # seats slider range unless a plan's tiers or limits reach further
METRIC_SLIDER_STOPS = 1000  # a metric slider's positions (its max attribute), on a log scale


def _seat_slider_max(catalog):
    edges = [Decimal(SEAT_SLIDER_MAX)]
    for plan in catalog.plans:
        if plan.seats is None:
            continue
        edges += [t.up_to for t in plan.seats.tiers if t.up_to is not None]
        if plan.seats.limit is not None:
            edges.append(plan.seats.limit)
    return int(min(max(edges) * Decimal("1.25"), Decimal(5000)))


def slider_position(value, maximum, step=None):
    """Where a slider stands for ``value`` as the page is built, so that it shows the field's
    quantity from the first frame (site_src/assets/calculator/slider.js ``valueToSlider`` places
    it once its script runs, to the same position): the seats' slider is linear, one position a
    seat; a metric's (``step`` given) is logarithmic over METRIC_SLIDER_STOPS positions. A
    position, not an amount: no price is read from it."""
    value = min(max(Decimal(value), Decimal(0)), Decimal(maximum))
    if step is None:
        return int(value.to_integral_value(rounding=ROUND_HALF_UP))
    # in floats, as the page divides them
    ratio = (math.log(float(value) / float(step) + 1)
             / math.log(float(maximum) / float(step) + 1))
    return math.floor(ratio * METRIC_SLIDER_STOPS + 0.5)  # JavaScript's Math.round


def built_values(catalog, request):
    """The form's quantities by field name, as Python reads them from ``request``: each
    metric it leaves out at the catalog's default; a seat kind it leaves out is not there
    (its field starts empty)."""
    built = parse_request(catalog, request)
    values = {"seats": Decimal(built.seats)}
    values.update({f"usage.{m}": built.usage.get(m, metric.default)
                   for m, metric in catalog.metrics.items()})
    values.update({f"kind.{k}": Decimal(count) for k, count in built.seat_kinds.items()})
    return values


def calculator_form(catalog, request):
    """Fields for ``site_src/overrides/pricing/calculator.html``, filled from ``request``."""
    priced = [p for p in catalog.plans if not p.custom]
    built = parse_request(catalog, request)
    values = built_values(catalog, request)
    seat_plans = [p.id for p in priced if p.seats is not None]
    fields = {
        "plans": [{"id": p.id, "name": p.name, "custom": p.custom,
                   "selected": p.id == request["plan"]} for p in catalog.plans],
        "billing": built.billing,
        # each billing's radio shows for the plans sold on it
        "billings": {b: " ".join(p.id for p in catalog.plans if b in p.billing)
                     for b in ("monthly", "annual")},
        # the currencies there are prices in, when there is a choice
        "currencies": [{"code": code, "selected": code == (built.currency or catalog.currency)}
                       for code in catalog.currencies] if len(catalog.currencies) > 1 else [],
        "seats": {"plans": " ".join(seat_plans), "value": for_field(values["seats"]),
                  "max": (seat_max := _seat_slider_max(catalog)),
                  "position": slider_position(values["seats"], seat_max)}
        if seat_plans else None,
        "metrics": [],
        "kinds": [],
        "addons": [],
        "commitment": None,
        "promotion": None,
    }
    for metric in catalog.metrics.values():
        plans = [p.id for p in priced if metric.id in p.usage]
        if plans:
            fields["metrics"].append({
                "id": metric.id, "name": metric.name, "unit": metric.unit,
                "plans": " ".join(plans), "max": plain(metric.max), "step": plain(metric.step),
                "stops": METRIC_SLIDER_STOPS,
                "value": for_field(values[f"usage.{metric.id}"]),
                "position": slider_position(values[f"usage.{metric.id}"], metric.max, metric.step)})
    for kind_id, labels in _kind_labels(catalog, priced).items():
        count = values.get(f"kind.{kind_id}")
        fields["kinds"].append({
            "id": kind_id, "plans": " ".join(p for label in labels for p in label["plans"]),
            "labels": [{**label, "plans": " ".join(label["plans"])} for label in labels],
            "value": "" if count is None else for_field(count)})
    for addon in catalog.addons.values():
        plans = [p.id for p in priced if addon.plans is None or p.id in addon.plans]
        if plans:
            fields["addons"].append({
                "id": addon.id, "name": addon.name, "description": addon.description,
                "plans": " ".join(plans), "checked": addon.id in built.addons,
                "quantity": addon.quantity,
                "prices": _in_each_currency(catalog, lambda book: _addon_price(
                    book.addons[addon.id], book.currency)) if addon.quantity else [],
                "max": "" if addon.max is None else str(addon.max),
                "value": str(built.addon_quantities[addon.id])
                if addon.id in built.addon_quantities else ""})
    if any(p.commitments for p in priced):
        # one control a plan, each level stating its minimum (in every currency, for the page
        # to show the chosen one's)
        fields["commitment"] = [{**choice, "level": built.commitment
                                 if choice["plan"] == built.plan else 0}
                                for choice in commitment_choices(catalog)]
    if any(p.code for p in catalog.promotions.values()):
        fields["promotion"] = {"value": request.get("promotion") or ""}
    return fields


def _addon_price(addon, currency):
    """A quantity add-on's price beside its input: "$4 a month each"."""
    return _("{price} a month each").format(price=format_price(addon.flat, currency))


def _in_each_currency(catalog, words_of):
    """``[{"currency", "text"}]``: ``words_of(book)`` in each price book, the catalog's own
    first (the page shows the chosen currency's, as the cards and the comparison do); the
    one text alone when every book words it alike. [] when there are no words."""
    texts = [{"currency": code, "text": words_of(catalog.book(code))}
             for code in catalog.currencies]
    if not texts[0]["text"]:
        return []
    return texts if len({t["text"] for t in texts}) > 1 else texts[:1]


def _kind_labels(catalog, plans):
    """``{kind id: [{"name", "prices", "plans"}]}``: one input serves a seat kind on every plan
    that has it, and its label reads as each plan names and prices the kind ("Guests", "5
    free, then $10 each", in each currency), shown for those plans."""
    kinds = {}
    for plan in plans:
        for kind in plan.seats.kinds if plan.seats else ():
            prices = _in_each_currency(catalog, lambda book: kind_price(
                next(k for k in book.plan(plan.id).seats.kinds if k.id == kind.id),
                book.currency))
            words = {"name": kind.name, "prices": prices}
            labels = kinds.setdefault(kind.id, [])
            label = next((label for label in labels if label["words"] == words), None)
            if label is None:
                labels.append(label := {"words": words, "plans": []})
            label["plans"].append(plan.id)
    return {kind_id: [{**label["words"], "plans": label["plans"]} for label in labels]
            for kind_id, labels in kinds.items()}


def plan_starts(catalog, request):
    """Where the form starts for a link that names a plan but not all of its fields
    (``?plan=free``): ``{plan id: {field name: value}}``, the built form's values, each
    brought down to that plan's limit. Free starts at its 3 seats, 10,000 calls and 1 GB, not
    at the 10 seats built for Team, which it would refuse; a count below a plan's minimum is
    left, as the plan prices it (billed at the minimum)."""
    values = built_values(catalog, request)
    starts = {}
    for plan in catalog.plans:
        seats = plan.seats
        limits = {"seats": seats.limit if seats else None}
        limits.update({f"usage.{m}": charge.limit for m, charge in plan.usage.items()})
        limits.update({f"kind.{k.id}": k.limit for k in (seats.kinds if seats else ())})
        starts[plan.id] = {name: plain(_within(value, limits.get(name)))
                           for name, value in values.items()}
    return starts


def _within(value, limit):
    return value if limit is None else min(value, Decimal(limit))  # a kind's limit is an int
