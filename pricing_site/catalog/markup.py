"""Markdown for the few YAML fields that allow it, without letting HTML through.

Marketing writes FAQ answers and story paragraphs in Markdown. Python-Markdown passes raw
HTML through by default, so its two HTML handlers are removed (raw HTML then comes out as
escaped text) and links keep only what ``url_rules`` allows, judged as the browser will read
them. Links to pages of this site are written relative to the site root ("pricing/") and made
relative to the page by ``link``.
"""

from html import unescape
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup

from .url_rules import is_safe_link


def _as_read(href):
    """``href`` as the browser reads it: Markdown keeps character references ("&#58;" for ":")
    and writes its own (``<a@b.c>``) through a placeholder, and the browser decodes them."""
    return unescape(href.replace(AMP_SUBSTITUTE, "&"))


def _as_written(url):
    """``url`` for an href the browser reads as exactly ``url``: Markdown's serializer leaves an
    "&" that starts a character reference as it is, so every "&" goes in as "&amp;"."""
    return url.replace("&", "&amp;")


class _Links(Treeprocessor):
    """Turn images into their alt text, drop unsafe link targets, rewrite site-relative links for
    the page; ``found`` gets every link target as read, safe or not."""

    def __init__(self, md, link, found):
        super().__init__(md)
        self.link, self.found = link, found

    def run(self, root: Element):
        for img in root.iter("img"):  # images come from YAML image fields, not from prose
            alt = img.get("alt", "")
            img.attrib.clear()
            img.tag, img.text = "span", alt
        for a in root.iter("a"):
            href = _as_read(a.get("href", ""))
            self.found.append(href)
            a.set("href", _as_written(self.link(href)) if is_safe_link(href) else "#")
        return None


def render(text, link=lambda url: url, inline=False, found=None):
    """``text`` (Markdown) as safe HTML ``Markup``; ``inline`` drops the outer <p>; ``found``,
    a list, gets every link target of ``text`` as the browser would read it."""
    md = markdown.Markdown(extensions=[])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Links(md, link, [] if found is None else found), "safe_links", 0)
    html = md.convert(text or "")
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
