"""Unit tests of the crawler's parts that need no network: seeds, URLs, discovery parsers,
page-type checks, fingerprints, retry backoff."""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from parsel import Selector

from cleaners.dedup import FingerprintIndex, fingerprint, similarity
from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.listings import parse_listing
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.pagetype import is_article_page, is_html
from newscrawl.seeds import DEFAULT_SEEDS_DIR, SeedError, load_seed, load_seeds, parse_seed
from newscrawl.urls import OriginMap, canonical_url, matches_article

# Every seed file is a site: a new one needs no change here.
SEED_NAMES = sorted(path.stem for path in DEFAULT_SEEDS_DIR.glob("*.toml"))

MINIMAL = """
name = "Example"
domains = ["example.com"]
[start]
feeds = ["https://www.example.com/feed"]
[articles]
allow = ['^/news/']
"""


# -- seeds ------------------------------------------------------------------------------------


def test_shipped_seeds_load() -> None:
    seeds = load_seeds("all")
    assert [s.site for s in seeds] == SEED_NAMES
    for seed in seeds:
        assert seed.name and seed.domains and seed.start_urls()
        assert seed.allow, seed.site


@pytest.mark.parametrize(
    ("site", "url"),
    [
        ("thenational", "/news/mena/2021/09/19/syrian-defence-minister-visits-jordan/"),
        ("ahram", "/NewsContent/2/8/423456/World/Region/Syria-defence-minister.aspx"),
        ("ahram", "/News/423456.aspx"),
        ("jordantimes", "/news/local/jordan-russia-agree-military-coordination-syria"),
        ("aawsat", "/arab-world/3125721-syrian-army-steps-offensive-daraa"),
        ("aawsat", "/home/article/1492431/syrian-army-steps-offensive-daraa"),
        ("enabbaladi", "/archives/2018/06/american-threats-promise-to-abort-negotiations/"),
    ],
)
def test_shipped_seed_patterns_accept_article_urls(site: str, url: str) -> None:
    seed = load_seed(DEFAULT_SEEDS_DIR / f"{site}.toml")
    assert matches_article(f"https://{seed.domains[0]}{url}", seed.allow, seed.deny)


@pytest.mark.parametrize(
    ("site", "url"),
    [
        ("thenational", "/news/mena/"),
        ("thenational", "/video/2021/09/19/some-clip/"),
        ("ahram", "/Portal/2/World.aspx"),
        ("jordantimes", "/news/local"),
        ("aawsat", "/arab-world"),
        ("enabbaladi", "/archives/category/news/"),
        ("enabbaladi", "/archives/2018/06/some-story/amp/"),
    ],
)
def test_shipped_seed_patterns_reject_other_urls(site: str, url: str) -> None:
    seed = load_seed(DEFAULT_SEEDS_DIR / f"{site}.toml")
    assert not matches_article(f"https://{seed.domains[0]}{url}", seed.allow, seed.deny)


def _write(tmp_path: Path, text: str, name: str = "example") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_seed_and_defaults(tmp_path: Path) -> None:
    seed = load_seed(_write(tmp_path, MINIMAL))
    assert seed.site == "example"
    assert seed.feeds == ("https://www.example.com/feed",)
    assert seed.listing_max_pages == 3
    assert seed.rules == {}
    assert seed.since is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('name = "Example"', ""), r"example\.toml: name: missing"),
        (("allow = ['^/news/']", "allow = ['(']"), r"\[articles\]\.allow\[0\]: invalid regex"),
        (("[start]", "[start]\nmaps = []"), r"\[start\]\.maps: unknown key"),
        (
            ('feeds = ["https://www.example.com/feed"]', 'feeds = ["https://other.org/feed"]'),
            r"\[start\]\.feeds\[0\]: 'https://other.org/feed' is not on the site's domains",
        ),
        (('feeds = ["https://www.example.com/feed"]', "feeds = []"), r"\[start\]: needs at least"),
        (('domains = ["example.com"]', 'domains = "example.com"'), r"domains: must be an array"),
        (("[start]", 'since = "last week"\n[start]'), r"since: expected an ISO date"),
        (("name =", "nom ="), r"nom: unknown key"),
    ],
)
def test_seed_errors_name_file_and_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = MINIMAL.replace(*change)
    with pytest.raises(SeedError, match=message) as info:
        load_seed(_write(tmp_path, text))
    assert "example.toml" in str(info.value)


