"""``pricing-site build`` and ``serve``: MkDocs with our hooks, safe to run on a bad catalog.

Catalog problems are printed as the validator's located messages (file:line:col), never as a
traceback; the output is replaced only by a complete build (``output``), and never where it
would destroy the project's own sources. ``--all-variants`` builds every A/B variation in
parallel processes, with the experiment's spec and edge routers beside them.
"""

import json
import logging
import multiprocessing
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from calculator.errors import CatalogError

from pricing_site.catalog import read_catalog
from pricing_site.catalog.embed import EMBED_PATH, embed_settings
from pricing_site.experiments.edge import write_edge_routers
from pricing_site.experiments.spec import experiment_spec

from pricing_site.build.sources import ASSETS, HOOKS, OVERRIDES

from .config_file import find_config
from .guest import is_guest
from .headers import write_headers
from .language_sites import finish
from .locales import LOCALE_ENV, languages, locale_warnings, nav_warnings
from .output import build_into, refusal
from .shared_files import SharedFileClash, store_once
from .site_catalog import ENV_VAR, VARIANT_ENV, asset_roots, configured_catalog, load
from .termination import worker_signals

DEFAULT_OUT = "site"
DEFAULT_VARIANTS_OUT = "dist"


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
def _catalog_env(catalog_path, variant=None):
    """Point the hooks at ``catalog_path`` (and A/B ``variant``) for a build or serve."""
    settings = {ENV_VAR: str(Path(catalog_path).resolve()), VARIANT_ENV: variant}
    previous = {name: os.environ.get(name) for name in settings}
    for name, value in settings.items():
        _set_env(name, value)
    try:
        yield
    finally:
        for name, value in previous.items():
            _set_env(name, value)


@contextmanager
def _locale_env(code):
    """The hooks build locale ``code`` (None: the file's own language)."""
    previous = os.environ.get(LOCALE_ENV)
    _set_env(LOCALE_ENV, code or None)
    try:
        yield
    finally:
        _set_env(LOCALE_ENV, previous)


def _set_env(name, value):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def content_roots(config_file=None):
    """The folders ``content_checks`` needs (docs first) for the site of ``config_file``."""
    return asset_roots(load_config(str(config_file or find_config())))


def site_nav(config_file=None):
    """The ``nav`` of the site's mkdocs.yml (None where it lets MkDocs list the pages)."""
    return load_config(str(config_file or find_config())).nav


