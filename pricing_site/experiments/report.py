"""The read-out in words, for a person at a terminal (``--json`` gives the same figures)."""

from decimal import Decimal

from calculator.money import format_money


def _percent(value, signed=False):
    return "n/a" if value is None else f"{value:+.2%}" if signed else f"{value:.2%}"


def _p(value):
    return "p < 0.0001" if value < 0.0001 else f"p = {value:.4f}"


def _points(value):
    """An absolute difference of two rates, in percentage points."""
    return f"{value * 100:+.2f}"


def _interval(pair, signed=True):
    if pair is None:
        return "n/a (control is zero)"
    return f"{_percent(pair[0], signed)} to {_percent(pair[1], signed)}"


def _money(value, currency, signed=False):
    text = format_money(Decimal(str(round(value, 2))), currency)
    return "+" + text if signed and not text.startswith("-") else text


def _money_interval(pair, currency):
    return f"{_money(pair[0], currency)} to {_money(pair[1], currency)}"


def report(out, value=None):
    """Lines of text for ``read_experiment``'s dict; ``value`` names what a conversion was
    worth when conversions were priced."""
    lines = [f"Experiment {out['experiment']}"]
    for v in out["variations"]:
        lines.append(f"  {v['name']} ({v['key']}): {v['conversions']:,} of {v['visitors']:,} "
                     f"visitors converted, {_percent(v['rate'])}")
        revenue = v.get("revenue")
        if revenue:
            currency = revenue["currency"]
            unpriced = revenue["unpriced_conversions"]
            lines.append(f"    revenue ({value}) {format_money(Decimal(revenue['total']), currency)}, "
                         f"{_money(revenue['per_visitor'], currency)} per visitor (95% CI "
                         f"{_money_interval(revenue['per_visitor_interval'], currency)})"
                         + (f"; {unpriced:,} to contact sales, not priced" if unpriced else ""))
        lift = v.get("conversion_lift")
        if lift:
            low, high = lift["absolute_interval"]
            lines.append(f"    conversions vs control: {_points(lift['absolute'])} percentage points "
                         f"(95% CI {_points(low)} to {_points(high)}), relative "
                         f"{_percent(lift['relative'], True)} (95% CI "
                         f"{_interval(lift['relative_interval'])}), {_p(lift['p_value'])}")
        money = v.get("revenue_lift")
        if money:
            currency = revenue["currency"]
            lines.append(f"    revenue per visitor vs control: "
                         f"{_money(money['absolute'], currency, True)} (95% CI "
                         f"{_money_interval(money['absolute_interval'], currency)}), relative "
                         f"{_percent(money['relative'], True)} (95% CI "
                         f"{_interval(money['relative_interval'])}), {_p(money['p_value'])}")
        if "verdict" in v:
            lines.append(f"    verdict: {v['verdict']}")
    srm = out["srm"]
    lines.append(f"Traffic split: chi-square {srm['chi_square']:.3f}, p = {srm['p_value']:.4g} "
                 f"against weights {', '.join(f'{w:g}' for w in srm['weights'])}"
                 + (": MISMATCH" if srm["mismatch"] else ": as planned"))
    if out["planned_visitors"] is not None:
        lines.append(f"Planned: {out['planned_visitors']:,} visitors per variation; "
                     f"{out['progress']:.0%} reached")
    lines.append(out["verdict"])
    return lines
