"""JSON Schema validation of plans.yaml with messages a marketer can act on.

jsonschema's own messages ("'x' is not valid under any of the given schemas") are written
for programmers; this turns each error into the project's wording, with the field path
and a did-you-mean hint for near-miss names.
"""

import json
import math
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, validators

from calculator.errors import Problem
from calculator.suggest import did_you_mean, one_of
from calculator.values import describe, text_hint, written_hint

from .cta_checks import param_per_id_problem, param_problem
from .url_rules import address_problem, image_path_problem, link_problem

SCHEMA_PATH = Path(__file__).with_name("plans.schema.json")


@lru_cache(maxsize=1)
def plans_schema():
    """plans.yaml's JSON Schema: editors complete and check the file with it, and so do we."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# Definitions whose pattern Python explains: the reason, and what is allowed instead.
EXPLAINED = {"link": link_problem, "address": address_problem, "local_path": image_path_problem,
             "param": param_problem, "param_per_id": param_per_id_problem}

_TYPES = {"string": "a text", "number": "a number", "integer": "a whole number",
          "boolean": "true or false", "array": "a list", "object": "a mapping", "null": "nothing"}


def _non_finite(value):
    """NaN or an infinity (YAML's ``.nan``, ``.inf``)."""
    if isinstance(value, Decimal):
        return not value.is_finite()
    return isinstance(value, float) and not math.isfinite(value)


def _is_number(checker, value):
    """jsonschema's "number" without NaN and infinities: minimum and maximum would compare
    them (``Decimal("NaN") < 0`` raises); the type keyword reports them (see _message)."""
    return not _non_finite(value) and _TYPE_CHECKER.is_type(value, "number")


_TYPE_CHECKER = Draft202012Validator.TYPE_CHECKER
_Validator = validators.extend(Draft202012Validator,
                               type_checker=_TYPE_CHECKER.redefine("number", _is_number))


def _path(parts):
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _expected(kind):
    if isinstance(kind, list):
        return " or ".join(_TYPES.get(k, k) for k in kind)
    return _TYPES.get(kind, kind)


def _message(error, explainers, rate=False):
    """``(path suffix, message)``, or a list of them; ``rate``: the value is a fraction (its
    hint turns a percentage into one)."""
    v, value = error.validator, error.instance
    if v == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        return ("." + missing[0] if missing else ""), "is required"
    if v == "additionalProperties":  # one error for all of a mapping's unknown keys
        allowed = list(error.schema.get("properties", {}))
        extra = [str(k) for k in value if k not in allowed] if isinstance(value, dict) else []
        return [("." + key, f"unknown field '{key}'{did_you_mean(key, allowed)} "
                            f"({one_of(allowed)})") for key in extra or ["?"]]
    if v == "type":
        kind = error.validator_value
        if _non_finite(value) and "number" in (kind if isinstance(kind, list) else [kind]):
            return "", f"expected a finite number, got {describe(value)}"   # as the engine says
        kinds = kind if isinstance(kind, list) else [kind]
        hint = (written_hint(value, rate) if "number" in kinds else "") or \
            (text_hint(value) if "string" in kinds else "")
        return "", f"expected {_expected(kind)}, got {describe(value)}{hint}"
    if v == "enum":
        choices = error.validator_value
        return "", f"unknown value {describe(value)}{did_you_mean(value, choices)} ({one_of(choices)})"
    if v == "minimum":
        return "", f"must be at least {error.validator_value}, got {describe(value)}"
    if v == "exclusiveMinimum":
        return "", f"must be above {error.validator_value}, got {describe(value)}"
    if v == "maximum":
        return "", f"must be at most {error.validator_value}, got {describe(value)}"
    if v == "exclusiveMaximum":
        return "", f"must be below {error.validator_value}, got {describe(value)}"
    if v == "minItems":
        return "", f"needs at least {error.validator_value} item(s)"
    if v == "maxItems":
        return "", f"has {len(value):,} items, more than the {error.validator_value:,} allowed"
    if v == "minLength":
        return "", "must not be empty"
    if v == "maxLength":
        return "", f"is longer than {error.validator_value} characters"
    if v == "pattern":
        explain = explainers.get(error.validator_value)
        reason = explain(value) if explain else None
        return "", reason or f"{describe(value)} does not have the expected form"
    if v == "format":
        return "", f"{describe(value)} is not a valid {error.validator_value}"
    return "", error.message


def schema_problems(data, schema):
    """Every schema violation in ``data`` as a ``Problem`` with a field path."""
    validator = _Validator(schema)
    defs = schema.get("$defs", {})
    explainers = {defs[name]["pattern"]: explain for name, explain in EXPLAINED.items()
                  if name in defs}
    rates = [defs[name] for name in ("rate", "growth_rate") if name in defs]
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        best, rate = error, False
        while best.context:  # oneOf/anyOf, nested too: report the branch that got furthest
            rate = rate or any(best.schema is r for r in rates)
            best = max(best.context, key=lambda e: len(e.absolute_path))
        said = _message(best, explainers, rate)
        for suffix, message in said if isinstance(said, list) else [said]:
            path = _path(best.absolute_path)
            problems.append(Problem(path + suffix if path else suffix.lstrip("."), message))
    return problems
