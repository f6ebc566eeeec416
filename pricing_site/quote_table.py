"""A quote as a readable plain-text bill for the terminal (``pricing-site quote``)."""

WIDTH = 64


def _row(left, right="", indent=2):
    left = " " * indent + left
    gap = max(1, WIDTH - len(left) - len(right))
    return left + " " * gap + right


def quote_table(result):
    """The bill, one row per line, tier and discount, then total, nudges and alerts."""
    data = result.to_dict()
    period = "year" if data["billing"] == "annual" else "month"
    out = [f"{data['plan_name']} plan · {data['billing']} billing · {data['currency']}", ""]
    if data["status"] == "contact_sales":
        out.append(_row(data["message"]))
        return "\n".join(out)
    # the charges, the discounts, then a commitment's true-up: the bill reads as its sum
    true_ups = [line for line in data["lines"] if line["kind"] == "true_up"]
    for line in [line for line in data["lines"] if line["kind"] != "true_up"]:
        out += _line_rows(line)
    for discount in data["discounts"]:
        out.append(_row(discount["label"], discount["display"]["amount"]))
    for line in true_ups:
        out += _line_rows(line)
    # what follows a promotion, a commitment's year's end: about the bill as a whole
    out += [_row(part["display"]["note"]) for part in (data["promotion"], data["commitment"])
            if part and part["display"]["note"]]
    out.append(_row("-" * (WIDTH - 2), indent=2))
    out.append(_row(f"Total per {period}", data["display"]["total"]))
    if data["billing"] == "annual":
        out.append(_row("Monthly equivalent", data["display"]["monthly_equivalent"]))
    if data["shows"]["annual_saving"]:
        out.append(_row("Saving against monthly billing", data["display"]["annual_saving"] + "/year"))
    extra = [n["message"] for n in data["nudges"]] + [a["message"] for a in data["alerts"]]
    if data["cheaper_plan"]:
        cheaper = data["cheaper_plan"]
        extra.append(f"The {cheaper['name']} plan would cost {cheaper['display']['total']} "
                     f"({cheaper['display']['saving']} less).")
    if extra:
        out.append("")
        out.extend(f"  • {text}" for text in extra)
    return "\n".join(out)


def _line_rows(line):
    shown = line["display"]
    rows = [_row(line["label"], shown["amount"])]
    if shown["detail"]:
        rows.append(_row(shown["detail"], indent=6))
    for tier in line["tiers"]:
        text = f"{tier['range']}: {tier['display']['quantity']} × {tier['display']['unit_price']}"
        if tier["flat"] != "0":
            text += f" + {tier['display']['flat']}"
        rows.append(_row(text, f"({tier['display']['amount']}/month)", indent=6))
    for note in line["notes"]:
        rows.append(_row(f"({note})", indent=6))
    return rows
