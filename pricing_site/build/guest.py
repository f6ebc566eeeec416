"""The plugin as a guest in someone else's Material site: ``pricing: {mode: guest}``.

In its default mode (``site``) the plugin makes the whole site: plans.yaml names it, our
``main.html`` and partials draw every page, site.css gives every page its look, and the build
writes robots.txt and a site-wide ``_headers``. A guest adds the pricing page (and the landing,
for a page that asks for ``template: home.html``) and leaves every other page as MkDocs and
Material render it without the plugin (docs/plugin.md):

- templates: a loader after the host's own serves only the page templates below and the
  sections they include, never ``main.html`` or a partial, so ours extend the host's
  ``main.html`` and its header, palette, navigation and footer;
- styles: the pricing components only (``guest_css``: site.css without its site-wide part),
  linked by our page templates alone;
- Material's instant navigation: the pricing page is reached and left by full loads
  (``INSTANT``), since the calculator's scripts run once per loaded document;
- hooks: the per-page steps (share texts, compact HTML, A/B marks) touch our pages only;
  the price list goes only where the host has no file (``host_outputs``), ``_headers`` names
  our own paths (after the host's rules), and no robots.txt is written.
"""

import re
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, TemplateNotFound
from mkdocs.structure.files import File, InclusionLevel

from pricing_site.build.sources import OVERRIDES

MODES = ("site", "guest")
PAGE_TEMPLATES = ("pricing.html", "home.html", "embed.html")
SECTIONS = ("pricing/", "landing/")   # what the page templates include
PAGE = "pricing.md"                   # added when the host has no page of that name
PAGE_SOURCE = "---\ntemplate: pricing.html\ntitle: Pricing\n---\n"
STYLES = "css/guest.css"              # under assets/, made from site.css at build time
INSTANT = "js/guest-instant.js"       # the pricing page as a full load (Material's
                                      # navigation.instant would swap it in)
# the files a site-mode build writes at the site's root
ROOT_OUTPUTS = ("robots.txt", "_headers", "llms.txt", "pricing.md", "pricing.json",
                "pricing.schema.json")
# what the precompression covers in a guest: our folders, not the host's files
OWN_FOLDERS = ("assets/v", "assets/pyodide", "assets/calculator")
_SITE_WIDE = re.compile(r"/\* \[site-wide\].*?/\* \[/site-wide\] \*/\n?", re.S)


def is_guest(config):
    """True when mkdocs.yml sets the pricing plugin's ``mode: guest``."""
    plugin = config.plugins.get("pricing")
    return bool(plugin) and plugin.config.mode == "guest"


def own_page(page):
    """True for a page drawn by one of our page templates."""
    return page.meta.get("template") in PAGE_TEMPLATES


def leaves_alone(config, page):
    """True for a host's page in a guest build: the per-page hooks pass it through."""
    return is_guest(config) and not own_page(page)


class GuestTemplates(BaseLoader):
    """Our page templates and their sections from site_src/overrides/, nothing else."""

    def __init__(self, folder=OVERRIDES):
        self._files = FileSystemLoader(str(folder))

    def get_source(self, environment, template):
        if template not in PAGE_TEMPLATES and not template.startswith(SECTIONS):
            raise TemplateNotFound(template)
        return self._files.get_source(environment, template)

    def list_templates(self):
        return [name for name in self._files.list_templates()
                if name in PAGE_TEMPLATES or name.startswith(SECTIONS)]


def add_templates(env):
    """The host's templates first (its custom_dir, then Material's), ours after them."""
    env.loader = ChoiceLoader([env.loader, GuestTemplates()])


def guest_css(site_css):
    """site.css without the rules between ``/* [site-wide] ... */`` and ``/* [/site-wide] */``
    (the palette, the header, the buttons, the prose pages): the components alone."""
    return _SITE_WIDE.sub("", site_css)


def pricing_page(files, config):
    """A generated ``pricing.md`` (``template: pricing.html``) when the host has none: out of
    the navigation unless the host's ``nav`` lists it."""
    if files.get_file_from_path(PAGE) is None:
        files.append(File.generated(config, PAGE, content=PAGE_SOURCE,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def host_outputs(files):
    """Which of ``ROOT_OUTPUTS`` the host's files already give the site (a guest leaves them)."""
    return frozenset(file.dest_uri for file in files) & frozenset(ROOT_OUTPUTS)


def append_text(path, text):
    """``text`` after what ``path`` holds (a blank line between), or as the whole file."""
    path = Path(path)
    before = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if path.is_file() else ""
    path.write_text(before + text, encoding="utf-8")