def test_seed_rule_pack_is_validated(tmp_path: Path) -> None:
    good = MINIMAL + (
        "[rules]\n"
        'drop_patterns = [{reason = "share_bar", pattern = "^Short link:"}]\n'
        'drop_selectors = [{reason = "advertisement", css = "div.ad-slot"}]\n'
        'disable = ["second_story"]\n'
    )
    seed = load_seed(_write(tmp_path, good))
    assert seed.rules == {
        "drop_patterns": [{"reason": "share_bar", "pattern": "^Short link:"}],
        "drop_selectors": [{"reason": "advertisement", "css": "div.ad-slot"}],
        "disable": ["second_story"],
    }
    bad_reason = good.replace('reason = "share_bar"', 'reason = "sharebar"')
    with pytest.raises(SeedError, match=r"\[rules\]\.drop_patterns\[0\]\.reason: 'sharebar'"):
        load_seed(_write(tmp_path, bad_reason))
    bad_css = good.replace("div.ad-slot", "div[")
    with pytest.raises(SeedError, match=r"drop_selectors\[0\]\.css: invalid CSS selector"):
        load_seed(_write(tmp_path, bad_css))


def test_bad_toml_and_unknown_site(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="not valid TOML"):
        load_seed(_write(tmp_path, "name = ["))
    with pytest.raises(
        SeedError, match=r"nosuch\.toml: no such seed file \(known sites: example\)"
    ):
        _write(tmp_path, MINIMAL)
        load_seeds("nosuch", tmp_path)
    with pytest.raises(SeedError, match="no site given"):
        load_seeds("", tmp_path)


def test_since_forms() -> None:
    raw = {
        "name": "X",
        "domains": ["x.org"],
        "start": {"feeds": ["https://x.org/feed"]},
        "articles": {"allow": ["."]},
    }
    assert parse_seed({**raw, "since": "2024-05-01"}, site="x").since == date(2024, 5, 1)
    assert parse_seed({**raw, "since": date(2024, 5, 1)}, site="x").since == date(2024, 5, 1)
    recent = parse_seed({**raw, "since": "7d"}, site="x").since
    assert recent is not None and (date.today() - recent).days in (6, 7, 8)


# -- URLs -------------------------------------------------------------------------------------


def test_canonical_url_uses_libraries() -> None:
    assert (
        canonical_url("HTTP://WWW.Example.com:80/a/b/?utm_source=rss&b=2&a=1&fbclid=x#top")
        == "http://www.example.com/a/b/?a=1&b=2"
    )
    # Path case and meaningful query parameters are kept.
    assert canonical_url("https://x.org/News/1.aspx?id=5") == "https://x.org/News/1.aspx?id=5"


def test_origin_map() -> None:
    origins = OriginMap({"thenationalnews.com": "http://127.0.0.1:8001"})
    assert (
        origins.remap("https://www.thenationalnews.com/news/x/?a=1")
        == "http://127.0.0.1:8001/news/x/?a=1"
    )
    assert origins.remap("https://other.org/x") == "https://other.org/x"
    assert origins.domain("www.thenationalnews.com") == "127.0.0.1"
    assert not OriginMap()
    with pytest.raises(ValueError):
        OriginMap({"x.org": "ftp://127.0.0.1"})


def test_article_patterns_match_path_and_query() -> None:
    allow = [re.compile(r"^/news/")]
    deny = [re.compile(r"\?print=1$")]
    assert matches_article("http://127.0.0.1:9/news/a", allow, deny)
    assert not matches_article("http://127.0.0.1:9/news/a?print=1", allow, deny)
    assert not matches_article("http://127.0.0.1:9/sport/news/a", allow, deny)


# -- discovery --------------------------------------------------------------------------------

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://x.org/s1.xml</loc><lastmod>2021-09-01T00:00:00Z</lastmod></sitemap>
  <sitemap><loc>https://x.org/s2.xml.gz</loc></sitemap>
</sitemapindex>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://x.org/news/a</loc><lastmod>2021-10-01</lastmod>
    <news:news><news:publication><news:name>X</news:name></news:publication>
    <news:publication_date>2021-09-19T08:00:00+03:00</news:publication_date></news:news></url>
  <url><loc>https://x.org/news/b</loc></url>
