"""MkDocs hook, the last one: ``.gz`` and ``.br`` siblings of the text assets and the runtime
(pricing_site/build/precompress.py), once every other hook has written or removed its files."""

from mkdocs.plugins import event_priority

from pricing_site.build.precompress import precompress_site


@event_priority(-100)  # after every plugin's, the search index's too
def on_post_build(config):
    precompress_site(config.site_dir)
