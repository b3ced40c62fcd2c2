"""Clean each article page with ``cleaners.pipeline.clean_document``, in worker processes.

Settings: ``CLEAN_ENABLED`` (default True; False emits the raw page instead, a fetch-only
crawl), ``CLEAN_WORKERS`` (processes; default: the CPUs this process may use; 0 = inline),
``NEWSCRAWL_CLEANER`` (``module:function`` taking a ``cleaners.document.Document`` and returning
an ``Article``; default ``cleaners.pipeline:clean_document``, what ``newsclean clean`` calls),
``CLEAN_BATCH_MAX`` (pages per message to a worker when pages queue up; default 8),
``CLEAN_TIME_BUDGET`` (seconds of cleaning per page before it is given up as a ``timeout``;
default 60, 0: none).
"""

from __future__ import annotations

import logging
import resource
from typing import Any

from scrapy.crawler import Crawler

from cleaners.budget import DEFAULT_SECONDS
from newscrawl.items import CleanedItem, PageItem
from newscrawl.pipelines import stats
from newscrawl.pool import MAX_BATCH, CleanerPool
from newscrawl.stats import add_value
from newscrawl.worker import DEFAULT_CLEANER, TIMEOUT

logger = logging.getLogger(__name__)


class CleanPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.enabled = settings.getbool("CLEAN_ENABLED", True)
        workers = settings.get("CLEAN_WORKERS")
        self.pool = CleanerPool(
            None if workers in (None, "") else int(workers),
            settings.get("NEWSCRAWL_CLEANER") or DEFAULT_CLEANER,
            max_batch=settings.getint("CLEAN_BATCH_MAX", MAX_BATCH),
            time_budget=settings.getfloat("CLEAN_TIME_BUDGET", DEFAULT_SECONDS),
        )
        self._inflight = 0
        self._main_cpu = 0.0
        # Per-page figures are summed here and written to the stats when the spider closes:
        # a stats call per figure per page is a measurable cost in the crawl's busy process.
        self._totals: dict[str, float] = {}
        self._inflight_max = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        return cls(crawler)

    async def open_spider(self) -> None:
        if self.enabled:
            # The cleaner is imported in the worker processes only: the crawl process need
            # not hold trafilatura and lxml's modules.
            await self.pool.start()
            stats(self.crawler).set_value("newscrawl/clean_workers", self.pool.workers)
        self._main_cpu = _process_cpu()

    async def close_spider(self) -> None:
        # Every page has its record by now: the crawl need not wait (~0.2 s) while the
        # cleaning processes unload their modules and exit.
        self.pool.close(wait=False)
        st = stats(self.crawler)
        for key, value in self._totals.items():
            add_value(st, key, round(value, 6) if isinstance(value, float) else value)
        if self._inflight_max:
            st.max_value("newscrawl/clean_inflight_max", self._inflight_max)
        if self.pool.batches_sent:
            st.set_value("newscrawl/clean_batches", self.pool.batches_sent)
        if self.pool.crashes:
            st.set_value("newscrawl/clean_crashes", self.pool.crashes)
        # CPU of the crawl process vs CPU spent cleaning (in the workers): with the wall
        # time (elapsed_time_seconds) this shows how many cores the crawl kept busy.
        stats(self.crawler).set_value(
            "newscrawl/main_cpu_seconds", round(_process_cpu() - self._main_cpu, 3)
        )

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        if not self.enabled:
            return raw_record(item)
        self._inflight += 1  # pages waiting for or in a worker: shows the pool is kept busy
        self._inflight_max = max(self._inflight_max, self._inflight)
        try:
            result = await self.pool.clean(
                item.body, item.url, item.site, item.rules, item.content_type
            )
        finally:
            self._inflight -= 1
        totals = self._totals
        totals["newscrawl/cleaned"] = totals.get("newscrawl/cleaned", 0) + 1
        totals["newscrawl/clean_seconds"] = (
            totals.get("newscrawl/clean_seconds", 0.0) + result.seconds
        )
        totals["newscrawl/clean_cpu_seconds"] = (
            totals.get("newscrawl/clean_cpu_seconds", 0.0) + result.cpu_seconds
        )
        if result.error and result.error.startswith(TIMEOUT):
            totals["newscrawl/clean_timeouts"] = totals.get("newscrawl/clean_timeouts", 0) + 1
            logger.error("Cleaning %s: %s", item.url, result.error)
        elif result.error:
            totals["newscrawl/clean_errors"] = totals.get("newscrawl/clean_errors", 0) + 1
            logger.error("Cleaning failed for %s:\n%s", item.url, result.error)
        record = result.record
        if "fetched_at" in record and item.fetched_at:
            record = {**record, "fetched_at": item.fetched_at}
        return CleanedItem(
            url=item.url,
            canonical_url=item.canonical_url,
            site=item.site,
            record=record,
            declared_canonical=item.declared_canonical,
            fingerprint=result.fingerprint,
            since=item.since,
        )


def _process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def raw_record(item: PageItem) -> dict[str, Any]:
    """The fetch-only record (``CLEAN_ENABLED=False``): the page as fetched."""
    from newscrawl.worker import decode_html

    return {
        "url": item.url,
        "site": item.site,
        "fetched_at": item.fetched_at,
        "html": decode_html(item.body, item.content_type),
    }
