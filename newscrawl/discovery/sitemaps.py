"""Sitemaps (XML sitemaps, news sitemaps, sitemap indexes; plain or gzipped)."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Literal
from urllib.parse import urljoin

import lxml.etree
from scrapy.utils.gz import gunzip

from newscrawl.discovery import Link, parse_date

SitemapKind = Literal["index", "urlset"]

_GZIP_MAGIC = b"\x1f\x8b"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/"


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: SitemapKind
    links: tuple[Link, ...]
    news: bool = False  # a Google News sitemap (entries carry <news:news>)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, base_url: str = "", *, max_size: int = 0) -> Sitemap | None:
    """Parse a sitemap or sitemap index; None when ``body`` is not one.

    Dates: ``news:publication_date`` when present (news sitemaps), else ``lastmod``.
    """
    if body[:2] == _GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, EOFError, ValueError):
            return None
    # Safe parse: no entities, no network, recover from broken markup.
    events = lxml.etree.iterparse(
        BytesIO(body),
        events=("start", "end"),
        recover=True,
        resolve_entities=False,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    kind: SitemapKind | None = None
    links: list[Link] = []
    news = False
    try:
        for event, elem in events:
            name = _local(elem.tag)
            if kind is None:
                if event != "start":
                    continue
                if name == "sitemapindex":
                    kind = "index"
                elif name == "urlset":
                    kind = "urlset"
                else:
                    return None
                continue
            if event == "start" and not news and str(elem.tag).startswith(_NEWS_NS):
                news = True
            if event != "end" or name not in ("url", "sitemap"):
                continue
            loc, when = _entry(elem)
            if loc:
                links.append(Link(urljoin(base_url, loc), parse_date(when)))
            elem.clear(keep_tail=False)
    except lxml.etree.XMLSyntaxError:
        if kind is None:
            return None
    if kind is None:
        return None
    return Sitemap(kind, tuple(links), news)


def _entry(elem: lxml.etree._Element) -> tuple[str | None, str | None]:
    loc = lastmod = published = None
    for child in elem.iter():
        name = _local(child.tag)
        text = (child.text or "").strip()
        if name == "loc" and loc is None and child.getparent() is elem:
            loc = text or None
        elif name == "lastmod":
            lastmod = text or None
        elif name == "publication_date":
            published = text or None
    return loc, published or lastmod
