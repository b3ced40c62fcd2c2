"""A ``JOBDIR`` crawl that survives SIGKILL: nothing lost, nothing emitted twice.

Scrapy keeps a resumable crawl in its job folder: the duplicate filter's ``requests.seen``
(appended as requests are scheduled), the disk queue (whose index, ``active.json``, is written
only when the crawl closes) and ``spider.state`` (pickled when the crawl closes). A crawl killed
outright (SIGKILL, a crash, a lost machine) leaves the seen file complete and the queue without
its index: the rerun finds every URL seen, nothing queued, and reports ``finished`` at once
with most records never fetched.

`JobGuard` makes the job folder tell a clean stop from a kill: a run file
(``newscrawl-run.json``: process id, host, the feed files) is written when the crawl starts
and removed once the crawl has closed and Scrapy has saved its state. A rerun that finds it
with its process gone knows the saved state is not to be trusted and recovers from what does
survive a kill, the feed files themselves:

- each local JSON Lines feed of the killed run is cut back to its last complete line (a record
  half-written when the process died); its records are the ones emitted, each once;
- the queue and the seen file are set aside (``killed-N/``), so the spider starts again from
  its seeds (sitemaps, feeds, listings are fetched again and the links found again);
- the seen file is rebuilt from the pages already done (the emitted records' URLs and the
  URLs ``spider.state`` holds from earlier clean stops), so those are not fetched again;
- ``spider.state``'s de-duplication state (canonical URLs, text fingerprints) gets every
  emitted record, so a page that was in flight or in the lost tail of the feed's buffer is
  fetched, cleaned and emitted again, once, and a copy of an emitted story stays dropped.

The run file is also a lock: a second crawl started on a job folder whose crawl is running
stops at once with a clear message.

Not covered: a feed that is not a local JSON Lines file (its records cannot be read back: the
recovered crawl then relies on ``spider.state`` only, from the last clean stop), and ``-O``
(overwrite) feeds, which start empty by design; use ``-o`` with ``JOBDIR``.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured

from cleaners.dedup import FingerprintIndex, fingerprint
from newscrawl.urls import canonical_url

logger = logging.getLogger(__name__)

RUN_FILE = "newscrawl-run.json"
STATE_FILE = "spider.state"  # Scrapy's SpiderState extension
SEEN_FILE = "requests.seen"  # Scrapy's RFPDupeFilter
QUEUE_DIR = "requests.queue"  # Scrapy's scheduler disk queue
_JSONL_FORMATS = ("jsonlines", "jsonl")


class JobDirInUse(RuntimeError):
    """Another crawl is running on this job folder."""


class JobGuard:
    """The run file of a ``JOBDIR`` crawl: a lock, and the sign of a kill (module docstring)."""

    def __init__(self, crawler: Crawler, jobdir: Path) -> None:
        self.crawler = crawler
        self.jobdir = jobdir
        self.run_file = jobdir / RUN_FILE
        jobdir.mkdir(parents=True, exist_ok=True)
        previous = _read_run_file(self.run_file)
        if previous is not None:
            if _alive(previous):
                raise JobDirInUse(
                    f"JOBDIR {jobdir} is in use by a running crawl (process {previous['pid']} "
                    f"on {previous['host']}); wait for it to stop, or use another JOBDIR"
                )
            feeds = _unique(previous.get("feeds", []) + self._feeds_from_settings())
            recover(jobdir, feeds, crawler)
        self._write_run_file(self._feeds_from_settings())
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JobGuard:
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir or crawler.settings.get("REDIS_URL"):
            raise NotConfigured  # no job folder, or Redis mode (its own guarantees)
        return cls(crawler, Path(jobdir))

    def spider_opened(self) -> None:
        # The feeds are open now: their real paths (a templated URI is filled in).
        self._write_run_file(_unique(self._feeds_from_exporters() + self._feeds_from_settings()))

    def engine_stopped(self) -> None:
        # Everything is closed and saved (feeds, queue, spider.state): a clean stop.
        self.run_file.unlink(missing_ok=True)

    def _write_run_file(self, feeds: list[str]) -> None:
        data = {"pid": os.getpid(), "host": socket.gethostname(), "feeds": feeds}
        tmp = self.run_file.with_name(self.run_file.name + ".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.run_file)

    def _feeds_from_settings(self) -> list[str]:
        feeds = self.crawler.settings.getdict("FEEDS")
        return [
            path
            for uri, options in feeds.items()
            if "%(" not in str(uri) and _is_jsonl(options) and (path := _local_path(str(uri)))
        ]

    def _feeds_from_exporters(self) -> list[str]:
        paths = []
        for extension in getattr(self.crawler.extensions, "middlewares", ()):
            for slot in getattr(extension, "slots", ()):
                uri = getattr(slot, "uri", None)
                fmt = getattr(slot, "format", None)
                if uri and fmt in _JSONL_FORMATS and (path := _local_path(str(uri))):
                    paths.append(path)
        return paths


def recover(jobdir: Path, feeds: list[str], crawler: Crawler) -> None:
    """Make a killed crawl's job folder resumable from its feed files (module docstring)."""
    records = []
    for feed in feeds:
        records += list(_recovered_records(Path(feed)))
    aside = _aside_dir(jobdir)
    for name in (SEEN_FILE, QUEUE_DIR, STATE_FILE):
        if (jobdir / name).exists():
            aside.mkdir(exist_ok=True)
            shutil.move(str(jobdir / name), str(aside / name))
    state = _load_state(aside / STATE_FILE)
    seen_urls: set[str] = state.setdefault("seen_urls", set())
    index = state.setdefault(
        "fingerprints", FingerprintIndex(crawler.settings.getfloat("DEDUP_SIMILARITY", 0.8))
    )
    done: set[str] = set(seen_urls)
    for record in records:
        source, url = record.get("source"), record.get("url")
        for value in (source, url):
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                seen_urls.add(canonical_url(value))
                done.add(value)
        text, title = record.get("text"), record.get("title")
        if record.get("status", "ok") == "ok" and isinstance(text, str) and text:
            fp = fingerprint(text, title if isinstance(title, str) else None)
            if index.find(fp) is None:
                index.add(fp, str(source or url))
    with (jobdir / STATE_FILE).open("wb") as handle:
        pickle.dump(state, handle, protocol=4)
    # Scrapy's own duplicate filter writes the new seen file, in its own format.
    dupefilter = RFPDupeFilter(str(jobdir), fingerprinter=crawler.request_fingerprinter)
    try:
        for url in sorted(done):
            dupefilter.request_seen(Request(url))
    finally:
        dupefilter.close("recovered")
    logger.warning(
        "JOBDIR %s: the previous crawl was killed; recovered %d records from %s, the crawl "
        "starts again from its seeds (state set aside in %s)",
        jobdir,
        len(records),
        ", ".join(feeds) or "no feed file",
        aside.name,
    )


