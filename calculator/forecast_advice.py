"""What wins over the chosen plan's months billed monthly, said as the planner says it.

Read from a forecast's ``to_dict()`` (its money is exact decimal text): moving to another plan
in a month (``switch``), another plan from the start (``cheaper_plan``), the same path paid
yearly (``yearly``) or with the plan's commitment (``committed``). Each item comes only where it
costs less than the chosen plan's months (``saving``, largest first); when the chosen plan
cannot price every month there is nothing to save against, and the plans that can serve the
path are named with their totals alone (``saving`` None).
"""

from decimal import Decimal

from .locale import _
from .money import format_money, plain


def advice(out, currency):
    """The planner's advice items for ``out``, a forecast's ``to_dict()`` without them."""
    base = None if out["total"] is None else Decimal(out["total"])
    months = len(out["months"])
    over = _("over the {count} months").format(count=months) if months > 1 else _("for the month")
    items = []

    def add(kind, total, saved_words, total_words, **fields):
        total = Decimal(total)
        saving = None if base is None else base - total
        if saving is not None and saving <= 0:
            return
        shown = {"total": format_money(total, currency),
                 "saving": None if saving is None else format_money(saving, currency)}
        words = total_words if saving is None else saved_words
        items.append({"kind": kind, **fields, "total": plain(total),
                      "saving": None if saving is None else plain(saving), "display": shown,
                      "text": words.format(**fields, **shown, over=over)})

    switch = out["switch"]
    if switch is not None:
        add("switch", switch["total"],
            _("{name} from month {month} saves {saving}: {total} {over}."),
            _("Moving to {name} in month {month}: {total} {over}."),
            plan=switch["plan"], name=switch["name"], month=switch["month"])
    cheapest = next((p for p in out["plans"] if p["plan"] == out["cheapest"]), None)
    if cheapest is not None and cheapest["plan"] != out["plan"]:
        add("cheaper_plan", cheapest["total"],
            _("{name} from the start saves {saving}: {total} {over}."),
            _("{name} prices every month: {total} {over}."),
            plan=cheapest["plan"], name=cheapest["name"])
    if base is not None:
        for kind, words in (("yearly", _("Paying yearly: {total}, {saving} less.")),
                            ("committed", _("With the yearly commitment: {total}, {saving} less."))):
            if (out[kind] or {}).get("total") is not None:
                add(kind, out[kind]["total"], words, words)
    if base is not None:
        items.sort(key=lambda item: -Decimal(item["saving"]))
    return items
