"""MkDocs hook: files beside the pages after the build: robots.txt naming the sitemap, the
host headers (CSP, caching), and the live calculator's bundle (engine wheel, catalog.json,
the self-hosted Pyodide runtime)."""

from pathlib import Path

from pricing_site.runtime.bundle import emit_browser_bundle
from pricing_site.build.headers import write_headers


def on_post_build(config):
    lines = ["User-agent: *", "Allow: /"]
    if config.site_url:
        lines.append(f"Sitemap: {config.site_url}sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_headers(config.site_dir)
    emit_browser_bundle(config.site_dir, config.extra["catalog_data"])
