"""A pool of cleaning processes that the crawl awaits without blocking.

Extraction (trafilatura + lxml + rules) is CPU-bound and holds the GIL, so running it in the
crawl process would serialise the crawl on one core. The pool runs it in ``workers`` separate
processes (spawned, so no forked reactor state); the pipeline awaits the result as an asyncio
future, and the reactor keeps downloading meanwhile. ``workers=0`` cleans inline (debugging,
benchmarks). A crashed worker (segfault, out of memory) breaks the pool: it is rebuilt once
and the page that hit it is reported as an error.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newscrawl.worker import DEFAULT_CLEANER, CleanResult, clean_page, unreadable, warm_up

logger = logging.getLogger(__name__)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


class CleanerPool:
    def __init__(self, workers: int | None = None, cleaner_path: str = DEFAULT_CLEANER) -> None:
        self.workers = default_workers() if workers is None else max(0, workers)
        self.cleaner_path = cleaner_path
        self._executor: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        """Start the processes and wait until each has imported the cleaner."""
        if not self.workers:
            warm_up(self.cleaner_path)
            return
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=warm_up,
                initargs=(self.cleaner_path,),
            )
            # One task per worker starts every process now, not on the first pages.
            futures = [
                self._executor.submit(warm_up, self.cleaner_path) for _ in range(self.workers)
            ]
            await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def clean(
        self, body: bytes, url: str, site: str, rules: dict[str, Any], content_type: str | None
    ) -> CleanResult:
        args = (body, url, site, rules, content_type, self.cleaner_path)
        if not self.workers:
            return clean_page(*args)
        if self._executor is None:
            await self.start()
        executor = self._executor
        assert executor is not None
        try:
            return await asyncio.wrap_future(executor.submit(clean_page, *args))
        except BrokenProcessPool:
            logger.error("A cleaning process died on %s; restarting the pool", url)
            if self._executor is executor:  # only the first failure rebuilds the pool
                self._executor = None
                executor.shutdown(wait=False, cancel_futures=True)
                await self.start()
            return CleanResult(
                unreadable(url, site), None, 0.0, "cleaning process died (pool restarted)"
            )
