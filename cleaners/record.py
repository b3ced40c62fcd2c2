"""The article record: the one output contract shared by the CLI, the crawler and the writers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

STATUS_OK = "ok"
STATUS_REJECTED = "rejected"

_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a pair is joined).

    JSON escapes (``"\\ud83d"``: a string cut mid-emoji) and ``surrogateescape`` decoding put
    surrogates in a Python string; UTF-8 cannot encode them, so a record holding one cannot
    be written. Every string that reaches a record goes through here."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


@dataclass(frozen=True, slots=True)
class Removal:
    """One span taken out of a page, with the rule that took it and why."""

    reason: str
    rule: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "rule": self.rule, "text": self.text}


def record_id(url: str | None, source: str, story_index: int) -> str:
    """Stable id: the same page (by URL, else by source) and story always hash the same."""
    key = f"{valid_unicode(url or source)}\x00{story_index}".encode()
    return hashlib.sha1(key).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article record (see README "Record schema")."""

    source: str
    url: str | None = None
    story_index: int = 0
    status: str = STATUS_OK
    reject_reason: str | None = None
    site: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    fetched_at: str | None = None  # when the page was fetched (crawl time, WARC-Date), if known
    language: str | None = None
    text: str = ""
    removed: tuple[Removal, ...] = field(default_factory=tuple)
    duplicates: int = 0  # near-duplicate records absorbed into this one (`--dedup`)

    @property
    def id(self) -> str:
        return record_id(self.url, self.source, self.story_index)

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    def to_dict(self) -> dict[str, Any]:
        """The JSON record, fields in their documented order; every string valid Unicode."""
        return _valid(
            {
                "id": self.id,
                "url": self.url,
                "source": self.source,
                "story_index": self.story_index,
                "status": self.status,
                "reject_reason": self.reject_reason,
                "site": self.site,
                "title": self.title,
                "subtitle": self.subtitle,
                "authors": list(self.authors),
                "published": self.published,
                "updated": self.updated,
                "fetched_at": self.fetched_at,
                "language": self.language,
                "text": self.text,
                "removed": [r.to_dict() for r in self.removed],
                "duplicates": self.duplicates,
            }
        )


def _valid(value: Any) -> Any:
    """A JSON value with `valid_unicode` applied to every string in it."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, dict):
        return {key: _valid(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_valid(item) for item in value]
    return value
