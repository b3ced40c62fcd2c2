"""What flows between the spider and the pipelines.

The spider yields one :class:`PageItem` per fetched article page; the cleaning pipeline turns
it into a :class:`CleanedItem`; the last pipeline emits ``CleanedItem.record`` (the JSON
record of ``cleaners.Article.to_dict()``), which is what feeds write.
Items carry what their processing needs (the seed's rules and date window), so pipelines do
not reach back into the spider.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleaners.dedup import Fingerprint


@dataclass(slots=True, repr=False)
class PageItem:
    """A fetched article page, before cleaning."""

    url: str  # the URL fetched (after redirects)
    canonical_url: str  # canonical form of ``url``
    site: str  # seed name
    body: bytes
    content_type: str | None = None  # HTTP Content-Type (charset for decoding)
    declared_canonical: str | None = None  # <link rel=canonical>, canonicalised, when on-site
    rules: dict[str, Any] = field(default_factory=dict)  # the seed's [rules] for the cleaner
    since: str | None = None  # ISO date: records published before it are dropped
    fetched_at: str | None = None  # ISO 8601 UTC

    def __repr__(self) -> str:  # keep the page body out of logs
        return f"<PageItem {self.site} {self.url} ({len(self.body)} bytes)>"


@dataclass(slots=True, repr=False)
class CleanedItem:
    """A page after cleaning: the record plus what filtering and de-duplication need."""

    url: str
    canonical_url: str
    site: str
    record: dict[str, Any]
    fingerprint: Fingerprint | None = None
    since: str | None = None
    declared_canonical: str | None = None  # as on PageItem

    @property
    def status(self) -> str:
        return str(self.record.get("status"))

    def __repr__(self) -> str:
        reason = self.record.get("reject_reason")
        return f"<CleanedItem {self.site} {self.url} {self.status}{f' {reason}' if reason else ''}>"
