"""``pricing-site build`` and ``serve``: MkDocs with our hooks, safe to run on a bad catalog.

The build goes into a fresh folder beside the output and replaces the output only when it
succeeded, so a failed build (bad catalog, broken link under --strict) leaves the previous
site untouched. Catalog problems are printed as the validator's located messages
(file:line:col), never as a traceback.
"""

import logging
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from calculator.errors import CatalogError

from .site_catalog import ENV_VAR, asset_roots, load

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
DEFAULT_OUT = "site"


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now (pytest and callers may swap it)."""

    stream = property(lambda self: sys.stderr, lambda self, value: None)


def _log_to_stderr(level):
    """Show MkDocs' own messages (warnings under --strict, the serve address)."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


@contextmanager
def _catalog_env(catalog_path):
    """Point the hooks at ``catalog_path`` for the duration of a build or serve."""
    previous = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(Path(catalog_path).resolve())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = previous


def _catalog_ok(catalog_path, config):
    """Print every located problem of the catalog and its page content; True when none."""
    try:
        load(Path(catalog_path).resolve(), asset_roots(config))
        errors = []
    except CatalogError as exc:
        errors = exc.problems
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        print(f"{catalog_path}: {len(errors)} error{'s' * (len(errors) != 1)}; "
              "the site was not built", file=sys.stderr)
    return not errors


def _swap(built, out):
    """Move ``built`` to ``out``; the old output is removed only after the move."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    built.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_site(catalog_path, out=None, variant=None, all_variants=False, config_file=CONFIG):
    """Build the site from ``catalog_path`` into ``out`` (default site/); an exit status."""
    if variant or all_variants:
        print("A/B variants are not available yet (issue 6): build without --variant "
              "or --all-variants.", file=sys.stderr)
        return 2
    _log_to_stderr(logging.WARNING)
    out = Path(out or DEFAULT_OUT).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        config = load_config(str(config_file), site_dir=str(building), strict=True)
        if not _catalog_ok(catalog_path, config):
            shutil.rmtree(building, ignore_errors=True)
            return 1
        with _catalog_env(catalog_path):
            build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(building, ignore_errors=True)
        print(f"error: the site was not built ({exc}); {out} is unchanged", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _swap(building, out)
    print(f"Built the site into {out}")
    return 0


def serve_site(catalog_path, dev_addr="127.0.0.1:8000", config_file=CONFIG):
    """Serve with live reload; edits to plans.yaml, pages and assets rebuild the site."""
    from mkdocs.commands.serve import serve

    _log_to_stderr(logging.INFO)
    if not _catalog_ok(catalog_path, load_config(str(config_file))):
        return 1
    with _catalog_env(catalog_path):
        try:
            serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
        except MkDocsException as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0
