"""Real crawls of a site with no seed file, no internet: ``scrapy crawl news -a start=URL``,
``newscrawl crawl URL``, ``newscrawl get URL…`` and ``newscrawl seed new URL`` against the
local site of ``tests/sitegen/seedless.py`` (and a seed site for ``get``'s rule pack), served
on 127.0.0.1 and stopped by each test."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.seeds import load_seed
from newscrawl.urls import matches_article
from tests.sitegen import FixtureSites, RouteServer
from tests.sitegen.crawl import LOCAL_SETTINGS, CrawlResult, run_crawl
from tests.sitegen.seedless import HOST, PAGES, START, make_routes, record_paths
from tests.sitegen.site import ROOT

NEWSCRAWL = str(Path(sys.executable).with_name("newscrawl"))


def _newscrawl(
    *args: str, settings: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``newscrawl ARGS -s ...`` as a user runs it (the console script), in a subprocess."""
    cmd = [NEWSCRAWL, *args]
    local = {k: v for k, v in LOCAL_SETTINGS.items() if k != "LOG_LEVEL"}  # the command's own
    for key, value in {**local, **(settings or {})}.items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False
    )


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


# -- scrapy crawl news -a start=URL ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seedless(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RouteServer, CrawlResult, Path]]:
    tmp = tmp_path_factory.mktemp("seedless")
    with RouteServer("harbourgazette", make_routes) as server:
        result = run_crawl(
            tmp,
            {HOST: server.base},
            site="",
            args={"start": START},
            settings={"DISCOVERY_PATH": str(tmp / "discovery.json")},
        )
        yield server, result, tmp


def test_seedless_crawl_finishes(seedless: tuple[RouteServer, CrawlResult, Path]) -> None:
    _, result, _ = seedless
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "finished"
    assert "Traceback" not in result.log, result.log[-3000:]


def test_seedless_crawl_records_exactly_the_articles(
    seedless: tuple[RouteServer, CrawlResult, Path],
) -> None:
    server, result, _ = seedless
    sources = [r["source"] for r in result.records]
    assert sorted(sources) == sorted(server.base + p for p in record_paths())
    titles = {
        server.base + p.path: (ROOT / "fixtures" / "site" / p.file).read_text(encoding="utf-8")
        for p in PAGES
        if p.expect == "record" and p.file
    }
    for record in result.records:
        assert record["status"] == "ok"
        assert record["site"] == "harbourgazette.com"  # the registered domain: no seed name
        assert record["text"]
        assert f"<h1>{record['title']}</h1>" in titles[record["source"]].replace("&#x27;", "'")


def test_seedless_crawl_finds_start_points_and_stays_on_site(
    seedless: tuple[RouteServer, CrawlResult, Path],
) -> None:
    server, result, _ = seedless
    paths = set(server.requests.paths())
    # robots.txt's Sitemap: line, the guessed /sitemap.xml (missing here), the index's
    # children, the feed announced by the home page, the section in its <nav>
    for path in (
        "/robots.txt",
        "/sitemap.xml",
        "/sitemaps/index.xml",
        "/sitemaps/news.xml",
        "/sitemaps/pages.xml",
        "/feeds/latest.rss",
        "/",
        "/local/",
    ):
        assert path in paths, path
    for page in PAGES:
        fetched = page.path in paths
        assert fetched == (page.expect in ("record", "not_article")), page
    assert result.stat("newscrawl/skipped/offsite") == 1  # the home page's link elsewhere
    assert result.stat("newscrawl/discovery/missing/http_404") == 1  # /sitemap.xml: no error
    assert result.stat("robotstxt/forbidden") == 1
    assert all(hit.user_agent.startswith("newscrawl/") for hit in server.requests.hits())


def test_seedless_crawl_tells_articles_by_the_page(
    seedless: tuple[RouteServer, CrawlResult, Path],
) -> None:
    _, result, _ = seedless
    evidence = {p.evidence for p in PAGES if p.expect == "record"}
    assert evidence == {"og_type", "json_ld", "url_date"}
    for kind in evidence:
        wanted = sum(1 for p in PAGES if p.expect == "record" and p.evidence == kind)
        assert result.stat(f"newscrawl/article_evidence/{kind}") == wanted, kind
    # og:type website with a date in the URL, and a page showing nothing: no record
    assert result.stat("newscrawl/skipped/not_article") == 2


