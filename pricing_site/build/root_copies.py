"""A locale's build names the root's copy of every file the root holds with the same bytes.

``pricing-site build`` builds the root's language first, then each locale into ``<root>/<code>/``
(``pricing_site.build.locales``). Both hold the runtime, the engine, the stdlib, the snapshot
and the content-addressed scripts and styles under the same paths (``headers.immutable``):
a locale's pages load the root's (``/assets/pyodide/...``, not ``/de/assets/pyodide/...``),
and the locale's copies are dropped, so the site keeps one runtime. A file only the locale has,
or has with other bytes (its catalog.json, a stylesheet made for its pages), stays in its folder.

The choice is made as the pages render: each URL the templates name (``url``) and each URL of
the calculator's config, by path and bytes. The files MkDocs copies are in the output by then
and are compared; the calculator's bundle is written after the pages, and its paths name their
bytes (a hash, or the runtime's version and hash), so there the root's path decides and
``drop_copies`` checks the bytes before the locale's copies go: a difference stops the build.
"""

import filecmp
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

from .headers import immutable
from .shared_files import remove_empty_folders


class RootCopies:
    """The files a locale's build (``site_dir``, served at ``folder``, "de/", of the site)
    takes from the root's build beside it (``root_dir``)."""

    def __init__(self, site_dir, root_dir, folder):
        self.site, self.root, self.folder = Path(site_dir), Path(root_dir), folder
        self.up = "../" * folder.count("/")  # from the locale's root to the site's
        self._choices = {}  # {path: named at the root}

    @classmethod
    def beside(cls, site_dir, code):
        """For a locale ``code`` built into ``<root>/<code>/`` (the layout it is served in),
        else None: a build on its own (``pricing-site serve``) keeps all its files."""
        site = Path(site_dir)
        if not code or site.name != code or not site.parent.is_dir():
            return None
        return cls(site, site.parent, f"{code}/")

    def at_root(self, path):
        """True when the locale's pages name ``path`` (site-relative, "assets/...") at the
        root: a file (or folder, ending in "/") that never changes under its URL, which the
        root holds with the bytes this build has there."""
        if path not in self._choices:
            self._choices[path] = self._held_by_root(path)
        return self._choices[path]

    def _held_by_root(self, path):
        if not immutable(f"/{path}") or ".." in path.split("/"):
            return False
        root, own = self.root / path, self.site / path
        if not root.exists():
            return False
        if not own.exists():  # written after the pages (the bundle): checked by drop_copies
            return True
        return _same(own, root)

    def url(self, path):
        """``path`` (relative to the locale's root) as the locale's pages name it: the root's
        copy (``../assets/...``) when ``at_root``, else as it is."""
        return f"{self.up}{path}" if self.at_root(path) else path

    def page_url(self, path, named):
        """What the ``url`` filter writes for ``path`` (``named``: MkDocs' own URL of it, from
        a page of the locale), pointed at the root's copy when ``at_root``."""
        if not isinstance(path, str) or not self.at_root(path):
            return named
        if named.startswith("/"):  # from the locale's site URL (its 404 page): /de/assets/...
            return named.removesuffix(f"{self.folder}{path}") + path
        return f"{self.up}{named}"  # relative: it climbs to the locale's root first

    def calculator_urls(self, urls):
        """The calculator's URLs (relative to the locale's root) as its pages name them, and,
        when the page's module is the root's, ``root``: the locale's root as seen from that
        module (client.js resolves the others against it)."""
        named = {key: self.url(url) for key, url in urls.items()}
        if named["client"] != urls["client"]:
            module_folder = posixpath.dirname(urls["client"])
            named["root"] = posixpath.relpath(self.folder, module_folder) + "/"
        return named

    def drop_copies(self):
        """After the build: check that each file named at the root has the same bytes here,
        then drop every copy of a root file (same path, same bytes) from the locale's folder,
        but for one its pages name in it. Returns the dropped paths."""
        named_here = {path for path, at_root in self._choices.items() if not at_root}
        for path in (path for path, at_root in self._choices.items() if at_root):
            for own in _files(self.site / path):
                twin = self.root / own.relative_to(self.site)
                if not twin.is_file() or not _same(own, twin):
                    raise PluginError(
                        f"{self.folder}{own.relative_to(self.site).as_posix()} differs from the "
                        f"root's file of that path, which the pages of {self.folder} load: a "
                        f"path that names its bytes (a version or a hash) must hold the same")
        dropped = []
        for own in _files(self.site):
            path = own.relative_to(self.site).as_posix()
            twin = self.root / path
            if immutable(f"/{path}") and path not in named_here and twin.is_file() \
                    and not own.is_symlink() and _same(own, twin):
                own.unlink()
                dropped.append(path)
        remove_empty_folders(self.site)
        return dropped


def _same(own, root):
    """True when two files (or two folders, file for file) hold the same bytes."""
    if own.is_dir() != root.is_dir():
        return False
    if own.is_file():
        return filecmp.cmp(own, root, shallow=False)
    return all((root / file.relative_to(own)).is_file() and
               filecmp.cmp(file, root / file.relative_to(own), shallow=False)
               for file in _files(own))


def _files(path):
    """The files at ``path``: itself, or every file under it."""
    if path.is_file():
        return [path]
    return sorted(file for file in path.rglob("*") if file.is_file()) if path.is_dir() else []


def calculator_urls(config):
    """The calculator's URLs a page of this build names (``runtime.Bundle.urls``, pointed at
    the root's copies in a locale's build)."""
    urls, copies = config.extra["calculator_bundle"].urls, config.extra.get("root_copies")
    return urls if copies is None else copies.calculator_urls(urls)
