"""Build one fixture site: routes (path -> response) from ``fixtures/site/<site>/site.toml``.

Vocabulary of ``site.toml`` (one ``[[page]]`` table per URL):

``path``       URL path (and query) on the site; must match the seed's article patterns
``file``       body, relative to the site folder (``{{BASE}}`` becomes the site's origin)
``in``         where the URL is published: ``sitemap`` (a sitemap in the index),
               ``sitemap_gz`` (a gzipped sitemap in the index), ``news_sitemap``, ``feed``,
               ``listing`` (first listing page), ``listing2`` (second listing page)
``serve``      ``file`` (default), ``status`` (with ``status``), ``flaky`` (500 once, then the
               file), ``redirect`` (301 to ``to``), ``slow`` (no answer until the server stops),
               ``oversized`` (a 1.5 MiB page)
``expect``     what the crawl must make of it: ``ok``, ``rejected:<reason>``, ``redirect``,
               ``http_error``, ``timeout``, ``too_large``, ``not_html``, ``not_article``,
               ``disallowed``
``dup_group``  pages carrying the same story: exactly one record per group
``date``, ``title``, ``feed_query``, ``content_type``: as named.

Top-level keys: ``feed_format`` (``rss``/``atom``), ``listing_page2`` (suffix of the second
listing page's URL, default ``?page=2``), ``html_path`` (where pages from
``fixtures/html/<site>/*.html`` are served, with ``{stem}`` and ``{n}``; they are added to the
regular sitemap with ``expect = "fetched"``).
"""

from __future__ import annotations

import gzip
import html
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.seeds import Seed, load_seed

ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = ROOT / "fixtures" / "site"
HTML_DIR = ROOT / "fixtures" / "html"
SEEDS_DIR = ROOT / "seeds"
DISALLOWED_PREFIX = "/private/"
OVERSIZED_BYTES = 1_500_000


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    file: str | None = None
    links: tuple[str, ...] = ()
    serve: str = "file"
    status: int = 200
    to: str | None = None
    date: str | None = None
    title: str | None = None
    feed_query: str | None = None
    content_type: str | None = None
    expect: str = "ok"
    dup_group: str | None = None


@dataclass(frozen=True, slots=True)
class Route:
    """What the server answers for one path."""

    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    serve: str = "file"  # file | flaky | redirect | slow
    location: str | None = None


@dataclass(slots=True)
class SiteSpec:
    name: str
    seed: Seed
    pages: list[Page]
    feed_format: str = "rss"
    listing_page2: str = "?page=2"
    html_path: str | None = None
    folder: Path = field(default_factory=Path)


def load_site(name: str, site_dir: Path = SITE_DIR, seeds_dir: Path = SEEDS_DIR) -> SiteSpec:
    folder = site_dir / name
    raw = tomllib.loads((folder / "site.toml").read_text(encoding="utf-8"))
    pages = [
        Page(
            path=p["path"],
            file=p.get("file"),
            links=tuple(p.get("in", ())),
            serve=p.get("serve", "file"),
            status=int(p.get("status", 200)),
            to=p.get("to"),
            date=p.get("date"),
            title=p.get("title"),
            feed_query=p.get("feed_query"),
            content_type=p.get("content_type"),
            expect=p.get("expect", "ok"),
            dup_group=p.get("dup_group"),
        )
        for p in raw.get("page", [])
    ]
    spec = SiteSpec(
        name=name,
        seed=load_seed(seeds_dir / f"{name}.toml"),
        pages=pages,
        feed_format=raw.get("feed_format", "rss"),
        listing_page2=raw.get("listing_page2", "?page=2"),
        html_path=raw.get("html_path"),
        folder=folder,
    )
    spec.pages.extend(_extra_html_pages(spec))
    return spec


def site_names(site_dir: Path = SITE_DIR) -> list[str]:
    return sorted(p.parent.name for p in site_dir.glob("*/site.toml"))


