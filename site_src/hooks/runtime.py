"""MkDocs hook: the live calculator's bundle (engine wheel, catalog.json, the self-hosted
Pyodide runtime, its precompiled stdlib and snapshot), prepared once per build when the
catalog is known, named by the pricing page, written beside the pages after the build."""

from mkdocs.exceptions import PluginError

from pricing_site.runtime import BundleError, emit_bundle, prepare_bundle


def on_config(config):  # after hooks/catalog.py's (priority 100), which loads the catalog
    try:
        config.extra["calculator_bundle"] = prepare_bundle(config.extra["catalog_data"])
    except BundleError as exc:  # no runtime (nor a way to fetch it): said, not a traceback
        raise PluginError(f"the calculator's runtime: {exc}") from None
    return config


def on_post_build(config):
    emit_bundle(config.site_dir, config.extra["catalog_data"], config.extra["calculator_bundle"])
