"""Child processes for which file modes count, even when the tests run as root.

Root writes into a ``chmod 555`` folder anyway (CAP_DAC_OVERRIDE), so a test of a read-only
output would pass without testing anything. ``obey_file_modes`` (a ``preexec_fn``) drops that
capability, CAP_DAC_READ_SEARCH and CAP_FOWNER from the child's bounding set before it runs its
command: the command keeps root's uid (it owns the files the tests make, reads the project and
the caches) but, like any user, may no longer change a folder its mode makes read-only, nor
rename another user's file out of a sticky folder.
"""

import ctypes
import os
import subprocess

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def obey_file_modes():
    """In the child, before exec: leave root's file-mode overrides behind (a no-op for others)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def can_write_into(folder):
    """Whether a child that obeys file modes may make a file in ``folder``."""
    probe = os.path.join(folder, ".write-probe")
    result = subprocess.run(["touch", probe], preexec_fn=obey_file_modes, capture_output=True)
    if result.returncode == 0:
        os.unlink(probe)
    return result.returncode == 0
