"""Redis mode, switched on in one place: a crawl with ``REDIS_URL`` set gets these settings.

Called from ``NewsSpider.update_settings``; without ``REDIS_URL`` nothing here runs and the
crawl is exactly the single-process one. Settings given with ``-s`` still win (they have a
higher priority than the spider's).
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

SCHEDULER = "newscrawl.cluster.scheduler.RedisScheduler"
LEASE_MIDDLEWARE = "newscrawl.cluster.scheduler.LeaseMiddleware"

# Defaults of the Redis mode (README "Scaling out").
DEFAULTS: dict[str, object] = {
    "REDIS_KEY_PREFIX": "newscrawl",  # one prefix (or one Redis database) per crawl
    "REDIS_LEASE_TTL": 15.0,  # s without a heartbeat before a crawler's leases are taken back
    "MAX_IDLE_TIME_BEFORE_CLOSE": 10.0,  # s the shared queue must stay empty; 0 = never close
    "SCHEDULER_PERSIST": True,  # False: forget queue and request fingerprints when finished
}

_SHARED = "newscrawl.cluster.pipelines."
_PIPELINES = {
    "newscrawl.pipelines.dedup.UrlDedupPipeline": _SHARED + "SharedUrlDedupPipeline",
    "newscrawl.pipelines.dedup.ContentDedupPipeline": _SHARED + "SharedEmitPipeline",
}


def enabled(settings: BaseSettings) -> bool:
    return bool(settings.get("REDIS_URL"))


def apply(settings: BaseSettings) -> None:
    """Switch ``settings`` to the shared Redis scheduler, duplicate filter and dedup sets."""
    for name, value in DEFAULTS.items():
        settings.set(name, value, priority="default")  # kept when set anywhere else
    settings.set("SCHEDULER", SCHEDULER, priority="spider")
    middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
    middlewares[LEASE_MIDDLEWARE] = 10  # next to the engine: sees the final output
    settings.set("SPIDER_MIDDLEWARES", middlewares, priority="spider")
    pipelines = {
        _PIPELINES.get(path, path): order
        for path, order in settings.getdict("ITEM_PIPELINES").items()
    }
    settings.set("ITEM_PIPELINES", pipelines, priority="spider")
