"""MkDocs hook: the embeddable calculator (docs/embed.md), when ``site.embed.enabled``.

Adds the page embed/calculator/ (template embed.html, left out of the nav and the search), gives
it the pricing page's calculator region, and writes the host page's loader at a URL that
never changes (embed/embed.js), since other sites' pages name it.
"""

import json
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from pricing_site.build import assets as site_assets
from pricing_site.build.root_copies import calculator_urls
from pricing_site.catalog.embed import EMBED_PATH, LOADER_PATH, embed_settings
from pricing_site.pages.embed import embed_context
from pricing_site.pages.links import page_linker
from pricing_site.pages.words import _

PAGE = f"{EMBED_PATH.rstrip('/')}.md"
FRONT_MATTER = "---\ntemplate: embed.html\ntitle: {title}\nsearch:\n  exclude: true\n---\n"


def _settings(config):
    return embed_settings(config.extra["catalog_content"].site)


def on_files(files, config):
    if _settings(config)["enabled"] and files.get_file_from_path(PAGE) is None:
        files.append(File.generated(config, PAGE, content=FRONT_MATTER.format(
                                        title=json.dumps(_("Pricing calculator"))),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_context(context, page, config, nav):
    if page.meta.get("template") == "embed.html":
        context["pricing"] = embed_context(
            config.extra["catalog_data"], config.extra["catalog_content"], page_linker(page),
            calculator_urls(config), _settings(config)["origins"])
    return context


def on_post_build(config):
    if _settings(config)["enabled"]:
        loader = Path(config.site_dir, LOADER_PATH)
        loader.parent.mkdir(parents=True, exist_ok=True)
        loader.write_bytes((site_assets.ASSETS / "js" / "embed-loader.js").read_bytes())
