"""The fields of plans.yaml as its JSON Schema defines them, for tests that must reach every one.

A field's place is named as in the schema, not as in one file: ``plans[].name``,
``metrics.*.unit``, ``site.hero.primary_cta.label`` (``[]`` an item of a list, ``*`` a value of
a mapping, ``<key>`` a mapping's keys). ``places_admitting`` lists every place whose schema
accepts a value (markup, say), so a field added to the schema later is listed without anyone
adding it here; ``fill`` writes such values into a catalog.
"""

from jsonschema import Draft202012Validator

from pricing_site.catalog.schema import plans_schema


def _resolved(schema, root):
    """``schema`` with its ``$ref`` (``#/$defs/...``) followed; its own keys win."""
    while "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _steps(schema, root):
    """``{step: child schema}``: ``.name`` for properties, ``.*`` for a mapping's values,
    ``[]`` for a list's items, through ``anyOf``/``oneOf``/``allOf`` branches."""
    schema = _resolved(schema, root)
    steps = {}
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ()), *schema.get("allOf", ())):
        steps.update(_steps(branch, root))
    steps.update({f".{name}": child for name, child in schema.get("properties", {}).items()})
    if isinstance(schema.get("additionalProperties"), dict):
        steps[".*"] = schema["additionalProperties"]
    if isinstance(schema.get("items"), dict):
        steps["[]"] = schema["items"]
    return steps


def _join(place, step):
    return f"{place}{step}".lstrip(".")


def admits(schema, value, root):
    """True when ``value`` is valid for ``schema``, a part of the schema ``root``."""
    return Draft202012Validator({**_resolved(schema, root), "$defs": root["$defs"]}).is_valid(value)


def places_admitting(make_value, skip=(), root=None):
    """Every place whose schema accepts ``make_value(place)``: as its value, or as a key of
    the mapping it is (``place.<key>``). ``skip``: top-level sections left out."""
    root = root or plans_schema()
    found, stack, seen = set(), [("", root)], set()
    while stack:
        place, schema = stack.pop()
        if (place, id(schema)) in seen:
            continue
        seen.add((place, id(schema)))
        names = _resolved(schema, root).get("propertyNames")
        if names is not None and admits(names, make_value(f"{place}.<key>"), root):
            found.add(f"{place}.<key>")
        if place and admits(schema, make_value(place), root):
            found.add(place)
        stack += [(_join(place, step), child) for step, child in _steps(schema, root).items()
                  if _join(place, step).split(".")[0].split("[")[0] not in skip]
    return found


def fill(data, make_value, skip=(), root=None):
    """``data`` (a catalog, changed in place) with every value whose schema accepts
    ``make_value(path)`` (``path`` as in messages: ``plans[2].name``) set to it, and every
    missing property of its objects that would accept it added; ``{place: [path, ...]}``
    of what was written. ``skip``: top-level sections left alone."""
    root = root or plans_schema()
    written = {}

    def visit(value, schema, place, path):
        # a mapping where a text would do too (a unit in two forms) gets its own fields filled
        if place and not isinstance(value, dict) and admits(schema, make_value(path), root):
            written.setdefault(place, []).append(path)
            return make_value(path)
        steps = _steps(schema, root)
        if isinstance(value, list) and "[]" in steps:
            return [visit(item, steps["[]"], f"{place}[]", f"{path}[{index}]")
                    for index, item in enumerate(value)]
        if isinstance(value, dict):
            for name in list(value):
                step = f".{name}" if f".{name}" in steps else ".*"
                if step in steps and _join(place, step) not in skip:
                    value[name] = visit(value[name], steps[step], _join(place, step),
                                        _join(path, f".{name}"))
            for step, child in steps.items():
                name, child_path = step[1:], _join(path, step)
                if step.startswith(".") and name != "*" and name not in value and \
                        _join(place, step) not in skip and admits(child, make_value(child_path), root):
                    value[name] = make_value(child_path)
                    written.setdefault(_join(place, step), []).append(child_path)
        return value

    visit(data, root, "", "")
    return written
