"""A time budget per document: a page that takes too long becomes a `timeout` error.

Quadratic corners of the cleaner (thousands of sibling blocks, a site pattern that
backtracks) must not hold a run or a crawl hostage. The budget is an interval timer
(SIGALRM) around one document's cleaning, in the process that cleans it (the main thread of
a `-j N` worker, of a crawl's cleaning process, or of a `-j 1` run): when it fires,
`DocumentTimeout` is raised wherever the cleaning is, and the caller turns it into the
document's error. It is a BaseException so that no ``except Exception`` inside the cleaner
swallows it. CPython checks for signals inside the regular-expression engine too, so a
catastrophically backtracking pattern is interrupted as well.

Where there is no SIGALRM (Windows) or the code does not run in the main thread (a Dask
worker's task threads), no budget is set.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_SECONDS = 60.0


class DocumentTimeout(BaseException):
    """The document's cleaning ran over its time budget."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise DocumentTimeout()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this block after ``seconds`` (None or 0: no budget)."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