def _extra_html_pages(spec: SiteSpec) -> list[Page]:
    """Pages another helper writes under fixtures/html/<site>/, served when present."""
    folder = HTML_DIR / spec.name
    if not spec.html_path or not folder.is_dir():
        return []
    pages = []
    for n, path in enumerate(sorted(folder.glob("*.html")), start=1):
        stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or f"page-{n}"
        pages.append(
            Page(
                path=spec.html_path.format(stem=stem, n=n),
                file=str(path),
                links=("sitemap",),
                expect="fetched",
            )
        )
    return pages


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _body(spec: SiteSpec, page: Page, base: str) -> bytes:
    if page.serve == "oversized":
        para = "<p>" + "A very long page that no crawler should download whole. " * 20 + "</p>\n"
        head = "<!DOCTYPE html><html><head><title>Longest page</title></head><body><article>"
        body = head + para * (OVERSIZED_BYTES // len(para) + 1) + "</article></body></html>"
        return body.encode()
    if page.file is None:
        return b""
    data = (spec.folder / page.file).read_bytes()
    return data.replace(b"{{BASE}}", base.encode())


def build_site(spec: SiteSpec, base: str) -> dict[str, Route]:
    """All routes of the site served at ``base`` (``http://127.0.0.1:PORT``)."""
    seed = spec.seed
    routes: dict[str, Route] = {}
    by_link: dict[str, list[Page]] = {}
    for page in spec.pages:
        for link in page.links:
            by_link.setdefault(link, []).append(page)
        routes[page.path] = _page_route(spec, page, base)

    xml = "application/xml; charset=utf-8"
    # robots.txt: a disallowed path, and the sitemaps
    robots = [
        "User-agent: *",
        f"Disallow: {DISALLOWED_PREFIX}",
        "Disallow: /search",
        "",
        "User-agent: BadBot",
        "Disallow: /",
        "",
    ]
    robots += [f"Sitemap: {base}{_path(u)}" for u in (*seed.sitemaps, *seed.news_sitemaps)]
    routes["/robots.txt"] = Route(content_type="text/plain", body="\n".join(robots).encode())

    # news sitemap: the seed's own, or a child of the sitemap index
    news_path = _path(seed.news_sitemaps[0]) if seed.news_sitemaps else "/fixture-sitemaps/news.xml"
    routes[news_path] = Route(
        content_type=xml, body=_urlset(base, by_link.get("news_sitemap", []), spec, news=True)
    )
    # sitemap index -> regular sitemap (+ gzipped sitemap) (+ news sitemap)
    children = ["/fixture-sitemaps/articles.xml"]
    routes[children[0]] = Route(
        content_type=xml, body=_urlset(base, by_link.get("sitemap", []), spec)
    )
    if by_link.get("sitemap_gz"):
        children.append("/fixture-sitemaps/articles-2.xml.gz")
        routes[children[-1]] = Route(
            content_type="application/x-gzip",
            body=gzip.compress(_urlset(base, by_link["sitemap_gz"], spec), mtime=0),
        )
    if not seed.news_sitemaps:
        children.append(news_path)
    index_path = _path(seed.sitemaps[0]) if seed.sitemaps else "/sitemap-index.xml"
    routes[index_path] = Route(content_type=xml, body=_sitemap_index(base, children))

    # feed
    if seed.feeds:
        entries = by_link.get("feed", [])
        if spec.feed_format == "atom":
            body = _atom(base, entries, spec)
            ctype = "application/atom+xml; charset=utf-8"
        else:
            body = _rss(base, entries, spec)
            ctype = "application/rss+xml; charset=utf-8"
        routes[_path(seed.feeds[0])] = Route(content_type=ctype, body=body)

    # listing pages with pagination
    for i, listing in enumerate(seed.listings):
        first = _path(listing)
        second = first + spec.listing_page2
        page1 = by_link.get("listing", []) if i == 0 else []
        page2 = by_link.get("listing2", []) if i == 0 else []
        routes[first] = Route(body=_listing(base, spec, page1, next_path=second, page=1))
        routes[second] = Route(body=_listing(base, spec, page2, next_path=None, page=2))
    return routes


def _page_route(spec: SiteSpec, page: Page, base: str) -> Route:
    if page.serve == "redirect":
        return Route(status=301, serve="redirect", location=f"{base}{page.to}")
    if page.serve == "slow":
        return Route(serve="slow")
    ctype = page.content_type or "text/html; charset=utf-8"
    status = page.status if page.serve == "status" else 200
    return Route(status=status, content_type=ctype, body=_body(spec, page, base), serve=page.serve)


def _title(page: Page) -> str:
    return page.title or page.path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").capitalize()


def _urlset(base: str, pages: list[Page], spec: SiteSpec, *, news: bool = False) -> bytes:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {ns}>"]
    for page in pages:
        out.append(f"  <url><loc>{html.escape(base + page.path)}</loc>")
        if page.date and not news:
            out.append(f"    <lastmod>{page.date}T08:00:00+00:00</lastmod>")
        if news:
            out.append(
                "    <news:news><news:publication>"
                f"<news:name>{html.escape(spec.seed.name)}</news:name>"
                "<news:language>en</news:language></news:publication>"
                f"<news:publication_date>{page.date or '2021-09-01'}T08:00:00+00:00"
                "</news:publication_date>"
                f"<news:title>{html.escape(_title(page))}</news:title></news:news>"
            )
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out).encode()