def test_seedless_discovery_report(seedless: tuple[RouteServer, CrawlResult, Path]) -> None:
    _, _, tmp = seedless
    report = json.loads((tmp / "discovery.json").read_text(encoding="utf-8"))
    base = f"https://{HOST}"
    assert report["site"] == "harbourgazette.com"
    assert report["site_name"] == "Harbour Gazette"
    assert report["sitemaps"] == [f"{base}/sitemaps/index.xml"]
    assert report["news_sitemaps"] == [f"{base}/sitemaps/news.xml"]
    assert report["feeds"] == [f"{base}/feeds/latest.rss"]
    assert sorted(report["listings"]) == [f"{base}/", f"{base}/local/"]
    assert sorted(report["articles"]) == sorted(base + p for p in record_paths())
    assert sorted(report["not_articles"]) == sorted(
        base + p.path for p in PAGES if p.expect == "not_article"
    )


# -- newscrawl crawl URL ---------------------------------------------------------------------------


def test_newscrawl_crawl_url_on_a_local_address(tmp_path: Path) -> None:
    """The host the user names is crawled even on 127.0.0.1 (the private-address guard lets
    the user's own choice through); records are keyed by that host."""
    out = tmp_path / "out.jsonl"
    with RouteServer("harbourgazette", make_routes) as server:
        proc = _newscrawl("crawl", server.base + "/", "-o", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = _records(out)
    assert sorted(r["source"] for r in records) == sorted(server.base + p for p in record_paths())
    assert {r["site"] for r in records} == {"127.0.0.1"}
    assert f"newscrawl crawl: {len(records)} records" in proc.stderr


# -- newscrawl get --------------------------------------------------------------------------------


def test_get_writes_the_records_of_the_given_pages(tmp_path: Path) -> None:
    out = tmp_path / "pages.jsonl"
    article = "/news/mena/2021/09/19/water-ministers-meet-in-amman-to-plan-for-a-fourth-dry-winter/"
    with RouteServer("harbourgazette", make_routes) as server:
        b = server.base
        proc = _newscrawl(
            "get",
            b + article + "?utm_source=newsletter",
            b + "/missing/page",
            b + "/private/2021/09/27/embargoed-story-not-for-crawlers/",
            b + "/feeds/latest.rss",
            "-o",
            str(out),
        )
        hits = server.requests.hits()
    assert proc.returncode == 1, proc.stderr[-3000:]  # some pages gave nothing
    records = _records(out)
    assert [r["source"] for r in records] == [b + article]  # tracking parameters dropped
    assert records[0]["title"] == "Water ministers meet in Amman to plan for a fourth dry winter"
    assert records[0]["status"] == "ok"
    assert records[0]["site"] == "127.0.0.1"
    err = proc.stderr
    assert f"newscrawl get: {b}/missing/page: http_404" in err
    assert f"{b}/private/2021/09/27/embargoed-story-not-for-crawlers/: IgnoreRequest: " in err
    assert "Forbidden by robots.txt" in err
    assert f"{b}/feeds/latest.rss: not HTML (application/rss+xml)" in err
    assert "newscrawl get: 4 URLs: 1 records, 3 not fetched" in err
    # through Scrapy: robots.txt asked first, the project's user agent on every request
    assert hits[0].path == "/robots.txt"
    assert all(h.user_agent.startswith("newscrawl/") for h in hits)
    assert not any(h.path.startswith("/private/") for h in hits)


def test_get_from_a_file_to_stdout_with_the_seed_rule_pack(tmp_path: Path) -> None:
    """URLs on a seed's domains are cleaned with that seed's name and rule pack."""
    national = (
        "https://www.thenationalnews.com/news/mena/2021/09/19/"
        "water-ministers-meet-in-amman-to-plan-for-a-fourth-dry-winter/"
    )
    urls = tmp_path / "urls.txt"
    with FixtureSites(["thenational"]) as sites, RouteServer("hg", make_routes) as other:
        library = other.base + "/news/uae/2015/10/23/abu-dhabi-library-reopens-after-renovation/"
        urls.write_text(f"# pages to fetch\n{national}\n\n{library}\n", encoding="utf-8")
        proc = _newscrawl(
            "get",
            "--from",
            str(urls),
            "-q",
            settings={"NEWSCRAWL_ORIGIN_MAP": json.dumps(sites.origin_map)},
        )
        fetched = sites.url("thenational", national.split(".com", 1)[1])
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = {r["source"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert set(records) == {fetched, library}
    assert records[fetched]["site"] == "thenational"
    assert records[library]["site"] == "127.0.0.1"
    assert proc.stderr == ""  # -q, and the log at WARNING: nothing to say


def test_get_usage_errors(tmp_path: Path) -> None:
    proc = _newscrawl("get", "https://example.com/a", "-o", str(tmp_path / "out.csv"))
    assert proc.returncode == 2
    assert "records are written as JSON Lines: name the file *.jsonl" in proc.stderr
    proc = _newscrawl("get", "example.com/a")
    assert proc.returncode == 2
    assert "newscrawl: get: 'example.com/a' is not an absolute http(s) URL" in proc.stderr
    proc = _newscrawl("get", "--from", str(tmp_path / "none.txt"))
    assert proc.returncode == 2
    assert "none.txt: No such file or directory" in proc.stderr
    assert not (tmp_path / "out.csv").exists()


# -- newscrawl seed new ----------------------------------------------------------------------------


def test_seed_new_writes_a_seed_that_loads_and_crawls(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    base = f"https://{HOST}"
    with RouteServer("harbourgazette", make_routes) as server:
        origin = {"NEWSCRAWL_ORIGIN_MAP": json.dumps({HOST: server.base})}
        proc = _newscrawl("seed", "new", START, "--seeds-dir", str(seeds), settings=origin)
        assert proc.returncode == 0, proc.stderr[-3000:]
        path = seeds / "harbourgazette.toml"
        assert proc.stdout.strip() == (
            f"wrote {path}: review it, then: scrapy crawl news -a site=harbourgazette"
        )
        seed = load_seed(path)
        # ... and the draft crawls: every article of the shapes it proposes
        result = run_crawl(
            tmp_path,
            {HOST: server.base},
            site="harbourgazette",
            settings={"NEWSCRAWL_SEEDS_DIR": str(seeds)},
        )
    assert seed.name == "Harbour Gazette"
    assert seed.domains == ("harbourgazette.com",)
    assert seed.sitemaps == (f"{base}/sitemaps/index.xml",)
    assert seed.news_sitemaps == (f"{base}/sitemaps/news.xml",)
    assert seed.feeds == (f"{base}/feeds/latest.rss",)
    assert set(seed.listings) == {f"{base}/", f"{base}/local/"}
    assert [p.pattern for p in seed.allow] == [r"^/[^/?#]+/[^/?#]+/\d{4}/\d{2}/\d{2}/[^/?#]+/$"]
    # the shape seen four times: /<section>/<section>/YYYY/MM/DD/<slug>/
    dated = {
        base + p.path
        for p in PAGES
        if p.expect == "record" and re.search(r"^/[^/]+/[^/]+/\d{4}/\d\d/\d\d/", p.path)
    }
    assert len(dated) == 4
    assert set(seed.examples) == dated
    assert f"{base}/local/port-authority-board-publishes-meeting-minutes" in seed.counterexamples
    text = path.read_text(encoding="utf-8")
    # what the user must review: a non-article the patterns accept, articles they miss
    assert (
        f"# REVIEW: the patterns also accept {base}/news/uae/2021/09/24/live-updates-expo-week/"
        in text
    )
    assert f"not covered: {base}/local/amman-bus-rapid-transit-line-adds-evening-services" in text
    assert result.returncode == 0, result.log[-3000:]
    assert {r["source"] for r in result.records} == {
        server.base + u.removeprefix(base) for u in dated
    }
    assert all(matches_article(u, seed.allow, seed.deny) for u in dated)


def test_seed_new_keeps_an_existing_seed(tmp_path: Path) -> None:
    (tmp_path / "harbourgazette.toml").write_text("# mine\n", encoding="utf-8")
    proc = _newscrawl("seed", "new", START, "--seeds-dir", str(tmp_path))
    assert proc.returncode == 2
    assert "harbourgazette.toml exists (--force to replace it, --name for another)" in proc.stderr
    assert (tmp_path / "harbourgazette.toml").read_text(encoding="utf-8") == "# mine\n"
