"""Links from plans.yaml into a page: written from the site root ("pricing/"), each page needs
them relative to itself. URLs with a scheme, "#..." and "/..." pass, if ``url_rules`` allows
them at all.
"""

from urllib.parse import urlsplit

from mkdocs.utils import normalize_url

from pricing_site.catalog.url_rules import is_safe_link


def page_linker(page):
    """``link(url)`` for ``page``: site-root-relative paths become page-relative; a link
    ``url_rules`` refuses becomes "#" (validation refuses it first: this holds should it not
    have run)."""
    def link(url):
        if not is_safe_link(url):
            return "#"
        if url.startswith(("#", "/")) or urlsplit(url).scheme:
            return url
        return normalize_url(url, page)
    return link
