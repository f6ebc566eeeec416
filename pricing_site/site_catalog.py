"""The catalog as the MkDocs hooks see it: located, validated, cached by file version.

Hook modules are not reloaded by ``mkdocs serve``, but ``on_config`` runs before every
rebuild, so ``load`` re-reads plans.yaml only when its modification time or size changed.
Engine, schema and content problems (missing image, unknown icon) all come back as one
``CatalogError`` whose problems carry file:line:col.
"""

import os
from pathlib import Path

from calculator.errors import CatalogError

from .catalog_file import check_file, locate, read_yaml
from .page_data import content_problems

ENV_VAR = "PRICING_SITE_CATALOG"
_cache = {}


def catalog_path(config):
    """plans.yaml for this build: $PRICING_SITE_CATALOG, else ``extra.catalog`` in mkdocs.yml."""
    base = Path(config.config_file_path or ".").resolve().parent
    name = os.environ.get(ENV_VAR) or config.extra.get("catalog") or "plans.yaml"
    return (base / name).resolve()


def asset_roots(config):
    """Folders an image path in the YAML may be under: the docs folder and site_src/."""
    docs = Path(config.docs_dir)
    return (docs, docs.parent)


def load(path, roots):
    """The validated ``Catalog`` in ``path``; raises ``CatalogError`` with located problems."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size, tuple(map(str, roots)))
    except OSError:
        key = None
    if key is not None and key in _cache:
        return _cache[key]
    catalog, errors, _ = check_file(path)
    if errors:
        raise CatalogError(errors)
    problems = content_problems(catalog, roots)
    if problems:
        _, marks, _ = read_yaml(path)
        raise CatalogError(locate(problems, marks, str(path)))
    _cache.clear()
    _cache[key] = catalog
    return catalog
