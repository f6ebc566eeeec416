"""Hostile links, and the link and image fields of plans.yaml as its JSON Schema names them.

The fields are found in the schema, not listed by hand, so a field added later is tested too.
"""

from pricing_site.catalog.schema import plans_schema

# Each is a javascript:, file: or other-site link to a browser (WHATWG URL parsing), or was
# once let through: schemes in any case, what a browser strips or drops, a backslash as "/".
BYPASSES = [
    "JavaScript:alert(1)", "javascript:alert(1)", "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
    "\x01javascript:alert(1)", "\x00javascript:alert(1)", " javascript:alert(1)",
    "\x1fjavascript:alert(1)", "javascript:alert(1)\x0c",
    "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
    "http://example.com/", "//evil.example/", "/\\evil.example/", "\\\\evil.example/",
    "https:evil.example", "https:///evil.example", "https://", "blob:https://x.example/1",
]
# Every kind a link may be.
GOOD_LINKS = [
    "pricing/", "pricing/#faq", "/pricing/", "#plans", "?period=annual", "./docs/", "../x/",
    "docs", "https://example.com/x?a=1&b=2#top", "HTTPS://example.com", "https://bücher.example/",
    "mailto:sales@example.com?subject=Hi%20there", "mailto:a@b.c?subject=Book a demo",
    "MailTo:a@b.c", "tel:+1-555-0100", "docs/my page/",
    "assets/images/logo.svg", "1:x", "\u00a0javascript:alert(1)",
]


def schema_fields(definition, schema=None):
    """Every field of plans.yaml whose value is ``$defs/<definition>``, as a path with list
    items as ``[0]`` and mapping keys as ``index`` (``site.hero.primary_cta.url``)."""
    schema = schema or plans_schema()
    found = []

    def walk(node, path, seen):
        ref = node.get("$ref", "")
        if ref:
            name = ref.rsplit("/", 1)[1]
            if name == definition:
                found.append(path)
                return
            if name in seen:
                return
            node, seen = schema["$defs"][name], seen | {name}
        for key, child in node.get("properties", {}).items():
            walk(child, f"{path}.{key}" if path else key, seen)
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], f"{path}.index", seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}[0]", seen)

    walk(schema, "", frozenset())
    return found


def catalog_with(path, value):
    """A small valid catalog with ``value`` at ``path`` (as ``schema_fields`` writes them),
    the objects on the way made with their required fields."""
    data = {"currency": "USD", "plans": [{"id": "p", "name": "P", "price": {"flat": 9}}]}
    node, sub = data, plans_schema()
    parts = path.replace("[0]", ".[0]").split(".")
    for index, part in enumerate(parts):
        sub = _resolve(sub)
        last = index == len(parts) - 1
        if part == "[0]":
            sub = sub["items"]
            if not node:
                node.append(_minimal(sub))
            if last:
                node[0] = value
            node = node[0]
            continue
        sub = sub.get("properties", {}).get(part) or sub["additionalProperties"]
        if last:
            node[part] = value
        else:
            node = node.setdefault(part, _minimal(sub))
    return data


def _resolve(node):
    ref = node.get("$ref")
    return _resolve(plans_schema()["$defs"][ref.rsplit("/", 1)[1]]) if ref else node


def _minimal(node):
    """The smallest value ``node`` accepts, as far as these fields need."""
    ref = node.get("$ref", "")
    if ref.endswith("/local_path"):
        return "assets/images/logo.svg"
    node = _resolve(node)
    if node.get("type") == "array":
        return []
    if node.get("type") == "object":
        return {key: _minimal(node["properties"][key]) for key in node.get("required", ())}
    return "#x"
