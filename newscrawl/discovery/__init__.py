"""Finding article URLs: parsers for sitemaps, feeds and listing pages (no Scrapy imports).

Each parser takes bytes (or a parsed page) and returns plain :class:`Link` values; the spider
decides what to request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as _dateparser


@dataclass(frozen=True, slots=True)
class Link:
    """A URL found on a discovery page, with the date it carries (if any)."""

    url: str
    published: date | None = None


def parse_date(text: str | None) -> date | None:
    """The calendar date of a sitemap/feed date string (ISO 8601 or RFC 822), else None."""
    if not text or not text.strip():
        return None
    try:
        value: datetime = _dateparser.parse(text.strip())
    except (ValueError, OverflowError):
        return None
    return value.date()
