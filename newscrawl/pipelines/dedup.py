"""De-duplication: by canonical URL before cleaning, by content fingerprint after.

State lives in ``spider.state`` when the crawl has a ``JOBDIR``, so a resumed crawl keeps
what it has already emitted.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from cleaners.dedup import FingerprintIndex
from newscrawl.items import CleanedItem, PageItem
from newscrawl.pipelines import drop


def _state(crawler: Crawler, key: str, default: Any) -> Any:
    """A value kept in ``spider.state`` (persisted with JOBDIR) or, without one, in memory."""
    spider = crawler.spider
    store = getattr(spider, "state", None)
    if not isinstance(store, dict):
        store = spider.__dict__.setdefault("_newscrawl_state", {})
    return store.setdefault(key, default)


class UrlDedupPipeline:
    """One record per canonical URL: the fetched URL and the page's ``rel=canonical``.

    Scrapy's duplicate filter already stops the same request twice; this also catches a page
    reached by a redirect or declaring a canonical URL that another page already had.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlDedupPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        seen: set[str] = _state(self.crawler, "seen_urls", set())
        keys = {item.canonical_url}
        if item.declared_canonical:
            keys.add(item.declared_canonical)
        if keys & seen:
            raise drop(self.crawler, "dropped/duplicate_url", f"duplicate URL: {item.url}")
        seen.update(keys)
        return item


class ContentDedupPipeline:
    """One record per story: the same text (or near-identical, ``DEDUP_SIMILARITY``) is
    dropped when it comes again under another URL."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.threshold = crawler.settings.getfloat("DEDUP_SIMILARITY", 0.8)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentDedupPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CleanedItem) or item.fingerprint is None:
            return item
        index: FingerprintIndex = _state(
            self.crawler, "fingerprints", FingerprintIndex(self.threshold)
        )
        first = index.find(item.fingerprint)
        if first is not None:
            raise drop(
                self.crawler,
                "dropped/duplicate_content",
                f"same story as {first}: {item.url}",
            )
        index.add(item.fingerprint, item.url)
        return item
