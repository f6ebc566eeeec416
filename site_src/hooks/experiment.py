"""MkDocs hook: mark the pages of an A/B build (see docs/variants.md).

Every page of a file with a ``variants:`` section gets ``<html data-experiment=...
data-variant=...>`` (control too, so the plain build and the control build are the same
bytes). A non-control variation leaves no sitemap, and its robots.txt names none: its pages
are served at the control's URLs by the edge router, carry Material's canonical link to that
URL, and the sitemap the router serves is control's.
"""

from pathlib import Path

from markupsafe import escape

from pricing_site.build.guest import leaves_alone
from pricing_site.catalog.variants import CONTROL


def on_post_page(output, page, config):
    marker = config.extra.get("experiment")
    if not marker or leaves_alone(config, page):  # a guest marks only its own pages
        return output
    attrs = (f'<html data-experiment="{escape(marker["experiment"])}" '
             f'data-variant="{escape(marker["variant"])}" ')
    return output.replace("<html ", attrs, 1)


def on_post_build(config):
    marker = config.extra.get("experiment")
    if marker and marker["variant"] != CONTROL:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            Path(config.site_dir, name).unlink(missing_ok=True)
        robots = Path(config.site_dir, "robots.txt")
        if not robots.is_file():  # a guest writes none
            return
        lines = robots.read_text(encoding="utf-8").splitlines()
        robots.write_text("".join(f"{line}\n" for line in lines if not line.startswith("Sitemap:")),
                          encoding="utf-8")
