"""Records that should not be written: other languages (rejected), rejected pages (dropped,
counted, written to REJECTS_PATH), old stories (dropped)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from cleaners.batch import LANGUAGE, outside_languages
from cleaners.record import STATUS_OK, STATUS_REJECTED
from cleaners.writers import dumps_record
from newscrawl.items import CleanedItem
from newscrawl.pipelines import drop


class RejectPipeline:
    """Drop pages the cleaner rejected, counting ``newscrawl/rejected/<reason>``.

    ``REJECTS_PATH`` (optional): also append each rejected record to this JSONL file.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        path = crawler.settings.get("REJECTS_PATH")
        self.path = Path(path) if path else None
        self._file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RejectPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a", encoding="utf-8")

    def close_spider(self) -> None:
        if self._file is not None:
            self._file.close()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CleanedItem) or item.status == "ok":
            return item
        reason = item.record.get("reject_reason") or "unknown"
        if self._file is not None:
            self._file.write(dumps_record(item.record) + "\n")
        raise drop(self.crawler, f"rejected/{reason}", f"rejected ({reason}): {item.url}")


class LanguagePipeline:
    """``LANGUAGES = ["en"]`` (or ``-s LANGUAGES=en,ar``): a record in another body language
    becomes a ``language`` rejection, as with ``newsclean clean --lang`` (one meaning:
    `cleaners.batch.outside_languages`). It runs before `RejectPipeline`, which counts it as
    ``newscrawl/rejected/language`` and writes it to ``REJECTS_PATH``."""

    def __init__(self, crawler: Crawler, languages: frozenset[str]) -> None:
        self.crawler = crawler
        self.languages = languages

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LanguagePipeline:
        languages = {lang.strip().lower() for lang in crawler.settings.getlist("LANGUAGES")}
        languages.discard("")
        if not languages:
            raise NotConfigured  # LANGUAGES empty: no language filter
        from cleaners.language import unknown_languages

        if unknown := unknown_languages(languages):
            raise ValueError(
                f"LANGUAGES: unknown language code {', '.join(map(repr, unknown))}: every "
                "record would be rejected; use ISO 639-1 codes (en, ar, fr...)"
            )
        return cls(crawler, frozenset(languages))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CleanedItem):
            return item
        record = item.record
        if outside_languages(item.status == STATUS_OK, record.get("language"), self.languages):
            item.record = {**record, "status": STATUS_REJECTED, "reject_reason": LANGUAGE}
        return item


class SincePipeline:
    """Drop records published before the seed's ``since`` (or ``-a since=``).

    Sitemap and feed entries are already skipped by date before fetching; this catches pages
    found on listing pages, whose date is only known once the page is cleaned.
    Records without a ``published`` date are kept.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SincePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, CleanedItem) or not item.since:
            return item
        published = item.record.get("published")
        if published and str(published)[:10] < item.since:
            raise drop(self.crawler, "dropped/too_old", f"published {published}: {item.url}")
        return item
