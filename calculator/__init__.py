"""The rating engine: price catalog in, exact explained quotes out.

Standard library only: the same modules run in CPython at build time and in Pyodide in
the visitor's browser. ``load_catalog`` reads YAML files through ``pricing_site`` (which
needs PyYAML); the dict form needs nothing but this package.
"""

import json
from pathlib import Path

from .catalog import Catalog, parse_catalog
from .compare import break_even, compare, cost_curve, curve_quantities
from .errors import CatalogError, Problem, QuoteError
from .lint import lint
from .quote import Quote, quote
from .request import MAX_SEATS, MAX_USAGE, Request, parse_request

__all__ = [
    "Catalog", "CatalogError", "MAX_SEATS", "MAX_USAGE", "Problem", "Quote", "QuoteError",
    "Request", "break_even", "compare", "cost_curve", "lint", "load_catalog", "parse_request",
    "quote", "quote_json", "curve_json", "curve_quantities",
]


def load_catalog(source):
    """A validated ``Catalog`` from a dict (as parsed from JSON) or a path to plans.yaml/.json."""
    if isinstance(source, dict):
        return parse_catalog(source)
    if isinstance(source, (str, Path)) and str(source).endswith(".json"):
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CatalogError([Problem("", f"cannot read JSON: {exc}", file=str(source))]) from None
        return parse_catalog(data)
    if isinstance(source, (str, Path)):
        from pricing_site.catalog.check import load_catalog_file  # build time only: needs PyYAML

        return load_catalog_file(source)
    raise TypeError(f"load_catalog takes a dict or a path, not {type(source).__name__}")


def quote_json(catalog, request_json):
    """The browser's entry point: a JSON request in, ``{"ok": quote}`` or ``{"error": ...}`` out."""
    try:
        request = json.loads(request_json)
    except (ValueError, RecursionError) as exc:
        return json.dumps({"error": f"The request is not valid JSON: {exc}", "field": None})
    try:
        return json.dumps({"ok": quote(catalog, request).to_dict()}, ensure_ascii=False)
    except QuoteError as exc:
        return json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)


def curve_json(catalog, payload_json):
    """The browser's chart data: ``{"request", "metric", "points"}`` in, ``{"ok": {"metric",
    "quantities", "plans": {id: [total or None]}}}`` or ``{"error": ...}`` out."""
    try:
        payload = json.loads(payload_json)
        request, metric = payload["request"], payload["metric"]
        points = min(int(payload.get("points", 100)), 400)
        if metric != "seats" and metric not in catalog.metrics:
            raise QuoteError(f"Unknown metric {metric!r}.", "metric")
        request = parse_request(catalog, request)  # once for both
        quantities = curve_quantities(catalog, request, metric, max(points, 3))
        curves = cost_curve(catalog, request, metric, quantities)
    except QuoteError as exc:
        return json.dumps({"error": str(exc), "field": exc.field}, ensure_ascii=False)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        return json.dumps({"error": f"Bad chart request: {exc!r}", "field": None})
    return json.dumps({"ok": {"metric": metric, "quantities": [format(q, "f") for q in quantities],
                              "plans": curves}}, ensure_ascii=False)
