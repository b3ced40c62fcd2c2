"""Worker processes that end when the process that started them ends.

A pool's workers outlive a parent killed with SIGKILL (or one that dies on SIGTERM without
shutting its pool down): they are re-parented to init, wait forever on a queue nobody
writes, and hold the parent's stdout open, so ``newsclean ... | grep`` never ends. Every
worker of both pools (the `-j N` cleaning pool and the crawl's cleaning pool) calls
`die_with_parent` first: on Linux the kernel sends it SIGKILL the moment its parent exits
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread watches the parent's pid.
Both pools create their workers from the thread that runs the pool (the main thread), as the
death signal is tied to the creating thread.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL = 1.0  # seconds between checks of the parent where the kernel cannot tell us


def die_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` (the pid that started it) ends."""
    if sys.platform.startswith("linux") and _pdeathsig(signal.SIGKILL):
        pass
    else:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _pdeathsig(sig: int) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL)
    os._exit(1)
