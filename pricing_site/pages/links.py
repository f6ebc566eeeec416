"""Links, share tags and escaping rules for the MkDocs pages.

- ``page_linker``: YAML links to site pages are written from the site root ("pricing/");
  each page needs them relative to itself. URLs with a scheme, "#..." and "/..." pass, if
  ``url_rules`` allows them at all.
- ``share_tags``: title, description, canonical URL and image for <title>, Open Graph
  and Twitter cards; the image must be an absolute URL, so it needs site_url.
- ``autoescape_for``: MkDocs' Jinja environment does not escape; our own templates do.
- ``element_ids``: the anchors a rendered page has, for MkDocs' check of links to them.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from mkdocs.utils import normalize_url

from pricing_site.catalog.url_rules import is_safe_link

OWN_TEMPLATES = ("landing/", "pricing/", "partials/share")
# main.html and every page template that extends it (Material's 404.html too): in a template
# that does not escape, main.html's "{{ super() }}" would print the inherited markup as text
OWN_PAGES = {"home.html", "pricing.html", "main.html", "404.html"}


def autoescape_for(previous):
    """An ``Environment.autoescape`` callable: on for our templates, as before elsewhere."""
    def decide(name):
        if name and (name in OWN_PAGES or name.startswith(OWN_TEMPLATES)):
            return True
        return previous(name) if callable(previous) else bool(previous)
    return decide


def element_ids(html):
    """Every ``id`` in ``html``: MkDocs knows only the ids of a page's markdown, and the landing
    and pricing sections (``pricing.md#pricing-faq``) are written by their templates."""
    ids = set()
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: ids.update(v for k, v in attrs if k == "id" and v)
    parser.feed(html)
    parser.close()
    return ids


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


def _first(*values):
    return next((v for v in values if v), "")


def share_tags(catalog, page, config):
    """``{"title", "description", "url", "image", "site_name"}`` for one page."""
    site = catalog.content.get("site") or {}
    meta = page.meta.get("share") or {}
    # as written: config.site_name holds site.name escaped for Material's templates, which
    # print it raw; ours escape, and would show that escaping ("&lt;")
    name = site.get("name") or config.site_name
    default_title = name if page.is_homepage else f"{page.title} - {name}"
    image = _first(meta.get("image"), site.get("social_image"))
    return {
        "title": _first(meta.get("title"), default_title),
        "description": _first(meta.get("description"), page.meta.get("description"),
                              site.get("description"), config.site_description),
        "url": page.canonical_url or "",
        "image": f"{config.site_url}{image}" if image and config.site_url else "",
        "site_name": name,
    }
