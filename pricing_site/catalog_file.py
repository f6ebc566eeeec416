"""Reading plans.yaml: exact numbers, located errors, schema and engine checks together.

Build-time only (needs PyYAML and jsonschema), so it lives outside the ``calculator``
package that the browser runs. Numbers with a decimal point become ``Decimal`` straight
from their text, never float. Every problem the engine or the JSON Schema reports gets
the file, line and column of the field it names.
"""

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from calculator.catalog import parse_catalog
from calculator.errors import CatalogError, Problem
from calculator.lint import lint

from .schema_errors import schema_problems

SCHEMA_PATH = Path(__file__).with_name("plans.schema.json")


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads floats as exact Decimals."""


def _exact_number(loader, node):
    text = loader.construct_scalar(node).replace("_", "").lower()
    special = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
    return Decimal(special.get(text, text))


_Loader.add_constructor("tag:yaml.org,2002:float", _exact_number)


def _key_text(path, key):
    return f"{path}.{key}" if path else str(key)


def _walk(node, path, marks, problems, file):
    """Record where each field path starts, and flag keys written twice in one mapping."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(_key_text(path, key), f"the key '{key}' is written twice "
                                        f"in this mapping (first on line {seen[key]}); YAML keeps "
                                        f"only the last one", file, line,
                                        key_node.start_mark.column + 1))
            seen.setdefault(key, line)
            child = _key_text(path, key)
            marks.setdefault(child, (line, key_node.start_mark.column + 1))
            _walk(value_node, child, marks, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            marks.setdefault(child, (item.start_mark.line + 1, item.start_mark.column + 1))
            _walk(item, child, marks, problems, file)


def read_yaml(path):
    """``(data, marks, problems)``: the parsed document, field path -> (line, column), and
    syntax or duplicate-key problems (then data may be None)."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, [Problem("", f"cannot read the file: {exc}", file)]
    marks, problems = {}, []
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is not None:
            _walk(node, "", marks, problems, file)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        return None, marks, [Problem("", f"the file contains a character YAML does not allow "
                                         f"({char}) at character {exc.position + 1}", file)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        return None, marks, [Problem("", message, file, line, column)]
    except (yaml.YAMLError, ArithmeticError, RecursionError) as exc:
        return None, marks, [Problem("", f"YAML error: {exc}", file)]
    finally:
        if loader is not None:
            loader.dispose()
    return data, marks, problems


def locate(problems, marks, file):
    """Give each problem the position of its field, or of the nearest enclosing field."""
    for problem in problems:
        problem.file = file
        if problem.line is not None:
            continue
        path = problem.path
        while path and path not in marks:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        problem.line, problem.column = marks.get(path, (1, 1))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


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
