"""A pool of cleaning processes that the crawl awaits without blocking.

Extraction (trafilatura + lxml + rules) is CPU-bound and holds the GIL, so running it in the
crawl process would serialise the crawl on one core. The pool runs it in ``workers`` separate
processes (spawned, so no forked reactor state); the pipeline awaits the result as an asyncio
future, and the reactor keeps downloading meanwhile. ``workers=0`` cleans inline (debugging,
benchmarks).

Pages are sent in batches. At most two batches per worker are in flight; pages that arrive
meanwhile wait here and leave together as the next batch (up to ``max_batch``). A slow crawl
sends batches of one page, so nothing waits for company; a fast one sends fewer, larger
messages, which keeps the workers busy even while the crawl process (which feeds them and
reads their results) is itself busy with downloads.

A crashed worker (segfault, out of memory) breaks the pool and every batch in flight. The pool
is rebuilt and the pages of those batches are cleaned again, one at a time, each alone
(`cleaners.procpool.CrashBisector`, as ``newsclean -j N`` does): the page that crashes a worker
on its own gets an ``unreadable`` record; the others their records.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from cleaners.budget import DEFAULT_SECONDS
from cleaners.procpool import CRASH_MESSAGE, CrashBisector, cleaning_pool, warm_up_cleaner
from newscrawl.worker import (
    DEFAULT_CLEANER,
    CleanResult,
    PageTask,
    clean_batch,
    clean_page,
    start_worker,
    unreadable,
    warm_up,
)

logger = logging.getLogger(__name__)

BATCHES_PER_WORKER = 3  # one being cleaned, two waiting in the worker's queue
MAX_BATCH = 8


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


@dataclass(slots=True, eq=False)
class _Waiting:
    task: PageTask
    future: asyncio.Future[CleanResult]


@dataclass(slots=True)
class _Queues:
    pending: deque[_Waiting] = field(default_factory=deque)
    # pages of crashed batches, cleaned again one at a time
    suspects: CrashBisector[_Waiting] = field(default_factory=CrashBisector)


class CleanerPool:
    def __init__(
        self,
        workers: int | None = None,
        cleaner_path: str = DEFAULT_CLEANER,
        max_batch: int = MAX_BATCH,
        time_budget: float | None = DEFAULT_SECONDS,
    ) -> None:
        self.workers = default_workers() if workers is None else max(0, workers)
        self.time_budget = time_budget or None  # seconds per page; None: no limit
        self.cleaner_path = cleaner_path
        self.max_batch = max(1, max_batch)
        self.crashes = 0
        self.batches_sent = 0
        self._executor: ProcessPoolExecutor | None = None
        self._queues = _Queues()
        self._in_flight = 0  # batches submitted and not yet back
        self._restarting: asyncio.Future[None] | None = None

    async def start(self) -> None:
        """Start the processes and wait until each has imported the cleaner."""
        if not self.workers:
            warm_up(self.cleaner_path)
            warm_up_cleaner()
            return
        if self._executor is None:
            self._executor = cleaning_pool(
                self.workers, start_worker, (self.cleaner_path, os.getpid()), spawn=True
            )
            # One task per worker starts every process now, not on the first pages.
            futures = [
                self._executor.submit(warm_up, self.cleaner_path) for _ in range(self.workers)
            ]
            await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))

    def close(self, wait: bool = True) -> None:
        """Stop the processes. ``wait=False`` returns at once: the processes exit on their own
        (every page has been answered by then) and the interpreter joins them at exit."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None
        for waiting in (*self._queues.pending, *self._queues.suspects.drain()):
            if not waiting.future.done():
                waiting.future.cancel()
        self._queues = _Queues()

    async def clean(
        self, body: bytes, url: str, site: str, rules: dict[str, Any], content_type: str | None
    ) -> CleanResult:
        task = PageTask(body, url, site, rules, content_type)
        if not self.workers:
            return clean_page(*task, cleaner_path=self.cleaner_path, budget=self.time_budget)
        if self._executor is None:
            await self.start()
        future: asyncio.Future[CleanResult] = asyncio.get_running_loop().create_future()
        self._queues.pending.append(_Waiting(task, future))
        self._pump()
        return await future

    # -- dispatch -------------------------------------------------------------------------

    def _pump(self) -> None:
        """Send batches while fewer than BATCHES_PER_WORKER per worker are in flight."""
        if self._executor is None:  # restarting: _restart pumps when the pool is back
            return
        queues = self._queues
        if queues.suspects:
            # After a crash: the suspected pages go one at a time, nothing else meanwhile,
            # so a second crash names its page for certain.
            if not self._in_flight and (suspect := queues.suspects.next_suspect()) is not None:
                self._submit([suspect])
            return
        limit = self.workers * BATCHES_PER_WORKER
        while queues.pending and self._in_flight < limit:
            size = min(self.max_batch, len(queues.pending))
            self._submit([queues.pending.popleft() for _ in range(size)])

    def _submit(self, batch: list[_Waiting]) -> None:
        executor = self._executor
        assert executor is not None
        self._in_flight += 1
        self.batches_sent += 1
        tasks = [w.task for w in batch]
        try:
            future = executor.submit(clean_batch, tasks, self.cleaner_path, self.time_budget)
        except BrokenProcessPool:
            # the pool broke before this batch left; handled as if it had crashed in it
            asyncio.get_running_loop().call_soon(self._crashed, batch, executor)
            return
        wrapped = asyncio.wrap_future(future)
        wrapped.add_done_callback(lambda done: self._done(batch, executor, done))

    def _done(
        self, batch: list[_Waiting], executor: ProcessPoolExecutor, done: asyncio.Future[Any]
    ) -> None:
        if done.cancelled():  # never ran (pool shut down): the pages wait for the next pool
            self._in_flight -= 1
            back = [w for w in batch if not self._queues.suspects.cancelled(w)]
            self._queues.pending.extendleft(reversed(back))
            self._pump()
            return
        error = done.exception()
        if isinstance(error, BrokenProcessPool):
            self._crashed(batch, executor)
            return
        self._in_flight -= 1
        for waiting in batch:
            self._queues.suspects.cleared(waiting)
        if error is not None:  # clean_batch never raises; a pickling error might
            for waiting in batch:
                self._resolve(waiting, _failed(waiting.task, f"{type(error).__name__}: {error}"))
        else:
            for waiting, result in zip(batch, done.result(), strict=True):
                self._resolve(waiting, result)
        self._pump()

    def _crashed(self, batch: list[_Waiting], executor: ProcessPoolExecutor) -> None:
        self._in_flight -= 1
        if executor is self._executor:  # the first batch to report the crash rebuilds
            self.crashes += 1
            logger.error("A cleaning process died; restarting the pool")
            self._executor = None
            executor.shutdown(wait=False, cancel_futures=True)
            self._restarting = asyncio.ensure_future(self._restart())
        for waiting in self._queues.suspects.broke(batch):
            # cleaned alone and the worker died again: this page is the cause
            logger.error("Page %s crashed a cleaning process", waiting.task.url)
            self._resolve(waiting, _failed(waiting.task, CRASH_MESSAGE))
        if self._executor is not None:
            self._pump()

    async def _restart(self) -> None:
        try:
            await self.start()
        except Exception as exc:  # cannot start processes any more: fail what waits
            logger.error("Cannot restart the cleaning pool: %s", exc)
            for waiting in (*self._queues.suspects.drain(), *self._queues.pending):
                self._resolve(waiting, _failed(waiting.task, f"pool restart failed: {exc}"))
            self._queues = _Queues()
            return
        self._pump()

    @staticmethod
    def _resolve(waiting: _Waiting, result: CleanResult) -> None:
        if not waiting.future.done():
            waiting.future.set_result(result)


def _failed(task: PageTask, error: str) -> CleanResult:
    return CleanResult(unreadable(task.url, task.site), None, 0.0, error)