def _sitemap_index(base: str, children: list[str]) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    out += [
        f"  <sitemap><loc>{html.escape(base + c)}</loc>"
        "<lastmod>2021-09-27T08:00:00+00:00</lastmod></sitemap>"
        for c in children
    ]
    out.append("</sitemapindex>")
    return "\n".join(out).encode()


def _rfc822(day: str | None) -> str:
    from datetime import datetime

    when = datetime.fromisoformat(day or "2021-09-01")
    return when.strftime("%a, %d %b %Y 08:00:00 +0000")


def _rss(base: str, pages: list[Page], spec: SiteSpec) -> bytes:
    items = []
    for page in pages:
        link = base + page.path + (f"?{page.feed_query}" if page.feed_query else "")
        items.append(
            f"<item><title>{html.escape(_title(page))}</title>"
            f"<link>{html.escape(link)}</link>"
            f'<guid isPermaLink="false">{html.escape(page.path)}</guid>'
            f"<pubDate>{_rfc822(page.date)}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{html.escape(spec.seed.name)}</title><link>{base}/</link>"
        f"<description>Latest news</description>{''.join(items)}</channel></rss>"
    ).encode()


def _atom(base: str, pages: list[Page], spec: SiteSpec) -> bytes:
    entries = []
    for page in pages:
        link = base + page.path + (f"?{page.feed_query}" if page.feed_query else "")
        entries.append(
            f"<entry><title>{html.escape(_title(page))}</title>"
            f'<link rel="alternate" type="text/html" href="{html.escape(link)}"/>'
            f"<id>{html.escape(base + page.path)}</id>"
            f"<updated>{page.date or '2021-09-01'}T08:00:00Z</updated></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(spec.seed.name)}</title><id>{base}/</id>"
        f"<updated>2021-09-27T08:00:00Z</updated>{''.join(entries)}</feed>"
    ).encode()


def _listing(
    base: str, spec: SiteSpec, pages: list[Page], *, next_path: str | None, page: int
) -> bytes:
    teasers = "\n".join(
        f'<li class="teaser"><a href="{html.escape(base + p.path)}">'
        f"{html.escape(_title(p))}</a></li>"
        for p in pages
    )
    nav = "".join(f'<li><a href="{base}/section/{i}/">Section {i}</a></li>' for i in range(5))
    head_next = f'<link rel="next" href="{html.escape(base + next_path)}">' if next_path else ""
    body_next = (
        f'<a class="pager-next" rel="next" href="{html.escape(base + next_path)}">Next page</a>'
        if next_path
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(spec.seed.name)}: latest news, page {page}</title>"
        f'<meta property="og:type" content="website">{head_next}</head><body>'
        f'<header><a href="{base}/">{html.escape(spec.seed.name)}</a><nav><ul>{nav}</ul></nav>'
        f'</header><main><h1>Latest news</h1><ul class="teasers">{teasers}</ul>{body_next}'
        f'</main><footer><a href="{base}/about/">About us</a>'
        f'<a href="mailto:news@example.org">Contact</a></footer></body></html>'
    ).encode()
