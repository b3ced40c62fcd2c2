"""A site with no seed file: its start points, and article URLs told from other links.

``scrapy crawl news -a start=URL`` (and ``newscrawl crawl URL``, ``newscrawl seed new URL``)
starts from one address. What a seed lists by hand is found here: the sitemaps named in
robots.txt plus ``/sitemap.xml``, the RSS/Atom feeds a home page announces with
``<link rel="alternate">``, and its section pages (the same site's links in its ``<nav>``,
``<header>`` and menus). No Scrapy import: the spider calls these on parsed pages.

Without allow patterns, a link found on a listing page is fetched only when its URL looks like
an article's (a date, a long numeric id or a headline slug in the path, none of the
``not_article_segments`` of ``newscrawl/data/urls.toml``); the fetched page then proves it
(:func:`newscrawl.pagetype.article_evidence`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import courlan
from parsel import Selector
from w3lib.url import safe_url_string

from newscrawl.seeds import Seed

DATA = Path(__file__).resolve().parent.parent / "data" / "urls.toml"

# A date in the path: /2024/05/01/, /2024/05/ (WordPress: no day), /2024-05-01, /20240501/.
# htmldate's URL pattern needs the day, so the year-and-month form is matched here.
_URL_DATE = re.compile(
    r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])(?:/(?:0?[1-9]|[12]\d|3[01]))?(?=/)"
    r"|(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=[/_-])"
)
_MENU_XPATH = (
    "//nav//a[@href] | //header//a[@href]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' menu ')]//a[@href]"
    " | //*[@role='navigation']//a[@href]"
)
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "#")


@dataclass(frozen=True, slots=True)
class UrlVocabulary:
    not_article_segments: frozenset[str]
    not_page_extensions: tuple[str, ...]
    feed_types: frozenset[str]
    slug_min_words: int
    id_min_digits: int
    max_sections: int


@cache
def vocabulary() -> UrlVocabulary:
    raw: dict[str, Any] = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return UrlVocabulary(
        not_article_segments=frozenset(s.lower() for s in raw["not_article_segments"]),
        not_page_extensions=tuple(raw["not_page_extensions"]),
        feed_types=frozenset(raw["feed_types"]),
        slug_min_words=int(raw["slug_min_words"]),
        id_min_digits=int(raw["id_min_digits"]),
        max_sections=int(raw["max_sections"]),
    )


def registered_domain(url: str) -> str:
    """``https://www.thenationalnews.com/`` -> ``thenationalnews.com`` (courlan, on the public
    suffix list); an IP address or a host with an unknown suffix is kept, less ``www.``."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    found = courlan.extract_domain(f"http://{host}/") if host else None
    return found or host.removeprefix("www.")


def site_key(url: str) -> str:
    """The ``site`` of records from a site without a seed: its registered domain."""
    return registered_domain(url)


def discovery_seed(start_url: str, allow: tuple[re.Pattern[str], ...] = ()) -> Seed:
    """An in-memory seed for ``start_url``'s site: its registered domain (and every subdomain),
    the home page as the one listing; sitemaps and feeds are found while crawling."""
    domain = registered_domain(start_url)
    return Seed(site=site_key(start_url), name=domain, domains=(domain,), allow=allow)


def has_url_date(url: str) -> bool:
    return _URL_DATE.search(urlsplit(url).path) is not None


def is_page_url(url: str) -> bool:
    """False for files that are not web pages (images, documents, scripts, feeds)."""
    path = urlsplit(url).path.lower()
    return not path.endswith(vocabulary().not_page_extensions)


def has_non_article_segment(url: str) -> bool:
    segments = [s.lower() for s in urlsplit(url).path.split("/") if s]
    return any(s in vocabulary().not_article_segments for s in segments)


def looks_like_article_url(url: str) -> bool:
    """Whether a link is worth fetching as a possible article (a listing page's links)."""
    if not is_page_url(url) or has_non_article_segment(url):
        return False
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return False
    if has_url_date(url):
        return True
    vocab = vocabulary()
    if re.search(rf"(?<![0-9a-z])\d{{{vocab.id_min_digits},}}(?![0-9a-z])", parts.path, re.I):
        return True
    last = re.sub(r"\.[a-z0-9]{2,5}$", "", segments[-1], flags=re.I)
    words = [w for w in re.split(r"[-_]+|%20|\+", last) if w]
    return len(words) >= vocab.slug_min_words


def feed_links(selector: Selector, base_url: str) -> list[str]:
    """RSS/Atom feeds announced by ``<link rel="alternate" type="application/rss+xml">``."""
    types = vocabulary().feed_types
    found: list[str] = []
    for link in selector.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").split(";", 1)[0].strip().lower()
        if "alternate" in rel and kind in types:
            url = safe_url_string(urljoin(base_url, link.attrib["href"].strip()))
            if url not in found:
                found.append(url)
    return found


def section_links(selector: Selector, base_url: str, in_scope: Callable[[str], bool]) -> list[str]:
    """The site's section pages linked from a home page's navigation: on the site, not an
    article URL, not a file, no non-article segment, not the home page itself."""
    home = urlsplit(base_url)
    found: list[str] = []
    for href in selector.xpath(_MENU_XPATH).xpath("@href").getall():
        href = href.strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = safe_url_string(urljoin(base_url, href)).split("#", 1)[0]
        parts = urlsplit(url)
        if parts.path.strip("/") == home.path.strip("/") and parts.netloc == home.netloc:
            continue
        if not in_scope(url) or not is_page_url(url) or has_non_article_segment(url):
            continue
        if looks_like_article_url(url) or url in found:
            continue
        found.append(url)
        if len(found) >= vocabulary().max_sections:
            break
    return found
