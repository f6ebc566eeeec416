"""After every language is built into one output: one sitemap, one robots.txt, one _headers.

Each locale's MkDocs build (``pricing_site.build.locales``) is a complete site in its folder
(``/de/``), with its own sitemap, robots.txt, host headers and price list. A host reads those
at the root only, so they are made once there: the sitemap lists every page in every language,
each ``<url>`` with its ``xhtml:link`` alternates (x-default the root language's); the root's
``_headers`` covers the locale folders too (their immutable files, their pages' framing). The price list for machines (llms.txt,
pricing.md, pricing.json) stays the root's alone: it already holds every currency, and
llms.txt is read at the root.
"""

from pathlib import Path
from xml.etree import ElementTree

from .headers import write_headers

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ROOT_ONLY = ("sitemap.xml", "robots.txt", "_headers", "llms.txt", "pricing.md", "pricing.json",
             "pricing.schema.json")


def finish(site_dir, languages, embed=None):
    """Make ``site_dir`` (every language built, ``languages`` as ``locales.languages``) one
    site: the locale folders' root-only files removed, one sitemap, one ``_headers`` for them
    all (``embed``: ``(folder, origins)`` when the embed is on, as ``write_headers`` takes)."""
    site = Path(site_dir)
    folders = [folder for _, folder in languages if folder]
    if not folders:
        return
    pages = {code: _sitemap_urls(site / folder / "sitemap.xml") for code, folder in languages}
    for folder in folders:
        for name in ROOT_ONLY:
            for sibling in (name, f"{name}.gz", f"{name}.br"):
                (site / folder / sibling).unlink(missing_ok=True)
    if pages[languages[0][0]]:
        _write_sitemap(site, languages, pages)
    write_headers(site, embed, folders)


def _sitemap_urls(path):
    """``[(loc, lastmod)]`` of a sitemap MkDocs wrote (empty without one: a variation's)."""
    if not path.is_file():
        return []
    tree = ElementTree.parse(path)
    return [(url.findtext(f"{{{SITEMAP_NS}}}loc"), url.findtext(f"{{{SITEMAP_NS}}}lastmod"))
            for url in tree.getroot().iter(f"{{{SITEMAP_NS}}}url")]


def sitemap_xml(languages, pages):
    """The sitemap of every language's pages (``{code: [(loc, lastmod)]}``), each page with
    its counterparts: the same path under each language's folder of the root's URL."""
    root_code = languages[0][0]
    root_urls = [loc for loc, _ in pages[root_code]]
    base = _common_base(root_urls)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    paths = [loc.removeprefix(base) for loc in root_urls]
    for code, folder in languages:
        lastmods = dict(pages[code])
        for path in paths:
            loc = f"{base}{folder}{path}"
            lines.append("  <url>")
            lines.append(f"    <loc>{_escape(loc)}</loc>")
            if lastmods.get(loc):
                lines.append(f"    <lastmod>{lastmods[loc]}</lastmod>")
            for other, other_folder in languages:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" '
                             f'href="{_escape(base + other_folder + path)}"/>')
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" '
                         f'href="{_escape(base + path)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _common_base(urls):
    """The site's URL: the home page's, the shortest of its pages' URLs."""
    return min(urls, key=len) if urls else ""


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write_sitemap(site, languages, pages):
    """sitemap.xml and the siblings MkDocs and the precompression write beside it."""
    sitemap = site / "sitemap.xml"
    sitemap.write_bytes(sitemap_xml(languages, pages).encode())
    for suffix in (".gz", ".br"):
        (site / f"sitemap.xml{suffix}").unlink(missing_ok=True)
    from .precompress import write_siblings   # imports the runtime, which imports it
    write_siblings(sitemap, site)
