"""MkDocs hook, the last one: ``.gz`` and ``.br`` siblings of the text assets and the runtime
(pricing_site/precompress.py), once every other hook has written or removed its files."""

from pricing_site.precompress import precompress_site


def on_post_build(config):
    precompress_site(config.site_dir)
