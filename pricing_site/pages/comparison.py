"""The plan comparison table, generated from the catalog so it can never drift from it.

Rows are grouped (pricing, usage, add-ons, features); each cell is ``{"text", "check"}``
where ``check`` is True/False for yes/no marks and None for text. The starting price row
comes from ``calculator.quote`` (via the plan cards); every other row describes the
price list itself.
"""

from calculator.money import format_price, format_quantity

from .price_words import kinds_text, percent, seats_text, usage_text

DASH = "—"


def _cell(text=DASH, check=None):
    return {"text": text, "check": check}


def _row(label, cells):
    return {"label": label, "cells": cells}


def _pricing_rows(catalog, cards):
    cur = catalog.currency
    custom = _cell("Custom")
    starts = [_cell(c["price_from"]) for c in cards]
    rows = [_row("Starts at", starts)]
    free = {c["id"] for c in cards if c["free"]}

    def per_plan(make):
        return [custom if p.custom else make(p) for p in catalog.plans]

    rows.append(_row("Base fee", per_plan(
        lambda p: _cell(f"{format_price(p.flat, cur)} a month") if p.flat else _cell())))
    rows.append(_row("Seats", per_plan(lambda p: _cell(seats_text(p.seats, cur)))))
    rows.append(_row("Minimum seats", per_plan(
        lambda p: _cell(format_quantity(p.seats.minimum)) if p.seats and p.seats.minimum else _cell())))
    rows.append(_row("Seat limit", per_plan(
        lambda p: _cell(format_quantity(p.seats.limit)) if p.seats and p.seats.limit is not None
        else _cell("No limit"))))
    if any(p.seats and p.seats.kinds for p in catalog.plans):
        rows.append(_row("Free seats", per_plan(lambda p: _cell(kinds_text(p.seats) or DASH))))
    rows.append(_row("Yearly billing discount", per_plan(
        lambda p: _cell(percent(p.annual_discount)) if p.annual_discount and p.id not in free
        else _cell())))
    if any(p.commitment for p in catalog.plans):
        rows.append(_row("Committed use", per_plan(lambda p: _cell(
            f"{percent(p.commitment.discount)} off seats and usage for "
            f"{format_price(p.commitment.annual_minimum, cur)} a year") if p.commitment else _cell())))
    return rows


def _usage_rows(catalog):
    rows = []
    for metric in catalog.metrics.values():
        cells = []
        for plan in catalog.plans:
            charge = plan.usage.get(metric.id)
            if plan.custom:
                cells.append(_cell("Custom"))
            else:
                cells.append(_cell(usage_text(charge, metric, catalog.currency)) if charge
                             else _cell("Not included", False))
        rows.append(_row(metric.name, cells))
    return rows


def _addon_rows(catalog):
    rows = []
    for addon in catalog.addons.values():
        parts = []
        if addon.flat:
            parts.append(f"{format_price(addon.flat, catalog.currency)} a month")
        if addon.per_seat:
            parts.append(f"{format_price(addon.per_seat, catalog.currency)} per seat a month")
        price = " + ".join(parts) or "Free"
        cells = []
        for plan in catalog.plans:
            if plan.custom:
                cells.append(_cell("Ask sales"))
            elif addon.plans is None or plan.id in addon.plans:
                cells.append(_cell(price))
            else:
                cells.append(_cell("Not available", False))
        rows.append(_row(addon.name, cells))
    return rows


def _feature_value(value):
    if isinstance(value, bool):
        return _cell("Included" if value else "Not included", value)
    return _cell(str(value))


def _feature_rows(catalog, content, feature_rows):
    if feature_rows:
        return [_row(r["label"], [_feature_value(r["plans"].get(p.id, False)) for p in catalog.plans])
                for r in feature_rows]
    features = {p.id: content.plan(p.id).get("features", ()) for p in catalog.plans}
    labels = list(dict.fromkeys(f for listed in features.values() for f in listed))
    return [_row(label, [_feature_value(label in features[p.id]) for p in catalog.plans])
            for label in labels]


def first_pair(cards):
    """The ids of the two plans a narrow screen shows side by side until the visitor picks
    others: the popular plan (else the first) and the one after it (before it, for the last)."""
    ids = [c["id"] for c in cards]
    first = next((i for i, c in enumerate(cards) if c["popular"]), 0)
    return set(ids[first:first + 2] if first + 2 <= len(ids) else ids[-2:])


def comparison_table(catalog, content, cards, settings):
    """``{"title", "plans", "groups": [{"title", "rows"}]}``; empty groups are left out. Each
    plan is ``{"id", "name", "popular", "first_pair"}`` (``first_pair``: see ``first_pair``)."""
    groups = [("Pricing", _pricing_rows(catalog, cards)),
              ("Usage", _usage_rows(catalog)),
              ("Add-ons", _addon_rows(catalog)),
              ("Features", _feature_rows(catalog, content, settings.get("features")))]
    pair = first_pair(cards)
    return {
        "title": settings.get("title", "Compare plans"),
        "plans": [{"id": c["id"], "name": c["name"], "popular": c["popular"],
                   "first_pair": c["id"] in pair} for c in cards],
        "groups": [{"title": t, "rows": rows} for t, rows in groups if rows],
    }
