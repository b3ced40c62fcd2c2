"""The article record: the one output contract shared by the CLI, the crawler and the writers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

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


def record_id(
    url: str | None, source: str, story_index: int, canonical_url: str | None = None
) -> str:
    """Stable id: the first 16 hex digits of SHA-1 of the page's identity (`identity`), a NUL
    and the story index. Two records share an id exactly when they have the same identity
    and story index."""
    key = f"{valid_unicode(identity(url, source, canonical_url))}\x00{story_index}".encode()
    return hashlib.sha1(key).hexdigest()[:16]


def identity(url: str | None, source: str, canonical_url: str | None = None) -> str:
    """What names the page for its id: its canonical URL, else the URL it was fetched from
    or given with, else the input it was read from (`source`).

    The canonical link first: the same article reached by several addresses (tracking
    parameters, AMP and mobile copies, a redirect) is one record, as the crawler's URL
    de-duplication already treats it, and the ids of the records written before the input
    URL was kept (when `url` held the canonical link) stay the same. A canonical link to
    the site's home page from a page with an address of its own is a template mistake that
    would give every article of the site one id: then the page's own URL names it."""
    if canonical_url and not (url and url != canonical_url and _is_home_page(canonical_url)):
        return canonical_url
    return url or source


def _is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def site_key(site: str | None, url: str | None, canonical_url: str | None = None) -> str | None:
    """The record's `site`: the name it was given (the crawl's seed, a JSONL `site` field, a
    crawler's WARC metadata), else the registered domain of the page's URL (else of its
    canonical link): "https://www.thenationalnews.com/…" -> "thenationalnews.com". A host
    with no public suffix (localhost, an IP address) is its own key. None when nothing
    names the site (a bare text dump)."""
    if site and site.strip():
        return site.strip()
    for address in (url, canonical_url):
        if address:
            key = registered_domain(address)
            if key:
                return key
    return None


def registered_domain(url: str) -> str | None:
    """The domain a registrant holds (public suffix list, private suffixes included:
    "news.bbc.co.uk" -> "bbc.co.uk", "x.github.io" -> "x.github.io"), lower case, through
    courlan; the bare host when it has no public suffix."""
    from courlan import extract_domain  # loads the suffix list: only when a URL is seen

    try:
        domain = extract_domain(url)
        host = urlsplit(url).hostname
    except ValueError:  # a malformed address ("http://[bad")
        return None
    return domain or host or None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article record (see README "Record schema")."""

    source: str
    url: str | None = None  # the address the page was fetched from or given with (input)
    canonical_url: str | None = None  # the page's canonical link (rel=canonical, og:url)
    story_index: int = 0
    status: str = STATUS_OK
    reject_reason: str | None = None
    site: str | None = None  # one key per site: the seed name, else the registered domain
    site_name: str | None = None  # the site's display name as the page states it
    title: str | None = None
    subtitle: str | None = None
    description: str | None = None  # the page's own summary (meta/OpenGraph description)
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    fetched_at: str | None = None  # when the page was fetched (crawl time, WARC-Date), if known
    language: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None  # the lead image's absolute URL
    text: str = ""
    removed: tuple[Removal, ...] = field(default_factory=tuple)
    duplicates: int = 0  # near-duplicate records absorbed into this one (`--dedup`)

    @property
    def id(self) -> str:
        return record_id(self.url, self.source, self.story_index, self.canonical_url)

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    def to_dict(self) -> dict[str, Any]:
        """The JSON record, fields in their documented order; every string valid Unicode."""
        return _valid(
            {
                "id": self.id,
                "url": self.url,
                "canonical_url": self.canonical_url,
                "source": self.source,
                "story_index": self.story_index,
                "status": self.status,
                "reject_reason": self.reject_reason,
                "site": self.site,
                "site_name": self.site_name,
                "title": self.title,
                "subtitle": self.subtitle,
                "description": self.description,
                "authors": list(self.authors),
                "published": self.published,
                "updated": self.updated,
                "fetched_at": self.fetched_at,
                "language": self.language,
                "section": self.section,
                "tags": list(self.tags),
                "image": self.image,
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
