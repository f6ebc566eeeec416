"""MkDocs hook: load plans.yaml (validated, cached) and let it name the site; watch it and
its locales' texts and pages.

The catalog is kept in ``config.extra["catalog_data"]`` (the engine's) and
``config.extra["catalog_content"]`` (the pages' texts) for the other hooks. A catalog or
content error stops the build with the validator's located messages, as does a theme feature
of mkdocs.yml that would run the catalog's text as script (``pricing_site.build.theme_features``).
"""

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from calculator.errors import CatalogError
from pricing_site.build.guest import is_guest
from pricing_site.build.site_catalog import (asset_roots, build_variant, catalog_path,
                                       experiment_marker, load, watched_locales)
from pricing_site.build.locales import configure as configure_locale
from pricing_site.build.locales import site_for_build
from pricing_site.build.theme_features import feature_problems


@event_priority(100)  # before the search plugin, which reads the theme's language in its own
def on_config(config):
    refused = [] if is_guest(config) else feature_problems(config)  # a guest's are the host's
    if refused:
        raise PluginError("mkdocs.yml has problems:\n" + "\n".join(str(p) for p in refused))
    variant = build_variant()
    try:
        read = load(catalog_path(config), asset_roots(config))
        catalog, content = site_for_build(read, variant)
    except CatalogError as exc:
        raise PluginError("plans.yaml has problems:\n" +
                          "\n".join(str(p) for p in exc.problems)) from None
    config.extra["catalog_data"], config.extra["catalog_content"] = catalog, content
    config.extra["experiment"] = experiment_marker(read.content, variant)
    if is_guest(config):  # the host names its own site
        return config
    site = content.site
    if site.get("name"):
        config.site_name = escape(site["name"])  # Material prints it unescaped
    if site.get("description"):
        config.site_description = escape(site["description"])
    config.copyright = escape(site.get("footer") or f"© {site.get('name') or config.site_name}")
    if site.get("url"):
        config.site_url = site["url"].rstrip("/") + "/"
    if site.get("language"):  # Material's words and direction (rtl for ar, fa, he, ur) follow
        config.theme["language"] = site["language"]
    return configure_locale(config, read)


def on_serve(server, config, builder):
    path = catalog_path(config)
    server.watch(str(path))
    for texts, pages in watched_locales(path):  # outside the docs folder MkDocs watches
        for watched in (texts, pages):
            if watched.exists():
                server.watch(str(watched))
    return server
