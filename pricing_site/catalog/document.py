"""One parsed plans.yaml document judged whole: the engine's verdict on its prices and the
JSON Schema's on all of it, each problem once. The file (``read``) and each A/B variation's
merged document (``variants``) are judged the same way.
"""

from calculator.catalog import parse_catalog
from calculator.errors import CatalogError

from .build_day import dated
from .content import split
from .content_checks import content_problems
from .schema import plans_schema, schema_problems


def check_document(data, roots=None):
    """``(catalog, content, problems)``: the engine's and the schema's verdict on a parsed
    document and, with ``roots`` (``content_checks``), the site content's; problems unlocated
    (field paths only), each mistake told once, all of them in one pass: the content is checked
    whatever the prices' mistakes. ``content`` is the document's page content whatever its
    problems; ``catalog`` is the engine's when the prices have no mistake (a misspelt page
    text leaves them priced), else None. The document is valid when ``problems`` is empty. The
    catalog is priced on the build's day when a promotion needs one (``build_day``)."""
    prices, content = split(data)
    catalog, problems = None, []
    try:
        catalog = dated(parse_catalog(prices))
    except CatalogError as exc:
        problems.extend(exc.problems)
    problems += _new(schema_problems(data, plans_schema()), problems)
    if roots is not None:
        problems += _new(content_problems(catalog, content, roots), problems)
    return catalog, content, problems


def _new(found, known):
    """The problems of ``found`` that are not one of ``known`` seen again: a field of this
    document inside or around one already told (a page file's problem names its own file)."""
    paths = [p.path for p in known]
    return [p for p in found
            if p.file is not None or not any(_related(p.path, path) for path in paths)]


def _related(a, b):
    """True when one path is the other or lies inside it (the same problem, seen twice)."""
    return a == b or a.startswith(b + ".") or a.startswith(b + "[") or \
        b.startswith(a + ".") or b.startswith(a + "[") or not a or not b
