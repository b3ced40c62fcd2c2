"""Real crawls, no internet: ``scrapy crawl news`` against the fixture sites on 127.0.0.1.

The shipped seed files are used as they are; ``NEWSCRAWL_ORIGIN_MAP`` sends their domains to
the local servers. Each test starts its own servers and stops them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.sitegen import FixtureSites
from tests.sitegen.crawl import LOCAL_SETTINGS, CrawlResult, run_crawl
from tests.sitegen.site import DISALLOWED_PREFIX, ROOT, Page

# NEWSCRAWL_TEST_CLEANER=module:function runs these crawls with another cleaner.
TEST_CLEANER = os.environ.get("NEWSCRAWL_TEST_CLEANER")


def _has_clean_html() -> bool:
    if importlib.util.find_spec("cleaners") is None:
        return False
    import cleaners

    return hasattr(cleaners, "clean_html")


pytestmark = [
    pytest.mark.slow,  # real crawls of the fixture sites
    pytest.mark.skipif(
        not TEST_CLEANER and not _has_clean_html(),
        reason="cleaners.clean_html is not available yet",
    ),
]


def _settings(**extra: str) -> dict[str, str]:
    settings = dict(extra)
    if TEST_CLEANER:
        settings["NEWSCRAWL_CLEANER"] = TEST_CLEANER
    return settings


def _own_pages(sites: FixtureSites, site_names: list[str] | None = None) -> list[tuple[str, Page]]:
    """(site, page) for the pages written for these tests (not fixtures/html extras)."""
    return [
        (name, page)
        for name, spec in sites.specs.items()
        if site_names is None or name in site_names
        for page in spec.pages
        if page.expect != "fetched"
    ]


def _expected_urls(sites: FixtureSites, site_names: list[str] | None = None) -> set[str]:
    """URLs that must each give one record (not counting duplicate groups)."""
    return {
        sites.url(name, page.path)
        for name, page in _own_pages(sites, site_names)
        if page.expect == "ok" and page.dup_group is None
    }


def _groups(sites: FixtureSites, site_names: list[str] | None = None) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for name, page in _own_pages(sites, site_names):
        if page.dup_group:
            groups.setdefault(page.dup_group, set()).add(sites.url(name, page.path))
    return groups


def _record_urls(result: CrawlResult) -> list[str]:
    """The fetched URL of each record (its ``source``)."""
    return [r["source"] for r in result.records]


def _assert_no_deprecations(result: CrawlResult) -> None:
    assert "DeprecationWarning" not in result.log, result.log[-3000:]
    assert "Traceback" not in result.log, result.log[-3000:]


# -- the full crawl, run once and checked from several angles ---------------------------------


@pytest.fixture(scope="module")
def full_crawl(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FixtureSites, CrawlResult, Path]]:
    tmp = tmp_path_factory.mktemp("crawl")
    with FixtureSites() as sites:
        result = run_crawl(
            tmp,
            sites.origin_map,
            site="all",
            settings=_settings(WARC_PATH=str(tmp / "crawl.warc.gz")),
        )
        yield sites, result, tmp


def test_full_crawl_finishes_cleanly(full_crawl: tuple[FixtureSites, CrawlResult, Path]) -> None:
    _, result, _ = full_crawl
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "finished"
    _assert_no_deprecations(result)


def test_full_crawl_records(full_crawl: tuple[FixtureSites, CrawlResult, Path]) -> None:
    sites, result, _ = full_crawl
    urls = _record_urls(result)
    assert len(urls) == len(set(urls)), "a URL was emitted twice"
    own = {sites.url(n, p.path) for n, p in _own_pages(sites)}
    own_records = {u for u in urls if u in own}

    # Exactly the expected articles, plus one per group of copies of the same story.
    groups = _groups(sites)
    expected = _expected_urls(sites)
    assert own_records - set().union(*groups.values()) == expected
    for name, members in groups.items():
        assert len(own_records & members) == 1, f"duplicate group {name}: {own_records & members}"

    # Records are clean-library records with the seed's site name and a known title.
    titles = {sites.url(n, p.path): p.title for n, p in _own_pages(sites) if p.title}
    by_url = result.by_source()
    for url in own_records:
        record = by_url[url]
        assert record["status"] == "ok"
        assert record["url"] == url  # the page's canonical URL is the one fetched
        assert record["site"] == next(
            n for n, p in _own_pages(sites) if sites.url(n, p.path) == url
        )
        assert record["title"] == titles[url]
        assert record["text"]
        assert "All rights reserved" not in record["text"]

    # Every record comes from a page of the fixture sites (fixtures/html extras included).
    served = {sites.url(n, p.path) for n, spec in sites.specs.items() for p in spec.pages}
    assert set(urls) <= served


def test_full_crawl_stats(full_crawl: tuple[FixtureSites, CrawlResult, Path]) -> None:
    sites, result, _ = full_crawl
    own = _own_pages(sites)
    expects = Counter(page.expect for _, page in own)

    # Rejections by reason: at least ours (the fixtures/html pages may add more).
    assert result.stat("newscrawl/rejected/bot_wall") >= expects["rejected:bot_wall"] >= 1
    # Duplicates dropped: one per extra member of each group.
    groups = _groups(sites)
    assert result.stat("newscrawl/dropped/duplicate_content") == sum(
        len(m) - 1 for m in groups.values()
    )
    # Page-type and transport outcomes.
    assert result.stat("newscrawl/skipped/not_html") == expects["not_html"]
    assert result.stat("newscrawl/skipped/not_article") == expects["not_article"]
    assert result.stat("newscrawl/failed/http_404") == expects["http_error"]
    assert result.stat("newscrawl/failed/DownloadTimeoutError") == expects["timeout"]
    assert result.stat("newscrawl/failed/DownloadCancelledError") == expects["too_large"]
    assert result.stat("robotstxt/forbidden") == expects["disallowed"]
    assert result.stat("retry/reason_count/500 Internal Server Error") == 1
    assert result.stat("newscrawl/records") == len(result.records)
    assert result.stat("item_scraped_count") == len(result.records)
    assert result.stat("newscrawl/clean_errors") == 0
    # Every page the cleaner saw ends as a record or a counted drop.
    dropped = sum(
        v
        for k, v in result.stats.items()
        if k.startswith(("newscrawl/rejected/", "newscrawl/dropped/"))
    )
    assert result.stat("newscrawl/cleaned") == len(result.records) + dropped


def test_full_crawl_requests(full_crawl: tuple[FixtureSites, CrawlResult, Path]) -> None:
    sites, _, _ = full_crawl
    hits = sites.requests.hits()
    paths = [urlsplit(h.path).path for h in hits]
    # robots.txt obeyed: the disallowed story was never requested.
    assert not [p for p in paths if p.startswith(DISALLOWED_PREFIX)]
    # Canonicalisation: tracking parameters never reach the server.
    assert not [h.path for h in hits if "utm_" in h.path]
    # An identifying User-Agent on every request.
    assert {h.user_agent.split(" ")[0] for h in hits} == {"newscrawl/0.1"}
    # robots.txt once per site; each article page at most once (the 500 page: twice).
    for name in sites.specs:
        assert sites.requests.count(name, "/robots.txt") == 1
    for name, page in _own_pages(sites):
        n = sites.requests.count(name, page.path)
        if page.expect == "disallowed":
            assert n == 0
        elif page.serve == "flaky" or page.expect == "timeout":
            assert n == 2, page.path  # one retry
        elif page.expect == "ok" or page.links:
            assert n == 1, page.path
    # Listing pagination was followed.
    assert any("page=2" in h.path or "/page/2/" in h.path for h in hits)


def test_warc_archive_recreates_records(full_crawl: tuple[FixtureSites, CrawlResult, Path]) -> None:
    from warcio.archiveiterator import ArchiveIterator

    from newscrawl.worker import DEFAULT_CLEANER, load_cleaner, page_document

    _, result, tmp = full_crawl
    clean = load_cleaner(TEST_CLEANER or DEFAULT_CLEANER)
    responses: dict[str, Any] = {}
    metadata: dict[str, dict[str, Any]] = {}
    types = Counter()
    with (tmp / "crawl.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            types[record.rec_type] += 1
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date")
                assert date
                assert record.http_headers.get_statuscode()
                body = record.content_stream().read()
                ctype = record.http_headers.get_header("Content-Type")
                status = int(record.http_headers.get_statuscode())
                rid = record.rec_headers.get_header("WARC-Record-ID")
                responses[rid] = (uri, status, ctype, body, date)
            elif record.rec_type == "metadata":
                target = record.rec_headers.get_header("WARC-Concurrent-To")
                metadata[target] = json.loads(record.content_stream().read())
    assert types["warcinfo"] == 1
    assert types["response"] == result.stat("downloader/response_count")
    assert types["metadata"] == types["response"]
    assert result.stat("newscrawl/warc_records") == types["response"]
    statuses = Counter(status for _, status, _, _, _ in responses.values())
    assert statuses[500] == 1 and statuses[301] == 1 and statuses[404] == 1
    # The metadata marks exactly the responses the crawl handed to the cleaner.
    assert sum(1 for m in metadata.values() if m["cleaned"]) == result.stat("newscrawl/cleaned")

    # Offline: the archived article responses, cleaned again, give the same records.
    by_url = result.by_source()
    checked = 0
    for rid, (uri, status, ctype, body, date) in responses.items():
        if uri in by_url and status == 200:
            meta = metadata[rid]
            assert meta["role"] == "article" and meta["cleaned"]
            article = clean(page_document(body, uri, meta["site"], meta["rules"], ctype))
            # the record's fetch time is the archived response's WARC-Date
            assert article.to_dict() | {"fetched_at": date} == by_url[uri]
            checked += 1
    assert checked == len(result.records)

    # The offline reader picks exactly the pages the crawl cleaned, and cleans them into the
    # very same records.
    if not TEST_CLEANER:
        import cleaners.cli

        out, rejects = tmp / "offline.jsonl", tmp / "offline-rejects.jsonl"
        argv = ["clean", str(tmp / "crawl.warc.gz"), "-o", str(out), "--rejects", str(rejects)]
        assert cleaners.cli.main([*argv, "-j", "2", "-q"]) == 0
        lines = out.read_text("utf-8").splitlines() + rejects.read_text("utf-8").splitlines()
        recreated = {r["source"]: r for r in map(json.loads, lines)}
        assert len(lines) == result.stat("newscrawl/cleaned")
        for url, record in by_url.items():
            assert recreated[url] == record


# -- smaller crawls -----------------------------------------------------------------------------


def test_single_site_crawl_and_since(tmp_path: Path) -> None:
    with FixtureSites(["thenational", "enabbaladi"]) as sites:
        result = run_crawl(
            tmp_path,
            sites.origin_map,
            site="thenational,enabbaladi",
            args={"since": "2020-01-01"},
            settings=_settings(),
        )
        assert result.returncode == 0, result.log[-3000:]
        hits = sites.requests.paths("thenational")
    old_in_sitemap = "/news/uae/2015/10/23/abu-dhabi-library-reopens-after-renovation/"
    assert old_in_sitemap not in hits  # skipped by its sitemap date, never fetched
    assert result.stat("newscrawl/skipped/too_old") == 1
    # Found on a listing page (no date there): fetched, dropped after cleaning by its date.
    assert result.stat("newscrawl/dropped/too_old") >= 1
    urls = set(_record_urls(result))
    expected = _expected_urls(sites) - {
        sites.url("thenational", old_in_sitemap),
        sites.url(
            "enabbaladi", "/archives/2016/10/olive-presses-in-rural-idlib-start-the-season-early/"
        ),
    }
    assert expected <= urls
    assert {r["site"] for r in result.records} == {"thenational", "enabbaladi"}


def test_closespider_limit_from_command_line(tmp_path: Path) -> None:
    with FixtureSites(["ahram", "jordantimes", "aawsat", "enabbaladi"]) as sites:
        result = run_crawl(
            tmp_path,
            sites.origin_map,
            site="ahram,jordantimes,aawsat,enabbaladi",
            # A small delay keeps the crawl going well past the first record.
            settings=_settings(
                CLOSESPIDER_ITEMCOUNT="1", CONCURRENT_REQUESTS="1", DOWNLOAD_DELAY="0.2"
            ),
        )
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "closespider_itemcount"
    # Items already in the pipelines when the limit is hit still finish (Scrapy closes
    # gracefully), so a few more than one record may come; a full crawl gives many more.
    extras = sum(1 for spec in sites.specs.values() for p in spec.pages if p.expect == "fetched")
    full = len(_expected_urls(sites)) + len(_groups(sites)) + extras
    assert 1 <= len(result.records) < full


def test_jobdir_resume(tmp_path: Path) -> None:
    names = ["ahram", "jordantimes", "enabbaladi"]
    jobdir = str(tmp_path / "job")
    with FixtureSites(names) as sites:
        first = run_crawl(
            tmp_path / "a",
            sites.origin_map,
            site=",".join(names),
            settings=_settings(
                JOBDIR=jobdir,
                CLOSESPIDER_ITEMCOUNT="1",
                CONCURRENT_REQUESTS="1",
                DOWNLOAD_DELAY="0.2",
            ),
        )
        assert first.stat("finish_reason") == "closespider_itemcount", first.log[-3000:]
        second = run_crawl(
            tmp_path / "b",
            sites.origin_map,
            site=",".join(names),
            settings=_settings(JOBDIR=jobdir),
        )
        assert second.stat("finish_reason") == "finished", second.log[-3000:]
        assert second.records, "the first run left nothing to resume"
        # The resumed crawl did not fetch again what the first one had fetched.
        article_hits = Counter(
            (h.site, urlsplit(h.path).path) for h in sites.requests.hits() if h.status == 200
        )
        own = {(n, p.path) for n, p in _own_pages(sites, names)}
        assert all(article_hits[key] <= 1 for key in own)
        expected = _expected_urls(sites, names)
        groups = _groups(sites, names)
    urls = _record_urls(first) + _record_urls(second)
    assert len(urls) == len(set(urls))
    own_urls = {sites.url(n, p.path) for n, p in _own_pages(sites, names)}
    got = {u for u in urls if u in own_urls}
    assert got - set().union(*groups.values()) == expected
    for members in groups.values():
        assert len(got & members) == 1  # dedup state survived the restart


def test_scrapy_check_contracts(tmp_path: Path) -> None:
    with FixtureSites(["thenational"]) as sites:
        cmd = [sys.executable, "-m", "scrapy", "check", "news", "-a", "site=thenational"]
        for key, value in {
            **LOCAL_SETTINGS,
            "NEWSCRAWL_ORIGIN_MAP": json.dumps(sites.origin_map),
        }.items():
            cmd += ["-s", f"{key}={value}"]
        proc = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    ran = re.search(r"Ran (\d+) contracts", proc.stderr)
    assert ran and int(ran.group(1)) >= 8, proc.stderr[-3000:]
    assert proc.stderr.rstrip().endswith("OK")


def test_http_cache_switch(tmp_path: Path) -> None:
    cache = str(tmp_path / "httpcache")
    with FixtureSites(["aawsat"]) as sites:
        first = run_crawl(
            tmp_path / "a",
            sites.origin_map,
            site="aawsat",
            settings=_settings(HTTPCACHE_ENABLED="True", HTTPCACHE_DIR=cache),
        )
        served_first = len(sites.requests.hits())
        second = run_crawl(
            tmp_path / "b",
            sites.origin_map,
            site="aawsat",
            settings=_settings(HTTPCACHE_ENABLED="True", HTTPCACHE_DIR=cache),
        )
        served_second = len(sites.requests.hits()) - served_first
    assert first.returncode == second.returncode == 0
    assert served_first > 0 and served_second == 0  # the second crawl came from the cache
    assert second.stat("httpcache/hit") == first.stat("httpcache/miss") > 0
    assert sorted(_record_urls(first)) == sorted(_record_urls(second))


def test_language_filter(tmp_path: Path) -> None:
    with FixtureSites(["aawsat"]) as sites:
        kept = run_crawl(
            tmp_path / "en", sites.origin_map, site="aawsat", settings=_settings(LANGUAGES="en")
        )
        dropped = run_crawl(
            tmp_path / "ar", sites.origin_map, site="aawsat", settings=_settings(LANGUAGES="ar,fa")
        )
    assert kept.records and kept.stat("newscrawl/rejected/language") == 0
    assert not dropped.records
    assert dropped.stat("newscrawl/rejected/language") == len(kept.records)
