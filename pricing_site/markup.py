"""Markdown for the few YAML fields that allow it, without letting HTML through.

Marketing writes FAQ answers and story paragraphs in Markdown. Python-Markdown passes raw
HTML through by default, so its two HTML handlers are removed (raw HTML then comes out as
escaped text) and links keep only safe schemes. Links to pages of this site are written
relative to the site root ("pricing/") and made relative to the page by ``link``.
"""

from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_safe_url(url):
    """True for URLs a link may point to: no javascript:, data: and the like."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in SAFE_SCHEMES


class _Links(Treeprocessor):
    """Turn images into their alt text, drop unsafe link targets, rewrite site-relative links for the page."""

    def __init__(self, md, link):
        super().__init__(md)
        self.link = link

    def run(self, root: Element):
        for img in root.iter("img"):  # images come from YAML image fields, not from prose
            alt = img.get("alt", "")
            img.attrib.clear()
            img.tag, img.text = "span", alt
        for a in root.iter("a"):
            href = a.get("href", "")
            a.set("href", self.link(href) if is_safe_url(href) else "#")
        return None


def render(text, link=lambda url: url, inline=False):
    """``text`` (Markdown) as safe HTML ``Markup``; ``inline`` drops the outer <p>."""
    md = markdown.Markdown(extensions=[])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Links(md, link), "safe_links", 0)
    html = md.convert(text or "")
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
