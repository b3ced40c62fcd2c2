"""Cleaning processes, shared by ``newsclean``'s ``-j N`` pool (`cleaners.batch`) and the
crawl's pool (`newscrawl.pool`): how they start, and how a crash is traced to its input.

A process that dies (a segfault in a C library, the kernel's out-of-memory killer) breaks
the whole ``ProcessPoolExecutor`` and every batch in flight, without saying which input did
it. Both pools then do the same thing, kept here in `CrashBisector`: every input of the broken
batches becomes a suspect and is cleaned again alone, in a fresh pool, one at a time with
nothing else running; an input whose process dies while it is alone is the cause, and only it
gets a failure record. The pools differ in how they wait (in order and blocking for
``newsclean``, asyncio futures for the crawl), not in this.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

CRASH_MESSAGE = "cleaning process died"  # the error of the input that killed its process

T = TypeVar("T")


def cleaning_pool(
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    spawn: bool = False,
) -> ProcessPoolExecutor:
    """``workers`` processes, each starting with ``initializer(*initargs)`` (which should call
    `start_cleaning_process` first). ``spawn``: fresh interpreters, no forked state (the
    crawl's reactor); else the platform's default (fork on Linux: quicker to start)."""
    context = multiprocessing.get_context("spawn") if spawn else None
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs
    )


def start_cleaning_process(parent: int) -> None:
    """The first thing a cleaning process does: end with the process that started it
    (`cleaners.lifeline`), then load what the first document would otherwise pay for."""
    from cleaners.lifeline import die_with_parent

    die_with_parent(parent)
    warm_up_cleaner()


def warm_up_cleaner() -> None:
    """Import the HTML path (trafilatura, lxml) and load the language profiles."""
    import cleaners.html.extract  # noqa: F401
    from cleaners.language import detect_language

    detect_language(["warm up the language profiles"])


class CrashBisector(Generic[T]):
    """The inputs of batches a process crash broke, cleaned again one at a time.

    `broke` takes a broken batch; `next_suspect` gives the input to run next, alone (None:
    none left). An input that breaks its process again while alone is returned by `broke`
    as the culprit. While `running_alone`, nothing else may be sent to the pool: a second
    crash then names its input for certain.
    """

    def __init__(self) -> None:
        self._suspects: deque[T] = deque()
        self._alone: T | None = None

    def broke(self, batch: Iterable[T]) -> list[T]:
        """A process died while cleaning ``batch``: the culprits (the input that was alone),
        the others queued as suspects."""
        culprits = []
        for item in batch:
            if self._alone is not None and item is self._alone:
                culprits.append(item)
                self._alone = None
            else:
                self._suspects.append(item)
        return culprits

    def next_suspect(self) -> T | None:
        """The next suspect to clean alone (None: none is left, or one is still running)."""
        if self._alone is not None or not self._suspects:
            return None
        self._alone = self._suspects.popleft()
        return self._alone

    def cleared(self, item: T) -> bool:
        """``item`` came back: if it was the suspect running alone, it is cleared (True)."""
        if self._alone is not None and item is self._alone:
            self._alone = None
            return True
        return False

    def cancelled(self, item: T) -> bool:
        """``item``'s run never happened (the pool shut down): if it was the suspect running
        alone, it waits first in line again (True)."""
        if self._alone is not None and item is self._alone:
            self._alone = None
            self._suspects.appendleft(item)
            return True
        return False

    @property
    def running_alone(self) -> bool:
        return self._alone is not None

    def __bool__(self) -> bool:
        """Whether suspects are waiting or running (the pool sends nothing else meanwhile)."""
        return self._alone is not None or bool(self._suspects)

    def drain(self) -> list[T]:
        """Every suspect (waiting or running), removed: the pool is closing or cannot restart."""
        items = ([self._alone] if self._alone is not None else []) + list(self._suspects)
        self._alone = None
        self._suspects.clear()
        return items
