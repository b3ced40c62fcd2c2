"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from urllib.parse import urljoin

import lxml.etree

from newscrawl.discovery import Link, parse_date

_FEED_ROOTS = {"rss", "feed", "RDF"}
_DATE_TAGS = ("pubDate", "published", "date", "updated", "issued", "modified")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_feed(body: bytes, base_url: str = "") -> list[Link] | None:
    """Entry links with their dates; None when ``body`` is not a feed."""
    parser = lxml.etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, huge_tree=False
    )
    try:
        root = lxml.etree.parse(BytesIO(body), parser).getroot()
    except lxml.etree.XMLSyntaxError:
        return None
    if root is None or _local(root.tag) not in _FEED_ROOTS:
        return None
    links: list[Link] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("item", "entry"):
            continue
        url = _entry_link(entry)
        if url:
            links.append(Link(urljoin(base_url, url), _entry_date(entry)))
    return links


def _entry_link(entry: lxml.etree._Element) -> str | None:
    fallback = None
    for child in entry:
        name = _local(child.tag)
        if name == "link":
            href = child.get("href")
            if href is None:  # RSS: <link>url</link>
                text = (child.text or "").strip()
                if text:
                    return text
                continue
            rel = child.get("rel", "alternate")
            if rel == "alternate":
                return href.strip()
        elif name == "guid" and child.get("isPermaLink", "true") == "true":
            fallback = (child.text or "").strip() or fallback
    return fallback


def _entry_date(entry: lxml.etree._Element) -> date | None:
    for tag in _DATE_TAGS:
        for child in entry:
            if _local(child.tag) == tag and child.text:
                parsed = parse_date(child.text)
                if parsed:
                    return parsed
    return None
