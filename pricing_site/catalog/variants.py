"""A/B variants: the ``variants:`` section of plans.yaml, merged into whole catalogs.

Control is the file without its ``variants:`` section. Every other variation is the control
document with the variation's ``patch`` deep-merged over it: mappings merge key by key, a
``null`` removes a key, the top-level ``plans`` list is patched by plan ``id`` (an unknown id
adds a plan at the end), and every other list is replaced whole. Each resulting document is
validated as a complete catalog (engine and schema); a problem names the variation and points
at the line of the patch that caused it, or at the control line it inherited.
Shape and examples: docs/variants.md.
"""

import copy
import re
from decimal import Decimal

from calculator.errors import Problem
from calculator.lint import lint

from .content import plan_at
from .document import check_document

CONTROL = "control"
# What ``build --all-variants`` writes beside the variation folders (pricing_site/build/site.py):
# a variation with one of these keys would have its folder overwritten or mixed with them
# (assets/ holds the files every variation shares, kept once: pricing_site/build/shared_files.py).
RESERVED_KEYS = ("edge", "variants.json", "_headers", ".pricing-site-build", "assets")
_SAYS_PRICE = re.compile(r"\bpric(e|es|ed|ing)\b", re.IGNORECASE)


def _join(path, key):
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _record(value, doc_path, src_path, origin):
    """Every field inside ``value`` (written by a patch) comes from ``src_path`` in the file."""
    origin[doc_path] = src_path
    if isinstance(value, dict):
        for key, child in value.items():
            _record(child, _join(doc_path, key), _join(src_path, key), origin)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _record(child, _join(doc_path, index), _join(src_path, index), origin)


def _merge(base, patch, doc_path, src_path, origin, problems, by_index=False):
    """``base`` with ``patch`` deep-merged over it, each field written recorded in ``origin``
    (document path -> patch path). ``by_index``: other lists merge item by item instead of
    being replaced whole (a locale's texts, which translate a list rather than replace it)."""
    out = dict(base)
    for key, value in patch.items():
        doc, src = _join(doc_path, key), _join(src_path, key)
        if value is None:
            out.pop(key, None)
            origin[doc] = src  # what the removal breaks is told at the patch's line
        elif key == "plans" and not doc_path and isinstance(value, list) \
                and isinstance(out.get(key), list):
            out[key] = _merge_plans(out[key], value, doc, src, origin, problems, by_index)
        elif isinstance(out.get(key), dict) and isinstance(value, dict):
            out[key] = _merge(out[key], value, doc, src, origin, problems, by_index)
        elif by_index and isinstance(out.get(key), list) and isinstance(value, list):
            out[key] = _merge_items(out[key], value, doc, src, origin, problems)
        else:
            out[key] = copy.deepcopy(value)
            _record(value, doc, src, origin)
    return out


def _merge_items(items, patches, doc_path, src_path, origin, problems):
    """A list merged item by item: the patch's n-th item over the n-th (an item past the end
    is added, and recorded, so that a check can refuse it)."""
    out = list(items)
    for index, patch in enumerate(patches):
        doc, src = _join(doc_path, index), _join(src_path, index)
        if index < len(out) and isinstance(out[index], dict) and isinstance(patch, dict):
            out[index] = _merge(out[index], patch, doc, src, origin, problems, True)
            continue
        value = copy.deepcopy(patch)
        if index < len(out):
            out[index] = value
        else:
            out.append(value)
        _record(patch, doc, src, origin)
    return out


def _merge_plans(plans, patches, doc_path, src_path, origin, problems, by_index=False):
    out = list(plans)
    where = {p.get("id"): i for i, p in enumerate(out) if isinstance(p, dict)}
    for j, patch in enumerate(patches):
        src = _join(src_path, j)
        if not isinstance(patch, dict) or not patch.get("id"):
            problems.append(Problem(src, "a plan in a patch needs the id of the plan it changes "
                                         "(plans are patched by id, not by position)"))
            continue
        if patch["id"] in where:
            i = where[patch["id"]]
            out[i] = _merge(out[i], patch, _join(doc_path, i), src, origin, problems, by_index)
        else:
            where[patch["id"]] = len(out)
            _record(patch, _join(doc_path, len(out)), src, origin)
            out.append(copy.deepcopy(patch))
    return out


def _section_problems(section):
    """Rules of the section a schema cannot say: control first, unique keys, weights sum to 1."""
    problems = []
    variations = section.get("variations") or []
    keys = [v.get("key") for v in variations if isinstance(v, dict)]
    if keys and keys[0] != CONTROL:
        problems.append(Problem("variants.variations[0].key",
                                f"the first variation must be '{CONTROL}' (the unpatched file)"))
    if variations and isinstance(variations[0], dict) and "patch" in variations[0]:
        problems.append(Problem("variants.variations[0].patch",
                                "control is the file itself and takes no patch"))
    for index, key in enumerate(keys):
        if key in keys[:index]:
            problems.append(Problem(f"variants.variations[{index}].key",
                                    f"the key '{key}' is used by an earlier variation"))
    weights = [v.get("weight") for v in variations if isinstance(v, dict)]
    given = [w for w in weights if w is not None]
    if given and len(given) != len(weights):
        problems.append(Problem("variants.variations", "give every variation a weight, or none "
                                                        "(then traffic is split equally)"))
    elif given:
        total = sum((Decimal(str(w)) for w in given), Decimal(0))
        if total != 1:
            problems.append(Problem("variants.variations",
                                    f"the weights add up to {total}; they must add up to 1"))
    return problems


