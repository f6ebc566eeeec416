"""pricing-site: plans.yaml and markdown in, a static marketing site with an exact calculator out."""

from importlib.metadata import PackageNotFoundError, version

try:  # the one version: pyproject.toml's, as the installed distribution reports it
    __version__ = version("pricing-site")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"
