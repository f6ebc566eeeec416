"""The live calculator's form, as plain data for the pricing page template.

Which inputs exist (seats, each metric, seat kinds, add-ons, commitment), which plans use
each one (``plans``: the page hides an input the chosen plan does not use), slider ranges
and the starting values from the default request. Prices are not here: the result region
shows the prerendered quote, and the browser asks the engine for every later one.
"""

from decimal import Decimal

from calculator.money import plain

SEAT_SLIDER_MAX = 250  # seats slider range unless a plan's tiers or limits reach further


def _seat_slider_max(catalog):
    edges = [Decimal(SEAT_SLIDER_MAX)]
    for plan in catalog.plans:
        if plan.seats is None:
            continue
        edges += [t.up_to for t in plan.seats.tiers if t.up_to is not None]
        if plan.seats.limit is not None:
            edges.append(plan.seats.limit)
    return int(min(max(edges) * Decimal("1.25"), Decimal(5000)))


def calculator_form(catalog, request):
    """Fields for ``site_src/overrides/pricing/calculator.html``, filled from ``request``."""
    priced = [p for p in catalog.plans if not p.custom]
    usage = request.get("usage") or {}
    kinds_requested = request.get("seat_kinds") or {}
    seat_plans = [p.id for p in priced if p.seats is not None]
    fields = {
        "plans": [{"id": p.id, "name": p.name, "custom": p.custom,
                   "selected": p.id == request["plan"]} for p in catalog.plans],
        "billing": request.get("billing", "monthly"),
        "seats": {"plans": " ".join(seat_plans), "value": str(request.get("seats", 1)),
                  "max": _seat_slider_max(catalog)} if seat_plans else None,
        "metrics": [],
        "kinds": [],
        "addons": [],
        "commitment": None,
    }
    for metric in catalog.metrics.values():
        plans = [p.id for p in priced if metric.id in p.usage]
        if plans:
            fields["metrics"].append({
                "id": metric.id, "name": metric.name, "unit": metric.unit,
                "plans": " ".join(plans), "max": plain(metric.max), "step": plain(metric.step),
                "value": str(usage.get(metric.id, plain(metric.default)))})
    kinds = {}
    for plan in priced:
        for kind in plan.seats.kinds if plan.seats else ():
            kinds.setdefault(kind.id, {"id": kind.id, "name": kind.name, "plans": []})
            kinds[kind.id]["plans"].append(plan.id)
    for kind in kinds.values():
        fields["kinds"].append({**kind, "plans": " ".join(kind["plans"]),
                                "value": str(kinds_requested.get(kind["id"], ""))})
    chosen_addons = set(request.get("addons") or ())
    for addon in catalog.addons.values():
        plans = [p.id for p in priced if addon.plans is None or p.id in addon.plans]
        if plans:
            fields["addons"].append({"id": addon.id, "name": addon.name,
                                     "description": addon.description, "plans": " ".join(plans),
                                     "checked": addon.id in chosen_addons})
    committed = [p.id for p in priced if p.commitment is not None]
    if committed:
        fields["commitment"] = {"plans": " ".join(committed),
                                "checked": bool(request.get("commitment"))}
    return fields

