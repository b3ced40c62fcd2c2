"""Crawling with several processes through one Redis (README "Scaling out"), for real: a
``redis-server`` on a unix socket in a temporary folder (started and stopped by each test),
``newscrawl seed-push``, and ``scrapy crawl news`` processes against the fixture sites.

``make install`` installs Debian's redis-server when it is missing; these tests skip only
when it cannot be found, and fail instead under CI (``CI=true``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from cleaners.dedup import fingerprint
from newscrawl import cli
from newscrawl.cluster.store import SharedStore
from tests.redis_server import CrawlProcess, RedisServer, redis_server_path
from tests.sitegen import FixtureSites
from tests.sitegen.crawl import CrawlResult, run_crawl
from tests.sitegen.site import DISALLOWED_PREFIX, ROOT, Page

if redis_server_path() is None:
    if os.environ.get("CI"):
        pytest.fail("redis-server is missing in CI: make install should have installed it")
    pytest.skip("redis-server is not installed (make install installs it)", allow_module_level=True)

pytestmark = pytest.mark.slow  # each test starts a redis-server, most of them crawlers too

# Small waits so the tests finish quickly: a crawler closes 1 s after the shared queue has
# emptied; a killed crawler's leases go back to the queue 2 s after its last heartbeat.
FAST = {"MAX_IDLE_TIME_BEFORE_CLOSE": "1", "REDIS_LEASE_TTL": "2"}


@pytest.fixture
def redis_url() -> Iterator[str]:
    with RedisServer() as server:
        yield server.url


@pytest.fixture
def store(redis_url: str) -> Iterator[SharedStore]:
    shared = SharedStore.from_url(redis_url, "t")
    yield shared
    shared.close()


def _newscrawl(redis_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``newscrawl ARGS`` as a command (the console script)."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("newscrawl")), "--redis-url", redis_url, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _cli(capsys: pytest.CaptureFixture[str], redis_url: str, *args: str) -> tuple[int, str]:
    """``newscrawl ARGS`` in this process (quicker): exit status and standard output."""
    capsys.readouterr()
    status = cli.main(["--redis-url", redis_url, *args])
    return status, capsys.readouterr().out


def _seed_push(redis_url: str, sites: FixtureSites) -> None:
    """What a user runs before starting the crawlers (the fixture sites' origin map)."""
    pushed = _newscrawl(
        redis_url, "-s", f"NEWSCRAWL_ORIGIN_MAP={json.dumps(sites.origin_map)}", "seed-push", "all"
    )
    assert pushed.returncode == 0, pushed.stderr
    assert f"start points of {len(sites.specs)} sites" in pushed.stdout


# -- the store's atomic operations ------------------------------------------------------------


def test_push_is_filtered_and_lease_ack_requeue(store: SharedStore) -> None:
    assert store.push("fp1", 0, b"a")
    assert not store.push("fp1", 0, b"a again")  # same fingerprint: not queued twice
    assert store.push(None, 0, b"b")  # dont_filter
    assert store.push("fp3", 5, b"urgent")  # higher priority comes first
    assert store.queued() == 3

    store.heartbeat("alive", 30)
    first = store.lease("alive")
    assert first is not None and first.payload == b"urgent"
    second = store.lease("dead")  # a crawler with no heartbeat (killed)
    assert second is not None and second.payload == b"a"  # FIFO within a priority
    assert store.queued() == 1 and store.inflight() == 2

    assert store.requeue_dead() == 1  # only the dead crawler's lease goes back
    assert store.queued() == 2 and store.inflight() == 1
    store.ack(first.id)
    assert store.inflight() == 0
    again = store.lease("alive")
    assert again is not None and again.payload == b"a"  # the taken-back request, first again

    # A crawler closing gracefully returns what it holds.
    assert store.requeue([again.id]) == 1
    assert store.queued() == 2
    # A request acknowledged after its lease was taken back is not handed out again.
    lease = store.lease("dead")
    assert lease is not None
    store.requeue_dead()
    store.ack(lease.id)
    last = store.lease("alive")
    assert last is not None and last.payload == b"b"
    assert store.lease("alive") is None


def test_commit_emits_each_story_once(store: SharedStore) -> None:
    text = " ".join(f"word{i} of a long story about water ministers" for i in range(60))
    fp = fingerprint(text, "Ministers meet")
    near = fingerprint(text + " Follow us on social media.", "Ministers meet")
    other = fingerprint(text.replace("water", "desert locusts and"), "Locusts")

    assert store.commit({"url": "http://a/1"}, ["http://a/1"], fp, 0.8) == ("ok", None)
    assert store.commit({"url": "http://a/1"}, ["http://a/1"], other, 0.8)[0] == "duplicate_url"
    assert store.commit({"url": "http://b/1"}, ["http://b/1"], fp, 0.8) == (
        "duplicate_content",
        "http://a/1",
    )
    assert store.commit({"url": "http://c/1"}, ["http://c/1"], near, 0.8) == (
        "duplicate_content",
        "http://a/1",
    )
    assert store.commit({"url": "http://d/1"}, ["http://d/1"], other, 0.8) == ("ok", None)
    assert [r["url"] for r in store.records()] == ["http://a/1", "http://d/1"]
    assert store.url_seen(["http://d/1"]) and not store.url_seen(["http://e/1"])


def test_seed_push_status_records_reset(
    redis_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    origin = {"www.thenationalnews.com": "http://127.0.0.1:9"}
    status, out = _cli(
        capsys, redis_url, "-s", f"NEWSCRAWL_ORIGIN_MAP={json.dumps(origin)}", "seed-push",
        "thenational",
    )  # fmt: skip
    assert status == 0 and "pushed" in out
    shared = SharedStore.from_url(redis_url)
    try:
        seeds = shared.read_seeds(0)
        assert seeds and {s["site"] for s in seeds} == {"thenational"}
        assert all(s["url"].startswith("http://127.0.0.1:9/") for s in seeds)  # origin map
        shared.commit({"url": "http://x/1", "title": "T"}, ["http://x/1"], None, 0.8)
    finally:
        shared.close()
    assert json.loads(_cli(capsys, redis_url, "status")[1])["seeds"] == len(seeds)
    assert json.loads(_cli(capsys, redis_url, "status")[1])["records"] == 1
    out_file = tmp_path / "records.jsonl"
    assert _cli(capsys, redis_url, "records", "-o", str(out_file))[0] == 0
    assert [json.loads(line)["url"] for line in out_file.read_text().splitlines()] == ["http://x/1"]
    assert _cli(capsys, redis_url, "seed-push", "nosuchsite")[0] == 2
    assert _cli(capsys, redis_url, "reset")[0] == 2  # needs --yes
    assert _cli(capsys, redis_url, "reset", "--yes")[0] == 0
    assert json.loads(_cli(capsys, redis_url, "status")[1])["seeds"] == 0
    with pytest.raises(SystemExit):
        cli.main(["status"])  # no Redis given


# -- real crawls ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sites() -> Iterator[FixtureSites]:
    with FixtureSites() as served:
        yield served


@pytest.fixture(scope="module")
def baseline(sites: FixtureSites, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """The single-process crawl (no Redis) that the shared crawls must reproduce."""
    result = run_crawl(tmp_path_factory.mktemp("baseline"), sites.origin_map, site="all")
    assert result.returncode == 0, result.log[-3000:]
    return result


def _own_pages(sites: FixtureSites) -> list[tuple[str, Page]]:
    return [
        (name, page)
        for name, spec in sites.specs.items()
        for page in spec.pages
        if page.expect != "fetched"
    ]


def _groups(sites: FixtureSites) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for name, page in _own_pages(sites):
        if page.dup_group:
            groups.setdefault(page.dup_group, set()).add(sites.url(name, page.path))
    return list(groups.values())


def _comparable(record: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k != "fetched_at"}, sort_keys=True)


def assert_same_records(
    sites: FixtureSites, baseline: CrawlResult, records: list[dict[str, Any]]
) -> None:
    """``records`` are the baseline's records, each once: the same pages, the same content;
    of each group of copies of one story, exactly one (which one depends on timing)."""
    sources = [r["source"] for r in records]
    assert len(sources) == len(set(sources)), Counter(sources).most_common(3)
    groups = _groups(sites)
    grouped = set().union(*groups)
    expected = {r["source"]: _comparable(r) for r in baseline.records if r["source"] not in grouped}
    got = {r["source"]: _comparable(r) for r in records if r["source"] not in grouped}
    assert got.keys() == expected.keys()
    assert got == expected
    for members in groups:
        assert len(set(sources) & members) == 1, members
    assert len(records) == len(baseline.records)


def _article_hits(sites: FixtureSites, since: int = 0) -> Counter[tuple[str, str]]:
    own = {(name, page.path) for name, page in _own_pages(sites) if page.expect == "ok"}
    return Counter(
        (h.site, urlsplit(h.path).path)
        for h in sites.requests.hits()[since:]
        if (h.site, urlsplit(h.path).path) in own
    )


def _shared_records(redis_url: str) -> list[dict[str, Any]]:
    shared = SharedStore.from_url(redis_url)
    try:
        return shared.records()
    finally:
        shared.close()


def _stopped(*crawls: CrawlProcess) -> None:
    for crawl in crawls:
        crawl.kill()


def test_two_crawlers_share_the_work(
    sites: FixtureSites, baseline: CrawlResult, redis_url: str, tmp_path: Path
) -> None:
    start = len(sites.requests.hits())
    # Both crawlers wait for seeds, then share the queue, 4 requests at a time. They wait up
    # to 15 s: `newscrawl seed-push` (a new process) can take more than 3 s to push them on a
    # busy machine, and a crawler that closed before they came did nothing (a flaky failure).
    settings = {**FAST, "REDIS_URL": redis_url, "MAX_IDLE_TIME_BEFORE_CLOSE": "15"}
    settings["CONCURRENT_REQUESTS"] = "4"
    # Each crawler spaces its requests to a site: on a fast machine one crawler fetched every
    # local page before the other's next look at the queue (every 0.5 s, `TICK`), and the
    # other did nothing (a flaky failure). With the delay the crawl lasts a few seconds.
    settings["DOWNLOAD_DELAY"] = "0.3"
    settings["DOWNLOAD_DELAY_JITTER"] = "0"
    crawls = [CrawlProcess(tmp_path, n, sites.origin_map, settings=settings) for n in "ab"]
    try:
        _wait_until(lambda: _status(redis_url)["crawlers"] == 2, 60, "both crawlers to start")
        _seed_push(redis_url, sites)
        for crawl in crawls:
            assert crawl.wait() == 0, crawl.log[-3000:]
    finally:
        _stopped(*crawls)
    for crawl in crawls:
        stats = crawl.stats()
        assert stats["finish_reason"] == "finished", crawl.log[-3000:]
        assert "Traceback" not in crawl.log and "DeprecationWarning" not in crawl.log
        assert stats.get("scheduler/dequeued/redis", 0) > 0, f"{crawl.name} did nothing"
        assert stats.get("newscrawl/redis/requeued", 0) == 0

    # Together: every record of the single-process crawl, each emitted once.
    records = crawls[0].records() + crawls[1].records()
    assert_same_records(sites, baseline, records)
    shared = _shared_records(redis_url)
    assert sorted(map(_comparable, shared)) == sorted(map(_comparable, records))

    # Every article page fetched exactly once across both crawlers.
    hits = _article_hits(sites, start)
    expected = {(n, p.path) for n, p in _own_pages(sites) if p.expect == "ok"}
    assert set(hits) == expected
    assert all(count == 1 for count in hits.values()), hits.most_common(3)


def _wait_until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def _status(redis_url: str) -> dict[str, int]:
    shared = SharedStore.from_url(redis_url)
    try:
        return shared.status()
    finally:
        shared.close()


def _leases_of(redis_url: str, pid: int) -> int:
    shared = SharedStore.from_url(redis_url)
    try:
        owners = shared.client.hvals(shared.k_inflight)
    finally:
        shared.close()
    return sum(1 for owner in owners if f":{pid}:" in owner.decode())


@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_crawler_stopped_mid_crawl_and_restarted(
    how: str, sites: FixtureSites, baseline: CrawlResult, redis_url: str, tmp_path: Path
) -> None:
    """One crawler stopped mid-crawl (SIGKILL, or one Ctrl-C) and started again: the crawl
    completes with every record emitted once.

    SIGKILL: the requests it had leased go back to the queue when its heartbeat expires
    (another crawler takes them); those may be fetched twice, their records are still
    emitted once. Ctrl-C: it finishes what it was fetching and returns the rest; nothing is
    fetched twice.
    """
    _seed_push(redis_url, sites)
    start = len(sites.requests.hits())
    fast = {"REDIS_URL": redis_url, **FAST}
    # The crawler to stop is slowed down so that it is stopped with requests in flight.
    slow = {**fast, "DOWNLOAD_DELAY": "0.3", "CONCURRENT_REQUESTS": "4"}
    first = CrawlProcess(tmp_path, "first", sites.origin_map, settings=slow)
    crawls = [first]
    try:
        _wait_until(
            lambda: (
                sum(_article_hits(sites, start).values()) >= 3
                and _leases_of(redis_url, first.pid) >= 1
            ),
            120,
            "the first crawler to fetch articles",
        )
        held = _leases_of(redis_url, first.pid)
        if how == "kill":
            first.proc.send_signal(signal.SIGKILL)
            assert first.wait(60) == -signal.SIGKILL
        else:
            first.proc.send_signal(signal.SIGINT)
            assert first.wait(120) == 0, first.log[-3000:]
        # Started again, with a second crawler beside it.
        again = CrawlProcess(tmp_path, "again", sites.origin_map, settings=fast)
        other = CrawlProcess(tmp_path, "other", sites.origin_map, settings=fast)
        crawls += [again, other]
        for crawl in (again, other):
            assert crawl.wait() == 0, crawl.log[-3000:]
    finally:
        _stopped(*crawls)

    assert held >= 1
    disallowed = [h for h in sites.requests.hits()[start:] if DISALLOWED_PREFIX in h.path]
    assert not disallowed, (disallowed, again.log[-5000:])
    for crawl in (other, again):
        assert crawl.stats()["finish_reason"] == "finished", crawl.log[-3000:]
        assert "Traceback" not in crawl.log
    requeued = sum(c.stats().get("newscrawl/redis/requeued", 0) for c in (other, again))
    hits = _article_hits(sites, start)
    expected = {(n, p.path) for n, p in _own_pages(sites) if p.expect == "ok"}
    assert set(hits) == expected  # nothing lost

    # The shared record list: exactly the single-process crawl's records, once each.
    shared = _shared_records(redis_url)
    assert_same_records(sites, baseline, shared)
    files = first.records() + other.records() + again.records()
    sources = [r["source"] for r in files]
    assert len(sources) == len(set(sources))  # no record in two crawlers' files
    assert {_comparable(r) for r in files} <= {_comparable(r) for r in shared}

    if how == "kill":
        # Its leases were taken back by the others; only those can have been fetched twice.
        assert requeued >= 1
        assert sum(hits.values()) - len(hits) <= requeued
    else:
        stats = first.stats()
        assert stats["finish_reason"] == "shutdown", first.log[-3000:]
        assert requeued == 0
        assert all(count == 1 for count in hits.values()), hits.most_common(3)
        # A graceful stop loses nothing from its own file either.
        assert_same_records(sites, baseline, files)
