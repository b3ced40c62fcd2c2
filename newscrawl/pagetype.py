"""Is a fetched page an article page? Cheap checks on the raw response, before any cleaning.

Two gates run before the cleaner: the response must be HTML, and the page must not declare
itself something else (``og:type`` "website"/"profile"/"video…" with no article metadata).
Pages that declare nothing pass: the cleaner decides (``not_article``, ``bot_wall``…).
The check reads only the first bytes of the page with regular expressions, so it costs
almost nothing on the crawl's main process.
"""

from __future__ import annotations

import re

HTML_TYPES = ("text/html", "application/xhtml+xml")
_HEAD_BYTES = 200_000

_OG_TYPE = re.compile(
    rb"""<meta\b[^>]*?(?:property|name)\s*=\s*["']og:type["'][^>]*?>""", re.IGNORECASE
)
_CONTENT = re.compile(rb"""content\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_ARTICLE_META = re.compile(
    rb"""(?:property|name)\s*=\s*["']article:(?:published_time|section|author)["']"""
    rb"""|["']@type["']\s*:\s*\[?\s*["'](?:\w*Article|Report|BlogPosting)["']""",
    re.IGNORECASE,
)


def is_html(content_type: str | None, body: bytes) -> bool:
    """HTML by Content-Type, or by sniffing when the server sent none."""
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES
    start = body[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def declared_type(body: bytes) -> str | None:
    """The page's ``og:type`` (lower case) or None."""
    match = _OG_TYPE.search(body, 0, _HEAD_BYTES)
    if not match:
        return None
    content = _CONTENT.search(match.group(0))
    return content.group(1).decode("ascii", "replace").strip().lower() if content else None


def is_article_page(body: bytes) -> bool:
    """False only when the page says it is not an article and carries no article metadata."""
    og_type = declared_type(body)
    if og_type is None or og_type == "article" or "article" in og_type:
        return True
    return _ARTICLE_META.search(body, 0, _HEAD_BYTES) is not None


_JSONLD_ARTICLE = re.compile(
    rb"""["']@type["']\s*:\s*\[?\s*(?:"[^"]*"\s*,\s*)*["'](?:\w*Article|Report|BlogPosting)["']""",
    re.IGNORECASE,
)
_PUBLISHED_META = re.compile(
    rb"""(?:property|name)\s*=\s*["']article:published_time["']""", re.IGNORECASE
)


def article_evidence(body: bytes, url: str) -> str | None:
    """What shows that a page is an article, for a crawl without URL patterns; None when nothing
    does. In order: ``og:type`` article, a JSON-LD ``NewsArticle``/``Article``/``BlogPosting``…,
    an ``article:published_time`` meta tag, a date in the URL. A page declaring another type
    with no article metadata has none, whatever its URL."""
    if not is_article_page(body):
        return None
    og_type = declared_type(body)
    if og_type is not None and "article" in og_type:
        return "og_type"
    if _JSONLD_ARTICLE.search(body, 0, _HEAD_BYTES) or _JSONLD_ARTICLE.search(body[-50_000:]):
        return "json_ld"
    if _PUBLISHED_META.search(body, 0, _HEAD_BYTES):
        return "published_meta"
    from newscrawl.discovery.site import has_url_date

    if has_url_date(url):
        return "url_date"
    return None
