"""The output folder a build replaces, and how it replaces it without losing anything.

The build goes into a fresh folder beside the output and replaces the output only when it
succeeded, so a failed build leaves the previous site untouched. Replacing the output deletes
what it held, so a folder is replaced only when it is new, empty or an earlier build's
(``MARKER``), is not one of the project's sources, and can be replaced whole (a read-only part
would leave the previous output half deleted). A killed build's leftovers are swept by the next.
"""

import errno
import os
import secrets
import shutil
import sys
from pathlib import Path

# Written into every output (site/, dist/, dist/<key>/): a folder holding it may be replaced.
MARKER = ".pricing-site-build"
MARKER_TEXT = "Written by pricing-site build: the next build replaces this whole folder.\n"
_WHOLE = "a build replaces its output folder whole"
_CHOOSE = f"{_WHOLE}: choose a new or empty folder, or an earlier build's output"


def refusal(out, protected):
    """Why a build must not replace ``out``, and what to do instead; or None. It may replace a
    missing or empty folder, or an earlier build's output (``MARKER``) it can delete; never one
    of ``protected`` (``(what, path, an output inside it is refused too)``), nor a folder it
    could not replace whole."""
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


def _read_only(folder):
    return (f"{folder} is read-only, and a build makes the new output beside the old one, then "
            f"deletes the old one: make it writable (chmod u+w {folder}) or choose another folder")


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


def build_into(out, fill):
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
        sweep_dead_builds(out)
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


def sweep_dead_builds(out):
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
