"""Discovery of a site without a seed, without a network: which links look like articles,
which pages show they are articles, feeds and sections on a home page, registered domains,
and the patterns ``newscrawl seed new`` proposes (checked on the real URL shapes of the
shipped seeds)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from parsel import Selector

from newscrawl.discovery.site import (
    discovery_seed,
    feed_links,
    has_url_date,
    looks_like_article_url,
    registered_domain,
    section_links,
)
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.pagetype import article_evidence
from newscrawl.seedgen import draft_seed, infer_patterns, seed_name
from newscrawl.seeds import load_seed, load_seeds
from newscrawl.urls import OriginMap, matches_article


@pytest.mark.parametrize(
    ("url", "article"),
    [
        ("https://english.aawsat.com/arab-world/5128840-iraq-turns-drip-irrigation", True),
        ("https://english.ahram.org.eg/News/523861.aspx", True),
        ("https://english.enabbaladi.net/archives/2024/03/volunteers-in-idlib/", True),
        ("https://jordantimes.com/news/local/petra-records-busiest-first-quarter-decade", True),
        ("https://www.example.com/2024-05-01/harbour-opens", True),
        ("https://www.example.com/news/20240501/harbour", True),
        ("https://www.example.com/world/", False),
        ("https://www.example.com/news/local/page/2", False),
        ("https://www.example.com/tag/jordan-river-valley-water/", False),
        ("https://www.example.com/author/rama-al-hakim-senior-editor/", False),
        ("https://www.example.com/about-us", False),
        ("https://www.example.com/content/uploads/2024/05/harbour-view-at-night.jpg", False),
        ("https://www.example.com/", False),
        ("https://www.example.com/contact-the-news-desk-team", True),  # a slug: the page decides
    ],
)
def test_looks_like_article_url(url: str, article: bool) -> None:
    assert looks_like_article_url(url) is article


def test_url_dates() -> None:
    assert has_url_date("https://x.com/news/2021/09/19/a/")
    assert has_url_date("https://x.com/archives/2024/03/a/")  # WordPress: no day
    assert not has_url_date("https://x.com/news/2021/a")  # a year alone is no date
    assert not has_url_date("https://x.com/news/12345678/a")
    assert not has_url_date("https://x.com/page/2021/13/a")  # no month 13


HEAD = "<html><head>{}</head><body><h1>T</h1><p>Text.</p></body></html>"


@pytest.mark.parametrize(
    ("markup", "url", "evidence"),
    [
        ('<meta property="og:type" content="article">', "https://x.com/a", "og_type"),
        (
            '<script type="application/ld+json">{"@type": ["WebPage", "NewsArticle"]}</script>',
            "https://x.com/a",
            "json_ld",
        ),
        (
            '<meta property="article:published_time" content="2024-05-01">',
            "https://x.com/a",
            "published_meta",
        ),
        ("", "https://x.com/2024/05/01/a/", "url_date"),
        ("", "https://x.com/news/a-long-slug-with-words", None),
        # declares another type: no evidence, whatever the URL says
        ('<meta property="og:type" content="website">', "https://x.com/2024/05/01/live/", None),
        ('<meta property="og:type" content="video.other">', "https://x.com/a", None),
    ],
)
def test_article_evidence(markup: str, url: str, evidence: str | None) -> None:
    assert article_evidence(HEAD.format(markup).encode(), url) == evidence


HOME = """<html><head>
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://www.example.com/atom.xml">
<link rel="alternate" hreflang="ar" href="/ar/">
<link rel="stylesheet" type="text/css" href="/s.css">
</head><body>
<header><nav><ul>
 <li><a href="/">Home</a></li><li><a href="/world/">World</a></li>
 <li><a href="https://www.example.com/business/#top">Business</a></li>
 <li><a href="/world/">World again</a></li><li><a href="/tag/gaza/">Gaza</a></li>
 <li><a href="https://other.org/sport/">Sport elsewhere</a></li>
 <li><a href="/news/2024/05/01/a-story/">A story</a></li>
 <li><a href="mailto:x@example.com">Mail</a></li>
