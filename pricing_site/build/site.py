"""``pricing-site build`` and ``serve``: MkDocs with our hooks, safe to run on a bad catalog.

The build goes into a fresh folder beside the output and replaces the output only when it
succeeded, so a failed build (bad catalog, broken link under --strict) leaves the previous
site untouched. Catalog problems are printed as the validator's located messages
(file:line:col), never as a traceback. Replacing the output deletes what it held, so a build
refuses an output folder that is not empty and not an earlier build's (``MARKER``), that is,
holds or lies in the project's sources, or that it could not replace whole: a read-only
part would leave the previous output half deleted (``_refusal``).
"""

import errno
import json
import logging
import multiprocessing
import os
import secrets
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from calculator.errors import CatalogError

from pricing_site.catalog.check import check_file
from pricing_site.catalog.yaml_reader import read_yaml
from pricing_site.experiments.edge import write_edge_routers
from .headers import write_headers
from .assets import ASSETS
from .site_catalog import ENV_VAR, VARIANT_ENV, asset_roots, load
from .termination import worker_signals
from pricing_site.experiments.spec import experiment_spec

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
DEFAULT_OUT = "site"
DEFAULT_VARIANTS_OUT = "dist"
# Written into every output (site/, dist/, dist/<key>/): a folder holding it may be replaced.
MARKER = ".pricing-site-build"
MARKER_TEXT = "Written by pricing-site build: the next build replaces this whole folder.\n"


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


def _set_env(name, value):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def content_roots(config_file=CONFIG):
    """The folders ``content_checks`` needs (docs first) for the site of ``config_file``."""
    return asset_roots(load_config(str(config_file)))


def _catalog_ok(catalog_path, config, variant=None):
    """Print every located problem of the catalog and its page content; True when none."""
    try:
        load(Path(catalog_path).resolve(), asset_roots(config), variant)
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
    """Move ``built`` to ``out``; the old output is removed only after the move. What the old
    output holds under a dot name (a deploy's .git, .nojekyll) is carried over, as MkDocs
    keeps it when it cleans its site_dir. A move that fails is undone (``OutputFolderError``):
    the old output is left as it was."""
    blocked = _read_only_part(out)   # checked before the build too; it may have changed since
    if blocked:
        raise OutputFolderError(f"cannot replace {out}: {_read_only(blocked)}")
    carried, old = [], None
    try:
        if out.exists():
            for kept in out.glob(".*"):
                if kept.name != MARKER and not (built / kept.name).exists():
                    kept.rename(built / kept.name)
                    carried.append(kept.name)
            old = out.with_name(f".{out.name}.old-{os.getpid()}-{secrets.token_hex(4)}")
            out.rename(old)
        built.rename(out)
    except OSError as exc:
        if old is not None and not out.exists():
            old.rename(out)
        for name in carried:
            (built / name).rename(out / name)
        mounted = exc.errno in (errno.EBUSY, errno.EXDEV)   # renamed, or moved out of it
        raise OutputFolderError(
            f"cannot replace {out}: {exc.strerror or exc} ({exc.filename or out})"
            f"{'; is it a mount point? Build into a folder inside it' if mounted else ''}"
        ) from None
    if old is not None:
        _remove(old, "the previous output, moved aside")


