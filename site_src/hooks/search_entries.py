"""MkDocs hook: the landing and pricing pages' words in the site's search (their templates mark
the results, pricing_site/build/search_entries.py reads them from each built page), added to
the index the search plugin wrote."""

from mkdocs.plugins import event_priority

from pricing_site.build.search_entries import ENTRY, add_entries, entries

FOUND = {}  # page url -> its entries, this build's


def on_pre_build(config):
    FOUND.clear()


def on_post_page(output, page, config):
    if ENTRY in output:
        FOUND[page.url] = entries(output, page.url)
    return output


@event_priority(-50)  # after the search plugin has written its index (0), before precompression
def on_post_build(config):
    add_entries(config.site_dir, FOUND)