def configured_catalog_path(config_file=None):
    """The catalog the site's mkdocs.yml names (``plans.yaml`` by default), as a path (from
    the current folder when inside it, as messages name it)."""
    config = load_config(str(config_file or find_config()))
    path = Path(config.config_file_path).parent / configured_catalog(config)
    return str(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


def _catalog_ok(catalog_path, config, variant=None):
    """Print every located problem of the catalog and its page content; the ``CatalogFile``
    when there is none, else None."""
    try:
        read = load(Path(catalog_path).resolve(), asset_roots(config))
        read.variant(variant)
        errors = []
    except CatalogError as exc:
        read, errors = None, exc.problems
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        print(f"{catalog_path}: {len(errors)} error{'s' * (len(errors) != 1)}; "
              "the site was not built", file=sys.stderr)
    return read


def build_site(catalog_path, out=None, variant=None, all_variants=False, config_file=None):
    """Build the site from ``catalog_path`` into ``out`` (default site/, or dist/ for all
    variants); an exit status. ``variant`` builds one A/B variation (control = plain build).
    ``config_file``: the site's mkdocs.yml, by default the current folder's."""
    config_file = config_file or find_config()
    if all_variants:
        return build_all_variants(catalog_path, out or DEFAULT_VARIANTS_OUT, config_file)
    _log_to_stderr(logging.WARNING)
    out = Path(out or DEFAULT_OUT).resolve()
    if not _may_replace(out, catalog_path, config_file):
        return 2
    status = build_into(out, lambda building: _mkdocs_build(catalog_path, variant, config_file,
                                                             building, out))
    if status == 0:
        print(f"Built the site{f' (variant {variant})' if variant else ''} into {out}")
    return status


def _protected(out, catalog_path, config_file):
    """``(what, path, an output inside it is refused too)`` for every place a build must never
    replace: the filesystem root, the home folder, the project (mkdocs.yml's folder), the
    catalog, and the folders the build reads; None when mkdocs.yml cannot be read (the build
    itself fails on it and reports why)."""
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return None
    protected = [  # (what, path, an output inside it is refused too)
        ("the filesystem root", Path(out.anchor), False),
        ("your home folder", Path(os.path.expanduser("~")), False),
        ("the project folder", Path(config.config_file_path).parent, False),
        ("the catalog", Path(catalog_path), False),
        ("the docs_dir of mkdocs.yml", Path(config.docs_dir), True),
        ("the site's assets", ASSETS, True),
        ("the site's templates", OVERRIDES, True),
        ("the site's hooks", HOOKS, True),
        *(("a hook of mkdocs.yml", Path(hook.__file__), False) for hook in config.hooks.values()),
    ]
    if config.theme.custom_dir:
        protected.append(("the theme's custom_dir", Path(config.theme.custom_dir), True))
    return protected


def _guest(config_file):
    try:
        return is_guest(load_config(str(config_file)))
    except MkDocsException:
        return False  # the build reports the config's problem itself


def _may_replace(out, catalog_path, config_file):
    """True when a build may replace ``out``; else the reason is printed (nothing touched)."""
    protected = _protected(out, catalog_path, config_file)
    reason = None if protected is None else refusal(out, protected)
    if reason:
        print(f"error: will not build into {out}: {reason}", file=sys.stderr)
    return reason is None


def _mkdocs_build(catalog_path, variant, config_file, building, out, warn=True):
    """The site in every language into ``building`` (``_build_languages``), then the files a
    host reads at the root made once (``language_sites``); an exit status (problems printed,
    no traceback). ``out`` is the output the person asked for, named in the messages;
    ``warn``: print the texts the locales lack (an --all-variants build's parent does, once)."""
    try:
        config = load_config(str(config_file), site_dir=str(building), strict=True)
        read = _catalog_ok(catalog_path, config, variant)
        if read is None:
            return 1
        for problem in locale_warnings(read) + nav_warnings(read, config.nav) if warn else ():
            print(problem, file=sys.stderr)
        folders = languages(read)
        status = _build_languages(catalog_path, variant, config_file, config, Path(building),
                                  [code for code, folder in folders if folder])
        if status == 0:
            finish(building, folders, _embed(read.content))
    except (MkDocsException, OSError) as exc:
        print(f"error: the site{_which(variant)} was not built ({exc}); {out} is unchanged",
              file=sys.stderr)
        return 1
    if status:
        print(f"error: the site{_which(variant)} was not built; {out} is unchanged",
              file=sys.stderr)
    return status


def _embed(content):
    """``(folder, origins)`` of the embed when ``site.embed`` is on, else None."""
    embed = embed_settings(content.site)
    return (EMBED_PATH.split("/")[0] + "/", embed["origins"]) if embed["enabled"] else None


def _which(variant, code=None):
    said = [f"variant {variant}"] * bool(variant) + [f"locale {code}"] * bool(code)
    return f" ({', '.join(said)})" if said else ""


def _build_languages(catalog_path, variant, config_file, config, building, codes):
    """plans.yaml's own language into ``building``, then each locale of ``codes`` into
    ``building/<code>/``, one after the other in this process (the root's first: a build
    empties its output); an exit status. In turn rather than side by side: a second process
    spends more on importing and reading the catalog than the build it runs (bench/HISTORY.md)."""
    with _catalog_env(catalog_path, variant):
        build(config)
    for code in codes:
        try:
            locale_config = load_config(str(config_file), site_dir=str(building / code),
                                        strict=True)
            with _catalog_env(catalog_path, variant), _locale_env(code):
                build(locale_config)
        except (MkDocsException, OSError) as exc:
            print(f"error: the site{_which(variant, code)} was not built ({exc})",
                  file=sys.stderr)
            return 1
    return 0


def _build_variant(catalog_path, folder, variant, config_file, build_epoch, out):
    """One variation into ``folder`` (in the staging folder of ``out``) in a worker process,
    silent on success: the staging path means nothing to the person, the parent says where
    it all went. Every worker dates its pages (sitemap lastmod) the same day:
    SOURCE_DATE_EPOCH, set once by the parent unless the caller set it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(build_epoch))
    _log_to_stderr(logging.WARNING)
    return build_into(Path(folder), lambda building: _mkdocs_build(
        catalog_path, variant, config_file, building, out, warn=False))


def build_all_variants(catalog_path, out, config_file=None):
    """Every variation into ``out/<key>/`` in parallel processes, the files that never change
    under their URL once in ``out/assets/`` (``shared_files``), plus ``out/variants.json``
    (GrowthBook's experiment shape) and the edge routers in ``out/edge/``."""
    out, config_file = Path(out).resolve(), config_file or find_config()
    if _guest(config_file):  # the routers and headers would answer for the host's every page
        print("error: --all-variants builds a site of its own; the pricing plugin's mode: guest "
              "builds one site (docs/plugin.md)", file=sys.stderr)
        return 2
    if not _may_replace(out, catalog_path, config_file):
        return 2
    read = read_catalog(catalog_path)
    for problem in read.errors or locale_warnings(read) + nav_warnings(read, site_nav(config_file)):
        print(problem, file=sys.stderr)
    if read.errors:
        return 1
    if read.content.variants is None:
        print(f"{catalog_path}: there is no variants: section to build (docs/variants.md)",
              file=sys.stderr)
        return 2
    spec = experiment_spec(read.data)
    keys = [v["key"] for v in spec["variations"]]
    folders = [folder for _, folder in languages(read) if folder]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    status = build_into(out, lambda staging: _build_variations(
        catalog_path, config_file, spec, keys, epoch, staging, out, folders))
    if status == 0:
        print(f"Built {len(keys)} variants ({', '.join(keys)}) into {out}")
    return status


def _build_variations(catalog_path, config_file, spec, keys, epoch, staging, out, folders=()):
    """Every variation into ``staging/<key>/`` in parallel processes (each in every language:
    ``folders`` are the locales' "de/"), the files they share moved to ``staging/`` once, then
    variants.json and the edge routers; an exit status."""
    context = multiprocessing.get_context("spawn")   # no fork of a threaded parent
    jobs = [(str(catalog_path), str(staging / key), key, str(config_file), epoch, str(out))
            for key in keys]
    # A Pool, whose exit on an error, Ctrl-C or TERM stops the workers at once (an executor's
    # waits for every variation to be built), before the staging folder is removed
    with context.Pool(min(len(keys), os.cpu_count() or 1), initializer=worker_signals) as pool:
        statuses = pool.starmap(_build_variant, jobs)
        pool.close()
        pool.join()
    if any(statuses):
        print(f"error: not every variant built; {out} is unchanged", file=sys.stderr)
        return max(statuses)
    try:
        store_once(staging, keys, folders)
    except SharedFileClash as exc:
        print(f"error: {exc}; {out} is unchanged", file=sys.stderr)
        return 1
    (staging / "variants.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    write_edge_routers(staging, spec, folders)
    write_headers(staging, folders=folders)  # what the host serves without the router
    return 0


def serve_site(catalog_path, dev_addr="127.0.0.1:8000", config_file=None):
    """Serve with live reload; edits to plans.yaml, pages and assets rebuild the site."""
    from mkdocs.commands.serve import serve

    config_file = config_file or find_config()
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
