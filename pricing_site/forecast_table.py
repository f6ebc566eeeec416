"""A forecast for people: the month-by-month table at a terminal, and the CSV for finance."""

import csv
from decimal import Decimal

from calculator.money import format_quantity


def _columns(out):
    """The growing quantities' names, in the order the months give them."""
    first = out["months"][0]
    return ([("seats", "Seats")]
            + [(f"usage.{m}", m) for m in first["usage"]]
            + [(f"kind.{k}", k) for k in first["seat_kinds"]])


def _cell(month, column):
    if column == "seats":
        return month["seats"]
    group, _, key = column.partition(".")
    return (month["usage"] if group == "usage" else month["seat_kinds"]).get(key, "")


def _shown(value):
    return "" if value == "" else format_quantity(Decimal(str(value)))


def forecast_table(out):
    """Text lines for ``Forecast.to_dict()``."""
    columns = _columns(out)
    head = ["Month"] + [label for _, label in columns] + ["Total"]
    rows = [[str(m["month"])]
            + [_shown(_cell(m, c)) for c, _ in columns]
            + [m["display"]["total"] or m["status"].replace("_", " ")] for m in out["months"]]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [f"{out['plan_name']}, {len(out['months'])} months"]
    for row in [head, *rows]:
        lines.append("  " + "  ".join(cell.rjust(w) for cell, w in zip(row, widths)))
    total, billed_yearly = out["display"]["total"], out.get("billing") == "annual"
    lines.append(f"  Total over {len(out['months'])} months"
                 + (", billed yearly (each year's bill in its first month)" if billed_yearly else "")
                 + ": " + (total if total else "not priced every month (see below)"))
    for crossing in out["crossings"]:
        lines.append(f"  Month {crossing['month']}: {crossing['text']}")
    yearly = out["yearly"]
    if yearly["total"] is not None and not billed_yearly:  # the total above is the yearly one
        lines.append(f"  Billed yearly (prepaid at the start, growth trued up): "
                     f"{yearly['display']['total']}")
    if out["committed"] and out["committed"]["total"] is not None:
        lines.append(f"  With the committed-use option: {out['committed']['display']['total']}")
    lines.append("  Every plan over the same months:")
    for plan in out["plans"]:
        if plan["total"] is not None:
            mark = "  (cheapest)" if plan["plan"] == out["cheapest"] else ""
            lines.append(f"    {plan['name']}: {plan['display']['total']}{mark}")
        else:
            stop = plan["stops"]
            lines.append(f"    {plan['name']}: from month {stop['month']}, {stop['reason']}")
    switch = out["switch"]
    if switch:
        lines.append(f"  Switching to {switch['name']} in month {switch['month']} costs "
                     f"{switch['display']['total']} over the {len(out['months'])} months.")
    return "\n".join(lines)


def write_forecast_csv(out, path):
    """One row per month: the quantities, the status and the total (money as plain decimals)."""
    columns = _columns(out)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["month", *(c for c, _ in columns), "status", "total", "currency"])
        for month in out["months"]:
            writer.writerow([month["month"], *(_cell(month, c) for c, _ in columns),
                             month["status"], month["total"] or "", out["currency"]])
