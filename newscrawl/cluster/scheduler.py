"""A Scrapy scheduler on the shared Redis queue, with leases: no request is lost when a
crawler dies.

* ``enqueue_request``: the request's fingerprint (Scrapy's request fingerprinter) is added to
  the shared ``seen`` set and the request queued, in one Redis script; a request another
  crawler already queued is dropped (``dupefilter/filtered``).
* ``next_request``: one request is *leased*: moved from the queue to the in-flight hash under
  this crawler's id. The crawler keeps a heartbeat key alive while it runs.
* A lease is acknowledged (deleted) only when the request has been handled completely: every
  request its callback yielded is queued and every item has left the item pipelines (emitted
  or dropped), or it failed for good (errback), or a retry/redirect of it was queued in its
  place. :class:`LeaseTracker` counts these; :class:`LeaseMiddleware` (spider middleware)
  and the item signals feed it.
* A crawler that stops gracefully puts its unfinished leases back in the queue. One that is
  killed leaves them in flight; when its heartbeat expires (``REDIS_LEASE_TTL``) any other
  crawler, or the same one restarted, puts them back (``requeue_dead``). A request can thus be
  fetched twice (it was in flight when its crawler died), never lost; its record is emitted
  once because emitting checks the shared URL and content sets in the same transaction.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.utils.request import request_from_dict
from twisted.internet import task

from newscrawl.cluster.codec import PayloadError, decode_request, encode_request
from newscrawl.cluster.store import SharedStore, store_from_settings

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

META_LEASE = "newscrawl_lease"  # on a leased request: its lease id
META_PARENT = "newscrawl_parent"  # on a request yielded by a leased response: the parent lease
TICK = 0.5  # seconds between checks of the shared queue while this crawler waits


class LeaseTracker:
    """Counts, per lease, what is still to be done before the lease can be acknowledged."""

    def __init__(self, store: SharedStore, stats: StatsCollector | None) -> None:
        self.store = store
        self.stats = stats
        self._open: dict[str, list[Any]] = {}  # lease -> [pending count, output finished]

    def __len__(self) -> int:
        return len(self._open)

    def start(self, lease: str) -> None:
        self._open[lease] = [1, False]  # 1: the response (or failure) not yet handled

    def add(self, lease: str | None) -> None:
        if lease in self._open:
            self._open[lease][0] += 1

    def done(self, lease: str | None) -> None:
        entry = self._open.get(lease or "")
        if entry is None:
            return
        entry[0] -= 1
        if entry[0] <= 0:
            del self._open[lease or ""]
            self.store.ack(lease or "")
            if self.stats is not None:
                self.stats.inc_value("newscrawl/redis/acked")

    def output_done(self, lease: str | None) -> None:
        """The callback's (or errback's) output has all been handed on. Idempotent."""
        entry = self._open.get(lease or "")
        if entry is not None and not entry[1]:
            entry[1] = True
            self.done(lease)

    def unfinished(self) -> list[str]:
        return list(self._open)

    def forget(self) -> None:
        self._open.clear()


class RedisScheduler:
    """``SCHEDULER`` in Redis mode (set by :func:`newscrawl.cluster.settings.apply`)."""

    def __init__(self, crawler: Crawler, store: SharedStore) -> None:
        self.crawler = crawler
        self.store = store
        settings = crawler.settings
        self.persist = settings.getbool("SCHEDULER_PERSIST", True)
        self.lease_ttl = settings.getfloat("REDIS_LEASE_TTL", 15.0)
        self.close_idle = settings.getfloat("MAX_IDLE_TIME_BEFORE_CLOSE", 10.0)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.tracker = LeaseTracker(store, crawler.stats)
        self.spider: Spider | None = None
        self._fingerprinter = crawler.request_fingerprinter
        self._loops: list[task.LoopingCall] = []
        self._idle_since: float | None = None
        self._logged_dupe = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        store = store_from_settings(crawler.settings)
        store.client.ping()
        scheduler = cls(crawler, store)
        crawler.signals.connect(scheduler._item_done, signal=signals.item_scraped)
        crawler.signals.connect(scheduler._item_done, signal=signals.item_dropped)
        crawler.signals.connect(scheduler._item_done, signal=signals.item_error)
        crawler.signals.connect(scheduler._spider_idle, signal=signals.spider_idle)
        return scheduler

    # -- BaseScheduler interface ------------------------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.store.heartbeat(self.owner, self.lease_ttl)
        beat = task.LoopingCall(self.store.heartbeat, self.owner, self.lease_ttl)
        beat.start(self.lease_ttl / 3, now=False)
        tick = task.LoopingCall(self._tick)
        tick.start(TICK, now=False)
        self._loops = [beat, tick]
        requeued = self.store.requeue_dead()
        self._inc("newscrawl/redis/requeued", requeued)
        logger.info(
            "Redis scheduler %s on %s (prefix %r): %d queued, %d in flight%s",
            self.owner,
            _safe_url(self.crawler.settings.get("REDIS_URL")),
            self.store.prefix,
            self.store.queued(),
            self.store.inflight(),
            f", {requeued} taken back from dead crawlers" if requeued else "",
        )

    def close(self, reason: str) -> None:
        for loop in self._loops:
            if loop.running:
                loop.stop()
        unfinished = self.tracker.unfinished()
        if unfinished:
            # Graceful stop (Ctrl-C, CLOSESPIDER_*): what this crawler had taken goes back.
            self._inc("newscrawl/redis/returned", self.store.requeue(unfinished))
            self.tracker.forget()
        self.store.forget_owner(self.owner)
        if not self.persist and reason == "finished":
            self.store.clear_requests()
        self.store.close()

    def has_pending_requests(self) -> bool:
        return self.store.queued() > 0

    def enqueue_request(self, request: Request) -> bool:
        parent = request.meta.pop(META_PARENT, None)
        replaced = request.meta.pop(META_LEASE, None)  # a retry or redirect of a leased request
        key = None if request.dont_filter else self._fingerprinter.fingerprint(request).hex()
        payload = encode_request(request.to_dict(spider=self.spider))
        added = self.store.push(key, request.priority, payload)
        if added:
            self._inc("scheduler/enqueued/redis")
        else:
            self._inc("dupefilter/filtered")
            if not self._logged_dupe:
                logger.debug("Filtered duplicate request %s (no more are logged)", request)
                self._logged_dupe = True
        # Only now, with the request safely queued (or known), can its origin be let go.
        if replaced:
            self.tracker.output_done(replaced)
        if parent:
            self.tracker.done(parent)
        return added

    def next_request(self) -> Request | None:
        while True:
            lease = self.store.lease(self.owner)
            if lease is None:
                return None
            try:
                request = request_from_dict(decode_request(lease.payload), spider=self.spider)
                break
            except (PayloadError, ValueError) as exc:
                # Not ours (or from a version that pickled): dropped, never evaluated.
                logger.error("Dropped a queued payload that is not a request: %s", exc)
                self._inc("newscrawl/redis/bad_payload")
                self.store.ack(lease.id)
        request.meta[META_LEASE] = lease.id
        self.tracker.start(lease.id)
        self._inc("scheduler/dequeued/redis")
        return request

    def __len__(self) -> int:
        return self.store.queued()

    # -- lease bookkeeping --------------------------------------------------------------------

    def yielded(self, lease: str | None, output: Any) -> None:
        """The spider yielded ``output`` while handling the response to ``lease``."""
        if lease is None:
            return
        self.tracker.add(lease)
        if isinstance(output, Request):
            output.meta[META_PARENT] = lease

    def output_done(self, request: Request | None) -> None:
        if request is not None:
            self.tracker.output_done(request.meta.get(META_LEASE))

    def _item_done(self, item: Any, response: Any = None, **kwargs: Any) -> None:
        if isinstance(response, Response) and response.request is not None:
            self.tracker.done(response.request.meta.get(META_LEASE))

    # -- waiting for work and closing -----------------------------------------------------------

    def _tick(self) -> None:
        """Wake the engine now and then: other crawlers may have queued requests."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def _spider_idle(self) -> None:
        """Nothing to do here: read new seeds, take back dead crawlers' leases, and close
        only when the whole crawl has been drained for ``MAX_IDLE_TIME_BEFORE_CLOSE`` s."""
        spider = self.spider
        new_seeds = 0
        read_seeds = getattr(spider, "read_shared_seeds", None)
        if read_seeds is not None and self.crawler.engine is not None:
            for request in read_seeds(self.store):
                self.crawler.engine.crawl(request)
                new_seeds += 1
        requeued = self.store.requeue_dead()
        self._inc("newscrawl/redis/requeued", requeued)
        busy = new_seeds or requeued or len(self.tracker) or self.store.queued()
        if busy or self.store.inflight():
            self._idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
            if self.crawler.stats is not None:
                self.crawler.stats.set_value("newscrawl/redis/drained_at", time.time())
        if self.close_idle > 0 and now - self._idle_since >= self.close_idle:
            return  # the engine closes the spider ("finished")
        raise DontCloseSpider

    def _inc(self, key: str, count: int = 1) -> None:
        if count and self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)


class LeaseMiddleware:
    """Spider middleware (next to the engine): tells the scheduler what each leased response
    produced, so its lease is acknowledged only when all of it is safe."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeaseMiddleware:
        return cls(crawler)

    def _scheduler(self) -> RedisScheduler | None:
        engine = self.crawler.engine
        scheduler = engine.scheduler if engine is not None else None
        return scheduler if isinstance(scheduler, RedisScheduler) else None

    async def process_spider_output(self, response: Response, result: Any) -> Any:
        scheduler = self._scheduler()
        request = response.request
        lease = request.meta.get(META_LEASE) if request is not None else None
        try:
            async for output in result:
                if scheduler is not None:
                    scheduler.yielded(lease, output)
                yield output
        finally:
            if scheduler is not None:
                scheduler.output_done(request)


def _safe_url(url: str | None) -> str:
    """The Redis URL without its password, for logs."""
    if not url or "@" not in url:
        return url or ""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.rpartition('@')[2]}"
