"""The ``news`` spider: ``scrapy crawl news -a site=NAME`` (or ``-a site=all``).

It reads ``seeds/<site>.toml``, starts from the seed's sitemaps, news sitemaps, feeds and
listing pages, and follows only article URLs (the seed's allow/deny patterns). Article pages
that are HTML and do not declare another page type become :class:`PageItem`; the pipelines
clean, filter and de-duplicate them.

Spider arguments: ``site`` (a seed name, a comma-separated list, or ``all``) and ``since``
(optional ISO date or ``7d``; overrides the seeds' ``since``).

A site without a seed: ``-a start=https://example.com/`` (optionally ``-a allow=REGEX``) finds
the site's sitemaps (robots.txt ``Sitemap:`` lines, ``/sitemap.xml``), the feeds its home page
announces and its section pages (:mod:`newscrawl.discovery.site`), stays on the start URL's
registered domain, and, without ``allow``, keeps a fetched page only when the page shows it is
an article (:func:`newscrawl.pagetype.article_evidence`). ``-a sample=N`` takes at most N
article links from each sitemap, feed or listing page (``newscrawl seed new`` uses it), and
the setting ``DISCOVERY_PATH`` writes what was found as JSON when the crawl ends.

Given pages: ``urls`` (a list, or URLs separated by white space; ``newscrawl get``) fetches
just those pages, each with the seed whose domains cover it (its rule pack), else as a site
without a seed; the page-type gate is not applied (the cleaner decides).

With ``REDIS_URL`` set (README "Scaling out") the spider does not schedule its seeds itself:
it reads the start points that ``newscrawl seed-push`` put in Redis (``site`` then only says
which seed files to load, default ``all``), and the queue, the duplicate filter and the
de-duplication sets are shared by every crawler on that Redis (:mod:`newscrawl.cluster`).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from newscrawl.cluster import settings as cluster_settings
from newscrawl.discovery import Link
from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.listings import parse_listing
from newscrawl.discovery.site import (
    discovery_seed,
    feed_links,
    has_non_article_segment,
    is_page_url,
    looks_like_article_url,
    section_links,
    site_key,
)
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.items import PageItem
from newscrawl.pagetype import article_evidence, is_article_page, is_html
from newscrawl.seeds import START_KINDS, Seed, SeedError, load_seeds, parse_since
from newscrawl.urls import OriginMap, canonical_url, matches_article

META_SITE = "newscrawl_site"
META_ROLE = "newscrawl_role"
META_PAGE = "newscrawl_page"
META_SITEMAP_DEPTH = "newscrawl_sitemap_depth"  # sitemap indexes followed to reach this one
META_CANONICAL = "newscrawl_canonical"  # the request's URL is already canonical
META_GIVEN = "newscrawl_given"  # a page named by the user (get): no page-type gate
META_GUESS = "newscrawl_guess"  # a start point guessed (/sitemap.xml): missing is no error
META_SOURCE = "newscrawl_source"  # the discovery page an article link was found on

_CANONICAL = re.compile(rb"""<link\b[^>]*?rel\s*=\s*["']?canonical["']?[^>]*>""", re.IGNORECASE)
_HREF = re.compile(rb"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


class NewsSpider(Spider):
    name = "news"

    def __init__(
        self,
        site: str | None = None,
        since: str | None = None,
        start: str | None = None,
        allow: str | None = None,
        urls: str | Iterable[str] | None = None,
        sample: str | int | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.site = site or ""
        self.start_url = (start or "").strip() or None
        self.allow_arg = allow
        self.given_urls = _url_list(urls)
        if self.start_url and self.given_urls:
            raise ValueError("news spider: give start= (a site to discover) or urls=, not both")
        if (self.start_url or self.given_urls) and self.site:
            raise ValueError("news spider: site= names seed files; start=/urls= need none")
        for url in [self.start_url or "", *self.given_urls]:
            if url and urlsplit(url).scheme not in ("http", "https"):
                raise ValueError(f"news spider: {url!r} is not an absolute http(s) URL")
        self.sample = int(sample or 0)  # article links taken per discovery page (0: all)
        # Hosts the user named (start=, urls=): their own choice, like the origin map's.
        self.user_hosts = {
            (urlsplit(u).hostname or "").lower() for u in [self.start_url or "", *self.given_urls]
        } - {""}
        # What discovery found, by kind (DISCOVERY_PATH, newscrawl seed new).
        self.found: dict[str, list[str]] = {
            k: [] for k in (*START_KINDS, "articles", "not_articles", "failed")
        }
        self.outcomes: dict[str, str] = {}  # given URL -> why it gave no page (get)
        self.site_names: dict[str, str] = {}  # og:site_name of a discovered site's home page
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
        """Load the seeds named by ``-a site=`` (or make one for ``start=``/``urls=``) and
        derive the allowed domains."""
        self.origins = OriginMap(origin_map)
        if self.start_url:
            allow = (re.compile(self.allow_arg),) if self.allow_arg else ()
            seed = discovery_seed(self.start_url, allow)
            self.seeds = {seed.site: seed}
        elif self.given_urls:
            self.seeds = self._seeds_for_urls(self.given_urls, seeds_dir)
        else:
            self.seeds = {seed.site: seed for seed in load_seeds(self.site, seeds_dir)}
        # The hosts the start points are fetched from too: an origin map may name a host
        # (www.example.com) where the seed names its registered domain.
        starts = [u for seed in self.seeds.values() for _, u in seed.start_urls()]
        named = {
            urlsplit(self.origins.remap(u)).hostname or ""
            for u in [self.start_url or "", *self.given_urls, *starts]
            if u
        }
        self.allowed_domains = sorted(
            {self.origins.domain(d) for seed in self.seeds.values() for d in seed.domains}
            | (named - {""})
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
        if self.given_urls:
            for url in self.given_urls:
                seed = self._seed_of_url(url)
                request = self._request(url, seed, self.parse_article, "article")
                request.meta[META_GIVEN] = url
                request.meta[META_CANONICAL] = request.url
                yield request
            return
        if self.start_url:
            for request in self._discovery_requests(
                next(iter(self.seeds.values())), self.start_url
            ):
                yield request
            return
        for seed in self.seeds.values():
            for kind, url in seed.start_urls():
                yield self._start_request(seed, kind, url)

    def _discovery_requests(self, seed: Seed, start: str) -> Iterator[Request]:
        """A site without a seed: robots.txt (its Sitemap: lines), /sitemap.xml, the home page
        (its feeds, sections and article links)."""
        for path, callback, role in (
            ("/robots.txt", self.parse_robots, "robots"),
            ("/sitemap.xml", self.parse_sitemap, "sitemap"),
        ):
            request = self._request(urljoin(start, path), seed, callback, role)
            request.meta[META_GUESS] = True
            request.errback = self.on_discovery_error
            yield request
        home = self._request(start, seed, self.parse_home, "listing", canonical=False)
        home.errback = self.on_discovery_error
        yield home

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

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """robots.txt of a site without a seed: its ``Sitemap:`` lines (Scrapy's reader, as
        in its SitemapSpider)."""
        seed = self._seed(response)
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            remapped = self.origins.remap(url)
            if self._in_scope(seed, remapped):
                self._inc("newscrawl/discovered/robots_sitemap")
                yield self._request(remapped, seed, self.parse_sitemap, "sitemap")

    def parse_home(self, response: Response) -> Iterator[Request]:
        """The home page of a site without a seed: the feeds it announces, its sections and,
        as a listing itself, its article links."""
        seed = self._seed(response)
        if not is_html(_content_type(response), response.body):
            self._inc("newscrawl/invalid/listing")
            return
        selector = Selector(text=response.text)
        name = selector.xpath("//meta[@property='og:site_name']/@content").get()
        if name and name.strip():
            self.site_names[seed.site] = name.strip()
        for url in feed_links(selector, response.url):
            remapped = self.origins.remap(url)
            if self._in_scope(seed, remapped):
                self._inc("newscrawl/discovered/home_feed")
                yield self._request(remapped, seed, self.parse_feed, "feed")
        for url in section_links(
            selector, response.url, lambda u: self._in_scope(seed, self.origins.remap(u))
        ):
            self._inc("newscrawl/discovered/home_section")
            request = self._request(self.origins.remap(url), seed, self.parse_listing, "listing")
            request.meta[META_PAGE] = 1
            yield request
        yield from self.parse_listing(response, selector=selector)

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
            if not depth:
                self._found("sitemaps", response.url)  # one a seed can start from
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
        if sitemap.news:
            self._found("news_sitemaps", response.url)
        elif not response.meta.get(META_SITEMAP_DEPTH):
            self._found("sitemaps", response.url)
        yield from self._article_requests(seed, sitemap.links, source=response.url)

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
        self._found("feeds", response.url)
        yield from self._article_requests(seed, links, source=response.url)

    def parse_listing(
        self, response: Response, selector: Selector | None = None
    ) -> Iterator[Request]:
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
        selector = selector or Selector(text=response.text)
        found = parse_listing(selector, response.url, seed.listing_next)
        self._inc("newscrawl/discovered/listing", len(found.links))
        requests = list(
            self._article_requests(seed, found.links, count_off_pattern=False, source=response.url)
        )
        if requests and response.meta.get(META_ROLE) == "listing":
            self._found("listings", response.url)
        yield from requests
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
        given = response.meta.get(META_GIVEN)
        if not is_html(content_type, response.body):
            self._inc("newscrawl/skipped/not_html")
            if given:
                self.outcomes[given] = f"not HTML ({content_type or 'no Content-Type'})"
            return
        if given:
            pass  # a page the user asked for: the cleaner decides what it is
        elif not seed.allow:
            # No URL patterns (a site without a seed): the page must show it is an article.
            evidence = article_evidence(response.body, response.url)
            if evidence is None:
                self._inc("newscrawl/skipped/not_article")
                self._found("not_articles", response.url)
                return
            self._inc(f"newscrawl/article_evidence/{evidence}")
        elif not is_article_page(response.body):
            self._inc("newscrawl/skipped/not_article")
            return
        self._inc("newscrawl/article_pages")
        self._found("articles", response.url)
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
        self,
        seed: Seed,
        links: list[Link] | tuple[Link, ...],
        *,
        count_off_pattern: bool = True,
        source: str | None = None,
    ) -> Iterator[Request]:
        taken = 0
        for link in links:
            url = canonical_url(self.origins.remap(link.url))
            if not self._in_scope(seed, url):
                self._inc("newscrawl/skipped/offsite")
                continue
            if not self._article_url(seed, url, listed=not count_off_pattern):
                if count_off_pattern:
                    self._inc("newscrawl/skipped/not_article_url")
                continue
            if self._too_old(seed, link):
                self._inc("newscrawl/skipped/too_old")
                continue
            if self.sample and taken >= self.sample:
                self._inc("newscrawl/skipped/sample_limit")
                continue
            taken += 1
            request = self._request(url, seed, self.parse_article, "article", canonical=False)
            if request.url == url:
                request.meta[META_CANONICAL] = url  # parse_article need not work it out again
            if source:
                request.meta[META_SOURCE] = source
            yield request

    def _article_url(self, seed: Seed, url: str, *, listed: bool) -> bool:
        """Whether to fetch ``url`` as an article: the seed's patterns; without any, no file or
        non-article path, and on a listing page (menus, footers) a URL that looks like an
        article's (:func:`newscrawl.discovery.site.looks_like_article_url`)."""
        if seed.allow:
            return matches_article(url, seed.allow, seed.deny)
        if listed:
            return looks_like_article_url(url)
        return is_page_url(url) and not has_non_article_segment(url)

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
        if request is not None and request.meta.get(META_GIVEN):
            self.outcomes[request.meta[META_GIVEN]] = f"{kind}: {failure.getErrorMessage()}"
        self.logger.warning("Failed %s (%s): %s", url, kind, failure.getErrorMessage())
        if self.shared and request is not None:
            release = getattr(self.crawler.engine.scheduler, "output_done", None)
            if release is not None:
                release(request)  # a failed request is done: its lease can go

    def on_discovery_error(self, failure: Failure) -> None:
        """A guessed start point (robots.txt, /sitemap.xml) that is missing is no error."""
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get(META_GUESS):
            response = getattr(failure.value, "response", None)
            kind = (
                f"http_{response.status}" if response is not None else type(failure.value).__name__
            )
            self._inc(f"newscrawl/discovery/missing/{kind}")
            self.logger.info("No %s: %s (%s)", request.meta.get(META_ROLE), request.url, kind)
            return
        self.on_error(failure)

    def closed(self, reason: str) -> None:
        """``DISCOVERY_PATH``: write what discovery found (real URLs, origin map undone)."""
        path = self.settings.get("DISCOVERY_PATH")
        if not path:
            return
        seed = next(iter(self.seeds.values())) if len(self.seeds) == 1 else None
        report = {
            "start": self.start_url,
            "site": seed.site if seed else None,
            "domains": list(seed.domains) if seed else [],
            "site_name": self.site_names.get(seed.site) if seed else None,
            "finish_reason": reason,
            **{kind: [self.origins.unmap(u) for u in urls] for kind, urls in self.found.items()},
        }
        with open(path, "w", encoding="utf-8") as out:
            json.dump(report, out, ensure_ascii=False, indent=1)

    def _found(self, kind: str, url: str) -> None:
        urls = self.found[kind]
        if url not in urls:
            urls.append(url)

    def _seeds_for_urls(self, urls: list[str], seeds_dir: str | None) -> dict[str, Seed]:
        """Given pages: the seed files covering their hosts (their rule packs), else a seed
        made for the page's registered domain."""
        try:
            known = load_seeds("all", seeds_dir)
        except SeedError as exc:
            self.logger.warning("Seed files not used: %s", exc)
            known = []
        seeds: dict[str, Seed] = {}
        self._url_seeds: dict[str, str] = {}
        for url in urls:
            host = (urlsplit(url).hostname or "").lower()
            seed = next(
                (s for s in known if any(host == d or host.endswith("." + d) for d in s.domains)),
                None,
            )
            if seed is None:
                seed = discovery_seed(url)
            seeds.setdefault(seed.site, seed)
            self._url_seeds[url] = seed.site
        return seeds

    def _seed_of_url(self, url: str) -> Seed:
        return self.seeds[self._url_seeds.get(url) or site_key(url)]

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
        named = [self.start_url or ""] + [
            u for u in self.given_urls if getattr(self, "_url_seeds", {}).get(u) == seed.site
        ]
        for url in [u for _, u in seed.start_urls()] + [u for u in named if u]:
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


def _url_list(urls: str | Iterable[str] | None) -> list[str]:
    """``urls=`` as a list, or URLs separated by white space; in order, without repeats."""
    if not urls:
        return []
    items = urls.split() if isinstance(urls, str) else [u.strip() for u in urls]
    return list(dict.fromkeys(u for u in items if u))


def _content_type(response: Response) -> str | None:
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None
