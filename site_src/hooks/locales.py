"""MkDocs hook: the pages of one language (docs/catalog.md, "Locales").

A locale's markdown pages live beside its texts (locales/de/pricing.md for locales/de.yaml):
its build takes each in place of the docs folder's page of the same path (a page it lacks is
the docs folder's, in the locale's chrome). Each page gets Material's language switcher
pointing at the same page in every language, and og:locale with its alternates. Its hreflang
alternates are in the sitemap (``language_sites``), not in ``<link rel="alternate">`` tags:
Material's script fetches ``sitemap.xml`` beside every such link (under /de/pricing/, say),
a request per page for no file, made to another origin wherever the site is served from
anywhere but its site URL (a preview, a local build), which the policy blocks.

A locale built beside the root's build loads the root's copy of each file the root holds with
the same bytes, and drops its own (``pricing_site.build.root_copies``): every URL the templates
write goes through the ``url`` filter, which points those at the root.
"""

from pathlib import Path

from jinja2 import pass_context
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from pricing_site.build.guest import is_guest
from pricing_site.build.locales import alternates
from pricing_site.catalog.files import link_out


def on_files(files, config):
    if is_guest(config):  # a host's site: its own language, no locale builds of ours
        return files
    pages = config.extra["site_languages"]["pages"]
    if pages is None or not Path(pages).is_dir():
        return files
    for source in sorted(Path(pages).rglob("*.md")):
        path = source.relative_to(pages).as_posix()
        replaced = files.get_file_from_path(path)
        refused = link_out(str(source), (Path(pages),))
        if refused or replaced is None:
            raise PluginError(f"{source} {refused}" if refused else
                              f"{source}: the docs folder has no page {path} for it to translate")
        files.remove(replaced)
        files.append(File(path, str(pages), config.site_dir, config.use_directory_urls))
    return files


def on_page_context(context, page, config, nav):
    if is_guest(config) or len(config.extra["site_languages"]["all"]) < 2:
        return context
    links = alternates(page.url, config.extra["site_languages"])
    context["language_links"] = links   # the switcher (partials/alternate.html)
    if context.get("share") is not None:
        context["share"]["locale"] = next(alt["og"] for alt in links if alt["current"])
        context["share"]["locale_alternates"] = [alt["og"] for alt in links if not alt["current"]]
    return context


def on_env(env, config, files):
    copies = config.extra.get("root_copies")
    if copies is not None:
        env.filters["url"] = _root_url(env.filters["url"], copies)
    return env


def _root_url(url, copies):
    @pass_context
    def root_url(context, value):
        return copies.page_url(value, url(context, value))
    return root_url


@event_priority(-90)  # once every file is written (the bundle's too), before the precompression
def on_post_build(config):
    copies = config.extra.get("root_copies")
    if copies is not None:
        copies.drop_copies()
