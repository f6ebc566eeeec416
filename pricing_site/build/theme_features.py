"""Features of Material for MkDocs that would run the catalog's text as script: refused.

``content.tooltips`` draws an element's ``title`` as its tooltip through ``innerHTML``, so the
browser parses the title's text as HTML again. The header's logo has the site name as its
title, and a name cut short on screen (the header's, a navigation entry's) gets its text as
one: ``site.name: "Relaykit<img src=x onerror=...>"`` ran on every page of a host that sends no
Content-Security-Policy (GitHub Pages, S3, a plain server). Escaping the names twice would
show "&lt;" wherever they are shown as they should be (titles, share tags, alt texts), so the
feature goes; browsers show a title as plain text.
"""

from pathlib import Path

import yaml

from calculator.errors import Problem

REFUSED = {
    "content.tooltips": "Material shows every title (the site name in the header, the "
                        "comparison's marks) as HTML in its tooltips, so a text from plans.yaml "
                        "would run as script; remove it (browsers show titles as plain text)",
}


def feature_problems(config):
    """A ``Problem`` for each refused feature in ``theme.features``, at its line of the
    config file when it is written there (not in an ``INHERIT``ed one)."""
    features = config.theme.get("features") or ()
    return [Problem("theme.features", f"'{name}' cannot be used: {why}", config.config_file_path,
                    *_position(config.config_file_path, name))
            for name, why in REFUSED.items() if name in features]


def _position(path, feature):
    """``(line, column)`` of ``feature`` in the ``theme.features`` list of the YAML file
    ``path``, or ``(None, None)``. Composed, not loaded: MkDocs' own tags (``!ENV``) need no
    constructor that way."""
    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None, None
    node = root
    for key in ("theme", "features"):
        pairs = node.value if isinstance(node, yaml.MappingNode) else ()
        node = next((value for name, value in pairs if name.value == key), None)
    for item in node.value if isinstance(node, yaml.SequenceNode) else ():
        if item.value == feature:
            return item.start_mark.line + 1, item.start_mark.column + 1
    return None, None
