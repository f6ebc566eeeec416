"""The plan comparison table, generated from the catalog so it can never drift from it.

Rows are grouped (pricing, usage, add-ons, features); each cell is ``{"text", "check",
"texts"}`` where ``check`` is True/False for yes/no marks and None for text. The starting price
row comes from ``calculator.quote`` (via the plan cards); every other row describes the price
list itself. The table is worded in every currency the catalog has prices in: a cell whose
words differ between currencies holds each one in ``texts`` (``[{"currency", "text"}]``, the
catalog's own first, which is also its ``text``), for the page to show the chosen one.
"""

from calculator.money import format_price, format_quantity
from calculator.ranges import SEAT_STEP, sales_range

from .offers import commitment_words, offer_row_cells
from .price_words import (addon_text, billing_words, credit_text, kinds_text, percent,
                          seats_text, usage_text)
from .words import _

DASH = "—"


def _cell(text=DASH, check=None):
    return {"text": text, "check": check}


def _row(label, cells):
    return {"label": label, "cells": cells}


def _both(monthly, annual):
    """A price list entry with its annual prices when they are written apart."""
    return monthly if annual == monthly else _("{monthly}; billed yearly: {annual}").format(
        monthly=monthly, annual=annual)


def seat_limit(seats):
    """The seat limit as the engine applies it: the plan's ``limit`` ("3"), the last seat the
    tiers price and the seats a quote sends to sales ("200; 201 and up: contact sales"), or
    "No limit"."""
    if seats is not None and seats.limit is not None:
        return format_quantity(seats.limit)
    sales = sales_range(seats, SEAT_STEP) if seats is not None else None
    if sales is None:
        return _("No limit")
    return _("{last}; {beyond}: contact sales").format(last=sales[0], beyond=sales[1])


def _yearly_terms(book, plan):
    """How billing yearly changes a plan's prices: its discount, its written annual prices, or
    both ("Annual prices, 20% off the rest")."""
    annual = book.at("annual").plan(plan.id)
    if annual is plan:
        return percent(plan.annual_discount) if plan.annual_discount else DASH
    discounted = (annual.flat and annual.flat_discountable) or (
        annual.seats is not None and annual.seats.discountable) or any(
        c.discountable for c in annual.usage.values()) or any(
        a.discountable and (a.flat or a.per_seat) for a in book.at("annual").addons.values()
        if a.plans is None or plan.id in a.plans)
    if plan.annual_discount and discounted:
        return _("Annual prices, {percent} off the rest").format(percent=percent(plan.annual_discount))
    return _("Annual prices")


def _pricing_rows(book, cards, code):
    cur = book.currency
    annual = book.at("annual")
    custom = _cell(_("Custom"))
    starts = [_cell(next(b for b in c["books"] if b["currency"] == code)["price_from"]
                    if not c["custom"] else c["price_from"]) for c in cards]
    rows = [_row(_("Starts at"), starts)]
    offers = offer_row_cells(cards, code, _cell, DASH)
    if offers:
        rows.append(_row(_("Offer"), offers))
    free = {c["id"] for c in cards if c["free"]}

    def per_plan(make):
        return [custom if p.custom else make(p, annual.plan(p.id)) for p in book.plans]

    if any(len(p.billing) == 1 for p in book.plans):
        rows.append(_row(_("Billing"), per_plan(lambda p, a: _cell(billing_words(p.billing)))))
    a_month = _("{price} a month")
    rows.append(_row(_("Base fee"), per_plan(
        lambda p, a: _cell(_both(a_month.format(price=format_price(p.flat, cur)),
                                 a_month.format(price=format_price(a.flat, cur))))
        if p.flat or a.flat else _cell())))
    rows.append(_row(_("Seats"), per_plan(
        lambda p, a: _cell(_both(seats_text(p.seats, cur), seats_text(a.seats, cur))))))
    rows.append(_row(_("Minimum seats"), per_plan(
        lambda p, a: _cell(format_quantity(p.seats.minimum)) if p.seats and p.seats.minimum
        else _cell())))
    rows.append(_row(_("Seat limit"), per_plan(lambda p, a: _cell(seat_limit(p.seats)))))
    kinds = [k for p in book.plans if p.seats for k in p.seats.kinds]
    if kinds:
        label = _("Seat types") if any(k.priced for k in kinds) else _("Free seats")
        rows.append(_row(label, per_plan(lambda p, a: _cell(
            _both(kinds_text(p.seats, cur), kinds_text(a.seats, cur)) or DASH))))
    if any(p.credit for p in book.plans):
        rows.append(_row(_("Usage credit"), per_plan(lambda p, a: _cell(
            _both(credit_text(p.credit, book), credit_text(a.credit, book))) if p.credit
            else _cell())))
    rows.append(_row(_("Yearly billing discount"), per_plan(
        lambda p, a: _cell(_yearly_terms(book, p)) if "annual" in p.billing and p.id not in free
        else _cell())))
    if any(p.commitment for p in book.plans):
        rows.append(_row(_("Committed use"), per_plan(lambda p, a: _cell(
            commitment_words(p, cur)) if p.commitment else _cell())))
    return rows


