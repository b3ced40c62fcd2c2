"""Last pipeline: what the feed exporters write is the cleaner's record dict."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from newscrawl.items import CleanedItem
from newscrawl.pipelines import stats


class EmitPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EmitPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        stats(self.crawler).inc_value("newscrawl/records")
        if isinstance(item, CleanedItem):
            return item.record
        return item