def _recovered_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a feed file, once it is cut back to its last complete line."""
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return
    with handle:
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            handle.truncate(end)  # a record half-written when the crawl was killed
    for line in data[:end].splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            yield record


def _load_state(path: Path) -> dict[str, Any]:
    """``spider.state`` of the last clean stop (our own job folder's file), or a new one."""
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            state = pickle.load(handle)  # written by this crawl's Scrapy (SpiderState)
    except Exception:
        return {}
    return state if isinstance(state, dict) else {}


def _aside_dir(jobdir: Path) -> Path:
    n = 1
    while (jobdir / f"killed-{n}").exists():
        n += 1
    return jobdir / f"killed-{n}"


def _read_run_file(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"pid": 0, "host": "", "feeds": []}  # half-written: the crawl died starting
    return data if isinstance(data, dict) else {"pid": 0, "host": "", "feeds": []}


def _alive(run: dict[str, Any]) -> bool:
    """Whether the crawl that wrote the run file still runs (on this host: by its pid)."""
    pid = run.get("pid")
    if not isinstance(pid, int) or pid <= 0 or pid == os.getpid():
        return False
    if run.get("host") != socket.gethostname():
        return True  # another machine's crawl on a shared folder: assume it runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _is_zombie(pid) is False


def _is_zombie(pid: int) -> bool | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"


def _is_jsonl(options: Any) -> bool:
    return isinstance(options, dict) and options.get("format") in _JSONL_FORMATS


def _local_path(uri: str) -> str | None:
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return os.path.abspath(unquote(parts.path))
    if parts.scheme == "" or (len(parts.scheme) == 1 and os.name == "nt"):
        return os.path.abspath(uri)
    return None


def _unique(paths: list[str]) -> list[str]:
    return list(dict.fromkeys(paths))
