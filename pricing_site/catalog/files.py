"""What a file the build reads or publishes may be: bounded, regular, inside the sources.

plans.yaml and the markdown pages are read whole into memory, and a YAML document keeps every
value with its position: a file with no end (/dev/zero, a FIFO, a symlink to either) or of
gigabytes took all the machine's memory before any message. So a file must be a regular file
no larger than its limit, checked before it is read, and no more than limit + 1 bytes of it
are ever read (it may grow between the check and the read). And nothing the site publishes
may come from outside its sources through a symbolic link (``link_out``).
"""

import math
import os
import stat
from pathlib import Path

MB = 1_000_000
# The demo catalog is 18 kB; 10,000 plans written out in full (bench/build.py's) are ~10 MB.
CATALOG_LIMIT = 16 * MB
# A long legal page is ~50 kB; MkDocs holds each page and its HTML in memory while it builds.
PAGE_LIMIT = 1 * MB

_NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                (stat.S_ISCHR, "a device (like /dev/zero)"), (stat.S_ISBLK, "a device"),
                (stat.S_ISSOCK, "a socket"))


class FileRefused(ValueError):
    """The file is not one the build reads: not a regular file, or larger than its limit."""


def read_limited(path, limit, what):
    """The bytes of ``path``, a regular file of at most ``limit`` bytes; ``what`` names it in
    the ``FileRefused`` message ("a catalog"). OSError when it cannot be opened."""
    # O_NONBLOCK: opening a FIFO waits for a writer; this way it opens, and is refused below
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        check_status(os.fstat(descriptor), limit, what)
    except FileRefused:
        os.close(descriptor)
        raise
    with open(descriptor, "rb") as file:
        data = file.read(limit + 1)
        if len(data) > limit:   # it grew after the check
            raise FileRefused(_too_large(max(len(data), os.fstat(descriptor).st_size), limit, what))
    return data


def check_status(status, limit, what):
    """Raise ``FileRefused`` unless ``status`` (``os.stat``'s) is a regular file within ``limit``."""
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _NOT_REGULAR if test(status.st_mode)), "no regular file")
        raise FileRefused(f"this is {kind}, not a file: {what} is read from a regular file")
    if status.st_size > limit:
        raise FileRefused(_too_large(status.st_size, limit, what))


def _too_large(size, limit, what):
    shown = math.ceil(size / (MB / 10)) / 10   # rounded up: 16,000,001 bytes is 16.1, not 16.0
    return f"the file is {shown:,} MB, larger than the {limit // MB} MB {what} may be"


def link_out(path, folders):
    """Why ``path`` may not be published when a symbolic link (the file or a folder above it)
    leads out of every one of ``folders``, else None: the site publishes nothing from outside
    its sources (a link to /etc/passwd would ship it)."""
    real = Path(path).resolve()
    if any(real.is_relative_to(Path(folder).resolve()) for folder in folders):
        return None
    return (f"leads to {real} through a symbolic link, outside {' and '.join(map(str, folders))}: "
            "only files inside them are published (copy the file in)")
