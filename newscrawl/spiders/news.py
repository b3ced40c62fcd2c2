"""The ``news`` spider: ``scrapy crawl news -a site=NAME`` (or ``-a site=all``).

It reads ``seeds/<site>.toml``, starts from the seed's sitemaps, news sitemaps, feeds and
listing pages, and follows only article URLs (the seed's allow/deny patterns). Article pages
that are HTML and do not declare another page type become :class:`PageItem`; the pipelines
clean, filter and de-duplicate them.

Spider arguments: ``site`` (required; a seed name, a comma-separated list, or ``all``) and
``since`` (optional ISO date or ``7d``; overrides the seeds' ``since``).

With ``REDIS_URL`` set (README "Scaling out") the spider does not schedule its seeds itself:
it reads the start points that ``newscrawl seed-push`` put in Redis (``site`` then only says
which seed files to load, default ``all``), and the queue, the duplicate filter and the
de-duplication sets are shared by every crawler on that Redis (:mod:`newscrawl.cluster`).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.python.failure import Failure

from newscrawl.cluster import settings as cluster_settings
from newscrawl.discovery import Link
from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.listings import parse_listing
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.items import PageItem
from newscrawl.pagetype import is_article_page, is_html
from newscrawl.seeds import START_KINDS, Seed, load_seeds, parse_since
from newscrawl.urls import OriginMap, canonical_url, matches_article

META_SITE = "newscrawl_site"
META_ROLE = "newscrawl_role"
META_PAGE = "newscrawl_page"
META_SITEMAP_DEPTH = "newscrawl_sitemap_depth"  # sitemap indexes followed to reach this one
META_CANONICAL = "newscrawl_canonical"  # the request's URL is already canonical

_CANONICAL = re.compile(rb"""<link\b[^>]*?rel\s*=\s*["']?canonical["']?[^>]*>""", re.IGNORECASE)
_HREF = re.compile(rb"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


class NewsSpider(Spider):
    name = "news"

    def __init__(self, site: str | None = None, since: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.site = site or ""
        self.since_arg = since
        self.seeds: dict[str, Seed] = {}
        self.origins = OriginMap()
        self.shared = False  # Redis mode: seeds come from the shared store
        self._seed_cursor = 0
        # Sitemap indexes can point to further indexes without end (a generated chain, a
        # loop of distinct URLs): followed at most this deep, and this many per site.
        self.sitemap_max_depth = 4
        self.sitemap_max_per_site = 5000
        self._sitemaps_followed: dict[str, int] = {}

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        """JSON Lines output by default: when no -o/-O/FEEDS is given, write DEFAULT_FEED."""
        super().update_settings(settings)
        if cluster_settings.enabled(settings):
            cluster_settings.apply(settings)
        default = settings.get("DEFAULT_FEED")
        if default and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {default: {"format": "jsonlines"}}, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        spider.shared = cluster_settings.enabled(crawler.settings)
        if spider.shared and not spider.site:
            spider.site = "all"
        spider.sitemap_max_depth = crawler.settings.getint("SITEMAP_MAX_DEPTH", 4)
        spider.sitemap_max_per_site = crawler.settings.getint("SITEMAP_MAX_PER_SITE", 5000)
        spider.configure(
            seeds_dir=crawler.settings.get("NEWSCRAWL_SEEDS_DIR"),
            origin_map=crawler.settings.getdict("NEWSCRAWL_ORIGIN_MAP"),
        )
        return spider

    def configure(self, *, seeds_dir: str | None, origin_map: dict[str, str]) -> None:
        """Load the seeds named by ``-a site=`` and derive the allowed domains."""
        self.seeds = {seed.site: seed for seed in load_seeds(self.site, seeds_dir)}
        self.origins = OriginMap(origin_map)
        self.allowed_domains = sorted(
            {self.origins.domain(d) for seed in self.seeds.values() for d in seed.domains}
        )
        self._since_override = parse_since(self.since_arg) if self.since_arg else None
        self._scopes = {site: self._scope(seed) for site, seed in self.seeds.items()}

    # -- start points -------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        if self.shared:
            # The seeds are in Redis (newscrawl seed-push); more are read when idle.
            scheduler = self.crawler.engine.scheduler if self.crawler.engine else None
            store = getattr(scheduler, "store", None)
            if store is not None:
                for request in self.read_shared_seeds(store):
                    yield request
            return
        for seed in self.seeds.values():
            for kind, url in seed.start_urls():
                yield self._start_request(seed, kind, url)

    def _start_request(self, seed: Seed, kind: str, url: str) -> Request:
        callbacks = {
            "sitemaps": self.parse_sitemap,
            "news_sitemaps": self.parse_sitemap,
            "feeds": self.parse_feed,
            "listings": self.parse_listing,
        }
        role = "listing" if kind == "listings" else kind.removesuffix("s")
        return self._request(url, seed, callbacks[kind], role, canonical=False)

    def read_shared_seeds(self, store: Any) -> Iterator[Request]:
        """Requests for the start points pushed to Redis since the last call (Redis mode).

        Every crawler reads every entry; the shared duplicate filter queues each once.
        """
        entries = store.read_seeds(self._seed_cursor)
        self._seed_cursor += len(entries)
        for entry in entries:
            seed = self.seeds.get(entry.get("site", ""))
            if seed is None or entry.get("kind") not in START_KINDS or not entry.get("url"):
                self._inc("newscrawl/redis/seed_skipped")
                self.logger.warning("Seed entry for a site not loaded here: %s", entry)
                continue
            self._inc("newscrawl/redis/seeds_read")
            yield self._start_request(seed, entry["kind"], entry["url"])

    # -- discovery callbacks ------------------------------------------------------------

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Sitemaps and sitemap indexes: follow sub-sitemaps, request article URLs.

        @url https://www.thenationalnews.com/arc/outboundfeeds/news-sitemap/?outputType=xml
        @site thenational
        @returns items 0 0
        @returns requests 1
        """
        seed = self._seed(response)
        # A gzipped sitemap may not inflate beyond the download size limit (gzip bombs).
        maxsize = int(
            response.meta.get("download_maxsize") or self.settings.getint("DOWNLOAD_MAXSIZE")
        )
        sitemap = parse_sitemap(response.body, response.url, max_size=maxsize)
        if sitemap is None:
            self._inc("newscrawl/invalid/sitemap")
            self.logger.warning("Not a sitemap: %s", response.url)
            return
        if sitemap.kind == "index":
            depth = int(response.meta.get(META_SITEMAP_DEPTH, 0))
            if depth >= self.sitemap_max_depth:
                self._inc("newscrawl/skipped/sitemap_depth")
                self.logger.warning(
                    "Sitemap index %s is %d indexes deep: not followed (SITEMAP_MAX_DEPTH)",
                    response.url,
                    depth,
                )
                return
            for link in sitemap.links:
                if self._too_old(seed, link):
                    self._inc("newscrawl/skipped/too_old_sitemap")
                    continue
                followed = self._sitemaps_followed.get(seed.site, 0)
                if followed >= self.sitemap_max_per_site:
                    self._inc("newscrawl/skipped/sitemap_limit")
                    if followed == self.sitemap_max_per_site:
                        self._sitemaps_followed[seed.site] = followed + 1  # warn once
                        self.logger.warning(
                            "%s: %d sitemaps followed, no more (SITEMAP_MAX_PER_SITE)",
                            seed.site,
                            self.sitemap_max_per_site,
                        )
                    continue
                self._sitemaps_followed[seed.site] = followed + 1
                request = self._request(link.url, seed, self.parse_sitemap, "sitemap")
                request.meta[META_SITEMAP_DEPTH] = depth + 1
                yield request
            return
        self._inc("newscrawl/discovered/sitemap", len(sitemap.links))
        yield from self._article_requests(seed, sitemap.links)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        """RSS and Atom feeds: request the entries' article URLs.

        @url https://www.thenationalnews.com/arc/outboundfeeds/rss/?outputType=xml
        @site thenational
        @returns items 0 0
        @returns requests 1
        """
        seed = self._seed(response)
        links = parse_feed(response.body, response.url)
        if links is None:
            self._inc("newscrawl/invalid/feed")
            self.logger.warning("Not a feed: %s", response.url)
            return
        self._inc("newscrawl/discovered/feed", len(links))
        yield from self._article_requests(seed, links)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """Section/listing pages: article links, then the next page (up to max_pages).

        @url https://www.thenationalnews.com/news/mena/
        @site thenational
        @returns items 0 0
        @returns requests 2
        """
        seed = self._seed(response)
        if not is_html(_content_type(response), response.body):
            self._inc("newscrawl/invalid/listing")
            return
        found = parse_listing(Selector(text=response.text), response.url, seed.listing_next)
        self._inc("newscrawl/discovered/listing", len(found.links))
        yield from self._article_requests(seed, found.links, count_off_pattern=False)
        page = int(response.meta.get(META_PAGE, 1))
        if page >= seed.listing_max_pages:
            return
        for url in found.next_pages:
            remapped = self.origins.remap(url)
            if self._in_scope(seed, remapped):
                request = self._request(remapped, seed, self.parse_listing, "listing")
                request.meta[META_PAGE] = page + 1
                yield request

    # -- article pages ------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        """An article page: checked for type, handed on to the pipelines as a PageItem.

        @url https://www.thenationalnews.com/news/mena/2021/09/19/water-ministers-meet-in-amman-to-plan-for-a-fourth-dry-winter/
        @site thenational
        @returns items 1 1
        @returns requests 0 0
        @scrapes url canonical_url site body
        """
        seed = self._seed(response)
        content_type = _content_type(response)
        if not is_html(content_type, response.body):
            self._inc("newscrawl/skipped/not_html")
            return
        if not is_article_page(response.body):
            self._inc("newscrawl/skipped/not_article")
            return
        self._inc("newscrawl/article_pages")
        since = self._since(seed)
        # Article requests are made from canonical URLs: no need to canonicalise again
        # unless a redirect moved the page.
        canonical = response.url if response.meta.get(META_CANONICAL) == response.url else None
        yield PageItem(
            url=response.url,
            canonical_url=canonical or canonical_url(response.url),
            site=seed.site,
            body=response.body,
            content_type=content_type,
            declared_canonical=self._declared_canonical(seed, response),
            rules=dict(seed.rules),
            since=since.isoformat() if since else None,
            fetched_at=response.meta.get("newscrawl_fetched_at")
            or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    # -- helpers ------------------------------------------------------------------------

    def _article_requests(
        self, seed: Seed, links: list[Link] | tuple[Link, ...], *, count_off_pattern: bool = True
    ) -> Iterator[Request]:
        for link in links:
            url = canonical_url(self.origins.remap(link.url))
            if not self._in_scope(seed, url):
                self._inc("newscrawl/skipped/offsite")
                continue
            if not matches_article(url, seed.allow, seed.deny):
                if count_off_pattern:
                    self._inc("newscrawl/skipped/not_article_url")
                continue
            if self._too_old(seed, link):
                self._inc("newscrawl/skipped/too_old")
                continue
            request = self._request(url, seed, self.parse_article, "article", canonical=False)
            if request.url == url:
                request.meta[META_CANONICAL] = url  # parse_article need not work it out again
            yield request

    def _request(
        self, url: str, seed: Seed, callback: Any, role: str, *, canonical: bool = True
    ) -> Request:
        target = self.origins.remap(url)
        if canonical:
            target = canonical_url(target)
        return Request(
            target,
            callback=callback,
            errback=self.on_error,
            meta={META_SITE: seed.site, META_ROLE: role},
        )

    def on_error(self, failure: Failure) -> None:
        """A request that failed for good: one log line and a ``newscrawl/failed/...`` count."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        response = getattr(failure.value, "response", None)
        kind = f"http_{response.status}" if response is not None else type(failure.value).__name__
        self._inc(f"newscrawl/failed/{kind}")
        self.logger.warning("Failed %s (%s): %s", url, kind, failure.getErrorMessage())
        if self.shared and request is not None:
            release = getattr(self.crawler.engine.scheduler, "output_done", None)
            if release is not None:
                release(request)  # a failed request is done: its lease can go

    def _seed(self, response: Response) -> Seed:
        site = response.meta.get(META_SITE)
        if site in self.seeds:
            return self.seeds[site]
        if len(self.seeds) == 1:
            return next(iter(self.seeds.values()))
        raise KeyError(f"response {response.url} has no known site in meta[{META_SITE!r}]")

    def _since(self, seed: Seed) -> date | None:
        return self._since_override or seed.since

    def _too_old(self, seed: Seed, link: Link) -> bool:
        since = self._since(seed)
        return bool(since and link.published and link.published < since)

    def _scope(self, seed: Seed) -> tuple[frozenset[str], tuple[str, ...]]:
        """(mapped netlocs, unmapped domains) of a seed, for :meth:`_in_scope`."""
        netlocs: set[str] = set()
        domains: list[str] = []
        for domain in seed.domains:
            mapped = self.origins.remap(f"http://{domain}/")
            if mapped != f"http://{domain}/":
                netlocs.add(urlsplit(mapped).netloc)
                continue
            domains.append(domain)
        for _, url in seed.start_urls():
            mapped = self.origins.remap(url)
            if mapped != url:
                netlocs.add(urlsplit(mapped).netloc)
        return frozenset(netlocs), tuple(domains)

    def _in_scope(self, seed: Seed, url: str) -> bool:
        parts = urlsplit(url)
        netlocs, domains = self._scopes[seed.site]
        if parts.netloc in netlocs:
            return True
        host = parts.hostname or ""
        return any(host == d or host.endswith("." + d) for d in domains)

    def _declared_canonical(self, seed: Seed, response: Response) -> str | None:
        match = _CANONICAL.search(response.body, 0, 200_000)
        href = _HREF.search(match.group(0)) if match else None
        if not href:
            return None
        url = self.origins.remap(urljoin(response.url, href.group(1).decode("utf-8", "replace")))
        return canonical_url(url) if self._in_scope(seed, url) else None

    def _inc(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)


def _content_type(response: Response) -> str | None:
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None