def _reserved_key_problems(section):
    """``(key, problem)`` for each variation whose key names a file ``--all-variants`` writes."""
    return [(v["key"], Problem(f"variants.variations[{index}].key",
                               f"the key '{v['key']}' is reserved: build --all-variants "
                               f"writes its own dist/{v['key']} beside the variation folders"))
            for index, v in enumerate(section.get("variations") or [])
            if isinstance(v, dict) and v.get("key") in RESERVED_KEYS]


def _merged(data):
    """``({key: document}, {key: origin}, problems)`` without validating the documents."""
    section = data.get("variants") or {}
    control = {k: v for k, v in data.items() if k != "variants"}
    documents, origins, problems = {}, {}, []
    for index, variation in enumerate(section.get("variations") or []):
        if not isinstance(variation, dict) or not isinstance(variation.get("key"), str):
            continue
        origin = {}
        patch = variation.get("patch") or {}
        documents[variation["key"]] = _merge(control, patch, "", f"variants.variations[{index}]"
                                             ".patch", origin, problems) if patch else control
        origins[variation["key"]] = origin
    documents.setdefault(CONTROL, control)
    return documents, origins, problems


def _locate(problem, key, origin, marks, file, document=None, kind="variant"):
    """A variant document's problem, placed at the patch line it came from, else control's,
    naming the variation (or the ``kind`` of ``key``: a locale) and the plan (of
    ``document``) it lies in."""
    path = problem.path
    while True:
        if path in origin and origin[path] in marks:
            line, column = marks[origin[path]]
            break
        if path in marks:
            line, column = marks[path]
            break
        if not path:
            line, column = 1, 1
            break
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    label = f"[{kind} {key}] {problem.path}" if key else problem.path
    return Problem(label, problem.message, file, line, column, problem.severity,
                   plan_at(document, problem.path))


def _pricing(catalog):
    """The engine's catalog without display names: what a buyer pays, nothing else."""
    data = catalog.to_dict()
    data.pop("metrics", None)
    for plan in data["plans"]:
        plan.pop("name", None)
    for addon in data["addons"].values():
        addon.pop("name", None)
        addon.pop("description", None)
    return data


def variant_problems(data, marks=None, file=None, roots=None, lint_variations=True):
    """``(errors, warnings)`` for the ``variants:`` section of ``data``, each located in
    ``file`` when ``marks`` (from ``read_yaml``) are given; with ``roots``, each variation's
    site content is checked too (``content_checks``); ``lint_variations`` False skips the lint
    of each variation (for builds). Control's own mistakes are the file's (``read``), so a
    variation reports only the ones its patch makes: each mistake is told once."""
    marks = marks or {}
    section = data.get("variants")
    if not isinstance(section, dict):
        return [], []
    errors = [_locate(p, None, {}, marks, file) for p in _section_problems(section)]
    errors += [_locate(p, key, {}, marks, file) for key, p in _reserved_key_problems(section)]
    documents, origins, merge_problems = _merged(data)
    errors += [_locate(p, None, {}, marks, file) for p in merge_problems]
    catalogs, warnings = {}, []
    inherited = set()
    for key, document in sorted(documents.items(), key=lambda item: item[0] != CONTROL):
        catalog, _, problems = check_document(document, roots)
        catalogs[key] = None if problems else catalog
        if key == CONTROL:
            inherited = {(p.path, p.message) for p in problems}
            continue
        errors += [_locate(p, key, origins[key], marks, file, document) for p in problems
                   if (p.path, p.message) not in inherited]
        if catalogs[key] is not None and lint_variations:
            warnings += [_locate(p, key, origins[key], marks, file, document) for p in lint(catalog)]
    control = catalogs.get(CONTROL)
    for index, variation in enumerate(section.get("variations") or []):
        catalog = catalogs.get(variation.get("key")) if isinstance(variation, dict) else None
        if control is None or catalog is None or _pricing(catalog) == _pricing(control):
            continue
        if not _SAYS_PRICE.search(variation.get("description") or ""):
            path = f"variants.variations[{index}]"
            line, column = marks.get(_join(path, "description"), marks.get(path, (None, None)))
            warnings.append(Problem(path, f"variation '{variation['key']}' changes a price but its "
                                          "description does not say so (mention the price)",
                                    file, line, column, "warning"))
    errors.sort(key=lambda p: (p.line or 0, p.column or 0))
    return errors, warnings


def variant_documents(data):
    """``{key: document}`` for every variation of a file ``read_catalog`` found valid, control
    first (the file without ``variants``): each the whole document, prices and content."""
    return _merged(data)[0]
