"""Where the site's own assets are served: under folders named by their content.

site_src/assets/{css,js,calculator}/ are published as ``assets/v/<hash>/...``, <hash> taken over
all of those files (names and bytes). An edit to any of them gives them all new URLs, so a host
can let browsers keep them for good (``_headers``: immutable) and a warm visit asks the server
about none of them; relative references between them (ES module imports, the worker beside
client.js) keep working inside the folder.

The images are the site's, not the tool's: ``assets/images/`` beside its docs folder
(site_src/assets/images/ for the demo's pages in site_src/docs/; the installed tool carries
none). Each is published twice: at ``assets/v/<hash of its bytes>/images/...``, which the
templates use (``versioned_in`` turns the paths plans.yaml names into those), and at its plain
``assets/images/...`` path, revalidated, for markdown pages and links from elsewhere. So are
the images of the docs folder's ``assets/images/`` (where ``pricing-site new`` keeps a site's).
"""

import hashlib
import re
from pathlib import Path

from pricing_site.build.sources import ASSETS

VERSIONED = ("css", "js", "calculator")


def version():
    """The content hash naming the folder, over the names and bytes of every file in it
    (templates ask for it on every page: each file is hashed again only when it changed)."""
    digest = hashlib.sha256()
    for folder in VERSIONED:
        for path in sorted((ASSETS / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                digest.update(path.relative_to(ASSETS).as_posix().encode() + b"\0")
                digest.update(_file_digest(path).encode())
    return digest.hexdigest()[:12]


def asset_url(path):
    """The site-root-relative URL of ``path`` inside site_src/assets/, e.g. ``js/experiment.js``
    -> ``assets/v/<hash>/js/experiment.js``; anything else -> ``assets/<path>``."""
    if path.split("/", 1)[0] in VERSIONED:
        return f"assets/v/{version()}/{path}"
    return f"assets/{path}"


def site_images(docs_dir):
    """The site's images folder, published under ``assets/images/``: ``assets/images/`` beside
    ``docs_dir`` (the demo's site_src/assets/images/, or a copy's), else None."""
    folder = Path(docs_dir).resolve().parent / "assets" / "images"
    return folder if folder.is_dir() else None


def docs_images(docs_dir):
    """The docs folder's images folder (MkDocs publishes its files at their own paths)."""
    return Path(docs_dir) / "assets" / "images"


def image_url(path, images):
    """``images/logo.svg`` -> ``assets/v/<hash of its bytes>/images/logo.svg`` for a file of
    the folder ``images`` (``site_images``), else None."""
    source = Path(images) / path.removeprefix("images/")
    if not path.startswith("images/") or not source.is_file():
        return None
    return f"assets/v/{_file_digest(source)[:12]}/{path}"


def versioned_in(images, docs_dir):
    """The ``versioned`` filter of a site whose images are the folder ``images`` (or None) and
    its docs folder ``docs_dir``: a site-root path as plans.yaml names images
    (``assets/images/hero.svg``) -> its versioned URL, from the docs folder's file at that path
    (MkDocs publishes it there; it wins over one of ``images``) or from ``images``; else the
    path unchanged (a URL, a file of neither)."""
    in_docs = docs_images(docs_dir)

    def versioned(src):
        if not isinstance(src, str) or not src.startswith("assets/images/"):
            return src
        path = src.removeprefix("assets/")
        return image_url(path, in_docs) or (images and image_url(path, images)) or src
    return versioned


def _file_digest(path):
    """The SHA-256 of a file's bytes, read again only when its size or mtime changed."""
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _digests[key]


_digests = {}  # {(path, mtime, size): hex digest of the bytes}


_MATERIAL_BUNDLE = re.compile(r"""["'](assets/javascripts/bundle\.[0-9a-f]+\.min\.js)["']""")


def material_bundle(base_html):
    """The path of Material's bundle as its base.html (``base_html``: the template's source)
    loads it, for main.html to load it later (js/material-late.js); None if it names none, and
    main.html then keeps Material's own tag."""
    found = _MATERIAL_BUNDLE.search(base_html)
    return found and found.group(1)
