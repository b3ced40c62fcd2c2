"""Item pipelines, one job each, in this order (see ``settings.ITEM_PIPELINES``):

100 ``dedup.UrlDedupPipeline``      drop a page whose canonical URL was already seen
200 ``clean.CleanPipeline``         call ``cleaners.pipeline.clean_document`` in worker processes
290 ``filters.LanguagePipeline``    reject (reason ``language``) records not in ``LANGUAGES``
300 ``filters.RejectPipeline``      drop rejected pages (stats by reason, ``REJECTS_PATH``)
320 ``filters.SincePipeline``       drop records published before the seed's ``since``
400 ``dedup.ContentDedupPipeline``  drop the same story under another URL (fingerprint)
900 ``emit.EmitPipeline``           hand the record dict to the feed exporters
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

STATS_PREFIX = "newscrawl"


def drop(crawler: Crawler, key: str, message: str) -> DropItem:
    """Count ``newscrawl/<key>`` and return the DropItem to raise (logged at DEBUG)."""
    stats(crawler).inc_value(f"{STATS_PREFIX}/{key}")
    return DropItem(message, log_level="DEBUG")


def stats(crawler: Crawler) -> StatsCollector:
    assert crawler.stats is not None
    return crawler.stats
