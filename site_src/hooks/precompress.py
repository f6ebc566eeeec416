"""MkDocs hook, the last one: ``.gz`` and ``.br`` siblings of the text assets and the runtime
(pricing_site/build/precompress.py), once every other hook has written or removed its files; in
a guest's build, of its own folders only (the host's files are the host's to serve)."""

from mkdocs.plugins import event_priority

from pricing_site.build.guest import OWN_FOLDERS, is_guest
from pricing_site.build.precompress import precompress_site


@event_priority(-100)  # after every plugin's, the search index's too
def on_post_build(config):
    precompress_site(config.site_dir, OWN_FOLDERS if is_guest(config) else None)
