"""The budget planner's page data: the fields under the calculator and the forecast they open on.

The forecast is ``calculator.forecast`` of the calculator's built request and the YAML's growth
(``pricing_site.catalog.planner``), so the first paint shows real figures; the browser asks the
same engine (``calculator.browser.forecast_json``) for every later one and writes it into the
same elements (site_src/overrides/pricing/planner.html, assets/calculator/planner.js).
"""

from pricing_site.catalog.planner import (DEFAULT_TITLE, SEATS, opening_forecast, percent,
                                          planner_settings, quantities)

from .words import _


def planner_context(catalog, content, estimate):
    """``{"title", "intro", "months", "fields", "shown", "plans", "forecast"}`` for the
    planner, or None when it is off or the calculator has no estimate. ``fields``: one per
    quantity some plan grows, with the plans that grow it and its opening percent;
    ``shown``: the built plan's quantities; ``plans``: each plan's, for the page's script."""
    settings = planner_settings(content)
    if settings is None or estimate is None:
        return None
    request = estimate["request"]
    grown = {plan.id: quantities(catalog, plan) for plan in catalog.plans}
    growth = settings["growth"]
    fields = []
    for key in [SEATS, *catalog.metrics]:
        plans = [plan_id for plan_id, keys in grown.items() if key in keys]
        if plans:
            fields.append({"key": key, **_names(catalog, key), "plans": " ".join(plans),
                           "percent": percent(growth[key]) if key in growth else ""})
    title = settings["title"]
    if title == DEFAULT_TITLE:  # the catalog's default (its layer has no words of the page's)
        title = _("Plan ahead: your bill as you grow")
    return {"title": title, "intro": settings["intro"], "months": settings["months"],
            "fields": fields, "shown": grown[request["plan"]], "plans": grown,
            "forecast": opening_forecast(catalog, settings, request).to_dict()}


def _names(catalog, key):
    """A quantity's name, and its table heading with the unit ("Storage (GB)")."""
    if key == SEATS:
        return {"name": _("Seats"), "heading": _("Seats")}
    metric = catalog.metrics[key]
    named = metric.unit.casefold() in metric.name.casefold()   # "API calls": no "(calls)"
    return {"name": metric.name, "heading": metric.name if named else
            _("{metric} ({unit})").format(metric=metric.name, unit=metric.unit)}
