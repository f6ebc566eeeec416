"""``pricing-site new DIR``: a site folder that builds at once (``site/`` here, copied).

What it holds: plans.yaml (a small catalog with comments and the pages' texts), mkdocs.yml
(the theme and the pricing plugin), docs/ with the landing and pricing pages and an images
folder, a .gitignore and a README for whoever edits the prices.
"""

import shutil
from pathlib import Path

STARTER = Path(__file__).resolve().parent / "site"
RENAMED = {"gitignore": ".gitignore"}  # stored without the dot: no packaging tool reads it


class StarterError(Exception):
    """The folder cannot take a new site (it holds files, or cannot be written)."""


def new_site(folder):
    """Copy the starter into ``folder`` (made if missing, else it must be empty); the path."""
    target = Path(folder).resolve()
    if target.exists() and not target.is_dir():
        raise StarterError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise StarterError(f"{target} is not empty: choose a new folder (nothing was changed)")
    try:
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(STARTER.rglob("*")):
            if source.is_file():
                relative = source.relative_to(STARTER)
                dest = target / relative.parent / RENAMED.get(relative.name, relative.name)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)
    except OSError as exc:
        raise StarterError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
