"""MkDocs hook: files beside the pages after the build: robots.txt naming the sitemap, and the
host headers (CSP, caching)."""

from pathlib import Path

from pricing_site.build.headers import write_headers


def on_post_build(config):
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines.append(f"Sitemap: {config.site_url}sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_headers(config.site_dir)
