"""One parsed plans.yaml document judged whole: the engine's verdict on its prices and the
JSON Schema's on all of it, each problem once. The file (``read``) and each A/B variation's
merged document (``variants``) are judged the same way.
"""

from calculator.catalog import parse_catalog
from calculator.errors import CatalogError

from .build_day import dated
from .content import split
from .schema import plans_schema, schema_problems


def check_document(data):
    """``(catalog, content, problems)``: the engine's and the schema's verdict on a parsed
    document, problems unlocated (field paths only), each reported once; ``catalog`` and
    ``content`` are None when there is any. The catalog is priced on the build's day when a
    promotion needs one (``build_day``)."""
    prices, content = split(data)
    catalog, problems = None, []
    try:
        catalog = dated(parse_catalog(prices))
    except CatalogError as exc:
        problems.extend(exc.problems)
    engine_paths = [p.path for p in problems]
    problems.extend(p for p in schema_problems(data, plans_schema())
                    if not any(_related(p.path, known) for known in engine_paths))
    return (None, None, problems) if problems else (catalog, content, [])


def _related(a, b):
    """True when one path is the other or lies inside it (the same problem, seen twice)."""
    return a == b or a.startswith(b + ".") or a.startswith(b + "[") or \
        b.startswith(a + ".") or b.startswith(a + "[") or not a or not b
