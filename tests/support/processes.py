"""Servers the tests start as child processes (the edge stand-in, ``pricing-site serve``)."""

import subprocess


def stop(process, timeout=10):
    """Ask ``process`` to end (SIGTERM); kill it if it has not within ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
