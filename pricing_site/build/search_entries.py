"""The landing and pricing pages in the site's search.

Their words come from plans.yaml through templates, not from Markdown, so the search plugin
(Material's, or MkDocs' own), which indexes a page's Markdown, finds nothing of them: a visitor
searching "pricing", "seat" or "SSO" was shown the legal pages. The templates mark what makes
one search result each with ``data-search-entry`` (the page's heading, a plan card, an answer
of the FAQ, a landing section); ``entries`` reads them from the built page, and ``add_entries``
puts them in the search index the plugin wrote (``search/search_index.json``: its documented
``docs`` list of ``{location, title, text}``).

An entry's title is its first heading (or a FAQ item's question), its text the rest of its
visible words: not what is ``hidden`` (the other currency's prices), marked
``data-search-exclude`` (Material's own attribute: the cards' toggles, the price of the period
the cards do not open on), ``aria-hidden`` (icons), scripts, styles and form controls, nor a
nested entry (it is its own). The calculator's form and bill and the comparison table are no
entry's: only the calculator's heading is one. The index holds HTML that the search renders,
so the words are escaped again.
"""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

# data-search-entry: the result links to the element's id; ="calculator" to that id instead
# (a section's heading, whose section has the id); ="page" to the page itself
ENTRY = "data-search-entry"
PAGE = "page"
TITLES = {"h1", "h2", "h3", "h4", "summary"}
SKIPPED = {"script", "style", "template", "svg", "noscript", "select", "input", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# where words of two elements must not run together when the page's HTML has no space there
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li",
          "ol", "p", "section", "summary", "td", "th", "tr", "ul"}


def entries(page_html, url):
    """The search entries a built page marks: ``[{location, title, text}]`` in page order,
    ``text`` and ``title`` escaped as the index's HTML wants."""
    reader = _EntryReader()
    reader.feed(page_html)
    reader.close()
    out = []
    for entry in reader.done:
        title, text = _words(entry["title"]), _words(entry["text"])
        if not title and not text:
            continue
        location = url if entry["anchor"] is None else f"{url}#{entry['anchor']}"
        out.append({"location": location, "title": html.escape(title, quote=False),
                    "text": html.escape(text, quote=False)})
    return out


def add_entries(site_dir, found):
    """``found`` (page url -> its entries) into the site's search index, if the build wrote one
    (no search plugin, no index: nothing to do). Entries already there for those pages' own
    locations are replaced, so a rebuild in the same process does not add them twice."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not found or not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    ours = [entry for page in found.values() for entry in page]
    locations = {entry["location"] for entry in ours}
    index["docs"] = [doc for doc in index.get("docs", []) if doc.get("location") not in locations]
    index["docs"].extend(ours)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return True


def _words(parts):
    return re.sub(r"\s+", " ", "".join(parts)).strip()


class _EntryReader(HTMLParser):
    """Collects the marked entries' titles and texts in one pass over the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # per open element: (tag, entry opened by it or None, skipped)
        self.open = []    # the entries being read, innermost last
        self.done = []    # entries in the order they start in the page
        self.skipping = 0
        self.title_tag = None  # the heading an entry's title is being read from

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = (tag in SKIPPED or "hidden" in attrs or "data-search-exclude" in attrs
                   or attrs.get("aria-hidden") == "true")
        entry = None
        if not self.skipping and not skipped and ENTRY in attrs:
            named = attrs[ENTRY] or attrs.get("id")   # the element's id, unless it names one
            entry = {"anchor": None if named == PAGE else named,
                     "title": [], "text": [], "titled": False}
            self.open.append(entry)
            self.done.append(entry)
        if tag in VOID:
            if tag == "br":
                self._text(" ")
            return
        if skipped:
            self.skipping += 1
        elif (self.open and self.title_tag is None and not self.open[-1]["titled"]
              and tag in TITLES and not self.skipping):
            self.title_tag = tag
        if tag in BLOCKS:
            self._text(" ")
        self.stack.append((tag, entry, skipped))

    def handle_endtag(self, tag):
        if tag in VOID or not any(open_tag == tag for open_tag, _, _ in self.stack):
            return  # a stray end tag: nothing to close
        while self.stack:
            open_tag, entry, skipped = self.stack.pop()
            if skipped:
                self.skipping -= 1
            if open_tag == self.title_tag and self.open:
                self.open[-1]["titled"] = True
                self.title_tag = None
            if entry is not None:
                self.open.remove(entry)
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        self._text(data)

    def _text(self, data):
        if self.skipping or not self.open:
            return
        entry = self.open[-1]
        (entry["title"] if self.title_tag else entry["text"]).append(data)
