"""The project's version: pyproject.toml's, as the installed distribution reports it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pricing-site")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
