"""Where the build keeps what it makes for the browser, outside the source tree.

Each item (a wheel, the lean runtime, a precompiled stdlib, a snapshot) sits in a folder named
by the hash of everything it was made from, made in a staging folder and moved in place whole,
so a concurrent build sees all of it or none, and any two builds of the same sources agree.
"""

import hashlib
import os
import shutil
from pathlib import Path


class BundleError(RuntimeError):
    """The bundle cannot be built (a missing runtime or a failed wheel build)."""


def cache_root():
    """Build caches live outside the source tree (a build never writes into it):
    $PRICING_SITE_CACHE, else $XDG_CACHE_HOME/pricing-site, else ~/.cache/pricing-site."""
    if os.environ.get("PRICING_SITE_CACHE"):
        return Path(os.environ["PRICING_SITE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pricing-site"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def ensure(path):
    """``path``, a folder made if missing."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def move_in(staging, cached):
    """Move the finished ``staging`` folder to ``cached`` in one step; a concurrent build may
    have put an equal one there first, and then ``staging`` goes."""
    try:
        staging.replace(cached)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


def served_path(file, *companions):
    """``<hash>/<file name>``: where a file is served, in a folder named by its bytes (and the
    bytes of the files served beside it)."""
    digest = hashlib.sha256(file.read_bytes())
    for companion in companions:
        digest.update(companion.read_bytes())
    return f"{digest.hexdigest()[:16]}/{file.name}"
