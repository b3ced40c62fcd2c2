"""The work done for one page in a cleaning process: clean, then fingerprint.

Runs in the worker processes of :class:`newscrawl.pool.CleanerPool` (or inline when the pool
has no workers). Everything here is picklable in and out: bytes and plain values go in, the
record dict and a :class:`Fingerprint` come out.

The cleaner is `cleaners.pipeline.clean_document`, the function ``newsclean clean`` calls, on a
`Document` holding the page bytes as received, the HTTP charset, the seed's site name and rule
pack: exactly what an offline ``newsclean clean crawl.warc.gz`` reads from the archived
response, so both give the same record.
"""

from __future__ import annotations

import importlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from w3lib.encoding import html_to_unicode, http_content_type_encoding

from cleaners.budget import DEFAULT_SECONDS, DocumentTimeout, time_budget
from cleaners.dedup import Fingerprint, fingerprint
from cleaners.document import Document
from cleaners.record import Article

DEFAULT_CLEANER = "cleaners.pipeline:clean_document"
TIMEOUT = "timeout"  # how a CleanResult.error over the time budget starts

_cleaner: Callable[[Document], Article] | None = None
_cleaner_path: str | None = None


@dataclass(frozen=True, slots=True)
class CleanResult:
    record: dict[str, Any]
    fingerprint: Fingerprint | None
    seconds: float  # wall time in the worker
    error: str | None = None
    cpu_seconds: float = 0.0  # CPU time in the worker


class PageTask(NamedTuple):
    """One page for the cleaner: what the crawl sends to a cleaning process."""

    body: bytes
    url: str
    site: str
    rules: dict[str, Any]
    content_type: str | None


def load_cleaner(path: str = DEFAULT_CLEANER) -> Callable[[Document], Article]:
    """Import ``module:function`` once per process: a function from a `Document` to an
    `Article`, like `cleaners.pipeline.clean_document` (the default, what `newsclean` calls)."""
    global _cleaner, _cleaner_path
    if _cleaner is None or _cleaner_path != path:
        module, _, name = path.partition(":")
        _cleaner = getattr(importlib.import_module(module), name or "clean_document")
        _cleaner_path = path
    assert _cleaner is not None
    return _cleaner


def http_charset(content_type: str | None) -> str | None:
    """The charset of a Content-Type header value, if it names one."""
    return http_content_type_encoding(content_type) if content_type else None


def decode_html(body: bytes, content_type: str | None) -> str:
    """Decode a page as Scrapy does (for the fetch-only records)."""
    try:
        _, text = html_to_unicode(content_type, body)
    except LookupError:  # a charset label naming a codec that is no text encoding (rot13)
        from cleaners.html.decode import decode_html as decode

        return decode(body)
    return text


def page_document(
    body: bytes, url: str, site: str, rules: dict[str, Any] | None, content_type: str | None
) -> Document:
    """The page as the cleaner's input: what a reader of the crawl's WARC file makes of the
    archived response (`cleaners.readers`), so the crawl and ``newsclean clean crawl.warc.gz``
    clean the same `Document`."""
    return Document(
        source=url,
        url=url,
        html=body,
        site=site,
        rules=rules or None,
        http_charset=http_charset(content_type),
    )


def clean_page(
    body: bytes,
    url: str,
    site: str,
    rules: dict[str, Any],
    content_type: str | None = None,
    cleaner_path: str = DEFAULT_CLEANER,
    budget: float | None = DEFAULT_SECONDS,
) -> CleanResult:
    """Clean one page; never raises (a failure, or a page over its time ``budget``, becomes
    an ``unreadable`` rejection whose error says why)."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        clean = load_cleaner(cleaner_path)
        with time_budget(budget):
            article = clean(page_document(body, url, site, rules, content_type))
            record = article.to_dict()
            fp = fingerprint(article.text, article.title) if article.ok else None
        error = None
    except DocumentTimeout:
        record, fp = unreadable(url, site), None
        error = f"{TIMEOUT}: cleaning took longer than {budget:g} s (CLEAN_TIME_BUDGET)"
    except Exception:
        record, fp, error = unreadable(url, site), None, traceback.format_exc(limit=5)
    return CleanResult(record, fp, time.perf_counter() - start, error, time.process_time() - cpu)


def clean_batch(
    tasks: list[PageTask],
    cleaner_path: str = DEFAULT_CLEANER,
    budget: float | None = DEFAULT_SECONDS,
) -> list[CleanResult]:
    """Clean several pages in one call: one message each way for the lot."""
    return [clean_page(*task, cleaner_path=cleaner_path, budget=budget) for task in tasks]


def unreadable(url: str, site: str) -> dict[str, Any]:
    """The record of a page the cleaner failed on."""
    from cleaners.record import STATUS_REJECTED, Article

    return Article(
        source=url, url=url, status=STATUS_REJECTED, reject_reason="unreadable", site=site
    ).to_dict()


def warm_up(cleaner_path: str = DEFAULT_CLEANER) -> None:
    """Import the cleaner (the HTML path and the language profiles are loaded by
    `cleaners.procpool.start_cleaning_process`, or by `start` for an inline pool)."""
    load_cleaner(cleaner_path)


def start_worker(cleaner_path: str, parent: int) -> None:
    """Pool initializer: start as every cleaning process does (end with the crawl, so a
    crawl killed outright leaves no cleaning process behind; warm up), then `warm_up`."""
    from cleaners.procpool import start_cleaning_process

    start_cleaning_process(parent)
    warm_up(cleaner_path)
