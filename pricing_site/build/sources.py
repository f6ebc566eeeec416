"""Where the site's shared sources are: the theme's templates, the MkDocs hooks, the assets
(CSS, scripts, the calculator's modules) and the npm lock that pins the Pyodide runtime.

In a checkout they are ``site_src/`` and ``package-lock.json`` beside the package; an
installed wheel carries the same files inside the package (pyproject.toml's force-include),
so a site anywhere builds from them, and the checkout keeps its layout.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
_CHECKOUT = _PACKAGE.parent
_BUNDLED = _PACKAGE / "site_src"

SITE_SRC = _BUNDLED if _BUNDLED.is_dir() else _CHECKOUT / "site_src"
OVERRIDES = SITE_SRC / "overrides"
HOOKS = SITE_SRC / "hooks"
ASSETS = SITE_SRC / "assets"
_BUNDLED_LOCK = _PACKAGE / "runtime" / "package-lock.json"
NPM_LOCK = _BUNDLED_LOCK if _BUNDLED_LOCK.is_file() else _CHECKOUT / "package-lock.json"
