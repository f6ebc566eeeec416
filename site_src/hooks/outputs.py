"""MkDocs hook: files beside the pages after the build: robots.txt naming the sitemap, the price
list for machines (llms.txt, pricing.md, pricing.json and its schema), and the host headers
(CSP, caching; which pages may be framed: site.embed)."""

import json
from pathlib import Path

from pricing_site.build.headers import write_headers
from pricing_site.catalog.embed import EMBED_PATH, embed_settings
from pricing_site.pages.price_list import (SCHEMA_PATH, llms_txt, pricing_json,
                                           pricing_markdown)


def on_post_build(config):
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines.append(f"Sitemap: {config.site_url}sitemap.xml")
    out = Path(config.site_dir)
    (out / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _price_list(config, out)
    embed = embed_settings(config.extra["catalog_content"].site)
    write_headers(config.site_dir,
                  (EMBED_PATH.split("/")[0] + "/", embed["origins"]) if embed["enabled"] else None)


def _price_list(config, out):
    catalog, content = config.extra["catalog_data"], config.extra["catalog_content"]
    url = config.site_url or "/"
    pages = [(page.title, url.rstrip("/") + "/" + page.url)
             for page in config.extra.get("site_pages", ()) if page.url not in ("", "pricing/")]
    (out / "llms.txt").write_text(llms_txt(catalog, content, url, pages), encoding="utf-8")
    (out / "pricing.md").write_text(pricing_markdown(catalog, content, url), encoding="utf-8")
    (out / "pricing.json").write_text(
        json.dumps(pricing_json(catalog, content, url), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    (out / "pricing.schema.json").write_bytes(SCHEMA_PATH.read_bytes())


def on_nav(nav, config, files):
    config.extra["site_pages"] = list(nav.pages)
    return nav
