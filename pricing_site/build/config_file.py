"""Which site a command is about: the mkdocs.yml of the current folder, as ``mkdocs`` finds it."""

from pathlib import Path

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class NoConfig(Exception):
    """No mkdocs.yml in the folder a command was run in."""


def find_config(folder="."):
    """The site's mkdocs.yml in ``folder`` (the current one)."""
    for name in CONFIG_NAMES:
        if (Path(folder) / name).is_file():
            return (Path(folder) / name).resolve()
    raise NoConfig(f"no mkdocs.yml in {Path(folder).resolve()}: run this in a site's folder, "
                   f"or make one with: pricing-site new DIR")