</ul></nav></header>
<div class="menu"><a href="/opinion">Opinion</a></div>
<main><a href="/culture/">Culture, not in a menu</a></main></body></html>"""


def test_feed_and_section_links() -> None:
    selector = Selector(text=HOME)
    base = "https://www.example.com/"
    assert feed_links(selector, base) == [
        "https://www.example.com/feed/",
        "https://www.example.com/atom.xml",
    ]
    seed = discovery_seed(base)
    assert seed.site == "example.com" and seed.domains == ("example.com",) and not seed.allow

    def on_site(url: str) -> bool:
        return (re.match(r"https?://([^/]+)", url) or ["", ""])[1].endswith("example.com")

    assert section_links(selector, base, on_site) == [
        "https://www.example.com/world/",
        "https://www.example.com/business/",
        "https://www.example.com/opinion",
    ]


def test_registered_domain_and_seed_name() -> None:
    assert registered_domain("https://www.thenationalnews.com/news/") == "thenationalnews.com"
    assert registered_domain("https://english.aawsat.com/") == "aawsat.com"
    assert registered_domain("https://www.bbc.co.uk/news") == "bbc.co.uk"
    assert registered_domain("http://127.0.0.1:8080/") == "127.0.0.1"
    assert seed_name("thenationalnews.com") == "thenationalnews"
    assert seed_name("127.0.0.1") == "127-0-0-1"


def test_news_sitemap_is_told_apart() -> None:
    news = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://x.com/a</loc>
    <news:news><news:publication_date>2024-05-01</news:publication_date></news:news></url></urlset>"""
    plain = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://x.com/a</loc></url></urlset>"""
    assert parse_sitemap(news).news is True  # type: ignore[union-attr]
    assert parse_sitemap(plain).news is False  # type: ignore[union-attr]


def test_origin_map_unmap() -> None:
    origins = OriginMap({"www.example.com": "http://127.0.0.1:9"})
    assert origins.unmap("http://127.0.0.1:9/a?b=1") == "https://www.example.com/a?b=1"
    assert origins.unmap("http://127.0.0.1:10/a") == "http://127.0.0.1:10/a"
    assert (
        origins.unmap(origins.remap("https://www.example.com/x/")) == "https://www.example.com/x/"
    )


# -- proposed patterns, on the real URL shapes of the shipped seeds ------------------------------

EXPECTED = {
    "aawsat": [r"^/[^/?#]+/\d+-[^/?#]+$"],
    "ahram": [r"^/NewsContent/\d+/\d+/\d+/[^/?#]+/[^/?#]+/[^/?#]+\.aspx$"],
    "enabbaladi": [r"^/archives/\d{4}/\d{2}/[^/?#]+/?$"],
    "jordantimes": [r"^/(?:news|opinion)/[^/?#]+/[^/?#]+$"],
    "thenational": [r"^/[^/?#]+/[^/?#]+/\d{4}/\d{2}/\d{2}/[^/?#]+/?$"],
}


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_inferred_patterns_from_real_article_urls(site: str) -> None:
    seed = next(s for s in load_seeds("all") if s.site == site)
    patterns = infer_patterns(seed.examples)
    assert patterns == EXPECTED[site]
    compiled = tuple(re.compile(p) for p in patterns)
    covered = [u for u in seed.examples if matches_article(u, compiled, ())]
    # every example but a shape seen once (/home/article/…, /News/<id>.aspx, no trailing /)
    assert len(covered) >= len(seed.examples) - 1
    # the seed's listing pages are never taken for articles
    for url in seed.listings:
        assert not matches_article(url, compiled, ()), url


def test_draft_seed_loads(tmp_path: Path) -> None:
    report = {
        "start": "https://www.example.com/",
        "domains": ["example.com"],
        "site_name": "Example News",
        "sitemaps": ["https://www.example.com/sitemap_index.xml"],
        "news_sitemaps": [],
        "feeds": ["https://www.example.com/feed/"],
        "listings": ["https://www.example.com/", "https://www.example.com/world/"],
        "articles": [
            "https://www.example.com/2024/05/01/harbour-opens/",
            "https://www.example.com/2024/05/02/lebanon%E2%80%99s-vote/",
            "https://www.example.com/2024/05/03/o'neill-wins/",
        ],
        "not_articles": ["https://www.example.com/about/"],
    }
    draft = draft_seed(report, "example")
    path = tmp_path / "example.toml"
    path.write_text(draft.text, encoding="utf-8")
    seed = load_seed(path)
    assert tomllib.loads(draft.text)["articles"]["allow"] == [r"^/\d{4}/\d{2}/\d{2}/[^/?#]+/$"]
    assert seed.name == "Example News"
    assert seed.feeds == ("https://www.example.com/feed/",)
    assert seed.examples == tuple(report["articles"])
    assert seed.counterexamples == (
        "https://www.example.com/about/",
        "https://www.example.com/",
        "https://www.example.com/world/",
    )
    assert "REVIEW" not in draft.text
