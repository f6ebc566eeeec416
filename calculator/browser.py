"""The browser worker's door to the engine: JSON text in, JSON text out, never an exception.

worker.js calls these with the request the page sent; a ``QuoteError`` comes back as
``{"error", "field"}`` for the page to show beside the field, anything else as an error too.
"""

import json

from .compare import cost_curve, curve_quantities, curve_span
from .errors import QuoteError
from .forecast import forecast
from .locale import _, speaking
from .quote import quote
from .request import parse_request


@speaking
def quote_json(catalog, request_json):
    """A JSON request in, ``{"ok": quote}`` or ``{"error": ...}`` out."""
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError) as exc:
        return json.dumps({"error": _("The request is not valid JSON: {problem}").format(
            problem=exc), "field": None}, ensure_ascii=False)
    try:
        return json.dumps({"ok": quote(catalog, request).to_dict()}, ensure_ascii=False)
    except QuoteError as exc:
        return json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)


@speaking
def curve_json(catalog, payload_json):
    """The chart's data: ``{"request", "metric", "points"}`` in, ``{"ok": {"metric",
    "quantities", "serves": [low, high], "plans": {id: [total or None]}}}`` or ``{"error":
    ...}`` out (``serves``: the quantities these curves keep serving, ``curve_span``)."""
    try:
        payload = json.loads(payload_json)
        request, metric = payload["request"], payload["metric"]
        points = min(int(payload.get("points", 100)), 400)
        if metric != "seats" and metric not in catalog.metrics:
            raise QuoteError(_("Unknown metric {metric}.").format(metric=repr(metric)), "metric")
        request = parse_request(catalog, request)  # once for both
        quantities = curve_quantities(catalog, request, metric, max(points, 3))
        curves = cost_curve(catalog, request, metric, quantities)
        low, high = curve_span(catalog, request, metric)[1:]
    except QuoteError as exc:
        return json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        return json.dumps({"error": _("Bad chart request: {problem}").format(problem=repr(exc)),
                           "field": None}, ensure_ascii=False)
    return json.dumps({"ok": {"metric": metric, "quantities": [format(q, "f") for q in quantities],
                              "serves": [format(low, "f"), format(high, "f")],
                              "plans": curves}}, ensure_ascii=False)


@speaking
def forecast_json(catalog, payload_json):
    """The budget planner: ``{"request", "growth", "months"}`` in, ``{"ok": forecast}`` (see
    ``Forecast.to_dict``) or ``{"error": ...}`` out."""
    try:
        payload = json.loads(payload_json)
        if not isinstance(payload, dict):
            raise QuoteError(_("A forecast request must be a mapping."), None)
        result = forecast(catalog, payload.get("request"), payload.get("growth"),
                          payload.get("months", 12))
    except QuoteError as exc:
        return json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)
    except (ValueError, RecursionError) as exc:
        return json.dumps({"error": _("Bad forecast request: {problem}").format(
            problem=repr(exc)), "field": None}, ensure_ascii=False)
    return json.dumps({"ok": result.to_dict()}, ensure_ascii=False)
