"""What a quote's bill shows, and in which order: the part of ``Quote.to_dict()`` that a
renderer follows instead of deciding it (the site renders a quote twice, at build time and
live in the browser, and the two must not disagree).

A renderer holds the markup and the words; the rules about a quote's bill are here, in
Python, so no renderer compares amounts: whether the yearly saving is worth a row, the order
the rows read in, how a tier's row reads, what one seat costs a month.
"""

from .models import model_of


def shows(priced, billing, annual_saving, cheaper_plan, sales=None):
    """``{part: bool}``: which parts of the result a page shows for this quote."""
    yearly = priced and billing == "annual"
    return {
        "bill": priced,
        "contact_sales": not priced,
        # a priced estimate above the catalog's sales threshold leads with talking to sales
        "sales": priced and sales is not None,
        # a year's bill is also given per month; a month's already is one
        "monthly_equivalent": yearly,
        # a saving is money yearly prices take off, never rounding (saving.py); none is no row
        "annual_saving": yearly and annual_saving is not None and annual_saving > 0,
        "cheaper_plan": cheaper_plan is not None,
    }


def bill_rows(lines, discounts, notes=()):
    """The bill's rows top to bottom, from ``to_dict()``'s lines and discounts: each charge with
    its tier and note rows, the discounts, then a commitment's true-up (it tops up what the
    discounts left), so the bill reads as its own sum; then ``notes`` on the bill as a whole
    (what a promotion leaves, a commitment's year's end). Each row is ``{"kind": "line" |
    "tier" | "note" | "discount", "label", "detail", "amount"}``, strings ("" where a kind has
    none)."""
    rows = [row for line in lines if line["kind"] != "true_up" for row in _line_rows(line)]
    rows += [_row("discount", d["label"], amount=d["display"]["amount"]) for d in discounts]
    rows += [row for line in lines if line["kind"] == "true_up" for row in _line_rows(line)]
    rows += [_row("note", note) for note in notes]
    return rows


def advice(alerts, nudges):
    """The notes under the bill, from ``to_dict()``'s alerts and nudges: the alerts first
    (something to act on), then the nudges; each ``{"kind": "alert" | "nudge", "message"}``."""
    return ([{"kind": "alert", "message": a["message"]} for a in alerts]
            + [{"kind": "nudge", "message": n["message"]} for n in nudges])


def tier_label(tier):
    """A tier's row: "1–10: 10 × $50", with the tier's flat fee when it has one ("+ $100")."""
    shown = tier["display"]
    label = f"{tier['range']}: {shown['quantity']} × {shown['unit_price']}"
    return label + (f" + {shown['flat']}" if tier["flat"] != "0" else "")


def _row(kind, label, detail="", amount=""):
    return {"kind": kind, "label": label, "detail": detail, "amount": amount}


def _line_rows(line):
    shown = line["display"]
    yield _row("line", line["label"], shown["detail"], shown["amount"])
    for tier in line["tiers"]:
        yield _row("tier", tier_label(tier), amount=tier["display"]["amount"])
    for note in line["notes"]:
        yield _row("note", note)


def seat_price(quote):
    """What one seat costs a month on ``quote``'s bill, as pricing pages state it ("$36 per
    seat/month, billed yearly"): the seat price less the discounts that apply to seats (the
    annual one where seats take it, a commitment's); None when the plan does not price every
    seat alike (tiers, packages) or the bill has no seat line."""
    bill = quote.bill
    seats = bill.plan.seats if bill.priced else None
    if seats is None or model_of(seats).needs != "unit":
        return None
    line = next((line for line in bill.lines if line.kind == "seats"), None)
    if line is None or line.unit_price is None:
        return None
    price = line.unit_price
    for discount in bill.discounts:
        if discount.kind == "commitment" or line.discountable:
            price -= price * discount.rate
    return price
