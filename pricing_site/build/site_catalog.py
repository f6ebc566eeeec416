"""The catalog as the MkDocs hooks see it: read once per file version, validated, located.

Hook modules are not reloaded by ``mkdocs serve``, but ``on_config`` runs before every
rebuild, so ``load`` reads plans.yaml again only when its modification time or size changed,
or a locale's texts file's, or a file under the folders its content may name (pages,
images). Engine, schema and content problems (a missing image, an unknown icon, a link to no
page...) all come back as one ``CatalogError`` whose problems carry file:line:col.
"""

import os
from pathlib import Path

from calculator.errors import CatalogError
from pricing_site.catalog import read_catalog
from pricing_site.catalog.locales import locale_sources
from pricing_site.catalog.yaml_reader import read_yaml
from pricing_site.catalog.variants import CONTROL

from .assets import site_images
from .guest import is_guest

ENV_VAR = "PRICING_SITE_CATALOG"
VARIANT_ENV = "PRICING_SITE_VARIANT"   # which A/B variation the hooks build (default control)
_cache = {}


def catalog_path(config):
    """plans.yaml for this build: $PRICING_SITE_CATALOG, else the one mkdocs.yml names (the
    pricing plugin's ``catalog``, or ``extra.catalog``), else plans.yaml beside mkdocs.yml."""
    base = Path(config.config_file_path or ".").resolve().parent
    return (base / (os.environ.get(ENV_VAR) or configured_catalog(config))).resolve()


def configured_catalog(config):
    """The catalog mkdocs.yml names, as written (relative to its folder)."""
    plugin = config.plugins.get("pricing")
    return ((plugin and plugin.config.catalog) or config.extra.get("catalog")
            or "plans.yaml")


def asset_roots(config):
    """The folders the site publishes, which the YAML's images and links may name: the docs
    folder (at the site root) and the assets folder of its images (under ``assets/``:
    ``site_images``); a site without one, and a guest in someone else's site, publish their
    docs folder alone."""
    images = None if is_guest(config) else site_images(config.docs_dir)
    return (Path(config.docs_dir),) + ((images.parent,) if images else ())


def build_variant():
    """The A/B variation this build is for: $PRICING_SITE_VARIANT, else None (control)."""
    return os.environ.get(VARIANT_ENV) or None


def experiment_marker(content, variant=None):
    """``{"experiment", "variant"}`` for the pages when the file defines variants, else None.
    ``content`` is the control's (it carries the ``variants`` section)."""
    if not content.variants:
        return None
    return {"experiment": content.variants["experiment"], "variant": variant or CONTROL}


def _version(path, roots, data):
    """What a read of plans.yaml at ``path`` depends on: its own file, its locales' texts
    files (named by its document ``data``) and the files under ``roots``."""
    texts = [texts for texts, _ in locale_sources(data, path)]
    return (str(path), _stat(path), tuple((str(t), _stat(t)) for t in texts), _files(roots))


def _stat(path):
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _files(roots):
    """Every file under ``roots`` with its modification time: the content checks' verdict (a
    page or image the YAML names) changes with them, not only with plans.yaml."""
    return frozenset((str(file), file.stat().st_mtime_ns) for root in roots
                     for file in Path(root).rglob("*") if file.is_file())


def load(path, roots):
    """The ``CatalogFile`` of ``path``, checked with its content (``roots``: see
    ``asset_roots``); raises ``CatalogError`` with located problems. ``.variant(key)`` gives
    an A/B variation's catalog and content from it."""
    path = Path(path)
    read = _cache.get("read")
    if read is None or _cache.get("version") != _version(path, roots, read.data):
        before = _stat(path)
        read = read_catalog(path, roots=roots, lint=False)
        # one file version at a time; one saved again while it was read is read again next time
        _cache.update(read=read, version=_version(path, roots, read.data)
                      if _stat(path) == before else None)
    if read.errors:
        raise CatalogError(read.errors)
    return read


def watched_locales(path):
    """``[(texts file, pages folder)]`` of the locales plans.yaml at ``path`` lists, as far as
    it reads (a live preview watches them; one added later needs the preview started again)."""
    return locale_sources(read_yaml(path)[0], path)
