"""MkDocs hook, the last one: ``.gz`` and ``.br`` siblings of the text assets and the runtime
(pricing_site/build/precompress.py), once every other hook has written or removed its files."""

from pricing_site.build.precompress import precompress_site


def on_post_build(config):
    precompress_site(config.site_dir)