def _usage_rows(book):
    annual = book.at("annual")
    rows = []
    for metric in book.metrics.values():
        cells = []
        for plan in book.plans:
            charge = plan.usage.get(metric.id)
            if plan.custom:
                cells.append(_cell(_("Custom")))
            elif charge:
                yearly = annual.plan(plan.id).usage[metric.id]
                cells.append(_cell(_both(usage_text(charge, metric, book.currency),
                                         usage_text(yearly, metric, book.currency))))
            else:
                cells.append(_cell(_("Not included"), False))
        rows.append(_row(metric.name, cells))
    return rows


def _addon_rows(book):
    annual = book.at("annual").addons
    rows = []
    for addon in book.addons.values():
        cells = []
        for plan in book.plans:
            if plan.custom:
                cells.append(_cell(_("Ask sales")))
            elif addon.plans is None or plan.id in addon.plans:
                cells.append(_cell(_both(addon_text(addon, plan, book),
                                         addon_text(annual[addon.id], plan, book))))
            else:
                cells.append(_cell(_("Not available"), False))
        rows.append(_row(addon.name, cells))
    return rows


def _feature_value(value):
    if isinstance(value, bool):
        return _cell(_("Included") if value else _("Not included"), value)
    return _cell(str(value))


def _feature_rows(catalog, content, feature_rows):
    if feature_rows:
        return [_row(r["label"], [_feature_value(r["plans"].get(p.id, False)) for p in catalog.plans])
                for r in feature_rows]
    features = {p.id: content.plan(p.id).get("features", ()) for p in catalog.plans}
    labels = list(dict.fromkeys(f for listed in features.values() for f in listed))
    return [_row(label, [_feature_value(label in features[p.id]) for p in catalog.plans])
            for label in labels]


def _priced_groups(catalog, cards, code):
    book = catalog.book(code)
    return [(_("Pricing"), _pricing_rows(book, cards, code)), (_("Usage"), _usage_rows(book)),
            (_("Add-ons"), _addon_rows(book))]


def _in_every_currency(tables):
    """The first table's groups, each cell with ``texts`` where another currency words it
    otherwise (the tables have the same rows and cells: a plan sells the same in each)."""
    codes = list(tables)
    merged = tables[codes[0]]
    for g, (_title, rows) in enumerate(merged):
        for r, row in enumerate(rows):
            for c, cell in enumerate(row["cells"]):
                texts = [{"currency": code, "text": tables[code][g][1][r]["cells"][c]["text"]}
                         for code in codes]
                cell["texts"] = texts if len({t["text"] for t in texts}) > 1 else None
    return merged


def first_pair(cards):
    """The ids of the two plans a narrow screen shows side by side until the visitor picks
    others: the popular plan (else the first) and the one after it (before it, for the last)."""
    ids = [c["id"] for c in cards]
    first = next((i for i, c in enumerate(cards) if c["popular"]), 0)
    return set(ids[first:first + 2] if first + 2 <= len(ids) else ids[-2:])


def comparison_table(catalog, content, cards, settings):
    """``{"title", "plans", "groups": [{"title", "rows"}]}``; empty groups are left out. Each
    plan is ``{"id", "name", "popular", "first_pair"}`` (``first_pair``: see ``first_pair``)."""
    priced = _in_every_currency({code: _priced_groups(catalog, cards, code)
                                 for code in catalog.currencies})
    features = [_row(r["label"], [{**cell, "texts": None} for cell in r["cells"]])
                for r in _feature_rows(catalog, content, settings.get("features"))]
    groups = priced + [(_("Features"), features)]
    pair = first_pair(cards)
    return {
        "title": settings["title"] if "title" in settings else _("Compare plans"),
        "plans": [{"id": c["id"], "name": c["name"], "popular": c["popular"],
                   "first_pair": c["id"] in pair} for c in cards],
        "groups": [{"title": t, "rows": rows} for t, rows in groups if rows],
    }
