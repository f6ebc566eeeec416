"""The catalog as the MkDocs hooks see it: located, validated, cached by file version.

Hook modules are not reloaded by ``mkdocs serve``, but ``on_config`` runs before every
rebuild, so ``load`` re-reads plans.yaml only when its modification time or size changed, or
a file under the folders its content may name (pages, images).
Engine, schema and content problems (``content_checks``: missing image, unknown icon, a link
to no page...) all come back as one ``CatalogError`` whose problems carry file:line:col.
"""

import os
from pathlib import Path

from calculator.catalog import parse_catalog
from calculator.errors import CatalogError, Problem

from pricing_site.catalog.check import check_file
from pricing_site.catalog.yaml_reader import read_yaml
from pricing_site.catalog.variants import CONTROL, variant_documents

ENV_VAR = "PRICING_SITE_CATALOG"
VARIANT_ENV = "PRICING_SITE_VARIANT"   # which A/B variation the hooks build (default control)
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


def build_variant():
    """The A/B variation this build is for: $PRICING_SITE_VARIANT, else None (control)."""
    return os.environ.get(VARIANT_ENV) or None


def experiment_marker(catalog, variant=None):
    """``{"experiment", "variant"}`` for the pages when the file defines variants, else None.
    ``catalog`` is the control catalog (it carries the ``variants`` section)."""
    section = catalog.content.get("variants")
    if not section:
        return None
    return {"experiment": section["experiment"], "variant": variant or CONTROL}


def _variant_catalog(path, catalog, variant):
    if not catalog.content.get("variants"):
        raise CatalogError([Problem("variants", f"--variant {variant}: the file has no "
                                                "variants: section", str(path), 1, 1)])
    data, marks, _ = read_yaml(path)
    documents = variant_documents(data, marks, str(path))
    if variant not in documents:
        known = ", ".join(documents)
        raise CatalogError([Problem("variants.variations", f"no variation '{variant}' "
                                    f"(known: {known})", str(path), *marks["variants"])])
    return parse_catalog(documents[variant])


def _files(roots):
    """Every file under ``roots`` with its modification time: the content checks' verdict (a
    page or image the YAML names) changes with them, not only with plans.yaml."""
    return frozenset((str(file), file.stat().st_mtime_ns) for root in roots
                     for file in Path(root).rglob("*") if file.is_file())


def load(path, roots, variant=None):
    """The validated ``Catalog`` in ``path`` (of A/B variation ``variant`` when given);
    raises ``CatalogError`` with located problems."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size, _files(roots), variant)
    except OSError:
        key = None
    if key is not None and key in _cache:
        return _cache[key]
    catalog, errors, _ = check_file(path, warn=False, roots=roots)
    if errors:
        raise CatalogError(errors)
    if variant and variant != CONTROL:
        catalog = _variant_catalog(path, catalog, variant)
    if len(_cache) > 8:     # control and its variations of one file version fit
        _cache.clear()
    _cache[key] = catalog
    return catalog