</urlset>"""


def test_sitemap_index_and_news_sitemap() -> None:
    index = parse_sitemap(SITEMAP_INDEX)
    assert index is not None and index.kind == "index"
    assert [(link.url, link.published) for link in index.links] == [
        ("https://x.org/s1.xml", date(2021, 9, 1)),
        ("https://x.org/s2.xml.gz", None),
    ]
    news = parse_sitemap(NEWS_SITEMAP)
    assert news is not None and news.kind == "urlset"
    # news:publication_date wins over lastmod
    assert [(link.url, link.published) for link in news.links] == [
        ("https://x.org/news/a", date(2021, 9, 19)),
        ("https://x.org/news/b", None),
    ]


def test_gzipped_sitemap_and_non_sitemaps() -> None:
    sitemap = parse_sitemap(gzip.compress(NEWS_SITEMAP))
    assert sitemap is not None and len(sitemap.links) == 2
    assert parse_sitemap(b"<html><body>not a sitemap</body></html>") is None
    assert parse_sitemap(b"") is None
    # No entity expansion (billion laughs / external entities stay unresolved).
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://x.org/&e;</loc></url></urlset>"
    )
    parsed = parse_sitemap(evil)
    assert parsed is None or all("root:" not in link.url for link in parsed.links)


def test_rss_and_atom_feeds() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>
      <item><title>A</title><link>https://x.org/news/a?utm_source=rss</link>
        <pubDate>Sun, 19 Sep 2021 08:00:00 +0000</pubDate></item>
      <item><title>B</title><guid>https://x.org/news/b</guid></item>
      </channel></rss>"""
    assert [(link.url, link.published) for link in parse_feed(rss) or []] == [
        ("https://x.org/news/a?utm_source=rss", date(2021, 9, 19)),
        ("https://x.org/news/b", None),
    ]
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
      <entry><title>A</title><link rel="self" href="https://x.org/api/a"/>
        <link rel="alternate" href="/news/a"/><updated>2021-09-20T10:00:00Z</updated></entry>
      </feed>"""
    assert [(link.url, link.published) for link in parse_feed(atom, "https://x.org/f") or []] == [
        ("https://x.org/news/a", date(2021, 9, 20))
    ]
    assert parse_feed(b"<html/>") is None


def test_listing_links_and_pagination() -> None:
    page = Selector(
        text="""<html><head><base href="https://x.org/sec/"><link rel="next" href="?page=2">
        </head><body><a href="/news/a">A</a><a href="b">B</a><a href="/news/a">again</a>
        <a href="mailto:x@x.org">mail</a><a href="javascript:void(0)">js</a>
        <a href="/sec/p/3">3</a></body></html>"""
    )
    found = parse_listing(page, "https://x.org/sec/list", [re.compile(r"/p/\d+$")])
    assert [link.url for link in found.links] == [
        "https://x.org/news/a",
        "https://x.org/sec/b",
        "https://x.org/sec/p/3",
    ]
    assert found.next_pages == ("https://x.org/sec/?page=2", "https://x.org/sec/p/3")


# -- page type --------------------------------------------------------------------------------


def test_page_type_checks() -> None:
    assert is_html("text/html; charset=utf-8", b"")
    assert not is_html("application/pdf", b"%PDF-1.4")
    assert is_html(None, b"  <!DOCTYPE html><html>")
    assert not is_html(None, b"%PDF-1.4")
    article = b'<head><meta property="og:type" content="article"></head>'
    website = b'<head><meta content="website" property="og:type"></head>'
    website_with_meta = website + b'<meta property="article:published_time" content="2021">'
    assert is_article_page(article)
    assert not is_article_page(website)
    assert is_article_page(website_with_meta)
    assert is_article_page(b"<html><body>no declaration: the cleaner decides</body></html>")


# -- fingerprints -----------------------------------------------------------------------------

STORY = (
    "Water ministers from six Arab countries met in Amman on Sunday to prepare for what "
    "forecasters expect to be a fourth dry winter in a row across the Levant. The two-day "
    "meeting ended with an agreement to exchange rainfall and reservoir readings every week "
    "instead of every season. Delegates said the faster exchange would let farmers plan "
    "planting dates with more certainty, and give city utilities earlier warning of shortages."
)
SAME_EVENT_OTHER_STORY = (
    "Egypt's irrigation minister joined his counterparts in the Jordanian capital on Sunday for "
    "talks that produced a joint plan to cope with falling rainfall in the region. Under the "
    "plan, national meteorological offices will publish a shared weekly bulletin, and "
    "irrigation authorities will coordinate releases from large reservoirs."
)


def test_fingerprint_matches_syndicated_copies_only() -> None:
    original = fingerprint(STORY, "Water ministers meet in Amman")
    same = fingerprint(STORY.upper().replace(",", ""), "WATER MINISTERS MEET IN AMMAN")
    assert same.exact == original.exact
    trailing = fingerprint(STORY + " Reporting by the wire service.", "Water ministers meet")
    assert trailing.exact != original.exact
    assert similarity(original.sketch, trailing.sketch) >= 0.8
    other = fingerprint(SAME_EVENT_OTHER_STORY, "Arab water ministers agree drought plan")
    assert similarity(original.sketch, other.sketch) < 0.2

    index = FingerprintIndex(threshold=0.8)
    assert index.find(original) is None
    index.add(original, "https://a.example/1")
    assert index.find(same) == "https://a.example/1"
    assert index.find(trailing) == "https://a.example/1"
    assert index.find(other) is None


def test_shingle_hashes_follow_word_runs_not_positions() -> None:
    from cleaners.dedup import SHINGLE, shingle_hashes

    tokens = ["a", "b", "c", "d", "e", "f", "a", "b", "c", "d", "e"]
    hashes = shingle_hashes(tokens).tolist()
    assert len(hashes) == len(tokens) - SHINGLE + 1
    assert hashes[0] == hashes[-1]  # "a b c d e" twice: one value wherever it stands
    assert len(set(hashes)) == len(hashes) - 1
    # word order matters: the same five words in another order are another shingle
    assert shingle_hashes(["e", "d", "c", "b", "a"]).tolist() != shingle_hashes(tokens[:5]).tolist()
    assert len(shingle_hashes(["only", "three", "words"])) == 1
    assert len(shingle_hashes([])) == 0
    assert all(0 <= h < 2**64 for h in hashes)


def test_fingerprint_index_pickles() -> None:
    import pickle

    index = FingerprintIndex()
    index.add(fingerprint(STORY), "u1")
    again = pickle.loads(pickle.dumps(index))
    assert again.find(fingerprint(STORY)) == "u1"


# -- retry backoff ----------------------------------------------------------------------------


@pytest.mark.slow
def test_backoff_delays() -> None:
    from scrapy.settings import Settings

    from newscrawl.middlewares.retry import BackoffRetryMiddleware

    mw = BackoffRetryMiddleware(
        Settings({"RETRY_BACKOFF_BASE": 2.0, "RETRY_BACKOFF_MAX": 10.0, "RETRY_TIMES": 3})
    )
    assert [mw.delay_for(n) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 10.0]
    assert mw.delay_for(1, retry_after=5) == 5.0
    assert mw.delay_for(1, retry_after=500) == 10.0


def test_seed_validation_command(capsys: pytest.CaptureFixture[str]) -> None:
    from newscrawl.seeds import main

    assert main([]) == 0
    out = capsys.readouterr().out
    assert all(f"{name}: " in out for name in SEED_NAMES)
    assert main(["nosuch"]) == 1
    assert "no such seed file" in capsys.readouterr().err


# -- meta refresh prefilter and the JSON Lines exporter ------------------------------------


def _html_response(body: bytes, url: str = "https://news.example/a/") -> object:
    from scrapy import Request
    from scrapy.http import HtmlResponse

    return HtmlResponse(url, body=body, request=Request(url))


def test_meta_refresh_prefilter_keeps_scrapys_redirects() -> None:
    from scrapy.utils.test import get_crawler

    from newscrawl.middlewares.metarefresh import PrefilterMetaRefreshMiddleware, may_refresh

    refresh = b'<html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL=/moved/"></head></html>'
    plain = b"<html><head><title>t</title></head><body>" + b"<p>text</p>" * 3000 + b"</body>"
    utf16 = '<meta http-equiv="refresh" content="0;url=/x/">'.encode("utf-16")
    assert may_refresh(refresh) and may_refresh(utf16)
    assert not may_refresh(plain)
    # beyond the first 4,096 characters Scrapy does not look either
    assert not may_refresh(b" " * 20_000 + b'<meta http-equiv="refresh" content="0;url=/x/">')

    mw = PrefilterMetaRefreshMiddleware.from_crawler(get_crawler())
    response = _html_response(plain)
    assert mw.process_response(response.request, response) is response
    response = _html_response(refresh)
    redirected = mw.process_response(response.request, response)
    assert redirected.url == "https://news.example/moved/"


def test_jsonlines_exporter_writes_newscleans_lines() -> None:
    """A crawl's feed line is `dumps_record`'s, as newsclean writes it; any other item goes
    through Scrapy's exporter, with the same separators."""
    import io

    from scrapy import Field, Item
    from scrapy.exporters import JsonLinesItemExporter

    from cleaners.writers import dumps_record
    from newscrawl.exporters import SEPARATORS, JsonLinesExporter

    class Page(Item):
        url = Field()
        title = Field(serializer=str.upper)

    items = [
        {"id": "1", "title": "Café — “quoted”", "authors": ["A", "B"], "removed": [], "n": None},
        {"b": 2, "a": 1.5},
        Page(url="https://x.example/", title="kept through the serializer"),
    ]
    written = []
    for options in ({"encoding": "utf-8"}, {}, {"encoding": "utf-8", "fields_to_export": ["id"]}):
        ours, theirs = io.BytesIO(), io.BytesIO()
        for item in items:
            JsonLinesExporter(ours, **options).export_item(item)
            JsonLinesItemExporter(theirs, separators=SEPARATORS, **options).export_item(item)
        assert ours.getvalue() == theirs.getvalue()
        written.append(ours.getvalue())
    assert written[0].decode().splitlines()[:2] == [dumps_record(item) for item in items[:2]]
    assert "Café — “quoted”".encode() in written[0]
    assert b"KEPT THROUGH THE SERIALIZER" in written[0]


