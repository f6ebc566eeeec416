"""The rating engine: price catalog in, exact explained quotes out.

Standard library only: the same modules run in CPython at build time and in Pyodide in the
visitor's browser. It reads no file: ``load_catalog`` takes the price part of a catalog as a
dict (a site reading plans.yaml hands it over, and the browser's catalog.json is one).
``calculator.browser`` is the worker's door (JSON text in, JSON text out).
"""

from .catalog import Catalog, parse_catalog
from .compare import break_even, compare, cost_curve, curve_quantities, curve_span
from .errors import CatalogError, Problem, QuoteError
from .forecast import Forecast, forecast
from .lint import lint
from .quote import Quote, quote
from .request import MAX_SEATS, MAX_USAGE, Request, parse_request

__all__ = [
    "Catalog", "CatalogError", "Forecast", "MAX_SEATS", "MAX_USAGE", "Problem", "Quote",
    "QuoteError", "Request", "break_even", "compare", "cost_curve", "curve_quantities",
    "curve_span", "forecast", "lint", "load_catalog", "parse_request", "quote",
]


def load_catalog(prices):
    """A validated ``Catalog`` from the price part of a catalog, as a dict (parsed from YAML or
    JSON); raises ``CatalogError`` listing every problem by its field path."""
    if not isinstance(prices, dict):
        raise TypeError(f"load_catalog takes the catalog as a dict, not {type(prices).__name__} "
                        "(a site reads plans.yaml and hands over its price part)")
    return parse_catalog(prices)
