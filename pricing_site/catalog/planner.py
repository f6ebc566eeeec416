"""The budget planner's section of plans.yaml (``site.pricing.planner``), as the pricing page
and the checks read it: on or off, the horizon and growth it opens on, and its mistakes.

The growth is written per quantity (seats or a metric) for every plan; a plan grows only the
quantities it prices. The page's fields are in percent, and the page sends them to the engine
as typed (``{"percent": "5"}``), so the build opens on what the browser would compute for the
same fields.
"""

from calculator import forecast
from calculator.errors import Problem
from calculator.money import plain
from calculator.suggest import did_you_mean
from calculator.values import to_decimal


SEATS = "seats"
PATH = "site.pricing.planner"
DEFAULT_MONTHS = 12
DEFAULT_TITLE = "Plan ahead: your bill as you grow"  # no month count: the visitor changes it


def planner_settings(content):
    """``{"title", "intro", "months", "growth"}`` with the defaults filled in, or None when the
    section is absent or ``enabled: false``."""
    settings = content.pricing.get("planner")
    if not isinstance(settings, dict) or settings.get("enabled", True) is not True:
        return None
    months = settings.get("months", DEFAULT_MONTHS)
    growth = settings.get("growth")   # (read by the checks before the schema's verdict too)
    return {"title": settings.get("title", DEFAULT_TITLE),
            "intro": settings.get("intro"), "months": months,
            "growth": dict(growth) if isinstance(growth, dict) else {}}


def quantities(catalog, plan):
    """What ``plan`` can grow in the planner: its seats, then each metric it prices."""
    if plan is None or plan.custom:
        return []
    return ([SEATS] if plan.seats is not None else []) + [m for m in catalog.metrics if m in plan.usage]


def percent(rate):
    """A written monthly rate (0.05) as the planner's field shows it ("5")."""
    return plain((to_decimal(rate) * 100).normalize())


def opening_growth(catalog, plan, growth):
    """The growth sent for ``plan`` from the written ``growth``: ``{key: {"percent": "5"}}``
    for each quantity the plan prices."""
    return {key: {"percent": percent(growth[key])} for key in quantities(catalog, plan)
            if key in growth}


def opening_forecast(catalog, settings, request):
    """The forecast the planner opens on: ``forecast()`` of the calculator's request."""
    plan = catalog.plan(request["plan"])
    return forecast(catalog, request, opening_growth(catalog, plan, settings["growth"]),
                    settings["months"])


def planner_problems(catalog, content):
    """A growth key that is no quantity of the catalog, at its field (the schema checks the
    rates and the horizon); none while the prices have a mistake."""
    settings = planner_settings(content)
    if catalog is None or settings is None:
        return []
    known = [SEATS, *catalog.metrics]
    return [Problem(f"{PATH}.growth.{key}", f"not a quantity the planner grows"
                                            f"{did_you_mean(key, known)} (it grows {', '.join(known)})")
            for key in settings["growth"] if key not in known]
