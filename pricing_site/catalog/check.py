"""Checking plans.yaml: the engine's, the schema's and the site content's verdicts together.

Build-time only (needs PyYAML and jsonschema), so it lives outside the ``calculator``
package that the browser runs. The file is read by ``yaml_reader`` (exact numbers, field
positions); every problem the engine, the JSON Schema or ``content_checks`` reports gets the
file, line and column of the field it names.
"""

import json
from functools import lru_cache
from pathlib import Path

from calculator.catalog import parse_catalog
from calculator.errors import CatalogError, Problem
from calculator.lint import lint

from .schema import schema_problems
from .yaml_reader import locate, read_yaml

SCHEMA_PATH = Path(__file__).with_name("plans.schema.json")


@lru_cache(maxsize=1)
def plans_schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def check_file(path, warn=True, roots=None):
    """``(catalog or None, errors, warnings)`` for a plans.yaml file; never raises for bad input.
    ``warn=False`` skips the lint (it rates hundreds of sample requests): for builds. With
    ``roots`` (the docs folder, then the other folders images may be under), the site's content
    is checked too (``content_checks``), in control and in every variation."""
    file = str(path)
    data, marks, problems = read_yaml(path)
    if data is None and not problems:
        problems = [Problem("", "the file is empty; expected a catalog with currency and plans", file)]
    if problems and data is None:
        return None, locate(problems, marks, file), []
    catalog, found = check_data(data)
    problems.extend(found)
    if problems:
        return None, locate(problems, marks, file), []
    if roots is not None:
        from .content_checks import content_problems

        problems = content_problems(catalog, roots)
        if problems:
            return None, locate(problems, marks, file), []
    warnings = lint(catalog) if warn else []
    if isinstance(data, dict) and "variants" in data:
        from .variants import variant_problems

        errors, variant_warnings = variant_problems(data, marks, file, roots)
        if errors:
            return None, errors, []
        return catalog, [], locate(warnings, marks, file) + variant_warnings
    return catalog, [], locate(warnings, marks, file)


def check_data(data):
    """``(catalog or None, problems)``: the engine's and the schema's verdict on ``data``,
    unlocated (field paths only), each problem reported once."""
    catalog, problems = None, []
    try:
        catalog = parse_catalog(data)
    except CatalogError as exc:
        problems.extend(exc.problems)
    engine_paths = [p.path for p in problems]
    problems.extend(p for p in schema_problems(data, plans_schema())
                    if not any(_related(p.path, known) for known in engine_paths))
    return (None if problems else catalog), problems


def _related(a, b):
    """True when one path is the other or lies inside it (the same problem, seen twice)."""
    return a == b or a.startswith(b + ".") or a.startswith(b + "[") or \
        b.startswith(a + ".") or b.startswith(a + "[") or not a or not b


def load_catalog_file(path):
    """The ``Catalog`` in ``path``; raises ``CatalogError`` listing every located problem."""
    catalog, errors, _ = check_file(path, warn=False)
    if errors:
        raise CatalogError(errors)
    return catalog
