"""De-duplication across crawler processes (Redis mode): one record per URL and per story,
whichever crawler fetched it.

``SharedUrlDedupPipeline`` (in place of ``UrlDedupPipeline``) drops, before cleaning, a page
whose canonical URL this crawler has seen or any crawler has emitted: a cheap early check.
``SharedEmitPipeline`` (in place of ``ContentDedupPipeline``) is the one that counts: in one
Redis transaction it checks the shared URL set and content fingerprints (exact hash and
MinHash sketch, as in :mod:`cleaners.dedup`) and, when the record is new, adds them and
appends the record to the shared ``items`` list. Two crawlers can never both pass it with the
same story. Drops are counted as in a single-process crawl (``newscrawl/dropped/...``).
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from newscrawl.cluster.store import SharedStore, store_from_settings
from newscrawl.items import CleanedItem, PageItem
from newscrawl.pipelines import drop, stats
from newscrawl.urls import canonical_url


class _SharedPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.store: SharedStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = store_from_settings(self.crawler.settings)

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()


class SharedUrlDedupPipeline(_SharedPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        assert self.store is not None
        keys = {item.canonical_url}
        if item.declared_canonical:
            keys.add(item.declared_canonical)
        if keys & self.seen or self.store.url_seen(keys):
            raise drop(self.crawler, "dropped/duplicate_url", f"duplicate URL: {item.url}")
        self.seen.update(keys)
        return item


class SharedEmitPipeline(_SharedPipeline):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.threshold = crawler.settings.getfloat("DEDUP_SIMILARITY", 0.8)

    def process_item(self, item: Any) -> Any:
        assert self.store is not None
        if isinstance(item, CleanedItem):
            keys = {item.canonical_url}
            if item.declared_canonical:
                keys.add(item.declared_canonical)
            outcome, first = self.store.commit(item.record, keys, item.fingerprint, self.threshold)
        elif isinstance(item, dict) and item.get("url"):  # fetch-only record
            keys = {canonical_url(item["url"])}
            outcome, first = self.store.commit(item, keys, None, self.threshold)
        else:
            return item
        if outcome == "duplicate_url":
            raise drop(self.crawler, "dropped/duplicate_url", f"duplicate URL: {first}")
        if outcome == "duplicate_content":
            url = item.url if isinstance(item, CleanedItem) else item["url"]
            raise drop(self.crawler, "dropped/duplicate_content", f"same story as {first}: {url}")
        stats(self.crawler).inc_value("newscrawl/redis/committed")
        return item