# -- the cleaning pool ------------------------------------------------------------------------


def _clean_all(pool: Any, bodies: list[bytes]) -> list[Any]:
    import asyncio

    async def run() -> list[Any]:
        await pool.start()
        try:
            return await asyncio.gather(
                *(
                    pool.clean(body, f"https://x.example/{i}", "x", {}, "text/html")
                    for i, body in enumerate(bodies)
                )
            )
        finally:
            pool.close()

    return asyncio.run(run())


@pytest.mark.slow
def test_cleaning_pool_batches_pages_and_keeps_their_order() -> None:
    from newscrawl.pool import CleanerPool

    pool = CleanerPool(2, "tests.stub_cleaners:crash_on_marker", max_batch=4)
    bodies = [f"page {i}".encode() for i in range(30)]
    results = _clean_all(pool, bodies)
    assert [r.record["text"] for r in results] == [b.decode() for b in bodies]
    assert all(r.error is None and r.fingerprint is not None for r in results)
    # 4 batches of one go out at once (two per worker); the rest wait and go in fours
    assert 4 + (30 - 4) // 4 <= pool.batches_sent < 30


@pytest.mark.slow
def test_cleaning_pool_survives_a_page_that_kills_its_worker() -> None:
    from newscrawl.pool import CleanerPool

    pool = CleanerPool(2, "tests.stub_cleaners:crash_on_marker", max_batch=4)
    bodies = [f"page {i}".encode() for i in range(20)]
    bodies[9] = b"CRASH"
    results = _clean_all(pool, bodies)
    killer = results[9]
    assert killer.record["status"] == "rejected"
    assert killer.record["reject_reason"] == "unreadable"
    assert killer.error == "cleaning process died"
    # every other page of the crashed batches was cleaned again, alone, and kept
    others = [r for i, r in enumerate(results) if i != 9]
    assert [r.record["text"] for r in others] == [
        b.decode() for i, b in enumerate(bodies) if i != 9
    ]
    assert all(r.error is None for r in others)
    assert pool.crashes == 2  # once in its batch, once alone


def test_cleaning_pool_gives_its_cleaner_the_document_newsclean_would_read() -> None:
    import asyncio
    import json

    from newscrawl.pool import CleanerPool

    pool = CleanerPool(0, "tests.stub_cleaners:echo_document")  # inline: same call as a worker
    url, rules = "https://x.example/a", {"drop_lines": ["^Read more$"]}

    async def run() -> Any:
        await pool.start()
        return await pool.clean(b"<p>x</p>", url, "x", rules, "text/html; charset=ISO-8859-1")

    result = asyncio.run(run())
    assert result.error is None
    assert json.loads(result.record["text"]) == {
        "source": url,
        "site": "x",
        "rules": rules,
        "http_charset": "cp1252",  # the WHATWG label's codec, as a WARC reader maps it
        "body": "<p>x</p>",
    }
