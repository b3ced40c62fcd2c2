"""Page metadata: JSON-LD first, then OpenGraph/meta tags, then the visible headline."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from cleaners.dates import parse_date
from cleaners.normalize import normalize_line

_ARTICLE_TYPES = re.compile(r"(News)?Article|BlogPosting|Report|Posting", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—»:]\s+[^|\-–—»:]{2,60}$")


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON-LD document, @graph and nesting included."""
    if isinstance(node, list):
        for item in node:
            yield from _objects(item)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _objects(value)


def _is_article(obj: dict[str, Any]) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _date(value: Any) -> str | None:
    return parse_date(value.strip()) if isinstance(value, str) and value.strip() else None


def _json_ld(root: lxml_html.HtmlElement) -> dict[str, Any] | None:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            document = json.loads(script.text)
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags still serve
        for obj in _objects(document):
            if _is_article(obj):
                return obj
    return None


def _meta(root: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def strip_site_suffix(title: str, site: str | None) -> str:
    """'Headline | Site' → 'Headline'."""
    if site and title.endswith(site):
        stripped = title[: -len(site)].rstrip(" |-–—»:")
        if stripped:
            return stripped
    return _TITLE_SUFFIX.sub("", title) if site else title


def extract_metadata(root: lxml_html.HtmlElement, url: str | None = None) -> PageMetadata:
    data = PageMetadata()
    ld = _json_ld(root) or {}
    meta = _meta(root)
    publisher = ld.get("publisher")
    data.site = (
        meta.get("og:site_name")
        or (publisher.get("name") if isinstance(publisher, dict) else None)
        or meta.get("application-name")
    )
    data.authors = [normalize_line(n) for n in _names(ld.get("author"))]
    if not data.authors and meta.get("author"):
        data.authors = [
            normalize_line(n) for n in re.split(r"\s*(?:,|;|\band\b|&)\s*", meta["author"]) if n
        ]
    data.published = (
        _date(ld.get("datePublished"))
        or _date(meta.get("article:published_time"))
        or _date(meta.get("datepublished"))
        or _date(meta.get("pubdate"))
        or _date(meta.get("publish-date"))
    )
    data.updated = (
        _date(ld.get("dateModified"))
        or _date(meta.get("article:modified_time"))
        or _date(meta.get("datemodified"))
    )
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    )
    data.url = canonical or meta.get("og:url") or url
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    title = headline or meta.get("og:title") or meta.get("twitter:title")
    if not title:
        node = root.find(".//title")
        title = node.text_content() if node is not None else None
    data.title = strip_site_suffix(normalize_line(title), data.site) if title else None
    data.language = (root.get("lang") or "").split("-")[0].lower() or None
    return data
