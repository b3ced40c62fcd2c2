"""A news site with no seed file, for the discovery tests: ``www.harbourgazette.com``.

Served by :class:`tests.sitegen.RouteServer` (``RouteServer("harbourgazette", make_routes)``).
Its articles are fixture pages of the seed sites (``fixtures/site/*/pages``), each served at one
URL with its markup changed so that one kind of evidence says "article": ``og:type`` only,
JSON-LD only, or only the date in the URL. Nothing names the site's start points but the site:
robots.txt names a sitemap index (not at ``/sitemap.xml``, which is missing), the home page
announces an RSS feed and links its sections in ``<nav>``.

:data:`PAGES` says what a crawl from the home page must make of every URL.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from tests.sitegen.site import SITE_DIR, Route

HOST = "www.harbourgazette.com"
START = f"https://{HOST}/"
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True, slots=True)
class SitePage:
    path: str
    file: str | None  # fixtures/site/<file>; None: a generated page
    evidence: str  # og_type | json_ld | url_date | none (the page's markup)
    found_in: str  # news_sitemap | sitemap | feed | home | section:<path>
    expect: str  # record | not_article | not_fetched | disallowed | offsite


PAGES = (
    SitePage(
        "/news/mena/2021/09/19/water-ministers-meet-in-amman-to-plan-for-a-fourth-dry-winter/",
        "thenational/pages/water-ministers-amman.html",
        "og_type",
        "news_sitemap",
        "record",
    ),
    SitePage(
        "/news/uae/2021/09/22/dubai-metro-ridership-passes-pre-pandemic-levels/",
        "thenational/pages/dubai-metro-ridership.html",
        "json_ld",
        "news_sitemap",
        "record",
    ),
    SitePage(
        "/private/2021/09/27/embargoed-story-not-for-crawlers/",
        "thenational/pages/abu-dhabi-library-reopens.html",
        "og_type",
        "news_sitemap",
        "disallowed",
    ),
    SitePage(
        "/news/uae/2015/10/23/abu-dhabi-library-reopens-after-renovation/",
        "thenational/pages/abu-dhabi-library-reopens.html",
        "url_date",
        "sitemap",
        "record",
    ),
    SitePage(
        "/news/uae/2021/09/24/live-updates-expo-week/",
        "thenational/pages/live-index.html",
        "none",
        "sitemap",
        "not_article",
    ),
    SitePage("/about/", None, "none", "sitemap", "not_fetched"),
    SitePage("/tags/harbour/", None, "none", "sitemap", "not_fetched"),
    SitePage(
        # a percent-encoded slug (’), announced by the feed
        "/arts-culture/books/2021/09/18/sharjah%E2%80%99s-book-fair-names-its-guest-of-honour/",
        "thenational/pages/sharjah-book-fair-guest.html",
        "og_type",
        "feed",
        "record",
    ),
    SitePage(
        "/archives/2016/10/olive-presses-in-rural-idlib-start-the-season-early/",
        "enabbaladi/pages/idlib-olive-press.html",
        "og_type",
        "home",
        "record",
    ),
    SitePage(
        # no date, no id: a headline slug, linked from a section page; JSON-LD says "article"
        "/local/amman-bus-rapid-transit-line-adds-evening-services",
        "jordantimes/pages/amman-bus-evening-services.html",
        "json_ld",
        "section:/local/",
        "record",
    ),
    SitePage(
        # looks like an article's URL, but the page shows nothing of one
        "/local/port-authority-board-publishes-meeting-minutes",
        None,
        "none",
        "section:/local/",
        "not_article",
    ),
    SitePage("/local/contact-desk", None, "none", "section:/local/", "not_fetched"),
)

OFFSITE = "https://elsewhere.example.org/news/2021/09/20/a-story-on-another-site/"


def record_paths() -> set[str]:
    return {p.path for p in PAGES if p.expect == "record"}


def _strip(markup: str, pattern: str) -> str:
    return re.sub(pattern, "", markup, flags=re.IGNORECASE)


def _article(page: SitePage, base: str) -> bytes:
    assert page.file is not None
    markup = (SITE_DIR / page.file).read_text(encoding="utf-8").replace("{{BASE}}", base)
    url = base + page.path
    markup = re.sub(r'(<link rel="canonical" href=")[^"]*', rf"\g<1>{url}", markup)
    markup = re.sub(r'(<meta property="og:url" content=")[^"]*', rf"\g<1>{url}", markup)
    markup = _strip(markup, r'<meta property="og:site_name"[^>]*>')
    if page.evidence in ("json_ld", "url_date"):
        markup = _strip(markup, r'<meta property="og:type"[^>]*>')
        markup = _strip(markup, r'<meta property="article:published_time"[^>]*>')
    if page.evidence == "json_ld":
        title = re.search(r"<h1>(.*?)</h1>", markup)
        ld = (
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "NewsArticle", "headline": "{title.group(1) if title else ""}"}}</script>'
        )
        markup = markup.replace("</head>", f"{ld}\n</head>", 1)
    return markup.encode()


def _plain(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><h1>{title}</h1><p>{body}</p></body></html>"
    ).encode()


def _urlset(base: str, paths: list[str], *, news: bool) -> bytes:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {ns}>"]
    for path in paths:
        extra = (
            "<news:news><news:publication><news:name>Harbour Gazette</news:name>"
            "<news:language>en</news:language></news:publication>"
            "<news:publication_date>2021-09-22T08:00:00+00:00</news:publication_date>"
            "<news:title>A story</news:title></news:news>"
            if news
            else ""
        )
        out.append(f"<url><loc>{html.escape(base + path)}</loc>{extra}</url>")
    out.append("</urlset>")
    return "\n".join(out).encode()


def make_routes(base: str) -> dict[str, Route]:
    routes: dict[str, Route] = {}
    for page in PAGES:
        if page.file:
            routes[page.path] = Route(body=_article(page, base))
        else:
            routes[page.path] = Route(body=_plain(page.path.strip("/"), "Information."))
    routes["/robots.txt"] = Route(
        content_type="text/plain",
        body=(
            f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}/sitemaps/index.xml\n"
        ).encode(),
    )
    routes["/sitemaps/index.xml"] = Route(
        content_type=XML,
        body=(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemaps/news.xml</loc></sitemap>"
            f"<sitemap><loc>{base}/sitemaps/pages.xml</loc></sitemap></sitemapindex>"
        ).encode(),
    )
    by_source: dict[str, list[str]] = {}
    for page in PAGES:
        by_source.setdefault(page.found_in, []).append(page.path)
    routes["/sitemaps/news.xml"] = Route(
        content_type=XML, body=_urlset(base, by_source["news_sitemap"], news=True)
    )
    routes["/sitemaps/pages.xml"] = Route(
        content_type=XML, body=_urlset(base, by_source["sitemap"], news=False)
    )
    items = "".join(
        f"<item><title>A story</title><link>{html.escape(base + p)}</link></item>"
        for p in by_source["feed"]
    )
    routes["/feeds/latest.rss"] = Route(
        content_type="application/rss+xml",
        body=(
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Harbour Gazette</title><link>{base}/</link>{items}</channel></rss>"
        ).encode(),
    )
    home_links = "".join(
        f'<li><a href="{html.escape(base + p)}">A story</a></li>' for p in by_source["home"]
    )
    routes["/"] = Route(
        body=(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>Harbour Gazette: news from the waterfront</title>"
            '<meta property="og:type" content="website">'
            '<meta property="og:site_name" content="Harbour Gazette">'
            '<link rel="alternate" type="application/rss+xml" title="Latest" '
            f'href="{base}/feeds/latest.rss"></head><body>'
            f'<header><a href="{base}/">Harbour Gazette</a><nav><ul>'
            f'<li><a href="{base}/local/">Local</a></li>'
            f'<li><a href="{base}/about/">About us</a></li>'
            f'<li><a href="{base}/tags/harbour/">Harbour</a></li></ul></nav></header>'
            f"<main><h1>Latest</h1><ul>{home_links}"
            f'<li><a href="{OFFSITE}">Elsewhere</a></li></ul></main>'
            f'<footer><a href="{base}/about/">About</a></footer></body></html>'
        ).encode()
    )
    section = "/local/"
    teasers = "".join(
        f'<li><a href="{html.escape(base + p)}">A story</a></li>'
        for p in by_source[f"section:{section}"]
    )
    routes[section] = Route(
        body=(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Local</title>'
            '<meta property="og:type" content="website"></head><body>'
            f'<nav><a href="{base}/">Home</a></nav><main><ul>{teasers}</ul></main></body></html>'
        ).encode()
    )
    return routes
