"""Shared by the test_site_* modules: one demo build per test session, an HTML parser.

The build is cached in the process (``demo_site``), so every module that needs the demo
site gets the same folder however pytest orders or selects them.
"""

import atexit
import shutil
import tempfile
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

from pricing_site.build.site import build_site
from tests.support.paths import DEMO, ROOT, one_language, with_demo_texts
from tests.support.tier import require_e2e


def demo_data(variants=False):
    """The demo's plans.yaml as data, for a test to change: in one language (``one_language``),
    without its A/B variations unless ``variants``."""
    data = one_language(yaml.safe_load(DEMO.read_text(encoding="utf-8")))
    if not variants:
        del data["variants"]
    return data


def build_data(data, folder):
    """``data`` written to ``folder``/plans.yaml and built into ``folder``/site (the build must
    succeed); returns the site's folder."""
    source = Path(folder) / "plans.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert build_site(str(source), out=str(Path(folder) / "site")) == 0
    return Path(folder) / "site"


def project_copy(folder):
    """``folder`` holding a copy of the project's site sources (mkdocs.yml, plans.yaml,
    site_src/), to build with a page or the config changed."""
    for name in ("mkdocs.yml", "plans.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "site_src", folder / "site_src")
    with_demo_texts(folder)
    return folder


def demo_site():
    """The demo catalog built into a temporary folder (removed at exit)."""
    require_e2e("the demo site's build")
    return _demo_build()


@lru_cache(maxsize=None)
def _demo_build():
    base = Path(tempfile.mkdtemp(prefix="site-test-"))
    atexit.register(shutil.rmtree, base, True)
    out = base / "site"
    status = build_site(str(DEMO), out=str(out))
    assert status == 0, "the demo site did not build"
    return out


class Node:
    """An element: tag, attributes, children and its text (all descendants)."""

    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children, self.parts = tag, attrs, parent, [], []

    @property
    def text(self):
        return " ".join(" ".join(self.parts).split())

    def find_all(self, tag=None, **attrs):
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                    child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def has_class(self, name):
        return name in (self.attrs.get("class") or "").split()

    def by_class(self, name):
        out = []
        for child in self.children:
            if child.has_class(name):
                out.append(child)
            out.extend(child.by_class(name))
        return out


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag == "template":  # as in a browser: its content is no part of the page's tree
            node.content = Node("#document-fragment", {})
            self.stack.append(node.content)
        elif tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        tag = "#document-fragment" if tag == "template" else tag
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        inside = [i for i, node in enumerate(self.stack) if node.tag == "#document-fragment"]
        for node in self.stack[inside[-1] if inside else 0:]:
            node.parts.append(data)


def parse(path_or_text):
    """The document tree of an HTML file (Path) or string."""
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root
