"""MkDocs hook: files beside the pages after the build: robots.txt naming the sitemap, the price
list for machines (llms.txt, pricing.md, pricing.json and its schema), and the host headers
(CSP, caching; which pages may be framed: site.embed). A guest in someone else's site writes
no robots.txt, only the files the host has not, and headers for its own paths alone."""

import json
from pathlib import Path

from pricing_site.build.guest import is_guest
from pricing_site.build.headers import write_guest_headers, write_headers
from pricing_site.catalog.embed import EMBED_PATH, embed_settings
from pricing_site.pages.price_list import (SCHEMA_PATH, llms_txt, pricing_json,
                                           pricing_markdown)


def on_post_build(config):
    if is_guest(config):
        return _guest_outputs(config)
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines.append(f"Sitemap: {config.site_url}sitemap.xml")
    out = Path(config.site_dir)
    (out / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _price_list(config, out)
    write_headers(config.site_dir, _framed(config))


def _guest_outputs(config):
    out, taken = Path(config.site_dir), config.extra["host_outputs"]
    write_guest_headers(config.site_dir, _price_list(config, out, taken), _framed(config),
                        after_hosts="_headers" in taken)


def _framed(config):
    """``(folder, origins)`` of the embed when ``site.embed`` is on, else None."""
    embed = embed_settings(config.extra["catalog_content"].site)
    return (EMBED_PATH.split("/")[0] + "/", embed["origins"]) if embed["enabled"] else None


def _price_list(config, out, taken=frozenset()):
    """Write the price list; a name in ``taken`` (the host's own file) is left alone.
    Returns the names written."""
    catalog, content = config.extra["catalog_data"], config.extra["catalog_content"]
    url = config.site_url or "/"
    pages = [(page.title, url.rstrip("/") + "/" + page.url)
             for page in config.extra.get("site_pages", ()) if page.url not in ("", "pricing/")]
    texts = {
        "llms.txt": lambda: llms_txt(catalog, content, url, pages),
        "pricing.md": lambda: pricing_markdown(catalog, content, url),
        "pricing.json": lambda: json.dumps(pricing_json(catalog, content, url), indent=1,
                                           ensure_ascii=False) + "\n",
        "pricing.schema.json": lambda: SCHEMA_PATH.read_text(encoding="utf-8"),
    }
    written = [name for name in texts if name not in taken]
    for name in written:
        (out / name).write_text(texts[name](), encoding="utf-8")
    return written


def on_nav(nav, config, files):
    config.extra["site_pages"] = list(nav.pages)
    return nav
