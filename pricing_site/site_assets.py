"""Where the site's own scripts and styles are served: under a folder named by their content.

site_src/assets/{css,js,calculator}/ are published as ``assets/v/<hash>/...``, <hash> taken over
all of those files (names and bytes). An edit to any of them gives them all new URLs, so a host
can let browsers keep them for good (``_headers``: immutable) and a warm visit asks the server
about none of them; relative references between them (ES module imports, the worker beside
client.js) keep working inside the folder. Images (site_src/assets/images/, which plans.yaml
names by path) stay at ``assets/images/...`` and are revalidated.
"""

import hashlib
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "site_src" / "assets"
VERSIONED = ("css", "js", "calculator")


def version():
    """The content hash naming the folder; hashed again only when a file's name, size or mtime
    changed (templates ask for it on every page; `serve` rebuilds after edits)."""
    files = [path for folder in VERSIONED for path in sorted((ASSETS / folder).rglob("*"))
             if path.is_file() and not path.name.startswith(".")]
    signature = tuple((path, path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    if signature not in _versions:
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.relative_to(ASSETS).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        _versions.clear()
        _versions[signature] = digest.hexdigest()[:12]
    return _versions[signature]


_versions = {}  # {signature of the files: their hash}, the latest only


def asset_url(path):
    """The site-root-relative URL of ``path`` inside site_src/assets/, e.g. ``js/experiment.js``
    -> ``assets/v/<hash>/js/experiment.js``, ``images/logo.svg`` -> ``assets/images/logo.svg``."""
    if path.split("/", 1)[0] in VERSIONED:
        return f"assets/v/{version()}/{path}"
    return f"assets/{path}"