def _remove(folder, what):
    """Delete ``folder``; what cannot be deleted is named in a warning, never left silently."""
    try:
        shutil.rmtree(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        print(f"warning: could not delete {what} ({folder}): {exc.strerror or exc} "
              f"({exc.filename or folder}); delete it yourself", file=sys.stderr)


def build_site(catalog_path, out=None, variant=None, all_variants=False, config_file=CONFIG):
    """Build the site from ``catalog_path`` into ``out`` (default site/, or dist/ for all
    variants); an exit status. ``variant`` builds one A/B variation (control = plain build)."""
    if all_variants:
        return build_all_variants(catalog_path, out or DEFAULT_VARIANTS_OUT, config_file)
    _log_to_stderr(logging.WARNING)
    out = Path(out or DEFAULT_OUT).resolve()
    if not _may_replace(out, catalog_path, config_file):
        return 2
    status = _build_into(out, lambda building: _mkdocs_build(catalog_path, variant, config_file,
                                                             building, out))
    if status == 0:
        print(f"Built the site{f' (variant {variant})' if variant else ''} into {out}")
    return status


def _may_replace(out, catalog_path, config_file):
    """True when a build may replace ``out``; else the reason is printed (nothing touched)."""
    reason = _refusal(out, catalog_path, config_file)
    if reason:
        print(f"error: will not build into {out}: {reason}", file=sys.stderr)
    return reason is None


_WHOLE = "a build replaces its output folder whole"
_CHOOSE = f"{_WHOLE}: choose a new or empty folder, or an earlier build's output"


def _read_only(folder):
    return (f"{folder} is read-only, and a build makes the new output beside the old one, then "
            f"deletes the old one: make it writable (chmod u+w {folder}) or choose another folder")


def _refusal(out, catalog_path, config_file):
    """Why a build must not replace ``out``, and what to do instead; or None. It may replace a
    missing or empty folder, or an earlier build's output (``MARKER``) it can delete; never
    the filesystem root, the home folder, the project (mkdocs.yml's folder) or the catalog,
    nor a folder the build reads, or one inside it."""
    try:
        config = load_config(str(config_file))
    except MkDocsException:
        return None  # the build itself fails on this config and reports why
    protected = [  # (what, path, an output inside it is refused too)
        ("the filesystem root", Path(out.anchor), False),
        ("your home folder", Path(os.path.expanduser("~")), False),
        ("the project folder", Path(config.config_file_path).parent, False),
        ("the catalog", Path(catalog_path), False),
        ("the docs_dir of mkdocs.yml", Path(config.docs_dir), True),
        ("the site's assets", ASSETS, True),
        *(("a hook of mkdocs.yml", Path(hook.__file__), False) for hook in config.hooks.values()),
    ]
    if config.theme.custom_dir:
        protected.append(("the theme's custom_dir", Path(config.theme.custom_dir), True))
    for what, path, inside_too in protected:
        path = path.resolve()
        if out == path:
            return f"it is {what}; {_CHOOSE}"
        if out in path.parents:
            return f"it holds {what} ({path}); {_CHOOSE}"
        if inside_too and path in out.parents:
            return f"it lies inside {what} ({path}); {_CHOOSE}"
    existing = next(path for path in (out, *out.parents) if path.exists())
    if not existing.is_dir():
        return f"{'it' if existing == out else existing} is a file, not a folder; {_CHOOSE}"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        return (f"it is not empty and not the output of an earlier build (it has no {MARKER} "
                f"file), and {_WHOLE}: empty it or choose a new folder. If it is the output of "
                f"a pricing-site build made before that file existed, delete it or mark it "
                f"(touch {out / MARKER})")
    blocked = _read_only_part(out)
    if blocked:
        return _read_only(blocked)
    return None


def _read_only_part(out):
    """The first folder a build would have to change to replace ``out`` but may not (its mode,
    a read-only mount), or None: the output's parent (the new output is made there), ``out``
    and every folder in it (emptied), and its dot folders (carried over: a folder moved
    elsewhere changes its ``..``). A missing ``out`` has nothing to replace."""
    if not out.is_dir():
        return None
    everything = os.R_OK | os.W_OK | os.X_OK
    needed = [(out.parent, os.W_OK | os.X_OK), (out, everything)]
    for folder, subfolders, _ in os.walk(out):
        if folder == str(out):
            needed.extend((out / name, os.W_OK) for name in subfolders if name.startswith("."))
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        needed.extend((Path(folder, name), everything) for name in subfolders)
    return next((folder for folder, mode in needed
                 if not folder.is_symlink() and not os.access(folder, mode)), None)


class OutputFolderError(OSError):
    """The output folder cannot be made, or replaced by the new build (it is left as it was)."""


def _build_into(out, fill):
    """``_staged``, with an output folder that cannot be made printed as an error (status 2)."""
    try:
        return _staged(out, fill)
    except OutputFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _staged(out, fill):
    """Run ``fill(staging)`` in a fresh folder beside ``out``; swap it in (with the marker)
    when ``fill`` returns 0, remove it when it returns anything else, raises or the swap
    fails: ``out`` changes only after a complete success."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _sweep_dead_builds(out)
        staging = _new_folder(out.parent, f".{out.name}.building-{os.getpid()}-")
    except OSError as exc:
        raise OutputFolderError(f"cannot make the output folder {out}: "
                                f"{exc.strerror or exc} ({exc.filename or out.parent})") from None
    try:
        status = fill(staging)
        if not status:
            (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            _swap(staging, out)
    except BaseException:
        _remove(staging, "the unfinished build")
        raise
    if status:
        _remove(staging, "the unfinished build")
    return status


def _new_folder(parent, prefix):
    """A new folder ``parent/<prefix><random>``, made by a plain mkdir: it becomes the output,
    so it gets the mode any folder gets under the umask (mkdtemp's 0700 would keep a web
    server running as another user out)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue


def _sweep_dead_builds(out):
    """Clean up after builds whose process is gone (killed before they could: SIGKILL, a power
    cut); a running build's folders are left alone. Their staging folders are removed; an
    output one moved aside (``_swap``) is put back if nothing took its place, else removed."""
    for folder in out.parent.glob(f".{out.name}.building-*"):
        if _dead(folder.name.rsplit(".building-", 1)[1].split("-", 1)[0]):
            _remove(folder, "a killed build's unfinished output")
    for folder in out.parent.glob(f".{out.name}.old-*"):
        if _dead(folder.name.rsplit(".old-", 1)[1].split("-", 1)[0]):
            if out.exists():
                _remove(folder, "an output a killed build moved aside")
            else:
                folder.rename(out)


def _dead(pid):
    """True when no build runs as ``pid``: this process has made no folder yet when it sweeps,
    so one named by its own pid is a dead build's (a container's entrypoint is always pid 1)."""
    return pid.isdigit() and (int(pid) == os.getpid() or not _process_alive(int(pid)))


def _process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


def _mkdocs_build(catalog_path, variant, config_file, building, out):
    """One MkDocs build into ``building``; an exit status (problems printed, no traceback).
    ``out`` is the output the person asked for, named in the messages."""
    try:
        config = load_config(str(config_file), site_dir=str(building), strict=True)
        if not _catalog_ok(catalog_path, config, variant):
            return 1
        with _catalog_env(catalog_path, variant):
            build(config)
    except (MkDocsException, OSError) as exc:
        which = f" (variant {variant})" if variant else ""
        print(f"error: the site{which} was not built ({exc}); {out} is unchanged",
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
    return _build_into(Path(folder), lambda building: _mkdocs_build(
        catalog_path, variant, config_file, building, out))


def build_all_variants(catalog_path, out, config_file=CONFIG):
    """Every variation into ``out/<key>/`` in parallel processes, plus ``out/variants.json``
    (GrowthBook's experiment shape) and the edge routers in ``out/edge/``."""
    out = Path(out).resolve()
    if not _may_replace(out, catalog_path, config_file):
        return 2
    catalog, errors, _ = check_file(catalog_path)
    for problem in errors:
        print(problem, file=sys.stderr)
    if errors:
        return 1
    if not catalog.content.get("variants"):
        print(f"{catalog_path}: there is no variants: section to build (docs/variants.md)",
              file=sys.stderr)
        return 2
    data, _, _ = read_yaml(catalog_path)
    spec = experiment_spec(data)
    keys = [v["key"] for v in spec["variations"]]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    status = _build_into(out, lambda staging: _build_variations(catalog_path, config_file, spec,
                                                                keys, epoch, staging, out))
    if status == 0:
        print(f"Built {len(keys)} variants ({', '.join(keys)}) into {out}")
    return status


def _build_variations(catalog_path, config_file, spec, keys, epoch, staging, out):
    """Every variation into ``staging/<key>/`` in parallel processes, then variants.json and
    the edge routers; an exit status."""
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
    (staging / "variants.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
    write_edge_routers(staging, spec)
    write_headers(staging)  # for what the host serves without the router (its own files)
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
