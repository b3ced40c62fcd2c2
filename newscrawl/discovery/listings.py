"""Section and listing pages: the links on them, and the way to the next page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from parsel import Selector
from w3lib.url import safe_url_string

from newscrawl.discovery import Link

_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "#")


@dataclass(frozen=True, slots=True)
class ListingLinks:
    links: tuple[Link, ...]  # every link on the page, in order, without repeats
    next_pages: tuple[str, ...]  # pagination: rel="next" and links matching the seed's patterns


def parse_listing(
    selector: Selector,
    base_url: str,
    next_patterns: Iterable[re.Pattern[str]] = (),
) -> ListingLinks:
    """Links of a listing page; ``base_url`` should honour ``<base href>`` (Scrapy's urljoin)."""
    base = selector.xpath("//head/base/@href").get()
    base_url = urljoin(base_url, base.strip()) if base else base_url

    seen: set[str] = set()
    links: list[Link] = []
    for href in selector.xpath("//a[@href]/@href").getall():
        href = href.strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = safe_url_string(urljoin(base_url, href))
        if url not in seen:
            seen.add(url)
            links.append(Link(url))

    patterns = tuple(next_patterns)
    pages: list[str] = []
    rel_next = selector.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
        " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
    ).getall()
    candidates = [safe_url_string(urljoin(base_url, h.strip())) for h in rel_next if h.strip()]
    if patterns:
        candidates += [link.url for link in links if any(p.search(link.url) for p in patterns)]
    for url in candidates:
        if url not in pages:
            pages.append(url)
    return ListingLinks(tuple(links), tuple(pages))
