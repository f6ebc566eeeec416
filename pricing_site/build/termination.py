"""TERM ends a command as Ctrl-C does, so what it was making is cleaned up.

``kill``, ``docker stop``, systemd and CI runners stop a process with TERM, whose default
ends it on the spot: a build then left its unfinished staging folder behind until the next
build. As an exception, TERM unwinds the command like Ctrl-C's ``KeyboardInterrupt``: every
``except``/``finally`` on the way runs (``build._staged`` removes the staging folder).
"""

import signal


def _exit(signum, frame):
    raise SystemExit(128 + signum)   # the exit status a shell gives a process TERM ended


def exit_cleanly_on_term():
    """From now on TERM raises ``SystemExit(143)`` in this process's main thread."""
    signal.signal(signal.SIGTERM, _exit)


def worker_signals():
    """For a build's worker processes: the parent stops them with TERM, on its own Ctrl-C
    (which a terminal sends to every process of the group) as on any error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_cleanly_on_term()
