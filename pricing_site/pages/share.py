"""What a page says about itself: its title and description from ``site.pages``, and its
share tags (``<title>``, Open Graph, Twitter cards; the image must be an absolute URL, so it
needs site_url)."""


def _first(*values):
    return next((v for v in values if v), "")


def share_tags(content, page, config):
    """``{"title", "description", "url", "image", "site_name"}`` for one page."""
    site = content.site
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


def page_meta(content, src_uri):
    """``{"title", "description", "image"}`` (any may be missing) for a markdown file."""
    key = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    pages = content.site.get("pages") or {}
    return dict(pages.get(key) or pages.get(key.removesuffix("/index")) or {})
