"""The calculator chart's data block on the pricing page (``calculator-chart-data``).

chart.js draws the cost curves from totals Python computed. The page carries, besides what each
plan's curves vary, the curves of the prerendered estimate, computed here by the very
``calculator.curve_json`` the worker calls: the chart is drawn as soon as the page's scripts
run, before Python has loaded, and the live calculator reuses these curves until an edit
changes them (nothing appears, moves or is computed twice when Python arrives).
"""

import json

from calculator.browser import curve_json

# Points a usage curve is sampled at, evenly over the estimate's neighbourhood
# (``calculator.curve_span``), besides every tier edge on both sides (which Python adds, so
# steps and kinks are exact). A seat curve needs only its edges (``calculator.curve_quantities``),
# unless its package steps are too narrow to draw.
CURVE_POINTS = 40


def chart_metric(plan):
    """What a plan's cost curves vary: its seats when it prices them, else its first usage
    metric; None for a plan without list prices (no chart)."""
    if plan.custom:
        return None
    if plan.seats is not None:
        return "seats"
    return next(iter(plan.usage), None)


CHART_COLOURS = 8  # line colours in site.css (.rk-chart__line--0 to --7), as chart.js counts


def chart_data(catalog, estimate):
    """``{"points", "metrics": {plan id: metric or None}, "curve", "estimate"}``: ``curve`` is
    ``curve_json``'s answer for the estimate's request (None when its plan has no chart),
    ``estimate`` what the chart's marker needs of the estimate's quote (its quantity: the
    quote's request, as Python read it)."""
    request, quote = estimate["request"], estimate["quote"]
    metric = chart_metric(catalog.plan(request["plan"]))
    curve = None
    if metric is not None:
        answer = json.loads(curve_json(catalog, json.dumps(
            {"request": request, "metric": metric, "points": CURVE_POINTS})))
        curve = answer.get("ok")
    return {"points": CURVE_POINTS,
            "metrics": {plan.id: chart_metric(plan) for plan in catalog.plans},
            "curve": curve,
            "estimate": {key: quote[key]
                         for key in ("status", "total", "billing", "currency", "request")}}


def chart_legend(catalog, curve, chosen):
    """The chart's legend as chart.js draws it, for the page to have it from its first frame
    (drawn later, it made the page under it move on a phone): ``[{"name", "colour",
    "chosen"}]`` for each plan with a line, one drawn through two points or more."""
    if curve is None:
        return []
    lines = [plan_id for plan_id, points in curve["plans"].items()
             if len([p for p in points if p is not None]) > 1]
    return [{"name": catalog.plan(plan_id).name, "colour": index % CHART_COLOURS,
             "chosen": plan_id == chosen} for index, plan_id in enumerate(lines)]
