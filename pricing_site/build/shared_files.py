"""An all-variants build keeps the files that never change under their URL once, at dist's root.

Every variation's build holds the runtime, the engine, the stdlib, the snapshot and the
content-hashed scripts under the same paths, and a path there names its bytes (a version or a
hash: ``headers.immutable``). Copied into every ``dist/<key>/`` they made dist/ one whole build
per variation; kept once at ``dist/<path>`` they sit where the browser asks for them (behind
the edge router a page's ``/assets/...`` is that very path), and a variation deployed alone is
its folder with dist's ``assets/`` copied over it (docs/variants.md).
"""

import filecmp
import os
from pathlib import Path

from .headers import immutable


class SharedFileClash(ValueError):
    """Two variations hold different bytes under a path that should name its bytes."""


def store_once(dist, keys, folders=()):
    """Move each immutable file of ``dist/<key>/`` (for every key, in order) to ``dist/<path>``;
    a copy already there must have the same bytes and is dropped from the variation. Folders
    left empty in a variation go too. Raises ``SharedFileClash`` naming the path otherwise.
    ``folders``: the site's locale folders ("de/"), whose immutable files are kept once at
    ``dist/de/...`` the same way."""
    dist = Path(dist)
    for key in keys:
        folder = dist / key
        for file in sorted(folder.rglob("*")):
            path = file.relative_to(folder).as_posix()
            if file.is_symlink() or not file.is_file() or not immutable(f"/{path}", folders):
                continue
            stored = dist / path
            if stored.exists():
                if not filecmp.cmp(file, stored, shallow=False):
                    raise SharedFileClash(
                        f"{path} differs between the variations although its path names its "
                        f"bytes (a version or a hash); {key}'s copy is not the one already kept")
                file.unlink()
            else:
                stored.parent.mkdir(parents=True, exist_ok=True)
                os.replace(file, stored)
        remove_empty_folders(folder)


def remove_empty_folders(folder):
    """Remove every folder under ``folder`` left empty (not ``folder`` itself)."""
    for parent, _, _ in os.walk(folder, topdown=False):   # the deepest first
        if parent != str(folder) and not any(Path(parent).iterdir()):
            os.rmdir(parent)
