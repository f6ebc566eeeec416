"""MkDocs hook: page data for the templates, built by ``pricing_site.pages``.

The landing and pricing templates get plain dicts (prices only from calculator.quote);
every page gets its share tags and its header's and footer's links. Our own templates are
autoescaped, so a YAML field shows as text whatever it contains. In a guest's build
(``pricing_site.build.guest``) the host's pages pass through untouched.
"""

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from pricing_site.build.assets import asset_url
from pricing_site.build.compact_html import compact_html
from pricing_site.build.guest import INSTANT, STYLES, is_guest, leaves_alone
from pricing_site.build.page_checks import element_ids, front_matter_problem
from pricing_site.build.root_copies import calculator_urls
from pricing_site.build.templates import COMPILED, autoescape_for
from pricing_site.pages.chrome import page_links
from pricing_site.pages.landing import landing_context
from pricing_site.pages.links import page_linker
from pricing_site.pages.pricing import pricing_context
from pricing_site.pages.share import page_meta, share_tags


def on_env(env, config, files):
    env.autoescape = autoescape_for(env.autoescape, host_main=is_guest(config))
    env.bytecode_cache = COMPILED  # templates compiled once per process, not per build
    return env


def on_page_markdown(markdown, page, config, files):
    if leaves_alone(config, page):
        return markdown
    front = YAML_RE.match(markdown)
    if front:  # MkDocs leaves front matter it cannot read in the text, and says nothing
        raise PluginError(front_matter_problem(page.file.src_path, front.group(1)))
    meta = page_meta(config.extra["catalog_content"], page.file.src_uri)
    if meta.get("description"):
        page.meta["description"] = escape(meta["description"])  # Material prints it unescaped
    page.meta["share"] = meta
    return markdown


def on_page_context(context, page, config, nav):
    if leaves_alone(config, page):
        return context
    catalog, content = config.extra["catalog_data"], config.extra["catalog_content"]
    link = page_linker(page)
    template = page.meta.get("template")
    if template == "home.html":
        context["landing"] = landing_context(content, link)
    elif template == "pricing.html":
        context["pricing"] = pricing_context(catalog, content, link, calculator_urls(config),
                                             page.canonical_url)
    context["share"] = share_tags(content, page, config)
    context["site_links"] = page_links(content, link)  # the header's and the footer's
    if is_guest(config):  # the components' look, on our pages alone
        context["guest_styles"] = asset_url(STYLES)
        if "navigation.instant" in (config.theme.get("features") or ()):
            context["guest_instant"] = asset_url(INSTANT)
    return context


def on_post_page(output, page, config):
    if leaves_alone(config, page):
        return output
    # MkDocs checks links to `page.md#id` once every page is written, against the ids of the
    # page's markdown: the ids its template wrote count too
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= element_ids(output)
    return compact_html(output)
